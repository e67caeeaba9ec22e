// SPDX-License-Identifier: GPL-3.0-or-later
// Availability refresh across environments: with the user's consent, the saved sites of every
// other environment that has a key in the (real, private) keyring are refreshed through their
// own key; environments without a key are skipped and said so, and nothing reaches them.
// Two "Custom" services are sandboxes on loopback; the one in use is a third.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "keys/KeyStore.h"
#include "net/RequestLog.h"
#include "services/AvailabilityMonitor.h"
#include "services/OtherEnvironmentsRefresh.h"
#include "sites/SiteListModel.h"
#include "sites/SiteStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Halo;

namespace {

const int kTimeoutMs = 15000;

// A sandbox on loopback that counts the requests it answered, per status code.
struct CountingSandbox {
    explicit CountingSandbox(const QString &key)
        : server(options(key))
    {
        port = server.listen();
        QObject::connect(&server, &Sandbox::SandboxServer::requestHandled, &server,
                         [this](const QString &, const QString &, int status) {
                             ++answered[status];
                             ++total;
                         });
    }
    static Sandbox::SandboxOptions options(const QString &key)
    {
        Sandbox::SandboxOptions options;
        options.key = key;
        return options;
    }
    Sandbox::SandboxServer server;
    quint16 port = 0;
    QHash<int, int> answered;
    int total = 0;
};

const Sandbox::SampleSite &sample(Sandbox::SiteScenario scenario)
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario)
            return site;
    }
    qFatal("no sample site for the scenario");
}

SiteRecord record(const QString &environment, const QString &baseUrl, const QString &guid,
                  const QString &pmsId)
{
    SiteRecord site;
    site.environment = environment;
    site.baseUrl = baseUrl;
    site.guid = guid;
    site.pmsType = QStringLiteral("BestPractice");
    site.pmsId = pmsId;
    site.addedAt = QDateTime::currentDateTimeUtc();
    return site;
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).remove(QLatin1Char('-'));
}

} // namespace

class TestOtherEnvironments : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void offByDefaultNothingElseIsAsked();
    void everyEnvironmentWithAKeyIsRefreshedThroughItsOwnKey();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CountingSandbox> m_inUse;
    std::unique_ptr<CountingSandbox> m_keyed;   // Custom, its key in the keyring
    std::unique_ptr<CountingSandbox> m_keyless; // Custom, no key saved
    std::unique_ptr<SiteStore> m_store;
    std::unique_ptr<SiteListModel> m_model;
    std::unique_ptr<HaloApiClient> m_client;
    std::unique_ptr<AvailabilityMonitor> m_monitor;
    QString m_keyedKey;
};

void TestOtherEnvironments::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    m_inUse = std::make_unique<CountingSandbox>(newKey());
    m_keyedKey = newKey();
    m_keyed = std::make_unique<CountingSandbox>(m_keyedKey);
    m_keyless = std::make_unique<CountingSandbox>(newKey());
    QVERIFY(m_inUse->port && m_keyed->port && m_keyless->port);

    m_store = std::make_unique<SiteStore>(m_dir->filePath(QStringLiteral("sites.json")));
    const Sandbox::SampleSite &online = sample(Sandbox::SiteScenario::Online);
    const Sandbox::SampleSite &offline = sample(Sandbox::SiteScenario::Offline);
    const QString keyedUrl = m_keyed->server.baseUrl();
    const QString keylessUrl = m_keyless->server.baseUrl();
    QVERIFY(m_store->add(record(QStringLiteral("sandbox"), {}, online.guid, online.pmsId)));
    QVERIFY(m_store->add(record(QStringLiteral("custom"), keyedUrl, online.guid, online.pmsId)));
    QVERIFY(m_store->add(record(QStringLiteral("custom"), keyedUrl, offline.guid, offline.pmsId)));
    QVERIFY(m_store->add(record(QStringLiteral("custom"), keylessUrl,
                                QStringLiteral("6b1f0c2e-9d3a-4e57-8c41-2f7a5b9e0d13"),
                                QStringLiteral("BP-70001"))));
    QVERIFY(m_store->add(record(QStringLiteral("stage"), {},
                                QStringLiteral("9c2e7a41-5b0d-4f38-a6e1-d07b3c85f294"),
                                QStringLiteral("BP-70002"))));
    m_model = std::make_unique<SiteListModel>(m_store.get());

    m_client = std::make_unique<HaloApiClient>();
    m_client->setEndpoint({Environment::Sandbox, QUrl(m_inUse->server.baseUrl())});
    m_client->setSubscriptionKey(m_inUse->server.options().key);
    m_monitor = std::make_unique<AvailabilityMonitor>(m_client.get(), m_store.get(), m_model.get());

    // The keyed service's key, saved as a user would (its own KeyStore).
    KeyStore keys;
    QSignalSpy written(&keys, &KeyStore::keyWritten);
    QSignalSpy failed(&keys, &KeyStore::failed);
    keys.writeKey(Environment::Custom, keyedUrl, m_keyedKey);
    QTRY_VERIFY_WITH_TIMEOUT(written.count() + failed.count() == 1, kTimeoutMs);
    QCOMPARE(failed.count(), 0);
}

