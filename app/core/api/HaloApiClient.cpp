// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/HaloApiClient.h"

#include "api/ApiPaths.h"
#include "net/RequestLog.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QRegularExpression>

namespace Halo {

HaloApiClient::HaloApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_log(new RequestLog(this))
{
    // Corporate proxies are common where integrators work: honour the system's settings.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

void HaloApiClient::setEndpoint(const Endpoint &endpoint)
{
    if (keyOrigin(endpoint.baseUrl) != m_keyOrigin) {
        m_key.clear(); // a key never crosses base URLs
        m_keyOrigin.clear();
    }
    m_endpoint = endpoint;
}

void HaloApiClient::setSubscriptionKey(const QString &key)
{
    m_key = key.trimmed();
    m_keyOrigin = m_key.isEmpty() ? QString() : keyOrigin(m_endpoint.baseUrl);
}

QStringList HaloApiClient::pmsNames()
{
    return {QStringLiteral("Best Practice"), QStringLiteral("Zedmed"), QStringLiteral("D4w")};
}

QUrl HaloApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_endpoint.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::StrictMode);
    url.setQuery(query);
    url.setFragment(QString());
    return url;
}

QUrl HaloApiClient::urlFor(const CallTarget &target) const
{
    return target.absoluteUrl.isEmpty() ? urlFor(target.path, target.query) : target.absoluteUrl;
}

ApiError HaloApiClient::sendingRefusal(const QUrl &url) const
{
    // Nothing goes out without a key: a request without one only earns a 401, and on
    // Production it would still reach the live service. Refused here, once, for both faces.
    if (m_key.isEmpty())
        return ApiError::ofKind(ApiError::Kind::Refused, noKeyText());
    const QString origin = keyOrigin(url);
    if (origin.isEmpty() || origin != m_keyOrigin)
        return ApiError::ofKind(
            ApiError::Kind::Refused,
            tr("%1 is not the base URL the subscription key was given for (%2); nothing was "
               "sent.")
                .arg(origin.isEmpty() ? url.toDisplayString(QUrl::RemoveQuery) : origin,
                     m_keyOrigin));
    if (needsPlainHttpConsent(url) && !m_endpoint.plainHttpAllowed)
        return ApiError::ofKind(
            ApiError::Kind::Refused,
            tr("%1 is plain HTTP: the subscription key would cross the network unencrypted, so "
               "nothing was sent. Use https://, or allow plain HTTP to this base URL "
               "explicitly.")
                .arg(origin));
    return {};
}

QString HaloApiClient::noKeyText() const
{
    return tr("No subscription key for %1 — set one first.").arg(destinationName());
}

QString HaloApiClient::destinationName() const
{
    const QString name = endpointDisplayName(m_endpoint);
    if (m_endpoint.environment == Environment::Custom && m_endpoint.baseUrl.isValid())
        return tr("%1 (%2)").arg(name, m_endpoint.baseUrl.adjusted(QUrl::RemovePath).toString());
    return name;
}

void HaloApiClient::dispatch(ApiCall *call, Asked asked)
{
    const QUrl url = urlFor(call->m_target);
    if (const ApiError refusal = sendingRefusal(url); refusal.isError()) {
        refuseCall(call, refusal);
        return;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!call->m_contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call->m_contentType);
    request.setRawHeader("Ocp-Apim-Subscription-Key", m_key.toUtf8());
    call->setParent(this);
    CallPolicy policy = m_policy;
    // A read nobody asked for is tried once. Its usual failures are a site that is offline or
    // unreachable (503/504 on every query path while Halo Link is not heard from), which do
    // not heal within a back-off of seconds: retrying would only multiply requests to a site
    // known to be down. The view that sent it says what happened and offers Refresh, which
    // asks as the user, with retries.
    if (asked == Asked::ByView)
        policy.maxRetries = 0;
    call->prepare(m_network, requestLog(), request, policy);
    connect(call, &ApiCall::finished, this, [this, call, asked]() {
        static const QRegularExpression sitePath(
            QStringLiteral("/sites/([0-9A-Fa-f-]{36})(?:/|$)"));
        if (call->error().httpStatus == 403) {
            const auto match = sitePath.match(call->url().path());
            if (match.hasMatch())
                emit siteAccessDenied(match.captured(1).toLower(), call->error());
        }
        if (asked == Asked::ByUser)
            emit callFinished(call);
    });
    call->start();
}

