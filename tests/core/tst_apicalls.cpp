// SPDX-License-Identifier: GPL-3.0-or-later
// The typed calls (api/*Calls.h), one per Integrator API endpoint, against a real sandbox on
// loopback: each call's typed value is compared with what the test reads from the raw body
// itself (QJsonDocument and a base64 decode, not the app's parsers). The other suites: broken
// answers are errors (tst_apicalls_broken), large answers are read off the calling thread
// (tst_apicalls_reading).
#include "ApiCallsRig.h"
#include "FailOnWarning.h"
#include "api/FhirCalls.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "api/RegisteredCalls.h"
#include "api/SiteCalls.h"
#include "net/ApiCall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

class TestApiCalls : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void findSitesGivesEverySiteOfTheBody();
    void siteStatusGivesTheSiteOfTheBody();
    void pairSiteGivesThePairedSite();
    void immediateQueryGivesItsInfoAndTheRowsOfItsData();
    void failedImmediateQueryKeepsItsInfoFromTheErrorAnswer();
    void asyncCallsGiveTheQueryItsBatchStatusAndItsPages();
    void registeredCallsGiveTheirAnswers();
    void fhirCallGivesBundlesResourcesAndOutcomes();
    void refusedFhirLinkIsATypedCallThatSendsNothing();
};

void TestApiCalls::findSitesGivesEverySiteOfTheBody()
{
    START_RIG(rig, sandboxOptions());
    const auto call =
        awaitCall(rig.client.findSites(onlineBp().pmsId, QStringLiteral("Best Practice")));
    VERIFY_OK(call);
    const QJsonArray body = objectOf(call->body()).value(QLatin1String("sites")).toArray();
    const QList<Halo::SiteInfo> sites = call->sites();
    QCOMPARE(sites.size(), body.size());
    QVERIFY(sites.size() >= 2); // the current install and an old one share the PMS ID
    for (int i = 0; i < sites.size(); ++i) {
        const QJsonObject site = body.at(i).toObject();
        QCOMPARE(sites.at(i).guid, site.value(QLatin1String("id")).toString());
        QCOMPARE(sites.at(i).pmsId, site.value(QLatin1String("practiceMetadata"))
                                        .toObject()
                                        .value(QLatin1String("practiceManagementSiteId"))
                                        .toString());
        QCOMPARE(sites.at(i).authoritative, site.value(QLatin1String("authoritative")).toBool());
    }

    // No such PMS ID: an empty list is a real answer, not an error.
    const auto none =
        awaitCall(rig.client.findSites(QStringLiteral("no-such-id"), QStringLiteral("Zedmed")));
    VERIFY_OK(none);
    QVERIFY(objectOf(none->body()).value(QLatin1String("sites")).toArray().isEmpty());
    QVERIFY(none->sites().isEmpty());
}

void TestApiCalls::siteStatusGivesTheSiteOfTheBody()
{
    START_RIG(rig, sandboxOptions());
    const auto call = awaitCall(rig.client.siteStatus(onlineBp().guid));
    VERIFY_OK(call);
    const QJsonObject body = objectOf(call->body());
    const QJsonObject metadata = body.value(QLatin1String("practiceMetadata")).toObject();
    const Halo::SiteInfo site = call->site();
    QCOMPARE(site.guid, body.value(QLatin1String("id")).toString());
    QCOMPARE(site.guid, onlineBp().guid);
    QCOMPARE(site.practiceName, metadata.value(QLatin1String("practiceName")).toString());
    QCOMPARE(site.pmsType, body.value(QLatin1String("pmsType")).toString());
    QCOMPARE(site.status, body.value(QLatin1String("status")).toString());
    QCOMPARE(site.haloLinkVersion, body.value(QLatin1String("haloLinkVersion")).toString());
    QCOMPARE(site.availability, Halo::SiteInfo::Availability::Online);
    QCOMPARE(site.catalogues.size(), body.value(QLatin1String("catalogue")).toArray().size());
}

void TestApiCalls::pairSiteGivesThePairedSite()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &unpaired = sampleSite(SiteScenario::Unpaired);
    const auto call = awaitCall(
        rig.client.pairSite(unpaired.pmsId, QStringLiteral("Best Practice"), unpaired.pairingCode));
    VERIFY_OK(call);
    const QJsonObject body = objectOf(call->body());
    QCOMPARE(call->site().guid, body.value(QLatin1String("id")).toString());
    QCOMPARE(call->site().guid, unpaired.guid);
    QCOMPARE(call->site().pmsId, unpaired.pmsId);
}

