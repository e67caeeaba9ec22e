// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "net/ApiError.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

namespace Halo {

class ApiCall;
class HaloApiClient;
class ImmediateQueryCall;
class QueryService;
class SiteService;
class SiteStore;
struct ReResolveDecision;

// After a 403 ("GUID no longer authoritative"): looks the site's PMS ID up again (SiteService
// decides, as for halo-cli), offers the authoritative install as the new GUID with what changed
// in its secondary identifiers, and on apply() updates the site list and sends a test query
// (REFERENCE §3.5). A change of identity is never applied without the caller saying it was
// confirmed with the practice.
class GuidReResolver : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, LookingUp, CandidateReady, Testing, Done, Failed };

    GuidReResolver(HaloApiClient *client, SiteStore *store, QObject *parent = nullptr);
    ~GuidReResolver() override;

    // Looks record.pmsId up again; ends in candidateFound() or failed(). Cancels a previous run.
    void start(const SiteRecord &record);
    // Updates the site to the candidate's GUID and runs the test query. Returns false and
    // changes nothing when there is no candidate, or when identifiers differ and
    // identityChangeConfirmed is false; failed() reports a site list that could not be saved.
    bool apply(bool identityChangeConfirmed);
    void cancel();

    State state() const { return m_state; }
    const SiteRecord &record() const { return m_record; }
    const SiteInfo &candidate() const { return m_candidate; }
    const QList<IdentityDifference> &differences() const { return m_differences; }
    bool needsIdentityConfirmation() const { return !m_differences.isEmpty(); }

    static QString testQueryText(); // SELECT 1 AS ok

signals:
    void candidateFound(const Halo::SiteRecord &old, const Halo::SiteInfo &candidate,
                        const QList<Halo::IdentityDifference> &differences);
    // message is always a full sentence; error is set when an API call failed.
    void failed(const QString &message, const Halo::ApiError &error);
    void applied(const Halo::SiteRecord &updated);
    void testQueryFinished(bool ok, const QString &summary);

private:
    void onDecided(const ReResolveDecision &decision);
    void onLookupFailed(const ApiError &error);
    void onTestQueryFinished(ImmediateQueryCall *call);
    void runTestQuery(const QString &guid);
    void fail(const QString &message, const ApiError &error = ApiError());
    void dropCall();

    HaloApiClient *m_client;
    QueryService *m_queries; // the test query goes through the SafetyPolicy like any SQL
    SiteStore *m_store;
    SiteService *m_sites;
    QPointer<ApiCall> m_call;
    State m_state = State::Idle;
    SiteRecord m_record;
    SiteInfo m_candidate;
    QList<IdentityDifference> m_differences;
};

} // namespace Halo
