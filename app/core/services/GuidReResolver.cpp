// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/GuidReResolver.h"

#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "results/ResultDecoder.h"
#include "services/QueryService.h"
#include "services/SiteService.h"
#include "sites/SiteStore.h"
#include "sql/QueryTypes.h"

namespace Halo {

GuidReResolver::GuidReResolver(HaloApiClient *client, SiteStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_queries(new QueryService(client, this))
    , m_store(store)
    , m_sites(new SiteService(client, this))
{
    connect(m_sites, &SiteService::reResolved, this, &GuidReResolver::onDecided);
    connect(m_sites, &SiteService::failed, this, &GuidReResolver::onLookupFailed);
}

GuidReResolver::~GuidReResolver()
{
    dropCall();
}

QString GuidReResolver::testQueryText()
{
    return QStringLiteral("SELECT 1 AS ok");
}

void GuidReResolver::start(const SiteRecord &record)
{
    dropCall();
    m_record = record;
    m_candidate = SiteInfo();
    m_differences.clear();
    if (record.pmsId.trimmed().isEmpty()) {
        fail(tr("This site has no recorded PMS ID, so its Halo GUID cannot be looked up again."));
        return;
    }
    if (record.pmsType.trimmed().isEmpty()) {
        fail(tr("This site has no recorded PMS type, so PMS ID %1 cannot be looked up again.")
                 .arg(record.pmsId));
        return;
    }
    m_state = State::LookingUp;
    m_sites->reResolve(record.guid, record.pmsId, pmsDisplayName(record.pmsType));
}

void GuidReResolver::onLookupFailed(const ApiError &error)
{
    fail(tr("Looking up PMS ID %1 failed: %2").arg(m_record.pmsId.trimmed(), error.title()), error);
}

void GuidReResolver::onDecided(const ReResolveDecision &decision)
{
    using Outcome = ReResolveDecision::Outcome;
    switch (decision.outcome) {
    case Outcome::Moved:
        break;
    case Outcome::StillAuthoritative:
        // Here because of a 403: the GUID is not the cause.
        fail(tr("The PMS ID still resolves to this GUID; the 403 has another cause: check "
                "pairing and your IP allow-list."));
        return;
    case Outcome::NotFound:
    case Outcome::NoneAuthoritative:
    case Outcome::SeveralAuthoritative:
    case Outcome::InvalidGuid:
        fail(decision.message);
        return;
    }
    m_candidate = decision.authoritative;
    // Against what was recorded at onboarding, not against the old install.
    m_differences = compareIdentity(m_record.recorded, m_candidate);
    m_state = State::CandidateReady;
    emit candidateFound(m_record, m_candidate, m_differences);
}

bool GuidReResolver::apply(bool identityChangeConfirmed)
{
    if (m_state != State::CandidateReady)
        return false;
    if (needsIdentityConfirmation() && !identityChangeConfirmed)
        return false;
    const SiteRecord *stored = m_store->find(m_record.environment, m_record.guid);
    if (!stored) {
        fail(tr("The site %1 is no longer in the site list, so it was not updated.")
                 .arg(m_record.guid));
        return false;
    }
    SiteRecord updated = *stored;
    updated.guid = normalisedGuid(m_candidate.guid);
    updated.recorded = identityOf(m_candidate, QDateTime::currentDateTimeUtc());
    QString error;
    if (!m_store->update(stored->environment, stored->guid, updated, &error)) {
        // The candidate stays on offer: the user may fix the cause (e.g. disk space) and retry.
        emit failed(tr("The site list could not be saved: %1").arg(error), ApiError());
        return false;
    }
    const SiteRecord *saved = m_store->find(updated.environment, updated.guid);
    const SiteRecord result = saved ? *saved : updated;
    m_state = State::Testing;
    emit applied(result);
    runTestQuery(result.guid);
    return true;
}

void GuidReResolver::runTestQuery(const QString &guid)
{
    QueryCommand command;
    command.text = connectivityTestSql(m_record.pmsType);
    ImmediateQueryCall *call = m_queries->runImmediate(guid, command, SafetyApproval{});
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call]() { onTestQueryFinished(call); });
}

void GuidReResolver::onTestQueryFinished(ImmediateQueryCall *call)
{
    m_call.clear();
    m_state = State::Done;
    if (!call->ok()) {
        emit testQueryFinished(false, tr("The test query failed: %1 %2")
                                          .arg(call->error().title(), call->error().nextStep()));
        return;
    }
    const QueryInfo info = call->info();
    if (!info.isSuccessful()) {
        const ApiError &failure = info.failure;
        emit testQueryFinished(
            false, tr("The test query did not succeed (status %1): %2")
                       .arg(info.status, failure.isError() ? failure.oneLine() : tr("no details")));
        return;
    }
    const DecodedResult decoded = call->result();
    if (!decoded.isTable() || decoded.table.rowCount() < 1) {
        emit testQueryFinished(false, tr("The test query ran but returned no row."));
        return;
    }
    emit testQueryFinished(true, tr("The test query succeeded: %1 returned %2 = %3 in %4 ms.")
                                     .arg(connectivityTestSql(m_record.pmsType),
                                          decoded.table.columns().value(0),
                                          decoded.table.cell(0, 0).toDisplayString())
                                     .arg(call->elapsedMs()));
}

void GuidReResolver::cancel()
{
    dropCall();
    if (m_state == State::LookingUp || m_state == State::Testing)
        m_state = State::Idle;
}

void GuidReResolver::fail(const QString &message, const ApiError &error)
{
    m_state = State::Failed;
    emit failed(message, error);
}

// Forgets the call in flight; it is cancelled so nothing answers a run that is over.
void GuidReResolver::dropCall()
{
    m_sites->cancel();
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    call->disconnect(this);
    call->cancel();
}

} // namespace Halo
