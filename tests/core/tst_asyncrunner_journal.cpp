// SPDX-License-Identifier: GPL-3.0-or-later
// AsyncQueryJournal, the file that lets an async query be picked up again after a restart: what
// a runner records in it, reloading, expiry, and writes that fail without losing the old file;
// the runner against a real sandbox on loopback carries on when the journal cannot be written.
#include "AsyncRunnerRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "services/AsyncQueryRunner.h"
#include "sql/AsyncQueryJournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

namespace {

JournalEntry journalEntry(const QString &queryId, const QDateTime &submittedAt)
{
    JournalEntry entry;
    entry.environment = QStringLiteral("sandbox");
    entry.siteGuid = onlineBp().guid;
    entry.queryId = queryId;
    entry.sql = QStringLiteral("SELECT 1 AS one");
    entry.submittedAt = submittedAt;
    entry.lastStatus = QStringLiteral("queued");
    return entry;
}

QStringList queryIds(const QList<JournalEntry> &entries)
{
    QStringList ids;
    for (const JournalEntry &entry : entries)
        ids.append(entry.queryId);
    return ids;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestAsyncRunnerJournal : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void submitRecordsQueryIdSqlAndStatusInTheJournal();
    void journalSurvivesReloadingFromTheSameFile();
    void entriesOlderThanADayAreDroppedOnSave();
    void writeUnderARegularFileFailsWithAnError();
    void writeIntoAReadOnlyFolderFailsAndKeepsTheOldFile();
    void failedReplaceKeepsTheOldFile();
    void runnerCarriesOnWhenTheJournalCannotBeWritten();
};

void TestAsyncRunnerJournal::submitRecordsQueryIdSqlAndStatusInTheJournal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AsyncQueryJournal journal(dir.filePath(QStringLiteral("async-queries.json")));
    START_RIG(rig, sandboxOptions());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    runner.setJournal(&journal);
    Recorder recorder(&runner);

    QList<JournalEntry> atSubmit;
    connect(&runner, &AsyncQueryRunner::submitted, this,
            [&journal, &atSubmit]() { atSubmit = journal.entries(); });
    const QString text = QStringLiteral("SELECT id FROM patients WHERE id <= 3");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    runner.submit(onlineBp().guid, sql(text));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));

    // Written as soon as the query was accepted, before anything else happened.
    QCOMPARE(atSubmit.size(), 1);
    QCOMPARE(atSubmit.first().queryId, recorder.queryId);
    QCOMPARE(atSubmit.first().sql, text);
    QVERIFY(!atSubmit.first().lastStatus.isEmpty());
    QVERIFY(!QueryInfo::isTerminalStatus(atSubmit.first().lastStatus));

    const QList<JournalEntry> entries = journal.entries();
    QCOMPARE(entries.size(), 1);
    const JournalEntry &entry = entries.first();
    QCOMPARE(entry.queryId, recorder.queryId);
    QCOMPARE(entry.sql, text);
    QCOMPARE(entry.siteGuid, onlineBp().guid);
    QCOMPARE(entry.environment, Halo::environmentId(Halo::Environment::Sandbox));
    QCOMPARE(entry.lastStatus, QStringLiteral("successful"));
    QVERIFY(entry.submittedAt >= before);
    QVERIFY(entry.submittedAt <= QDateTime::currentDateTimeUtc());
    // Ids and SQL only: never result data.
    QVERIFY(!readAll(dir.filePath(QStringLiteral("async-queries.json"))).contains("\"data\""));
}

void TestAsyncRunnerJournal::journalSurvivesReloadingFromTheSameFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("nested/folder/async-queries.json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        AsyncQueryJournal journal(path);
        QString error;
        QVERIFY2(
            journal.record(journalEntry(QStringLiteral("q-older"), now.addSecs(-3600)), &error),
            qPrintable(error));
        JournalEntry other = journalEntry(QStringLiteral("q-newer"), now.addSecs(-60));
        other.siteGuid = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
        other.sql = QStringLiteral("SELECT 'quote '' and\nnewline' AS text");
        QVERIFY(journal.record(other, &error));
        // Recording the same id again updates it in place.
        other.lastStatus = QStringLiteral("successful");
        QVERIFY(journal.record(other, &error));
    }

    const AsyncQueryJournal reloaded(path);
    const QList<JournalEntry> entries = reloaded.entries();
    QCOMPARE(queryIds(entries),
             QStringList({QStringLiteral("q-newer"), QStringLiteral("q-older")}));
    QCOMPARE(entries.first().sql, QStringLiteral("SELECT 'quote '' and\nnewline' AS text"));
    QCOMPARE(entries.first().lastStatus, QStringLiteral("successful"));
    QCOMPARE(entries.first().submittedAt, now.addSecs(-60));
    QCOMPARE(entries.last().environment, QStringLiteral("sandbox"));
    QCOMPARE(
        queryIds(reloaded.entriesForSite(QStringLiteral("sandbox"), onlineBp().guid.toUpper())),
        QStringList{QStringLiteral("q-older")});
    QVERIFY(reloaded.entriesForSite(QStringLiteral("production"), onlineBp().guid).isEmpty());

    AsyncQueryJournal writer(path);
    QVERIFY(writer.remove(QStringLiteral("q-older")));
    QCOMPARE(queryIds(AsyncQueryJournal(path).entries()), QStringList{QStringLiteral("q-newer")});
}

