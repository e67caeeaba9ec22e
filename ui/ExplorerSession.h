#pragma once

#include <QObject>
#include <memory>

#include "Environment.h"

class MainWindow;

namespace Halo {
class HaloApiClient;
class SiteListModel;
} // namespace Halo

namespace Sandbox {
class EmbeddedSandbox;
}

// One running Halo Explorer: the API client, the site list and the window, connected to one
// environment (starting the embedded sandbox when that is the environment).
class ExplorerSession : public QObject
{
    Q_OBJECT
public:
    explicit ExplorerSession(QObject *parent = nullptr);
    ~ExplorerSession() override;

    void start(const Halo::Endpoint &endpoint);

    MainWindow *window() const { return m_window.get(); }
    Halo::SiteListModel *sites() const { return m_sites; }
    Halo::HaloApiClient *client() const { return m_client; }

signals:
    void connected(); // the endpoint is known and the first refresh has been sent

private:
    void refreshAll();
    void connectToSandbox(const QString &baseUrl, const QString &key);

    Halo::Endpoint m_endpoint;
    Halo::HaloApiClient *m_client;
    Halo::SiteListModel *m_sites;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Sandbox::EmbeddedSandbox> m_sandbox;
};
