#include "sql/WriteGuard.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>
#include <QStringList>

namespace Halo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Halo::WriteGuard", text);
}

// Reserved words of T-SQL (and Firebird's RECREATE) that start or imply a write, or reach
// outside the query. Being reserved, none can be an unquoted column or table name.
const QSet<QString> &writeKeywords()
{
    static const QSet<QString> words = {
        QStringLiteral("INSERT"),         QStringLiteral("UPDATE"),
        QStringLiteral("DELETE"),         QStringLiteral("MERGE"),
        QStringLiteral("EXEC"),           QStringLiteral("EXECUTE"),
        QStringLiteral("DROP"),           QStringLiteral("ALTER"),
        QStringLiteral("CREATE"),         QStringLiteral("RECREATE"),
        QStringLiteral("TRUNCATE"),       QStringLiteral("INTO"),
        QStringLiteral("GRANT"),          QStringLiteral("REVOKE"),
        QStringLiteral("DENY"),           QStringLiteral("BACKUP"),
        QStringLiteral("RESTORE"),        QStringLiteral("DBCC"),
        QStringLiteral("SHUTDOWN"),       QStringLiteral("KILL"),
        QStringLiteral("RECONFIGURE"),    QStringLiteral("BULK"),
        QStringLiteral("OPENROWSET"),     QStringLiteral("OPENQUERY"),
        QStringLiteral("OPENDATASOURCE"), QStringLiteral("UPDATETEXT"),
        QStringLiteral("WRITETEXT"),
    };
    return words;
}

// The words of a SQL text outside comments, literals and quoted identifiers, and how many
// statements it holds. `complete` is false when a literal or comment never ends: such text
// cannot be read reliably, so it is treated as a write.
struct Lexed {
    QStringList words; // upper case, in order
    int statements = 0;
    bool complete = true;
};

// Index just past a literal opened at `start` and closed by `close`; a doubled `close` escapes
// it. -1 if it never closes.
qsizetype literalEnd(const QString &sql, qsizetype start, QChar close)
{
    for (qsizetype i = start + 1; i < sql.size(); ++i) {
        if (sql.at(i) != close)
            continue;
        if (i + 1 < sql.size() && sql.at(i + 1) == close) {
            ++i;
            continue;
        }
        return i + 1;
    }
    return -1;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') ||
           c == QLatin1Char('#') || c == QLatin1Char('@');
}

Lexed lex(const QString &sql)
{
    Lexed lexed;
    bool statementHasContent = false;
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        const QChar c = sql.at(i);
        const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
            i = end < 0 ? n : end + 1;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            // Not nested: ending a comment early shows more text as code, which is cautious.
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            if (end < 0) {
                lexed.complete = false;
                return lexed;
            }
            i = end + 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('[') ||
                   c == QLatin1Char('`')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            const qsizetype end = literalEnd(sql, i, close);
            if (end < 0) {
                lexed.complete = false;
                return lexed;
            }
            statementHasContent = true;
            i = end;
        } else if (c == QLatin1Char(';')) {
            if (statementHasContent)
                ++lexed.statements;
            statementHasContent = false;
            ++i;
        } else if (c.isDigit()) {
            // T-SQL reads "1delete" as 1 followed by DELETE, so letters after digits are a word.
            while (i < n && (sql.at(i).isDigit() || sql.at(i) == QLatin1Char('.')))
                ++i;
            statementHasContent = true;
        } else if (isWordChar(c)) {
            qsizetype end = i;
            while (end < n && isWordChar(sql.at(end)))
                ++end;
            const QString word = sql.mid(i, end - i);
            // Variables (@x) and temporary tables (#t) are never keywords.
            if (c.isLetter() || c == QLatin1Char('_'))
                lexed.words.append(word.toUpper());
            statementHasContent = true;
            i = end;
        } else {
            statementHasContent = true;
            ++i;
        }
    }
    if (statementHasContent)
        ++lexed.statements;
    return lexed;
}

QString firstWriteKeyword(const Lexed &lexed)
{
    for (const QString &word : lexed.words) {
        if (writeKeywords().contains(word))
            return word;
    }
    return {};
}

bool isNonQuery(const QueryCommand &command)
{
    return command.executionMode.compare(QLatin1String("nonQuery"), Qt::CaseInsensitive) == 0;
}

bool isStoredProcedure(const QueryCommand &command)
{
    return command.type.compare(QLatin1String("storedProcedure"), Qt::CaseInsensitive) == 0;
}

QString settingsKey(Environment environment)
{
    return QStringLiteral("safety/readOnly/%1").arg(environmentId(environment));
}

// The window's settings file, whichever face reads it: halo-cli's own QSettings() would be
// another file, and a switch the CLI does not see would not protect anything.
QSettings sharedSettings()
{
    return QSettings(QSettings::defaultFormat(), QSettings::UserScope,
                     QCoreApplication::organizationName(),
                     QString::fromLatin1(ReadOnlySettings::kApplication));
}

} // namespace

bool WriteGuard::isPlainSelect(const QString &sql)
{
    const Lexed lexed = lex(sql);
    if (!lexed.complete || lexed.statements != 1 || lexed.words.isEmpty())
        return false;
    const QString &first = lexed.words.first();
    const bool startsAsRead =
        first == QLatin1String("SELECT") ||
        (first == QLatin1String("WITH") && lexed.words.contains(QLatin1String("SELECT")));
    return startsAsRead && firstWriteKeyword(lexed).isEmpty();
}

bool WriteGuard::mayWrite(const QueryCommand &command)
{
    return isNonQuery(command) || isStoredProcedure(command) || !isPlainSelect(command.text);
}

bool WriteGuard::needsConfirmation(const QueryCommand &command, Environment environment)
{
    return isProduction(environment) && mayWrite(command);
}

QString WriteGuard::writeReason(const QueryCommand &command)
{
    if (isNonQuery(command))
        return tr("it runs as a nonQuery, the mode for INSERT, UPDATE and DELETE");
    if (isStoredProcedure(command))
        return tr("it calls the stored procedure “%1”, which may change data")
            .arg(command.text.trimmed());
    if (isPlainSelect(command.text))
        return {};
    const Lexed lexed = lex(command.text);
    if (!lexed.complete)
        return tr("a comment or quoted text in it never ends, so it cannot be read safely");
    if (lexed.statements > 1)
        return tr("it holds %1 statements, not one plain SELECT").arg(lexed.statements);
    const QString keyword = firstWriteKeyword(lexed);
    if (!keyword.isEmpty())
        return tr("it contains %1, which can change data").arg(keyword);
    return tr("it is not a plain SELECT");
}

QString WriteGuard::confirmationText(const QueryCommand &command, const QString &practiceName,
                                     Environment environment)
{
    return tr("This query goes to %1, to the live database of the practice “%2”.\n\n"
              "It may change data: %3.\n\n"
              "Send it to %2 on %1?")
        .arg(environmentDisplayName(environment), practiceName, writeReason(command));
}

bool ReadOnlySettings::isReadOnly(Environment environment) const
{
    return sharedSettings().value(settingsKey(environment), defaultFor(environment)).toBool();
}

void ReadOnlySettings::setReadOnly(Environment environment, bool readOnly)
{
    sharedSettings().setValue(settingsKey(environment), readOnly);
}

QString ReadOnlySettings::blockedText(const QueryCommand &command, Environment environment)
{
    return tr("Not sent: %1 is read-only, and this query may change data (%2). Turn off "
              "“Read-only for %1” to send it.")
        .arg(environmentDisplayName(environment), WriteGuard::writeReason(command));
}

} // namespace Halo
