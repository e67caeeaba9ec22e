// SPDX-License-Identifier: GPL-3.0-or-later
// The use cases both faces share (services/), against a real sandbox on loopback: async queries
// submitted, followed to their deadline, gathered and read by id. FHIR GET or POST by
// destination: tst_services_fhir; sites looked up and re-resolved: tst_services_sites.
#include "FailOnWarning.h"
#include "ServicesRig.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"
#include "services/AsyncQueryRunner.h"
#include "services/AsyncQueryService.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryTypes.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using Halo::AsyncQueryRunner;
using Halo::AsyncQueryService;
using Halo::QueryInfo;

namespace {

// What a runner gathered: its pages' rows and how it ended.
struct RunnerRecord {
    explicit RunnerRecord(AsyncQueryRunner *runner)
        : submitted(runner, &AsyncQueryRunner::submitted)
        , finished(runner, &AsyncQueryRunner::finished)
        , failed(runner, &AsyncQueryRunner::failed)
        , notFinished(runner, &AsyncQueryRunner::notFinished)
        , pages(runner, &AsyncQueryRunner::pageReady)
    {}
    bool waitForEnd()
    {
        QElapsedTimer clock;
        clock.start();
        while (finished.isEmpty() && failed.isEmpty() && notFinished.isEmpty() &&
               clock.elapsed() < kWaitMs)
            QTest::qWait(20);
        return !finished.isEmpty() || !failed.isEmpty() || !notFinished.isEmpty();
    }
    qint64 rows() const
    {
        qint64 total = 0;
        for (const QList<QVariant> &page : pages)
            total += page.at(1).value<Halo::DecodedResult>().table.rowCount();
        return total;
    }
    QString firstCell() const
    {
        return pages.isEmpty() ? QString()
                               : pages.first()
                                     .at(1)
                                     .value<Halo::DecodedResult>()
                                     .table.cell(0, 1)
                                     .toDisplayString();
    }
    Halo::ApiError error() const
    {
        return failed.isEmpty() ? Halo::ApiError() : failed.first().at(0).value<Halo::ApiError>();
    }
    QSignalSpy submitted;
    QSignalSpy finished;
    QSignalSpy failed;
    QSignalSpy notFinished;
    QSignalSpy pages;
};

// Submits `command` and stops following once Halo confirmed it; returns the query id.
QString submitOnly(Halo::HaloApiClient *client, const Halo::QueryCommand &command)
{
    AsyncQueryRunner runner(client);
    QSignalSpy submitted(&runner, &AsyncQueryRunner::submitted);
    runner.submit(kHarbourside, command);
    if (!submitted.wait(kWaitMs))
        return QString();
    runner.stop();
    return submitted.first().at(0).toString();
}

// Reads a query's status through the service until it has ended.
QueryInfo waitUntilEnded(Halo::HaloApiClient *client, const QString &queryId)
{
    AsyncQueryService service(client);
    QSignalSpy read(&service, &AsyncQueryService::statusRead);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kWaitMs) {
        read.clear();
        service.readStatus(kHarbourside, queryId);
        if (!read.wait(kWaitMs))
            break;
        const QueryInfo info = read.first().at(0).value<QueryInfo>();
        if (info.isTerminal())
            return info;
        QTest::qWait(50);
    }
    return QueryInfo();
}

} // namespace

class TestServices : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void submitsFollowsAndGathersEveryPage();
    void resumesAQueryByItsJournalledId();
    void gathersAFinishedQueryAndSaysWhenOneIsNot();
    void stopsFollowingAtTheQuerysOwnDeadline();
    void refusesAnEmptyOrMalformedQueryIdWithoutARequest();
    void readsStatusAndBatchStatusById();
    void saysWhenAResultPageHasExpired();
};

void TestServices::submitsFollowsAndGathersEveryPage()
{
    START_RIG(rig, options());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 100);
    RunnerRecord record(&runner);
    runner.submit(kHarbourside, sql(kCountingSql));
    QVERIFY(record.waitForEnd());
    QVERIFY2(record.failed.isEmpty(), qPrintable(record.error().oneLine()));
    QCOMPARE(record.finished.size(), 1);
    QCOMPARE(record.finished.first().at(0).value<QueryInfo>().status, QStringLiteral("successful"));
    QVERIFY2(record.pages.size() > 1, "the result comes in several pages");
    QCOMPARE(record.rows(), kCountingRows);
    QCOMPARE(record.firstCell(), QStringLiteral("row 1"));
    QVERIFY(!runner.isPastDeadline());
}

