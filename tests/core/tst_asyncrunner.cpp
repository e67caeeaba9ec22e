// AsyncQueryRunner and AsyncQueryJournal against a real sandbox on loopback: the states an async
// query walks through, its result pages, stopping and resuming, failure statuses, and the
// journal that lets a query be picked up again after a restart.
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "results/ResultDecoder.h"
#include "services/AsyncQueryRunner.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryTypes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Halo::AsyncQueryJournal;
using Halo::AsyncQueryRunner;
using Halo::JournalEntry;
using Halo::QueryInfo;

namespace {

const QString kKey = QStringLiteral("asyncrunner-test-key-93be07a1c4d6");

// 20 000 rows of about 30 bytes: several pages of 64 KiB.
const QString kCountingSql =
    QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 20000) "
                   "SELECT x, 'row ' || x AS label FROM c");
const int kCountingRows = 20000;

const QStringList kStatesInOrder = {QStringLiteral("initialising"), QStringLiteral("queued"),
                                    QStringLiteral("executing"), QStringLiteral("uploading")};

Sandbox::SandboxOptions sandboxOptions(int asyncStepMs = 30, qint64 pageBytes = 64 * 1024)
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    options.asyncStepMs = asyncStepMs;
    options.pageBytes = pageBytes;
    return options;
}

const Sandbox::SampleSite &onlineBp()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online &&
            site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    qFatal("no online Best Practice sample site");
}

const Sandbox::SampleSite &offlineSite()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Offline)
            return site;
    }
    qFatal("no offline sample site");
}

Halo::QueryCommand sql(const QString &text, const QString &mode = QStringLiteral("reader"))
{
    Halo::QueryCommand command;
    command.text = text;
    command.executionMode = mode;
    return command;
}

// Everything a runner says, in the order it says it.
class Recorder : public QObject
{
public:
    explicit Recorder(AsyncQueryRunner *runner)
    {
        connect(runner, &AsyncQueryRunner::submitted, this, [this](const QString &id) {
            events.append(QStringLiteral("submitted"));
            queryId = id;
        });
        connect(runner, &AsyncQueryRunner::stateChanged, this, [this](const QueryInfo &info) {
            events.append(QStringLiteral("state:") + info.status);
            states.append(info);
        });
        connect(runner, &AsyncQueryRunner::polled, this, [this]() { ++polls; });
        connect(runner, &AsyncQueryRunner::pageReady, this,
                [this](const Halo::ResultPageInfo &page, const Halo::DecodedResult &result) {
                    events.append(QStringLiteral("page:%1").arg(page.number));
                    pages.append(page);
                    results.append(result);
                });
        connect(runner, &AsyncQueryRunner::finished, this, [this](const QueryInfo &info) {
            events.append(QStringLiteral("finished"));
            finished.append(info);
        });
        connect(runner, &AsyncQueryRunner::failed, this, [this](const Halo::ApiError &error) {
            events.append(QStringLiteral("failed"));
            errors.append(error);
        });
        connect(runner, &AsyncQueryRunner::stopped, this,
                [this]() { events.append(QStringLiteral("stopped")); });
    }

    // Every signal so far, polls included.
    qsizetype signalCount() const { return events.size() + polls; }
    QStringList statuses() const
    {
        QStringList list;
        for (const QueryInfo &info : states)
            list.append(info.status);
        return list;
    }
    bool isDone() const { return !finished.isEmpty() || !errors.isEmpty(); }

    QStringList events;
    QString queryId;
    QList<QueryInfo> states;
    int polls = 0;
    QList<Halo::ResultPageInfo> pages;
    QList<Halo::DecodedResult> results;
    QList<QueryInfo> finished;
    QList<Halo::ApiError> errors;
};

QString describe(const Recorder &recorder)
{
    QString text = recorder.events.join(QStringLiteral(", "));
    for (const Halo::ApiError &error : recorder.errors)
        text += QStringLiteral("; error: ") + error.oneLine();
    return text;
}

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

