// HTTP conformance tests for the sandbox: a real SandboxServer on loopback, spoken to with a
// real QNetworkAccessManager in the same thread. Status codes and JSON shapes are checked
// against expectations written from the Integrator OpenAPI description (ApiShapes.h), never
// against sandbox code; SampleSites.h only picks the sample practices to talk to (and what their
// identifiers should be).
#include "ApiShapes.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <QtTest>

// Fails the test with every problem a shape check found.
#define CHECK_SHAPE(check)                                                                         \
    do {                                                                                           \
        const QStringList shapeProblems_ = (check);                                                \
        QVERIFY2(shapeProblems_.isEmpty(),                                                         \
                 qPrintable(shapeProblems_.join(QStringLiteral("\n    "))));                       \
    } while (false)

// Compares an HTTP status and shows the body when it differs.
#define CHECK_STATUS(result, expected)                                                             \
    do {                                                                                           \
        const auto &checked_ = (result);                                                           \
        QVERIFY2(checked_.status == (expected),                                                    \
                 qPrintable(QStringLiteral("HTTP %1, expected %2; body: %3")                       \
                                .arg(checked_.status)                                              \
                                .arg(expected)                                                     \
                                .arg(QString::fromUtf8(checked_.body.left(600)))));                \
    } while (false)

namespace {

const QString kKey = QStringLiteral("conformance-key-0123456789abcdef");
const int kRequestTimeoutMs = 15000;

// --------------------------------------------------------------------------------------------
// HTTP

struct HttpResult {
    int status = 0; // 0 when no HTTP answer arrived (dropped connection, timeout)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    qint64 elapsedMs = 0;

    static HttpResult from(QNetworkReply *reply)
    {
        HttpResult result;
        result.error = reply->error();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        result.status = status.isValid() ? status.toInt() : 0;
        result.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            result.headers.insert(pair.first.toLower(), pair.second);
        return result;
    }

    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    bool hasHeader(const char *name) const { return headers.contains(QByteArray(name).toLower()); }
    QJsonDocument document() const { return QJsonDocument::fromJson(body); }
    QJsonObject json() const { return document().object(); }
    bool isJsonObject() const
    {
        QJsonParseError parseError{};
        const QJsonDocument parsed = QJsonDocument::fromJson(body, &parseError);
        return parseError.error == QJsonParseError::NoError && parsed.isObject();
    }
};

enum class Auth { Header, QueryParameter, None, WrongHeader, WrongQueryParameter };

// Talks to one sandbox over loopback. Paths are relative to the server's base URL unless they
// start with "http".
class Api
{
public:
    void setTarget(const QString &baseUrl, const QString &key)
    {
        m_base = baseUrl;
        m_key = key;
    }
    QString base() const { return m_base; }

    QNetworkReply *start(const QByteArray &verb, const QString &target,
                         const QByteArray &body = QByteArray(),
                         const QByteArray &contentType = QByteArray(), Auth auth = Auth::Header)
    {
        QString text = target.startsWith(QLatin1String("http")) ? target : m_base + target;
        if (auth == Auth::QueryParameter || auth == Auth::WrongQueryParameter) {
            text += text.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
            text += QStringLiteral("subscription-key=") +
                    (auth == Auth::QueryParameter ? m_key : QStringLiteral("not-the-key"));
        }
        QNetworkRequest request{QUrl(text)};
        if (auth == Auth::Header)
            request.setRawHeader("Ocp-Apim-Subscription-Key", m_key.toUtf8());
        else if (auth == Auth::WrongHeader)
            request.setRawHeader("Ocp-Apim-Subscription-Key", "not-the-key");
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        return m_nam.sendCustomRequest(request, verb, body);
    }

    HttpResult send(const QByteArray &verb, const QString &target,
                    const QByteArray &body = QByteArray(),
                    const QByteArray &contentType = QByteArray(), Auth auth = Auth::Header)
    {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = start(verb, target, body, contentType, auth);
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(kRequestTimeoutMs);
        }
        HttpResult result;
        if (reply->isFinished()) {
            result = HttpResult::from(reply);
        } else {
            reply->abort();
            result.error = QNetworkReply::TimeoutError;
        }
        result.elapsedMs = timer.elapsed();
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QString &target, Auth auth = Auth::Header)
    {
        return send("GET", target, QByteArray(), QByteArray(), auth);
    }
    HttpResult post(const QString &target, const QJsonObject &body)
    {
        return postBytes(target, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpResult postBytes(const QString &target, const QByteArray &body,
                         const QByteArray &contentType = "application/json")
    {
        return send("POST", target, body, contentType);
    }
    HttpResult del(const QString &target) { return send("DELETE", target); }

private:
    QNetworkAccessManager m_nam;
    QString m_base;
    QString m_key;
};

// One sandbox on a free port plus a client for it. The sample databases live as long as the
// server, so every test that changes data gets its own.
struct Running {
    explicit Running(const Sandbox::SandboxOptions &options)
        : server(options)
    {
        port = server.listen();
        api.setTarget(server.baseUrl(), server.key());
    }
    Sandbox::SandboxServer server;
    Api api;
    quint16 port = 0;
};

#define START_SANDBOX(name, options)                                                               \
    Running name(options);                                                                         \
    QVERIFY2(name.port != 0, qPrintable(name.server.errorString()))

Sandbox::SandboxOptions baseOptions()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    options.asyncStepMs = 50;
    return options;
}

// --------------------------------------------------------------------------------------------
// Sample practices and requests

const Sandbox::SampleSite &sampleSite(Sandbox::SiteScenario scenario,
                                      const char *pmsType = "BestPractice")
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario && site.pmsType == QLatin1String(pmsType))
            return site;
    }
    qFatal("no sample site for scenario %d and PMS %s", int(scenario), pmsType);
}

const Sandbox::SampleSite &onlineBp()
{
    return sampleSite(Sandbox::SiteScenario::Online);
}

QString sitePath(const Sandbox::SampleSite &site, const QString &rest = QString())
{
    return QStringLiteral("/integrator/sites/") + site.guid + rest;
}

QString queryPath(const Sandbox::SampleSite &site, const QString &queryId,
                  const QString &rest = QString())
{
    return sitePath(site, QStringLiteral("/queries/") + queryId + rest);
}

QString pmsQuery(const QString &pmsId, const QString &pmsName)
{
    return QStringLiteral("?practiceManagementSiteId=%1&practiceManagementName=%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(pmsId)),
             QString::fromLatin1(QUrl::toPercentEncoding(pmsName)));
}

QJsonObject queryBody(const QString &sql, const QString &mode = QStringLiteral("reader"),
                      const QJsonArray &parameters = QJsonArray())
{
    QJsonObject command{{QStringLiteral("text"), sql},
                        {QStringLiteral("executionMode"), mode},
                        {QStringLiteral("type"), QStringLiteral("text")}};
    if (!parameters.isEmpty())
        command.insert(QStringLiteral("parameters"), parameters);
    return {{QStringLiteral("command"), command}};
}

QString randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// `data` decoded: base64 of a JSON array of row objects (the sandbox's documented assumption,
// REFERENCE §2.7). Returns false with a reason when it is anything else.
bool parseRows(const QByteArray &json, QJsonArray *rows, QString *why)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        *why = QStringLiteral("decoded data is not a JSON array: ") +
               QString::fromUtf8(json.left(200));
        return false;
    }
    for (const QJsonValue &row : document.array()) {
        if (!row.isObject()) {
            *why = QStringLiteral("a decoded row is not an object");
            return false;
        }
    }
    *rows = document.array();
    return true;
}

bool decodeRows(const QJsonValue &data, QJsonArray *rows, QString *why)
{
    if (!data.isString()) {
        *why = QStringLiteral("data is not a string");
        return false;
    }
    const auto decoded = QByteArray::fromBase64Encoding(data.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        *why = QStringLiteral("data is not valid base64");
        return false;
    }
    return parseRows(*decoded, rows, why);
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// --------------------------------------------------------------------------------------------
// Async polling

struct PollLog {
    QStringList statuses;         // the statuses seen, consecutive repeats removed
    QList<QJsonObject> snapshots; // every query object seen, in order
    QStringList problems;         // HTTP or shape problems met on the way

    void record(const QJsonObject &snapshot)
    {
        snapshots.append(snapshot);
        const QString status = snapshot.value(QStringLiteral("status")).toString();
        if (statuses.isEmpty() || statuses.last() != status)
            statuses.append(status);
    }
    QJsonObject last() const { return snapshots.isEmpty() ? QJsonObject() : snapshots.last(); }
};

// Polls GET `path` about every 10 ms, one request at a time, from a timer (no sleeping, the
// server shares this thread) until the query reaches a terminal status.
void pollUntilTerminal(Api &api, const QString &path, PollLog *log, int timeoutMs = 10000)
{
    bool done = false;
    QPointer<QNetworkReply> inFlight;
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
        if (done || inFlight)
            return;
        QNetworkReply *reply = api.start("GET", path);
        inFlight = reply;
        QObject::connect(reply, &QNetworkReply::finished, &timer, [&, reply] {
            inFlight = nullptr;
            reply->deleteLater();
            const HttpResult result = HttpResult::from(reply);
            if (result.status != 200 || !result.isJsonObject()) {
                log->problems.append(QStringLiteral("GET %1 answered %2: %3")
                                         .arg(path)
                                         .arg(result.status)
                                         .arg(QString::fromUtf8(result.body.left(300))));
                done = true;
                return;
            }
            const QJsonObject snapshot = result.json();
            log->problems += ApiShapes::asyncQuery(snapshot);
            log->record(snapshot);
            done = ApiShapes::isTerminalAsyncStatus(
                snapshot.value(QStringLiteral("status")).toString());
        });
    });
    const auto stop = qScopeGuard([&] {
        timer.stop();
        if (inFlight) {
            inFlight->disconnect(&timer);
            inFlight->abort();
            inFlight->deleteLater();
        }
    });
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs);
}