void TestApiCalls::immediateQueryGivesItsInfoAndTheRowsOfItsData()
{
    START_RIG(rig, sandboxOptions());
    const auto call = awaitCall(rig.client.runImmediate(
        onlineBp().guid,
        sql(QStringLiteral(
            "SELECT id, surname, first_name FROM patients WHERE id <= 40 ORDER BY id"))));
    VERIFY_OK(call);
    const QJsonObject body = objectOf(call->body());
    const QJsonObject result = body.value(QLatin1String("result")).toObject();

    const Halo::QueryInfo info = call->info();
    QCOMPARE(info.id, body.value(QLatin1String("id")).toString());
    QCOMPARE(info.status, body.value(QLatin1String("status")).toString());
    QCOMPARE(info.status, QStringLiteral("successful"));
    QCOMPARE(info.siteId, onlineBp().guid);
    QCOMPARE(info.rows.value_or(-1), result.value(QLatin1String("rows")).toInteger());
    QVERIFY(!info.failure.isError());
    QVERIFY2(info.data.isEmpty(), "the rows are in result(), not kept twice");

    const QJsonArray rows = rowsOfData(result.value(QLatin1String("data")).toString());
    QCOMPARE(rows.size(), 40);
    QVERIFY2(call->result().isTable(), qPrintable(call->result().note));
    COMPARE_TABLE(call->result().table, rows);
    // The SELECT list's order, which the body's JSON objects keep and QJsonObject does not.
    QCOMPARE(call->result().table.columns(),
             QStringList(
                 {QStringLiteral("id"), QStringLiteral("surname"), QStringLiteral("first_name")}));
}

void TestApiCalls::failedImmediateQueryKeepsItsInfoFromTheErrorAnswer()
{
    START_RIG(rig, sandboxOptions());
    const auto call = awaitCall(
        rig.client.runImmediate(onlineBp().guid, sql(QStringLiteral("SELECT nope FROM nowhere"))));
    VERIFY_FINISHED(call);
    QVERIFY(!call->ok());
    QCOMPARE(call->error().kind, Kind::QueryFailed);
    const QJsonObject body = objectOf(call->body());
    QCOMPARE(body.value(QLatin1String("status")).toString(), QStringLiteral("executionFailed"));
    // The failed query's own object, read from the error answer.
    QCOMPARE(call->info().id, body.value(QLatin1String("id")).toString());
    QCOMPARE(call->info().status, QStringLiteral("executionFailed"));
    QCOMPARE(call->info().failure.serverMessage, body.value(QLatin1String("errorDetails"))
                                                     .toObject()
                                                     .value(QLatin1String("errorMessage"))
                                                     .toString());
    QCOMPARE(call->result().table.rowCount(), 0);
}

