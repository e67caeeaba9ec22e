// SPDX-License-Identifier: GPL-3.0-or-later
// How each engine describes its own tables, emulated from SQLite's catalogue:
// - SQL Server: INFORMATION_SCHEMA.TABLES (TABLE_CATALOG, TABLE_SCHEMA 'dbo', TABLE_NAME,
//   TABLE_TYPE 'BASE TABLE' or 'VIEW') and INFORMATION_SCHEMA.COLUMNS (…, COLUMN_NAME,
//   ORDINAL_POSITION from 1, COLUMN_DEFAULT, IS_NULLABLE 'YES'/'NO', DATA_TYPE,
//   CHARACTER_MAXIMUM_LENGTH -1 for (max), NUMERIC_PRECISION).
// - Firebird: names upper case and padded to CHAR(31) with spaces, as Firebird keeps them, and
//   compared as CHAR is (trailing blanks ignored: WHERE RDB$RELATION_NAME = 'PATIENTS' works);
//   RDB$RELATIONS (RDB$VIEW_BLR null for a table, RDB$SYSTEM_FLAG 1 for the engine's own),
//   RDB$RELATION_FIELDS (RDB$FIELD_POSITION from 0, RDB$NULL_FLAG 1 for NOT NULL, else null,
//   RDB$FIELD_SOURCE naming the RDB$FIELDS row) and RDB$FIELDS (RDB$FIELD_TYPE codes: 8
//   INTEGER, 27 DOUBLE PRECISION, 37 VARCHAR, 261 BLOB, 16 BIGINT). A few system relations come
//   along, flagged, so that a client's filter on RDB$SYSTEM_FLAG has something to leave out.
// - SQL Anywhere: SYS.SYSCOLUMNS (creator 'DBA', cname, tname, coltype, nulls 'Y'/'N', length,
//   in_primary_key, colno from 1), with two rows of the engine's own under creator 'SYS'.
// SQLite types map by SQLite's affinity rules: INT → int / INTEGER; CHAR, CLOB, TEXT →
// nvarchar / VARCHAR; REAL, FLOA, DOUB → float / DOUBLE PRECISION; BLOB → varbinary / BLOB; a
// view's computed column without a type → sql_variant / VARCHAR; anything else numeric.
// stored_procedures, the sandbox's own table behind type=storedProcedure, is left out.
#include "SampleCatalogueViews_p.h"

#include "SampleSites.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Sandbox::detail {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("''")) +
           QLatin1Char('\'');
}

// Every column of every table and view, with its type's affinity as SQLite decides it.
const char *const kColumns =
    "CREATE TEMP VIEW halo_catalogue_columns AS "
    "SELECT m.rowid AS relation_id, m.name AS table_name, m.type AS table_type, "
    "p.cid + 1 AS position, p.name AS column_name, "
    "CASE WHEN instr(upper(p.type), 'INT') > 0 THEN 'integer' "
    "WHEN instr(upper(p.type), 'CHAR') > 0 OR instr(upper(p.type), 'CLOB') > 0 "
    "OR instr(upper(p.type), 'TEXT') > 0 THEN 'text' "
    "WHEN instr(upper(p.type), 'BLOB') > 0 THEN 'blob' "
    "WHEN instr(upper(p.type), 'REAL') > 0 OR instr(upper(p.type), 'FLOA') > 0 "
    "OR instr(upper(p.type), 'DOUB') > 0 THEN 'real' "
    "WHEN p.type = '' THEN 'none' ELSE 'numeric' END AS affinity, "
    "(p.\"notnull\" <> 0 OR p.pk <> 0) AS not_null, p.pk <> 0 AS in_key, "
    "p.dflt_value AS default_value "
    "FROM main.sqlite_master m JOIN pragma_table_info(m.name, 'main') p "
    "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite!_%' ESCAPE '!' "
    "AND m.name <> 'stored_procedures'";