void TestAsyncRunnerJournal::entriesOlderThanADayAreDroppedOnSave()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(!AsyncQueryJournal::isExpired(
        journalEntry(QStringLiteral("a"), now.addSecs(-23 * 3600)), now));
    QVERIFY(AsyncQueryJournal::isExpired(journalEntry(QStringLiteral("b"), now.addSecs(-25 * 3600)),
                                         now));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("async-queries.json"));
    AsyncQueryJournal journal(path);
    QVERIFY(journal.record(journalEntry(QStringLiteral("fresh"), now.addSecs(-3600))));
    QVERIFY(journal.record(journalEntry(QStringLiteral("stale"), now.addSecs(-25 * 3600))));
    QCOMPARE(queryIds(journal.entries()), QStringList{QStringLiteral("fresh")});

    // A file that still lists an old entry (written a day ago) loses it on the next save.
    QJsonArray queries;
    for (const auto &[id, age] : {std::pair{"kept", 2 * 3600}, std::pair{"expired", 30 * 3600}})
        queries.append(QJsonObject{
            {QStringLiteral("environment"), QStringLiteral("sandbox")},
            {QStringLiteral("siteGuid"), onlineBp().guid},
            {QStringLiteral("queryId"), QString::fromLatin1(id)},
            {QStringLiteral("sql"), QStringLiteral("SELECT 1")},
            {QStringLiteral("submittedAt"), now.addSecs(-age).toString(Qt::ISODateWithMs)},
            {QStringLiteral("lastStatus"), QStringLiteral("queued")}});
    QVERIFY(writeAll(path, QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                     {QStringLiteral("queries"), queries}})
                               .toJson()));
    QVERIFY(journal.record(journalEntry(QStringLiteral("new"), now)));
    QCOMPARE(queryIds(journal.entries()),
             QStringList({QStringLiteral("new"), QStringLiteral("kept")}));
    QVERIFY(!readAll(path).contains("expired"));
}

void TestAsyncRunnerJournal::writeUnderARegularFileFailsWithAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString plainFile = dir.filePath(QStringLiteral("plain-file"));
    QVERIFY(writeAll(plainFile, "not a folder"));
    AsyncQueryJournal journal(plainFile + QStringLiteral("/async-queries.json"));
    QString error;
    QVERIFY(!journal.record(journalEntry(QStringLiteral("q1"), QDateTime::currentDateTimeUtc()),
                            &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(journal.entries().isEmpty());
    QCOMPARE(readAll(plainFile), QByteArray("not a folder"));
}

void TestAsyncRunnerJournal::writeIntoAReadOnlyFolderFailsAndKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("read-only"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/async-queries.json");
    AsyncQueryJournal journal(path);
    QVERIFY(journal.record(journalEntry(QStringLiteral("q-old"), QDateTime::currentDateTimeUtc())));
    const QByteArray before = readAll(path);

    QFile::Permissions writable = QFile::permissions(folder);
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const auto restore = qScopeGuard([&]() { QFile::setPermissions(folder, writable); });
    QFile probe(folder + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.close();
        probe.remove();
        QSKIP("Running with privileges that ignore folder permissions (root); "
              "failedReplaceKeepsTheOldFile covers this case.");
    }

    QString error;
    QVERIFY(!journal.record(journalEntry(QStringLiteral("q-new"), QDateTime::currentDateTimeUtc()),
                            &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(path), before);
    QCOMPARE(queryIds(journal.entries()), QStringList{QStringLiteral("q-old")});
}

void TestAsyncRunnerJournal::failedReplaceKeepsTheOldFile()
{
    // Works for every user, root included: a file name so long that the temporary file the
    // journal writes first (the name plus a suffix) cannot exist, so the replace must fail.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QString(250 - 5, QLatin1Char('j')) + QStringLiteral(".json"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray old =
        QJsonDocument(
            QJsonObject{{QStringLiteral("version"), 1},
                        {QStringLiteral("queries"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("environment"), QStringLiteral("sandbox")},
                             {QStringLiteral("siteGuid"), onlineBp().guid},
                             {QStringLiteral("queryId"), QStringLiteral("q-old")},
                             {QStringLiteral("sql"), QStringLiteral("SELECT 1")},
                             {QStringLiteral("submittedAt"), now.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("lastStatus"), QStringLiteral("queued")}}}}})
            .toJson();
    if (!writeAll(path, old))
        QSKIP("This file system does not take 250-character file names.");

    AsyncQueryJournal journal(path);
    QCOMPARE(queryIds(journal.entries()), QStringList{QStringLiteral("q-old")});
    QString error;
    const bool written = journal.record(journalEntry(QStringLiteral("q-new"), now), &error);
    if (written)
        QSKIP("This file system takes names longer than 255 bytes; nothing failed.");
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(path), old);
    QCOMPARE(queryIds(journal.entries()), QStringList{QStringLiteral("q-old")});
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no leftovers
}

void TestAsyncRunnerJournal::runnerCarriesOnWhenTheJournalCannotBeWritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString plainFile = dir.filePath(QStringLiteral("plain-file"));
    QVERIFY(writeAll(plainFile, "not a folder"));
    AsyncQueryJournal journal(plainFile + QStringLiteral("/async-queries.json"));
    START_RIG(rig, sandboxOptions());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    runner.setJournal(&journal);
    Recorder recorder(&runner);
    runner.submit(onlineBp().guid, sql(QStringLiteral("SELECT 1 AS one")));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QCOMPARE(recorder.finished.size(), 1);
    QVERIFY(recorder.finished.first().isSuccessful());
    QCOMPARE(recorder.results.size(), 1);
    QCOMPARE(recorder.results.first().table.cell(0, 0).toInteger(), 1);
}

QTEST_GUILESS_MAIN(TestAsyncRunnerJournal)
#include "tst_asyncrunner_journal.moc"
