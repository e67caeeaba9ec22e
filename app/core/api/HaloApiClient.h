// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include "api/FhirCalls.h"
#include "api/QueryCalls.h"
#include "api/RegisteredCalls.h"
#include "api/SiteCalls.h"
#include "net/ApiCall.h"
#include "net/Environment.h"
#include "sql/QueryTypes.h"

class QNetworkAccessManager;

namespace Halo {

class RequestLog;

// The Integrator API of one Halo Cloud environment over QNetworkAccessManager. Every method
// returns at once with the endpoint's typed call, which finishes later with its answer read.
class HaloApiClient : public QObject
{
    Q_OBJECT
public:
    explicit HaloApiClient(QObject *parent = nullptr);

    // A key belongs to one base URL's origin (scheme, host and port): a new endpoint on
    // another origin drops the key held for the old one.
    void setEndpoint(const Endpoint &endpoint);
    Endpoint endpoint() const { return m_endpoint; }
    // The key lives here only in memory, for the request header; it is never logged or saved.
    // Without one nothing is sent: every call finishes at once as refused (Kind::Refused,
    // "No subscription key for Stage — set one first."), and no connection is opened. The key
    // is for the endpoint set now; set the endpoint first. It is sent only to that origin, and
    // over plain HTTP only to loopback unless the endpoint says plainHttpAllowed.
    void setSubscriptionKey(const QString &key);
    bool hasSubscriptionKey() const { return !m_key.isEmpty(); }
    void setPolicy(const CallPolicy &policy) { m_policy = policy; }
    CallPolicy policy() const { return m_policy; }
    RequestLog *requestLog() const { return m_sharedLog ? m_sharedLog.data() : m_log; }
    // Records this client's exchanges in another client's log (while that log lives), so the
    // user reads every request of the session in one place.
    void shareRequestLog(RequestLog *log) { m_sharedLog = log; }
    QNetworkAccessManager *network() const { return m_network; }

    // Sites: GET /integrator/sites?practiceManagementSiteId=&practiceManagementName= -> {sites}
    FindSitesCall *findSites(const QString &pmsId, const QString &pmsName);
    SiteStatusCall *siteStatus(const QString &guid);
    PairSiteCall *pairSite(const QString &pmsId, const QString &pmsName,
                           const QString &pairingCode);

    // SQL
    ImmediateQueryCall *runImmediate(const QString &guid, const QueryCommand &command);
    SubmitAsyncCall *submitAsync(const QString &guid, const QueryCommand &command);
    QueryStatusCall *queryStatus(const QString &guid, const QString &queryId);
    BatchStatusCall *batchStatus(const QString &guid, const QStringList &queryIds);
    ResultPageCall *resultPage(const QString &guid, const QString &queryId, int pageNumber);
    // The same page from .../results/{n}/stream: the page's JSON without the base64 envelope.
    ResultPageCall *streamResultPage(const QString &guid, const QString &queryId, int pageNumber);

    // Registered queries
    CreateRegisteredCall *createRegistered(const QString &guid, const QString &name,
                                           qint64 frequencySeconds, qint64 durationSeconds,
                                           const QueryCommand &command);
    RegisteredListCall *listRegistered(const QString &guid, Asked asked = Asked::ByUser);
    RegisteredQueryCall *registeredQuery(const QString &guid, const QString &queryId);
    CancelRegisteredCall *cancelRegistered(const QString &guid, const QString &queryId);
    RegisteredResultsCall *registeredResults(const QString &guid, const QString &queryId);

    // FHIR R4. `relative` is what follows fhir/R4/, e.g. "Patient?family=Smith" or "metadata";
    // an absolute URL on the same FHIR base (a Bundle's next link) is accepted too.
    FhirCall *fhirGet(const QString &guid, const QString &relative, Asked asked = Asked::ByUser);
    // POST {resource}/_search with a form-encoded body: search values stay out of the URL.
    FhirCall *fhirSearch(const QString &guid, const QString &resource, const QUrlQuery &form);
    QUrl fhirBase(const QString &guid) const;

    // The PMS names the lookup and pairing endpoints take.
    static QStringList pmsNames(); // Best Practice, Zedmed, D4w

    // Finishes a call with `error` on the next turn of the event loop without sending anything:
    // no request, no connection (a link off the FHIR base, a command the safety policy stops).
    template <typename Call> Call *refuse(Call *call, const ApiError &error)
    {
        refuseCall(call, error);
        return call;
    }

    // Where a call would go on the current endpoint (for a request copied as code).
    QUrl urlFor(const CallTarget &target) const;

signals:
    // Any call about a site came back 403: the GUID may no longer be authoritative, so the
    // window offers to re-resolve it from the PMS ID wherever the 403 happened.
    void siteAccessDenied(const QString &guid, const Halo::ApiError &error);
    // Every call the user asked for, once finished (for the status bar's "last request").
    void callFinished(Halo::ApiCall *call);

private:
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    // Adds the base URL, the key header and the policy, and sends.
    template <typename Call> Call *send(Call *call, Asked asked = Asked::ByUser)
    {
        dispatch(call, asked);
        return call;
    }
    void dispatch(ApiCall *call, Asked asked = Asked::ByUser);
    // Why a request to `url` may not be sent (Kind::Refused), or no error.
    ApiError sendingRefusal(const QUrl &url) const;
    QString noKeyText() const;
    QString destinationName() const; // "Stage", "Custom (https://proxy.example.net:8443)"
    void refuseCall(ApiCall *call, const ApiError &error);

    QNetworkAccessManager *m_network;
    RequestLog *m_log;
    QPointer<RequestLog> m_sharedLog;
    Endpoint m_endpoint;
    QString m_key;
    QString m_keyOrigin; // keyOrigin() of the endpoint the key was set for
    CallPolicy m_policy;
};

} // namespace Halo
