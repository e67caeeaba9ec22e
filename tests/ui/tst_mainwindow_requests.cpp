// SPDX-License-Identifier: GPL-3.0-or-later
// What selecting a site sends, counted where it arrives (a sandbox in this thread, per method
// and path): one status read per selection; the registered-queries list only while its panel is
// shown, read again when shown for another site; an offline site's list read tried once, its
// failure said in the panel and never in the status bar; the FHIR CapabilityStatement likewise,
// only once the FHIR tab is shown.
#include "FailOnWarning.h"
#include "HostileServer.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "SandboxServer.h"
#include "SandboxWindowRig.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "services/AvailabilityMonitor.h"
#include "services/VerificationResultsModel.h"
#include "sites/AddSiteDialog.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"
#include "sites/VerifySitesDialog.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "sql/RegisteredQueriesPanel.h"
#include "sql/SnippetStore.h"
#include "status/SiteStatusPanel.h"
#include "storage/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

namespace {

const QString kKey = QStringLiteral("requests-test-key");

// The core objects and the window, over a sandbox that counts what it answers.
struct Rig : SandboxWindowRig {
    explicit Rig(const QString &dir)
        : SandboxWindowRig(dir, kKey)
    {
        QObject::connect(&server, &Sandbox::SandboxServer::requestHandled, &server,
                         [this](const QString &method, const QString &path, int) {
                             ++received[method + QLatin1Char(' ') + path];
                         });
    }
    int count(const QString &method, const QString &path) const
    {
        return received.value(method + QLatin1Char(' ') + path);
    }
    int registeredReads(const QString &guid) const
    {
        return count(QStringLiteral("GET"),
                     QStringLiteral("/integrator/sites/%1/queries/registered").arg(guid));
    }
    int metadataReads(const QString &guid) const
    {
        return count(QStringLiteral("GET"),
                     QStringLiteral("/integrator/sites/%1/fhir/R4/metadata").arg(guid));
    }
    int statusReads(const QString &guid) const
    {
        return count(QStringLiteral("GET"), QStringLiteral("/integrator/sites/%1").arg(guid));
    }
    QTabWidget *tabs(const QString &objectName) const
    {
        return window->findChild<QTabWidget *>(objectName);
    }
    void select(const QString &guid)
    {
        window->siteListPanel()->selectSite(QStringLiteral("sandbox"), guid);
    }
    QString statusBarText() const
    {
        return window->findChild<QLabel *>(QStringLiteral("lastRequestStatus"))->text();
    }

    QHash<QString, int> received;
};

// Runs `step` on each modal dialog as it opens, until it returns true (it has closed the dialog
// and wants no more); polled, because QInputDialog::getText and QMessageBox::exec block.
void onEachModal(QObject *context, const std::function<bool(QWidget *)> &step)
{
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, context, [timer, step]() {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->isVisible() && step(modal))
            timer->deleteLater();
    });
    timer->start();
}

// Types `url` into the Custom base URL prompt and hands the consent box that follows to
// `consent`, until it returns true.
void answerCustomUrl(QObject *context, const QString &url,
                     const std::function<bool(QMessageBox *)> &consent)
{
    onEachModal(context, [url, consent](QWidget *modal) {
        if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            input->setTextValue(url);
            input->accept();
            return false;
        }
        auto *box = qobject_cast<QMessageBox *>(modal);
        return box && consent(box);
    });
}

} // namespace

class TestMainWindowRequests : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void selectingASiteReadsItsStatusOnce();
    void registeredQueriesAreListedOnlyWhenTheirPanelIsShown();
    void anOfflineSitesListIsTriedOnceAndSaidInThePanel();
    void addingASiteReadsItsStatusOnce();
    void fhirCapabilitiesAreReadOnlyWhenTheFhirTabIsShown();
    void unreadableCapabilitiesAreTriedOnceAndSaidInTheTab();
    void plainHttpOffThisMachineNeedsAnExplicitChoice();
    void verifySitesChecksTheSavedSitesOfThisEnvironment();
    void otherEnvironmentsAreRefreshedOnlyWhenAskedFor();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Rig> m_rig;
};

