// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sandbox's HTTP conformance tests (tests/sandbox/tst_sandboxapi*.cpp): a real SandboxServer
// on loopback, spoken to with a real QNetworkAccessManager in the same thread, and the requests
// and checks those tests share. Expectations come from the Integrator OpenAPI description
// (ApiShapes.h), never from sandbox code.
#include "ApiShapesQueries.h"
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

inline const QString kKey = QStringLiteral("conformance-key-0123456789abcdef");
inline constexpr int kRequestTimeoutMs = 15000;

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

inline Sandbox::SandboxOptions baseOptions()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    options.asyncStepMs = 50;
    return options;
}

// --------------------------------------------------------------------------------------------
// Sample practices and requests

inline const Sandbox::SampleSite &sampleSite(Sandbox::SiteScenario scenario,
                                             const char *pmsType = "BestPractice")
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario && site.pmsType == QLatin1String(pmsType))
            return site;
    }
    qFatal("no sample site for scenario %d and PMS %s", int(scenario), pmsType);
}

inline const Sandbox::SampleSite &onlineBp()
{
    return sampleSite(Sandbox::SiteScenario::Online);
}

inline QString sitePath(const Sandbox::SampleSite &site, const QString &rest = QString())
{
    return QStringLiteral("/integrator/sites/") + site.guid + rest;
}

inline QString queryPath(const Sandbox::SampleSite &site, const QString &queryId,
                         const QString &rest = QString())
{
    return sitePath(site, QStringLiteral("/queries/") + queryId + rest);
}

inline QString fhirPath(const Sandbox::SampleSite &site, const QString &rest)
{
    return sitePath(site, QStringLiteral("/fhir/R4/") + rest);
}

inline QString pmsQuery(const QString &pmsId, const QString &pmsName)
{
    return QStringLiteral("?practiceManagementSiteId=%1&practiceManagementName=%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(pmsId)),
             QString::fromLatin1(QUrl::toPercentEncoding(pmsName)));
}

inline QJsonObject queryBody(const QString &sql, const QString &mode = QStringLiteral("reader"),
                             const QJsonArray &parameters = QJsonArray())
{
    QJsonObject command{{QStringLiteral("text"), sql},
                        {QStringLiteral("executionMode"), mode},
                        {QStringLiteral("type"), QStringLiteral("text")}};
    if (!parameters.isEmpty())
        command.insert(QStringLiteral("parameters"), parameters);
    return {{QStringLiteral("command"), command}};
}

inline QString randomUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// `data` decoded: base64 of a JSON array of row objects (the sandbox's documented assumption,
// REFERENCE §2.7). Returns false with a reason when it is anything else.
inline bool parseRows(const QByteArray &json, QJsonArray *rows, QString *why)
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

inline bool decodeRows(const QJsonValue &data, QJsonArray *rows, QString *why)
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

inline QStringList sortedKeys(const QJsonObject &object)
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
inline void pollUntilTerminal(Api &api, const QString &path, PollLog *log, int timeoutMs = 10000)
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
inline QStringList timingProblems(const QJsonObject &query)
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
