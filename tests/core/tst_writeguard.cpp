// SPDX-License-Identifier: GPL-3.0-or-later
// What counts as a write before a query reaches a practice: the plain-SELECT check, the
// confirmation rule for Production and the per-environment read-only switch.
#include "FailOnWarning.h"
#include "sql/WriteGuard.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

namespace {

Halo::QueryCommand command(const QString &text, const QString &mode = QStringLiteral("reader"),
                           const QString &type = QStringLiteral("text"))
{
    Halo::QueryCommand c;
    c.text = text;
    c.executionMode = mode;
    c.type = type;
    return c;
}

} // namespace

class TestWriteGuard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void classifiesPlainSelects_data();
    void classifiesPlainSelects();
    void asksForConfirmationOnlyForWritesOnProduction_data();
    void asksForConfirmationOnlyForWritesOnProduction();
    void confirmationNamesPracticeEnvironmentAndReason();
    void readOnlyIsOnByDefaultForProductionOnly();
    void readOnlySwitchPersistsPerEnvironment();
    void readOnlyBlocksWritesButNotReads();

private:
    QTemporaryDir m_settingsDir;
};

void TestWriteGuard::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorerTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_writeguard"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestWriteGuard::init()
{
    HaloTest::failOnWarnings();
    QSettings().clear();
    // The read-only switches live in the window's settings file, shared with halo-cli.
    QSettings(QSettings::defaultFormat(), QSettings::UserScope,
              QCoreApplication::organizationName(),
              QString::fromLatin1(Halo::ReadOnlySettings::kApplication))
        .clear();
}

void TestWriteGuard::classifiesPlainSelects_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("plain");

    QTest::newRow("select") << "SELECT 1" << true;
    QTest::newRow("lower case") << "select id from patients" << true;
    QTest::newRow("trailing semicolon") << "SELECT 1;" << true;
    QTest::newRow("trailing semicolons and comment") << "SELECT 1; ; -- done" << true;
    QTest::newRow("leading comments") << "-- who\n/* what */\n  SELECT 1" << true;
    QTest::newRow("with cte") << "WITH x AS (SELECT 1 AS a) SELECT a FROM x" << true;
    QTest::newRow("parenthesised") << "(SELECT 1) UNION (SELECT 2)" << true;
    QTest::newRow("keyword in string") << "SELECT 'DELETE FROM patients' AS s" << true;
    QTest::newRow("escaped quote in string") << "SELECT 'it''s; DROP TABLE x' AS s" << true;
    QTest::newRow("keyword in line comment") << "SELECT 1 -- then DELETE\n" << true;
    QTest::newRow("keyword in block comment") << "SELECT /* UPDATE */ 1" << true;
    QTest::newRow("bracketed identifier") << "SELECT [delete], [into] FROM t" << true;
    QTest::newRow("double-quoted identifier") << "SELECT \"update\" FROM t" << true;
    QTest::newRow("words containing keywords")
        << "SELECT created_at, updated, intos FROM t" << true;
    QTest::newRow("variable named like keyword") << "SELECT * FROM t WHERE a = @delete" << true;
    QTest::newRow("temp table") << "SELECT * FROM #drop" << true;
    QTest::newRow("unicode literal") << "SELECT N'Zoë; EXEC x' AS u" << true;
    QTest::newRow("top and brackets") << "SELECT TOP 5 [id] FROM [patients]" << true;

    QTest::newRow("empty") << "" << false;
    QTest::newRow("only comments") << "-- nothing\n/* here */" << false;
    QTest::newRow("insert") << "INSERT INTO t VALUES (1)" << false;
    QTest::newRow("update") << "UPDATE patients SET notes = NULL" << false;
    QTest::newRow("delete") << "delete from patients" << false;
    QTest::newRow("merge") << "MERGE t USING s ON 1=1 WHEN MATCHED THEN DELETE;" << false;
    QTest::newRow("exec") << "EXEC sp_who" << false;
    QTest::newRow("execute") << "EXECUTE GetPatientsBySurname" << false;
    QTest::newRow("drop") << "DROP TABLE patients" << false;
    QTest::newRow("alter") << "ALTER TABLE t ADD c INT" << false;
    QTest::newRow("create") << "CREATE TABLE t (a INT)" << false;
    QTest::newRow("truncate") << "TRUNCATE TABLE t" << false;
    QTest::newRow("grant") << "GRANT SELECT ON t TO u" << false;
    QTest::newRow("select into") << "SELECT * INTO copy FROM patients" << false;
    QTest::newRow("two statements") << "SELECT 1; SELECT 2" << false;
    QTest::newRow("select then delete") << "SELECT 1; DELETE FROM t" << false;
    QTest::newRow("no semicolon batch") << "SELECT 1 DELETE FROM t" << false;
    QTest::newRow("digits glued to keyword") << "SELECT 1DELETE FROM t" << false;
    QTest::newRow("cte feeding delete") << "WITH x AS (SELECT 1 AS a) DELETE FROM x" << false;
    QTest::newRow("with without select") << "WITH x AS (VALUES (1)) UPDATE t SET a = 1" << false;
    QTest::newRow("exec in subquery") << "SELECT * FROM OPENQUERY(srv, 'x')" << false;
    QTest::newRow("comment hides nothing") << "SELECT 1 /* a */ ; DROP TABLE t" << false;
    QTest::newRow("unterminated string") << "SELECT 'abc" << false;
    QTest::newRow("unterminated comment") << "SELECT 1 /* DELETE" << false;
    QTest::newRow("waitfor") << "WAITFOR DELAY '00:00:01'" << false;
    QTest::newRow("declare") << "DECLARE @x INT" << false;
    QTest::newRow("firebird recreate") << "RECREATE TABLE t (a INT)" << false;
}