void TestMainWindowRequests::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_rig = std::make_unique<Rig>(m_dir->path());
    QVERIFY2(m_rig->port != 0, qPrintable(m_rig->server.errorString()));
    QVERIFY(m_rig->store.load());
    QVERIFY(m_rig->addSite(sampleSite(Sandbox::SiteScenario::Online)));
    QVERIFY(m_rig->addSite(sampleSite(Sandbox::SiteScenario::Offline)));
    m_rig->openWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig->window.get()));
}

void TestMainWindowRequests::cleanup()
{
    m_rig.reset();
    m_dir.reset();
}

void TestMainWindowRequests::selectingASiteReadsItsStatusOnce()
{
    const QString guid = sampleSite(Sandbox::SiteScenario::Online).guid;
    auto *panel = m_rig->window->findChild<SiteStatusPanel *>();
    QVERIFY(panel);
    QSignalSpy fetched(panel, &SiteStatusPanel::statusFetched);
    m_rig->select(guid);
    QVERIFY(fetched.wait(10000));
    QTest::qWait(1500); // anything the answer sets off arrives meanwhile
    QCOMPARE(m_rig->statusReads(guid), 1);
    // The Status tab is shown: nothing of the SQL tab's is asked for.
    QCOMPARE(m_rig->registeredReads(guid), 0);
}

void TestMainWindowRequests::registeredQueriesAreListedOnlyWhenTheirPanelIsShown()
{
    const QString online = sampleSite(Sandbox::SiteScenario::Online).guid;
    const QString offline = sampleSite(Sandbox::SiteScenario::Offline).guid;
    auto *panel = m_rig->window->findChild<RegisteredQueriesPanel *>();
    QVERIFY(panel);
    m_rig->select(online);
    QTest::qWait(500);
    QCOMPARE(m_rig->registeredReads(online), 0);

    // The SQL tab, with the history beside the editor: still not shown.
    m_rig->tabs(QStringLiteral("siteTabs"))->setCurrentIndex(1);
    QTest::qWait(300);
    QCOMPARE(m_rig->registeredReads(online), 0);

    QSignalSpy listed(panel, &RegisteredQueriesPanel::listed);
    QTabWidget *side = m_rig->tabs(QStringLiteral("sqlSideTabs"));
    side->setCurrentWidget(panel);
    QVERIFY(listed.wait(10000));
    QCOMPARE(m_rig->registeredReads(online), 1);

    // Hidden and shown again for the same site: what it lists is still current.
    side->setCurrentIndex(0);
    side->setCurrentWidget(panel);
    QTest::qWait(300);
    QCOMPARE(m_rig->registeredReads(online), 1);

    // Another site while hidden: read when shown, not before.
    side->setCurrentIndex(0);
    m_rig->select(offline);
    m_rig->select(online);
    QTest::qWait(300);
    QCOMPARE(m_rig->registeredReads(offline), 0);
    QCOMPARE(m_rig->registeredReads(online), 1);
    side->setCurrentWidget(panel);
    QVERIFY(listed.wait(10000));
    QCOMPARE(m_rig->registeredReads(online), 2);
}

