// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteLookupController.h"

#include "api/HaloApiClient.h"
#include "api/SiteCalls.h"
#include "sites/SiteInfo.h"
#include "widgets/CallProgress.h"

SiteLookupController::SiteLookupController(Halo::HaloApiClient *client, CallProgress *progress,
                                           QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_progress(progress)
{}

SiteLookupController::~SiteLookupController()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
    }
}

void SiteLookupController::findByPmsId(const QString &pmsId, const QString &pmsName)
{
    Halo::FindSitesCall *call = m_client->findSites(pmsId, pmsName);
    send(call, tr("Looking up %1 (%2)…").arg(pmsId, pmsName),
         [this, call, pmsId]() { emit found(call->sites(), pmsId); });
}

void SiteLookupController::findByGuid(const QString &guid)
{
    Halo::SiteStatusCall *call = m_client->siteStatus(guid);
    send(call, tr("Looking up %1…").arg(guid), [this, call, guid]() {
        Halo::SiteInfo site = call->site();
        if (site.guid.isEmpty())
            site.guid = guid;
        emit found({site}, QString());
    });
}

void SiteLookupController::pair(const QString &pmsId, const QString &pmsName,
                                const QString &pairingCode)
{
    Halo::PairSiteCall *call = m_client->pairSite(pmsId, pmsName, pairingCode);
    send(call, tr("Pairing %1 (%2)…").arg(pmsId, pmsName),
         [this, call, pmsId]() { emit found({call->site()}, pmsId); });
}

void SiteLookupController::cancel()
{
    if (m_call)
        m_call->cancel();
}

void SiteLookupController::send(Halo::ApiCall *call, const QString &activity,
                                const std::function<void()> &onSuccess)
{
    emit sending();
    m_call = call;
    connect(call, &Halo::ApiCall::finished, this, [this, call, onSuccess]() {
        m_call = nullptr;
        emit busyChanged(false);
        if (call->ok())
            onSuccess();
        else
            emit failed(call->error());
        emit finished();
    });
    m_progress->track(call, activity);
    emit busyChanged(true);
}