void TestWriteGuard::classifiesPlainSelects()
{
    QFETCH(QString, sql);
    QFETCH(bool, plain);
    QCOMPARE(Halo::WriteGuard::isPlainSelect(sql), plain);
    QCOMPARE(Halo::WriteGuard::mayWrite(command(sql)), !plain);
    QCOMPARE(Halo::WriteGuard::writeReason(command(sql)).isEmpty(), plain);
}

void TestWriteGuard::asksForConfirmationOnlyForWritesOnProduction_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("onProduction");

    QTest::newRow("reader select") << "SELECT 1"
                                   << "reader"
                                   << "text" << false;
    QTest::newRow("scalar select") << "SELECT COUNT(*) FROM t"
                                   << "scalar"
                                   << "text" << false;
    QTest::newRow("nonQuery select") << "SELECT 1"
                                     << "nonQuery"
                                     << "text" << true;
    QTest::newRow("nonQuery update") << "UPDATE t SET a = 1"
                                     << "nonQuery"
                                     << "text" << true;
    QTest::newRow("reader update") << "UPDATE t SET a = 1"
                                   << "reader"
                                   << "text" << true;
    QTest::newRow("stored procedure") << "CountActivePatients"
                                      << "reader"
                                      << "storedProcedure" << true;
    QTest::newRow("two selects") << "SELECT 1; SELECT 2"
                                 << "reader"
                                 << "text" << true;
}

void TestWriteGuard::asksForConfirmationOnlyForWritesOnProduction()
{
    QFETCH(QString, sql);
    QFETCH(QString, mode);
    QFETCH(QString, type);
    QFETCH(bool, onProduction);
    const Halo::QueryCommand c = command(sql, mode, type);
    QCOMPARE(Halo::WriteGuard::needsConfirmation(c, Halo::Environment::Production), onProduction);
    for (Halo::Environment other :
         {Halo::Environment::Stage, Halo::Environment::Sandbox, Halo::Environment::Custom})
        QVERIFY(!Halo::WriteGuard::needsConfirmation(c, other));
}

void TestWriteGuard::confirmationNamesPracticeEnvironmentAndReason()
{
    const QString nonQuery = Halo::WriteGuard::confirmationText(
        command(QStringLiteral("UPDATE t SET a = 1"), QStringLiteral("nonQuery")),
        QStringLiteral("Harbourside Family Practice"), Halo::Environment::Production);
    QVERIFY2(nonQuery.contains(QStringLiteral("Harbourside Family Practice")),
             qPrintable(nonQuery));
    QVERIFY(nonQuery.contains(QStringLiteral("Production")));
    QVERIFY(nonQuery.contains(QStringLiteral("nonQuery")));

    const QString procedure = Halo::WriteGuard::confirmationText(
        command(QStringLiteral("CountActivePatients"), QStringLiteral("reader"),
                QStringLiteral("storedProcedure")),
        QStringLiteral("P"), Halo::Environment::Production);
    QVERIFY2(procedure.contains(QStringLiteral("CountActivePatients")), qPrintable(procedure));

    const QString keyword =
        Halo::WriteGuard::confirmationText(command(QStringLiteral("SELECT * INTO x FROM y")),
                                           QStringLiteral("P"), Halo::Environment::Production);
    QVERIFY2(keyword.contains(QStringLiteral("INTO")), qPrintable(keyword));
}

void TestWriteGuard::readOnlyIsOnByDefaultForProductionOnly()
{
    const Halo::ReadOnlySettings settings;
    QVERIFY(settings.isReadOnly(Halo::Environment::Production));
    QVERIFY(!settings.isReadOnly(Halo::Environment::Stage));
    QVERIFY(!settings.isReadOnly(Halo::Environment::Sandbox));
    QVERIFY(!settings.isReadOnly(Halo::Environment::Custom));
}

void TestWriteGuard::readOnlySwitchPersistsPerEnvironment()
{
    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Production, false);
    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Stage, true);
    QSettings().sync();
    const Halo::ReadOnlySettings later;
    QVERIFY(!later.isReadOnly(Halo::Environment::Production));
    QVERIFY(later.isReadOnly(Halo::Environment::Stage));
    QVERIFY(!later.isReadOnly(Halo::Environment::Sandbox));
}

void TestWriteGuard::readOnlyBlocksWritesButNotReads()
{
    const Halo::QueryCommand write =
        command(QStringLiteral("DELETE FROM t"), QStringLiteral("nonQuery"));
    const Halo::QueryCommand read = command(QStringLiteral("SELECT * FROM t"));
    QVERIFY(Halo::blockedByReadOnly(write, Halo::Environment::Production));
    QVERIFY(!Halo::blockedByReadOnly(read, Halo::Environment::Production));
    QVERIFY(!Halo::blockedByReadOnly(write, Halo::Environment::Sandbox));

    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Production, false);
    QVERIFY(!Halo::blockedByReadOnly(write, Halo::Environment::Production));

    const QString text = Halo::ReadOnlySettings::blockedText(write, Halo::Environment::Production);
    QVERIFY2(text.contains(QStringLiteral("Read-only for Production")), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestWriteGuard)
#include "tst_writeguard.moc"
