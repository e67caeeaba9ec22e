// The use cases both faces share (services/), against a real sandbox on loopback: async queries
// submitted, followed to their deadline, gathered and read by id; FHIR GET or POST by
// destination, refused for a PMS without FHIR before any FHIR request, Bundle links followed;
// sites looked up, their status compared with the record, GUIDs re-resolved.
#include "ClientCalls.h"
#include "SandboxRig.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"
#include "services/AsyncQueryRunner.h"
#include "services/AsyncQueryService.h"
#include "services/FhirService.h"
#include "services/SiteService.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using Halo::AsyncQueryRunner;
using Halo::AsyncQueryService;
using Halo::FhirMethod;
using Halo::FhirService;
using Halo::QueryInfo;
using Halo::SiteService;

namespace {

const QString kKey = QStringLiteral("services-test-key-5c21e8d04b7a");
// Sample sites of the sandbox (halo-sandbox --print-sites).
const QString kHarbourside = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kHarboursideOld = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kHarboursidePmsId = QStringLiteral("BP-20431");
const QString kWattleGrove = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5"); // Zedmed
const QString kEastwood = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");    // renamed
const QString kBestPractice = QStringLiteral("Best Practice");
const int kWaitMs = 20000;

// 20 000 rows of about 30 bytes: several pages of 64 KiB.
const QString kCountingSql =
    QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 20000) "
                   "SELECT x, 'row ' || x AS label FROM c");
const int kCountingRows = 20000;

Sandbox::SandboxOptions options(int resultTtlSeconds = 24 * 3600)
{
    Sandbox::SandboxOptions o;
    o.key = kKey;
    o.asyncStepMs = 30;
    o.pageBytes = 64 * 1024;
    o.resultTtlSeconds = resultTtlSeconds;
    return o;
}

Halo::QueryCommand sql(const QString &text)
{
    Halo::QueryCommand command;
    command.text = text;
    return command;
}

// The requests the client sent whose path contains `part`.
int requestsTo(const Halo::HaloApiClient &client, const QString &part)
{
    int count = 0;
    for (const Halo::LoggedExchange &exchange : client.requestLog()->exchanges()) {
        if (exchange.url.path().contains(part))
            ++count;
    }
    return count;
}

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

Halo::Endpoint endpointOf(Halo::Environment environment)
{
    return {environment, QUrl(QStringLiteral("https://api.example.net"))};
}

} // namespace

class TestServices : public QObject
{
    Q_OBJECT

private slots:
    // AsyncQueryRunner and AsyncQueryService
    void submitsFollowsAndGathersEveryPage();
    void resumesAQueryByItsJournalledId();
    void gathersAFinishedQueryAndSaysWhenOneIsNot();
    void stopsFollowingAtTheQuerysOwnDeadline();
    void refusesAnEmptyOrMalformedQueryIdWithoutARequest();
    void readsStatusAndBatchStatusById();
    void saysWhenAResultPageHasExpired();

    // FhirService
    void choosesGetOrPostByDestination();
    void postsASearchOnProduction();
    void refusesASiteWithoutFhirBeforeAnyFhirRequest();
    void followsABundlesNextLink();

    // SiteService
    void findsInstallsAuthoritativeFirst();
    void comparesTheStatusWithWhatWasRecorded();
    void reResolvesANonAuthoritativeGuid();
    void keepsAGuidThatIsStillAuthoritative();
    void findsNoInstallOfAnUnknownPmsId();
};

// ------------------------------------------------------------------------------------------
// Async queries

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

// ------------------------------------------------------------------------------------------
// FHIR

