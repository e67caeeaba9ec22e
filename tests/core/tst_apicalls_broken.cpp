// SPDX-License-Identifier: GPL-3.0-or-later
// Broken answers to the typed calls are errors: answers the sandbox cannot give (an HTML page,
// the wrong shape, an empty id) come from a tiny canned HTTP server, and each must finish as an
// error, never as an empty success. A result page is read bare or in its envelope.
#include "ApiCallsRig.h"
#include "FailOnWarning.h"
#include "api/FhirCalls.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "api/RegisteredCalls.h"
#include "api/SiteCalls.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

namespace {

// Each endpoint by name, for data-driven tests.
ApiCall *callFor(Halo::HaloApiClient &client, const QString &endpoint)
{
    const QString id = QStringLiteral("5b1f0a3e-2c4d-4e6f-8a9b-0c1d2e3f4a5b");
    if (endpoint == QLatin1String("findSites"))
        return client.findSites(QStringLiteral("1234"), QStringLiteral("Best Practice"));
    if (endpoint == QLatin1String("siteStatus"))
        return client.siteStatus(kGuid);
    if (endpoint == QLatin1String("pairSite"))
        return client.pairSite(QStringLiteral("1234"), QStringLiteral("Zedmed"), QString());
    if (endpoint == QLatin1String("runImmediate"))
        return client.runImmediate(kGuid, sql(QStringLiteral("SELECT 1 AS ok")));
    if (endpoint == QLatin1String("submitAsync"))
        return client.submitAsync(kGuid, sql(QStringLiteral("SELECT 1 AS ok")));
    if (endpoint == QLatin1String("queryStatus"))
        return client.queryStatus(kGuid, id);
    if (endpoint == QLatin1String("batchStatus"))
        return client.batchStatus(kGuid, {id});
    if (endpoint == QLatin1String("resultPage"))
        return client.resultPage(kGuid, id, 1);
    if (endpoint == QLatin1String("streamResultPage"))
        return client.streamResultPage(kGuid, id, 1);
    if (endpoint == QLatin1String("createRegistered"))
        return client.createRegistered(kGuid, QStringLiteral("n"), 60, 600,
                                       sql(QStringLiteral("SELECT 1 AS ok")));
    if (endpoint == QLatin1String("listRegistered"))
        return client.listRegistered(kGuid);
    if (endpoint == QLatin1String("registeredQuery"))
        return client.registeredQuery(kGuid, id);
    if (endpoint == QLatin1String("registeredResults"))
        return client.registeredResults(kGuid, id);
    if (endpoint == QLatin1String("fhirGet"))
        return client.fhirGet(kGuid, QStringLiteral("Patient?family=Smith"));
    if (endpoint == QLatin1String("fhirSearch"))
        return client.fhirSearch(kGuid, QStringLiteral("Patient"), QUrlQuery());
    qFatal("no endpoint %s", qPrintable(endpoint));
}

// Whether a call's typed value is still empty (nothing was taken from a broken answer).
bool typedValueIsEmpty(ApiCall *call)
{
    if (auto *c = qobject_cast<Halo::FindSitesCall *>(call))
        return c->sites().isEmpty();
    if (auto *c = qobject_cast<Halo::SiteStatusCall *>(call))
        return c->site().guid.isEmpty() && c->site().status.isEmpty();
    if (auto *c = qobject_cast<Halo::PairSiteCall *>(call))
        return c->site().guid.isEmpty() && c->site().status.isEmpty();
    if (auto *c = qobject_cast<Halo::ImmediateQueryCall *>(call))
        return c->info().id.isEmpty() && c->info().status.isEmpty() &&
               c->result().table.rowCount() == 0;
    if (auto *c = qobject_cast<Halo::SubmitAsyncCall *>(call))
        return c->info().id.isEmpty() && c->info().status.isEmpty();
    if (auto *c = qobject_cast<Halo::QueryStatusCall *>(call))
        return c->info().id.isEmpty() && c->info().status.isEmpty();
    if (auto *c = qobject_cast<Halo::BatchStatusCall *>(call))
        return c->statuses().isEmpty();
    if (auto *c = qobject_cast<Halo::ResultPageCall *>(call))
        return c->result().table.rowCount() == 0 && c->page().parameters.isEmpty();
    if (auto *c = qobject_cast<Halo::CreateRegisteredCall *>(call))
        return c->id().isEmpty();
    if (auto *c = qobject_cast<Halo::RegisteredListCall *>(call))
        return c->queries().isEmpty();
    if (auto *c = qobject_cast<Halo::RegisteredQueryCall *>(call))
        return c->query().id.isEmpty() && c->query().name.isEmpty();
    if (auto *c = qobject_cast<Halo::RegisteredResultsCall *>(call))
        return c->result().table.rowCount() == 0 && !c->data().rows.has_value();
    if (auto *c = qobject_cast<Halo::FhirCall *>(call))
        return c->response().entries.isEmpty() && c->response().root.isEmpty();
    return false;
}

} // namespace

