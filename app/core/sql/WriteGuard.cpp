// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/WriteGuard.h"

#include "sql/SqlLexer_p.h"
#include "storage/AppSettings.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>
#include <QStringList>

namespace Halo {

namespace {

using detail::SqlWords;

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::WriteGuard)
};

// The words of `text`, separated by spaces.
QSet<QString> wordSet(const char *text)
{
    const QStringList words = QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
    return QSet<QString>(words.cbegin(), words.cend());
}

// T-SQL's reserved keywords, SQL Server's closed list. Being reserved, none can be an unquoted
// name, so each one in a query is that keyword.
const QSet<QString> &reservedKeywords()
{
    static const QSet<QString> words = wordSet(
        "ADD ALL ALTER AND ANY AS ASC AUTHORIZATION BACKUP BEGIN BETWEEN BREAK BROWSE BULK "
        "BY CASCADE CASE CHECK CHECKPOINT CLOSE CLUSTERED COALESCE COLLATE COLUMN COMMIT "
        "COMPUTE CONSTRAINT CONTAINS CONTAINSTABLE CONTINUE CONVERT CREATE CROSS CURRENT "
        "CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DBCC "
        "DEALLOCATE DECLARE DEFAULT DELETE DENY DESC DISK DISTINCT DISTRIBUTED DOUBLE DROP "
        "DUMP ELSE END ERRLVL ESCAPE EXCEPT EXEC EXECUTE EXISTS EXIT EXTERNAL FETCH FILE "
        "FILLFACTOR FOR FOREIGN FREETEXT FREETEXTTABLE FROM FULL FUNCTION GOTO GRANT GROUP "
        "HAVING HOLDLOCK IDENTITY IDENTITY_INSERT IDENTITYCOL IF IN INDEX INNER INSERT "
        "INTERSECT INTO IS JOIN KEY KILL LEFT LIKE LINENO LOAD MERGE NATIONAL NOCHECK "
        "NONCLUSTERED NOT NULL NULLIF OF OFF OFFSETS ON OPEN OPENDATASOURCE OPENQUERY "
        "OPENROWSET OPENXML OPTION OR ORDER OUTER OVER PERCENT PIVOT PLAN PRECISION PRIMARY "
        "PRINT PROC PROCEDURE PUBLIC RAISERROR READ READTEXT RECONFIGURE REFERENCES "
        "REPLICATION RESTORE RESTRICT RETURN REVERT REVOKE RIGHT ROLLBACK ROWCOUNT "
        "ROWGUIDCOL RULE SAVE SCHEMA SECURITYAUDIT SELECT SEMANTICKEYPHRASETABLE "
        "SEMANTICSIMILARITYDETAILSTABLE SEMANTICSIMILARITYTABLE SESSION_USER SET SETUSER "
        "SHUTDOWN SOME STATISTICS SYSTEM_USER TABLE TABLESAMPLE TEXTSIZE THEN TO TOP TRAN "
        "TRANSACTION TRIGGER TRUNCATE TRY_CONVERT TSEQUAL UNION UNIQUE UNPIVOT UPDATE "
        "UPDATETEXT USE USER VALUES VARYING VIEW WAITFOR WHEN WHERE WHILE WITH WITHIN "
        "WRITETEXT");
    return words;
}

// The reserved keywords a read-only SELECT may hold (clauses, operators, functions, hints,
// window frames, FOR XML/JSON, OPTION (... PLAN), Firebird's PLAN). An allow-list: every other
// reserved keyword (INSERT, EXEC, INTO, SET, DECLARE, BEGIN, WAITFOR, ...) writes, starts
// another statement or reaches outside the query, and one nobody thought of counts as a write.
const QSet<QString> &readKeywords()
{
    static const QSet<QString> words =
        wordSet("ALL AND ANY AS ASC BETWEEN BROWSE BY CASE COALESCE COLLATE COMPUTE CONTAINS "
                "CONTAINSTABLE CONVERT CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP "
                "CURRENT_USER DEFAULT DESC DISTINCT DOUBLE ELSE END ESCAPE EXCEPT EXISTS FETCH FOR "
                "FREETEXT FREETEXTTABLE FROM FULL GROUP HAVING HOLDLOCK IDENTITY IDENTITYCOL IN "
                "INDEX INNER INTERSECT IS JOIN LEFT LIKE NATIONAL NOT NULL NULLIF OF ON OPENXML "
                "OPTION OR ORDER OUTER OVER PERCENT PIVOT PLAN PRECISION RIGHT ROWGUIDCOL SELECT "
                "SEMANTICKEYPHRASETABLE SEMANTICSIMILARITYDETAILSTABLE SEMANTICSIMILARITYTABLE "
                "SESSION_USER SOME SYSTEM_USER TABLESAMPLE THEN TO TOP TRY_CONVERT UNION UNPIVOT "
                "USER VALUES VARYING WHEN WHERE WITH WITHIN");
    return words;
}

