// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "EnvironmentBanner.h"
#include "HelpMenu.h"
#include "PlainHttpConsent.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirTab.h"
#include "log/RequestLogView.h"
#include "privacy/PrivacyMode.h"
#include "services/AvailabilityMonitor.h"
#include "sites/AddSiteDialog.h"
#include "sites/HeartbeatMenu.h"
#include "sites/SiteFileDrop.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteStore.h"
#include "sites/VerifySitesDialog.h"
#include "sql/PatientLinks.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"
#include "status/SiteStatusPanel.h"
#include "storage/AppSettings.h"
#include "widgets/AccessibleControls.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

MainWindow::MainWindow(const Parts &parts, QWidget *parent)
    : QMainWindow(parent)
    , m_parts(parts)
    , m_banner(new EnvironmentBanner(this))
    , m_splitter(new QSplitter(this))
    , m_siteList(new SiteListPanel(parts.sites, parts.store, this))
    , m_tabs(new QTabWidget(this))
    , m_otherEnvironment(new QWidget(this))
    , m_otherEnvironmentText(new QLabel(this))
    , m_statusPanel(new SiteStatusPanel(parts.client, parts.store, this))
    , m_sqlWorkspace(new SqlWorkspace(parts.client, parts.history, parts.snippets, parts.journal,
                                      parts.sqlEditors, this))
    , m_fhirTab(new FhirTab(parts.client, parts.fhirCapabilities, parts.fhirHistory, this))
    , m_logView(new RequestLogView(parts.client->requestLog(), this))
    , m_statusLabel(new QLabel(this))
    , m_environmentBox(new QComboBox(this))
    , m_privacy(new Halo::PrivacyMode(this))
{
    AccessibleControls::install(); // main() does it earlier, before an AT can ask
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 800);

    m_tabs->setObjectName(QStringLiteral("siteTabs"));
    m_tabs->setAccessibleName(tr("Site tabs"));
    m_tabs->addTab(m_statusPanel, tr("&Status"));
    m_tabs->addTab(m_sqlWorkspace, tr("S&QL"));
    m_sqlWorkspace->setEnabled(false); // until a site is chosen
    m_tabs->addTab(m_fhirTab, tr("&FHIR"));
    m_fhirTab->setEnabled(false); // until a site is chosen
    m_tabs->addTab(m_logView, tr("&Log"));

    // A site of another environment is shown, never queried through this one's connection.
    m_otherEnvironment->setObjectName(QStringLiteral("otherEnvironmentNotice"));
    m_otherEnvironmentText->setAccessibleName(tr("Site of another environment"));
    AccessibleControls::makeSelectable(m_otherEnvironmentText);
    m_otherEnvironmentText->setWordWrap(true);
    auto *switchButton = new QPushButton(tr("S&witch environment"), m_otherEnvironment);
    switchButton->setObjectName(QStringLiteral("switchToSiteEnvironment"));
    switchButton->setAccessibleName(tr("Switch to the site's environment"));
    connect(switchButton, &QPushButton::clicked, this, [this]() {
        if (const Halo::SiteRecord *record = m_siteList->selectedRecord())
            switchToEnvironmentOf(*record);
    });
    auto *noticeLayout = new QHBoxLayout(m_otherEnvironment);
    noticeLayout->addWidget(m_otherEnvironmentText, 1);
    noticeLayout->addWidget(switchButton);
    m_otherEnvironment->hide();
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_otherEnvironment);
    rightLayout->addWidget(m_tabs, 1);

    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_siteList);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    // The site list's two columns at the left; the SQL tab's editor, results and tools need
    // the rest at the default 1280 wide.
    m_splitter->setSizes({360, 920});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_statusLabel->setObjectName(QStringLiteral("lastRequestStatus"));
    m_statusLabel->setAccessibleName(tr("Last request"));
    AccessibleControls::makeSelectable(m_statusLabel);
    statusBar()->addWidget(m_statusLabel, 1);

    createActions();
    createMenusAndToolbar();
    connect(m_privacy, &Halo::PrivacyMode::changed, this, [this](bool on) {
        applyPrivacy(on);
        showMessage(on ? tr("Privacy mode on: patient data is hidden") : tr("Privacy mode off"));
    });
    applyPrivacy(m_privacy->isOn());

    connect(m_siteList, &SiteListPanel::siteSelected, this, &MainWindow::showSite);
    connect(m_statusPanel, &SiteStatusPanel::statusFetched, this,
            [this](const Halo::SiteInfo &site) {
                m_parts.sites->updateStatus(Halo::environmentId(m_endpoint.environment), site);
                // The catalogues arrive with the status: give them to the SQL tab.
                if (const Halo::SiteRecord *record = m_siteList->selectedRecord();
                    record && record->guid == site.guid)
                    m_sqlWorkspace->setLiveStatus(*record, &site);
            });
    connect(m_statusPanel, &SiteStatusPanel::siteUpdated, this,
            [this](const Halo::SiteRecord &, const Halo::SiteRecord &updated) {
                m_siteList->selectSite(updated.environment, updated.guid);
            });
    connect(m_parts.client, &Halo::HaloApiClient::callFinished, this, &MainWindow::reportCall);
    // One patient between the practice's SQL and its FHIR facade, both ways.
    connect(m_sqlWorkspace, &SqlWorkspace::openFhirPatientRequested, this,
            [this](const QString &fhirId) {
                m_tabs->setCurrentWidget(m_fhirTab);
                m_fhirTab->openPatient(fhirId);
            });
    connect(m_fhirTab, &FhirTab::showInSqlRequested, this, &MainWindow::showPatientInSql);

    // A .csv or site list dropped anywhere on the window is imported, as Import sites would.
    auto *drop = new SiteFileDrop(this);
    connect(drop, &SiteFileDrop::filesDropped, this,
            [this](const QStringList &paths) { m_siteList->importFiles(paths, importDefaults()); });
    connect(m_siteList, &SiteListPanel::sitesImported, m_parts.monitor,
            &Halo::AvailabilityMonitor::refreshAll);
}

