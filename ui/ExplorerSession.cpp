// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExplorerSession.h"

#include "EmbeddedSandbox.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "keys/KeyDialog.h"
#include "keys/KeyStore.h"
#include "services/AvailabilityMonitor.h"
#include "sites/SiteListModel.h"
#include "sites/SiteStore.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "sql/SnippetStore.h"
#include "sql/SqlEditorSession.h"
#include "storage/AppSettings.h"

#include <QMessageBox>

ExplorerSession::ExplorerSession(const QString &siteFile, QObject *parent)
    : QObject(parent)
    , m_client(new Halo::HaloApiClient(this))
    , m_keys(new Halo::KeyStore(this))
    , m_store(
          new Halo::SiteStore(siteFile.isEmpty() ? Halo::SiteStore::defaultPath() : siteFile, this))
    , m_sites(new Halo::SiteListModel(m_store, this))
    , m_monitor(new Halo::AvailabilityMonitor(m_client, m_store, m_sites, this))
    , m_history(new Halo::QueryHistory(Halo::QueryHistory::defaultPath(), this))
    , m_fhirHistory(new Halo::QueryHistory(Halo::QueryHistory::defaultFhirPath(), this))
    , m_fhirCapabilities(
          new Halo::FhirCapabilityCache(Halo::FhirCapabilityCache::defaultDirectory(), this))
    , m_snippets(new Halo::SnippetStore(Halo::SnippetStore::defaultPath(), this))
    , m_sqlEditors(new Halo::SqlEditorSession(Halo::SqlEditorSession::defaultPath(), this))
    , m_journal(std::make_unique<Halo::AsyncQueryJournal>())
{
    m_window = std::make_unique<MainWindow>(
        MainWindow::Parts{m_client, m_store, m_sites, m_monitor, m_history, m_snippets,
                          m_journal.get(), m_fhirHistory, m_fhirCapabilities, m_sqlEditors});
    connect(m_window.get(), &MainWindow::environmentRequested, this, &ExplorerSession::switchTo);
    connect(m_window.get(), &MainWindow::setKeyRequested, this, &ExplorerSession::askForKey);
    connect(m_window.get(), &MainWindow::forgetKeyRequested, this, &ExplorerSession::forgetKey);
    connect(this, &ExplorerSession::connected, m_window.get(), &MainWindow::connectionReady);

    connect(m_keys, &Halo::KeyStore::keyRead, this,
            [this](Halo::Environment environment, const QString &host, const QString &key) {
                if (environment != m_endpoint.environment || host != customOrigin())
                    return; // an answer for an environment no longer in use
                if (key.isEmpty())
                    askForKey();
                else
                    useKey(key);
            });
    connect(m_keys, &Halo::KeyStore::failed, this,
            [this](Halo::Environment environment, const QString &, Halo::KeyStore::Problem,
                   const QString &message) {
                if (environment == m_endpoint.environment)
                    m_window->showMessage(message);
            });
}

ExplorerSession::~ExplorerSession() = default;

QString ExplorerSession::customOrigin() const
{
    return m_endpoint.environment == Halo::Environment::Custom ? Halo::keyOrigin(m_endpoint.baseUrl)
                                                               : QString();
}

void ExplorerSession::start(const Halo::Endpoint &endpoint)
{
    QString error;
    // History and snippets that cannot be read are reported by their panels and never
    // overwritten; the session goes on without them.
    m_history->load();
    m_fhirHistory->load();
    m_snippets->load();
    if (!m_sqlEditors->load(&error))
        m_window->showMessage(error); // the editors start empty; the file stays as it was
    if (!m_store->load(&error))
        QMessageBox::warning(m_window.get(), tr("Site list"),
                             tr("%1\n\nSites cannot be added or changed until the file is "
                                "repaired or moved away.")
                                 .arg(error));
    m_window->restoreLayout();
    m_monitor->setIntervalSeconds(Halo::AppSettings().autoRefreshSeconds());
    m_monitor->setCoversOtherEnvironments(Halo::AppSettings().refreshesOtherEnvironments());
    switchTo(endpoint);
}