void TestMainWindowRequests::anOfflineSitesListIsTriedOnceAndSaidInThePanel()
{
    // A site whose Halo Link is not heard from: 503 on every path below it, as Halo answers.
    Hostile::Server offline(Hostile::always(Hostile::Reply::json(
        503, R"({"statusCode":503,"message":"Site could not be contacted"})")));
    QVERIFY(offline.listening());
    m_rig->client.setEndpoint({Halo::Environment::Sandbox, offline.baseUrl()});
    m_rig->client.setSubscriptionKey(kKey);
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Offline);
    const QString path = QStringLiteral("/integrator/sites/%1/queries/registered").arg(site.guid);
    const auto registeredReads = [&]() {
        int n = 0;
        for (const Hostile::Request &request : offline.requests())
            n += request.path == path.toUtf8() ? 1 : 0;
        return n;
    };

    auto *panel = m_rig->window->findChild<RegisteredQueriesPanel *>();
    m_rig->tabs(QStringLiteral("siteTabs"))->setCurrentIndex(1);
    m_rig->tabs(QStringLiteral("sqlSideTabs"))->setCurrentWidget(panel);
    m_rig->select(site.guid);
    QLabel *panelProblem = nullptr;
    for (QLabel *label : panel->findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("Registered query problem"))
            panelProblem = label;
    }
    QVERIFY(panelProblem);
    QTRY_VERIFY_WITH_TIMEOUT(panelProblem->isVisible(), 10000);
    QTest::qWait(4000); // longer than every retry would take
    QCOMPARE(registeredReads(), 1);
    QVERIFY2(panelProblem->text().contains(QStringLiteral("Site offline")),
             qPrintable(panelProblem->text()));
    const QString bar = m_rig->statusBarText();
    QVERIFY2(!bar.contains(QStringLiteral("/queries/registered")), qPrintable(bar));
}

void TestMainWindowRequests::addingASiteReadsItsStatusOnce()
{
    // A site not in the list yet, added through Add site as a user would.
    const Sandbox::SampleSite *added = nullptr;
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.pmsType == QLatin1String("Zedmed") && site.authoritative)
            added = &site;
    }
    QVERIFY(added);
    m_rig->window->findChild<QAction *>(QStringLiteral("addSiteAction"))->trigger();
    AddSiteDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_rig->window->findChild<AddSiteDialog *>()) != nullptr);
    const auto named = [dialog](const QString &name) -> QWidget * {
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            if (widget->accessibleName() == name)
                return widget;
        }
        return nullptr;
    };
    auto *pms = qobject_cast<QComboBox *>(named(QStringLiteral("PMS")));
    QVERIFY(pms);
    pms->setCurrentIndex(pms->findText(added->pmsName));
    auto *pmsId = qobject_cast<QLineEdit *>(named(QStringLiteral("PMS ID")));
    QVERIFY(pmsId);
    pmsId->setText(added->pmsId);
    qobject_cast<QPushButton *>(named(QStringLiteral("Look up")))->click();
    auto *candidates = qobject_cast<QTableView *>(named(QStringLiteral("Candidates")));
    QTRY_VERIFY(candidates->model()->rowCount() > 0);
    candidates->selectRow(0);
    auto *save = qobject_cast<QPushButton *>(named(QStringLiteral("Save site")));
    QTRY_VERIFY(save->isEnabled());
    const int before = m_rig->statusReads(added->guid);
    save->click();
    QTRY_VERIFY(m_rig->window->siteListPanel()->selectedRecord() &&
                m_rig->window->siteListPanel()->selectedRecord()->guid == added->guid);
    QTest::qWait(1500);
    QCOMPARE(m_rig->statusReads(added->guid) - before, 1);
    dialog->close();
}

void TestMainWindowRequests::otherEnvironmentsAreRefreshedOnlyWhenAskedFor()
{
    // A Stage site in the list; Stage has no key here: turned on, it is skipped and said so.
    Halo::SiteRecord stage;
    stage.environment = QStringLiteral("stage");
    stage.guid = QStringLiteral("9c2e7a41-5b0d-4f38-a6e1-d07b3c85f294");
    stage.pmsType = QStringLiteral("BestPractice");
    stage.pmsId = QStringLiteral("BP-70002");
    stage.addedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_rig->store.add(stage));

    auto *action =
        m_rig->window->findChild<QAction *>(QStringLiteral("refreshOtherEnvironmentsAction"));
    QVERIFY(action);
    QVERIFY(action->isCheckable());
    QVERIFY(!action->isChecked()); // off unless asked for
    QVERIFY(!m_rig->monitor.coversOtherEnvironments());

    QSignalSpy skipped(&m_rig->monitor, &Halo::AvailabilityMonitor::otherEnvironmentSkipped);
    action->trigger();
    QVERIFY(m_rig->monitor.coversOtherEnvironments());
    QVERIFY(Halo::AppSettings().refreshesOtherEnvironments()); // remembered
    QTRY_COMPARE_WITH_TIMEOUT(skipped.count(), 1, 15000);
    QCOMPARE(skipped.at(0).at(0).toString(), QStringLiteral("Stage"));
    auto *status = m_rig->window->findChild<QLabel *>(QStringLiteral("lastRequestStatus"));
    QVERIFY(status);
    QTRY_VERIFY(status->text().contains(QLatin1String("Stage not refreshed")));

    action->trigger();
    QVERIFY(!m_rig->monitor.coversOtherEnvironments());
    QVERIFY(!Halo::AppSettings().refreshesOtherEnvironments());
}