MainWindow::~MainWindow()
{
    // The panels cancel their calls as they are destroyed, after this window's members are gone,
    // and the client reports each cancellation: none of it may reach reportCall().
    disconnect(m_parts.client, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    m_addSiteAction = new QAction(tr("&Add site…"), this);
    m_addSiteAction->setObjectName(QStringLiteral("addSiteAction"));
    m_addSiteAction->setShortcut(QKeySequence::New);
    connect(m_addSiteAction, &QAction::triggered, this, &MainWindow::addSite);

    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, [this]() {
        m_parts.monitor->refreshAll();
        m_statusPanel->refresh();
    });

    // Off unless asked for: it reads the other environments' keys and sends to them.
    m_otherEnvironmentsAction = new QAction(tr("Include every &environment with a key"), this);
    m_otherEnvironmentsAction->setObjectName(QStringLiteral("refreshOtherEnvironmentsAction"));
    m_otherEnvironmentsAction->setCheckable(true);
    m_otherEnvironmentsAction->setChecked(Halo::AppSettings().refreshesOtherEnvironments());
    m_otherEnvironmentsAction->setToolTip(
        tr("Refresh the availability of saved sites in every environment whose key is in the "
           "keychain, not only the one in use"));
    connect(m_otherEnvironmentsAction, &QAction::toggled, this, [this](bool covers) {
        m_parts.monitor->setCoversOtherEnvironments(covers);
        Halo::AppSettings().setRefreshesOtherEnvironments(covers);
        m_parts.monitor->refreshOtherEnvironments(); // the one in use is current already
    });
    connect(m_parts.monitor, &Halo::AvailabilityMonitor::otherEnvironmentRefreshing, this,
            [this](const QString &destination, int sites) {
                showMessage(tr("Refreshing the availability of %n site(s) in %1…", nullptr, sites)
                                .arg(destination));
            });
    connect(m_parts.monitor, &Halo::AvailabilityMonitor::otherEnvironmentSkipped, this,
            [this](const QString &destination, const QString &reason) {
                showMessage(tr("%1 not refreshed: %2.").arg(destination, reason));
            });

    m_filterAction = new QAction(tr("&Filter sites"), this);
    m_filterAction->setShortcut(QKeySequence::Find);
    connect(m_filterAction, &QAction::triggered, m_siteList, &SiteListPanel::focusFilter);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_verifyAction = new QAction(tr("&Verify sites…"), this);
    m_verifyAction->setObjectName(QStringLiteral("verifySitesAction"));
    m_verifyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_verifyAction->setToolTip(tr("Checks every saved site of this environment: its authoritative "
                                  "install, status and identifiers"));
    connect(m_verifyAction, &QAction::triggered, this, &MainWindow::verifySites);

    m_importAction = new QAction(tr("&Import sites…"), this);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importSites);
    m_exportAction = new QAction(tr("&Export sites…"), this);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportSites);

    m_setKeyAction = new QAction(tr("Set subscription &key…"), this);
    connect(m_setKeyAction, &QAction::triggered, this, &MainWindow::setKeyRequested);
    m_forgetKeyAction = new QAction(tr("&Forget subscription key"), this);
    connect(m_forgetKeyAction, &QAction::triggered, this, &MainWindow::forgetKeyRequested);

    // Per environment: the SQL and FHIR text run here, kept in the histories. Off records
    // nothing new; the history panels still show (and clear) what is there.
    m_keepHistoryAction = new QAction(tr("Keep query &history for this environment"), this);
    m_keepHistoryAction->setObjectName(QStringLiteral("keepHistoryAction"));
    m_keepHistoryAction->setCheckable(true);
    m_keepHistoryAction->setStatusTip(tr("Record the SQL and FHIR queries you run on this "
                                         "environment in its query history"));
    connect(m_keepHistoryAction, &QAction::triggered, this, [this](bool keep) {
        Halo::AppSettings().setKeepsHistory(m_endpoint.environment, keep);
    });

    // For screen sharing: patient data hidden in every view; remembered per environment.
    m_privacyAction = new QAction(tr("&Privacy mode"), this);
    m_privacyAction->setObjectName(QStringLiteral("privacyModeAction"));
    m_privacyAction->setCheckable(true);
    m_privacyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_privacyAction->setToolTip(tr("Privacy mode (Ctrl+Shift+P): hide names, dates of birth, "
                                   "addresses and other patient data on screen"));
    m_privacyAction->setStatusTip(m_privacyAction->toolTip());
    connect(m_privacyAction, &QAction::triggered, m_privacy, &Halo::PrivacyMode::setOn);
}