void TestServices::choosesGetOrPostByDestination()
{
    using Halo::Environment;
    const QString search = QStringLiteral("Patient?family=Smith&_count=5");
    const auto plan = [](const QString &line, FhirMethod method, Environment environment) {
        return FhirService::plan(line, method, endpointOf(environment));
    };
    QVERIFY(FhirService::postByDefault(endpointOf(Environment::Production)));
    for (Environment other : {Environment::Stage, Environment::Sandbox, Environment::Custom})
        QVERIFY(!FhirService::postByDefault(endpointOf(other)));

    const Halo::FhirPlan onProduction = plan(search, FhirMethod::Default, Environment::Production);
    QVERIFY(onProduction.isSendable());
    QVERIFY(onProduction.post);
    QCOMPARE(onProduction.request->resourceType, QStringLiteral("Patient"));
    QVERIFY(!plan(search, FhirMethod::Default, Environment::Stage).post);
    QVERIFY(!plan(search, FhirMethod::Get, Environment::Production).post);
    QVERIFY(plan(search, FhirMethod::Post, Environment::Sandbox).post);
    // "_search" typed means POST anywhere; a read is always GET.
    QVERIFY(plan(QStringLiteral("Patient/_search?family=Smith"), FhirMethod::Default,
                 Environment::Sandbox)
                .post);
    const Halo::FhirPlan read =
        plan(QStringLiteral("Patient/1"), FhirMethod::Default, Environment::Production);
    QVERIFY(!read.post);
    QCOMPARE(read.relative, QStringLiteral("Patient/1"));
    QVERIFY(
        !plan(QStringLiteral("Patient/1"), FhirMethod::Post, Environment::Sandbox).isSendable());
    QVERIFY(!plan(QStringLiteral("  "), FhirMethod::Default, Environment::Sandbox).isSendable());
    // A Bundle's link goes as it is, by GET.
    const QString link = QStringLiteral("https://api.example.net/integrator/sites/x/fhir/R4/"
                                        "Patient?_page=2");
    const Halo::FhirPlan linkPlan = plan(link, FhirMethod::Default, Environment::Production);
    QVERIFY(!linkPlan.post);
    QCOMPARE(linkPlan.relative, link);
}

void TestServices::postsASearchOnProduction()
{
    START_RIG(rig, options());
    // The sandbox stands in for Production: what matters is what the service chooses.
    rig.client.setEndpoint({Halo::Environment::Production, QUrl(rig.server.baseUrl())});
    FhirService service(&rig.client);
    QSignalSpy answered(&service, &FhirService::answered);
    const QString line = QStringLiteral("Patient?family=Smith");
    service.send(kHarbourside, FhirService::plan(line, FhirMethod::Default, rig.client.endpoint()));
    QVERIFY(answered.wait(kWaitMs));
    const Halo::LoggedExchange &search = rig.client.requestLog()->exchanges().last();
    QCOMPARE(search.method, QByteArray("POST"));
    QVERIFY(search.url.path().endsWith(QLatin1String("/fhir/R4/Patient/_search")));
    QVERIFY(search.requestBody.contains("family=Smith"));
    QVERIFY(!search.url.toString().contains(QLatin1String("Smith")));
    QCOMPARE(answered.first().at(0).value<Halo::FhirResponse>().kind,
             Halo::FhirResponse::Kind::Bundle);

    service.send(kHarbourside, FhirService::plan(line, FhirMethod::Get, rig.client.endpoint()));
    QVERIFY(answered.wait(kWaitMs));
    QCOMPARE(rig.client.requestLog()->exchanges().last().method, QByteArray("GET"));
    QVERIFY(rig.client.requestLog()->exchanges().last().url.query().contains(
        QLatin1String("family=Smith")));
}

void TestServices::refusesASiteWithoutFhirBeforeAnyFhirRequest()
{
    START_RIG(rig, options());
    FhirService service(&rig.client);
    QSignalSpy refused(&service, &FhirService::refused);
    QSignalSpy answered(&service, &FhirService::answered);
    const Halo::FhirPlan plan = FhirService::plan(QStringLiteral("Patient?family=Smith"),
                                                  FhirMethod::Default, rig.client.endpoint());
    // Its PMS is learnt from its status.
    service.send(kWattleGrove, plan);
    QVERIFY(refused.wait(kWaitMs));
    const QString message = refused.first().at(0).toString();
    QVERIFY2(message.contains(QLatin1String("Wattle Grove Medical Clinic has no FHIR API.")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Best Practice")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Zedmed")), qPrintable(message));
    QCOMPARE(requestsTo(rig.client, QStringLiteral("/fhir/")), 0);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1); // the status only

    // Known from the caller's records: not even the status is read again.
    FhirService known(&rig.client);
    known.rememberSite(kWattleGrove, QStringLiteral("Zedmed"), QStringLiteral("Wattle Grove"));
    QSignalSpy refusedAgain(&known, &FhirService::refused);
    known.send(kWattleGrove, plan);
    QVERIFY(refusedAgain.wait(kWaitMs));
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1);
    QCOMPARE(answered.size(), 0);
}