class TestAsyncRunner : public QObject
{
    Q_OBJECT

private slots:
    void submitWalksEveryStateInOrderWithTheTimingSoFar();
    void pagesArriveInOrderAndReassembleEveryRow();
    void stopInTheMiddleEmitsStoppedAndThenNothing();
    void resumeOnANewRunnerPicksUpAndCompletes();
    void uploadFailedQueryFinishesWithQueryFailed();
    void sqlErrorFinishesWithExecutionFailed();
    void nonQueryFinishesWithRowsAffectedAndNoPages();
    void submitToAnOfflineSiteFailsAndStops();

    void submitRecordsQueryIdSqlAndStatusInTheJournal();
    void journalSurvivesReloadingFromTheSameFile();
    void entriesOlderThanADayAreDroppedOnSave();
    void writeUnderARegularFileFailsWithAnError();
    void writeIntoAReadOnlyFolderFailsAndKeepsTheOldFile();
    void failedReplaceKeepsTheOldFile();
    void runnerCarriesOnWhenTheJournalCannotBeWritten();
};

void TestAsyncRunner::submitWalksEveryStateInOrderWithTheTimingSoFar()
{
    // States long enough for a 20-40 ms poll to see each of them.
    START_RIG(rig, sandboxOptions(150));
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    Recorder recorder(&runner);

    runner.submit(onlineBp().guid,
                  sql(QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 10")));
    QVERIFY(runner.isRunning());
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QVERIFY(!runner.isRunning());

    QCOMPARE(recorder.statuses(), kStatesInOrder + QStringList{QStringLiteral("successful")});
    QCOMPARE(recorder.events.first(), QStringLiteral("submitted"));
    QCOMPARE(recorder.queryId, runner.queryId());
    for (const QueryInfo &info : std::as_const(recorder.states)) {
        QCOMPARE(info.id, recorder.queryId);
        QStringList timed;
        for (const Halo::StateTiming &timing : info.timing) {
            timed.append(timing.state);
            QVERIFY(timing.start.isValid());
        }
        const qsizetype reached =
            info.isTerminal() ? kStatesInOrder.size() : kStatesInOrder.indexOf(info.status) + 1;
        QCOMPARE(timed, kStatesInOrder.mid(0, reached));
        // Every state before the current one has ended; the current one has not.
        for (qsizetype i = 0; i < info.timing.size(); ++i) {
            const bool ongoing = !info.isTerminal() && i == info.timing.size() - 1;
            QCOMPARE(info.timing.at(i).end.isValid(), !ongoing);
        }
    }
    QVERIFY(recorder.polls >= recorder.states.size() - 1);

    QCOMPARE(recorder.finished.size(), 1);
    const QueryInfo done = recorder.finished.first();
    QVERIFY(done.isSuccessful());
    QCOMPARE(done.rows.value_or(-1), 10);
    QCOMPARE(runner.lastInfo().status, QStringLiteral("successful"));
    QCOMPARE(recorder.events.last(), QStringLiteral("finished"));
}

void TestAsyncRunner::pagesArriveInOrderAndReassembleEveryRow()
{
    START_RIG(rig, sandboxOptions(30, 64 * 1024));
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 100);
    Recorder recorder(&runner);

    runner.submit(onlineBp().guid, sql(kCountingSql));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 15000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QCOMPARE(recorder.finished.size(), 1);
    const QueryInfo done = recorder.finished.first();
    QVERIFY(done.isSuccessful());
    QCOMPARE(done.rows.value_or(-1), kCountingRows);

    QVERIFY2(recorder.pages.size() >= 3, qPrintable(QString::number(recorder.pages.size())));
    QCOMPARE(recorder.pages.size(), done.pages.size());
    qint64 rows = 0;
    qint64 expectedNext = 1;
    for (int i = 0; i < recorder.pages.size(); ++i) {
        const Halo::ResultPageInfo &page = recorder.pages.at(i);
        const Halo::ResultTable &table = recorder.results.at(i).table;
        QCOMPARE(page.number, i + 1);
        QCOMPARE(table.columns(), QStringList({QStringLiteral("x"), QStringLiteral("label")}));
        QCOMPARE(qint64(table.rowCount()), page.rowCount);
        // Each page carries on where the one before stopped.
        QCOMPARE(table.cell(0, 0).toInteger(), expectedNext);
        expectedNext = table.cell(table.rowCount() - 1, 0).toInteger() + 1;
        rows += table.rowCount();
    }
    QCOMPARE(rows, kCountingRows);
    const Halo::ResultTable &first = recorder.results.first().table;
    const Halo::ResultTable &last = recorder.results.last().table;
    QCOMPARE(first.cell(0, 0).toInteger(), 1);
    QCOMPARE(first.cell(0, 1).text(), QStringLiteral("row 1"));
    QCOMPARE(last.cell(last.rowCount() - 1, 0).toInteger(), kCountingRows);
    QCOMPARE(last.cell(last.rowCount() - 1, 1).text(), QStringLiteral("row 20000"));

    // finished comes once, after the last page.
    QCOMPARE(recorder.events.count(QStringLiteral("finished")), 1);
    QCOMPARE(recorder.events.last(), QStringLiteral("finished"));
    QCOMPARE(recorder.events.at(recorder.events.size() - 2),
             QStringLiteral("page:%1").arg(recorder.pages.size()));
}

void TestAsyncRunner::stopInTheMiddleEmitsStoppedAndThenNothing()
{
    START_RIG(rig, sandboxOptions(150, 64 * 1024));
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    Recorder recorder(&runner);
    QSignalSpy stopped(&runner, &AsyncQueryRunner::stopped);

    // Stop just as page 2 has arrived: its decoding is under way when stop() runs.
    bool stopQueued = false;
    connect(rig.client.requestLog(), &Halo::RequestLog::exchangeRecorded, &runner,
            [&runner, &stopQueued](const Halo::LoggedExchange &exchange) {
                if (!stopQueued && exchange.url.path().endsWith(QLatin1String("/results/2"))) {
                    stopQueued = true;
                    QMetaObject::invokeMethod(&runner, &AsyncQueryRunner::stop,
                                              Qt::QueuedConnection);
                }
            });
    runner.submit(onlineBp().guid, sql(kCountingSql));
    QVERIFY2(stopped.wait(10000), qPrintable(describe(recorder)));
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!runner.isRunning());
    QCOMPARE(recorder.pages.size(), 1);
    QVERIFY2(recorder.finished.isEmpty(), "the query finished before it could be stopped");

    // Silence: no signal and no request, long after the query has finished at the sandbox.
    const qsizetype signalsAtStop = recorder.signalCount();
    const qsizetype requestsAtStop = rig.client.requestLog()->exchanges().size();
    QTest::qWait(1200);
    QCOMPARE(recorder.signalCount(), signalsAtStop);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), requestsAtStop);
    QCOMPARE(recorder.pages.size(), 1);
    QVERIFY(recorder.finished.isEmpty());
    QVERIFY(recorder.errors.isEmpty());
    QCOMPARE(recorder.events.last(), QStringLiteral("stopped"));

    runner.stop(); // stopping a stopped runner says nothing
    QCOMPARE(stopped.size(), 1);
}