void MainWindow::createMenusAndToolbar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addSiteAction);
    file->addAction(m_verifyAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_siteList->removeAction());
    edit->addAction(m_siteList->undoRemoveAction());
    edit->addSeparator();
    edit->addAction(m_siteList->exportSelectedAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_filterAction);
    view->addAction(m_privacyAction);
    view->addMenu(new HeartbeatMenu(m_parts.sites, view));
    QMenu *interval = view->addMenu(tr("&Auto-refresh availability"));
    m_refreshIntervals = new QActionGroup(this);
    const int current = Halo::AppSettings().autoRefreshSeconds();
    for (int seconds : {0, 30, 60, 300, 900}) {
        QAction *choice = interval->addAction(
            seconds == 0 ? tr("Off")
                         : (seconds < 60 ? tr("Every %1 seconds").arg(seconds)
                                         : tr("Every %1 minutes").arg(seconds / 60)));
        choice->setCheckable(true);
        choice->setChecked(seconds == current);
        m_refreshIntervals->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, seconds]() {
            m_parts.monitor->setIntervalSeconds(seconds);
            Halo::AppSettings().setAutoRefreshSeconds(seconds);
        });
    }
    interval->addSeparator();
    interval->addAction(m_otherEnvironmentsAction);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    const QList<QPair<Halo::Environment, QString>> choices = {
        {Halo::Environment::Sandbox, tr("Sandbox (local)")},
        {Halo::Environment::Stage, tr("Stage")},
        {Halo::Environment::Production, tr("Production")},
        {Halo::Environment::Custom, tr("Custom base URL…")}};
    m_environmentBox->setObjectName(QStringLiteral("environmentBox"));
    m_environmentBox->setAccessibleName(tr("Environment"));
    m_environmentBox->setToolTip(tr("Which Halo Cloud environment requests go to"));
    for (const auto &choice : choices) {
        m_environmentBox->addItem(choice.second, int(choice.first));
        QAction *action = connection->addAction(choice.second);
        connect(action, &QAction::triggered, this, [this, environment = choice.first]() {
            const int index = m_environmentBox->findData(int(environment));
            m_environmentBox->setCurrentIndex(index);
            emit m_environmentBox->activated(index);
        });
    }
    connect(m_environmentBox, &QComboBox::activated, this, [this](int index) {
        const auto environment =
            static_cast<Halo::Environment>(m_environmentBox->itemData(index).toInt());
        if (environment == Halo::Environment::Custom) {
            chooseCustomEnvironment();
            return;
        }
        if (environment == m_endpoint.environment)
            return;
        Halo::Endpoint endpoint;
        endpoint.environment = environment;
        endpoint.baseUrl = Halo::defaultBaseUrl(environment);
        emit environmentRequested(endpoint);
    });
    connection->addSeparator();
    connection->addAction(m_setKeyAction);
    connection->addAction(m_forgetKeyAction);
    connection->addSeparator();
    connection->addAction(m_keepHistoryAction);

    menuBar()->addMenu(new HelpMenu(
        [this]() {
            return HelpMenu::State{m_endpoint, m_privacy->isOn()};
        },
        [this](const QString &message) { showMessage(message); }, this));

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->addAction(m_addSiteAction);
    toolbar->addAction(m_verifyAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_privacyAction);
    // What assistive technology reads is the action's name, without the menu's ellipsis.
    toolbar->widgetForAction(m_addSiteAction)->setAccessibleName(tr("Add site"));
    toolbar->widgetForAction(m_verifyAction)->setAccessibleName(tr("Verify sites"));
    toolbar->widgetForAction(m_privacyAction)->setAccessibleName(tr("Privacy mode"));
    // Qt's button for the actions that do not fit has no name of its own.
    if (auto *more = toolbar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More toolbar actions"));
    toolbar->addSeparator();
    toolbar->addWidget(new QLabel(tr(" Environment: "), toolbar));
    toolbar->addWidget(m_environmentBox);
}