void ExplorerSession::switchTo(const Halo::Endpoint &endpoint)
{
    m_endpoint = endpoint;
    Halo::AppSettings().setLastEndpoint(endpoint);
    m_client->setSubscriptionKey(QString()); // a key never crosses environments
    m_client->setEndpoint(endpoint);
    m_window->setEndpoint(endpoint);
    if (endpoint.environment == Halo::Environment::Sandbox) {
        if (m_sandboxUrl.isEmpty())
            startSandbox();
        else
            connectToSandbox(m_sandboxUrl, m_sandboxKey);
        return;
    }
    m_window->showMessage(tr("Reading the %1 key from the keychain…")
                              .arg(Halo::environmentDisplayName(endpoint.environment)));
    m_keys->readKey(endpoint.environment, endpoint.baseUrl.toString());
}

void ExplorerSession::useKey(const QString &key)
{
    m_client->setSubscriptionKey(key);
    m_window->showMessage(tr("Connected to %1").arg(m_endpoint.baseUrl.toDisplayString()));
    m_monitor->refreshAll();
    emit connected();
}

void ExplorerSession::askForKey()
{
    if (m_endpoint.environment == Halo::Environment::Sandbox)
        return;
    auto *dialog = new KeyDialog(m_keys, m_endpoint, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this]() { m_keys->readKey(m_endpoint.environment, m_endpoint.baseUrl.toString()); });
    connect(dialog, &QDialog::rejected, this, [this]() {
        m_window->showMessage(tr("No subscription key for %1: nothing can be sent. Use "
                                 "Connection → Set subscription key.")
                                  .arg(Halo::environmentDisplayName(m_endpoint.environment)));
    });
    dialog->open();
    emit keyRequested();
}

void ExplorerSession::forgetKey()
{
    if (m_endpoint.environment == Halo::Environment::Sandbox)
        return;
    const auto answer =
        QMessageBox::question(m_window.get(), tr("Forget subscription key"),
                              tr("Remove the %1 subscription key from the keychain?")
                                  .arg(Halo::environmentDisplayName(m_endpoint.environment)));
    if (answer != QMessageBox::Yes)
        return;
    m_client->setSubscriptionKey(QString());
    m_keys->forgetKey(m_endpoint.environment, m_endpoint.baseUrl.toString());
    m_window->showMessage(tr("The key was removed; nothing can be sent until a new one is set."));
}

void ExplorerSession::startSandbox()
{
    m_sandbox = std::make_unique<Sandbox::EmbeddedSandbox>(Sandbox::SandboxOptions{});
    connect(m_sandbox.get(), &Sandbox::EmbeddedSandbox::ready, this,
            [this](const QString &baseUrl, const QString &key) {
                m_sandboxUrl = baseUrl;
                m_sandboxKey = key;
                if (m_endpoint.environment == Halo::Environment::Sandbox)
                    connectToSandbox(baseUrl, key);
            });
    connect(m_sandbox.get(), &Sandbox::EmbeddedSandbox::failed, this,
            [this](const QString &message) {
                m_window->showMessage(tr("The sandbox could not start: %1").arg(message));
            });
    m_window->showMessage(tr("Starting the sandbox…"));
    m_sandbox->start();
}

void ExplorerSession::connectToSandbox(const QString &baseUrl, const QString &key)
{
    m_endpoint.baseUrl = QUrl(baseUrl);
    m_client->setEndpoint(m_endpoint);
    m_client->setSubscriptionKey(key); // generated for this run only; never in the keychain
    m_window->setEndpoint(m_endpoint);
    seedSandboxSites();
    m_monitor->refreshAll();
    m_window->showMessage(tr("Sandbox listening on %1").arg(baseUrl));
    emit connected();
}

void ExplorerSession::seedSandboxSites()
{
    // A first look at the sandbox needs something to click on: its sample practices, recorded
    // as they were "at onboarding" (so the renamed one shows as renamed).
    if (!m_store->sitesFor(QStringLiteral("sandbox")).isEmpty() || m_store->isReadOnly())
        return;
    for (const Sandbox::SampleSite &sample : Sandbox::sampleSites()) {
        Halo::SiteRecord record;
        record.environment = QStringLiteral("sandbox");
        record.guid = sample.guid;
        record.pmsType = sample.pmsType;
        record.pmsId = sample.pmsId;
        record.recorded.practiceName = sample.recordedPracticeName;
        record.recorded.pmsVersion = sample.pmsVersion;
        record.recorded.haloLinkVersion = sample.haloLinkVersion;
        record.recorded.recordedAt = sample.createdAt;
        record.addedAt = QDateTime::currentDateTimeUtc();
        record.notes = sample.scenarioText;
        QString error;
        if (!m_store->add(record, &error)) {
            m_window->showMessage(error);
            return;
        }
    }
}
