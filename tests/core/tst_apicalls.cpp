// The typed calls (api/*Calls.h), one per Integrator API endpoint, against a real sandbox on
// loopback: each call's typed value is compared with what the test reads from the raw body
// itself (QJsonDocument and a base64 decode, not the app's parsers). Answers the sandbox cannot
// give (an HTML page, the wrong shape, an empty id) come from a tiny canned HTTP server here:
// each must finish as an error, never as an empty success. Large answers are read on a worker;
// cancelling or deleting a call while it reads is safe.
#include "ClientCalls.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxServer.h"
#include "api/FhirCalls.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "api/RegisteredCalls.h"
#include "api/SiteCalls.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>
#include <QUuid>
#include <QtTest>

#include <memory>

using Halo::ApiCall;
using Halo::ApiError;
using Kind = Halo::ApiError::Kind;
using Sandbox::SiteScenario;

namespace {

const QString kKey = QStringLiteral("apicalls-test-key-93be10f4a6c2");
const QString kGuid = QStringLiteral("0d3c6a52-9f1e-4b7a-8c2d-5e6f7a8b9c0d");

Sandbox::SandboxOptions sandboxOptions()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    options.asyncStepMs = 20;
    options.pageBytes = 2 * 1024;
    return options;
}

const Sandbox::SampleSite &sampleSite(SiteScenario scenario, const QString &pmsType = QString())
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario && (pmsType.isEmpty() || site.pmsType == pmsType))
            return site;
    }
    qFatal("no sample site plays scenario %s", qPrintable(Sandbox::scenarioName(scenario)));
}

const Sandbox::SampleSite &onlineBp()
{
    return sampleSite(SiteScenario::Online, QStringLiteral("BestPractice"));
}

Halo::QueryCommand sql(const QString &text)
{
    Halo::QueryCommand command;
    command.text = text;
    return command;
}

// Waits for a call and keeps it, typed as it was given.
template <typename Call> std::unique_ptr<Call> awaitCall(Call *call, int timeoutMs = kCallTimeoutMs)
{
    await(call, timeoutMs).release();
    return std::unique_ptr<Call>(call);
}

// ---- The test's own reading of bodies ----

QJsonObject objectOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// What a base64 `data` holds: the sandbox writes a JSON array of row objects.
QJsonArray rowsOfData(const QString &base64)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(base64.toLatin1())).array();
}

// Where a decoded table differs from rows read here (cell by cell, by column name); empty when
// it does not. Integers and text only: what the queries of these tests select.
QString tableDifference(const Halo::ResultTable &table, const QJsonArray &rows)
{
    if (table.rowCount() != rows.size())
        return QStringLiteral("%1 rows decoded, %2 in the body")
            .arg(table.rowCount())
            .arg(rows.size());
    if (rows.isEmpty())
        return QString();
    QStringList bodyColumns = rows.first().toObject().keys();
    QStringList columns = table.columns();
    bodyColumns.sort();
    columns.sort();
    if (columns != bodyColumns)
        return QStringLiteral("columns %1, in the body %2")
            .arg(columns.join(QLatin1Char(',')), bodyColumns.join(QLatin1Char(',')));
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject expected = rows.at(row).toObject();
        for (int column = 0; column < table.columnCount(); ++column) {
            const QJsonValue value = expected.value(table.columns().at(column));
            const Halo::ResultCell cell = table.cell(row, column);
            const bool same = value.isDouble() ? cell.toInteger() == value.toInteger()
                              : value.isNull() ? cell.isNull()
                                               : cell.text() == value.toString();
            if (!same)
                return QStringLiteral("row %1 column %2: %3, in the body %4")
                    .arg(row)
                    .arg(table.columns().at(column), cell.toDisplayString(),
                         value.toVariant().toString());
        }
    }
    return QString();
}