// statusTiming of one snapshot: the states present are the first n of initialising, queued,
// executing, uploading; every state before the last has ended; start times never go back.
QStringList timingProblems(const QJsonObject &query)
{
    QStringList problems;
    const QJsonObject timing = query.value(QStringLiteral("statusTiming")).toObject();
    const QStringList &order = ApiShapes::timingStates();
    qsizetype present = 0;
    while (present < order.size() && timing.contains(order.at(present)))
        ++present;
    if (present != timing.size())
        problems << QStringLiteral("statusTiming states %1 are not a prefix of %2")
                        .arg(sortedKeys(timing).join(QLatin1Char(',')),
                             order.join(QLatin1Char(',')));
    const bool terminal =
        ApiShapes::isTerminalAsyncStatus(query.value(QStringLiteral("status")).toString());
    QDateTime previousStart;
    for (qsizetype i = 0; i < present; ++i) {
        const QJsonObject state = timing.value(order.at(i)).toObject();
        const QDateTime start = ApiShapes::dateTime(state.value(QStringLiteral("startTime")));
        const bool ended = state.contains(QStringLiteral("endTime"));
        const bool isLast = i == present - 1;
        if (!isLast && !ended)
            problems << order.at(i) +
                            QStringLiteral(" has no endTime although a later state began");
        if (isLast && terminal && !ended)
            problems << order.at(i) + QStringLiteral(" has no endTime although the query ended");
        if (isLast && !terminal && ended)
            problems << order.at(i) + QStringLiteral(" has an endTime but is the current state");
        if (ended && ApiShapes::dateTime(state.value(QStringLiteral("endTime"))) < start)
            problems << order.at(i) + QStringLiteral(" ends before it starts");
        if (previousStart.isValid() && start < previousStart)
            problems << order.at(i) + QStringLiteral(" starts before the state before it");
        previousStart = start;
    }
    return problems;
}

} // namespace

class SandboxApiTest : public QObject
{
    Q_OBJECT

private:
    // Creates an async query and polls it to its end; fills `log` (the 201 answer first).
    void runAsync(Running &sandbox, const Sandbox::SampleSite &site, const QJsonObject &body,
                  PollLog *log);

private slots:
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

    // Sites
    void getSitesBySharedPmsIdReturnsBothInstallsExactlyOneAuthoritative();
    void getSitesFindsEveryPmsKind_data();
    void getSitesFindsEveryPmsKind();
    void getSitesRejectsMissingOrInvalidParametersWith400_data();
    void getSitesRejectsMissingOrInvalidParametersWith400();
    void getSitesWithUnknownPmsIdReturnsEmptyList();
    void getSiteReturnsEverySiteForIntegratorField_data();
    void getSiteReturnsEverySiteForIntegratorField();
    void getSiteWithUnknownGuidGets404();
    void getSiteWithMalformedGuidGets400();
    void renamedSiteReportsNewPracticeNameBesideDeprecatedName();

    // Pairing
    void pairingBestPracticeNeedsTheRightPairingCode();
    void pairingUnpairedSiteUnlocksItsQueries();
    void deprecatedPairSitePathAlsoPairs();
    void pairingZedmedNeedsNoPairingCode();
    void pairingFailsSiteGets502();
    void pairingRejectsMissingParametersAndUnknownSites_data();
    void pairingRejectsMissingParametersAndUnknownSites();

    // Immediate queries
    void immediateReaderReturnsSuccessfulQueryWithSelectedRows();
    void immediateScalarReturnsOneValue();
    void immediateNonQueryReportsRowsAffectedAndChangesData();
    void immediateInputParameterIsBound();
    void immediateOutputParameterIsReturned();
    void immediateQueryRunsOnTheChosenCatalogue_data();
    void immediateQueryRunsOnTheChosenCatalogue();
    void immediateInvalidCatalogueGets400();
    void immediateSqlErrorReturnsExecutionFailedQueryWith400_data();
    void immediateSqlErrorReturnsExecutionFailedQueryWith400();
    void immediateInvalidRequestGets400Envelope_data();
    void immediateInvalidRequestGets400Envelope();
    void queryBodiesAtTheDescribedLimitsAreAccepted();
    void immediateQueryIsRefusedBySiteState_data();
    void immediateQueryIsRefusedBySiteState();
    void immediateResultOverLimitGets413();
    void immediateQuerySlowerThanTimeoutGets504();
    void immediateQueryCanBeReadBackById();
    void unknownQueryIdGets404();
    void queryOfOneSiteIsNotVisibleFromAnother();

    // Async queries
    void asyncQueryIsCreatedInitialisingWith201();
    void asyncQueryWalksEveryStatusToSuccessful();
    void successfulAsyncQueryCarriesResultSize();
    void asyncResultPagesReassembleEveryRowInOrder();
    void asyncNonQueryResultReportsRowsAffected();
    void asyncResultPageNumberMustBeAPositiveInteger_data();
    void asyncResultPageNumberMustBeAPositiveInteger();
    void asyncResultPageBeyondTheLastGets404();
    void asyncResultPageExpiresWith410();
    void asyncSqlErrorEndsExecutionFailed();
    void asyncUploadFailureEndsUploadFailed();
    void asyncShortMaxTimeInQueueEndsExpiredInQueue();
    void asyncQueryOnUnreachableSiteEndsInitialisationFailedSiteUnreachable();
    void asyncQueryIsRefusedBySiteState_data();
    void asyncQueryIsRefusedBySiteState();
    void asyncInvalidRequestGets400Envelope_data();
    void asyncInvalidRequestGets400Envelope();
    void batchStatusReportsFoundAndNotFound();
    void batchStatusWithoutQueryIdsGets400();

    // Registered queries
    void registeredQueryLifecycleCreateListReadResultsCancel();
    void registeredQueryCreationValidatesEveryField_data();
    void registeredQueryCreationValidatesEveryField();
    void registeredQueryAtTheDescribedLimitsIsAccepted();
    void registeredQueryUnknownIdGets404_data();
    void registeredQueryUnknownIdGets404();
    void registeredQueryWithFailingSqlReportsLastErrorDetails();

    // FHIR
    void fhirMetadataReturnsCapabilityStatement();
    void fhirPatientSearchReturnsSearchsetBundle();
    void fhirPostSearchMatchesGetAndKeepsSearchValuesOutOfLinks();
    void fhirNextLinksVisitEveryEntryExactlyOnce();
    void fhirUnknownSearchParameterGets400OperationOutcome();
    void fhirUnknownResourceGets404OperationOutcome();
    void fhirOnZedmedSiteGetsOperationOutcome();
    void fhirOnOfflineSiteGets503();
    void fhirOnNonAuthoritativeSiteGets403();
    void fhirDefaultPageSizeFollowsOptions();

    // Gateway behaviour: rate limit, faults, latency
    void rateLimitAnswersThirdRequestWith429AndRetryAfter();
    void faultIsInjectedExactlyRemainingTimesOnMatchingPaths();
    void dropFaultClosesConnectionWithoutHttpStatus();
    void latencyDelaysAnswers();
};

void SandboxApiTest::runAsync(Running &sandbox, const Sandbox::SampleSite &site,
                              const QJsonObject &body, PollLog *log)
{
    // The sandbox runs the SQL when the query is submitted, after stamping createdAt, and its
    // first SQL on a site builds the sample database. Build it now, so that time does not eat
    // into the states the query is meant to be seen in. (Sites refusing queries just refuse.)
    sandbox.api.post(sitePath(site, QStringLiteral("/queries/immediate")),
                     queryBody(QStringLiteral("SELECT 1 AS warm")));

    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/async")), body);
    CHECK_STATUS(created, 201);
    CHECK_SHAPE(ApiShapes::asyncQuery(created.json()));
    log->record(created.json());
    const QString id = created.json().value(QStringLiteral("id")).toString();
    pollUntilTerminal(sandbox.api, queryPath(site, id), log);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(log->problems.isEmpty(), qPrintable(log->problems.join(QStringLiteral("\n    "))));
}

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
// Sites

void SandboxApiTest::getSitesBySharedPmsIdReturnsBothInstallsExactlyOneAuthoritative()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &current = onlineBp();
    const Sandbox::SampleSite &old = sampleSite(Sandbox::SiteScenario::NonAuthoritative);
    QCOMPARE(old.pmsId, current.pmsId);

    // The space in "Best Practice" percent-encoded, as the description's examples show it.
    const HttpResult result =
        sandbox.api.get(QStringLiteral("/integrator/sites?practiceManagementSiteId=%1"
                                       "&practiceManagementName=Best%20Practice")
                            .arg(current.pmsId));
    CHECK_STATUS(result, 200);
    const QJsonObject body = result.json();
    QCOMPARE(sortedKeys(body), QStringList{QStringLiteral("sites")});
    const QJsonArray sites = body.value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 2);

    QSet<QString> ids;
    int authoritative = 0;
    for (qsizetype i = 0; i < sites.size(); ++i) {
        CHECK_SHAPE(ApiShapes::site(sites.at(i), QStringLiteral("sites[%1]").arg(i)));
        const QJsonObject site = sites.at(i).toObject();
        ids.insert(site.value(QStringLiteral("id")).toString());
        QCOMPARE(site.value(QStringLiteral("practiceManagementSiteId")).toString(), current.pmsId);
        QCOMPARE(site.value(QStringLiteral("pmsType")).toString(), QStringLiteral("BestPractice"));
        QCOMPARE(site.value(QStringLiteral("practiceManagementName")).toString(),
                 QStringLiteral("Best Practice"));
        if (site.value(QStringLiteral("authoritative")).toBool()) {
            ++authoritative;
            QCOMPARE(site.value(QStringLiteral("id")).toString(), current.guid);
        }
    }
    QCOMPARE(authoritative, 1);
    QCOMPARE(ids, (QSet<QString>{current.guid, old.guid}));
}

void SandboxApiTest::getSitesFindsEveryPmsKind_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<QString>("pmsId");
    QTest::addColumn<QString>("pmsName");
    QTest::addColumn<QString>("pmsType");
    for (const char *type : {"BestPractice", "Zedmed", "D4w"}) {
        const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Online, type);
        QTest::newRow(type) << site.guid << site.pmsId << site.pmsName << site.pmsType;
    }
}