void TestApiCalls::asyncCallsGiveTheQueryItsBatchStatusAndItsPages()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const auto submit = awaitCall(rig.client.submitAsync(
        guid, sql(QStringLiteral("SELECT id, surname, first_name FROM patients WHERE id <= 120 "
                                 "ORDER BY id"))));
    VERIFY_OK(submit);
    const QJsonObject created = objectOf(submit->body());
    QCOMPARE(submit->info().id, created.value(QLatin1String("id")).toString());
    QCOMPARE(submit->info().status, created.value(QLatin1String("status")).toString());
    QCOMPARE(submit->info().mode, QStringLiteral("async"));
    const QString id = submit->info().id;

    Halo::QueryInfo info;
    QJsonObject statusBody;
    const auto reachedTheEnd = [&]() {
        const auto status = awaitCall(rig.client.queryStatus(guid, id));
        statusBody = objectOf(status->body());
        info = status->info();
        return status->ok() && info.isTerminal();
    };
    QTRY_VERIFY_WITH_TIMEOUT(reachedTheEnd(), 10000);
    QCOMPARE(info.id, statusBody.value(QLatin1String("id")).toString());
    QCOMPARE(info.status, statusBody.value(QLatin1String("status")).toString());
    const QJsonArray pages = statusBody.value(QLatin1String("result"))
                                 .toObject()
                                 .value(QLatin1String("pages"))
                                 .toArray();
    QCOMPARE(info.pages.size(), pages.size());
    QVERIFY2(pages.size() >= 2, "the page size is small enough for several pages");
    for (int i = 0; i < pages.size(); ++i) {
        QCOMPARE(info.pages.at(i).number,
                 pages.at(i).toObject().value(QLatin1String("pageNumber")).toInt());
        QCOMPARE(info.pages.at(i).rowCount, pages.at(i)
                                                .toObject()
                                                .value(QLatin1String("rows"))
                                                .toObject()
                                                .value(QLatin1String("count"))
                                                .toInteger());
    }

    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto batch = awaitCall(rig.client.batchStatus(guid, {id, unknown}));
    VERIFY_OK(batch);
    const QJsonArray results = objectOf(batch->body()).value(QLatin1String("results")).toArray();
    const QList<Halo::BatchQueryStatus> statuses = batch->statuses();
    QCOMPARE(statuses.size(), results.size());
    QCOMPARE(statuses.size(), 2);
    for (int i = 0; i < statuses.size(); ++i) {
        const QJsonObject entry = results.at(i).toObject();
        QCOMPARE(statuses.at(i).queryId, entry.value(QLatin1String("queryId")).toString());
        QCOMPARE(statuses.at(i).found,
                 entry.value(QLatin1String("status")).toString() == QLatin1String("found"));
        QCOMPARE(statuses.at(i).query.status, entry.value(QLatin1String("query"))
                                                  .toObject()
                                                  .value(QLatin1String("status"))
                                                  .toString());
    }
    QVERIFY(statuses.at(0).found);
    QCOMPARE(statuses.at(0).query.id, id);
    QVERIFY(!statuses.at(1).found);

    for (int number = 1; number <= pages.size(); ++number) {
        const auto page = awaitCall(rig.client.resultPage(guid, id, number));
        VERIFY_OK(page);
        QCOMPARE(page->pageNumber(), number);
        const QJsonObject envelope = objectOf(page->body());
        COMPARE_TABLE(page->result().table,
                      rowsOfData(envelope.value(QLatin1String("data")).toString()));
        QVERIFY(page->page().data.isEmpty());
        QCOMPARE(page->page().parameters.size(),
                 envelope.value(QLatin1String("parameters")).toArray().size());

        // The stream endpoint sends the page's JSON itself: the same rows.
        const auto stream = awaitCall(rig.client.streamResultPage(guid, id, number));
        VERIFY_OK(stream);
        QVERIFY(stream->url().path().endsWith(QStringLiteral("/results/%1/stream").arg(number)));
        QCOMPARE(stream->form(), Halo::ResultPageCall::Form::Stream);
        COMPARE_TABLE(stream->result().table, QJsonDocument::fromJson(stream->body()).array());
        QCOMPARE(stream->result().table.rowCount(), page->result().table.rowCount());
    }
}