QTEST_MAIN(TestMainWindowRequests)
#include "tst_mainwindow_requests.moc"

void TestMainWindowRequests::fhirCapabilitiesAreReadOnlyWhenTheFhirTabIsShown()
{
    const QString online = sampleSite(Sandbox::SiteScenario::Online).guid;
    const QString offline = sampleSite(Sandbox::SiteScenario::Offline).guid;
    auto *status = m_rig->window->findChild<SiteStatusPanel *>();
    QSignalSpy fetched(status, &SiteStatusPanel::statusFetched);
    m_rig->select(online);
    QVERIFY(fetched.wait(10000));
    QTest::qWait(500);
    QCOMPARE(m_rig->metadataReads(online), 0);

    auto *capabilities = m_rig->window->findChild<QLabel *>(QStringLiteral("fhirCapabilities"));
    QVERIFY(capabilities);
    QTabWidget *tabs = m_rig->tabs(QStringLiteral("siteTabs"));
    tabs->setCurrentIndex(2); // FHIR
    QTRY_VERIFY_WITH_TIMEOUT(capabilities->text().contains(QStringLiteral("resource types")),
                             10000);
    QCOMPARE(m_rig->metadataReads(online), 1);

    // Cached now: shown again, or chosen again after another site, it asks nothing more.
    tabs->setCurrentIndex(0);
    m_rig->select(offline);
    m_rig->select(online);
    tabs->setCurrentIndex(2);
    QTest::qWait(500);
    QCOMPARE(m_rig->metadataReads(online), 1);
    QCOMPARE(m_rig->metadataReads(offline), 0);
}

void TestMainWindowRequests::unreadableCapabilitiesAreTriedOnceAndSaidInTheTab()
{
    // Every path answers 503, as Halo does for a site whose Halo Link is not heard from.
    Hostile::Server offline(Hostile::always(Hostile::Reply::json(
        503, R"({"statusCode":503,"message":"Site could not be contacted"})")));
    QVERIFY(offline.listening());
    m_rig->client.setEndpoint({Halo::Environment::Sandbox, offline.baseUrl()});
    m_rig->client.setSubscriptionKey(kKey);
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Offline);
    const QByteArray path =
        QStringLiteral("/integrator/sites/%1/fhir/R4/metadata").arg(site.guid).toUtf8();
    const auto metadataReads = [&]() {
        int n = 0;
        for (const Hostile::Request &request : offline.requests())
            n += request.path == path ? 1 : 0;
        return n;
    };

    m_rig->tabs(QStringLiteral("siteTabs"))->setCurrentIndex(2);
    m_rig->select(site.guid);
    QLabel *problem = nullptr;
    for (QLabel *label : m_rig->window->findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("FHIR capabilities problem"))
            problem = label;
    }
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
    QTest::qWait(4000); // longer than every retry would take
    QCOMPARE(metadataReads(), 1);
    QVERIFY2(problem->text().contains(QStringLiteral("Site offline")), qPrintable(problem->text()));
    const QString bar = m_rig->statusBarText();
    QVERIFY2(!bar.contains(QStringLiteral("metadata")), qPrintable(bar));

    // Refresh is the user asking: sent again, with the client's retries.
    QPushButton *refresh = nullptr;
    for (QPushButton *button : m_rig->window->findChildren<QPushButton *>()) {
        if (button->accessibleName() == QLatin1String("Refresh capabilities"))
            refresh = button;
    }
    QVERIFY(refresh);
    refresh->click();
    QTRY_VERIFY_WITH_TIMEOUT(metadataReads() > 1, 10000);
}

