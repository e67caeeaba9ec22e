#include "services/GuidReResolver.h"

#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "api/SiteCalls.h"
#include "net/ApiCall.h"
#include "results/ResultDecoder.h"
#include "sites/SiteStore.h"
#include "sql/QueryTypes.h"

namespace Halo {

namespace {

// Halo says exactly one install per practice is authoritative. A list that does not say (the
// spec marks no field required) is trusted only when it holds a single site.
QList<SiteInfo> authoritativeSites(const QList<SiteInfo> &sites)
{
    QList<SiteInfo> chosen;
    for (const SiteInfo &site : sites) {
        if (site.authoritativeKnown && site.authoritative)
            chosen.append(site);
    }
    if (chosen.isEmpty() && sites.size() == 1 && !sites.first().authoritativeKnown)
        chosen.append(sites.first());
    return chosen;
}

} // namespace

GuidReResolver::GuidReResolver(HaloApiClient *client, SiteStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{}

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
    FindSitesCall *call = m_client->findSites(record.pmsId, pmsDisplayName(record.pmsType));
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call]() { onLookupFinished(call); });
}

void GuidReResolver::onLookupFinished(FindSitesCall *call)
{
    m_call.clear();
    const QString pmsId = m_record.pmsId.trimmed();
    if (!call->ok()) {
        fail(tr("Looking up PMS ID %1 failed: %2").arg(pmsId, call->error().title()),
             call->error());
        return;
    }
    const QList<SiteInfo> sites = call->sites();

    const QList<SiteInfo> chosen = authoritativeSites(sites);
    if (chosen.isEmpty()) {
        QString why = tr("Halo knows no install of it: check the PMS ID and PMS type with the "
                         "practice.");
        if (!sites.isEmpty())
            why = tr("Halo knows %1 of it and none is authoritative: the new install may still "
                     "be starting up. Try again later, or contact Halo support.")
                      .arg(sites.size() == 1 ? tr("one install")
                                             : tr("%1 installs").arg(sites.size()));
        fail(tr("No authoritative install of PMS ID %1 was found. %2").arg(pmsId, why));
        return;
    }
    if (chosen.size() > 1) {
        fail(tr("Halo reports %1 authoritative installs of PMS ID %2; which one is the practice "
                "cannot be told from here. Contact Halo support.")
                 .arg(chosen.size())
                 .arg(pmsId));
        return;
    }
    const SiteInfo &candidate = chosen.first();
    if (normalisedGuid(candidate.guid) == normalisedGuid(m_record.guid)) {
        fail(tr("The PMS ID still resolves to this GUID; the 403 has another cause: check pairing "
                "and your IP allow-list."));
        return;
    }
    if (!isValidHaloGuid(candidate.guid)) {
        fail(tr("Halo answered the lookup of PMS ID %1 with an invalid Halo GUID (\"%2\").")
                 .arg(pmsId, candidate.guid));
        return;
    }
    m_candidate = candidate;
    m_differences = compareIdentity(m_record.recorded, candidate);
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
    ImmediateQueryCall *call = m_client->runImmediate(guid, command);
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
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    call->disconnect(this);
    call->cancel();
}

} // namespace Halo
