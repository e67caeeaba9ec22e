// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

#include "net/Environment.h"

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;
class EnvironmentBanner;
class SiteListPanel;
class SiteStatusPanel;
class RequestLogView;
class SqlWorkspace;
class FhirTab;
class VerifySitesDialog;

namespace Halo {
class ApiCall;
class PrivacyMode;
class AsyncQueryJournal;
class AvailabilityMonitor;
class FhirCapabilityCache;
class SqlEditorSession;
class QueryHistory;
class SnippetStore;
class HaloApiClient;
class SiteListModel;
class SiteStore;
struct SiteCsvDefaults;
struct SiteRecord;
} // namespace Halo

// The main window: a coordinator that lays out the parts and forwards what the user does.
// Left: the site list; right: tabs Status, SQL, FHIR and Log for the selected site.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Parts {
        Halo::HaloApiClient *client = nullptr;
        Halo::SiteStore *store = nullptr;
        Halo::SiteListModel *sites = nullptr;
        Halo::AvailabilityMonitor *monitor = nullptr;
        Halo::QueryHistory *history = nullptr;
        Halo::SnippetStore *snippets = nullptr;
        Halo::AsyncQueryJournal *journal = nullptr;
        Halo::QueryHistory *fhirHistory = nullptr; // FHIR query lines
        Halo::FhirCapabilityCache *fhirCapabilities = nullptr;
        Halo::SqlEditorSession *sqlEditors = nullptr; // null: editors not kept between sessions
    };
    explicit MainWindow(const Parts &parts, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setEndpoint(const Halo::Endpoint &endpoint);
    // The key for the endpoint is in place: the selected site's panels may send again.
    void connectionReady();
    void showMessage(const QString &message);
    void restoreLayout();

    SiteListPanel *siteListPanel() const { return m_siteList; }
    SiteStatusPanel *statusPanel() const { return m_statusPanel; }
    SqlWorkspace *sqlWorkspace() const { return m_sqlWorkspace; }
    FhirTab *fhirTab() const { return m_fhirTab; }
    Halo::PrivacyMode *privacyMode() const { return m_privacy; }

signals:
    void environmentRequested(const Halo::Endpoint &endpoint);
    void setKeyRequested();
    void forgetKeyRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showPatientInSql(const QString &fhirId); // a SQL editor on its row, run
    void createActions();
    void createMenusAndToolbar();
    void addSite();
    void verifySites();
    void importSites();
    Halo::SiteCsvDefaults importDefaults() const;
    void exportSites();
    void chooseCustomEnvironment();
    void showSite(const Halo::SiteRecord &record);
    // Whether requests for this site would go where the site lives: its environment (and, for
    // a custom service, its base URL) is the one connected now.
    bool isOnCurrentEndpoint(const Halo::SiteRecord &record) const;
    void switchToEnvironmentOf(const Halo::SiteRecord &record);
    void reportCall(Halo::ApiCall *call);
    void updateProductionMarks();
    void updateTitle();
    // Privacy mode on or off in every view that shows patient data, the toggle and the title.
    void applyPrivacy(bool on);

    Parts m_parts;
    Halo::Endpoint m_endpoint;
    EnvironmentBanner *m_banner;
    QSplitter *m_splitter;
    SiteListPanel *m_siteList;
    QTabWidget *m_tabs;
    QWidget *m_otherEnvironment; // "this site is on Stage; switch?" above the tabs
    QLabel *m_otherEnvironmentText;
    SiteStatusPanel *m_statusPanel;
    SqlWorkspace *m_sqlWorkspace;
    FhirTab *m_fhirTab;
    RequestLogView *m_logView;
    QLabel *m_statusLabel;
    QComboBox *m_environmentBox;
    Halo::PrivacyMode *m_privacy;

    QAction *m_addSiteAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QPointer<VerifySitesDialog> m_verifyDialog;
    QAction *m_refreshAction = nullptr;
    QAction *m_otherEnvironmentsAction = nullptr; // refresh covers every environment with a key
    QAction *m_filterAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_setKeyAction = nullptr;
    QAction *m_forgetKeyAction = nullptr;
    QAction *m_keepHistoryAction = nullptr; // per environment, in AppSettings
    QAction *m_privacyAction = nullptr;     // per environment, in AppSettings
    QActionGroup *m_refreshIntervals = nullptr;
};
