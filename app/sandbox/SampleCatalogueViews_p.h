// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The catalogue views a practice's engine offers, emulated over SQLite's own catalogue so that
// the client's schema queries work offline (SampleCatalogueViews.cpp). Internal to the sandbox.
#include <QSqlDatabase>
#include <QString>

namespace Sandbox {
struct SampleSite;
}

namespace Sandbox::detail {

// Creates, as TEMP views of this connection, what the site's engine answers schema queries
// with: SQL Server's INFORMATION_SCHEMA.TABLES and COLUMNS (Best Practice and D4w, which the
// sandbox runs as SQL Server-style sites), SQL Anywhere's SYS.SYSCOLUMNS (D4w), and Firebird's
// RDB$RELATIONS, RDB$RELATION_FIELDS and RDB$FIELDS (Zedmed). They read sqlite_master and
// pragma_table_info when queried, so tables created later show up too. The two-part names are
// rewritten to the views' names by TsqlRewrite. False with SQLite's reason on failure.
bool installCatalogueViews(QSqlDatabase db, const SampleSite &site, const QString &catalogue,
                           QString *error);

} // namespace Sandbox::detail