class TestApiCallsBroken : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void brokenAnswerIsAnError_data();
    void brokenAnswerIsAnError();
    void notJsonShowsOnlyPrintableCharactersAndNeverTheKey();
    void streamPageIsReadBareOrInItsEnvelope();
};

void TestApiCallsBroken::brokenAnswerIsAnError_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("body");

    const QByteArray html = "<!DOCTYPE html><html><body>Sign in to continue</body></html>";
    const QByteArray truncated = R"({"id":"5b1f0a3e-2c4d-4e6f-8a9b-0c1d2e3f4a5b","sta)";
    for (const char *endpoint :
         {"findSites", "siteStatus", "pairSite", "runImmediate", "submitAsync", "queryStatus",
          "batchStatus", "resultPage", "streamResultPage", "createRegistered", "listRegistered",
          "registeredQuery", "registeredResults", "fhirGet", "fhirSearch"}) {
        QTest::addRow("%s: an HTML page", endpoint) << QString::fromLatin1(endpoint) << html;
        QTest::addRow("%s: empty", endpoint) << QString::fromLatin1(endpoint) << QByteArray();
        QTest::addRow("%s: cut short", endpoint) << QString::fromLatin1(endpoint) << truncated;
    }
    // JSON, but of the wrong shape.
    QTest::newRow("findSites: sites not a list")
        << QStringLiteral("findSites") << QByteArray(R"({"sites":{}})");
    QTest::newRow("findSites: a site not an object")
        << QStringLiteral("findSites") << QByteArray(R"({"sites":[1]})");
    QTest::newRow("siteStatus: an array") << QStringLiteral("siteStatus") << QByteArray("[]");
    QTest::newRow("siteStatus: empty object") << QStringLiteral("siteStatus") << QByteArray("{}");
    QTest::newRow("pairSite: empty object") << QStringLiteral("pairSite") << QByteArray("{}");
    QTest::newRow("runImmediate: no id")
        << QStringLiteral("runImmediate")
        << QByteArray(R"({"status":"successful","result":{"data":""}})");
    QTest::newRow("runImmediate: successful without result")
        << QStringLiteral("runImmediate") << QByteArray(R"({"id":"a1","status":"successful"})");
    QTest::newRow("submitAsync: empty id")
        << QStringLiteral("submitAsync") << QByteArray(R"({"id":"","status":"queued"})");
    QTest::newRow("submitAsync: no id")
        << QStringLiteral("submitAsync") << QByteArray(R"({"status":"queued"})");
    QTest::newRow("submitAsync: id not a string")
        << QStringLiteral("submitAsync") << QByteArray(R"({"id":42,"status":"queued"})");
    QTest::newRow("submitAsync: id that is a path")
        << QStringLiteral("submitAsync")
        << QByteArray(R"({"id":"../../pair-site","status":"queued"})");
    QTest::newRow("queryStatus: no status")
        << QStringLiteral("queryStatus") << QByteArray(R"({"id":"a1"})");
    QTest::newRow("batchStatus: no results")
        << QStringLiteral("batchStatus") << QByteArray(R"({"queries":[]})");
    QTest::newRow("batchStatus: unknown status")
        << QStringLiteral("batchStatus")
        << QByteArray(R"({"results":[{"queryId":"a1","status":"lost"}]})");
    QTest::newRow("batchStatus: found without query")
        << QStringLiteral("batchStatus")
        << QByteArray(R"({"results":[{"queryId":"a1","status":"found"}]})");
    QTest::newRow("resultPage: data not a string")
        << QStringLiteral("resultPage") << QByteArray(R"({"data":5,"parameters":[]})");
    QTest::newRow("resultPage: parameters not a list")
        << QStringLiteral("resultPage") << QByteArray(R"({"data":"W10=","parameters":"none"})");
    QTest::newRow("createRegistered: empty id")
        << QStringLiteral("createRegistered") << QByteArray(R"({"id":""})");
    QTest::newRow("listRegistered: no list")
        << QStringLiteral("listRegistered") << QByteArray(R"({"registeredQueries":null})");
    QTest::newRow("listRegistered: entry without id")
        << QStringLiteral("listRegistered")
        << QByteArray(R"({"registeredQueries":[{"name":"x"}]})");
    QTest::newRow("registeredQuery: no id")
        << QStringLiteral("registeredQuery") << QByteArray(R"({"name":"x"})");
    QTest::newRow("registeredResults: no data")
        << QStringLiteral("registeredResults")
        << QByteArray(R"({"rows":1,"size":2,"parameters":null})");
    QTest::newRow("fhirGet: JSON without resourceType")
        << QStringLiteral("fhirGet") << QByteArray(R"({"a":1})");
    QTest::newRow("fhirSearch: a JSON array") << QStringLiteral("fhirSearch") << QByteArray("[]");
}