void SandboxApiTest::getSitesFindsEveryPmsKind()
{
    QFETCH(QString, guid);
    QFETCH(QString, pmsId);
    QFETCH(QString, pmsName);
    QFETCH(QString, pmsType);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(QStringLiteral("/integrator/sites") + pmsQuery(pmsId, pmsName));
    CHECK_STATUS(result, 200);
    const QJsonArray sites = result.json().value(QStringLiteral("sites")).toArray();
    QVERIFY(!sites.isEmpty());
    bool seen = false;
    for (const QJsonValue &site : sites) {
        CHECK_SHAPE(ApiShapes::site(site));
        QCOMPARE(site[QStringLiteral("pmsType")].toString(), pmsType);
        QCOMPARE(site[QStringLiteral("practiceManagementName")].toString(), pmsName);
        seen = seen || site[QStringLiteral("id")].toString() == guid;
    }
    QVERIFY(seen);
}

void SandboxApiTest::getSitesRejectsMissingOrInvalidParametersWith400_data()
{
    QTest::addColumn<QString>("query");
    const QString id = onlineBp().pmsId;
    QTest::newRow("no parameters") << QString();
    QTest::newRow("no practiceManagementName") << QStringLiteral("?practiceManagementSiteId=") + id;
    QTest::newRow("no practiceManagementSiteId")
        << QStringLiteral("?practiceManagementName=Zedmed");
    QTest::newRow("pmsType spelling instead of the name")
        << QStringLiteral("?practiceManagementSiteId=%1&practiceManagementName=BestPractice")
               .arg(id);
    QTest::newRow("unknown PMS")
        << QStringLiteral("?practiceManagementSiteId=%1&practiceManagementName=MedicalDirector")
               .arg(id);
}

void SandboxApiTest::getSitesRejectsMissingOrInvalidParametersWith400()
{
    QFETCH(QString, query);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites") + query);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxApiTest::getSitesWithUnknownPmsIdReturnsEmptyList()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(QStringLiteral("/integrator/sites") +
                        pmsQuery(QStringLiteral("BP-00000"), QStringLiteral("Best Practice")));
    CHECK_STATUS(result, 200);
    QCOMPARE(result.json(), (QJsonObject{{QStringLiteral("sites"), QJsonArray()}}));
}

void SandboxApiTest::getSiteReturnsEverySiteForIntegratorField_data()
{
    QTest::addColumn<QString>("guid");
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites())
        QTest::newRow(qPrintable(site.practiceName + QLatin1String(" / ") +
                                 Sandbox::scenarioName(site.scenario)))
            << site.guid;
}

void SandboxApiTest::getSiteReturnsEverySiteForIntegratorField()
{
    QFETCH(QString, guid);
    const Sandbox::SampleSite *sample = Sandbox::findSampleSite(guid);
    QVERIFY(sample);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites/") + guid);
    CHECK_STATUS(result, 200);
    const QJsonObject site = result.json();
    CHECK_SHAPE(ApiShapes::site(site));

    QCOMPARE(site.value(QStringLiteral("id")).toString(), guid);
    QCOMPARE(site.value(QStringLiteral("pmsType")).toString(), sample->pmsType);
    QCOMPARE(site.value(QStringLiteral("practiceManagementName")).toString(), sample->pmsName);
    QCOMPARE(site.value(QStringLiteral("practiceManagementSiteId")).toString(), sample->pmsId);
    QCOMPARE(site.value(QStringLiteral("authoritative")).toBool(), sample->authoritative);
    QCOMPARE(site.value(QStringLiteral("availability")).toString(), sample->availability);

    const QJsonObject metadata = site.value(QStringLiteral("practiceMetadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("pmsType")), site.value(QStringLiteral("pmsType")));
    QCOMPARE(metadata.value(QStringLiteral("practiceManagementSiteId")),
             site.value(QStringLiteral("practiceManagementSiteId")));
    QCOMPARE(metadata.value(QStringLiteral("practiceName")).toString(), sample->practiceName);

    // The catalogue a query uses when it names none: exactly one default.
    const QJsonArray catalogues = site.value(QStringLiteral("catalogue")).toArray();
    QVERIFY(!catalogues.isEmpty());
    int defaults = 0;
    for (const QJsonValue &catalogue : catalogues)
        defaults += catalogue[QStringLiteral("isDefault")].toBool() ? 1 : 0;
    QCOMPARE(defaults, 1);

    // Heard from the site no later than now.
    const QDateTime heartbeat =
        ApiShapes::dateTime(site.value(QStringLiteral("heartbeatTimestampUTC")));
    QVERIFY(heartbeat <= QDateTime::currentDateTimeUtc().addSecs(1));
}

void SandboxApiTest::getSiteWithUnknownGuidGets404()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites/") + randomUuid());
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxApiTest::getSiteWithMalformedGuidGets400()
{
    START_SANDBOX(sandbox, baseOptions());
    for (const QString &guid :
         {QStringLiteral("not-a-guid"), QStringLiteral("12345"), onlineBp().guid.left(35)}) {
        const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites/") + guid);
        CHECK_STATUS(result, 400);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    }
}

void SandboxApiTest::renamedSiteReportsNewPracticeNameBesideDeprecatedName()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &renamed = sampleSite(Sandbox::SiteScenario::Renamed);
    const HttpResult result = sandbox.api.get(sitePath(renamed));
    CHECK_STATUS(result, 200);
    const QJsonObject site = result.json();
    CHECK_SHAPE(ApiShapes::site(site));
    const QString current =
        site.value(QStringLiteral("practiceMetadata"))[QStringLiteral("practiceName")].toString();
    const QString deprecated = site.value(QStringLiteral("name")).toString();
    QVERIFY(!current.isEmpty());
    QVERIFY(!deprecated.isEmpty());
    QVERIFY2(current != deprecated, qPrintable(current));
    QCOMPARE(current, renamed.practiceName);
}

// ============================================================================================
// Pairing

void SandboxApiTest::pairingBestPracticeNeedsTheRightPairingCode()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Unpaired);
    const QString pair =
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName);

    const HttpResult noCode = sandbox.api.postBytes(pair, QByteArray());
    CHECK_STATUS(noCode, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(noCode.json(), 400));

    const HttpResult wrongCode =
        sandbox.api.postBytes(pair + QStringLiteral("&pairingCode=ZZZZZZ"), QByteArray());
    CHECK_STATUS(wrongCode, 403);
    CHECK_SHAPE(ApiShapes::errorEnvelope(wrongCode.json(), 403));

    const HttpResult paired = sandbox.api.postBytes(
        pair + QStringLiteral("&pairingCode=") + site.pairingCode, QByteArray());
    CHECK_STATUS(paired, 200);
    CHECK_SHAPE(ApiShapes::site(paired.json()));
    QCOMPARE(paired.json().value(QStringLiteral("id")).toString(), site.guid);
}

void SandboxApiTest::pairingUnpairedSiteUnlocksItsQueries()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Unpaired);
    const QJsonObject body = queryBody(QStringLiteral("SELECT COUNT(*) AS n FROM patients"));
    const QString immediate = sitePath(site, QStringLiteral("/queries/immediate"));
    const QString registered = sitePath(site, QStringLiteral("/queries/registered"));

    const HttpResult before = sandbox.api.post(immediate, body);
    CHECK_STATUS(before, 403);
    CHECK_SHAPE(ApiShapes::errorEnvelope(before.json(), 403));
    CHECK_STATUS(sandbox.api.get(registered), 403);

    const HttpResult paired = sandbox.api.postBytes(
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName) +
            QStringLiteral("&pairingCode=") + site.pairingCode,
        QByteArray());
    CHECK_STATUS(paired, 200);

    const HttpResult after = sandbox.api.post(immediate, body);
    CHECK_STATUS(after, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(after.json()));
    CHECK_STATUS(sandbox.api.get(registered), 200);
}

void SandboxApiTest::deprecatedPairSitePathAlsoPairs()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Unpaired);
    const HttpResult paired = sandbox.api.postBytes(
        QStringLiteral("/integrator/pairSite") + pmsQuery(site.pmsId, site.pmsName) +
            QStringLiteral("&pairingCode=") + site.pairingCode,
        QByteArray());
    CHECK_STATUS(paired, 200);
    CHECK_SHAPE(ApiShapes::site(paired.json()));
    QCOMPARE(paired.json().value(QStringLiteral("id")).toString(), site.guid);
    CHECK_STATUS(sandbox.api.post(sitePath(site, QStringLiteral("/queries/immediate")),
                                  queryBody(QStringLiteral("SELECT 1 AS one"))),
                 200);
}

void SandboxApiTest::pairingZedmedNeedsNoPairingCode()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Online, "Zedmed");
    const HttpResult paired = sandbox.api.postBytes(
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName), QByteArray());
    CHECK_STATUS(paired, 200);
    CHECK_SHAPE(ApiShapes::site(paired.json()));
    QCOMPARE(paired.json().value(QStringLiteral("id")).toString(), site.guid);
}

void SandboxApiTest::pairingFailsSiteGets502()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::PairingFails);
    const HttpResult result = sandbox.api.postBytes(
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName) +
            QStringLiteral("&pairingCode=") + site.pairingCode,
        QByteArray());
    CHECK_STATUS(result, 502);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 502));
}

void SandboxApiTest::pairingRejectsMissingParametersAndUnknownSites_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::newRow("no parameters") << QString() << 400;
    QTest::newRow("no PMS ID") << QStringLiteral("?practiceManagementName=Zedmed") << 400;
    QTest::newRow("no PMS name") << QStringLiteral("?practiceManagementSiteId=ZM-0716") << 400;
    QTest::newRow("unknown PMS name")
        << QStringLiteral("?practiceManagementSiteId=ZM-0716&practiceManagementName=Zed") << 400;
    QTest::newRow("unknown site") << pmsQuery(QStringLiteral("ZM-9999"), QStringLiteral("Zedmed"))
                                  << 404;
}