void TestMainWindowRequests::plainHttpOffThisMachineNeedsAnExplicitChoice()
{
    // 192.0.2.0/24 is for documentation: nothing answers there, and nothing may be sent to it.
    const QString url = QStringLiteral("http://192.0.2.10:8080");
    auto *environment = m_rig->window->findChild<QComboBox *>(QStringLiteral("environmentBox"));
    QVERIFY(environment);
    const int custom = environment->findData(int(Halo::Environment::Custom));
    QSignalSpy requested(m_rig->window.get(), &MainWindow::environmentRequested);

    // First the user declines: the window stays where it was.
    bool sawConsent = false;
    bool useWasDisabled = false;
    QObject context;
    answerCustomUrl(&context, url, [&](QMessageBox *box) {
        sawConsent = box->objectName() == QLatin1String("plainHttpConsent");
        for (QPushButton *button : box->findChildren<QPushButton *>()) {
            if (button->accessibleName() == QLatin1String("Use this base URL"))
                useWasDisabled = !button->isEnabled();
        }
        box->button(QMessageBox::Cancel)->click();
        return true;
    });
    environment->setCurrentIndex(custom);
    emit environment->activated(custom);
    QVERIFY(sawConsent);
    QVERIFY(useWasDisabled); // not until "Allow plain HTTP" is ticked
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_rig->window->findChild<QComboBox *>(QStringLiteral("environmentBox"))
                 ->currentData()
                 .toInt(),
             int(Halo::Environment::Sandbox));

    // Then ticks "Allow plain HTTP" and uses the URL: asked for, with the choice recorded.
    answerCustomUrl(&context, url, [&](QMessageBox *box) {
        QCheckBox *allow = box->checkBox();
        if (!allow || allow->accessibleName() != QLatin1String("Allow plain HTTP"))
            return false;
        allow->setChecked(true);
        for (QPushButton *button : box->findChildren<QPushButton *>()) {
            if (button->accessibleName() == QLatin1String("Use this base URL"))
                button->click();
        }
        return true;
    });
    environment->setCurrentIndex(custom);
    emit environment->activated(custom);
    QCOMPARE(requested.count(), 1);
    const auto endpoint = requested.first().at(0).value<Halo::Endpoint>();
    QCOMPARE(endpoint.environment, Halo::Environment::Custom);
    QCOMPARE(endpoint.baseUrl, QUrl(url));
    QVERIFY(endpoint.plainHttpAllowed);
}

void TestMainWindowRequests::verifySitesChecksTheSavedSitesOfThisEnvironment()
{
    // The toolbar button, found as assistive technology names it.
    QToolButton *verify = nullptr;
    for (QToolButton *button : m_rig->window->findChildren<QToolButton *>()) {
        if (button->accessibleName() == QLatin1String("Verify sites"))
            verify = button;
    }
    QVERIFY(verify);
    verify->click();
    VerifySitesDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_rig->window->findChild<VerifySitesDialog *>()) != nullptr);
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("verificationResults"));
    QVERIFY(table);
    QCOMPARE(table->accessibleName(), QStringLiteral("Verification results"));
    QCOMPARE(table->model()->rowCount(), 2); // the two saved sandbox sites
    QTRY_COMPARE_WITH_TIMEOUT(dialog->results()->checkedCount(), 2, 15000);
    QStringList verdicts;
    for (int row = 0; row < 2; ++row)
        verdicts << table->model()
                        ->index(row, Halo::VerificationResultsModel::VerdictColumn)
                        .data()
                        .toString();
    verdicts.sort();
    QCOMPARE(verdicts, QStringList({QStringLiteral("offline"), QStringLiteral("ok")}));
    dialog->close();
}
