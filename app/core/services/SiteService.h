// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

#include "net/ApiError.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

namespace Halo {

class ApiCall;
class HaloApiClient;

// Get site status read for people: the site, and how its secondary identifiers compare with
// what was recorded for it.
struct SiteStatusReport {
    SiteInfo site;
    QList<IdentityDifference> differences;
    QByteArray body; // the answer as Halo sent it, for --json
};

// What looking a practice's PMS ID up again says about one of its Halo GUIDs (REFERENCE §3.5).
struct ReResolveDecision {
    enum class Outcome {
        StillAuthoritative,   // the GUID is the authoritative install
        Moved,                // another install is authoritative now: `authoritative`
        NotFound,             // Halo knows no install of the PMS ID
        NoneAuthoritative,    // installs, but none authoritative (a new one may be starting)
        SeveralAuthoritative, // Halo names more than one: which is the practice is unclear
        InvalidGuid,          // the authoritative install's GUID is not a Halo GUID
    };
    Outcome outcome = Outcome::NotFound;
    SiteInfo authoritative;   // StillAuthoritative and Moved
    QList<SiteInfo> installs; // every install Halo listed, authoritative first
    // Moved: the new install's identifiers against the old one's, when Halo still lists it.
    QList<IdentityDifference> differences;
    QString message; // a full sentence saying the outcome

    bool found() const
    {
        return outcome == Outcome::StillAuthoritative || outcome == Outcome::Moved;
    }
};

// Decides from the installs Halo lists for a PMS ID whether `guid` is still the authoritative
// one. The window's GuidReResolver and `halo-cli site reresolve` both decide here.
ReResolveDecision decideReResolve(const QString &guid, const QString &pmsId,
                                  const QList<SiteInfo> &sites);

// The site use cases both faces share: find a practice's installs by PMS ID, read a site's
// status with its identifiers compared, and re-resolve a GUID. One request at a time: starting
// another cancels the one in flight. Every answer comes later, as a signal.
class SiteService : public QObject
{
    Q_OBJECT
public:
    explicit SiteService(HaloApiClient *client, QObject *parent = nullptr);
    ~SiteService() override;

    // Answers with sitesFound(), the authoritative installs first.
    void findSites(const QString &pmsId, const QString &pmsName);
    // Answers with statusRead(). Without `recorded`, the identifiers are compared with the
    // practice name Halo kept from the install (what halo-cli, which keeps no records, has).
    void readStatus(const QString &guid,
                    const std::optional<RecordedIdentity> &recorded = std::nullopt);
    // Looks pmsId up and answers with reResolved(). Changes nothing.
    void reResolve(const QString &guid, const QString &pmsId, const QString &pmsName);
    void cancel();

    // Authoritative installs first, then those that do not say, then the others; each group
    // in the order Halo sent them.
    static QList<SiteInfo> candidatesInOrder(QList<SiteInfo> sites);
    // What differs between `recorded` (else the name Halo kept from the install) and the site.
    static QList<IdentityDifference> compare(const SiteInfo &site,
                                             const std::optional<RecordedIdentity> &recorded);

signals:
    void sitesFound(const QList<Halo::SiteInfo> &candidates, const QByteArray &body);
    void statusRead(const Halo::SiteStatusReport &report);
    void reResolved(const Halo::ReResolveDecision &decision);
    void failed(const Halo::ApiError &error);

private:
    void track(ApiCall *call);

    HaloApiClient *m_client;
    QPointer<ApiCall> m_call;
};

} // namespace Halo