void SandboxApiTest::pairingRejectsMissingParametersAndUnknownSites()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.postBytes(QStringLiteral("/integrator/pair-site") + query, QByteArray());
    CHECK_STATUS(result, status);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), status));
}

// ============================================================================================
// Immediate queries

void SandboxApiTest::immediateReaderReturnsSuccessfulQueryWithSelectedRows()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const HttpResult result = sandbox.api.post(
        sitePath(site, QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 5")));
    CHECK_STATUS(result, 200);
    const QJsonObject query = result.json();
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(query));

    QCOMPARE(query.value(QStringLiteral("siteId")).toString(), site.guid);
    QCOMPARE(query.value(QStringLiteral("mode")).toString(), QStringLiteral("immediate"));
    QCOMPARE(query.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    // ImmediateMaxTimeInQueue default.
    QCOMPARE(query.value(QStringLiteral("maxTimeInQueue")).toInt(), 30000);
    const QDateTime created = ApiShapes::dateTime(query.value(QStringLiteral("createdAt")));
    QVERIFY(created >= before);
    QVERIFY(ApiShapes::dateTime(query.value(QStringLiteral("completedAt"))) >= created);
    QVERIFY(ApiShapes::dateTime(query.value(QStringLiteral("updatedAt"))) >= created);

    const QJsonObject resultObject = query.value(QStringLiteral("result")).toObject();
    QCOMPARE(resultObject.value(QStringLiteral("rows")).toInt(), 5);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(resultObject.value(QStringLiteral("data")), &rows, &why), qPrintable(why));
    QCOMPARE(rows.size(), 5);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(sortedKeys(row), (QStringList{QStringLiteral("id"), QStringLiteral("surname")}));
        QCOMPARE(row.value(QStringLiteral("id")).toInt(), int(i + 1));
        QVERIFY(row.value(QStringLiteral("surname")).isString());
    }
    // Keys follow the select list.
    const QByteArray decoded =
        QByteArray::fromBase64(resultObject.value(QStringLiteral("data")).toString().toLatin1());
    QVERIFY(decoded.indexOf("\"id\"") < decoded.indexOf("\"surname\""));
}

void SandboxApiTest::immediateScalarReturnsOneValue()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult count = sandbox.api.post(
        sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT COUNT(*) AS total, 'ignored' AS other FROM patients"),
                  QStringLiteral("scalar")));
    CHECK_STATUS(count, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(count.json()));
    const QJsonObject result = count.json().value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rows")).toInt(), 1);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(result.value(QStringLiteral("data")), &rows, &why), qPrintable(why));
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(row.size(), 1); // the first value of the first row only
    QVERIFY(row.constBegin().value().isDouble());
    QVERIFY(row.constBegin().value().toInt() > 0);
}

void SandboxApiTest::immediateNonQueryReportsRowsAffectedAndChangesData()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString path = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));
    const HttpResult update = sandbox.api.post(
        path,
        queryBody(QStringLiteral("UPDATE patients SET notes = 'conformance run' WHERE id <= 3"),
                  QStringLiteral("nonQuery")));
    CHECK_STATUS(update, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(update.json()));
    const QJsonObject result = update.json().value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rowsAffected")).toInt(), 3);
    QVERIFY(!result.contains(QStringLiteral("data")));

    const HttpResult read = sandbox.api.post(
        path,
        queryBody(QStringLiteral("SELECT id, notes FROM patients WHERE id <= 4 ORDER BY id")));
    CHECK_STATUS(read, 200);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(read.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
             qPrintable(why));
    QCOMPARE(rows.size(), 4);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rows.at(i)[QStringLiteral("notes")].toString(), QStringLiteral("conformance run"));
    QVERIFY(rows.at(3)[QStringLiteral("notes")].toString() != QLatin1String("conformance run"));
}

void SandboxApiTest::immediateInputParameterIsBound()
{
    START_SANDBOX(sandbox, baseOptions());
    const QJsonArray parameters{QJsonObject{{QStringLiteral("name"), QStringLiteral("@id")},
                                            {QStringLiteral("direction"), QStringLiteral("input")},
                                            {QStringLiteral("type"), QStringLiteral("Int")},
                                            {QStringLiteral("value"), QStringLiteral("7")},
                                            {QStringLiteral("size"), 4}}};
    const HttpResult result = sandbox.api.post(
        sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT id, surname FROM patients WHERE id = @id"),
                  QStringLiteral("reader"), parameters));
    CHECK_STATUS(result, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(result.json()));
    QJsonArray rows;
    QString why;
    QVERIFY2(
        decodeRows(result.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
        qPrintable(why));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0)[QStringLiteral("id")].toInt(), 7);
}

void SandboxApiTest::immediateOutputParameterIsReturned()
{
    START_SANDBOX(sandbox, baseOptions());
    const QJsonArray parameters{QJsonObject{{QStringLiteral("name"), QStringLiteral("@total")},
                                            {QStringLiteral("direction"), QStringLiteral("output")},
                                            {QStringLiteral("type"), QStringLiteral("Int")},
                                            {QStringLiteral("value"), QJsonValue::Null},
                                            {QStringLiteral("size"), 4}}};
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT COUNT(*) AS total FROM patients"),
                                   QStringLiteral("reader"), parameters));
    CHECK_STATUS(result, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(result.json()));
    const QJsonArray returned =
        result.json()[QStringLiteral("result")][QStringLiteral("parameters")].toArray();
    QCOMPARE(returned.size(), 1);
    const QJsonObject total = returned.at(0).toObject();
    QCOMPARE(total.value(QStringLiteral("name")).toString(), QStringLiteral("@total"));
    QCOMPARE(total.value(QStringLiteral("direction")).toString(), QStringLiteral("output"));
    QVERIFY(total.value(QStringLiteral("value")).isString());
    QVERIFY(total.value(QStringLiteral("value")).toString().toInt() > 0);
}

void SandboxApiTest::immediateQueryRunsOnTheChosenCatalogue_data()
{
    QTest::addColumn<QString>("catalogue"); // empty: name none, the default is used
    QTest::addColumn<QString>("expected");
    const Sandbox::SampleSite &site = onlineBp();
    QVERIFY(site.catalogues.size() >= 2);
    for (const Sandbox::SampleCatalogue &catalogue : site.catalogues)
        QTest::newRow(qPrintable(catalogue.name)) << catalogue.name << catalogue.name;
    for (const Sandbox::SampleCatalogue &catalogue : site.catalogues) {
        if (catalogue.isDefault)
            QTest::newRow("no catalogue: the default") << QString() << catalogue.name;
    }
}

void SandboxApiTest::immediateQueryRunsOnTheChosenCatalogue()
{
    QFETCH(QString, catalogue);
    QFETCH(QString, expected);
    START_SANDBOX(sandbox, baseOptions());
    QJsonObject body = queryBody(QStringLiteral("SELECT name FROM catalogue_info"));
    if (!catalogue.isEmpty())
        body.insert(QStringLiteral("catalogue"), catalogue);
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")), body);
    CHECK_STATUS(result, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(result.json()));
    QJsonArray rows;
    QString why;
    QVERIFY2(
        decodeRows(result.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
        qPrintable(why));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0)[QStringLiteral("name")].toString(), expected);
}

void SandboxApiTest::immediateInvalidCatalogueGets400()
{
    START_SANDBOX(sandbox, baseOptions());
    QJsonObject body = queryBody(QStringLiteral("SELECT name FROM catalogue_info"));
    body.insert(QStringLiteral("catalogue"), QStringLiteral("ZEDMED")); // another PMS's catalogue
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")), body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxApiTest::immediateSqlErrorReturnsExecutionFailedQueryWith400_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<QString>("errorType");
    QTest::newRow("Best Practice: SQL Server") << onlineBp().guid << QStringLiteral("mssql");
    QTest::newRow("Zedmed: Firebird")
        << sampleSite(Sandbox::SiteScenario::Online, "Zedmed").guid << QStringLiteral("fbsql");
    QTest::newRow("D4w: SQL Server")
        << sampleSite(Sandbox::SiteScenario::Online, "D4w").guid << QStringLiteral("mssql");
}

void SandboxApiTest::immediateSqlErrorReturnsExecutionFailedQueryWith400()
{
    QFETCH(QString, guid);
    QFETCH(QString, errorType);
    START_SANDBOX(sandbox, baseOptions());
    for (const QString &sql : {QStringLiteral("SELEC id FROM patients"),
                               QStringLiteral("SELECT no_such_column FROM patients"),
                               QStringLiteral("SELECT * FROM no_such_table")}) {
        const HttpResult result = sandbox.api.post(QStringLiteral("/integrator/sites/") + guid +
                                                       QStringLiteral("/queries/immediate"),
                                                   queryBody(sql));
        CHECK_STATUS(result, 400);
        const QJsonObject query = result.json();
        CHECK_SHAPE(ApiShapes::executionFailedImmediateQuery(query));
        QCOMPARE(query.value(QStringLiteral("siteId")).toString(), guid);
        QCOMPARE(query[QStringLiteral("errorDetails")][QStringLiteral("errorType")].toString(),
                 errorType);
    }
}

void SandboxApiTest::immediateInvalidRequestGets400Envelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("{\"command\":");
    QTest::newRow("JSON array") << QByteArray("[]");
    QTest::newRow("no command") << QByteArray("{}");
    QTest::newRow("command not an object") << QByteArray(R"({"command":"SELECT 1"})");
    QTest::newRow("no command.text") << QByteArray(R"({"command":{"executionMode":"reader"}})");
    QTest::newRow("blank command.text") << QByteArray(R"({"command":{"text":"  "}})");
    QTest::newRow("executionMode not in enum")
        << QByteArray(R"({"command":{"text":"SELECT 1","executionMode":"write"}})");
    QTest::newRow("type not in enum")
        << QByteArray(R"({"command":{"text":"SELECT 1","type":"procedure"}})");
    QTest::newRow("parameter direction not in enum")
        << QByteArray(R"({"command":{"text":"SELECT @a AS a","parameters":[)"
                      R"({"name":"@a","direction":"sideways","type":"Int","value":"1"}]}})");
    QTest::newRow("parameter type not in enum")
        << QByteArray(R"({"command":{"text":"SELECT @a AS a","parameters":[)"
                      R"({"name":"@a","direction":"input","type":"Integer","value":"1"}]}})");
    QTest::newRow("maxTimeInQueue below 0")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":-1})");
    QTest::newRow("maxTimeInQueue above 60000")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":60001})");
    QTest::newRow("maxTimeInQueue not a number")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":"1000"})");
}

