#include "SqlRunner.h"

#include <QRegularExpression>

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

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

// ---------------------------------------------------------------------------------------------
// A small SQL lexer: just enough to rewrite T-SQL conveniences outside literals and comments.

enum class Kind { Space, Comment, String, Identifier, Word, Parameter, Symbol };

struct Token {
    Kind kind = Kind::Space;
    QString text;
    QString prefix; // emitted before text (for an inserted LIMIT)
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

// Index just past a literal opened at `start` by `close`; a doubled `close` is an escape.
qsizetype quotedEnd(const QString &sql, qsizetype start, QChar close)
{
    qsizetype i = start + 1;
    while (i < sql.size()) {
        if (sql.at(i) == close) {
            if (i + 1 < sql.size() && sql.at(i + 1) == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

// [a]]b] -> "a]b" : SQLite reads brackets too, but double quotes are the portable spelling.
QString bracketToQuoted(const QString &bracketed)
{
    QString inner = bracketed.mid(1);
    if (inner.endsWith(QLatin1Char(']')))
        inner.chop(1);
    inner.replace(QLatin1String("]]"), QLatin1String("]"));
    inner.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + inner + QLatin1Char('"');
}

qsizetype lexOne(const QString &sql, qsizetype i, Kind *kind)
{
    const qsizetype n = sql.size();
    const QChar c = sql.at(i);
    const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
    if (c.isSpace()) {
        *kind = Kind::Space;
        while (i < n && sql.at(i).isSpace())
            ++i;
        return i;
    }
    if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
        *kind = Kind::Comment;
        const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
        return end < 0 ? n : end;
    }
    if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
        *kind = Kind::Comment;
        const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
        return end < 0 ? n : end + 2;
    }
    if (c == QLatin1Char('\'')) {
        *kind = Kind::String;
        return quotedEnd(sql, i, c);
    }
    if (c == QLatin1Char('"') || c == QLatin1Char('`')) {
        *kind = Kind::Identifier;
        return quotedEnd(sql, i, c);
    }
    if (c == QLatin1Char('[')) {
        *kind = Kind::Identifier;
        return quotedEnd(sql, i, QLatin1Char(']'));
    }
    if (c == QLatin1Char('@') && isWordChar(next)) {
        *kind = Kind::Parameter;
        ++i;
    } else if (isWordChar(c)) {
        *kind = Kind::Word;
    } else {
        *kind = Kind::Symbol;
        return i + 1;
    }
    while (i < n && isWordChar(sql.at(i)))
        ++i;
    return i;
}

QList<Token> lex(const QString &sql)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < sql.size()) {
        Kind kind = Kind::Symbol;
        const qsizetype end = lexOne(sql, i, &kind);
        QString text = sql.mid(i, end - i);
        if (kind == Kind::Identifier && text.startsWith(QLatin1Char('[')))
            text = bracketToQuoted(text);
        tokens.append({kind, text, QString()});
        i = end;
    }
    return tokens;
}

bool isWord(const Token &token, const char *word)
{
    return token.kind == Kind::Word &&
           token.text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
}

bool isSymbol(const Token &token, char symbol)
{
    return token.kind == Kind::Symbol && token.text == QLatin1Char(symbol);
}

bool isBlank(const Token &token)
{
    return token.kind == Kind::Space || token.kind == Kind::Comment || token.text.isEmpty();
}

// Index of the next token after `i` that carries meaning, or tokens.size().
qsizetype nextSignificant(const QList<Token> &tokens, qsizetype i)
{
    ++i;
    while (i < tokens.size() && isBlank(tokens.at(i)))
        ++i;
    return i;
}

bool isNumber(const QList<Token> &tokens, qsizetype i)
{
    if (i >= tokens.size() || tokens.at(i).kind != Kind::Word)
        return false;
    bool ok = false;
    tokens.at(i).text.toLongLong(&ok);
    return ok;
}

// ---------------------------------------------------------------------------------------------
// Splitting into statements

bool startsTrigger(const QList<Token> &tokens, qsizetype from)
{
    qsizetype i =
        from < tokens.size() && isBlank(tokens.at(from)) ? nextSignificant(tokens, from) : from;
    if (i >= tokens.size() || !isWord(tokens.at(i), "CREATE"))
        return false;
    for (int words = 0; words < 3; ++words) {
        i = nextSignificant(tokens, i);
        if (i < tokens.size() && isWord(tokens.at(i), "TRIGGER"))
            return true;
    }
    return false;
}

// A trigger body holds semicolons of its own; its statement ends with `END ;`.
bool endsTrigger(const QList<Token> &tokens, qsizetype from, qsizetype semicolon)
{
    for (qsizetype i = semicolon - 1; i >= from; --i) {
        if (!isBlank(tokens.at(i)))
            return isWord(tokens.at(i), "END");
    }
    return false;
}

QList<QList<Token>> splitStatements(const QList<Token> &tokens)
{
    QList<QList<Token>> statements;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= tokens.size(); ++i) {
        const bool atEnd = i == tokens.size();
        if (!atEnd && !isSymbol(tokens.at(i), ';'))
            continue;
        if (!atEnd && startsTrigger(tokens, from) && !endsTrigger(tokens, from, i))
            continue;
        const QList<Token> statement = tokens.mid(from, i - from);
        if (std::any_of(statement.cbegin(), statement.cend(),
                        [](const Token &t) { return !isBlank(t); }))
            statements.append(statement);
        from = i + 1;
    }
    return statements;
}

// ---------------------------------------------------------------------------------------------
// T-SQL conveniences