void TestApiCallsBroken::brokenAnswerIsAnError()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, body);
    START_CANNED(canned);
    canned.server.answer(200, body,
                         body.startsWith('<') ? QByteArrayLiteral("text/html")
                                              : QByteArrayLiteral("application/json"));
    const CallPtr call = await(callFor(canned.client, endpoint));
    VERIFY_FINISHED(call);
    QCOMPARE(canned.server.requests, 1);
    QCOMPARE(call->httpStatus(), 200);
    QVERIFY2(!call->ok(), qPrintable(describe(*call)));
    QCOMPARE(call->error().kind, Kind::BadResponse);
    QVERIFY2(!call->error().detail.isEmpty(), "the error says what was wrong");
    QVERIFY2(typedValueIsEmpty(call.get()), "nothing is taken from a broken answer");
    QCOMPARE(call->body(), body); // the answer stays readable, e.g. for the request log
}

void TestApiCallsBroken::notJsonShowsOnlyPrintableCharactersAndNeverTheKey()
{
    START_CANNED(canned);
    // A page that echoes the request, with terminal escapes and a NUL in it; the key is cut
    // where the quote ends.
    QByteArray page("<html>\x1b[31mGateway\x1b[0m\x07 says: key ");
    page += kKey.toLatin1();
    page += QByteArray(" refused\0 here</html>", 21);
    page += QByteArray(500, 'x');
    canned.server.answer(200, page, "text/html");
    const auto call = awaitCall(canned.client.siteStatus(kGuid));
    VERIFY_FINISHED(call);
    const ApiError error = call->error();
    QCOMPARE(error.kind, Kind::BadResponse);
    QVERIFY2(error.detail.contains(QLatin1String("not JSON")), qPrintable(error.detail));
    QVERIFY2(error.detail.contains(QLatin1String("<html> [31mGateway")), qPrintable(error.detail));
    for (const QChar c : error.detail)
        QVERIFY2(c.isPrint(), qPrintable(QStringLiteral("U+%1").arg(c.unicode(), 4, 16)));
    QVERIFY2(error.detail.size() < 200, "the quote is short");
    QVERIFY2(!error.oneLine().contains(kKey.left(12)), qPrintable(error.oneLine()));
    QVERIFY2(error.detail.contains(QLatin1String("[redacted]")), qPrintable(error.detail));
}

void TestApiCallsBroken::streamPageIsReadBareOrInItsEnvelope()
{
    START_CANNED(canned);
    const QByteArray rows = R"([{"id":1,"surname":"Nguyen"},{"id":2,"surname":"O'Brien"}])";

    canned.server.answer(200, rows);
    const auto bare = awaitCall(canned.client.streamResultPage(kGuid, QStringLiteral("q1"), 1));
    VERIFY_OK(bare);
    COMPARE_TABLE(bare->result().table, QJsonDocument::fromJson(rows).array());

    const QByteArray envelope =
        R"({"data":")" + rows.toBase64() +
        R"(","parameters":[{"name":"@n","direction":"output","type":"Int","value":"2"}]})";
    canned.server.answer(200, envelope);
    const auto wrapped = awaitCall(canned.client.streamResultPage(kGuid, QStringLiteral("q1"), 1));
    VERIFY_OK(wrapped);
    COMPARE_TABLE(wrapped->result().table, QJsonDocument::fromJson(rows).array());
    QCOMPARE(wrapped->page().parameters.size(), 1);
    QCOMPARE(wrapped->page().parameters.first().value.value_or(QString()), QStringLiteral("2"));

    // A base64 `data` with JSON's escaped slashes, as some writers send it.
    QByteArray escaped = envelope;
    escaped.replace("/", "\\/");
    canned.server.answer(200, escaped);
    const auto slashes = awaitCall(canned.client.resultPage(kGuid, QStringLiteral("q1"), 1));
    VERIFY_OK(slashes);
    COMPARE_TABLE(slashes->result().table, QJsonDocument::fromJson(rows).array());
}

QTEST_GUILESS_MAIN(TestApiCallsBroken)
#include "tst_apicalls_broken.moc"