void SandboxApiTest::immediateInvalidRequestGets400Envelope()
{
    QFETCH(QByteArray, body);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.postBytes(sitePath(onlineBp(), QStringLiteral("/queries/immediate")), body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxApiTest::queryBodiesAtTheDescribedLimitsAreAccepted()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString immediate = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));
    for (int queue : {0, 60000}) {
        QJsonObject body = queryBody(QStringLiteral("SELECT 1 AS one"));
        body.insert(QStringLiteral("maxTimeInQueue"), queue);
        const HttpResult result = sandbox.api.post(immediate, body);
        CHECK_STATUS(result, 200);
        QCOMPARE(result.json().value(QStringLiteral("maxTimeInQueue")).toInt(), queue);
    }
    QJsonObject body = queryBody(QStringLiteral("SELECT 1 AS one"));
    body.insert(QStringLiteral("maxTimeInQueue"), 7200000);
    const HttpResult async =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/async")), body);
    CHECK_STATUS(async, 201);
    QCOMPARE(async.json().value(QStringLiteral("maxTimeInQueue")).toInt(), 7200000);
}

void SandboxApiTest::immediateQueryIsRefusedBySiteState_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<int>("status");
    QTest::newRow("non-authoritative: 403")
        << sampleSite(Sandbox::SiteScenario::NonAuthoritative).guid << 403;
    QTest::newRow("unpaired: 403") << sampleSite(Sandbox::SiteScenario::Unpaired).guid << 403;
    QTest::newRow("offline: 503") << sampleSite(Sandbox::SiteScenario::Offline).guid << 503;
    QTest::newRow("unreachable: 504")
        << sampleSite(Sandbox::SiteScenario::Unreachable, "Zedmed").guid << 504;
}

void SandboxApiTest::immediateQueryIsRefusedBySiteState()
{
    QFETCH(QString, guid);
    QFETCH(int, status);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.post(
        QStringLiteral("/integrator/sites/") + guid + QStringLiteral("/queries/immediate"),
        queryBody(QStringLiteral("SELECT id FROM patients LIMIT 1")));
    CHECK_STATUS(result, status);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), status));
}

void SandboxApiTest::immediateResultOverLimitGets413()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.immediateLimitBytes = 2000;
    START_SANDBOX(sandbox, options);
    const QString path = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));

    const HttpResult small =
        sandbox.api.post(path, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")));
    CHECK_STATUS(small, 200);

    const HttpResult large =
        sandbox.api.post(path, queryBody(QStringLiteral("SELECT * FROM patients")));
    CHECK_STATUS(large, 413);
    QVERIFY(large.isJsonObject());
    // The docs show both forms: the general error, or the failed query carrying an http 413.
    const QJsonObject body = large.json();
    if (body.contains(QStringLiteral("error"))) {
        CHECK_SHAPE(ApiShapes::errorEnvelope(body, 413));
    } else {
        CHECK_SHAPE(ApiShapes::executionFailedImmediateQuery(body));
        QCOMPARE(body[QStringLiteral("errorDetails")][QStringLiteral("errorType")].toString(),
                 QStringLiteral("http"));
        QCOMPARE(body[QStringLiteral("errorDetails")][QStringLiteral("errorCode")].toInt(), 413);
    }
}

void SandboxApiTest::immediateQuerySlowerThanTimeoutGets504()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.immediateTimeoutMs = 500;
    START_SANDBOX(sandbox, options);
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("WAITFOR DELAY '00:00:02'; SELECT 1 AS one")));
    CHECK_STATUS(result, 504);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 504));
}

void SandboxApiTest::immediateQueryCanBeReadBackById()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT id FROM patients ORDER BY id LIMIT 3")));
    CHECK_STATUS(created, 200);
    const QString id = created.json().value(QStringLiteral("id")).toString();

    const HttpResult read = sandbox.api.get(queryPath(site, id));
    CHECK_STATUS(read, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(read.json()));
    QCOMPARE(read.json().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(read.json()[QStringLiteral("result")][QStringLiteral("data")],
             created.json()[QStringLiteral("result")][QStringLiteral("data")]);
}

void SandboxApiTest::unknownQueryIdGets404()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(queryPath(onlineBp(), randomUuid()));
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxApiTest::queryOfOneSiteIsNotVisibleFromAnother()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult created =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT 1 AS one")));
    CHECK_STATUS(created, 200);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const Sandbox::SampleSite &other = sampleSite(Sandbox::SiteScenario::Online, "Zedmed");
    const HttpResult result = sandbox.api.get(queryPath(other, id));
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

// ============================================================================================
// Async queries

void SandboxApiTest::asyncQueryIsCreatedInitialisingWith201()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/async")),
                         queryBody(QStringLiteral("SELECT id FROM patients LIMIT 10")));
    CHECK_STATUS(created, 201);
    const QJsonObject query = created.json();
    CHECK_SHAPE(ApiShapes::asyncQuery(query));
    QCOMPARE(query.value(QStringLiteral("mode")).toString(), QStringLiteral("async"));
    QCOMPARE(query.value(QStringLiteral("status")).toString(), QStringLiteral("initialising"));
    QCOMPARE(query.value(QStringLiteral("siteId")).toString(), site.guid);
    // AsyncMaxTimeInQueue default.
    QCOMPARE(query.value(QStringLiteral("maxTimeInQueue")).toInt(), 3600000);
    const QJsonObject timing = query.value(QStringLiteral("statusTiming")).toObject();
    QCOMPARE(sortedKeys(timing), QStringList{QStringLiteral("initialising")});
    QVERIFY(!query.contains(QStringLiteral("result")));
    QVERIFY(!query.contains(QStringLiteral("completedAt")));
}

void SandboxApiTest::asyncQueryWalksEveryStatusToSuccessful()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.asyncStepMs = 150; // long enough for a 10 ms poll to see every state
    START_SANDBOX(sandbox, options);
    PollLog log;
    runAsync(sandbox, onlineBp(),
             queryBody(QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 3")),
             &log);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(log.statuses, (QStringList{QStringLiteral("initialising"), QStringLiteral("queued"),
                                        QStringLiteral("executing"), QStringLiteral("uploading"),
                                        QStringLiteral("successful")}));

    // statusTiming grows one state at a time, in order, and never loses one.
    qsizetype previousStates = 0;
    for (const QJsonObject &snapshot : std::as_const(log.snapshots)) {
        CHECK_SHAPE(timingProblems(snapshot));
        const qsizetype states = snapshot.value(QStringLiteral("statusTiming")).toObject().size();
        QVERIFY(states >= previousStates);
        previousStates = states;
    }

    const QJsonObject last = log.last();
    const QJsonObject timing = last.value(QStringLiteral("statusTiming")).toObject();
    QCOMPARE(sortedKeys(timing),
             (QStringList{QStringLiteral("executing"), QStringLiteral("initialising"),
                          QStringLiteral("queued"), QStringLiteral("uploading")}));
    for (const QString &state : ApiShapes::timingStates())
        QVERIFY2(timing.value(state).toObject().contains(QStringLiteral("endTime")),
                 qPrintable(state));
    const QDateTime created = ApiShapes::dateTime(last.value(QStringLiteral("createdAt")));
    const QDateTime completed = ApiShapes::dateTime(last.value(QStringLiteral("completedAt")));
    QVERIFY(completed >= created);
    QVERIFY(ApiShapes::dateTime(last.value(QStringLiteral("updatedAt"))) >= created);

    const QJsonObject result = last.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rows")).toInt(), 3);
    const QJsonArray pages = result.value(QStringLiteral("pages")).toArray();
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.at(0)[QStringLiteral("pageNumber")].toInt(), 1);
    QCOMPARE(pages.at(0)[QStringLiteral("status")].toString(), QStringLiteral("cached"));
    QCOMPARE(pages.at(0)[QStringLiteral("rows")][QStringLiteral("count")].toInt(), 3);
}

void SandboxApiTest::successfulAsyncQueryCarriesResultSize()
{
    START_SANDBOX(sandbox, baseOptions());
    PollLog log;
    runAsync(sandbox, onlineBp(), queryBody(QStringLiteral("SELECT id FROM patients LIMIT 3")),
             &log);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject last = log.last();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    // AsyncQuerySuccessful lists resultSize as required (beside metrics and result).
    QVERIFY(ApiShapes::isInteger(last.value(QStringLiteral("resultSize"))));
}

