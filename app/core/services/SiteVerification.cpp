// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/SiteVerification.h"

#include "api/HaloApiClient.h"
#include "net/ServerText.h"
#include "services/SiteService.h"
#include "sites/HeartbeatText.h"
#include "sites/SiteRecord.h"

#include <QCoreApplication>
#include <QTimer>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::SiteVerification)
};

QString availabilityId(SiteInfo::Availability availability)
{
    switch (availability) {
    case SiteInfo::Availability::Online:
        return QStringLiteral("online");
    case SiteInfo::Availability::Offline:
        return QStringLiteral("offline");
    case SiteInfo::Availability::Unreachable:
        return QStringLiteral("unreachable");
    case SiteInfo::Availability::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// What the site is compared with: the saved record, the expected name, and for what neither
// gives, what Halo kept from the install (the deprecated name and PMS version).
RecordedIdentity comparedIdentity(const VerificationInput &input, const SiteInfo &site)
{
    if (input.recorded) {
        RecordedIdentity recorded = *input.recorded;
        if (!input.expectedName.isEmpty())
            recorded.practiceName = input.expectedName;
        return recorded;
    }
    RecordedIdentity recorded;
    recorded.practiceName = input.expectedName.isEmpty() ? site.legacyName : input.expectedName;
    recorded.pmsVersion = site.legacyPmsVersion;
    return recorded;
}

struct Finding {
    Verdict verdict;
    QString message;
};

QString differenceText(const IdentityDifference &difference)
{
    if (difference.current.isEmpty())
        return Text::tr("%1: recorded “%2”, not reported now.")
            .arg(difference.field, difference.recorded);
    return Text::tr("%1: recorded “%2”, now “%3”.")
        .arg(difference.field, difference.recorded, difference.current);
}

void takeStatus(const SiteInfo &site, VerificationResult *result, const QDateTime &now)
{
    result->practiceName = site.practiceName.isEmpty() ? site.legacyName : site.practiceName;
    result->pmsVersion = site.pmsVersion;
    result->haloLinkVersion = site.haloLinkVersion;
    result->availability = availabilityId(site.availability);
    result->status = shownServerText(site.status);
    result->heartbeatAt = site.heartbeatAt;
    result->heartbeatAgeSeconds =
        site.heartbeatAt.isValid() ? qMax<qint64>(0, site.heartbeatAt.secsTo(now)) : -1;
}

} // namespace

SiteVerification::SiteVerification(HaloApiClient *client, const VerificationInput &input,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_result.input = input;
}

SiteVerification::~SiteVerification()
{
    cancel();
}

void SiteVerification::start()
{
    m_result.checkedAt = QDateTime::currentDateTimeUtc();
    if (!m_result.input.canBeChecked()) {
        // Finished on the next turn, like a row that made requests: callers see one order.
        m_result.verdict = Verdict::Error;
        m_result.message = m_result.input.problem;
        QTimer::singleShot(0, this, &SiteVerification::finish);
        return;
    }
    FindSitesCall *call =
        m_client->findSites(m_result.input.pmsId, pmsDisplayName(m_result.input.pmsType));
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() { onLookedUp(call); });
}

void SiteVerification::cancel()
{
    m_done = true;
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    call->disconnect(this);
    call->cancel();
}

void SiteVerification::track(ApiCall *call)
{
    m_call = call;
    m_callStartedAt = QDateTime::currentDateTimeUtc();
}

void SiteVerification::onLookedUp(ApiCall *call)
{
    m_call.clear();
    m_result.requests.append(VerificationRequest::of(*call, m_callStartedAt));
    if (!call->ok()) {
        fail(call->error());
        return;
    }
    m_installs = static_cast<FindSitesCall *>(call)->sites();
    judge(m_installs, nullptr, &m_result, QDateTime::currentDateTimeUtc());
    if (m_result.guid.isEmpty() || m_result.verdict == Verdict::Error) {
        finish();
        return;
    }
    SiteStatusCall *status = m_client->siteStatus(m_result.guid);
    track(status);
    connect(status, &ApiCall::finished, this, [this, status]() { onStatusRead(status); });
}