void TestServices::followsABundlesNextLink()
{
    START_RIG(rig, options());
    FhirService service(&rig.client);
    QSignalSpy answered(&service, &FhirService::answered);
    service.send(kHarbourside, FhirService::plan(QStringLiteral("Patient?_count=2"),
                                                 FhirMethod::Default, rig.client.endpoint()));
    QVERIFY(answered.wait(kWaitMs));
    const auto first = answered.first().at(0).value<Halo::FhirResponse>();
    QCOMPARE(first.entries.size(), 2);
    const QString next = first.link(QStringLiteral("next"));
    QVERIFY(!next.isEmpty());
    // The first page has no previous page: nothing to follow, nothing sent.
    const auto sentBefore = rig.client.requestLog()->exchanges().size();
    QVERIFY(!service.followLink(kHarbourside, first, QStringLiteral("previous")));
    QCOMPARE(rig.client.requestLog()->exchanges().size(), sentBefore);

    QVERIFY(service.followLink(kHarbourside, first, QStringLiteral("next")));
    QVERIFY(answered.wait(kWaitMs));
    const auto second = answered.at(1).at(0).value<Halo::FhirResponse>();
    QCOMPARE(second.entries.size(), 2);
    QVERIFY(second.entries.first().id != first.entries.first().id);
    const QUrl asked = rig.client.requestLog()->exchanges().last().url;
    QCOMPARE(asked.path(), QUrl(next).path());
    QCOMPARE(asked.query(QUrl::FullyDecoded), QUrl(next).query(QUrl::FullyDecoded));
    QVERIFY(!second.link(QStringLiteral("previous")).isEmpty());

    // A link off the site's FHIR base is refused without a request: the key stays home.
    Halo::FhirResponse elsewhere = first;
    elsewhere.links = {{QStringLiteral("next"), QStringLiteral("https://evil.example/fhir")}};
    QSignalSpy failed(&service, &FhirService::failed);
    QVERIFY(service.followLink(kHarbourside, elsewhere, QStringLiteral("next")));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(0).value<Halo::ApiError>().kind, Halo::ApiError::Kind::Redirect);
    QCOMPARE(failed.size(), 1);
}

// ------------------------------------------------------------------------------------------
// Sites

void TestServices::findsInstallsAuthoritativeFirst()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy found(&service, &SiteService::sitesFound);
    service.findSites(kHarboursidePmsId, kBestPractice);
    QVERIFY(found.wait(kWaitMs));
    const auto sites = found.first().at(0).value<QList<Halo::SiteInfo>>();
    QCOMPARE(sites.size(), 2);
    QCOMPARE(sites.at(0).guid, kHarbourside);
    QVERIFY(sites.at(0).authoritative);
    QCOMPARE(sites.at(1).guid, kHarboursideOld);
    QVERIFY(!sites.at(1).authoritative);

    // The order does not depend on Halo's.
    QList<Halo::SiteInfo> reversed{sites.at(1), sites.at(0)};
    Halo::SiteInfo silent = sites.at(1);
    silent.guid = QStringLiteral("silent");
    silent.authoritativeKnown = false;
    reversed.prepend(silent);
    const QList<Halo::SiteInfo> ordered = SiteService::candidatesInOrder(reversed);
    QCOMPARE(ordered.at(0).guid, kHarbourside);
    QCOMPARE(ordered.at(1).guid, QStringLiteral("silent"));
    QCOMPARE(ordered.at(2).guid, kHarboursideOld);
}