void SandboxApiTest::asyncResultPagesReassembleEveryRowInOrder()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.pageBytes = 16 * 1024;
    START_SANDBOX(sandbox, options);
    const Sandbox::SampleSite &site = onlineBp();
    const int total = 5000;
    PollLog log;
    runAsync(sandbox, site,
             queryBody(QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                                      "FROM n WHERE x < %1) SELECT x, 'row ' || x AS label FROM n")
                           .arg(total)),
             &log);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject last = log.last();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    const QString id = last.value(QStringLiteral("id")).toString();
    const QJsonObject result = last.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rows")).toInt(), total);
    const QJsonArray pages = result.value(QStringLiteral("pages")).toArray();
    QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));

    // Every page status seen while uploading was one of the enum (checked by the shape), and
    // page statuses only move forward: queued -> uploading -> cached.
    for (const QJsonObject &snapshot : std::as_const(log.snapshots)) {
        int previousRank = 2;
        const QJsonArray seen =
            snapshot[QStringLiteral("result")][QStringLiteral("pages")].toArray();
        for (const QJsonValue &page : seen) {
            const int rank =
                int(ApiShapes::pageStatuses().indexOf(page[QStringLiteral("status")].toString()));
            QVERIFY2(rank <= previousRank, "a later page is further along than an earlier one");
            previousRank = rank;
        }
    }

    QList<int> values;
    qint64 expectedStart = -1;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QJsonObject page = pages.at(i).toObject();
        const int number = page.value(QStringLiteral("pageNumber")).toInt();
        QCOMPARE(number, int(i + 1));
        QCOMPARE(page.value(QStringLiteral("status")).toString(), QStringLiteral("cached"));
        const QJsonObject rowsInfo = page.value(QStringLiteral("rows")).toObject();

        const HttpResult fetched =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/%1").arg(number)));
        CHECK_STATUS(fetched, 200);
        CHECK_SHAPE(ApiShapes::resultPage(fetched.json(), false));

        // Size, Rows-Count, Rows-Range-Start, Rows-Range-End: integers matching the page entry.
        for (const char *name : {"Size", "Rows-Count", "Rows-Range-Start", "Rows-Range-End"}) {
            bool isNumber = false;
            fetched.header(name).toLongLong(&isNumber);
            QVERIFY2(isNumber, name);
        }
        QCOMPARE(fetched.header("Size").toLongLong(),
                 qint64(page.value(QStringLiteral("size")).toDouble()));
        QCOMPARE(fetched.header("Rows-Count").toLongLong(),
                 qint64(rowsInfo.value(QStringLiteral("count")).toDouble()));
        QCOMPARE(fetched.header("Rows-Range-Start").toLongLong(),
                 qint64(rowsInfo.value(QStringLiteral("rangeStart")).toDouble()));
        QCOMPARE(fetched.header("Rows-Range-End").toLongLong(),
                 qint64(rowsInfo.value(QStringLiteral("rangeEnd")).toDouble()));

        // Ranges are inclusive and follow on from each other (no assumption about the base).
        const qint64 start = fetched.header("Rows-Range-Start").toLongLong();
        const qint64 end = fetched.header("Rows-Range-End").toLongLong();
        const qint64 count = fetched.header("Rows-Count").toLongLong();
        QCOMPARE(end - start + 1, count);
        if (expectedStart >= 0)
            QCOMPARE(start, expectedStart);
        expectedStart = end + 1;

        QJsonArray rows;
        QString why;
        QVERIFY2(decodeRows(fetched.json().value(QStringLiteral("data")), &rows, &why),
                 qPrintable(why));
        QCOMPARE(qint64(rows.size()), count);
        for (const QJsonValue &row : std::as_const(rows)) {
            QCOMPARE(sortedKeys(row.toObject()),
                     (QStringList{QStringLiteral("label"), QStringLiteral("x")}));
            values.append(row[QStringLiteral("x")].toInt());
        }

        // The stream endpoint serves the same page's JSON content directly.
        const HttpResult streamed =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/%1/stream").arg(number)));
        CHECK_STATUS(streamed, 200);
        QVERIFY(streamed.header("Content-Type").startsWith("application/json"));
        QJsonArray streamedRows;
        QVERIFY2(parseRows(streamed.body, &streamedRows, &why), qPrintable(why));
        QCOMPARE(streamedRows, rows);
    }
    QCOMPARE(values.size(), total);
    for (int i = 0; i < total; ++i) {
        if (values.at(i) != i + 1)
            QFAIL(qPrintable(QStringLiteral("row %1 holds x = %2").arg(i).arg(values.at(i))));
    }
}

void SandboxApiTest::asyncNonQueryResultReportsRowsAffected()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site,
             queryBody(QStringLiteral("UPDATE patients SET notes = 'async run' WHERE id <= 4"),
                       QStringLiteral("nonQuery")),
             &log);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject last = log.last();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    const QJsonObject result = last.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rowsAffected")).toInt(), 4);
    QVERIFY(!result.contains(QStringLiteral("rows")));

    const HttpResult page = sandbox.api.get(
        queryPath(site, last.value(QStringLiteral("id")).toString(), QStringLiteral("/results/1")));
    CHECK_STATUS(page, 200);
    CHECK_SHAPE(ApiShapes::resultPage(page.json(), true));

    const HttpResult read = sandbox.api.post(
        sitePath(site, QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT COUNT(*) AS n FROM patients WHERE notes = 'async run'")));
    CHECK_STATUS(read, 200);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(read.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
             qPrintable(why));
    QCOMPARE(rows.at(0)[QStringLiteral("n")].toInt(), 4);
}

void SandboxApiTest::asyncResultPageNumberMustBeAPositiveInteger_data()
{
    QTest::addColumn<QString>("page");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("letters") << QStringLiteral("abc");
}

void SandboxApiTest::asyncResultPageNumberMustBeAPositiveInteger()
{
    QFETCH(QString, page);
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")), &log);
    if (QTest::currentTestFailed())
        return;
    const QString id = log.last().value(QStringLiteral("id")).toString();
    for (const QString &suffix : {QString(), QStringLiteral("/stream")}) {
        const HttpResult result =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/") + page + suffix));
        CHECK_STATUS(result, 400);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    }
}

void SandboxApiTest::asyncResultPageBeyondTheLastGets404()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")), &log);
    if (QTest::currentTestFailed())
        return;
    const QString id = log.last().value(QStringLiteral("id")).toString();
    const qsizetype pages =
        log.last()[QStringLiteral("result")][QStringLiteral("pages")].toArray().size();
    QCOMPARE(pages, 1);
    CHECK_STATUS(sandbox.api.get(queryPath(site, id, QStringLiteral("/results/1"))), 200);
    for (const QString &suffix : {QString(), QStringLiteral("/stream")}) {
        const HttpResult result =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/2") + suffix));
        CHECK_STATUS(result, 404);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
    }
    // Pages of an unknown query are not found either.
    CHECK_STATUS(sandbox.api.get(queryPath(site, randomUuid(), QStringLiteral("/results/1"))), 404);
}

void SandboxApiTest::asyncResultPageExpiresWith410()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.resultTtlSeconds = 1;
    START_SANDBOX(sandbox, options);
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")), &log);
    if (QTest::currentTestFailed())
        return;
    const QString page = queryPath(site, log.last().value(QStringLiteral("id")).toString(),
                                   QStringLiteral("/results/1"));
    CHECK_STATUS(sandbox.api.get(page), 200);

    QTRY_COMPARE_WITH_TIMEOUT(sandbox.api.get(page).status, 410, 5000);
    const HttpResult gone = sandbox.api.get(page);
    CHECK_STATUS(gone, 410);
    CHECK_SHAPE(ApiShapes::errorEnvelope(gone.json(), 410));
    const HttpResult goneStream = sandbox.api.get(page + QStringLiteral("/stream"));
    CHECK_STATUS(goneStream, 410);
    CHECK_SHAPE(ApiShapes::errorEnvelope(goneStream.json(), 410));
}

void SandboxApiTest::asyncSqlErrorEndsExecutionFailed()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT no_such_column FROM patients")), &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses.last(), QStringLiteral("executionFailed"));
    QVERIFY(!log.statuses.contains(QStringLiteral("uploading")));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QVERIFY(last.value(QStringLiteral("statusTiming"))
                .toObject()
                .contains(QStringLiteral("executing")));
    QVERIFY(!last.contains(QStringLiteral("result")));
    const QJsonObject details = last.value(QStringLiteral("errorDetails")).toObject();
    QCOMPARE(details.value(QStringLiteral("errorType")).toString(), QStringLiteral("mssql"));
    QVERIFY(!details.value(QStringLiteral("errorMessage")).toString().isEmpty());
    QCOMPARE(last.value(QStringLiteral("errorCode")), details.value(QStringLiteral("errorCode")));
    QCOMPARE(last.value(QStringLiteral("errorMessage")),
             details.value(QStringLiteral("errorMessage")));

    const HttpResult page = sandbox.api.get(
        queryPath(site, last.value(QStringLiteral("id")).toString(), QStringLiteral("/results/1")));
    CHECK_STATUS(page, 404);
}

void SandboxApiTest::asyncUploadFailureEndsUploadFailed()
{
    START_SANDBOX(sandbox, baseOptions());
    PollLog log;
    runAsync(
        sandbox, onlineBp(),
        queryBody(QStringLiteral("/* sandbox: upload-failed */ SELECT id FROM patients LIMIT 5")),
        &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses.last(), QStringLiteral("uploadFailed"));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QVERIFY(last.value(QStringLiteral("statusTiming"))
                .toObject()
                .contains(QStringLiteral("uploading")));
    QVERIFY(last.contains(QStringLiteral("errorCode")));
    QVERIFY(last.contains(QStringLiteral("errorMessage")));
    QVERIFY(last.contains(QStringLiteral("errorDetails")));
}

void SandboxApiTest::asyncShortMaxTimeInQueueEndsExpiredInQueue()
{
    START_SANDBOX(sandbox, baseOptions()); // 50 ms per state
    QJsonObject body = queryBody(QStringLiteral("SELECT id FROM patients LIMIT 5"));
    body.insert(QStringLiteral("maxTimeInQueue"), 10);
    PollLog log;
    runAsync(sandbox, onlineBp(), body, &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses.last(), QStringLiteral("expiredInQueue"));
    QVERIFY(!log.statuses.contains(QStringLiteral("executing")));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QCOMPARE(last.value(QStringLiteral("maxTimeInQueue")).toInt(), 10);
    const QJsonObject timing = last.value(QStringLiteral("statusTiming")).toObject();
    QVERIFY(timing.value(QStringLiteral("queued")).toObject().contains(QStringLiteral("endTime")));
    QVERIFY(!last.contains(QStringLiteral("result")));
}

void SandboxApiTest::asyncQueryOnUnreachableSiteEndsInitialisationFailedSiteUnreachable()
{
    START_SANDBOX(sandbox, baseOptions());
    PollLog log;
    runAsync(sandbox, sampleSite(Sandbox::SiteScenario::Unreachable, "Zedmed"),
             queryBody(QStringLiteral("SELECT id FROM patients LIMIT 5")), &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses, (QStringList{QStringLiteral("initialising"),
                                        QStringLiteral("initialisationFailedSiteUnreachable")}));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QCOMPARE(sortedKeys(last.value(QStringLiteral("statusTiming")).toObject()),
             QStringList{QStringLiteral("initialising")});
    QVERIFY(last.contains(QStringLiteral("completedAt")));
}

