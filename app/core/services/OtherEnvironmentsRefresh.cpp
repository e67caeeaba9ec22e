// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/OtherEnvironmentsRefresh.h"

#include "api/HaloApiClient.h"
#include "keys/KeyStore.h"
#include "services/AvailabilityMonitor.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"

namespace Halo {

namespace {

Endpoint endpointOf(const SiteRecord &record, Environment environment)
{
    Endpoint endpoint;
    endpoint.environment = environment;
    endpoint.baseUrl =
        environment == Environment::Custom ? QUrl(record.baseUrl) : defaultBaseUrl(environment);
    return endpoint;
}

bool sameDestination(const Endpoint &a, const Endpoint &b)
{
    if (a.environment != b.environment)
        return false;
    return a.environment != Environment::Custom || keyOrigin(a.baseUrl) == keyOrigin(b.baseUrl);
}

} // namespace

OtherEnvironmentsRefresh::OtherEnvironmentsRefresh(SiteStore *store, SiteListModel *model,
                                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
    , m_keys(new KeyStore(this)) // its own: the session's answers must not reach this
{
    connect(m_keys, &KeyStore::keyRead, this, &OtherEnvironmentsRefresh::onKeyRead);
    connect(m_keys, &KeyStore::failed, this,
            [this](Environment environment, const QString &origin, KeyStore::Problem,
                   const QString &message) { onKeyFailed(environment, origin, message); });
}

OtherEnvironmentsRefresh::~OtherEnvironmentsRefresh() = default;

QString OtherEnvironmentsRefresh::keyFor(Environment environment, const QString &origin)
{
    return environmentId(environment) + QLatin1Char(' ') + origin;
}

QString OtherEnvironmentsRefresh::keyFor(const Endpoint &endpoint)
{
    return keyFor(endpoint.environment, endpoint.environment == Environment::Custom
                                            ? keyOrigin(endpoint.baseUrl)
                                            : QString());
}

OtherEnvironmentsRefresh::Destination &
OtherEnvironmentsRefresh::destination(const Endpoint &endpoint)
{
    Destination &found = m_destinations[keyFor(endpoint)];
    if (!found.client) {
        found.endpoint = endpoint;
        found.client = new HaloApiClient(this);
        found.client->setEndpoint(endpoint);
        found.monitor = new AvailabilityMonitor(found.client, m_store, m_model, found.client);
    }
    if (m_log)
        found.client->shareRequestLog(m_log);
    return found;
}

void OtherEnvironmentsRefresh::refresh(const Endpoint &current)
{
    QHash<QString, int> counted;
    for (const SiteRecord &record : m_store->sites()) {
        const std::optional<Environment> environment = environmentFromId(record.environment);
        if (!environment)
            continue;
        const Endpoint endpoint = endpointOf(record, *environment);
        if (sameDestination(endpoint, current))
            continue;
        const QString name = endpointDisplayName(endpoint);
        const QString key = keyFor(endpoint);
        if (counted.contains(key)) {
            ++counted[key];
            continue;
        }
        counted.insert(key, 1);
        if (endpoint.environment == Environment::Sandbox) {
            emit skipped(name, tr("a sandbox's key exists only in the session that started it"));
            continue;
        }
        if (keyOrigin(endpoint.baseUrl).isEmpty()) {
            emit skipped(name, tr("its base URL is not an http(s) address"));
            continue;
        }
        if (needsPlainHttpConsent(endpoint.baseUrl)) {
            emit skipped(name, tr("it is plain HTTP off this machine; connect to it to consent"));
            continue;
        }
        destination(endpoint);
    }
    for (auto it = counted.cbegin(); it != counted.cend(); ++it) {
        auto found = m_destinations.find(it.key());
        if (found == m_destinations.end())
            continue;
        found->sites = it.value();
        m_keys->readKey(found->endpoint.environment, found->endpoint.baseUrl.toString());
    }
}

void OtherEnvironmentsRefresh::onKeyRead(Environment environment, const QString &origin,
                                         const QString &key)
{
    auto found = m_destinations.find(keyFor(environment, origin));
    if (found == m_destinations.end())
        return;
    const QString name = endpointDisplayName(found->endpoint);
    if (key.isEmpty()) {
        found->client->setSubscriptionKey(QString());
        emit skipped(name, tr("no subscription key is saved for it"));
        return;
    }
    found->client->setSubscriptionKey(key); // read afresh each time: it may have changed
    emit refreshing(name, found->sites);
    found->monitor->refreshAll();
}

void OtherEnvironmentsRefresh::onKeyFailed(Environment environment, const QString &origin,
                                           const QString &message)
{
    auto found = m_destinations.find(keyFor(environment, origin));
    if (found == m_destinations.end())
        return;
    emit skipped(endpointDisplayName(found->endpoint),
                 tr("its key could not be read: %1").arg(message));
}

} // namespace Halo
