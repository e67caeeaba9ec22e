// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QUrlQuery>

#include "FhirFacade.h"
#include "HttpCompat.h"
#include "QueryStore.h"
#include "SandboxOptions.h"

class QJsonObject;

namespace Sandbox {

struct SampleSite;

struct ApiRequest {
    QByteArray method;
    QString path; // decoded, without the query string
    QUrlQuery query;
    QByteArray body;
    QString origin; // http://127.0.0.1:PORT as the client addressed it
};

struct ApiReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    HeaderPairs headers;
    qint64 delayMs = 0; // answer this much later (a slow query)
};

// The endpoints of the Integrator API, as JSON in and JSON out. Knows nothing of sockets:
// SandboxServer does authentication, faults, latency and the HTTP itself.
class IntegratorApi
{
public:
    explicit IntegratorApi(const SandboxOptions &options);
    void setOptions(const SandboxOptions &options);

    ApiReply handle(const ApiRequest &request);

    static ApiReply error(int status, const QString &message);

private:
    struct RegisteredRecord {
        QString id;
        QString siteGuid;
        QString name;
        qint64 frequency = 0;
        qint64 duration = 0;
        QDateTime createdAt;
        QDateTime cancelledAt;
        SqlCommand command;
        qint64 requestSize = 0;
    };

    ApiReply findSites(const ApiRequest &request);
    ApiReply getSite(const SampleSite &site);
    ApiReply pairSite(const ApiRequest &request);
    ApiReply immediateQuery(const SampleSite &site, const ApiRequest &request);
    ApiReply asyncQuery(const SampleSite &site, const ApiRequest &request);
    ApiReply queryStatus(const SampleSite &site, const QString &queryId);
    ApiReply batchStatus(const SampleSite &site, const ApiRequest &request);
    ApiReply resultPage(const SampleSite &site, const QString &queryId, const QString &page,
                        bool stream);
    ApiReply createRegistered(const SampleSite &site, const ApiRequest &request);
    ApiReply listRegistered(const SampleSite &site);
    ApiReply getRegistered(const SampleSite &site, const QString &queryId);
    ApiReply cancelRegistered(const SampleSite &site, const QString &queryId);
    ApiReply registeredResults(const SampleSite &site, const QString &queryId);
    ApiReply fhir(const SampleSite &site, const ApiRequest &request, const QString &prefix,
                  const QString &rest);

    ApiReply routeSite(const SampleSite &site, const ApiRequest &request, const QString &prefix,
                       const QStringList &segments);
    // Why a site cannot take queries right now; an empty reply status 0 when it can.
    ApiReply queryGate(const SampleSite &site, bool isAsync) const;
    QJsonObject siteJson(const SampleSite &site) const;
    QJsonObject registeredJson(const RegisteredRecord &record) const;
    const RegisteredRecord *findRegistered(const SampleSite &site, const QString &id) const;

    SandboxOptions m_options;
    QueryStore m_queries;
    QHash<QString, RegisteredRecord> m_registered;
    QSet<QString> m_pairedSites; // Unpaired-scenario sites paired during this run
    FhirFacade m_fhir;
};

} // namespace Sandbox