void SandboxApiTest::asyncQueryIsRefusedBySiteState_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<int>("status");
    QTest::newRow("non-authoritative: 403")
        << sampleSite(Sandbox::SiteScenario::NonAuthoritative).guid << 403;
    QTest::newRow("unpaired: 403") << sampleSite(Sandbox::SiteScenario::Unpaired).guid << 403;
    QTest::newRow("offline: 503") << sampleSite(Sandbox::SiteScenario::Offline).guid << 503;
}

void SandboxApiTest::asyncQueryIsRefusedBySiteState()
{
    QFETCH(QString, guid);
    QFETCH(int, status);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.post(
        QStringLiteral("/integrator/sites/") + guid + QStringLiteral("/queries/async"),
        queryBody(QStringLiteral("SELECT id FROM patients LIMIT 1")));
    CHECK_STATUS(result, status);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), status));
}

void SandboxApiTest::asyncInvalidRequestGets400Envelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no command") << QByteArray(R"({"maxTimeInQueue":1000})");
    QTest::newRow("no command.text") << QByteArray(R"({"command":{}})");
    QTest::newRow("executionMode not in enum")
        << QByteArray(R"({"command":{"text":"SELECT 1","executionMode":"stream"}})");
    QTest::newRow("maxTimeInQueue above 7200000")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":7200001})");
    QTest::newRow("maxTimeInQueue below 0")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":-5})");
    QTest::newRow("unknown catalogue")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"catalogue":"NoSuchDb"})");
}

void SandboxApiTest::asyncInvalidRequestGets400Envelope()
{
    QFETCH(QByteArray, body);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.postBytes(sitePath(onlineBp(), QStringLiteral("/queries/async")), body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxApiTest::batchStatusReportsFoundAndNotFound()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.asyncStepMs = 60000; // the query stays initialising whatever the machine's load
    START_SANDBOX(sandbox, options);
    const Sandbox::SampleSite &site = onlineBp();
    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/async")),
                         queryBody(QStringLiteral("SELECT id FROM patients LIMIT 3")));
    CHECK_STATUS(created, 201);
    const QString known = created.json().value(QStringLiteral("id")).toString();
    const QString unknown = randomUuid();

    const HttpResult batch =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/status")),
                         QJsonObject{{QStringLiteral("queryIds"), QJsonArray{known, unknown}}});
    CHECK_STATUS(batch, 200);
    CHECK_SHAPE(ApiShapes::batchStatus(batch.json()));
    const QJsonArray results = batch.json().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0)[QStringLiteral("queryId")].toString(), known);
    QCOMPARE(results.at(0)[QStringLiteral("status")].toString(), QStringLiteral("found"));
    QCOMPARE(results.at(0)[QStringLiteral("query")][QStringLiteral("id")].toString(), known);
    QCOMPARE(results.at(0)[QStringLiteral("query")][QStringLiteral("status")].toString(),
             QStringLiteral("initialising"));
    QCOMPARE(results.at(1)[QStringLiteral("queryId")].toString(), unknown);
    QCOMPARE(results.at(1)[QStringLiteral("status")].toString(), QStringLiteral("notFound"));

    // A query of another site is not found through this one.
    const Sandbox::SampleSite &other = sampleSite(Sandbox::SiteScenario::Online, "D4w");
    const HttpResult elsewhere =
        sandbox.api.post(sitePath(other, QStringLiteral("/queries/status")),
                         QJsonObject{{QStringLiteral("queryIds"), QJsonArray{known}}});
    CHECK_STATUS(elsewhere, 200);
    QCOMPARE(elsewhere.json()[QStringLiteral("results")][0][QStringLiteral("status")].toString(),
             QStringLiteral("notFound"));
}

void SandboxApiTest::batchStatusWithoutQueryIdsGets400()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString path = sitePath(onlineBp(), QStringLiteral("/queries/status"));
    for (const QByteArray &body :
         {QByteArray("{}"), QByteArray(R"({"queryIds":"abc"})"), QByteArray("not json")}) {
        const HttpResult result = sandbox.api.postBytes(path, body);
        CHECK_STATUS(result, 400);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    }
}

// ============================================================================================
// Registered queries

namespace {

QJsonObject registeredBody(
    const QString &sql = QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 4"))
{
    return {{QStringLiteral("name"), QStringLiteral("Conformance patients")},
            {QStringLiteral("registeredQueryType"), QStringLiteral("query")},
            {QStringLiteral("frequency"), 300},
            {QStringLiteral("duration"), 3600},
            {QStringLiteral("registerCommand"),
             QJsonObject{{QStringLiteral("command"),
                          QJsonObject{{QStringLiteral("text"), sql},
                                      {QStringLiteral("executionMode"), QStringLiteral("reader")},
                                      {QStringLiteral("type"), QStringLiteral("text")},
                                      {QStringLiteral("parameters"), QJsonArray()}}}}}};
}

} // namespace

void SandboxApiTest::registeredQueryLifecycleCreateListReadResultsCancel()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const QString base = sitePath(site, QStringLiteral("/queries/registered"));

    const HttpResult created = sandbox.api.post(base, registeredBody());
    CHECK_STATUS(created, 202);
    QCOMPARE(sortedKeys(created.json()), QStringList{QStringLiteral("id")});
    const QString id = created.json().value(QStringLiteral("id")).toString();
    QVERIFY2(ApiShapes::isUuid(id), qPrintable(id));

    const HttpResult list = sandbox.api.get(base);
    CHECK_STATUS(list, 200);
    QCOMPARE(sortedKeys(list.json()), QStringList{QStringLiteral("registeredQueries")});
    const QJsonArray queries = list.json().value(QStringLiteral("registeredQueries")).toArray();
    bool listed = false;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        CHECK_SHAPE(ApiShapes::registeredQuery(queries.at(i),
                                               QStringLiteral("registeredQueries[%1]").arg(i)));
        listed = listed || queries.at(i)[QStringLiteral("id")].toString() == id;
    }
    QVERIFY(listed);

    const HttpResult details = sandbox.api.get(base + QLatin1Char('/') + id);
    CHECK_STATUS(details, 200);
    CHECK_SHAPE(ApiShapes::registeredQuery(details.json()));
    const QJsonObject query = details.json();
    QCOMPARE(query.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(query.value(QStringLiteral("name")).toString(),
             QStringLiteral("Conformance patients"));
    QCOMPARE(query.value(QStringLiteral("status")).toString(), QStringLiteral("enabled"));
    QCOMPARE(query.value(QStringLiteral("frequency")).toInt(), 300);
    QCOMPARE(query.value(QStringLiteral("duration")).toInt(), 3600);
    QVERIFY(!query.contains(QStringLiteral("completedAt")));

    const HttpResult results =
        sandbox.api.get(base + QLatin1Char('/') + id + QStringLiteral("/results"));
    CHECK_STATUS(results, 200);
    CHECK_SHAPE(ApiShapes::registeredQueryResult(results.json()));
    QCOMPARE(results.json().value(QStringLiteral("rows")).toInt(), 4);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(results.json().value(QStringLiteral("data")), &rows, &why),
             qPrintable(why));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(sortedKeys(rows.at(0).toObject()),
             (QStringList{QStringLiteral("id"), QStringLiteral("surname")}));

    const HttpResult cancelled = sandbox.api.del(base + QLatin1Char('/') + id);
    CHECK_STATUS(cancelled, 204);
    QVERIFY2(cancelled.body.isEmpty(), cancelled.body.constData());

    const HttpResult after = sandbox.api.get(base + QLatin1Char('/') + id);
    CHECK_STATUS(after, 200);
    CHECK_SHAPE(ApiShapes::registeredQuery(after.json()));
    QCOMPARE(after.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QVERIFY(after.json().contains(QStringLiteral("completedAt")));
}

