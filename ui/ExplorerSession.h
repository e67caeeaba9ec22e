// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <memory>

#include "net/Environment.h"

class MainWindow;

namespace Halo {
class AsyncQueryJournal;
class AvailabilityMonitor;
class FhirCapabilityCache;
class QueryHistory;
class SnippetStore;
class SqlEditorSession;
class HaloApiClient;
class KeyStore;
class SiteListModel;
class SiteStore;
} // namespace Halo

namespace Sandbox {
class EmbeddedSandbox;
}

// One running Halo Explorer: the core objects and the window, connected to one environment at a
// time. It finds the environment's key in the keychain (asking for it when there is none) or
// starts the embedded sandbox, and remembers the environment for the next run.
class ExplorerSession : public QObject
{
    Q_OBJECT
public:
    // `siteFile` empty: the default location in the user's data folder.
    explicit ExplorerSession(const QString &siteFile = QString(), QObject *parent = nullptr);
    ~ExplorerSession() override;

    void start(const Halo::Endpoint &endpoint);
    void switchTo(const Halo::Endpoint &endpoint);

    MainWindow *window() const { return m_window.get(); }
    Halo::SiteListModel *sites() const { return m_sites; }
    Halo::SiteStore *store() const { return m_store; }
    Halo::HaloApiClient *client() const { return m_client; }
    Halo::KeyStore *keyStore() const { return m_keys; }

signals:
    void connected();    // the endpoint and its key are set and the first refresh has been sent
    void keyRequested(); // the key dialog is open (first run or a missing key)

private:
    void useKey(const QString &key);
    void askForKey();
    void forgetKey();
    void startSandbox();
    void connectToSandbox(const QString &baseUrl, const QString &key);
    void seedSandboxSites();
    QString customOrigin() const; // the keychain entry's origin: Custom only

    Halo::Endpoint m_endpoint;
    Halo::HaloApiClient *m_client;
    Halo::KeyStore *m_keys;
    Halo::SiteStore *m_store;
    Halo::SiteListModel *m_sites;
    Halo::AvailabilityMonitor *m_monitor;
    Halo::QueryHistory *m_history;
    Halo::QueryHistory *m_fhirHistory;
    Halo::FhirCapabilityCache *m_fhirCapabilities;
    Halo::SnippetStore *m_snippets;
    Halo::SqlEditorSession *m_sqlEditors;
    std::unique_ptr<Halo::AsyncQueryJournal> m_journal;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Sandbox::EmbeddedSandbox> m_sandbox;
    QString m_sandboxUrl;
    QString m_sandboxKey; // generated per run by the sandbox; never stored
};
