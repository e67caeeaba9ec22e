// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/SchemaDialect.h"

#include "results/ResultTable.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Halo {

namespace {

// Every dialect's query names its columns alike, so one reader serves them all.
const QLatin1String kSchemaColumn("TABLE_SCHEMA");
const QLatin1String kTableColumn("TABLE_NAME");
const QLatin1String kTypeOfTableColumn("TABLE_TYPE");
const QLatin1String kColumnColumn("COLUMN_NAME");
const QLatin1String kDataTypeColumn("DATA_TYPE");
const QLatin1String kNullableColumn("IS_NULLABLE");

int columnOf(const ResultTable &rows, const QString &name)
{
    for (int column = 0; column < rows.columnCount(); ++column) {
        if (rows.columns().at(column).compare(name, Qt::CaseInsensitive) == 0)
            return column;
    }
    return -1;
}

QString text(const ResultTable &rows, int row, int column)
{
    if (column < 0)
        return {};
    const ResultCell cell = rows.cell(row, column);
    return cell.isNull() ? QString() : cell.toVariant().toString().trimmed();
}

// RDB$FIELDS.RDB$FIELD_TYPE codes, as Firebird's documentation lists them.
QString firebirdType(const QString &code)
{
    static const QHash<int, QString> names{{7, QStringLiteral("SMALLINT")},
                                           {8, QStringLiteral("INTEGER")},
                                           {10, QStringLiteral("FLOAT")},
                                           {12, QStringLiteral("DATE")},
                                           {13, QStringLiteral("TIME")},
                                           {14, QStringLiteral("CHAR")},
                                           {16, QStringLiteral("BIGINT")},
                                           {23, QStringLiteral("BOOLEAN")},
                                           {27, QStringLiteral("DOUBLE PRECISION")},
                                           {35, QStringLiteral("TIMESTAMP")},
                                           {37, QStringLiteral("VARCHAR")},
                                           {261, QStringLiteral("BLOB")}};
    bool ok = false;
    const int value = code.toInt(&ok);
    return ok ? names.value(value, code) : code;
}

bool nullable(SchemaDialect::Engine engine, const QString &value)
{
    switch (engine) {
    case SchemaDialect::Engine::SqlServer:
        return value.compare(QLatin1String("NO"), Qt::CaseInsensitive) != 0;
    case SchemaDialect::Engine::Firebird:
        return value.isEmpty() || value == QLatin1String("0"); // RDB$NULL_FLAG 1: NOT NULL
    case SchemaDialect::Engine::SqlAnywhere:
        return value.compare(QLatin1String("N"), Qt::CaseInsensitive) != 0;
    }
    return true;
}

} // namespace

const SchemaTable *SchemaSnapshot::table(const QString &name) const
{
    for (const SchemaTable &candidate : tables) {
        if (candidate.name.compare(name, Qt::CaseInsensitive) == 0 ||
            (!candidate.schema.isEmpty() && (candidate.schema + QLatin1Char('.') + candidate.name)
                                                    .compare(name, Qt::CaseInsensitive) == 0))
            return &candidate;
    }
    return nullptr;
}

SchemaDialect::Engine SchemaDialect::engineFor(const QString &pmsType)
{
    if (pmsType == QLatin1String("Zedmed"))
        return Engine::Firebird;
    if (pmsType == QLatin1String("D4w"))
        return Engine::SqlAnywhere;
    return Engine::SqlServer;
}

QString SchemaDialect::engineName(Engine engine)
{
    switch (engine) {
    case Engine::SqlServer:
        return QStringLiteral("SQL Server");
    case Engine::Firebird:
        return QStringLiteral("Firebird");
    case Engine::SqlAnywhere:
        return QStringLiteral("SQL Anywhere");
    }
    return {};
}

