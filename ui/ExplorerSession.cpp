#include "ExplorerSession.h"

#include "EmbeddedSandbox.h"
#include "HaloApiClient.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "SiteListModel.h"

ExplorerSession::ExplorerSession(QObject *parent)
    : QObject(parent)
    , m_client(new Halo::HaloApiClient(this))
    , m_sites(new Halo::SiteListModel(this))
    , m_window(std::make_unique<MainWindow>(m_client, m_sites))
{
    connect(m_window.get(), &MainWindow::refreshRequested, this, &ExplorerSession::refreshAll);
}

ExplorerSession::~ExplorerSession() = default;

void ExplorerSession::start(const Halo::Endpoint &endpoint)
{
    m_endpoint = endpoint;
    m_client->setEndpoint(endpoint);
    m_window->setEndpoint(endpoint);
    if (endpoint.environment != Halo::Environment::Sandbox) {
        m_window->showMessage(tr("No subscription key is set for this environment yet."));
        return;
    }
    m_sandbox = std::make_unique<Sandbox::EmbeddedSandbox>(Sandbox::SandboxOptions{});
    connect(m_sandbox.get(), &Sandbox::EmbeddedSandbox::ready, this,
            &ExplorerSession::connectToSandbox);
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
    // The sandbox's key is generated for this run only; it never reaches the keychain.
    m_client->setSubscriptionKey(key);
    m_window->setEndpoint(m_endpoint);
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites())
        m_sites->addGuid(site.guid);
    refreshAll();
    m_window->showMessage(tr("Sandbox listening on %1").arg(baseUrl));
    emit connected();
}

void ExplorerSession::refreshAll()
{
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        const QString guid = m_sites->index(row, 0).data(Halo::SiteListModel::GuidRole).toString();
        Halo::ApiCall *call = m_client->siteStatus(guid);
        connect(call, &Halo::ApiCall::finished, this, [this, call, guid]() {
            if (call->ok()) {
                m_sites->updateSite(Halo::SiteInfo::fromJson(call->jsonObject()));
                return;
            }
            m_sites->markFailed(guid, call->error().title());
            m_window->showMessage(tr("Site %1: %2").arg(guid, call->error().oneLine()));
        });
    }
}
