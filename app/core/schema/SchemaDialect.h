// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "schema/SchemaSnapshot.h"

namespace Halo {

class ResultTable;

// What a practice's database engine understands for reading its own schema, by PMS: Best
// Practice runs on SQL Server (INFORMATION_SCHEMA), Zedmed on Firebird (RDB$ system tables) and
// D4w on Sybase SQL Anywhere (SYS.SYSCOLUMNS) — Halo Link speaks SQL Server, Firebird and Sybase,
// and D4w is the one left on Sybase. Each dialect's catalogue query returns one row per column
// (table, table type, column, type, nullability, position); read() turns those rows into a
// SchemaSnapshot, trimming Firebird's CHAR(31) padding.
class SchemaDialect
{
    Q_DECLARE_TR_FUNCTIONS(Halo::SchemaDialect)
public:
    enum class Engine { SqlServer, Firebird, SqlAnywhere };

    static Engine engineFor(const QString &pmsType);
    static QString engineName(Engine engine); // "SQL Server", "Firebird", "SQL Anywhere"
    static QString catalogueQuery(Engine engine);
    // Reads the catalogue query's rows; false with the reason when the rows are not such an
    // answer (a missing column), so a broken answer is never an empty schema.
    static bool read(Engine engine, const ResultTable &rows, SchemaSnapshot *schema,
                     QString *error);
    // "SELECT TOP 100 * FROM …" (FIRST 100 on Firebird), the name quoted when it needs it.
    static QString firstRowsQuery(Engine engine, const SchemaTable &table, int rows = 100);
    // The name as the engine wants it written: bare when it can be, quoted otherwise.
    static QString quotedName(Engine engine, const QString &name);
    // The engine's reserved words, upper case, for completion.
    static QStringList keywords(Engine engine);
};

} // namespace Halo