void TestApiCalls::registeredCallsGiveTheirAnswers()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const auto create = awaitCall(rig.client.createRegistered(
        guid, QStringLiteral("Ten patients"), 300, 3600,
        sql(QStringLiteral("SELECT id, surname FROM patients WHERE id <= 10 ORDER BY id"))));
    VERIFY_OK(create);
    QCOMPARE(create->httpStatus(), 202);
    const QString id = create->id();
    QCOMPARE(id, objectOf(create->body()).value(QLatin1String("id")).toString());
    QVERIFY(!id.isEmpty());

    const auto list = awaitCall(rig.client.listRegistered(guid));
    VERIFY_OK(list);
    const QJsonArray listed =
        objectOf(list->body()).value(QLatin1String("registeredQueries")).toArray();
    QCOMPARE(list->queries().size(), listed.size());
    QCOMPARE(list->queries().size(), 1);
    QCOMPARE(list->queries().first().id, id);
    QCOMPARE(list->queries().first().name,
             listed.first().toObject().value(QLatin1String("name")).toString());
    QCOMPARE(list->queries().first().status,
             listed.first().toObject().value(QLatin1String("status")).toString());

    const auto single = awaitCall(rig.client.registeredQuery(guid, id));
    VERIFY_OK(single);
    const QJsonObject query = objectOf(single->body());
    QCOMPARE(single->query().id, id);
    QCOMPARE(single->query().frequency, query.value(QLatin1String("frequency")).toInteger());
    QCOMPARE(single->query().lastHash, query.value(QLatin1String("lastHash")).toString());

    const auto results = awaitCall(rig.client.registeredResults(guid, id));
    VERIFY_OK(results);
    const QJsonObject latest = objectOf(results->body());
    QCOMPARE(results->data().rows.value_or(-1), latest.value(QLatin1String("rows")).toInteger());
    QCOMPARE(results->data().size.value_or(-1), latest.value(QLatin1String("size")).toInteger());
    QVERIFY(results->data().data.isEmpty());
    const QJsonArray rows = rowsOfData(latest.value(QLatin1String("data")).toString());
    QCOMPARE(rows.size(), 10);
    COMPARE_TABLE(results->result().table, rows);

    const auto cancel = awaitCall(rig.client.cancelRegistered(guid, id));
    VERIFY_OK(cancel);
    QCOMPARE(cancel->httpStatus(), 204);
    const auto after = awaitCall(rig.client.registeredQuery(guid, id));
    VERIFY_OK(after);
    QCOMPARE(after->query().status, QStringLiteral("cancelled"));
}

void TestApiCalls::fhirCallGivesBundlesResourcesAndOutcomes()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const auto search = awaitCall(rig.client.fhirGet(guid, QStringLiteral("Patient?family=Smith")));
    VERIFY_OK(search);
    const QJsonObject bundle = objectOf(search->body());
    const Halo::FhirResponse answer = search->response();
    QCOMPARE(answer.kind, Halo::FhirResponse::Kind::Bundle);
    QStringList ids;
    for (const Halo::FhirEntry &entry : answer.entries)
        ids.append(entry.id);
    QVERIFY(!ids.isEmpty());
    QCOMPARE(ids, entryIds(bundle));
    QCOMPARE(answer.total.value_or(-1), bundle.value(QLatin1String("total")).toInteger());

    QUrlQuery form;
    form.addQueryItem(QStringLiteral("family"), QStringLiteral("Smith"));
    const auto posted = awaitCall(rig.client.fhirSearch(guid, QStringLiteral("Patient"), form));
    VERIFY_OK(posted);
    QCOMPARE(posted->response().entries.size(), entryIds(objectOf(posted->body())).size());

    const QString firstId = ids.first();
    const auto read = awaitCall(rig.client.fhirGet(guid, QStringLiteral("Patient/") + firstId));
    VERIFY_OK(read);
    QCOMPARE(read->response().kind, Halo::FhirResponse::Kind::Resource);
    QCOMPARE(read->response().entries.size(), 1);
    QCOMPARE(read->response().entries.first().id,
             objectOf(read->body()).value(QLatin1String("id")).toString());

    // An error answer carries an OperationOutcome: it is there to read too.
    const auto missing = awaitCall(rig.client.fhirGet(guid, QStringLiteral("Patient?foo=bar")));
    VERIFY_FINISHED(missing);
    QVERIFY(!missing->ok());
    const QJsonObject outcome = objectOf(missing->body());
    QCOMPARE(outcome.value(QLatin1String("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    QCOMPARE(missing->response().kind, Halo::FhirResponse::Kind::Outcome);
    QCOMPARE(missing->response().issues.size(),
             outcome.value(QLatin1String("issue")).toArray().size());
    QVERIFY(!missing->response().issues.isEmpty());
}

void TestApiCalls::refusedFhirLinkIsATypedCallThatSendsNothing()
{
    START_CANNED(canned);
    canned.server.answer(200, R"({"resourceType":"Bundle","type":"searchset"})");
    Halo::FhirCall *sent =
        canned.client.fhirGet(kGuid, QStringLiteral("https://elsewhere.example/fhir/R4/Patient"));
    QVERIFY(sent->refusal().isError());
    const auto call = awaitCall(sent);
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Redirect);
    QCOMPARE(call->response().kind, Halo::FhirResponse::Kind::NotFhir);
    QCOMPARE(canned.server.requests, 0);
}

QTEST_GUILESS_MAIN(TestApiCalls)
#include "tst_apicalls.moc"