void TestAsyncRunner::resumeOnANewRunnerPicksUpAndCompletes()
{
    START_RIG(rig, sandboxOptions(60, 16 * 1024));
    const QString guid = onlineBp().guid;
    const QString sqlText = QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 "
                                           "FROM c LIMIT 3000) SELECT x FROM c");
    QString queryId;
    {
        AsyncQueryRunner first(&rig.client);
        first.setPollIntervals(20, 40);
        QSignalSpy submitted(&first, &AsyncQueryRunner::submitted);
        first.submit(guid, sql(sqlText));
        QVERIFY(submitted.wait(10000));
        queryId = submitted.first().first().toString();
        first.stop();
    } // the first runner is gone, as after a restart

    AsyncQueryRunner second(&rig.client);
    second.setPollIntervals(20, 40);
    Recorder recorder(&second);
    second.resume(guid, queryId);
    QVERIFY(second.isRunning());
    QCOMPARE(second.queryId(), queryId);
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QVERIFY(!recorder.events.contains(QStringLiteral("submitted")));
    QCOMPARE(recorder.finished.size(), 1);
    QCOMPARE(recorder.finished.first().id, queryId);
    QVERIFY(recorder.finished.first().isSuccessful());
    qint64 rows = 0;
    for (const Halo::DecodedResult &result : std::as_const(recorder.results))
        rows += result.table.rowCount();
    QCOMPARE(rows, 3000);
    QVERIFY(recorder.pages.size() >= 2);
}

