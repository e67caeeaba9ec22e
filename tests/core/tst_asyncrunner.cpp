// SPDX-License-Identifier: GPL-3.0-or-later
// AsyncQueryRunner against a real sandbox on loopback: the states an async query walks through,
// its result pages, stopping and resuming, failure statuses. The journal that lets a query be
// picked up again after a restart: tst_asyncrunner_journal.
#include "AsyncRunnerRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"
#include "results/ResultDecoder.h"
#include "services/AsyncQueryRunner.h"
#include "sql/QueryTypes.h"

#include <QSignalSpy>
#include <QtTest>

namespace {

const QStringList kStatesInOrder = {QStringLiteral("initialising"), QStringLiteral("queued"),
                                    QStringLiteral("executing"), QStringLiteral("uploading")};

const Sandbox::SampleSite &offlineSite()
{
    return sampleSite(Sandbox::SiteScenario::Offline);
}

} // namespace

class TestAsyncRunner : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void submitWalksEveryStateInOrderWithTheTimingSoFar();
    void pagesArriveInOrderAndReassembleEveryRow();
    void stopInTheMiddleEmitsStoppedAndThenNothing();
    void resumeOnANewRunnerPicksUpAndCompletes();
    void uploadFailedQueryFinishesWithQueryFailed();
    void sqlErrorFinishesWithExecutionFailed();
    void nonQueryFinishesWithRowsAffectedAndNoPages();
    void submitToAnOfflineSiteFailsAndStops();
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

QTEST_GUILESS_MAIN(TestAsyncRunner)
#include "tst_asyncrunner.moc"
