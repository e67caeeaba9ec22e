// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP conformance of the sandbox, the parts every endpoint shares: the shape checks themselves,
// authentication and routing, and the gateway's rate limit, faults and latency. The endpoint
// groups are in tst_sandboxapi_*.cpp; SandboxHttp.h says how they talk to the sandbox.
#include "ApiShapesFhir.h"
#include "FailOnWarning.h"
#include "SandboxHttp.h"

class SandboxApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // The shape checks themselves: they must reject what the description does not allow.
    void shapeChecksAcceptDescriptionExamples();
    void shapeChecksRejectMalformedBodies();

    // Authentication and routing
    void subscriptionKeyHeaderIsAccepted();
    void subscriptionKeyQueryParameterIsAccepted();
    void missingOrWrongKeyGets401Envelope_data();
    void missingOrWrongKeyGets401Envelope();
    void unknownPathGets404Envelope_data();
    void unknownPathGets404Envelope();
    void olderSitesPathFamilyReachesTheSameHandlers();
    void jsonAnswersDeclareJsonContentType();

    // Gateway behaviour: rate limit, faults, latency
    void rateLimitAnswersThirdRequestWith429AndRetryAfter();
    void faultIsInjectedExactlyRemainingTimesOnMatchingPaths();
    void dropFaultClosesConnectionWithoutHttpStatus();
    void latencyDelaysAnswers();
};

// ============================================================================================
// The shape checks

