// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlRunner.h"

#include "SqlLexer_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Sandbox {

// Conventions (the sandbox's own; SQLite has no output parameters or procedures):
// - Statements: the text is split on top-level semicolons (not inside literals, comments or a
//   CREATE TRIGGER body) and every statement runs in order, like a SQL Server batch without a
//   transaction: an error stops the batch, earlier statements keep their effect. Only the first
//   result set is returned (reader and scalar), as ExecuteReader/ExecuteScalar would show it.
// - rowsAffected: the sum over INSERT/UPDATE/DELETE/REPLACE statements, counted with
//   total_changes(); -1 when the batch had none (what ADO.NET reports for SELECT or DDL).
// - Output parameters: output, inputOutput and returnValue parameters take the value of the
//   result column with the same name (with or without the leading @, any case) in the last row
//   of the last result set that has such a column. Without one: returnValue is 0, inputOutput
//   keeps its input value (as SQL Server does when a procedure leaves it alone), output is null.
// - Error codes: SQL Server numbers for the common classes (102 syntax, 207 column, 208 table,
//   195 function, 2627 unique, 515 not null, 547 check/foreign key, 2812 procedure, 4060 no
//   such database, i.e. an invalid QSqlDatabase such as an unknown catalogue); any other
//   failure reports SQLite's extended result code. The message is SQLite's own text.

