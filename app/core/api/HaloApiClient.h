#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include "net/ApiCall.h"
#include "net/Environment.h"
#include "sql/QueryTypes.h"

class QNetworkAccessManager;

namespace Halo {

class RequestLog;

// The Integrator API of one Halo Cloud environment over QNetworkAccessManager. Every method
// returns at once with an ApiCall that finishes later; QueryTypes and SiteInfo read the answers.
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
    void setPolicy(const CallPolicy &policy) { m_policy = policy; }
    CallPolicy policy() const { return m_policy; }
    RequestLog *requestLog() const { return m_log; }
    QNetworkAccessManager *network() const { return m_network; }

    // Sites: GET /integrator/sites?practiceManagementSiteId=&practiceManagementName= -> {sites}
    ApiCall *findSites(const QString &pmsId, const QString &pmsName);
    ApiCall *siteStatus(const QString &guid);
    ApiCall *pairSite(const QString &pmsId, const QString &pmsName, const QString &pairingCode);

    // SQL
    ApiCall *runImmediate(const QString &guid, const QueryCommand &command);
    ApiCall *submitAsync(const QString &guid, const QueryCommand &command);
    ApiCall *queryStatus(const QString &guid, const QString &queryId);
    ApiCall *batchStatus(const QString &guid, const QStringList &queryIds);
    ApiCall *resultPage(const QString &guid, const QString &queryId, int pageNumber);

    // Registered queries
    ApiCall *createRegistered(const QString &guid, const QString &name, qint64 frequencySeconds,
                              qint64 durationSeconds, const QueryCommand &command);
    ApiCall *listRegistered(const QString &guid);
    ApiCall *registeredQuery(const QString &guid, const QString &queryId);
    ApiCall *cancelRegistered(const QString &guid, const QString &queryId);
    ApiCall *registeredResults(const QString &guid, const QString &queryId);

    // FHIR R4. `relative` is what follows fhir/R4/, e.g. "Patient?family=Smith" or "metadata";
    // an absolute URL on the same FHIR base (a Bundle's next link) is accepted too.
    ApiCall *fhirGet(const QString &guid, const QString &relative);
    // POST {resource}/_search with a form-encoded body: search values stay out of the URL.
    ApiCall *fhirSearch(const QString &guid, const QString &resource, const QUrlQuery &form);
    QUrl fhirBase(const QString &guid) const;

    // The PMS names the lookup and pairing endpoints take.
    static QStringList pmsNames(); // Best Practice, Zedmed, D4w

signals:
    // Any call about a site came back 403: the GUID may no longer be authoritative, so the
    // window offers to re-resolve it from the PMS ID wherever the 403 happened.
    void siteAccessDenied(const QString &guid, const Halo::ApiError &error);
    // Every call, once finished (for the status bar's "last request").
    void callFinished(Halo::ApiCall *call);

private:
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    ApiCall *send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                  const QByteArray &contentType, RequestSafety safety);
    // A call that fails without sending anything (e.g. a link that leaves the FHIR base).
    ApiCall *refuse(const QByteArray &method, const QUrl &url, const ApiError &error);
    static QString segment(const QString &value);

    QNetworkAccessManager *m_network;
    RequestLog *m_log;
    Endpoint m_endpoint;
    QString m_key;
    CallPolicy m_policy;
};

} // namespace Halo