void SandboxApiTest::registeredQueryCreationValidatesEveryField_data()
{
    QTest::addColumn<QJsonObject>("body");
    const QJsonObject valid = registeredBody();
    const auto with = [&valid](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    const auto withCommand = [&valid](const QJsonObject &command) {
        QJsonObject body = valid;
        body.insert(QStringLiteral("registerCommand"),
                    QJsonObject{{QStringLiteral("command"), command}});
        return body;
    };
    QTest::newRow("frequency below 60") << with(QStringLiteral("frequency"), 59);
    QTest::newRow("frequency not whole") << with(QStringLiteral("frequency"), 90.5);
    QTest::newRow("frequency missing") << with(QStringLiteral("frequency"), QJsonValue::Undefined);
    QTest::newRow("frequency a string") << with(QStringLiteral("frequency"), QStringLiteral("300"));
    QTest::newRow("duration zero") << with(QStringLiteral("duration"), 0);
    QTest::newRow("duration above 86400") << with(QStringLiteral("duration"), 86401);
    QTest::newRow("duration missing") << with(QStringLiteral("duration"), QJsonValue::Undefined);
    QTest::newRow("name missing") << with(QStringLiteral("name"), QJsonValue::Undefined);
    QTest::newRow("name empty") << with(QStringLiteral("name"), QString());
    QTest::newRow("registeredQueryType not query")
        << with(QStringLiteral("registeredQueryType"), QStringLiteral("report"));
    QTest::newRow("registeredQueryType missing")
        << with(QStringLiteral("registeredQueryType"), QJsonValue::Undefined);
    QTest::newRow("registerCommand missing")
        << with(QStringLiteral("registerCommand"), QJsonValue::Undefined);
    QTest::newRow("command.text missing")
        << withCommand({{QStringLiteral("executionMode"), QStringLiteral("reader")}});
    QTest::newRow("command.text empty") << withCommand({{QStringLiteral("text"), QString()}});
    QTest::newRow("executionMode not in enum")
        << withCommand({{QStringLiteral("text"), QStringLiteral("SELECT 1")},
                        {QStringLiteral("executionMode"), QStringLiteral("all")}});
}

void SandboxApiTest::registeredQueryCreationValidatesEveryField()
{
    QFETCH(QJsonObject, body);
    START_SANDBOX(sandbox, baseOptions());
    const QString base = sitePath(onlineBp(), QStringLiteral("/queries/registered"));
    const HttpResult result = sandbox.api.post(base, body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    // Nothing was registered.
    const HttpResult list = sandbox.api.get(base);
    CHECK_STATUS(list, 200);
    QVERIFY(list.json().value(QStringLiteral("registeredQueries")).toArray().isEmpty());
}

void SandboxApiTest::registeredQueryAtTheDescribedLimitsIsAccepted()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString base = sitePath(onlineBp(), QStringLiteral("/queries/registered"));
    const QList<QPair<int, int>> limits = {{60, 86400}, {60, 1}, {86400, 86400}};
    for (const auto &[frequency, duration] : limits) {
        QJsonObject body = registeredBody();
        body.insert(QStringLiteral("frequency"), frequency);
        body.insert(QStringLiteral("duration"), duration);
        const HttpResult created = sandbox.api.post(base, body);
        CHECK_STATUS(created, 202);
        const HttpResult details = sandbox.api.get(
            base + QLatin1Char('/') + created.json().value(QStringLiteral("id")).toString());
        CHECK_STATUS(details, 200);
        CHECK_SHAPE(ApiShapes::registeredQuery(details.json()));
        QCOMPARE(details.json().value(QStringLiteral("frequency")).toInt(), frequency);
        QCOMPARE(details.json().value(QStringLiteral("duration")).toInt(), duration);
    }
    const HttpResult list = sandbox.api.get(base);
    CHECK_STATUS(list, 200);
    QCOMPARE(list.json().value(QStringLiteral("registeredQueries")).toArray().size(),
             limits.size());
}

void SandboxApiTest::registeredQueryUnknownIdGets404_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("details") << QByteArray("GET") << QString();
    QTest::newRow("results") << QByteArray("GET") << QStringLiteral("/results");
    QTest::newRow("cancel") << QByteArray("DELETE") << QString();
}

void SandboxApiTest::registeredQueryUnknownIdGets404()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, suffix);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.send(
        verb, sitePath(onlineBp(), QStringLiteral("/queries/registered/") + randomUuid() + suffix));
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxApiTest::registeredQueryWithFailingSqlReportsLastErrorDetails()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString base = sitePath(onlineBp(), QStringLiteral("/queries/registered"));
    const HttpResult created =
        sandbox.api.post(base, registeredBody(QStringLiteral("SELECT nope FROM nowhere")));
    CHECK_STATUS(created, 202);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const HttpResult details = sandbox.api.get(base + QLatin1Char('/') + id);
    CHECK_STATUS(details, 200);
    CHECK_SHAPE(ApiShapes::registeredQuery(details.json()));
    QVERIFY(details.json().contains(QStringLiteral("lastErrorDetails")));
    QCOMPARE(
        details.json()[QStringLiteral("lastErrorDetails")][QStringLiteral("errorType")].toString(),
        QStringLiteral("mssql"));
}

// ============================================================================================
// FHIR

namespace {

QString fhirPath(const Sandbox::SampleSite &site, const QString &rest)
{
    return sitePath(site, QStringLiteral("/fhir/R4/") + rest);
}

QString linkUrl(const QJsonObject &bundle, const QString &relation)
{
    for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link[QStringLiteral("relation")].toString() == relation)
            return link[QStringLiteral("url")].toString();
    }
    return QString();
}

bool isFhirJson(const HttpResult &result)
{
    const QByteArray type = result.header("Content-Type");
    return type.startsWith("application/fhir+json") || type.startsWith("application/json");
}

} // namespace

void SandboxApiTest::fhirMetadataReturnsCapabilityStatement()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("metadata")));
    CHECK_STATUS(result, 200);
    QVERIFY2(isFhirJson(result), result.header("Content-Type").constData());
    CHECK_SHAPE(ApiShapes::capabilityStatement(result.json()));
    bool hasPatient = false;
    for (const QJsonValue &resource :
         result.json()[QStringLiteral("rest")][0][QStringLiteral("resource")].toArray())
        hasPatient =
            hasPatient || resource[QStringLiteral("type")].toString() == QLatin1String("Patient");
    QVERIFY(hasPatient);
}

void SandboxApiTest::fhirPatientSearchReturnsSearchsetBundle()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(result, 200);
    QVERIFY2(isFhirJson(result), result.header("Content-Type").constData());
    const QJsonObject bundle = result.json();
    CHECK_SHAPE(ApiShapes::searchsetBundle(bundle));
    QVERIFY(bundle.value(QStringLiteral("total")).toInt() > 0);
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QVERIFY(!entries.isEmpty());
    for (const QJsonValue &entry : entries) {
        const QJsonObject patient = entry[QStringLiteral("resource")].toObject();
        QCOMPARE(patient.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Patient"));
        bool matches = false;
        for (const QJsonValue &name : patient.value(QStringLiteral("name")).toArray())
            matches = matches || name[QStringLiteral("family")].toString().startsWith(
                                     QLatin1String("Smith"), Qt::CaseInsensitive);
        QVERIFY2(matches, qPrintable(QString::fromUtf8(QJsonDocument(patient).toJson())));
    }
}

void SandboxApiTest::fhirPostSearchMatchesGetAndKeepsSearchValuesOutOfLinks()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult get =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(get, 200);
    const HttpResult post =
        sandbox.api.postBytes(fhirPath(onlineBp(), QStringLiteral("Patient/_search")),
                              "family=Smith", "application/x-www-form-urlencoded");
    CHECK_STATUS(post, 200);
    CHECK_SHAPE(ApiShapes::searchsetBundle(post.json()));
    QCOMPARE(post.json().value(QStringLiteral("total")).toInt(),
             get.json().value(QStringLiteral("total")).toInt());
    const QJsonArray links = post.json().value(QStringLiteral("link")).toArray();
    QVERIFY(!links.isEmpty());
    for (const QJsonValue &link : links) {
        const QString url = link[QStringLiteral("url")].toString();
        QVERIFY2(!url.contains(QLatin1String("smith"), Qt::CaseInsensitive), qPrintable(url));
        QVERIFY2(!url.contains(QLatin1String("family"), Qt::CaseInsensitive), qPrintable(url));
    }
}

void SandboxApiTest::fhirNextLinksVisitEveryEntryExactlyOnce()
{
    START_SANDBOX(sandbox, baseOptions());
    HttpResult page =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith&_count=2")));
    CHECK_STATUS(page, 200);
    const int total = page.json().value(QStringLiteral("total")).toInt();
    QVERIFY2(total > 2, "needs more than one page of Smiths");

    QStringList seen;
    int pages = 0;
    while (true) {
        ++pages;
        QVERIFY(pages <= total); // no endless loop
        const QJsonObject bundle = page.json();
        CHECK_SHAPE(ApiShapes::searchsetBundle(bundle));
        QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), total);
        const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        QVERIFY(entries.size() <= 2);
        for (const QJsonValue &entry : entries)
            seen.append(entry[QStringLiteral("fullUrl")].toString());
        const QString next = linkUrl(bundle, QStringLiteral("next"));
        if (next.isEmpty())
            break;
        // Absolute, and on this sandbox.
        QVERIFY2(next.startsWith(sandbox.api.base() + QLatin1Char('/')), qPrintable(next));
        page = sandbox.api.get(next);
        CHECK_STATUS(page, 200);
    }
    QCOMPARE(int(seen.size()), total);
    QCOMPARE(int(QSet<QString>(seen.cbegin(), seen.cend()).size()), total);
    QCOMPARE(pages, (total + 1) / 2);
}

void SandboxApiTest::fhirUnknownSearchParameterGets400OperationOutcome()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?favouriteColour=blue")));
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
}

void SandboxApiTest::fhirUnknownResourceGets404OperationOutcome()
{
    START_SANDBOX(sandbox, baseOptions());
    for (const QString &rest : {QStringLiteral("Spaceship"), QStringLiteral("Spaceship?name=x"),
                                QStringLiteral("Spaceship/1")}) {
        const HttpResult result = sandbox.api.get(fhirPath(onlineBp(), rest));
        CHECK_STATUS(result, 404);
        CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
    }
}

void SandboxApiTest::fhirOnZedmedSiteGetsOperationOutcome()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &zedmed = sampleSite(Sandbox::SiteScenario::Online, "Zedmed");
    for (const QString &rest :
         {QStringLiteral("metadata"), QStringLiteral("Patient?family=Smith")}) {
        const HttpResult result = sandbox.api.get(fhirPath(zedmed, rest));
        QVERIFY2(result.status >= 400 && result.status < 500,
                 qPrintable(QString::number(result.status)));
        CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
    }
}

void SandboxApiTest::fhirOnOfflineSiteGets503()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(fhirPath(sampleSite(Sandbox::SiteScenario::Offline),
                                                       QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(result, 503);
    // The description allows an OperationOutcome or the general error here.
    if (result.json().contains(QStringLiteral("resourceType")))
        CHECK_SHAPE(ApiShapes::operationOutcome(result.json()));
    else
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 503));
}

void SandboxApiTest::fhirOnNonAuthoritativeSiteGets403()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(
        fhirPath(sampleSite(Sandbox::SiteScenario::NonAuthoritative), QStringLiteral("metadata")));
    CHECK_STATUS(result, 403);
    QVERIFY(result.isJsonObject());
}

void SandboxApiTest::fhirDefaultPageSizeFollowsOptions()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.fhirPageSize = 2;
    START_SANDBOX(sandbox, options);
    const HttpResult result =
        sandbox.api.get(fhirPath(onlineBp(), QStringLiteral("Patient?family=Smith")));
    CHECK_STATUS(result, 200);
    QVERIFY(result.json().value(QStringLiteral("total")).toInt() > 2);
    QCOMPARE(result.json().value(QStringLiteral("entry")).toArray().size(), 2);
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