QStringList sqlServerViews(const QString &catalogue)
{
    return {
        QStringLiteral("CREATE TEMP VIEW information_schema_tables AS "
                       "SELECT %1 AS TABLE_CATALOG, 'dbo' AS TABLE_SCHEMA, name AS TABLE_NAME, "
                       "CASE type WHEN 'view' THEN 'VIEW' ELSE 'BASE TABLE' END AS TABLE_TYPE "
                       "FROM main.sqlite_master WHERE type IN ('table', 'view') "
                       "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> 'stored_procedures'")
            .arg(quoted(catalogue)),
        QStringLiteral(
            "CREATE TEMP VIEW information_schema_columns AS "
            "SELECT %1 AS TABLE_CATALOG, 'dbo' AS TABLE_SCHEMA, table_name AS TABLE_NAME, "
            "column_name AS COLUMN_NAME, position AS ORDINAL_POSITION, "
            "default_value AS COLUMN_DEFAULT, "
            "CASE WHEN not_null THEN 'NO' ELSE 'YES' END AS IS_NULLABLE, "
            "CASE affinity WHEN 'integer' THEN 'int' WHEN 'text' THEN 'nvarchar' "
            "WHEN 'blob' THEN 'varbinary' WHEN 'real' THEN 'float' WHEN 'none' THEN 'sql_variant' "
            "ELSE 'decimal' END AS DATA_TYPE, "
            "CASE WHEN affinity IN ('text', 'blob') THEN -1 END AS CHARACTER_MAXIMUM_LENGTH, "
            "CASE affinity WHEN 'integer' THEN 10 WHEN 'real' THEN 53 WHEN 'numeric' THEN 18 "
            "END AS NUMERIC_PRECISION "
            "FROM halo_catalogue_columns")
            .arg(quoted(catalogue))};
}

QStringList sqlAnywhereViews()
{
    return {QStringLiteral(
        "CREATE TEMP VIEW sys_syscolumns AS "
        "SELECT 'DBA' AS creator, column_name AS cname, table_name AS tname, "
        "CASE affinity WHEN 'integer' THEN 'integer' WHEN 'text' THEN 'varchar' "
        "WHEN 'blob' THEN 'long binary' WHEN 'real' THEN 'double' WHEN 'none' THEN 'long varchar' "
        "ELSE 'numeric' END AS coltype, "
        "CASE WHEN not_null THEN 'N' ELSE 'Y' END AS nulls, "
        "CASE affinity WHEN 'integer' THEN 4 WHEN 'real' THEN 8 WHEN 'numeric' THEN 18 "
        "ELSE 32767 END AS length, 0 AS syslength, "
        "CASE WHEN in_key THEN 'Y' ELSE 'N' END AS in_primary_key, position AS colno, "
        "default_value AS default_value, 'R' AS column_kind, NULL AS remarks "
        "FROM halo_catalogue_columns "
        "UNION ALL SELECT 'SYS', 'SYSTAB', 'table_id', 'unsigned int', 'N', 4, 0, 'Y', 1, NULL, "
        "'R', NULL "
        "UNION ALL SELECT 'SYS', 'SYSTAB', 'table_name', 'char', 'N', 128, 0, 'N', 2, NULL, "
        "'R', NULL")};
}

