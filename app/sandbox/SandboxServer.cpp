// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxServer.h"

#include "HttpCompat.h"
#include "IntegratorApi.h"
#include "SampleDatabase.h"
#include "SampleSites.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>
#include <deque>
#include <memory>

namespace Sandbox {

namespace {

QString generateKey()
{
    // 32 lower-case hex digits, the shape of a real subscription key.
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

struct SandboxServer::Private {
    explicit Private(const SandboxOptions &o)
        : options(o)
        , api(o)
    {
        if (options.key.isEmpty())
            options.key = generateKey();
    }

    SandboxOptions options;
    IntegratorApi api;
    QHttpServer http;
    QTcpServer *tcp = nullptr;
    QString error;
    std::deque<qint64> recentRequests; // ms timestamps, for the rate limit

    // Returns seconds to wait when the request exceeds the rate limit, else 0.
    qint64 rateLimitWait()
    {
        if (options.rateLimitRequests <= 0)
            return 0;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 window = qint64(options.rateLimitWindowSeconds) * 1000;
        while (!recentRequests.empty() && recentRequests.front() <= now - window)
            recentRequests.pop_front();
        if (qsizetype(recentRequests.size()) < options.rateLimitRequests) {
            recentRequests.push_back(now);
            return 0;
        }
        return std::max<qint64>(1, (recentRequests.front() + window - now + 999) / 1000);
    }

    // The injected fault for this path, consuming one use of it; nullptr when none applies.
    const FaultRule *takeFault(const QString &path)
    {
        for (FaultRule &rule : options.faults) {
            if (rule.remaining == 0 || !path.contains(rule.pathPart))
                continue;
            if (rule.remaining > 0)
                --rule.remaining;
            return &rule;
        }
        return nullptr;
    }
};

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(options))
{
    installCatchAllHandler(
        d->http, this, [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            const QString path = request.url().path();
            const QString method = QString::fromLatin1(methodName(request));
            emit requestReceived(method, path);
            auto finish = [this, method, path](QHttpServerResponder &r, const ApiReply &reply) {
                sendResponse(r, reply.status, reply.body, reply.contentType, reply.headers);
                emit requestHandled(method, path, reply.status);
            };

            // Like Azure API Management in front of Halo: the key first, then the rate limit.
            const QByteArray key =
                headerValue(request, QByteArrayLiteral("Ocp-Apim-Subscription-Key"));
            const QString queryKey = request.query().queryItemValue(
                QStringLiteral("subscription-key"), QUrl::FullyDecoded);
            ApiReply reply;
            if (key.isEmpty() && queryKey.isEmpty()) {
                reply = IntegratorApi::error(
                    401, QStringLiteral("Access denied due to missing subscription key. Make sure "
                                        "to include subscription "
                                        "key when making requests to an API."));
            } else if ((!key.isEmpty() ? QString::fromUtf8(key) : queryKey) != d->options.key) {
                reply = IntegratorApi::error(
                    401, QStringLiteral("Access denied due to invalid subscription key. Make sure "
                                        "to provide a valid key "
                                        "for an active subscription."));
            } else if (const qint64 wait = d->rateLimitWait()) {
                reply =
                    IntegratorApi::error(429, QStringLiteral("Rate limit is exceeded. Try again in "
                                                             "%1 seconds.")
                                                  .arg(wait));
                reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
            } else if (const FaultRule *fault = d->takeFault(path); fault && fault->status == 0) {
                if (dropConnection(responder)) {
                    emit requestHandled(method, path, 0);
                    return;
                }
                reply = IntegratorApi::error(502, QStringLiteral("The connection was dropped."));
            } else if (fault) {
                reply = IntegratorApi::error(fault->status, QStringLiteral("Injected fault."));
                if (!fault->location.isEmpty())
                    reply.headers.append({QByteArrayLiteral("Location"), fault->location.toUtf8()});
            } else {
                ApiRequest apiRequest;
                apiRequest.method = methodName(request);
                apiRequest.path = path;
                apiRequest.query = request.query();
                apiRequest.body = request.body();
                const QByteArray host = headerValue(request, QByteArrayLiteral("Host"));
                apiRequest.origin = host.isEmpty()
                                        ? baseUrl()
                                        : QStringLiteral("http://") + QString::fromLatin1(host);
                reply = d->api.handle(apiRequest);
            }

            const qint64 delay = reply.delayMs + d->options.latencyMs;
            if (delay <= 0) {
                finish(responder, reply);
                return;
            }
            // Answer later without blocking other requests: keep the responder alive meanwhile,
            // and drop the answer if the client has gone.
            auto held = std::make_shared<HeldResponder>(std::move(responder));
            QTimer::singleShot(delay, this, [held, reply, finish]() mutable {
                if (held->isConnected())
                    finish(*held->get(), reply);
            });
        });
}

SandboxServer::~SandboxServer()
{
    SampleDatabase::closeAll();
}

quint16 SandboxServer::listen()
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, d->options.port)) {
        d->error = tcp->errorString();
        delete tcp;
        return 0;
    }
    d->http.bind(tcp);
    d->tcp = tcp;
    return tcp->serverPort();
}

quint16 SandboxServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QString SandboxServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

QString SandboxServer::key() const
{
    return d->options.key;
}

QString SandboxServer::errorString() const
{
    return d->error;
}

void SandboxServer::setOptions(const SandboxOptions &options)
{
    const QString key = d->options.key;
    d->options = options;
    if (d->options.key.isEmpty())
        d->options.key = key;
    d->api.setOptions(d->options);
}

SandboxOptions SandboxServer::options() const
{
    return d->options;
}

QByteArray SandboxServer::sitesDirectoryJson()
{
    QJsonArray sites;
    for (const SampleSite &site : sampleSites()) {
        QJsonArray catalogues;
        for (const SampleCatalogue &c : site.catalogues)
            catalogues.append(c.name + (c.isDefault ? QStringLiteral(" (default)") : QString()));
        QJsonObject entry{{QStringLiteral("guid"), site.guid},
                          {QStringLiteral("pmsType"), site.pmsType},
                          {QStringLiteral("pmsName"), site.pmsName},
                          {QStringLiteral("pmsId"), site.pmsId},
                          {QStringLiteral("practiceName"), site.practiceName},
                          {QStringLiteral("scenario"), scenarioName(site.scenario)},
                          {QStringLiteral("scenarioDescription"), site.scenarioText},
                          {QStringLiteral("availability"), site.availability},
                          {QStringLiteral("authoritative"), site.authoritative},
                          {QStringLiteral("catalogues"), catalogues},
                          {QStringLiteral("fhir"), site.hasFhir()}};
        if (site.recordedPracticeName != site.practiceName)
            entry.insert(QStringLiteral("recordedPracticeName"), site.recordedPracticeName);
        if (!site.pairingCode.isEmpty())
            entry.insert(QStringLiteral("pairingCode"), site.pairingCode);
        if (site.installedPmsVersion() != site.pmsVersion)
            entry.insert(QStringLiteral("installedPmsVersion"), site.installedPmsVersion());
        sites.append(entry);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("sites"), sites}})
        .toJson(QJsonDocument::Indented);
}

} // namespace Sandbox
