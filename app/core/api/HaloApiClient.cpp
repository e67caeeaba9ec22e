#include "api/HaloApiClient.h"

#include "net/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QRegularExpression>

namespace Halo {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kForm = QByteArrayLiteral("application/x-www-form-urlencoded");

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

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
    m_endpoint = endpoint;
}

void HaloApiClient::setSubscriptionKey(const QString &key)
{
    m_key = key.trimmed();
}

QStringList HaloApiClient::pmsNames()
{
    return {QStringLiteral("Best Practice"), QStringLiteral("Zedmed"), QStringLiteral("D4w")};
}

QString HaloApiClient::segment(const QString &value)
{
    // A GUID or id typed by a user must not add path segments or a query.
    return QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed()));
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

ApiCall *HaloApiClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                             const QByteArray &contentType, RequestSafety safety)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_key.isEmpty())
        request.setRawHeader("Ocp-Apim-Subscription-Key", m_key.toUtf8());
    auto *call = new ApiCall(m_network, m_log, request, method, body, safety, m_policy, this);
    connect(call, &ApiCall::finished, this, [this, call]() {
        static const QRegularExpression sitePath(
            QStringLiteral("/sites/([0-9A-Fa-f-]{36})(?:/|$)"));
        if (call->error().httpStatus == 403) {
            const auto match = sitePath.match(call->url().path());
            if (match.hasMatch())
                emit siteAccessDenied(match.captured(1).toLower(), call->error());
        }
        emit callFinished(call);
    });
    call->start();
    return call;
}

ApiCall *HaloApiClient::refuse(const QByteArray &method, const QUrl &url, const ApiError &error)
{
    auto *call = new ApiCall(m_network, m_log, QNetworkRequest(url), method, {},
                             RequestSafety::Idempotent, m_policy, this);
    // Finish on the next turn of the event loop, as a sent call would, so callers can connect.
    QMetaObject::invokeMethod(
        call, [call, error]() { call->finishWith(error); }, Qt::QueuedConnection);
    return call;
}

