// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/SiteService.h"

#include "api/HaloApiClient.h"

#include <QCoreApplication>
#include <algorithm>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::SiteService)
};

int authorityRank(const SiteInfo &site)
{
    if (!site.authoritativeKnown)
        return 1;
    return site.authoritative ? 0 : 2;
}

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

ReResolveDecision decideReResolve(const QString &guid, const QString &pmsId,
                                  const QList<SiteInfo> &sites)
{
    using Outcome = ReResolveDecision::Outcome;
    ReResolveDecision decision;
    decision.installs = SiteService::candidatesInOrder(sites);
    const QString id = pmsId.trimmed();
    const QList<SiteInfo> chosen = authoritativeSites(sites);
    if (chosen.isEmpty()) {
        decision.outcome = sites.isEmpty() ? Outcome::NotFound : Outcome::NoneAuthoritative;
        const QString why =
            sites.isEmpty()
                ? Text::tr("Halo knows no install of it: check the PMS ID and PMS type with the "
                           "practice.")
                : Text::tr(
                      "Halo knows %1 of it and none is authoritative: the new install may still "
                      "be starting up. Try again later, or contact Halo support.")
                      .arg(sites.size() == 1 ? Text::tr("one install")
                                             : Text::tr("%1 installs").arg(sites.size()));
        decision.message =
            Text::tr("No authoritative install of PMS ID %1 was found. %2").arg(id, why);
        return decision;
    }
    if (chosen.size() > 1) {
        decision.outcome = Outcome::SeveralAuthoritative;
        decision.message =
            Text::tr("Halo reports %1 authoritative installs of PMS ID %2; which one is "
                     "the practice cannot be told from here. Contact Halo support.")
                .arg(chosen.size())
                .arg(id);
        return decision;
    }
    const SiteInfo &candidate = chosen.first();
    if (!isValidHaloGuid(candidate.guid)) {
        decision.outcome = Outcome::InvalidGuid;
        decision.message =
            Text::tr("Halo answered the lookup of PMS ID %1 with an invalid Halo GUID (\"%2\").")
                .arg(id, candidate.guid);
        return decision;
    }
    decision.authoritative = candidate;
    if (normalisedGuid(candidate.guid) == normalisedGuid(guid)) {
        decision.outcome = Outcome::StillAuthoritative;
        decision.message = Text::tr("Halo GUID %1 is still the authoritative install of PMS ID %2.")
                               .arg(normalisedGuid(guid), id);
        return decision;
    }
    decision.outcome = Outcome::Moved;
    decision.message = Text::tr("Halo GUID %1 is not the authoritative install of PMS ID %2; the "
                                "authoritative install is %3.")
                           .arg(guid.trimmed(), id, normalisedGuid(candidate.guid));
    // The old install, when Halo still lists it, tells what changed with the move.
    for (const SiteInfo &site : sites) {
        if (normalisedGuid(site.guid) == normalisedGuid(guid))
            decision.differences = compareIdentity(identityOf(site, site.createdAt), candidate);
    }
    return decision;
}

SiteService::SiteService(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

SiteService::~SiteService()
{
    cancel();
}

QList<SiteInfo> SiteService::candidatesInOrder(QList<SiteInfo> sites)
{
    std::stable_sort(sites.begin(), sites.end(), [](const SiteInfo &a, const SiteInfo &b) {
        return authorityRank(a) < authorityRank(b);
    });
    return sites;
}

QList<IdentityDifference> SiteService::compare(const SiteInfo &site,
                                               const std::optional<RecordedIdentity> &recorded)
{
    // Halo's deprecated `name` is the practice name recorded at install.
    return compareIdentity(recorded ? *recorded : RecordedIdentity{site.legacyName, {}, {}, {}},
                           site);
}

void SiteService::track(ApiCall *call)
{
    cancel();
    m_call = call;
}

void SiteService::cancel()
{
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    call->disconnect(this);
    call->cancel();
}

void SiteService::findSites(const QString &pmsId, const QString &pmsName)
{
    FindSitesCall *call = m_client->findSites(pmsId, pmsName);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        emit sitesFound(candidatesInOrder(call->sites()), call->body());
    });
}

void SiteService::readStatus(const QString &guid, const std::optional<RecordedIdentity> &recorded)
{
    SiteStatusCall *call = m_client->siteStatus(guid);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, recorded]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        SiteStatusReport report;
        report.site = call->site();
        report.body = call->body();
        report.differences = compare(report.site, recorded);
        emit statusRead(report);
    });
}

void SiteService::reResolve(const QString &guid, const QString &pmsId, const QString &pmsName)
{
    FindSitesCall *call = m_client->findSites(pmsId, pmsName);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, guid, pmsId]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        emit reResolved(decideReResolve(guid, pmsId, call->sites()));
    });
}

} // namespace Halo
