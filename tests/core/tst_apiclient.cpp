// SPDX-License-Identifier: GPL-3.0-or-later
// HaloApiClient's errors against a real sandbox on loopback: every error shape ApiError reads,
// and what the sandbox answers a missing or wrong key, an unknown, offline or unreachable site,
// a result over the immediate limit and a SQL error. The other suites (tst_apiclient_*.cpp):
// sites, queries, FHIR, retries and timeouts, redirects and the request log. Nothing under test
// is mocked; SampleSites.h only names the sample practices and what each should answer.
#include "ApiClientRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"
#include "net/RequestLog.h"
#include "sql/QueryTypes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QtTest>

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void fromResponseReadsEveryErrorShape_data();
    void fromResponseReadsEveryErrorShape();
    void successfulQueryObjectWithFailedStatusCarriesTheFailure();
    void sandboxErrorEnvelopeIsRead();
    void missingKeyIsRefusedUnsent();
    void wrongKeyGets401();
    void nonAuthoritativeSiteGets403AdvisingToReResolveByPmsId();
    void unknownSiteGets404();
    void immediateResultOverLimitAdvisesAsync();
    void offlineSiteGets503();
    void unreachableSiteGets504();
    void sqlErrorIsQueryFailedWithTheEngineErrorType_data();
    void sqlErrorIsQueryFailedWithTheEngineErrorType();
};

void TestApiClient::fromResponseReadsEveryErrorShape_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<int>("errorCode");

    QTest::newRow("general envelope, wrapped")
        << 503
        << QByteArray(R"({"error":{"status":503,"statusText":"Service Unavailable",)"
                      R"("message":"Site could not be contacted."}})")
        << Kind::Http << QStringLiteral("Site could not be contacted.") << QString() << 0;
    QTest::newRow("general envelope, unwrapped")
        << 400
        << QByteArray(R"({"status":400,"statusText":"Bad Request",)"
                      R"("message":"Halo GUID must be provided."})")
        << Kind::Http << QStringLiteral("Halo GUID must be provided.") << QString() << 0;
    QTest::newRow("APIM statusCode and message")
        << 401
        << QByteArray(R"({"statusCode":401,"message":"Access denied due to invalid )"
                      R"(subscription key."})")
        << Kind::Http << QStringLiteral("Access denied due to invalid subscription key.")
        << QString() << 0;
    QTest::newRow("no body") << 500 << QByteArray() << Kind::Http << QString() << QString() << 0;
    QTest::newRow("not JSON") << 502 << QByteArray("<html>Bad gateway</html>") << Kind::Http
                              << QString() << QString() << 0;
    QTest::newRow("failed query with errorDetails")
        << 400
        << QByteArray(R"({"id":"0b6c","mode":"immediate","status":"executionFailed",)"
                      R"("errorDetails":{"errorType":"mssql","errorCode":207,)"
                      R"("errorMessage":"Invalid column name 'x'."},)"
                      R"("errorCode":1,"errorMessage":"deprecated copy"})")
        << Kind::QueryFailed << QStringLiteral("Invalid column name 'x'.")
        << QStringLiteral("mssql") << 207;
    QTest::newRow("failed query, 413 in errorDetails")
        << 413
        << QByteArray(R"({"status":"executionFailed","errorDetails":{"errorType":"http",)"
                      R"("errorCode":413,"errorMessage":"Immediate query results beyond )"
                      R"x(message size limit (8mb)"}})x")
        << Kind::QueryFailed
        << QStringLiteral("Immediate query results beyond message size limit (8mb)")
        << QStringLiteral("http") << 413;
    QTest::newRow("failed query, only deprecated fields")
        << 200
        << QByteArray(R"({"status":"executionFailed","errorCode":102,)"
                      R"("errorMessage":"Incorrect syntax near 'FROM'."})")
        << Kind::QueryFailed << QStringLiteral("Incorrect syntax near 'FROM'.") << QString() << 102;
    QTest::newRow("OperationOutcome")
        << 400
        << QByteArray(R"({"resourceType":"OperationOutcome","issue":[)"
                      R"({"severity":"fatal","code":"exception","details":{"coding":[)"
                      R"({"system":"http://hl7.org/fhir/dotnet-api-operation-outcome",)"
                      R"("code":"5003"}],"text":"Unable to parse Resource URL"}},)"
                      R"({"severity":"warning","code":"not-supported",)"
                      R"("diagnostics":"_sort is ignored"}]})")
        << Kind::Fhir << QStringLiteral("Unable to parse Resource URL") << QString() << 0;
}