void rewriteDateFunctions(QList<Token> &tokens)
{
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (!isWord(token, "GETDATE") && !isWord(token, "GETUTCDATE") &&
            !isWord(token, "SYSDATETIME"))
            continue;
        const qsizetype open = nextSignificant(tokens, i);
        const qsizetype close = nextSignificant(tokens, open);
        if (close >= tokens.size() || !isSymbol(tokens.at(open), '(') ||
            !isSymbol(tokens.at(close), ')'))
            continue;
        tokens[i].text = QStringLiteral("datetime('now')");
        for (qsizetype j = i + 1; j <= close; ++j)
            tokens[j].text.clear();
    }
}

// N'text' (T-SQL Unicode literal) -> 'text'.
void rewriteUnicodeLiterals(QList<Token> &tokens)
{
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (isWord(tokens.at(i), "N") && tokens.at(i + 1).kind == Kind::String)
            tokens[i].text.clear();
    }
}

QList<int> parenthesisDepths(const QList<Token> &tokens)
{
    QList<int> depths(tokens.size());
    int depth = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (isSymbol(tokens.at(i), ')'))
            depth = qMax(0, depth - 1);
        depths[i] = depth;
        if (isSymbol(tokens.at(i), '('))
            ++depth;
    }
    return depths;
}

// The index of the `)` closing the SELECT at `level`, or tokens.size(). Returns -1 when the
// query already has a LIMIT or is a compound SELECT there: appending LIMIT would change it.
qsizetype limitPosition(const QList<Token> &tokens, const QList<int> &depths, qsizetype from,
                        int level)
{
    for (qsizetype i = from; i < tokens.size(); ++i) {
        if (depths.at(i) < level)
            return i;
        if (depths.at(i) == level &&
            (isWord(tokens.at(i), "LIMIT") || isWord(tokens.at(i), "UNION") ||
             isWord(tokens.at(i), "INTERSECT") || isWord(tokens.at(i), "EXCEPT")))
            return -1;
    }
    return tokens.size();
}

// SELECT [DISTINCT|ALL] TOP n / TOP (n) ... -> SELECT [DISTINCT|ALL] ... LIMIT n.
// Leaves TOP ... PERCENT, WITH TIES and compound queries alone (SQLite then reports them).
void rewriteTop(QList<Token> &tokens, QString *suffix)
{
    const QList<int> depths = parenthesisDepths(tokens);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (!isWord(tokens.at(i), "SELECT"))
            continue;
        qsizetype top = nextSignificant(tokens, i);
        if (top < tokens.size() &&
            (isWord(tokens.at(top), "DISTINCT") || isWord(tokens.at(top), "ALL")))
            top = nextSignificant(tokens, top);
        if (top >= tokens.size() || !isWord(tokens.at(top), "TOP"))
            continue;
        qsizetype last = nextSignificant(tokens, top);
        qsizetype number = last;
        if (last < tokens.size() && isSymbol(tokens.at(last), '(')) {
            number = nextSignificant(tokens, last);
            last = nextSignificant(tokens, number);
            if (last >= tokens.size() || !isSymbol(tokens.at(last), ')'))
                continue;
        }
        if (!isNumber(tokens, number))
            continue;
        const qsizetype after = nextSignificant(tokens, last);
        if (after < tokens.size() &&
            (isWord(tokens.at(after), "PERCENT") ||
             (isWord(tokens.at(after), "WITH") &&
              isWord(tokens.value(nextSignificant(tokens, after)), "TIES"))))
            continue;
        const qsizetype at = limitPosition(tokens, depths, last + 1, depths.at(i));
        if (at < 0)
            continue;
        const QString limit = QStringLiteral(" LIMIT ") + tokens.at(number).text;
        for (qsizetype j = top; j <= last; ++j)
            tokens[j].text.clear();
        if (at == tokens.size())
            suffix->append(limit);
        else
            tokens[at].prefix += limit + QLatin1Char(' ');
    }
}

// @name -> :pN. Qt only recognises :name placeholders made of [A-Za-z0-9_], and T-SQL names
// are case-insensitive, so every distinct name gets a plain synthetic placeholder.
void rewriteParameters(QList<Token> &tokens, QHash<QString, QString> *placeholders)
{
    for (Token &token : tokens) {
        if (token.kind != Kind::Parameter)
            continue;
        const QString key = token.text.mid(1).toLower();
        QString &placeholder = (*placeholders)[key];
        if (placeholder.isEmpty())
            placeholder = QStringLiteral(":p%1").arg(placeholders->size());
        token.text = placeholder;
    }
}

struct Statement {
    QString sql;
    QString firstWord;
};

Statement rewrite(QList<Token> tokens, QHash<QString, QString> *placeholders)
{
    for (Token &token : tokens) {
        if (token.kind == Kind::Comment)
            token = {Kind::Space, QStringLiteral(" "), QString()};
    }
    rewriteUnicodeLiterals(tokens);
    rewriteDateFunctions(tokens);
    rewriteParameters(tokens, placeholders);
    QString suffix;
    rewriteTop(tokens, &suffix);

    Statement statement;
    for (const Token &token : std::as_const(tokens)) {
        if (statement.firstWord.isEmpty() && token.kind == Kind::Word)
            statement.firstWord = token.text.toUpper();
        statement.sql += token.prefix + token.text;
    }
    statement.sql += suffix;
    // Firebird's one-row table (Zedmed): SELECT 1 FROM RDB$DATABASE is its "SELECT 1".
    static const QRegularExpression firebirdDual(QStringLiteral("\\s+FROM\\s+RDB\\$DATABASE\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    statement.sql.replace(firebirdDual, QString());
    return statement;
}

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
