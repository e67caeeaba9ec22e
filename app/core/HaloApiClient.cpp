#include "HaloApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Halo {

namespace {

constexpr int kTransferTimeoutMs = 30000;

// The message of a general error envelope, with or without its `error` wrapper.
QString envelopeMessage(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonObject inner = json.value(QLatin1String("error")).isObject()
        ? json.value(QLatin1String("error")).toObject()
        : json;
    return inner.value(QLatin1String("message")).toString();
}

} // namespace

HaloApiClient::HaloApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

void HaloApiClient::setEndpoint(const Endpoint &endpoint)
{
    m_endpoint = endpoint;
}

void HaloApiClient::setSubscriptionKey(const QString &key)
{
    m_key = key;
}

QNetworkReply *HaloApiClient::get(const QString &path)
{
    QUrl url = m_endpoint.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Ocp-Apim-Subscription-Key", m_key.toUtf8());
    // Never follow redirects here: Qt would forward the key header to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(kTransferTimeoutMs);
    return m_network->get(request);
}

void HaloApiClient::fetchSite(const QString &guid)
{
    QNetworkReply *reply = get(QStringLiteral("/integrator/sites/") + guid);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guid]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 200) {
            const QJsonDocument document = QJsonDocument::fromJson(body);
            if (document.isObject()) {
                emit siteFetched(SiteInfo::fromJson(document.object()));
                return;
            }
            emit siteFetchFailed(guid, tr("The answer was not the JSON object expected."));
            return;
        }
        const QString message = envelopeMessage(body);
        if (status == 0)
            emit siteFetchFailed(guid, reply->errorString());
        else
            emit siteFetchFailed(guid, tr("HTTP %1: %2").arg(status).arg(message));
    });
}

} // namespace Halo