void MainWindow::verifySites()
{
    QList<Halo::SiteRecord> sites;
    for (const Halo::SiteRecord &record : m_parts.store->sites()) {
        if (isOnCurrentEndpoint(record))
            sites.append(record);
    }
    // One run at a time: a second Verify brings the open dialog forward and checks again.
    if (m_verifyDialog) {
        m_verifyDialog->raise();
        m_verifyDialog->activateWindow();
        return;
    }
    m_verifyDialog =
        new VerifySitesDialog(m_parts.client, Halo::endpointDisplayName(m_endpoint), sites, this);
    m_verifyDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_verifyDialog->show();
    m_verifyDialog->verifySavedSites();
}

void MainWindow::chooseCustomEnvironment()
{
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Custom environment"),
        tr("Base URL of the Halo Cloud service (for example a proxy):"), QLineEdit::Normal,
        m_endpoint.environment == Halo::Environment::Custom ? m_endpoint.baseUrl.toString()
                                                            : QStringLiteral("https://"),
        &ok);
    if (!ok) {
        setEndpoint(m_endpoint); // puts the selector back
        return;
    }
    QString problem;
    auto endpoint = Halo::resolveEndpoint(false, QString(), text.trimmed(), &problem);
    if (!endpoint) {
        QMessageBox::warning(this, tr("Custom environment"), problem);
        setEndpoint(m_endpoint);
        return;
    }
    if (Halo::needsPlainHttpConsent(endpoint->baseUrl)) {
        if (!askPlainHttpConsent(this, endpoint->baseUrl)) {
            setEndpoint(m_endpoint);
            return;
        }
        endpoint->plainHttpAllowed = true;
    }
    emit environmentRequested(*endpoint);
}