#define COMPARE_TABLE(table, rows)                                                                 \
    do {                                                                                           \
        const QString difference = tableDifference((table), (rows));                               \
        QVERIFY2(difference.isEmpty(), qPrintable(difference));                                    \
    } while (false)

// ---- A server that gives one canned answer to every request ----

class CannedServer : public QObject
{
public:
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    void answer(int status, const QByteArray &body,
                const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        m_response = "HTTP/1.1 " + QByteArray::number(status) +
                     " Canned\r\nContent-Type: " + contentType +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\nConnection: close\r\n\r\n" + body;
    }
    int requests = 0;

    CannedServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this,
                        [this, socket]() { onReadyRead(socket); });
            }
        });
    }

private:
    // Answers once the request (headers and Content-Length bytes of body) is in.
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &request = m_pending[socket];
        request += socket->readAll();
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : request.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < headerEnd + 4 + length)
            return;
        m_pending.remove(socket);
        ++requests;
        socket->write(m_response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_response;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

struct CannedRig {
    CannedRig()
    {
        listening = server.listen();
        client.setEndpoint({Halo::Environment::Custom, server.baseUrl()});
        client.setSubscriptionKey(kKey);
    }
    CannedServer server;
    Halo::HaloApiClient client;
    bool listening = false;
};

#define START_CANNED(name)                                                                         \
    CannedRig name;                                                                                \
    QVERIFY(name.listening)

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

// An immediate answer of about `base64Bytes` of data: rows {id, surname, first_name}.
QByteArray largeImmediateBody(qsizetype base64Bytes, int *rowCount)
{
    QByteArray rows = "[";
    int count = 0;
    while (rows.size() * 4 / 3 < base64Bytes) {
        if (count > 0)
            rows += ',';
        rows += "{\"id\":" + QByteArray::number(count) + ",\"surname\":\"Surname " +
                QByteArray::number(count) + "\",\"first_name\":\"A first name, padded to length " +
                QByteArray::number(count % 97) + "\"}";
        ++count;
    }
    rows += ']';
    *rowCount = count;
    return "{\"id\":\"" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
           "\",\"siteId\":\"" + kGuid.toLatin1() +
           "\",\"mode\":\"immediate\",\"status\":\"successful\",\"result\":{\"rows\":" +
           QByteArray::number(count) + ",\"size\":" + QByteArray::number(rows.size()) +
           ",\"data\":\"" + rows.toBase64() + "\"}}";
}

} // namespace

class TestApiCalls : public QObject
{
    Q_OBJECT

private slots:
    // Each endpoint's typed value, against the body read here
    void findSitesGivesEverySiteOfTheBody();
    void siteStatusGivesTheSiteOfTheBody();
    void pairSiteGivesThePairedSite();
    void immediateQueryGivesItsInfoAndTheRowsOfItsData();
    void failedImmediateQueryKeepsItsInfoFromTheErrorAnswer();
    void asyncCallsGiveTheQueryItsBatchStatusAndItsPages();
    void registeredCallsGiveTheirAnswers();
    void fhirCallGivesBundlesResourcesAndOutcomes();
    void refusedFhirLinkIsATypedCallThatSendsNothing();

    // Broken answers are errors
    void brokenAnswerIsAnError_data();
    void brokenAnswerIsAnError();
    void notJsonShowsOnlyPrintableCharactersAndNeverTheKey();
    void streamPageIsReadBareOrInItsEnvelope();

    // Reading off the calling thread
    void largeAnswerIsReadOnAWorker();
    void cancelWhileReadingFinishesCancelledAndDropsTheAnswer();
    void deleteWhileReadingIsSafe();
};

// --------------------------------------------------------------------------------------------
// Each endpoint

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

// --------------------------------------------------------------------------------------------
// Broken answers

void TestApiCalls::brokenAnswerIsAnError_data()
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

void TestApiCalls::brokenAnswerIsAnError()
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

void TestApiCalls::notJsonShowsOnlyPrintableCharactersAndNeverTheKey()
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