QString SchemaDialect::catalogueQuery(Engine engine)
{
    switch (engine) {
    case Engine::SqlServer:
        return QStringLiteral(
            "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, t.TABLE_TYPE, c.COLUMN_NAME, c.DATA_TYPE,\n"
            "       c.IS_NULLABLE, c.ORDINAL_POSITION\n"
            "FROM INFORMATION_SCHEMA.COLUMNS c\n"
            "JOIN INFORMATION_SCHEMA.TABLES t\n"
            "  ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME\n"
            "ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION");
    case Engine::Firebird:
        return QStringLiteral(
            "SELECT TRIM(rf.RDB$RELATION_NAME) AS TABLE_NAME,\n"
            "       CASE WHEN r.RDB$VIEW_BLR IS NULL THEN 'TABLE' ELSE 'VIEW' END AS TABLE_TYPE,\n"
            "       TRIM(rf.RDB$FIELD_NAME) AS COLUMN_NAME, f.RDB$FIELD_TYPE AS DATA_TYPE,\n"
            "       rf.RDB$NULL_FLAG AS IS_NULLABLE, rf.RDB$FIELD_POSITION AS FIELD_POSITION\n"
            "FROM RDB$RELATION_FIELDS rf\n"
            "JOIN RDB$RELATIONS r ON r.RDB$RELATION_NAME = rf.RDB$RELATION_NAME\n"
            "JOIN RDB$FIELDS f ON f.RDB$FIELD_NAME = rf.RDB$FIELD_SOURCE\n"
            "WHERE COALESCE(r.RDB$SYSTEM_FLAG, 0) = 0\n"
            "ORDER BY 1, rf.RDB$FIELD_POSITION");
    case Engine::SqlAnywhere:
        return QStringLiteral(
            "SELECT creator AS TABLE_SCHEMA, tname AS TABLE_NAME, cname AS COLUMN_NAME,\n"
            "       coltype AS DATA_TYPE, nulls AS IS_NULLABLE, colno AS POSITION\n"
            "FROM SYS.SYSCOLUMNS\n"
            "WHERE creator NOT IN ('SYS', 'dbo', 'rs_systabgroup')\n"
            "ORDER BY tname, colno");
    }
    return {};
}

bool SchemaDialect::read(Engine engine, const ResultTable &rows, SchemaSnapshot *schema,
                         QString *error)
{
    const int tableColumn = columnOf(rows, kTableColumn);
    const int columnColumn = columnOf(rows, kColumnColumn);
    const int typeColumn = columnOf(rows, kDataTypeColumn);
    if (tableColumn < 0 || columnColumn < 0 || typeColumn < 0) {
        if (error)
            *error = tr("The answer to the catalogue query has no %1, %2 and %3 columns: it "
                        "is not a schema.")
                         .arg(kTableColumn, kColumnColumn, kDataTypeColumn);
        return false;
    }
    const int schemaColumn = columnOf(rows, kSchemaColumn);
    const int tableTypeColumn = columnOf(rows, kTypeOfTableColumn);
    const int nullableColumn = columnOf(rows, kNullableColumn);

    schema->engine = engineName(engine);
    schema->tables.clear();
    QHash<QString, qsizetype> indexOf; // "schema.table" -> position in schema->tables
    for (int row = 0; row < rows.rowCount(); ++row) {
        const QString owner = text(rows, row, schemaColumn);
        const QString tableName = text(rows, row, tableColumn);
        const QString columnName = text(rows, row, columnColumn);
        if (tableName.isEmpty() || columnName.isEmpty())
            continue;
        const QString key = owner + QLatin1Char('.') + tableName;
        auto found = indexOf.constFind(key);
        if (found == indexOf.cend()) {
            SchemaTable table;
            table.schema = owner;
            table.name = tableName;
            table.isView = text(rows, row, tableTypeColumn)
                               .contains(QLatin1String("VIEW"), Qt::CaseInsensitive);
            schema->tables.append(table);
            found = indexOf.insert(key, schema->tables.size() - 1);
        }
        SchemaColumn column;
        column.name = columnName;
        const QString type = text(rows, row, typeColumn);
        column.type = engine == Engine::Firebird ? firebirdType(type) : type;
        column.nullable = nullable(engine, text(rows, row, nullableColumn));
        schema->tables[*found].columns.append(column);
    }
    std::sort(schema->tables.begin(), schema->tables.end(),
              [](const SchemaTable &a, const SchemaTable &b) {
                  const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
                  return byName != 0 ? byName < 0 : a.schema < b.schema;
              });
    return true;
}