namespace {

QJsonObject parsed(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

void SandboxApiTest::shapeChecksAcceptDescriptionExamples()
{
    // Hand-made from the description's examples (placeholders replaced by real values).
    CHECK_SHAPE(ApiShapes::errorEnvelope(
        parsed(R"({"error":{"status":503,"statusText":"Service Unavailable","message":"m"}})"),
        503));
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(parsed(R"({
        "id":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f00",
        "integratorId":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f01",
        "siteId":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f02","mode":"immediate","status":"successful",
        "maxTimeInQueue":15000,"commandSize":98,"requestSize":98,
        "createdAt":"2024-08-24T14:15:22Z","updatedAt":"2024-08-24T14:15:22.5Z",
        "completedAt":"2024-08-24T14:15:23Z",
        "statusTiming":{"initialising":{"startTime":"2024-08-24T14:15:22Z"},
                        "executing":{"startTime":"2024-08-24T14:15:22Z"}},
        "metrics":{"sqlExecutionDuration":1000},
        "result":{"rows":30,"size":25,"data":"e2lk","parameters":[
            {"name":"@id","direction":"output","type":"Int","value":"66","size":4}]},
        "resultSize":98})")));
    CHECK_SHAPE(ApiShapes::batchStatus(parsed(R"({"results":[
        {"queryId":"1366ef6e-0000-4000-8000-000000000001","status":"found",
         "query":{"id":"1366ef6e-0000-4000-8000-000000000001",
                  "integratorId":"1366ef6e-0000-4000-8000-000000000002",
                  "siteId":"1366ef6e-0000-4000-8000-000000000003","mode":"async",
                  "status":"successful","maxTimeInQueue":900000,"commandSize":10,"requestSize":20,
                  "createdAt":"2024-08-24T14:15:22Z","updatedAt":"2024-08-24T14:15:24Z",
                  "completedAt":"2024-08-24T14:15:24Z","resultSize":15344,
                  "statusTiming":{"initialising":{"startTime":"2024-08-24T14:15:22Z",
                                                  "endTime":"2024-08-24T14:15:23Z"}},
                  "metrics":{"sqlExecutionDuration":12},
                  "result":{"rows":14,"size":15344,"pages":[{"pageNumber":1,"status":"cached",
                            "size":15467,"rows":{"count":14,"rangeStart":0,"rangeEnd":13}}]}}},
        {"queryId":"aaaaaaaa-0000-4000-8000-000000000000","status":"notFound"}]})")));
    CHECK_SHAPE(ApiShapes::registeredQueryResult(
        parsed(R"({"data":"e2lk","parameters":null,"rows":12,"size":25})")));
}

void SandboxApiTest::shapeChecksRejectMalformedBodies()
{
    const auto rejects = [](const QStringList &problems) { return !problems.isEmpty(); };
    // Error envelope: unwrapped form, wrong status, missing message.
    QVERIFY(rejects(ApiShapes::errorEnvelope(
        parsed(R"({"status":400,"statusText":"Bad Request","message":"m"})"), 400)));
    QVERIFY(rejects(ApiShapes::errorEnvelope(
        parsed(R"({"error":{"status":400,"statusText":"Bad Request","message":"m"}})"), 404)));
    QVERIFY(rejects(ApiShapes::errorEnvelope(
        parsed(R"({"error":{"status":400,"statusText":"Bad Request"}})"), 400)));
    // Site: pmsType spelt like practiceManagementName; availability outside the enum.
    QJsonObject site = parsed(R"({"id":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f00"})");
    QVERIFY(rejects(ApiShapes::site(site)));
    // Async query: unknown status, page status, a misspelt property, a missing date zone.
    const QJsonObject async = parsed(R"({
        "id":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f00",
        "integratorId":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f01",
        "siteId":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f02","mode":"async","status":"queued",
        "maxTimeInQueue":1000,"commandSize":1,"requestSize":1,
        "createdAt":"2024-08-24T14:15:22Z","updatedAt":"2024-08-24T14:15:22Z",
        "statusTiming":{"initialising":{"startTime":"2024-08-24T14:15:22Z"}}})");
    QVERIFY(!rejects(ApiShapes::asyncQuery(async)));
    QJsonObject bad = async;
    bad.insert(QStringLiteral("status"), QStringLiteral("running"));
    QVERIFY(rejects(ApiShapes::asyncQuery(bad)));
    bad = async;
    bad.insert(QStringLiteral("createdAt"), QStringLiteral("2024-08-24T14:15:22"));
    QVERIFY(rejects(ApiShapes::asyncQuery(bad)));
    bad = async;
    bad.insert(QStringLiteral("resultsize"), 1);
    QVERIFY(rejects(ApiShapes::asyncQuery(bad)));
    bad = async;
    bad.insert(QStringLiteral("status"), QStringLiteral("successful")); // no result, no completedAt
    QVERIFY(rejects(ApiShapes::asyncQuery(bad)));
    bad = async;
    bad.insert(QStringLiteral("mode"), QStringLiteral("immediate"));
    QVERIFY(rejects(ApiShapes::asyncQuery(bad)));
    // Registered query without metrics; registered result without parameters.
    QVERIFY(rejects(ApiShapes::registeredQuery(parsed(R"({
        "id":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f00","name":"n","registeredQueryType":"query",
        "status":"enabled","frequency":60,"duration":60,"createdAt":"2024-08-24T14:15:22Z"})"))));
    QVERIFY(
        rejects(ApiShapes::registeredQueryResult(parsed(R"({"data":"e2lk","rows":1,"size":2})"))));
    // Failed immediate query whose deprecated copies disagree with errorDetails.
    QVERIFY(rejects(ApiShapes::executionFailedImmediateQuery(parsed(R"({
        "id":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f00",
        "integratorId":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f01",
        "siteId":"9f0c1a6e-2b1d-4c3e-8f4a-5b6c7d8e9f02","mode":"immediate",
        "status":"executionFailed",
        "maxTimeInQueue":1000,"commandSize":1,"requestSize":1,
        "createdAt":"2024-08-24T14:15:22Z","updatedAt":"2024-08-24T14:15:22Z",
        "completedAt":"2024-08-24T14:15:22Z",
        "statusTiming":{"initialising":{"startTime":"2024-08-24T14:15:22Z"}},
        "errorDetails":{"errorType":"mssql","errorCode":207,"errorMessage":"Invalid column"},
        "errorCode":208,"errorMessage":"Invalid column"})"))));
    // OperationOutcome without issues.
    QVERIFY(rejects(ApiShapes::operationOutcome(parsed(R"({"resourceType":"OperationOutcome"})"))));
}

// ============================================================================================
// Authentication and routing

void SandboxApiTest::subscriptionKeyHeaderIsAccepted()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(sitePath(onlineBp()), Auth::Header);
    CHECK_STATUS(result, 200);
    QCOMPARE(result.json().value(QStringLiteral("id")).toString(), onlineBp().guid);
}

void SandboxApiTest::subscriptionKeyQueryParameterIsAccepted()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(sitePath(onlineBp()), Auth::QueryParameter);
    CHECK_STATUS(result, 200);
    QCOMPARE(result.json().value(QStringLiteral("id")).toString(), onlineBp().guid);
}

void SandboxApiTest::missingOrWrongKeyGets401Envelope_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("auth");
    const QString site = sitePath(onlineBp());
    QTest::newRow("no key") << site << int(Auth::None);
    QTest::newRow("wrong header key") << site << int(Auth::WrongHeader);
    QTest::newRow("wrong query key") << site << int(Auth::WrongQueryParameter);
    QTest::newRow("no key, unknown path")
        << QStringLiteral("/integrator/nowhere") << int(Auth::None);
    QTest::newRow("no key, FHIR") << sitePath(onlineBp(), QStringLiteral("/fhir/R4/metadata"))
                                  << int(Auth::None);
}

void SandboxApiTest::missingOrWrongKeyGets401Envelope()
{
    QFETCH(QString, path);
    QFETCH(int, auth);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(path, Auth(auth));
    CHECK_STATUS(result, 401);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 401));
}