void TestApiCalls::streamPageIsReadBareOrInItsEnvelope()
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

// --------------------------------------------------------------------------------------------
// Reading off the calling thread

void TestApiCalls::largeAnswerIsReadOnAWorker()
{
    START_CANNED(canned);
    int rowCount = 0;
    canned.server.answer(200, largeImmediateBody(8 * 1000 * 1000, &rowCount));
    Halo::ImmediateQueryCall *sent =
        canned.client.runImmediate(kGuid, sql(QStringLiteral("SELECT")));
    QSignalSpy reading(sent, &ApiCall::readingAnswer);
    QSignalSpy finished(sent, &ApiCall::finished);
    int workersAtReading = -1;
    bool finishedAtReading = true;
    connect(sent, &ApiCall::readingAnswer, sent, [&]() {
        workersAtReading = QThreadPool::globalInstance()->activeThreadCount();
        finishedAtReading = sent->isFinished();
    });
    const auto call = awaitCall(sent, 60000);
    VERIFY_OK(call);
    QCOMPARE(reading.size(), 1);
    QVERIFY(reading.first().first().toLongLong() > 8 * 1000 * 1000);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(!finishedAtReading, "finished() comes after the read, not before");
    QVERIFY2(workersAtReading >= 1, "the answer is read by a worker");
    QCOMPARE(call->result().table.rowCount(), rowCount);
    QCOMPARE(call->result().table.cell(rowCount - 1, 0).toInteger(), rowCount - 1);
    QCOMPARE(call->info().rows.value_or(-1), rowCount);
}

void TestApiCalls::cancelWhileReadingFinishesCancelledAndDropsTheAnswer()
{
    START_CANNED(canned);
    int rowCount = 0;
    canned.server.answer(200, largeImmediateBody(8 * 1000 * 1000, &rowCount));
    Halo::ImmediateQueryCall *sent =
        canned.client.runImmediate(kGuid, sql(QStringLiteral("SELECT")));
    QSignalSpy finished(sent, &ApiCall::finished);
    bool cancelledWhileReading = false;
    connect(sent, &ApiCall::readingAnswer, sent, [&]() {
        cancelledWhileReading = QThreadPool::globalInstance()->activeThreadCount() >= 1;
        sent->cancel();
    });
    const auto call = awaitCall(sent, 60000);
    VERIFY_FINISHED(call);
    QVERIFY(cancelledWhileReading);
    QCOMPARE(call->error().kind, Kind::Cancelled);
    QCOMPARE(finished.size(), 1);

    // The worker ends later; what it read is dropped and nothing more is said.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(call->error().kind, Kind::Cancelled);
    QCOMPARE(call->result().table.rowCount(), 0);
    QVERIFY(call->info().id.isEmpty());
}

void TestApiCalls::deleteWhileReadingIsSafe()
{
    START_CANNED(canned);
    int rowCount = 0;
    canned.server.answer(200, largeImmediateBody(8 * 1000 * 1000, &rowCount));
    QPointer<Halo::ImmediateQueryCall> call =
        canned.client.runImmediate(kGuid, sql(QStringLiteral("SELECT")));
    call->setAutoDelete(false);
    QSignalSpy reading(call.data(), &ApiCall::readingAnswer);
    QVERIFY(reading.wait(kCallTimeoutMs));
    QVERIFY2(!call->isFinished(), "still reading");
    QVERIFY(QThreadPool::globalInstance()->activeThreadCount() >= 1);
    delete call.data(); // under ASan, a worker writing into the call would show here

    QVERIFY(call.isNull());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // The client carries on: the next call is read as usual.
    canned.server.answer(200, R"({"sites":[]})");
    const auto next =
        awaitCall(canned.client.findSites(QStringLiteral("1"), QStringLiteral("Zedmed")));
    VERIFY_OK(next);
}

QTEST_GUILESS_MAIN(TestApiCalls)
#include "tst_apicalls.moc"