QStringList firebirdViews()
{
    // printf('%-31s', …): CHAR(31), blank-padded.
    return {
        QStringLiteral(
            "CREATE TEMP VIEW \"RDB$RELATIONS\" AS "
            "SELECT printf('%-31s', upper(name)) COLLATE RTRIM AS \"RDB$RELATION_NAME\", "
            "128 + rowid AS \"RDB$RELATION_ID\", 0 AS \"RDB$SYSTEM_FLAG\", "
            "CASE type WHEN 'view' THEN X'0502' END AS \"RDB$VIEW_BLR\", "
            "CASE type WHEN 'view' THEN sql END AS \"RDB$VIEW_SOURCE\", "
            "CASE type WHEN 'view' THEN 1 ELSE 0 END AS \"RDB$RELATION_TYPE\", "
            "NULL AS \"RDB$DESCRIPTION\" "
            "FROM main.sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> 'stored_procedures' "
            "UNION ALL SELECT printf('%-31s', 'RDB$DATABASE'), 1, 1, NULL, NULL, 0, NULL "
            "UNION ALL SELECT printf('%-31s', 'RDB$RELATIONS'), 6, 1, NULL, NULL, 0, NULL"),
        QStringLiteral(
            "CREATE TEMP VIEW \"RDB$RELATION_FIELDS\" AS "
            "SELECT printf('%-31s', upper(column_name)) COLLATE RTRIM AS \"RDB$FIELD_NAME\", "
            "printf('%-31s', upper(table_name)) COLLATE RTRIM AS \"RDB$RELATION_NAME\", "
            "printf('%-31s', 'RDB$' || (relation_id * 1000 + position)) COLLATE RTRIM AS "
            "\"RDB$FIELD_SOURCE\", "
            "position - 1 AS \"RDB$FIELD_POSITION\", "
            "CASE WHEN not_null THEN 1 END AS \"RDB$NULL_FLAG\", "
            "default_value AS \"RDB$DEFAULT_SOURCE\", 0 AS \"RDB$SYSTEM_FLAG\" "
            "FROM halo_catalogue_columns "
            "UNION ALL SELECT printf('%-31s', 'RDB$DESCRIPTION'), printf('%-31s', "
            "'RDB$DATABASE'), printf('%-31s', 'RDB$DESCRIPTION'), 0, NULL, NULL, 1 "
            "UNION ALL SELECT printf('%-31s', 'RDB$RELATION_ID'), printf('%-31s', "
            "'RDB$DATABASE'), printf('%-31s', 'RDB$RELATION_ID'), 1, NULL, NULL, 1"),
        QStringLiteral(
            "CREATE TEMP VIEW \"RDB$FIELDS\" AS "
            "SELECT printf('%-31s', 'RDB$' || (relation_id * 1000 + position)) COLLATE RTRIM AS "
            "\"RDB$FIELD_NAME\", "
            "CASE affinity WHEN 'integer' THEN 8 WHEN 'text' THEN 37 WHEN 'blob' THEN 261 "
            "WHEN 'real' THEN 27 WHEN 'none' THEN 37 ELSE 16 END AS \"RDB$FIELD_TYPE\", "
            "CASE affinity WHEN 'blob' THEN 0 END AS \"RDB$FIELD_SUB_TYPE\", "
            "CASE affinity WHEN 'integer' THEN 4 WHEN 'real' THEN 8 WHEN 'blob' THEN 8 "
            "WHEN 'numeric' THEN 8 ELSE 1020 END AS \"RDB$FIELD_LENGTH\", "
            "CASE WHEN affinity IN ('text', 'none') THEN 255 END AS \"RDB$CHARACTER_LENGTH\", "
            "NULL AS \"RDB$NULL_FLAG\", 0 AS \"RDB$SYSTEM_FLAG\" "
            "FROM halo_catalogue_columns "
            "UNION ALL SELECT printf('%-31s', 'RDB$DESCRIPTION'), 261, 1, 8, NULL, NULL, 1 "
            "UNION ALL SELECT printf('%-31s', 'RDB$RELATION_ID'), 7, 0, 2, NULL, NULL, 1")};
}

} // namespace

bool installCatalogueViews(QSqlDatabase db, const SampleSite &site, const QString &catalogue,
                           QString *error)
{
    QStringList statements{QString::fromLatin1(kColumns)};
    if (site.pmsType == QLatin1String("Zedmed")) {
        statements += firebirdViews();
    } else {
        statements += sqlServerViews(catalogue);
        if (site.pmsType == QLatin1String("D4w"))
            statements += sqlAnywhereViews();
    }
    QSqlQuery query(db);
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace Sandbox::detail