void TestServices::resumesAQueryByItsJournalledId()
{
    START_RIG(rig, options());
    QTemporaryDir dir;
    Halo::AsyncQueryJournal journal(dir.filePath(QStringLiteral("journal.json")));
    QString queryId;
    {
        AsyncQueryRunner first(&rig.client);
        first.setJournal(&journal);
        QSignalSpy submitted(&first, &AsyncQueryRunner::submitted);
        first.submit(kHarbourside, sql(kCountingSql));
        QVERIFY(submitted.wait(kWaitMs));
        queryId = submitted.first().at(0).toString();
        first.stop(); // as if the window closed
    }
    const QList<Halo::JournalEntry> entries = journal.entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().queryId, queryId);

    AsyncQueryRunner second(&rig.client);
    second.setPollIntervals(20, 100);
    RunnerRecord record(&second);
    second.resume(entries.first().siteGuid, entries.first().queryId);
    QVERIFY(record.waitForEnd());
    QVERIFY2(record.failed.isEmpty(), qPrintable(record.error().oneLine()));
    QCOMPARE(record.submitted.size(), 0); // nothing submitted again
    QCOMPARE(requestsTo(rig.client, QStringLiteral("/queries/async")), 1);
    QCOMPARE(record.rows(), kCountingRows);
}

void TestServices::gathersAFinishedQueryAndSaysWhenOneIsNot()
{
    START_RIG(rig, options());
    // Still executing for a while: gathering says so at once and fetches no page.
    const QString slow = submitOnly(&rig.client, sql(QStringLiteral("WAITFOR DELAY '00:00:30'; "
                                                                    "SELECT 1 AS one")));
    QVERIFY(!slow.isEmpty());
    {
        AsyncQueryRunner runner(&rig.client);
        RunnerRecord record(&runner);
        runner.collect(kHarbourside, slow);
        QVERIFY(record.waitForEnd());
        QCOMPARE(record.notFinished.size(), 1);
        const QueryInfo info = record.notFinished.first().at(0).value<QueryInfo>();
        QVERIFY2(!info.isTerminal(), qPrintable(info.status));
        QCOMPARE(info.id, slow);
        QCOMPARE(record.finished.size(), 0);
        QCOMPARE(requestsTo(rig.client, QStringLiteral("/results/")), 0);
        QVERIFY(!runner.isRunning());
    }

    const QString quick = submitOnly(&rig.client, sql(kCountingSql));
    QCOMPARE(waitUntilEnded(&rig.client, quick).status, QStringLiteral("successful"));
    AsyncQueryRunner runner(&rig.client);
    RunnerRecord record(&runner);
    runner.collect(kHarbourside, quick);
    QVERIFY(record.waitForEnd());
    QVERIFY2(record.failed.isEmpty(), qPrintable(record.error().oneLine()));
    QCOMPARE(record.finished.size(), 1);
    QCOMPARE(record.rows(), kCountingRows);
}

void TestServices::stopsFollowingAtTheQuerysOwnDeadline()
{
    // The deadline grows with the time the query may wait in the queue, and always leaves
    // Halo's 5-minute execution limit on top.
    const qint64 quick = AsyncQueryRunner::followDeadlineMs(1000);
    const qint64 patient = AsyncQueryRunner::followDeadlineMs(900000);
    QVERIFY(quick > 1000 + 5 * 60 * 1000);
    QVERIFY(patient > 900000 + 5 * 60 * 1000);
    QVERIFY(patient - quick >= 899000);
    QVERIFY(AsyncQueryRunner::followDeadlineMs(std::nullopt) >
            AsyncQueryRunner::followDeadlineMs(900000)); // the service default is an hour

    START_RIG(rig, options());
    AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 50);
    // Limits shrunk so the test need not wait minutes: the query executes for 30 s.
    runner.setFollowLimits({300, 200, 0});
    RunnerRecord record(&runner);
    Halo::QueryCommand command = sql(QStringLiteral("WAITFOR DELAY '00:00:30'; SELECT 1 AS one"));
    command.maxTimeInQueueMs = 200;
    runner.submit(kHarbourside, command);
    QVERIFY(record.waitForEnd());
    QCOMPARE(record.failed.size(), 1);
    const Halo::ApiError error = record.error();
    QCOMPARE(error.kind, Halo::ApiError::Kind::Timeout);
    QVERIFY(runner.isPastDeadline());
    QCOMPARE(runner.deadlineMs(), qint64(200 + 300 + 200));
    QVERIFY2(!runner.lastInfo().isTerminal(), qPrintable(runner.lastInfo().status));
    QVERIFY(error.queryStatus.isEmpty()); // not a failed status: the query may still end
    QVERIFY(!runner.isRunning());
    // Nothing more is asked once following stopped.
    const int polls = requestsTo(rig.client, QStringLiteral("/queries/"));
    QTest::qWait(300);
    QCOMPARE(requestsTo(rig.client, QStringLiteral("/queries/")), polls);
}