// Not reserved in T-SQL, so they may name a column, but each starts a statement that changes
// something (DISABLE TRIGGER, RECEIVE from a queue, END CONVERSATION), in T-SQL, Sybase
// (CALL, UNLOAD, MOUNT, QUIESCE, REORG) or Firebird (RECREATE; GEN_ID steps a generator). A
// column of one of these names asks for a confirmation, unless it is written in [brackets].
const QSet<QString> &statementWords()
{
    static const QSet<QString> words =
        wordSet("DISABLE ENABLE RECEIVE SEND MOVE CONVERSATION RECREATE CALL UNLOAD MOUNT UNMOUNT "
                "QUIESCE REORG GEN_ID");
    return words;
}

// The first word that keeps the text from being a plain SELECT, as the user reads it; empty if
// there is none. NEXT VALUE FOR steps a sequence, so it writes too.
QString firstDisallowedWord(const SqlWords &lexed)
{
    const QStringList &words = lexed.words;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (statementWords().contains(word) ||
            (reservedKeywords().contains(word) && !readKeywords().contains(word)))
            return word;
        if (word == QLatin1String("NEXT") && i + 2 < words.size() &&
            words.at(i + 1) == QLatin1String("VALUE") && words.at(i + 2) == QLatin1String("FOR"))
            return QStringLiteral("NEXT VALUE FOR");
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
    const SqlWords lexed = detail::lexSql(sql);
    if (lexed.problem != SqlWords::Problem::None || lexed.statements != 1 || lexed.mainSelects > 1)
        return false;
    const bool startsAsRead = lexed.leadingWord == QLatin1String("SELECT") ||
                              (lexed.leadingWord == QLatin1String("WITH") &&
                               lexed.words.contains(QLatin1String("SELECT")));
    return startsAsRead && firstDisallowedWord(lexed).isEmpty();
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
        return Text::tr("it runs as a nonQuery, the mode for INSERT, UPDATE and DELETE");
    if (isStoredProcedure(command))
        return Text::tr("it calls the stored procedure “%1”, which may change data")
            .arg(command.text.trimmed());
    if (isPlainSelect(command.text))
        return {};
    const SqlWords lexed = detail::lexSql(command.text);
    if (lexed.problem == SqlWords::Problem::Unterminated)
        return Text::tr("a comment or quoted text in it never ends, so it cannot be read safely");
    if (lexed.problem == SqlWords::Problem::NestedComment)
        return Text::tr("a comment in it opens another comment, which database engines read "
                        "differently, so it cannot be read safely");
    if (lexed.statements > 1)
        return Text::tr("it holds %1 statements, not one plain SELECT").arg(lexed.statements);
    const QString word = firstDisallowedWord(lexed);
    if (!word.isEmpty())
        return Text::tr("it contains %1, which can change data or start another statement")
            .arg(word);
    if (lexed.mainSelects > 1)
        return Text::tr("it holds more than one SELECT statement, not one plain SELECT");
    return Text::tr("it is not a plain SELECT");
}

QString WriteGuard::confirmationText(const QueryCommand &command, const QString &practiceName,
                                     Environment environment)
{
    return Text::tr("This query goes to %1, to the live database of the practice “%2”.\n\n"
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
    QSettings settings = sharedSettings();
    keepSettingsPrivate(settings);
    settings.setValue(settingsKey(environment), readOnly);
}

QString ReadOnlySettings::blockedText(const QueryCommand &command, Environment environment)
{
    return Text::tr("Not sent: %1 is read-only, and this query may change data (%2). Turn off "
                    "“Read-only for %1” to send it.")
        .arg(environmentDisplayName(environment), WriteGuard::writeReason(command));
}

} // namespace Halo