void MainWindow::setEndpoint(const Halo::Endpoint &endpoint)
{
    m_endpoint = endpoint;
    m_banner->setEndpoint(endpoint);
    m_privacy->setEnvironment(endpoint.environment); // that environment's choice
    updateTitle();
    m_environmentBox->setCurrentIndex(m_environmentBox->findData(int(endpoint.environment)));
    m_setKeyAction->setEnabled(endpoint.environment != Halo::Environment::Sandbox);
    m_forgetKeyAction->setEnabled(endpoint.environment != Halo::Environment::Sandbox);
    m_keepHistoryAction->setChecked(Halo::AppSettings().keepsHistory(endpoint.environment));
    updateProductionMarks();
    const Halo::SiteRecord *record = m_siteList->selectedRecord();
    if (record && !isOnCurrentEndpoint(*record)) {
        showSite(*record); // says where it lives; sends nothing
    } else if (record) {
        // Its environment, but no key yet: the panels wait for connectionReady().
        m_otherEnvironment->hide();
        m_statusPanel->setEnabled(false);
        m_sqlWorkspace->setEnabled(false);
        m_fhirTab->setEnabled(false);
    }
}

void MainWindow::updateTitle()
{
    const QString title = tr("Halo Explorer — %1").arg(Halo::endpointDisplayName(m_endpoint));
    setWindowTitle(m_privacy->isOn() ? tr("%1 — Privacy mode").arg(title) : title);
}

void MainWindow::applyPrivacy(bool on)
{
    m_privacyAction->setChecked(on);
    m_sqlWorkspace->setPrivacy(on);
    m_fhirTab->setPrivacy(on);
    m_logView->setPrivacy(on);
    updateTitle();
}

void MainWindow::connectionReady()
{
    if (const Halo::SiteRecord *record = m_siteList->selectedRecord())
        showSite(*record);
}

void MainWindow::updateProductionMarks()
{
    // On Production every action that sends something says so.
    const bool production = Halo::isProduction(m_endpoint);
    const QString suffix = production ? tr(" (Production)") : QString();
    m_refreshAction->setText(tr("&Refresh") + suffix);
    m_addSiteAction->setText(tr("&Add site…") + suffix);
    m_refreshAction->setToolTip(production ? tr("Refresh: sends requests to Production")
                                           : tr("Refresh the selected site and the list"));
}

void MainWindow::showMessage(const QString &message)
{
    m_statusLabel->setText(message);
}

void MainWindow::reportCall(Halo::ApiCall *call)
{
    const QString path = call->url().path();
    if (call->ok())
        showMessage(tr("%1 %2 — %3 in %4 ms")
                        .arg(QString::fromLatin1(call->method()), path)
                        .arg(call->httpStatus())
                        .arg(call->elapsedMs()));
    else
        showMessage(tr("%1 %2 — %3")
                        .arg(QString::fromLatin1(call->method()), path, call->error().oneLine()));
}

bool MainWindow::isOnCurrentEndpoint(const Halo::SiteRecord &record) const
{
    if (record.environment != Halo::environmentId(m_endpoint.environment))
        return false;
    if (m_endpoint.environment != Halo::Environment::Custom)
        return true;
    const auto normalised = [](const QUrl &url) {
        return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments).toString();
    };
    return normalised(QUrl(record.baseUrl)) == normalised(m_endpoint.baseUrl);
}

void MainWindow::switchToEnvironmentOf(const Halo::SiteRecord &record)
{
    const std::optional<Halo::Environment> environment =
        Halo::environmentFromId(record.environment);
    if (!environment)
        return;
    Halo::Endpoint endpoint{*environment, *environment == Halo::Environment::Custom
                                              ? QUrl(record.baseUrl)
                                              : Halo::defaultBaseUrl(*environment)};
    if (Halo::needsPlainHttpConsent(endpoint.baseUrl)) {
        if (!askPlainHttpConsent(this, endpoint.baseUrl))
            return;
        endpoint.plainHttpAllowed = true;
    }
    emit environmentRequested(endpoint);
}