void TestOtherEnvironments::cleanup()
{
    if (m_keyed) {
        KeyStore keys;
        QSignalSpy forgotten(&keys, &KeyStore::keyForgotten);
        QSignalSpy failed(&keys, &KeyStore::failed);
        keys.forgetKey(Environment::Custom, m_keyed->server.baseUrl());
        QTRY_VERIFY_WITH_TIMEOUT(forgotten.count() + failed.count() == 1, kTimeoutMs);
    }
    m_monitor.reset();
    m_client.reset();
    m_model.reset();
    m_store.reset();
    m_keyless.reset();
    m_keyed.reset();
    m_inUse.reset();
}

void TestOtherEnvironments::offByDefaultNothingElseIsAsked()
{
    QVERIFY(!m_monitor->coversOtherEnvironments());
    m_monitor->refreshAll();
    QTRY_COMPARE_WITH_TIMEOUT(m_inUse->answered.value(200), 1, kTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(m_keyed->total, 0);
    QCOMPARE(m_keyless->total, 0);
    const Sandbox::SampleSite &online = sample(Sandbox::SiteScenario::Online);
    QVERIFY(!m_model->liveStatus(QStringLiteral("custom"), online.guid));
}

void TestOtherEnvironments::everyEnvironmentWithAKeyIsRefreshedThroughItsOwnKey()
{
    m_monitor->setCoversOtherEnvironments(true);
    QSignalSpy refreshing(m_monitor.get(), &AvailabilityMonitor::otherEnvironmentRefreshing);
    QSignalSpy skipped(m_monitor.get(), &AvailabilityMonitor::otherEnvironmentSkipped);
    m_monitor->refreshAll();

    const Sandbox::SampleSite &online = sample(Sandbox::SiteScenario::Online);
    const Sandbox::SampleSite &offline = sample(Sandbox::SiteScenario::Offline);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->liveStatus(QStringLiteral("custom"), online.guid) &&
                                 m_model->liveStatus(QStringLiteral("custom"), offline.guid),
                             kTimeoutMs);
    QCOMPARE(m_model->liveStatus(QStringLiteral("custom"), online.guid)->availability,
             SiteInfo::Availability::Online);
    QCOMPARE(m_model->liveStatus(QStringLiteral("custom"), offline.guid)->availability,
             SiteInfo::Availability::Offline);
    // Its own key was accepted: two status reads answered 200, nothing refused.
    QCOMPARE(m_keyed->answered.value(200), 2);
    QCOMPARE(m_keyed->total, 2);
    // The environment in use is refreshed as before.
    QTRY_COMPARE_WITH_TIMEOUT(m_inUse->answered.value(200), 1, kTimeoutMs);

    // Stage and the keyless service have no key: skipped, said, and never asked.
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 2, kTimeoutMs);
    QStringList skippedDestinations;
    for (const QList<QVariant> &signal : skipped) {
        skippedDestinations << signal.at(0).toString();
        QVERIFY(signal.at(1).toString().contains(QLatin1String("no subscription key")));
    }
    QVERIFY2(skippedDestinations.contains(QStringLiteral("Stage")),
             qPrintable(skippedDestinations.join(QLatin1String(", "))));
    QCOMPARE(m_keyless->total, 0);
    QCOMPARE(refreshing.count(), 1);
    QCOMPARE(refreshing.at(0).at(1).toInt(), 2);

    // The requests are in the session's request log, where the user inspects them, and no
    // exchange there carries a key.
    int keyedExchanges = 0;
    for (const LoggedExchange &exchange : m_client->requestLog()->exchanges()) {
        if (exchange.url.port() == m_keyed->port)
            ++keyedExchanges;
        for (const auto &header : exchange.requestHeaders)
            QVERIFY(!header.second.contains(m_keyedKey.toUtf8()));
    }
    QCOMPARE(keyedExchanges, 2);

    // Turned off again: the next refresh asks only the environment in use.
    m_monitor->setCoversOtherEnvironments(false);
    m_monitor->refreshAll();
    QTRY_COMPARE_WITH_TIMEOUT(m_inUse->answered.value(200), 2, kTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(m_keyed->total, 2);
}

QTEST_MAIN(TestOtherEnvironments)
#include "tst_otherenvironments.moc"
