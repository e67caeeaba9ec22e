#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include "Environment.h"
#include "SiteInfo.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace Halo {

// Talks to one Halo Cloud environment over QNetworkAccessManager. Everything is asynchronous:
// calls return at once and answer through signals.
class HaloApiClient : public QObject
{
    Q_OBJECT
public:
    explicit HaloApiClient(QObject *parent = nullptr);

    void setEndpoint(const Endpoint &endpoint);
    Endpoint endpoint() const { return m_endpoint; }
    // The key lives here only in memory, for the request header; it is never logged or saved.
    void setSubscriptionKey(const QString &key);
    bool hasSubscriptionKey() const { return !m_key.isEmpty(); }

    // GET /integrator/sites/{guid}
    void fetchSite(const QString &guid);

signals:
    void siteFetched(const Halo::SiteInfo &site);
    void siteFetchFailed(const QString &guid, const QString &message);

private:
    QNetworkReply *get(const QString &path);

    QNetworkAccessManager *m_network;
    Endpoint m_endpoint;
    QString m_key;
};

} // namespace Halo