void TestApiClient::fromResponseReadsEveryErrorShape()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(QString, message);
    QFETCH(QString, errorType);
    QFETCH(int, errorCode);

    const ApiError error = ApiError::fromResponse(status, body, -1);
    QCOMPARE(error.kind, kind);
    QVERIFY(error.isError());
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.serverMessage, message);
    QCOMPARE(error.errorType, errorType);
    QCOMPARE(error.errorCode, errorCode);
    QVERIFY(!error.title().isEmpty());
    QVERIFY(!error.explanation().isEmpty());
    QVERIFY(!error.nextStep().isEmpty());
    QVERIFY(!error.oneLine().isEmpty());
    if (!message.isEmpty())
        QVERIFY2(error.oneLine().contains(message), qPrintable(error.oneLine()));
    QVERIFY2(!error.oneLine().contains(QLatin1String("..")), qPrintable(error.oneLine()));
    QVERIFY2(error.oneLine().contains(error.nextStep()), qPrintable(error.oneLine()));

    if (kind == Kind::QueryFailed)
        QCOMPARE(error.queryStatus, QStringLiteral("executionFailed"));
    if (kind == Kind::Fhir) {
        QCOMPARE(error.issues.size(), 2);
        QCOMPARE(error.issues.at(0).severity, QStringLiteral("fatal"));
        QCOMPARE(error.issues.at(0).code, QStringLiteral("exception"));
        QCOMPARE(error.issues.at(1).text, QStringLiteral("_sort is ignored"));
    }
}

void TestApiClient::successfulQueryObjectWithFailedStatusCarriesTheFailure()
{
    // Halo may answer 200 with a failed query object; it is still a failure.
    const QByteArray body = R"({"id":"q1","mode":"async","status":"uploadFailed",)"
                            R"("errorDetails":{"errorType":"haloLink","errorCode":500,)"
                            R"("errorMessage":"Upload failed."}})";
    const ApiError error = ApiError::fromResponse(200, body, -1);
    QCOMPARE(error.kind, Kind::QueryFailed);
    QCOMPARE(error.queryStatus, QStringLiteral("uploadFailed"));

    const Halo::QueryInfo info = Halo::QueryInfo::fromJson(QJsonDocument::fromJson(body).object());
    QVERIFY(info.isTerminal());
    QVERIFY(!info.isSuccessful());
    QCOMPARE(info.failure.kind, Kind::QueryFailed);
    QCOMPARE(info.failure.errorType, QStringLiteral("haloLink"));
    QCOMPARE(info.failure.serverMessage, QStringLiteral("Upload failed."));

    // A successful answer reads as no error at all.
    QCOMPARE(ApiError::fromResponse(200, R"({"status":"successful"})", -1).kind, Kind::None);
}

void TestApiClient::sandboxErrorEnvelopeIsRead()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.siteStatus(QStringLiteral("not-a-guid")));
    VERIFY_FINISHED(call);
    // The sandbox sends the wrapped general envelope.
    QVERIFY(call->jsonObject().value(QLatin1String("error")).isObject());
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 400);
    QVERIFY2(call->error().serverMessage.contains(QLatin1String("GUID")),
             qPrintable(call->error().serverMessage));
}

void TestApiClient::missingKeyIsRefusedUnsent()
{
    START_RIG(rig, sandboxOptions());
    rig.client.setSubscriptionKey(QString());
    QVERIFY(!rig.client.hasSubscriptionKey());
    const CallPtr call = await(rig.client.siteStatus(onlineBp().guid));
    VERIFY_FINISHED(call);
    // Not sent at all (the sandbox would have answered 401): see tst_apiclient_keys.
    QCOMPARE(call->error().kind, Kind::Refused);
    QCOMPARE(call->httpStatus(), 0);
    QCOMPARE(call->attempts(), 0);
    QVERIFY2(call->error().oneLine().contains(QLatin1String("No subscription key for Sandbox")),
             qPrintable(call->error().oneLine()));
    QVERIFY(rig.client.requestLog()->exchanges().isEmpty());
}