void TestServices::refusesAnEmptyOrMalformedQueryIdWithoutARequest()
{
    START_RIG(rig, options());
    for (const QString &id : {QString(), QStringLiteral("   "), QStringLiteral("../registered"),
                              QStringLiteral("12345")}) {
        AsyncQueryRunner runner(&rig.client);
        RunnerRecord record(&runner);
        runner.resume(kHarbourside, id);
        QCOMPARE(record.failed.size(), 0); // said on the next turn, as an answer would be
        QVERIFY(record.waitForEnd());
        QCOMPARE(record.failed.size(), 1);
        QCOMPARE(record.error().kind, Halo::ApiError::Kind::BadResponse);

        AsyncQueryService service(&rig.client);
        QSignalSpy failed(&service, &AsyncQueryService::failed);
        service.readStatus(kHarbourside, id);
        QVERIFY(failed.wait(kWaitMs));
        service.readBatchStatus(kHarbourside,
                                {QUuid::createUuid().toString(QUuid::WithoutBraces), id});
        QVERIFY(failed.wait(kWaitMs));
    }
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 0);
    QVERIFY(AsyncQueryService::isValidQueryId(QUuid::createUuid().toString(QUuid::WithoutBraces)));
}

void TestServices::readsStatusAndBatchStatusById()
{
    START_RIG(rig, options());
    const QString queryId = submitOnly(&rig.client, sql(kCountingSql));
    QVERIFY(!queryId.isEmpty());
    const QueryInfo ended = waitUntilEnded(&rig.client, queryId);
    QCOMPARE(ended.id, queryId);
    QCOMPARE(ended.status, QStringLiteral("successful"));
    QCOMPARE(ended.rows, std::optional<qint64>(kCountingRows));
    QVERIFY(ended.pages.size() > 1);

    AsyncQueryService service(&rig.client);
    QSignalSpy read(&service, &AsyncQueryService::statusRead);
    service.readStatus(kHarbourside, queryId);
    QVERIFY(read.wait(kWaitMs));
    // The body is the query object as Halo sent it.
    const QJsonObject sent = QJsonDocument::fromJson(read.first().at(1).toByteArray()).object();
    QCOMPARE(sent.value(QStringLiteral("id")).toString(), queryId);

    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSignalSpy batch(&service, &AsyncQueryService::batchStatusRead);
    service.readBatchStatus(kHarbourside, {queryId, unknown});
    QVERIFY(batch.wait(kWaitMs));
    const auto statuses = batch.first().at(0).value<QList<Halo::BatchQueryStatus>>();
    QCOMPARE(statuses.size(), 2);
    QCOMPARE(statuses.at(0).queryId, queryId);
    QVERIFY(statuses.at(0).found);
    QCOMPARE(statuses.at(0).query.status, QStringLiteral("successful"));
    QCOMPARE(statuses.at(1).queryId, unknown);
    QVERIFY(!statuses.at(1).found);
}

void TestServices::saysWhenAResultPageHasExpired()
{
    START_RIG(rig, options(1));
    const QString queryId = submitOnly(&rig.client, sql(QStringLiteral("SELECT 1 AS one")));
    QCOMPARE(waitUntilEnded(&rig.client, queryId).status, QStringLiteral("successful"));
    QTest::qWait(1500); // the sandbox keeps results for a second
    AsyncQueryRunner runner(&rig.client);
    RunnerRecord record(&runner);
    runner.collect(kHarbourside, queryId);
    QVERIFY(record.waitForEnd());
    QCOMPARE(record.failed.size(), 1);
    QCOMPARE(record.error().httpStatus, 410);
    QCOMPARE(record.pages.size(), 0);
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