void SandboxApiTest::unknownPathGets404Envelope_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown root") << QByteArray("GET") << QStringLiteral("/integrator/nowhere");
    QTest::newRow("no prefix") << QByteArray("GET") << QStringLiteral("/nowhere/at/all");
    QTest::newRow("unknown site child")
        << QByteArray("GET") << sitePath(onlineBp(), QStringLiteral("/bogus"));
    QTest::newRow("unknown query child")
        << QByteArray("GET")
        << queryPath(onlineBp(), randomUuid(), QStringLiteral("/results/1/stream/more"));
    QTest::newRow("GET on immediate")
        << QByteArray("GET") << sitePath(onlineBp(), QStringLiteral("/queries/immediate"));
    QTest::newRow("DELETE site") << QByteArray("DELETE") << sitePath(onlineBp());
}

void SandboxApiTest::unknownPathGets404Envelope()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.send(verb, path);
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxApiTest::olderSitesPathFamilyReachesTheSameHandlers()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();

    const HttpResult current = sandbox.api.get(sitePath(site));
    const HttpResult older = sandbox.api.get(QStringLiteral("/sites/") + site.guid);
    CHECK_STATUS(current, 200);
    CHECK_STATUS(older, 200);
    CHECK_SHAPE(ApiShapes::site(older.json()));
    for (const QString &key :
         {QStringLiteral("id"), QStringLiteral("pmsType"), QStringLiteral("practiceMetadata"),
          QStringLiteral("catalogue"), QStringLiteral("authoritative")})
        QCOMPARE(older.json().value(key), current.json().value(key));

    const HttpResult found =
        sandbox.api.get(QStringLiteral("/sites") + pmsQuery(site.pmsId, site.pmsName));
    CHECK_STATUS(found, 200);
    QVERIFY(!found.json().value(QStringLiteral("sites")).toArray().isEmpty());

    const HttpResult query = sandbox.api.post(QStringLiteral("/sites/") + site.guid +
                                                  QStringLiteral("/queries/immediate"),
                                              queryBody(QStringLiteral("SELECT 1 AS one")));
    CHECK_STATUS(query, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(query.json()));
}