void HaloApiClient::refuseCall(ApiCall *call, const ApiError &error)
{
    call->setParent(this);
    call->prepare(m_network, requestLog(), QNetworkRequest(urlFor(call->m_target)), m_policy);
    // Finish on the next turn of the event loop, as a sent call would, so callers can connect.
    QMetaObject::invokeMethod(
        call, [call, error]() { call->finishWith(error); }, Qt::QueuedConnection);
}

FindSitesCall *HaloApiClient::findSites(const QString &pmsId, const QString &pmsName)
{
    return send(new FindSitesCall(pmsId, pmsName));
}

SiteStatusCall *HaloApiClient::siteStatus(const QString &guid)
{
    return send(new SiteStatusCall(guid));
}

PairSiteCall *HaloApiClient::pairSite(const QString &pmsId, const QString &pmsName,
                                      const QString &pairingCode)
{
    return send(new PairSiteCall(pmsId, pmsName, pairingCode));
}

ImmediateQueryCall *HaloApiClient::runImmediate(const QString &guid, const QueryCommand &command)
{
    return send(new ImmediateQueryCall(guid, command));
}

SubmitAsyncCall *HaloApiClient::submitAsync(const QString &guid, const QueryCommand &command)
{
    return send(new SubmitAsyncCall(guid, command));
}

QueryStatusCall *HaloApiClient::queryStatus(const QString &guid, const QString &queryId)
{
    return send(new QueryStatusCall(guid, queryId));
}

BatchStatusCall *HaloApiClient::batchStatus(const QString &guid, const QStringList &queryIds)
{
    return send(new BatchStatusCall(guid, queryIds));
}

ResultPageCall *HaloApiClient::resultPage(const QString &guid, const QString &queryId,
                                          int pageNumber)
{
    return send(new ResultPageCall(guid, queryId, pageNumber));
}

ResultPageCall *HaloApiClient::streamResultPage(const QString &guid, const QString &queryId,
                                                int pageNumber)
{
    return send(new ResultPageCall(guid, queryId, pageNumber, ResultPageCall::Form::Stream));
}

CreateRegisteredCall *HaloApiClient::createRegistered(const QString &guid, const QString &name,
                                                      qint64 frequencySeconds,
                                                      qint64 durationSeconds,
                                                      const QueryCommand &command)
{
    return send(new CreateRegisteredCall(guid, name, frequencySeconds, durationSeconds, command));
}

RegisteredListCall *HaloApiClient::listRegistered(const QString &guid, Asked asked)
{
    return send(new RegisteredListCall(guid), asked);
}

RegisteredQueryCall *HaloApiClient::registeredQuery(const QString &guid, const QString &queryId)
{
    return send(new RegisteredQueryCall(guid, queryId));
}

CancelRegisteredCall *HaloApiClient::cancelRegistered(const QString &guid, const QString &queryId)
{
    return send(new CancelRegisteredCall(guid, queryId));
}

RegisteredResultsCall *HaloApiClient::registeredResults(const QString &guid, const QString &queryId)
{
    return send(new RegisteredResultsCall(guid, queryId));
}

QUrl HaloApiClient::fhirBase(const QString &guid) const
{
    return urlFor(QStringLiteral("/integrator/sites/%1/fhir/R4").arg(ApiPaths::segment(guid)));
}

FhirCall *HaloApiClient::fhirGet(const QString &guid, const QString &relative, Asked asked)
{
    auto *call = new FhirCall(fhirBase(guid), relative);
    if (call->refusal().isError())
        return refuse(call, call->refusal());
    return send(call, asked);
}

FhirCall *HaloApiClient::fhirSearch(const QString &guid, const QString &resource,
                                    const QUrlQuery &form)
{
    return send(new FhirCall(fhirBase(guid), resource, form));
}

} // namespace Halo