void SiteVerification::onStatusRead(ApiCall *call)
{
    m_call.clear();
    m_result.requests.append(VerificationRequest::of(*call, m_callStartedAt));
    if (!call->ok()) {
        fail(call->error());
        return;
    }
    const SiteInfo site = static_cast<SiteStatusCall *>(call)->site();
    judge(m_installs, &site, &m_result, QDateTime::currentDateTimeUtc());
    finish();
}

void SiteVerification::fail(const ApiError &error)
{
    m_result.verdict = Verdict::Error;
    m_result.message = shownServerText(error.oneLine());
    finish();
}

void SiteVerification::finish()
{
    if (m_done)
        return;
    m_done = true;
    emit finished();
}

void SiteVerification::judge(const QList<SiteInfo> &installs, const SiteInfo *status,
                             VerificationResult *result, const QDateTime &now)
{
    using Outcome = ReResolveDecision::Outcome;
    const VerificationInput &input = result->input;
    const ReResolveDecision decision = decideReResolve(input.expectedGuid, input.pmsId, installs);
    QList<Finding> findings;
    result->guid.clear();
    result->message.clear();
    switch (decision.outcome) {
    case Outcome::NotFound:
    case Outcome::NoneAuthoritative:
        findings.append({Verdict::NotFound, decision.message});
        break;
    case Outcome::SeveralAuthoritative:
        findings.append({Verdict::SeveralAuthoritative, decision.message});
        break;
    case Outcome::InvalidGuid:
        findings.append({Verdict::Error, shownServerText(decision.message)});
        break;
    case Outcome::Moved:
        result->guid = normalisedGuid(decision.authoritative.guid);
        // Without an expected GUID there is nothing to have changed from.
        if (!input.expectedGuid.isEmpty())
            findings.append({Verdict::GuidChanged, decision.message});
        break;
    case Outcome::StillAuthoritative:
        result->guid = normalisedGuid(decision.authoritative.guid);
        break;
    }
    if (status && !result->guid.isEmpty()) {
        takeStatus(*status, result, now);
        const RecordedIdentity compared = comparedIdentity(input, *status);
        result->recordedName = compared.practiceName;
        result->recordedPmsVersion = compared.pmsVersion;
        result->recordedHaloLinkVersion = compared.haloLinkVersion;
        const QString heard = lastHeardText(status->heartbeatAt, now);
        if (status->availability == SiteInfo::Availability::Offline)
            findings.append({Verdict::Offline,
                             Text::tr("The authoritative install is offline (%1).").arg(heard)});
        if (status->availability == SiteInfo::Availability::Unreachable)
            findings.append(
                {Verdict::Unreachable,
                 Text::tr("The authoritative install is unreachable (%1).").arg(heard)});
        // Halo Link updates itself: a changed Halo Link version is evidence, not a verdict.
        RecordedIdentity name;
        name.practiceName = compared.practiceName;
        for (const IdentityDifference &difference : compareIdentity(name, *status))
            findings.append({Verdict::NameDiffers, differenceText(difference)});
        RecordedIdentity version;
        version.pmsVersion = compared.pmsVersion;
        for (const IdentityDifference &difference : compareIdentity(version, *status))
            findings.append({Verdict::PmsVersionChanged, differenceText(difference)});
    }
    result->verdict = firstByPrecedence([&findings]() {
        QList<Verdict> verdicts;
        for (const Finding &finding : findings)
            verdicts.append(finding.verdict);
        return verdicts;
    }());
    if (findings.isEmpty()) {
        result->message = Text::tr("Halo GUID %1 is the authoritative install of PMS ID %2 and its "
                                   "identifiers are as expected.")
                              .arg(result->guid, input.pmsId);
        return;
    }
    QStringList others;
    for (const Finding &finding : findings) {
        if (finding.verdict == result->verdict && result->message.isEmpty())
            result->message = finding.message;
        else
            others.append(verdictId(finding.verdict));
    }
    if (!others.isEmpty())
        result->message +=
            QLatin1Char(' ') + Text::tr("Also: %1.").arg(others.join(QStringLiteral(", ")));
}

} // namespace Halo