QString SchemaDialect::quotedName(Engine engine, const QString &name)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z_][A-Za-z0-9_$]*$"));
    // Firebird keeps an unquoted name in upper case: a name with lower case was quoted.
    const bool plain = bare.match(name).hasMatch() && !keywords(engine).contains(name.toUpper()) &&
                       (engine != Engine::Firebird || name == name.toUpper());
    if (plain)
        return name;
    if (engine == Engine::SqlServer)
        return QLatin1Char('[') + QString(name).replace(QLatin1Char(']'), QLatin1String("]]")) +
               QLatin1Char(']');
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString SchemaDialect::firstRowsQuery(Engine engine, const SchemaTable &table, int rows)
{
    QString name = quotedName(engine, table.name);
    // SQL Server's default schema goes without saying; SQL Anywhere's owner is named.
    const bool defaultSchema = engine == Engine::SqlServer &&
                               table.schema.compare(QLatin1String("dbo"), Qt::CaseInsensitive) == 0;
    if (engine != Engine::Firebird && !table.schema.isEmpty() && !defaultSchema)
        name = quotedName(engine, table.schema) + QLatin1Char('.') + name;
    if (engine == Engine::Firebird)
        return QStringLiteral("SELECT FIRST %1 * FROM %2").arg(rows).arg(name);
    return QStringLiteral("SELECT TOP %1 * FROM %2").arg(rows).arg(name);
}

QStringList SchemaDialect::keywords(Engine engine)
{
    // The words an integrator types most, then each engine's own.
    QStringList words{
        QStringLiteral("SELECT"),   QStringLiteral("FROM"),     QStringLiteral("WHERE"),
        QStringLiteral("AND"),      QStringLiteral("OR"),       QStringLiteral("NOT"),
        QStringLiteral("NULL"),     QStringLiteral("IS"),       QStringLiteral("IN"),
        QStringLiteral("LIKE"),     QStringLiteral("BETWEEN"),  QStringLiteral("JOIN"),
        QStringLiteral("INNER"),    QStringLiteral("LEFT"),     QStringLiteral("RIGHT"),
        QStringLiteral("OUTER"),    QStringLiteral("ON"),       QStringLiteral("AS"),
        QStringLiteral("ORDER"),    QStringLiteral("BY"),       QStringLiteral("GROUP"),
        QStringLiteral("HAVING"),   QStringLiteral("DISTINCT"), QStringLiteral("UNION"),
        QStringLiteral("ALL"),      QStringLiteral("CASE"),     QStringLiteral("WHEN"),
        QStringLiteral("THEN"),     QStringLiteral("ELSE"),     QStringLiteral("END"),
        QStringLiteral("COUNT"),    QStringLiteral("SUM"),      QStringLiteral("MIN"),
        QStringLiteral("MAX"),      QStringLiteral("AVG"),      QStringLiteral("CAST"),
        QStringLiteral("COALESCE"), QStringLiteral("EXISTS"),   QStringLiteral("ASC"),
        QStringLiteral("DESC"),     QStringLiteral("INSERT"),   QStringLiteral("INTO"),
        QStringLiteral("VALUES"),   QStringLiteral("UPDATE"),   QStringLiteral("SET"),
        QStringLiteral("DELETE")};
    switch (engine) {
    case Engine::SqlServer:
        words << QStringLiteral("TOP") << QStringLiteral("NOLOCK") << QStringLiteral("GETDATE")
              << QStringLiteral("DATEADD") << QStringLiteral("DATEDIFF")
              << QStringLiteral("CONVERT") << QStringLiteral("ISNULL") << QStringLiteral("LEN")
              << QStringLiteral("OFFSET") << QStringLiteral("FETCH") << QStringLiteral("NEXT")
              << QStringLiteral("ROWS") << QStringLiteral("ONLY") << QStringLiteral("APPLY")
              << QStringLiteral("WITH");
        break;
    case Engine::Firebird:
        words << QStringLiteral("FIRST") << QStringLiteral("SKIP") << QStringLiteral("ROWS")
              << QStringLiteral("CURRENT_DATE") << QStringLiteral("CURRENT_TIMESTAMP")
              << QStringLiteral("DATEADD") << QStringLiteral("DATEDIFF")
              << QStringLiteral("EXTRACT") << QStringLiteral("TRIM") << QStringLiteral("UPPER")
              << QStringLiteral("CONTAINING") << QStringLiteral("STARTING")
              << QStringLiteral("LIST") << QStringLiteral("RDB$DATABASE");
        break;
    case Engine::SqlAnywhere:
        words << QStringLiteral("TOP") << QStringLiteral("START") << QStringLiteral("AT")
              << QStringLiteral("GETDATE") << QStringLiteral("DATEADD")
              << QStringLiteral("DATEDIFF") << QStringLiteral("ISNULL") << QStringLiteral("LIST")
              << QStringLiteral("NOW") << QStringLiteral("TODAY");
        break;
    }
    return words;
}

} // namespace Halo
