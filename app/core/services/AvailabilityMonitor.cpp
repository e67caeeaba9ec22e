// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/AvailabilityMonitor.h"

#include "api/HaloApiClient.h"
#include "api/SiteCalls.h"
#include "services/OtherEnvironmentsRefresh.h"
#include "sites/SiteInfo.h"
#include "sites/SiteListModel.h"
#include "sites/SiteStore.h"

#include <QTimer>

namespace Halo {

AvailabilityMonitor::AvailabilityMonitor(HaloApiClient *client, SiteStore *store,
                                         SiteListModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_model(model)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &AvailabilityMonitor::refreshAll);
}

QString AvailabilityMonitor::environment() const
{
    return environmentId(m_client->endpoint().environment);
}

void AvailabilityMonitor::setIntervalSeconds(int seconds)
{
    m_intervalSeconds = std::max(0, seconds);
    if (m_intervalSeconds == 0)
        m_timer->stop();
    else
        m_timer->start(m_intervalSeconds * 1000);
}

void AvailabilityMonitor::setCoversOtherEnvironments(bool covers)
{
    m_coversOthers = covers;
}

OtherEnvironmentsRefresh *AvailabilityMonitor::otherEnvironments()
{
    if (!m_others) {
        m_others = new OtherEnvironmentsRefresh(m_store, m_model, this);
        m_others->setRequestLog(m_client->requestLog());
        connect(m_others, &OtherEnvironmentsRefresh::refreshing, this,
                &AvailabilityMonitor::otherEnvironmentRefreshing);
        connect(m_others, &OtherEnvironmentsRefresh::skipped, this,
                &AvailabilityMonitor::otherEnvironmentSkipped);
    }
    return m_others;
}

void AvailabilityMonitor::refreshOtherEnvironments()
{
    if (m_coversOthers)
        otherEnvironments()->refresh(m_client->endpoint());
}

void AvailabilityMonitor::refreshAll()
{
    refreshOtherEnvironments();
    // Nothing can be asked without a key (or before the sandbox is up).
    if (!m_client->hasSubscriptionKey() || !m_client->endpoint().baseUrl.isValid())
        return;
    const QString env = environment();
    for (const SiteRecord &record : m_store->sitesFor(env)) {
        if (m_client->endpoint().environment == Environment::Custom &&
            record.baseUrl != m_client->endpoint().baseUrl.toString(QUrl::StripTrailingSlash))
            continue;
        refreshSite(record.guid);
    }
}

void AvailabilityMonitor::refreshSite(const QString &guid)
{
    if (m_inFlight.contains(guid) || !m_client->hasSubscriptionKey())
        return;
    m_inFlight.insert(guid);
    const QString env = environment();
    SiteStatusCall *call = m_client->siteStatus(guid);
    connect(call, &ApiCall::finished, this, [this, call, guid, env]() {
        m_inFlight.remove(guid);
        if (call->ok()) {
            const SiteInfo site = call->site();
            m_model->updateStatus(env, site);
            emit siteRefreshed(site);
        } else if (call->error().kind != ApiError::Kind::Cancelled) {
            m_model->markUnreachable(env, guid, call->error().oneLine());
        }
    });
}

} // namespace Halo
