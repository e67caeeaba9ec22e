// SPDX-License-Identifier: GPL-3.0-or-later
// Keeping a query history is a choice per environment (AppSettings): on unless turned off. Off,
// neither the SQL nor the FHIR history records anything for that environment, and the async
// query journal keeps ids but not SQL; what was recorded before stays until it is cleared.
#include "FailOnWarning.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "storage/AppSettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Halo::AppSettings;
using Halo::Environment;

namespace {

const QString kGuid = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");

Halo::HistoryEntry entry(const QString &sql)
{
    Halo::HistoryEntry e;
    e.sql = sql;
    e.mode = QStringLiteral("immediate");
    e.status = QStringLiteral("successful");
    return e;
}

QStringList sqlOf(const QList<Halo::HistoryEntry> &entries)
{
    QStringList texts;
    for (const Halo::HistoryEntry &e : entries)
        texts.append(e.sql);
    return texts;
}

Halo::JournalEntry journalEntry(const QString &environment, const QString &queryId)
{
    Halo::JournalEntry e;
    e.environment = environment;
    e.siteGuid = kGuid;
    e.queryId = queryId;
    e.sql = QStringLiteral("SELECT surname FROM patients WHERE surname = 'Citizen'");
    e.submittedAt = QDateTime::currentDateTimeUtc();
    e.lastStatus = QStringLiteral("queued");
    return e;
}

} // namespace

class TestHistorySetting : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void historyIsKeptEverywhereByDefault();
    void switchPersistsPerEnvironment();
    void offRecordsNothingAndKeepsWhatIsThere();
    void fhirHistoryFollowsTheSameSwitch();
    void journalKeepsIdsButNotSqlWhenOff();

private:
    QTemporaryDir m_dir;
};

void TestHistorySetting::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorerTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_historysetting"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
}

void TestHistorySetting::init()
{
    HaloTest::failOnWarnings();
    QSettings().clear();
    QFile::remove(m_dir.filePath(QStringLiteral("history.json")));
    QFile::remove(m_dir.filePath(QStringLiteral("fhir-history.json")));
    QFile::remove(m_dir.filePath(QStringLiteral("async-queries.json")));
}

void TestHistorySetting::historyIsKeptEverywhereByDefault()
{
    for (Environment environment :
         {Environment::Production, Environment::Stage, Environment::Sandbox, Environment::Custom})
        QVERIFY(AppSettings().keepsHistory(environment));
    QVERIFY(AppSettings::keepsHistoryFor(QStringLiteral("production")));
    QVERIFY(AppSettings::keepsHistoryFor(QStringLiteral("no such environment")));
}

void TestHistorySetting::switchPersistsPerEnvironment()
{
    AppSettings().setKeepsHistory(Environment::Production, false);
    QSettings().sync();
    const AppSettings later;
    QVERIFY(!later.keepsHistory(Environment::Production));
    QVERIFY(later.keepsHistory(Environment::Stage));
    QVERIFY(!AppSettings::keepsHistoryFor(QStringLiteral("Production")));
    QVERIFY(AppSettings::keepsHistoryFor(QStringLiteral("stage")));

    AppSettings().setKeepsHistory(Environment::Production, true);
    QVERIFY(AppSettings().keepsHistory(Environment::Production));
}

void TestHistorySetting::offRecordsNothingAndKeepsWhatIsThere()
{
    const QString path = m_dir.filePath(QStringLiteral("history.json"));
    Halo::QueryHistory history(path);
    QVERIFY(history.record(QStringLiteral("production"), kGuid, entry(QStringLiteral("SELECT 1"))));
    QVERIFY(history.record(QStringLiteral("stage"), kGuid, entry(QStringLiteral("SELECT 2"))));
    QFile before(path);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray fileBefore = before.readAll();

    AppSettings().setKeepsHistory(Environment::Production, false);
    QSignalSpy changed(&history, &Halo::QueryHistory::changed);
    QString error;
    QVERIFY2(history.record(
                 QStringLiteral("production"), kGuid,
                 entry(QStringLiteral("SELECT * FROM patients WHERE surname = 'Citizen'")), &error),
             qPrintable(error));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(sqlOf(history.entries(QStringLiteral("production"), kGuid)),
             QStringList{QStringLiteral("SELECT 1")});
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), fileBefore); // nothing was written
    // A new instance reads the same: the text never reached the disk.
    QCOMPARE(sqlOf(Halo::QueryHistory(path).entries(QStringLiteral("production"), kGuid)),
             QStringList{QStringLiteral("SELECT 1")});

    // Other environments still record.
    QVERIFY(history.record(QStringLiteral("stage"), kGuid, entry(QStringLiteral("SELECT 3"))));
    QCOMPARE(history.entries(QStringLiteral("stage"), kGuid).size(), 2);

    // What is there can still be cleared while history is off.
    QVERIFY(history.clear(QStringLiteral("production"), kGuid));
    QVERIFY(history.entries(QStringLiteral("production"), kGuid).isEmpty());

    // Back on, it records again.
    AppSettings().setKeepsHistory(Environment::Production, true);
    QVERIFY(history.record(QStringLiteral("production"), kGuid, entry(QStringLiteral("SELECT 4"))));
    QCOMPARE(sqlOf(history.entries(QStringLiteral("production"), kGuid)),
             QStringList{QStringLiteral("SELECT 4")});
}

void TestHistorySetting::fhirHistoryFollowsTheSameSwitch()
{
    Halo::QueryHistory fhir(m_dir.filePath(QStringLiteral("fhir-history.json")));
    AppSettings().setKeepsHistory(Environment::Stage, false);
    QVERIFY(fhir.record(QStringLiteral("stage"), kGuid,
                        entry(QStringLiteral("Patient?family=Citizen&given=Jane"))));
    QVERIFY(fhir.entries(QStringLiteral("stage"), kGuid).isEmpty());
    QVERIFY(!QFile::exists(fhir.filePath()));
    QVERIFY(
        fhir.record(QStringLiteral("sandbox"), kGuid, entry(QStringLiteral("Patient?family=X"))));
    QCOMPARE(fhir.entries(QStringLiteral("sandbox"), kGuid).size(), 1);
}

void TestHistorySetting::journalKeepsIdsButNotSqlWhenOff()
{
    Halo::AsyncQueryJournal journal(m_dir.filePath(QStringLiteral("async-queries.json")));
    const QString onId = QStringLiteral("3d0c6f5e-2a7b-4c1d-9e8f-0a1b2c3d4e5f");
    const QString offId = QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    QVERIFY(journal.record(journalEntry(QStringLiteral("stage"), onId)));
    AppSettings().setKeepsHistory(Environment::Production, false);
    QVERIFY(journal.record(journalEntry(QStringLiteral("production"), offId)));

    QHash<QString, QString> sqlById;
    for (const Halo::JournalEntry &e : journal.entries())
        sqlById.insert(e.queryId, e.sql);
    QCOMPARE(sqlById.size(), 2);
    QVERIFY(sqlById.value(onId).contains(QStringLiteral("Citizen")));
    QVERIFY(sqlById.contains(offId)); // still resumable
    QVERIFY(sqlById.value(offId).isEmpty());
    QFile file(m_dir.filePath(QStringLiteral("async-queries.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count("Citizen"), 1); // the stage query's only
}

QTEST_GUILESS_MAIN(TestHistorySetting)
#include "tst_historysetting.moc"
