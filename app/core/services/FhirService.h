// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

#include "fhir/FhirRequest.h"
#include "fhir/FhirResponse.h"
#include "net/ApiError.h"
#include "net/Environment.h"

namespace Halo {

class ApiCall;
class FhirCall;
class HaloApiClient;

// How the user asked for a FHIR request to be sent.
enum class FhirMethod {
    Default, // POST _search for a search on Production, GET elsewhere and for everything else
    Get,
    Post,
};

// A FHIR request ready to send: what was asked, read once, and GET or POST decided.
struct FhirPlan {
    QString line;                       // as given
    std::optional<FhirRequest> request; // the line read; empty for a link or an unreadable line
    bool post = false;                  // POST {type}/_search with request->form()
    QString relative;                   // GET: what follows fhir/R4/, or an absolute link
    QString problem;                    // why it cannot be sent as asked; empty when it can

    bool isSendable() const { return problem.isEmpty() && !line.trimmed().isEmpty(); }
};

// FHIR for both faces: whether a site has FHIR at all, GET or POST, sending (after learning the
// site's PMS, so a Zedmed or D4w site is refused without a FHIR request) and following a
// Bundle's links on the site's own FHIR base. One request at a time: a new one cancels the last.
class FhirService : public QObject
{
    Q_OBJECT
public:
    explicit FhirService(HaloApiClient *client, QObject *parent = nullptr);
    ~FhirService() override;

    // Search values are often personal details: on Production they go in a POST body, not the
    // URL, unless the user asks for GET.
    static bool postByDefault(const Endpoint &endpoint);
    // Halo Cloud's FHIR facade serves Best Practice practices only (REFERENCE §4).
    static bool offersFhir(const QString &pmsType);
    // "Wattle Grove has no FHIR API." and why, naming the practice's PMS; translated.
    static QString noFhirHeadline(const QString &practice);
    static QString noFhirDetail(const QString &pmsType);
    // Reads `line` (a query line as the FHIR tab takes it, or a Bundle's absolute link) and
    // decides the method.
    static FhirPlan plan(const QString &line, FhirMethod method, const Endpoint &endpoint);

    // What the caller already knows of a site (the window's site list): its PMS, so send()
    // needs no status first.
    void rememberSite(const QString &guid, const QString &pmsType, const QString &practice);

    // Sends `plan`, first reading the site's status when its PMS is not known. Ends in
    // answered(), refused() (the PMS has no FHIR API; no FHIR request was made) or failed().
    void send(const QString &guid, const FhirPlan &plan);
    // Follows the `relation` link (next, previous, ...) of an answer. Returns false, sending
    // nothing, when the answer has no such link. Links off the site's FHIR base are refused by
    // the client, so the key never leaves it.
    bool followLink(const QString &guid, const FhirResponse &from, const QString &relation);
    void cancel();

signals:
    void answered(const Halo::FhirResponse &response, const QByteArray &body);
    void refused(const QString &message);
    void failed(const Halo::ApiError &error);

private:
    struct KnownSite {
        QString pmsType;
        QString practice;
    };
    void sendKnown(const QString &guid, const KnownSite &site, const FhirPlan &plan);
    void sendFhir(FhirCall *call);
    void track(ApiCall *call);

    HaloApiClient *m_client;
    QHash<QString, KnownSite> m_sites; // by normalised GUID
    QPointer<ApiCall> m_call;
    quint64 m_generation = 0; // a refusal queued before cancel() is not reported
};

} // namespace Halo