void MainWindow::showSite(const Halo::SiteRecord &record)
{
    if (!isOnCurrentEndpoint(record)) {
        // Its GUID means nothing to the service connected now (and the key belongs to that
        // service): show where it lives and offer to switch, send nothing.
        const QString environment =
            Halo::environmentFromId(record.environment)
                ? Halo::environmentDisplayName(*Halo::environmentFromId(record.environment))
                : record.environment;
        const QString where = record.baseUrl.isEmpty()
                                  ? environment
                                  : QStringLiteral("%1 (%2)").arg(environment, record.baseUrl);
        const QString name =
            record.recorded.practiceName.isEmpty() ? record.guid : record.recorded.practiceName;
        m_otherEnvironmentText->setText(
            tr("%1 is a site of %2; Halo Explorer is connected to %3. Switch to query it.")
                .arg(name, where, Halo::environmentDisplayName(m_endpoint.environment)));
        m_otherEnvironmentText->setAccessibleDescription(m_otherEnvironmentText->text());
        m_otherEnvironment->show();
        m_statusPanel->setEnabled(false);
        m_sqlWorkspace->setEnabled(false);
        m_fhirTab->setEnabled(false);
        return;
    }
    m_otherEnvironment->hide();
    m_statusPanel->setEnabled(true);
    m_statusPanel->setSite(record);
    m_sqlWorkspace->setEnabled(true);
    m_sqlWorkspace->setSite(record, m_parts.sites->liveStatus(record.environment, record.guid));
    m_fhirTab->setEnabled(true);
    m_fhirTab->setSite(record);
}

void MainWindow::addSite()
{
    auto *dialog = new AddSiteDialog(m_parts.client, m_parts.store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddSiteDialog::siteSaved, this, [this](const Halo::SiteRecord &record) {
        m_siteList->selectSite(record.environment, record.guid);
        // Selected, its status panel reads the status and hands it to the list: one read.
        const Halo::SiteRecord *selected = m_siteList->selectedRecord();
        if (!selected || !selected->sameSite(record))
            m_parts.monitor->refreshSite(record.guid);
    });
    dialog->open();
}

Halo::SiteCsvDefaults MainWindow::importDefaults() const
{
    // CSV rows that do not say where they live belong to the environment in use.
    Halo::SiteCsvDefaults defaults;
    defaults.environment = Halo::environmentId(m_endpoint.environment);
    if (m_endpoint.environment == Halo::Environment::Custom)
        defaults.baseUrl = m_endpoint.baseUrl.toString(QUrl::StripTrailingSlash);
    return defaults;
}

void MainWindow::importSites()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import sites"), QString(), tr("Site lists and CSV files (*.json *.csv)"));
    if (!path.isEmpty())
        m_siteList->importFiles({path}, importDefaults());
}

void MainWindow::exportSites()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export sites"), QStringLiteral("halo-sites.json"),
                                     tr("Site lists (*.json);;CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_parts.store->exportTo(path, QString(), &error))
        QMessageBox::warning(this, tr("Export sites"), error);
    else
        showMessage(
            tr("Exported %n site(s) to %1", nullptr, int(m_parts.store->sites().size())).arg(path));
}

void MainWindow::showPatientInSql(const QString &fhirId)
{
    const Halo::SiteRecord *record = m_siteList->selectedRecord();
    const QString sql =
        record ? Halo::PatientLinks::sqlForPatient(record->pmsType, fhirId) : QString();
    if (sql.isEmpty()) {
        showMessage(tr("Patient %1 has no row this site's SQL can find.").arg(fhirId));
        return;
    }
    SqlTab *editor = m_sqlWorkspace->newEditor(sql);
    m_tabs->setCurrentWidget(m_sqlWorkspace);
    editor->runAll();
}

void MainWindow::restoreLayout()
{
    Halo::AppSettings settings;
    if (!settings.windowGeometry().isEmpty())
        restoreGeometry(settings.windowGeometry());
    if (!settings.windowState().isEmpty())
        restoreState(settings.windowState());
    if (!settings.splitterState().isEmpty())
        m_splitter->restoreState(settings.splitterState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Halo::AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setSplitterState(m_splitter->saveState());
    event->accept();
}