ApiCall *HaloApiClient::findSites(const QString &pmsId, const QString &pmsName)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("practiceManagementSiteId"),
                       QString::fromLatin1(QUrl::toPercentEncoding(pmsId.trimmed())));
    query.addQueryItem(QStringLiteral("practiceManagementName"),
                       QString::fromLatin1(QUrl::toPercentEncoding(pmsName)));
    return send("GET", urlFor(QStringLiteral("/integrator/sites"), query), {}, {},
                RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::siteStatus(const QString &guid)
{
    return send("GET", urlFor(QStringLiteral("/integrator/sites/") + segment(guid)), {}, {},
                RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::pairSite(const QString &pmsId, const QString &pmsName,
                                 const QString &pairingCode)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("practiceManagementSiteId"),
                       QString::fromLatin1(QUrl::toPercentEncoding(pmsId.trimmed())));
    query.addQueryItem(QStringLiteral("practiceManagementName"),
                       QString::fromLatin1(QUrl::toPercentEncoding(pmsName)));
    if (!pairingCode.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("pairingCode"),
                           QString::fromLatin1(QUrl::toPercentEncoding(pairingCode.trimmed())));
    return send("POST", urlFor(QStringLiteral("/integrator/pair-site"), query), {}, {},
                RequestSafety::QueryPost);
}

ApiCall *HaloApiClient::runImmediate(const QString &guid, const QueryCommand &command)
{
    return send("POST",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/immediate").arg(segment(guid))),
                compact(command.bodyJson()), kJson, RequestSafety::QueryPost);
}

ApiCall *HaloApiClient::submitAsync(const QString &guid, const QueryCommand &command)
{
    return send("POST",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/async").arg(segment(guid))),
                compact(command.bodyJson()), kJson, RequestSafety::QueryPost);
}

ApiCall *HaloApiClient::queryStatus(const QString &guid, const QString &queryId)
{
    return send(
        "GET",
        urlFor(
            QStringLiteral("/integrator/sites/%1/queries/%2").arg(segment(guid), segment(queryId))),
        {}, {}, RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::batchStatus(const QString &guid, const QStringList &queryIds)
{
    const QJsonObject body{{QStringLiteral("queryIds"), QJsonArray::fromStringList(queryIds)}};
    return send("POST",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/status").arg(segment(guid))),
                compact(body), kJson, RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::resultPage(const QString &guid, const QString &queryId, int pageNumber)
{
    return send("GET",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/%2/results/%3")
                           .arg(segment(guid), segment(queryId))
                           .arg(pageNumber)),
                {}, {}, RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::createRegistered(const QString &guid, const QString &name,
                                         qint64 frequencySeconds, qint64 durationSeconds,
                                         const QueryCommand &command)
{
    const QJsonObject body{{QStringLiteral("name"), name},
                           {QStringLiteral("registeredQueryType"), QStringLiteral("query")},
                           {QStringLiteral("frequency"), frequencySeconds},
                           {QStringLiteral("duration"), durationSeconds},
                           {QStringLiteral("registerCommand"),
                            QJsonObject{{QStringLiteral("command"), command.commandJson()}}}};
    return send(
        "POST",
        urlFor(QStringLiteral("/integrator/sites/%1/queries/registered").arg(segment(guid))),
        compact(body), kJson, RequestSafety::QueryPost);
}

ApiCall *HaloApiClient::listRegistered(const QString &guid)
{
    return send(
        "GET", urlFor(QStringLiteral("/integrator/sites/%1/queries/registered").arg(segment(guid))),
        {}, {}, RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::registeredQuery(const QString &guid, const QString &queryId)
{
    return send("GET",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/registered/%2")
                           .arg(segment(guid), segment(queryId))),
                {}, {}, RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::cancelRegistered(const QString &guid, const QString &queryId)
{
    // DELETE is idempotent by definition, but cancelling twice gains nothing: never re-sent.
    return send("DELETE",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/registered/%2")
                           .arg(segment(guid), segment(queryId))),
                {}, {}, RequestSafety::QueryPost);
}

ApiCall *HaloApiClient::registeredResults(const QString &guid, const QString &queryId)
{
    return send("GET",
                urlFor(QStringLiteral("/integrator/sites/%1/queries/registered/%2/results")
                           .arg(segment(guid), segment(queryId))),
                {}, {}, RequestSafety::Idempotent);
}

QUrl HaloApiClient::fhirBase(const QString &guid) const
{
    return urlFor(QStringLiteral("/integrator/sites/%1/fhir/R4").arg(segment(guid)));
}

ApiCall *HaloApiClient::fhirGet(const QString &guid, const QString &relative)
{
    const QUrl base = fhirBase(guid);
    QUrl url;
    if (relative.startsWith(QLatin1String("http://")) ||
        relative.startsWith(QLatin1String("https://"))) {
        // A Bundle link: follow it only on the same FHIR base, so the key never leaves it.
        url = QUrl(relative, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != base.scheme() || url.host() != base.host() ||
            url.port() != base.port() || !url.path().startsWith(base.path())) {
            return refuse("GET", url,
                          ApiError::ofKind(ApiError::Kind::Redirect,
                                           url.adjusted(QUrl::RemoveQuery).toString()));
        }
    } else {
        QString path = relative;
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        const qsizetype question = path.indexOf(QLatin1Char('?'));
        url = base;
        url.setPath(base.path() + QLatin1Char('/') + (question < 0 ? path : path.left(question)));
        if (question >= 0)
            url.setQuery(path.mid(question + 1), QUrl::TolerantMode);
    }
    return send("GET", url, {}, {}, RequestSafety::Idempotent);
}

ApiCall *HaloApiClient::fhirSearch(const QString &guid, const QString &resource,
                                   const QUrlQuery &form)
{
    QUrl url = fhirBase(guid);
    url.setPath(url.path() + QLatin1Char('/') + segment(resource) + QStringLiteral("/_search"));
    return send("POST", url, form.toString(QUrl::FullyEncoded).toUtf8(), kForm,
                RequestSafety::Idempotent);
}

} // namespace Halo