void TestApiClient::wrongKeyGets401()
{
    START_RIG(rig, sandboxOptions());
    rig.client.setSubscriptionKey(QStringLiteral("0123456789abcdef0123456789abcdef"));
    const CallPtr call =
        await(rig.client.findSites(onlineBp().pmsId, QStringLiteral("Best Practice")));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 401);
    QVERIFY2(call->error().serverMessage.contains(QLatin1String("invalid subscription key")),
             qPrintable(call->error().serverMessage));
    QVERIFY(call->error().explanation().contains(QLatin1String("environment")));
}

void TestApiClient::nonAuthoritativeSiteGets403AdvisingToReResolveByPmsId()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &old = sampleSite(SiteScenario::NonAuthoritative);
    const CallPtr call =
        await(rig.client.runImmediate(old.guid, sql(QStringLiteral("SELECT 1 AS one"))));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 403);
    QVERIFY(!call->error().serverMessage.isEmpty());
    const QString next = call->error().nextStep();
    QVERIFY2(next.contains(QLatin1String("Re-resolve"), Qt::CaseInsensitive) &&
                 next.contains(QLatin1String("PMS ID")),
             qPrintable(next));
    QVERIFY(call->error().explanation().contains(QLatin1String("authoritative")));
}

void TestApiClient::unknownSiteGets404()
{
    START_RIG(rig, sandboxOptions());
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const CallPtr call = await(rig.client.siteStatus(unknown));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 404);
    QVERIFY(call->error().serverMessage.contains(unknown));
    QCOMPARE(call->attempts(), 1);
}

void TestApiClient::immediateResultOverLimitAdvisesAsync()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.immediateLimitBytes = 2048;
    START_RIG(rig, options);
    const CallPtr call = await(
        rig.client.runImmediate(onlineBp().guid, sql(QStringLiteral("SELECT * FROM patients"))));
    VERIFY_FINISHED(call);
    const ApiError &error = call->error();
    QVERIFY2((error.kind == Kind::QueryFailed && error.errorCode == 413) ||
                 (error.kind == Kind::Http && error.httpStatus == 413),
             qPrintable(describe(*call)));
    QCOMPARE(call->httpStatus(), 413);
    QVERIFY2(error.nextStep().contains(QLatin1String("async")), qPrintable(error.nextStep()));
    QCOMPARE(call->attempts(), 1);
}

void TestApiClient::offlineSiteGets503()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.runImmediate(sampleSite(SiteScenario::Offline).guid,
                                                       sql(QStringLiteral("SELECT 1 AS one"))));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 503);
    QCOMPARE(call->attempts(), 1); // a query POST is never sent twice
    QVERIFY(!call->error().nextStep().isEmpty());
}

void TestApiClient::unreachableSiteGets504()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.runImmediate(sampleSite(SiteScenario::Unreachable).guid,
                                                       sql(QStringLiteral("SELECT 1 AS one"))));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 504);
    QCOMPARE(call->attempts(), 1);
    QVERIFY(call->error().nextStep().contains(QLatin1String("async")));
}

void TestApiClient::sqlErrorIsQueryFailedWithTheEngineErrorType_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<QString>("errorType");
    QTest::newRow("Best Practice (SQL Server)") << onlineBp().guid << QStringLiteral("mssql");
    QTest::newRow("Zedmed (Firebird)")
        << sampleSite(SiteScenario::Online, QStringLiteral("Zedmed")).guid
        << QStringLiteral("fbsql");
    QTest::newRow("D4w (SQL Server)")
        << sampleSite(SiteScenario::Online, QStringLiteral("D4w")).guid << QStringLiteral("mssql");
}

void TestApiClient::sqlErrorIsQueryFailedWithTheEngineErrorType()
{
    QFETCH(QString, guid);
    QFETCH(QString, errorType);
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(
        rig.client.runImmediate(guid, sql(QStringLiteral("SELECT no_such_column FROM patients"))));
    VERIFY_FINISHED(call);
    const ApiError &error = call->error();
    QCOMPARE(error.kind, Kind::QueryFailed);
    QCOMPARE(error.errorType, errorType);
    QCOMPARE(error.queryStatus, QStringLiteral("executionFailed"));
    QVERIFY(error.errorCode != 0);
    QVERIFY(error.serverMessage.contains(QLatin1String("no_such_column")));
    QVERIFY(error.title().contains(QLatin1String("database")));
    QCOMPARE(call->attempts(), 1);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