void TestServices::comparesTheStatusWithWhatWasRecorded()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy read(&service, &SiteService::statusRead);

    // Without a record: compared with the name Halo kept from the install.
    service.readStatus(kEastwood);
    QVERIFY(read.wait(kWaitMs));
    auto report = read.first().at(0).value<Halo::SiteStatusReport>();
    QCOMPARE(report.site.guid, kEastwood);
    QCOMPARE(report.differences.size(), 1);
    QCOMPARE(report.differences.first().recorded, QStringLiteral("Eastwood Medical Centre"));
    QCOMPARE(report.differences.first().current, QStringLiteral("Eastwood Family Doctors"));
    QCOMPARE(QJsonDocument::fromJson(report.body).object().value(QStringLiteral("id")).toString(),
             kEastwood);

    // With the window's record: what was recorded at onboarding.
    Halo::RecordedIdentity recorded;
    recorded.practiceName = QStringLiteral("eastwood  family doctors"); // case and spacing
    recorded.pmsVersion = QStringLiteral("Bp Premier Saffron SP2 1.10.2.880");
    read.clear();
    service.readStatus(kEastwood, recorded);
    QVERIFY(read.wait(kWaitMs));
    report = read.first().at(0).value<Halo::SiteStatusReport>();
    QCOMPARE(report.differences.size(), 1);
    QCOMPARE(report.differences.first().recorded, recorded.pmsVersion);
    QCOMPARE(report.differences.first().current, report.site.pmsVersion);

    QSignalSpy failed(&service, &SiteService::failed);
    service.readStatus(QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(0).value<Halo::ApiError>().httpStatus, 404);
}

void TestServices::reResolvesANonAuthoritativeGuid()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy decided(&service, &SiteService::reResolved);
    service.reResolve(kHarboursideOld, kHarboursidePmsId, kBestPractice);
    QVERIFY(decided.wait(kWaitMs));
    const auto decision = decided.first().at(0).value<Halo::ReResolveDecision>();
    QCOMPARE(decision.outcome, Halo::ReResolveDecision::Outcome::Moved);
    QVERIFY(decision.found());
    QCOMPARE(decision.authoritative.guid, kHarbourside);
    QVERIFY2(decision.message.contains(kHarbourside), qPrintable(decision.message));
    // The old install is still listed: its identifiers against the new one's.
    QStringList fields;
    for (const Halo::IdentityDifference &difference : decision.differences)
        fields.append(difference.field);
    QVERIFY2(fields.contains(QStringLiteral("PMS version")), qPrintable(fields.join(',')));
    QVERIFY2(!fields.contains(QStringLiteral("Practice name")), qPrintable(fields.join(',')));
    // Nothing but the lookup was sent: re-resolving changes nothing.
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1);
}

void TestServices::keepsAGuidThatIsStillAuthoritative()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy decided(&service, &SiteService::reResolved);
    service.reResolve(kHarbourside.toUpper(), kHarboursidePmsId, kBestPractice);
    QVERIFY(decided.wait(kWaitMs));
    const auto decision = decided.first().at(0).value<Halo::ReResolveDecision>();
    QCOMPARE(decision.outcome, Halo::ReResolveDecision::Outcome::StillAuthoritative);
    QVERIFY(decision.found());
    QCOMPARE(decision.authoritative.guid, kHarbourside);
    QVERIFY(decision.differences.isEmpty());
    QCOMPARE(decision.installs.size(), 2);
}

void TestServices::findsNoInstallOfAnUnknownPmsId()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy decided(&service, &SiteService::reResolved);
    service.reResolve(kHarbourside, QStringLiteral("BP-99999"), kBestPractice);
    QVERIFY(decided.wait(kWaitMs));
    const auto decision = decided.first().at(0).value<Halo::ReResolveDecision>();
    QCOMPARE(decision.outcome, Halo::ReResolveDecision::Outcome::NotFound);
    QVERIFY(!decision.found());
    QVERIFY2(decision.message.startsWith(
                 QLatin1String("No authoritative install of PMS ID BP-99999 was found")),
             qPrintable(decision.message));

    // Installs of which none is authoritative are not "found" either.
    Halo::SiteInfo old;
    old.guid = kHarboursideOld;
    old.authoritative = false;
    old.authoritativeKnown = true;
    const Halo::ReResolveDecision none =
        Halo::decideReResolve(kHarboursideOld, kHarboursidePmsId, {old});
    QCOMPARE(none.outcome, Halo::ReResolveDecision::Outcome::NoneAuthoritative);
    QVERIFY(!none.found());
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
