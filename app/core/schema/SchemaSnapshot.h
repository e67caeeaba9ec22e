// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Halo {

struct SchemaColumn {
    QString name;
    QString type; // as the engine names it: nvarchar, INTEGER, VARCHAR, …
    bool nullable = true;
};

struct SchemaTable {
    QString schema; // SQL Server's owner (dbo); empty where the engine has none
    QString name;
    bool isView = false;
    QList<SchemaColumn> columns; // in the table's order
};

// A practice's tables and columns in one catalogue, as read through the API: structure only,
// never data. `readAt` is when it was read from the practice (kept with a cached copy).
struct SchemaSnapshot {
    QString engine; // SchemaDialect::engineName()
    QString catalogue;
    QDateTime readAt;
    QList<SchemaTable> tables; // sorted by name, case-insensitively

    bool isEmpty() const { return tables.isEmpty(); }
    // The table of that name (case-insensitive, with or without its schema), or null.
    const SchemaTable *table(const QString &name) const;
};

} // namespace Halo