void SandboxApiTest::jsonAnswersDeclareJsonContentType()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult site = sandbox.api.get(sitePath(onlineBp()));
    const HttpResult missing = sandbox.api.get(QStringLiteral("/integrator/nowhere"));
    const HttpResult query =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT 1 AS one")));
    for (const HttpResult *result : {&site, &missing, &query}) {
        QVERIFY2(result->header("Content-Type").startsWith("application/json"),
                 result->header("Content-Type").constData());
    }
}

// ============================================================================================
// Gateway behaviour

void SandboxApiTest::rateLimitAnswersThirdRequestWith429AndRetryAfter()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.rateLimitRequests = 2;
    options.rateLimitWindowSeconds = 60;
    START_SANDBOX(sandbox, options);
    const QString path = sitePath(onlineBp());
    CHECK_STATUS(sandbox.api.get(path), 200);
    CHECK_STATUS(sandbox.api.get(path), 200);
    const HttpResult limited = sandbox.api.get(path);
    CHECK_STATUS(limited, 429);
    CHECK_SHAPE(ApiShapes::errorEnvelope(limited.json(), 429));
    QVERIFY(limited.hasHeader("Retry-After"));
    bool isNumber = false;
    const int wait = limited.header("Retry-After").toInt(&isNumber);
    QVERIFY2(isNumber, limited.header("Retry-After").constData());
    QVERIFY(wait >= 1 && wait <= 60);
}

void SandboxApiTest::faultIsInjectedExactlyRemainingTimesOnMatchingPaths()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.faults.append(Sandbox::FaultRule{QStringLiteral("/queries/immediate"), 503, 2, {}});
    START_SANDBOX(sandbox, options);
    const QString immediate = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));
    const QJsonObject body = queryBody(QStringLiteral("SELECT 1 AS one"));

    CHECK_STATUS(sandbox.api.get(sitePath(onlineBp())), 200); // not a matching path
    for (int i = 0; i < 2; ++i) {
        const HttpResult faulted = sandbox.api.post(immediate, body);
        CHECK_STATUS(faulted, 503);
        CHECK_SHAPE(ApiShapes::errorEnvelope(faulted.json(), 503));
    }
    CHECK_STATUS(sandbox.api.post(immediate, body), 200);
    CHECK_STATUS(sandbox.api.post(immediate, body), 200);
}

void SandboxApiTest::dropFaultClosesConnectionWithoutHttpStatus()
{
    Sandbox::SandboxOptions options = baseOptions();
    // Always: a client may resend a request whose connection closed, so a single drop could be
    // hidden by a retry.
    options.faults.append(Sandbox::FaultRule{QStringLiteral("/fhir/"), 0, -1, {}});
    START_SANDBOX(sandbox, options);
    const HttpResult dropped = sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("metadata")));
    QCOMPARE(dropped.status, 0);
    QVERIFY(dropped.error != QNetworkReply::NoError);
    QVERIFY(dropped.error != QNetworkReply::TimeoutError);
    // Other paths still answer.
    CHECK_STATUS(sandbox.api.get(sitePath(onlineBp())), 200);
}

void SandboxApiTest::latencyDelaysAnswers()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.latencyMs = 300;
    START_SANDBOX(sandbox, options);
    const HttpResult result = sandbox.api.get(sitePath(onlineBp()));
    CHECK_STATUS(result, 200);
    QVERIFY2(result.elapsedMs >= 300, qPrintable(QString::number(result.elapsedMs)));
    const HttpResult error = sandbox.api.get(QStringLiteral("/integrator/nowhere"));
    CHECK_STATUS(error, 404);
    QVERIFY2(error.elapsedMs >= 300, qPrintable(QString::number(error.elapsedMs)));
}

QTEST_GUILESS_MAIN(SandboxApiTest)
#include "tst_sandboxapi.moc"