void TestAsyncRunner::uploadFailedQueryFinishesWithQueryFailed()
{
    START_RIG(rig, sandboxOptions());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    Recorder recorder(&runner);
    runner.submit(onlineBp().guid,
                  sql(QStringLiteral("/* sandbox: upload-failed */ SELECT id FROM patients "
                                     "WHERE id <= 10")));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QCOMPARE(recorder.finished.size(), 1);
    const QueryInfo done = recorder.finished.first();
    QCOMPARE(done.status, QStringLiteral("uploadFailed"));
    QVERIFY(done.isTerminal());
    QCOMPARE(done.failure.kind, Halo::ApiError::Kind::QueryFailed);
    QCOMPARE(done.failure.queryStatus, QStringLiteral("uploadFailed"));
    QVERIFY(!done.failure.serverMessage.isEmpty());
    QVERIFY(recorder.pages.isEmpty());
    QCOMPARE(recorder.statuses().last(), QStringLiteral("uploadFailed"));
}

void TestAsyncRunner::sqlErrorFinishesWithExecutionFailed()
{
    START_RIG(rig, sandboxOptions());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    Recorder recorder(&runner);
    runner.submit(onlineBp().guid, sql(QStringLiteral("SELECT no_such_column FROM patients")));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QCOMPARE(recorder.finished.size(), 1);
    const QueryInfo done = recorder.finished.first();
    QCOMPARE(done.status, QStringLiteral("executionFailed"));
    QCOMPARE(done.failure.kind, Halo::ApiError::Kind::QueryFailed);
    QCOMPARE(done.failure.errorType, QStringLiteral("mssql"));
    QVERIFY(done.failure.serverMessage.contains(QLatin1String("no_such_column")));
    QVERIFY(recorder.pages.isEmpty());
}

void TestAsyncRunner::nonQueryFinishesWithRowsAffectedAndNoPages()
{
    START_RIG(rig, sandboxOptions());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    Recorder recorder(&runner);
    runner.submit(onlineBp().guid, sql(QStringLiteral("UPDATE patients SET notes = notes WHERE "
                                                      "id <= 7"),
                                       QStringLiteral("nonQuery")));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QVERIFY2(recorder.errors.isEmpty(), qPrintable(describe(recorder)));
    QCOMPARE(recorder.finished.size(), 1);
    const QueryInfo done = recorder.finished.first();
    QVERIFY(done.isSuccessful());
    QCOMPARE(done.rowsAffected.value_or(-1), 7);
    QVERIFY(recorder.pages.isEmpty());
    for (const Halo::LoggedExchange &exchange : rig.client.requestLog()->exchanges())
        QVERIFY2(!exchange.url.path().contains(QLatin1String("/results/")),
                 qPrintable(exchange.url.toString()));
}

void TestAsyncRunner::submitToAnOfflineSiteFailsAndStops()
{
    START_RIG(rig, sandboxOptions());
    AsyncQueryRunner runner(&rig.client);
    Recorder recorder(&runner);
    runner.submit(offlineSite().guid, sql(QStringLiteral("SELECT 1 AS one")));
    QTRY_VERIFY2_WITH_TIMEOUT(recorder.isDone(), qPrintable(describe(recorder)), 10000);
    QCOMPARE(recorder.errors.size(), 1);
    QCOMPARE(recorder.errors.first().httpStatus, 503);
    QVERIFY(recorder.finished.isEmpty());
    QVERIFY(!runner.isRunning());
    QCOMPARE(recorder.events, QStringList{QStringLiteral("failed")});
}

// --------------------------------------------------------------------------------------------
// Journal

void TestAsyncRunner::submitRecordsQueryIdSqlAndStatusInTheJournal()
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

void TestAsyncRunner::journalSurvivesReloadingFromTheSameFile()
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

void TestAsyncRunner::entriesOlderThanADayAreDroppedOnSave()
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

void TestAsyncRunner::writeUnderARegularFileFailsWithAnError()
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

void TestAsyncRunner::writeIntoAReadOnlyFolderFailsAndKeepsTheOldFile()
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

void TestAsyncRunner::failedReplaceKeepsTheOldFile()
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

void TestAsyncRunner::runnerCarriesOnWhenTheJournalCannotBeWritten()
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

QTEST_GUILESS_MAIN(TestAsyncRunner)
#include "tst_asyncrunner.moc"