namespace {

using detail::lex;
using detail::rewrite;
using detail::splitStatements;
using detail::Statement;
using detail::Token;

// ---------------------------------------------------------------------------------------------
// Parameters and values

QString bareName(const QString &name)
{
    QString bare = name.trimmed();
    while (bare.startsWith(QLatin1Char('@')) || bare.startsWith(QLatin1Char(':')))
        bare.remove(0, 1);
    return bare;
}

bool isDirection(const SqlParameter &parameter, const char *direction)
{
    return parameter.direction.compare(QLatin1String(direction), Qt::CaseInsensitive) == 0;
}

bool isOutput(const SqlParameter &parameter)
{
    return isDirection(parameter, "output") || isDirection(parameter, "inputOutput") ||
           isDirection(parameter, "returnValue");
}

// The parameter's value as SQLite should see it, following its SqlDbType.
QVariant bindableValue(const SqlParameter &parameter)
{
    if (isDirection(parameter, "output") || isDirection(parameter, "returnValue"))
        return QVariant();
    if (!parameter.value.isValid() || parameter.value.isNull())
        return QVariant();
    static const QStringList integers = {QStringLiteral("bigint"), QStringLiteral("int"),
                                         QStringLiteral("smallint"), QStringLiteral("tinyint"),
                                         QStringLiteral("bit")};
    static const QStringList reals = {QStringLiteral("decimal"), QStringLiteral("float"),
                                      QStringLiteral("money"), QStringLiteral("real"),
                                      QStringLiteral("smallmoney")};
    const QString type = parameter.type.toLower();
    const QString text = parameter.value.toString().trimmed();
    bool ok = false;
    if (integers.contains(type)) {
        const qlonglong number = text.toLongLong(&ok);
        if (ok)
            return number;
        if (type == QLatin1String("bit") &&
            (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
             text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0))
            return qlonglong(text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
    } else if (reals.contains(type)) {
        const double number = text.toDouble(&ok);
        if (ok)
            return number;
    }
    return parameter.value.toString(); // text as given; SQLite copes with loose typing
}

// SQLite through QSQLITE: null values arrive as typed nulls, integers as qlonglong.
QVariant plainValue(const QVariant &value)
{
    if (value.isNull())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Double:
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return value;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULongLong:
        return value.toLongLong();
    default:
        return value.toString();
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

SqlOutcome failure(int code, const QString &message)
{
    SqlOutcome outcome;
    outcome.ok = false;
    outcome.errorCode = code;
    outcome.errorMessage = message;
    return outcome;
}

SqlOutcome failure(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
    struct Rule {
        const char *fragment;
        int code;
    };
    static const Rule rules[] = {
        {"syntax error", 102},           {"incomplete input", 102},    {"unrecognized token", 102},
        {"no such table", 208},          {"no such column", 207},      {"no such function", 195},
        {"UNIQUE constraint", 2627},     {"NOT NULL constraint", 515}, {"CHECK constraint", 547},
        {"FOREIGN KEY constraint", 547},
    };
    for (const Rule &rule : rules) {
        if (text.contains(QLatin1String(rule.fragment), Qt::CaseInsensitive))
            return failure(rule.code, text);
    }
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    return failure(ok ? native : 1, text);
}

// ---------------------------------------------------------------------------------------------
// Running

qint64 totalChanges(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT total_changes()")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

bool isDataChange(const QString &firstWord)
{
    return firstWord == QLatin1String("INSERT") || firstWord == QLatin1String("UPDATE") ||
           firstWord == QLatin1String("DELETE") || firstWord == QLatin1String("REPLACE");
}

class Batch
{
public:
    Batch(QSqlDatabase db, const SqlCommand &command)
        : m_db(db)
        , m_command(command)
    {
        for (const SqlParameter &parameter : command.parameters) {
            if (isOutput(parameter))
                m_outputValues.insert(bareName(parameter.name).toLower(), QVariant());
        }
    }

    SqlOutcome run(const QString &sql);

private:
    bool execute(const Statement &statement, const QHash<QString, QString> &placeholders);
    void bind(QSqlQuery &query, const QHash<QString, QString> &placeholders) const;
    void readResult(QSqlQuery &query);
    void noteOutputs(const QStringList &columns, const QVariantList &lastRow);
    QList<SqlParameter> outputParameters() const;
    bool isMode(const char *mode) const
    {
        return m_command.executionMode.compare(QLatin1String(mode), Qt::CaseInsensitive) == 0;
    }

    QSqlDatabase m_db;
    const SqlCommand &m_command;
    SqlOutcome m_outcome;
    bool m_haveResult = false;
    QHash<QString, QVariant> m_outputValues; // bare lower-case name -> value found
    QHash<QString, bool> m_outputFound;
};

SqlOutcome Batch::run(const QString &sql)
{
    const QList<QList<Token>> statements = splitStatements(lex(sql));
    if (statements.isEmpty())
        return failure(102, QStringLiteral("The command text is empty."));
    QHash<QString, QString> placeholders;
    m_outcome.ok = true;
    m_outcome.rowsAffected = -1;
    for (const QList<Token> &tokens : statements) {
        if (!execute(rewrite(tokens, &placeholders), placeholders))
            return m_outcome;
    }
    m_outcome.outputParameters = outputParameters();
    return m_outcome;
}

void Batch::bind(QSqlQuery &query, const QHash<QString, QString> &placeholders) const
{
    for (const SqlParameter &parameter : m_command.parameters) {
        const QString placeholder = placeholders.value(bareName(parameter.name).toLower());
        if (!placeholder.isEmpty())
            query.bindValue(placeholder, bindableValue(parameter));
    }
}

bool Batch::execute(const Statement &statement, const QHash<QString, QString> &placeholders)
{
    const bool counts = isDataChange(statement.firstWord);
    const qint64 before = counts ? totalChanges(m_db) : 0;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(statement.sql)) {
        m_outcome = failure(query.lastError());
        return false;
    }
    bind(query, placeholders);
    if (!query.exec()) {
        m_outcome = failure(query.lastError());
        return false;
    }
    if (query.isSelect())
        readResult(query);
    if (query.lastError().isValid()) { // a failure while stepping through rows
        m_outcome = failure(query.lastError());
        return false;
    }
    if (counts)
        m_outcome.rowsAffected =
            qMax<qint64>(m_outcome.rowsAffected, 0) + totalChanges(m_db) - before;
    return true;
}

void Batch::readResult(QSqlQuery &query)
{
    const QSqlRecord record = query.record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns << record.fieldName(i);
    const bool keepAll = !m_haveResult && isMode("reader");
    const bool keepFirst = !m_haveResult && isMode("scalar");
    const bool wantLast = !m_outputValues.isEmpty();
    if (keepAll)
        m_outcome.columns = columns;
    if (keepFirst && !columns.isEmpty())
        m_outcome.columns = columns.mid(0, 1);
    m_haveResult = true;

    const int count = int(columns.size());
    QVariantList row;
    bool first = true;
    while (query.next()) {
        if (!keepAll && !wantLast && !(keepFirst && first))
            break; // nothing more to learn from this result set
        row.clear();
        row.reserve(count);
        for (int i = 0; i < count; ++i)
            row.append(plainValue(query.value(i)));
        if (keepAll)
            m_outcome.rows.append(row);
        else if (keepFirst && first && count > 0)
            m_outcome.rows.append(QVariantList{row.first()});
        first = false;
    }
    if (wantLast && !first)
        noteOutputs(columns, row);
}

void Batch::noteOutputs(const QStringList &columns, const QVariantList &lastRow)
{
    for (int i = 0; i < columns.size(); ++i) {
        const QString key = bareName(columns.at(i)).toLower();
        if (m_outputValues.contains(key)) {
            m_outputValues[key] = lastRow.value(i);
            m_outputFound[key] = true;
        }
    }
}

QList<SqlParameter> Batch::outputParameters() const
{
    QList<SqlParameter> outputs;
    for (const SqlParameter &parameter : m_command.parameters) {
        if (!isOutput(parameter))
            continue;
        SqlParameter output = parameter;
        const QString key = bareName(parameter.name).toLower();
        if (m_outputFound.value(key))
            output.value = m_outputValues.value(key);
        else if (isDirection(parameter, "returnValue"))
            output.value = qlonglong(0);
        else if (isDirection(parameter, "inputOutput"))
            output.value = bindableValue(parameter);
        else
            output.value = QVariant();
        outputs.append(output);
    }
    return outputs;
}

// "dbo.GetPatients", "[dbo].[GetPatients]" -> "GetPatients".
QString procedureName(const QString &text)
{
    QString name = text.trimmed();
    name.remove(QLatin1Char('[')).remove(QLatin1Char(']')).remove(QLatin1Char('"'));
    return name.section(QLatin1Char('.'), -1).trimmed();
}

bool procedureText(const QSqlDatabase &db, const QString &name, QString *sql)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT sql FROM stored_procedures WHERE name = ? COLLATE NOCASE"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return false;
    *sql = query.value(0).toString();
    return true;
}

} // namespace

SqlOutcome SqlRunner::run(QSqlDatabase db, const SqlCommand &command)
{
    QElapsedTimer timer;
    timer.start();
    QString sql = command.text;
    SqlOutcome outcome;
    if (!db.isValid() || !db.isOpen()) {
        outcome = failure(4060, QStringLiteral("Cannot open the database requested by the login. "
                                               "The login failed."));
    } else if (command.type.compare(QLatin1String("storedProcedure"), Qt::CaseInsensitive) == 0 &&
               !procedureText(db, procedureName(command.text), &sql)) {
        outcome = failure(
            2812,
            QStringLiteral("Could not find stored procedure '%1'.").arg(command.text.trimmed()));
    } else {
        outcome = Batch(db, command).run(sql);
    }
    outcome.executionMs = timer.elapsed();
    return outcome;
}

} // namespace Sandbox
