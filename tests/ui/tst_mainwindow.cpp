// SPDX-License-Identifier: GPL-3.0-or-later
// The window people live in, driven as a user would: against the embedded sandbox, a sandbox
// posing as a custom environment, and a real keyring (see tests/support/isolated.sh).
#include "ExplorerSession.h"
#include "FailOnWarning.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirTab.h"
#include "keys/KeyStore.h"
#include "net/RequestLog.h"
#include "sites/AddSiteDialog.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"
#include "status/SiteStatusPanel.h"
#include "storage/AppSettings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

namespace {

QWidget *byName(const QString &accessibleName)
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (!top->isVisible())
            continue;
        if (top->accessibleName() == accessibleName)
            return top;
        for (QWidget *child : top->findChildren<QWidget *>()) {
            if (child->accessibleName() == accessibleName && child->isVisible())
                return child;
        }
    }
    return nullptr;
}

int visibleSiteRows(QTreeView *view)
{
    int rows = 0;
    QAbstractItemModel *model = view->model();
    for (int g = 0; g < model->rowCount(); ++g)
        rows += model->rowCount(model->index(g, 0));
    return rows;
}

QString allLabelText(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void sandboxListsItsPracticesGroupedWithLiveAvailability();
    void filterNarrowsTheListByNamePmsIdOrGuid();
    void renamedPracticeIsFlaggedInTheStatusPanel();
    void siteListSurvivesARestart();
    void firstRunAsksForTheKeyAndKeepsItInTheKeyring();
    void productionIsUnmistakable();
    void keyboardShortcutsReachTheMainActions();
    void everyNamedControlOfTheContractExists();
    void historySwitchFollowsTheEnvironment();
    void screenshotOfTheMainWindowIsSaved();
    void sqlTabRunsAQueryOnTheSelectedSite();
    void fhirTabBrowsesTheSelectedSite();
    void siteOfAnotherEnvironmentIsNeverQueriedHere();

private:
    void startSandboxSession(ExplorerSession &session);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString siteFile() const { return m_dir->filePath(QStringLiteral("sites.json")); }
};

void TestMainWindow::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMainWindow::cleanup()
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(top))
            top->close();
    }
}

void TestMainWindow::startSandboxSession(ExplorerSession &session)
{
    QSignalSpy connected(&session, &ExplorerSession::connected);
    session.start(Halo::Endpoint{Halo::Environment::Sandbox, QUrl()});
    session.window()->show();
    QVERIFY(connected.count() > 0 || connected.wait(10000));
}

void TestMainWindow::sandboxListsItsPracticesGroupedWithLiveAvailability()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    QCOMPARE(session.window()->windowTitle(), QStringLiteral("Halo Explorer — Sandbox"));

    auto *view = qobject_cast<QTreeView *>(byName(QStringLiteral("Site list")));
    QVERIFY(view);
    QTRY_COMPARE(visibleSiteRows(view), int(Sandbox::sampleSites().size()));
    const QModelIndex group = view->model()->index(0, 0);
    QVERIFY(group.data().toString().startsWith(QStringLiteral("Sandbox")));

    Halo::SiteListModel *model = session.sites();
    for (const Sandbox::SampleSite &sample : Sandbox::sampleSites()) {
        const QModelIndex row = model->indexOf(QStringLiteral("sandbox"), sample.guid);
        QVERIFY2(row.isValid(), qPrintable(sample.guid));
        // Filled from GET /integrator/sites/{guid} over loopback.
        QTRY_COMPARE(row.siblingAtColumn(Halo::SiteListModel::PracticeColumn).data().toString(),
                     sample.practiceName);
        QCOMPARE(row.siblingAtColumn(Halo::SiteListModel::PmsIdColumn).data().toString(),
                 sample.pmsId);
        QTRY_COMPARE(row.siblingAtColumn(Halo::SiteListModel::AvailabilityColumn)
                         .data()
                         .toString()
                         .toLower(),
                     sample.availability);
    }
}

void TestMainWindow::filterNarrowsTheListByNamePmsIdOrGuid()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    auto *view = qobject_cast<QTreeView *>(byName(QStringLiteral("Site list")));
    auto *filter = qobject_cast<QLineEdit *>(byName(QStringLiteral("Filter sites")));
    QVERIFY(view && filter);
    QTRY_COMPARE(visibleSiteRows(view), int(Sandbox::sampleSites().size()));

    QTest::keyClicks(filter, QStringLiteral("BP-20431"));
    QTRY_COMPARE(visibleSiteRows(view), 2); // the practice and its older install
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("58e1a6c3"));
    QTRY_COMPARE(visibleSiteRows(view), 1);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("wattle grove"));
    QTRY_COMPARE(visibleSiteRows(view), 1);
    filter->clear();
    QTRY_COMPARE(visibleSiteRows(view), int(Sandbox::sampleSites().size()));
}

void TestMainWindow::renamedPracticeIsFlaggedInTheStatusPanel()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    const Sandbox::SampleSite *renamed = nullptr;
    for (const Sandbox::SampleSite &sample : Sandbox::sampleSites()) {
        if (sample.scenario == Sandbox::SiteScenario::Renamed)
            renamed = &sample;
    }
    QVERIFY(renamed);
    session.window()->siteListPanel()->selectSite(QStringLiteral("sandbox"), renamed->guid);
    QWidget *panel = byName(QStringLiteral("Status panel"));
    QVERIFY(panel);
    QTRY_VERIFY(allLabelText(panel).contains(renamed->practiceName));
    QTRY_VERIFY(allLabelText(panel).contains(renamed->recordedPracticeName));
    QVERIFY(allLabelText(panel).contains(QStringLiteral("merger")));
}

void TestMainWindow::siteListSurvivesARestart()
{
    {
        ExplorerSession session(siteFile());
        startSandboxSession(session);
        QTRY_COMPARE(session.store()->sites().size(), Sandbox::sampleSites().size());
        Halo::SiteRecord extra;
        extra.environment = QStringLiteral("stage");
        extra.guid = QStringLiteral("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
        extra.pmsType = QStringLiteral("Zedmed");
        extra.pmsId = QStringLiteral("ZM-9001");
        extra.recorded.practiceName = QStringLiteral("Stage Test Clinic");
        QString error;
        QVERIFY2(session.store()->add(extra, &error), qPrintable(error));
    }
    ExplorerSession again(siteFile());
    startSandboxSession(again);
    QCOMPARE(again.store()->sites().size(), Sandbox::sampleSites().size() + 1);
    const QModelIndex stage = again.sites()->groupIndex(QStringLiteral("stage"));
    QVERIFY(stage.isValid());
    QCOMPARE(again.sites()->rowCount(stage), 1);
}

void TestMainWindow::firstRunAsksForTheKeyAndKeepsItInTheKeyring()
{
    if (qEnvironmentVariableIsEmpty("HALO_TEST_HOME"))
        QSKIP("needs the private keyring of tests/support/isolated.sh");
    // A sandbox standing in for a custom Halo Cloud: the key must be typed and kept.
    Sandbox::SandboxOptions options;
    options.key = QStringLiteral("first-run-key-5d8a9c1e");
    Sandbox::SandboxServer server(options);
    QVERIFY(server.listen() != 0);

    ExplorerSession session(siteFile());
    QSignalSpy asked(&session, &ExplorerSession::keyRequested);
    QSignalSpy connected(&session, &ExplorerSession::connected);
    session.start(Halo::Endpoint{Halo::Environment::Custom, QUrl(server.baseUrl())});
    session.window()->show();
    QVERIFY(asked.wait(10000));

    auto *keyField = qobject_cast<QLineEdit *>(byName(QStringLiteral("Subscription key")));
    QVERIFY(keyField);
    QTest::keyClicks(keyField, options.key);
    auto *save = qobject_cast<QAbstractButton *>(byName(QStringLiteral("Save key")));
    QVERIFY(save);
    save->click();
    QVERIFY(connected.wait(10000));
    QVERIFY(session.client()->hasSubscriptionKey());

    // A new process would find it in the keychain: read it back through a fresh KeyStore.
    Halo::KeyStore keys;
    QSignalSpy read(&keys, &Halo::KeyStore::keyRead);
    keys.readKey(Halo::Environment::Custom, QUrl(server.baseUrl()).toString());
    QVERIFY(read.wait(10000));
    QCOMPARE(read.first().at(2).toString(), options.key);
}

void TestMainWindow::productionIsUnmistakable()
{
    ExplorerSession session(siteFile());
    session.start(Halo::Endpoint{Halo::Environment::Production,
                                 Halo::defaultBaseUrl(Halo::Environment::Production)});
    session.window()->show();
    QVERIFY(session.window()->windowTitle().contains(QStringLiteral("Production")));
    QWidget *banner = byName(QStringLiteral("Environment banner"));
    QVERIFY(banner);
    QVERIFY(allLabelText(banner).contains(QStringLiteral("Production")));
    QVERIFY(allLabelText(banner).contains(QStringLiteral("https://api.haloconnect.io")));
    auto *refresh = session.window()->findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh->text().contains(QStringLiteral("Production")));
    auto *environment = qobject_cast<QComboBox *>(byName(QStringLiteral("Environment")));
    QVERIFY(environment);
    QVERIFY(environment->currentText().contains(QStringLiteral("Production")));
    // No key yet: nothing was sent to Production.
    QCOMPARE(session.client()->requestLog()->exchanges().size(), 0);
}

void TestMainWindow::keyboardShortcutsReachTheMainActions()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    QMainWindow *window = session.window();
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));

    QTest::keySequence(window, QKeySequence::Find);
    QTRY_COMPARE(QApplication::focusWidget(), byName(QStringLiteral("Filter sites")));

    // The toolbar button is named "Add site" too (without the menu's ellipsis), so the dialog
    // is found as what it is.
    QVERIFY(byName(QStringLiteral("Add site")));
    QTest::keySequence(window, QKeySequence::New);
    QTRY_VERIFY(window->findChild<AddSiteDialog *>() != nullptr);
    QWidget *dialog = window->findChild<AddSiteDialog *>();
    QCOMPARE(dialog->accessibleName(), QStringLiteral("Add site"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(window->findChild<AddSiteDialog *>() == nullptr ||
                !window->findChild<AddSiteDialog *>()->isVisible());

    const qsizetype before = session.client()->requestLog()->exchanges().size();
    QTest::keySequence(window, QKeySequence::Refresh);
    QTRY_VERIFY(session.client()->requestLog()->exchanges().size() > before);
}

void TestMainWindow::everyNamedControlOfTheContractExists()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    for (const QString &name :
         {QStringLiteral("Site list"), QStringLiteral("Filter sites"),
          QStringLiteral("Environment"), QStringLiteral("Status panel"), QStringLiteral("Refresh")})
        QVERIFY2(byName(name), qPrintable(name));
    // The dialog's controls.
    session.window()->findChild<QAction *>(QStringLiteral("addSiteAction"))->trigger();
    for (const QString &name :
         {QStringLiteral("Add site"), QStringLiteral("PMS ID"), QStringLiteral("PMS"),
          QStringLiteral("Look up"), QStringLiteral("Save site")})
        QTRY_VERIFY2(byName(name), qPrintable(name));
}

void TestMainWindow::historySwitchFollowsTheEnvironment()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    auto *keep = session.window()->findChild<QAction *>(QStringLiteral("keepHistoryAction"));
    QVERIFY(keep && keep->isCheckable());
    QCOMPARE(keep->text().remove(QLatin1Char('&')),
             QStringLiteral("Keep query history for this environment"));
    QVERIFY(keep->isChecked());
    keep->trigger();
    QVERIFY(!Halo::AppSettings().keepsHistory(Halo::Environment::Sandbox));
    QVERIFY(Halo::AppSettings().keepsHistory(Halo::Environment::Stage));
    Halo::AppSettings().setKeepsHistory(Halo::Environment::Sandbox, true);
}

void TestMainWindow::screenshotOfTheMainWindowIsSaved()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    session.window()->resize(1280, 800);
    QTRY_COMPARE(session.sites()
                     ->indexOf(QStringLiteral("sandbox"), Sandbox::sampleSites().first().guid)
                     .siblingAtColumn(Halo::SiteListModel::AvailabilityColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Online"));
    session.window()->siteListPanel()->selectSite(QStringLiteral("sandbox"),
                                                  Sandbox::sampleSites().first().guid);
    QTest::qWait(300); // let the status answer paint; this is a picture, not an assertion
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(QStringLiteral("main-window.png"));
    QVERIFY(session.window()->grab().save(path));
    QVERIFY(QFileInfo(path).size() > 10000);
    qInfo("screenshot: %s", qPrintable(path));
}

void TestMainWindow::sqlTabRunsAQueryOnTheSelectedSite()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    const QString guid = Sandbox::sampleSites().first().guid;
    session.window()->siteListPanel()->selectSite(QStringLiteral("sandbox"), guid);
    auto *tabs = session.window()->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    QTRY_VERIFY(byName(QStringLiteral("SQL editor")) != nullptr);
    session.window()->sqlWorkspace()->sqlTab()->setSqlText(
        QStringLiteral("SELECT id, surname FROM patients WHERE surname = 'Smith' ORDER BY id"));
    auto *run = qobject_cast<QAbstractButton *>(byName(QStringLiteral("Run query")));
    QVERIFY(run);
    QTRY_VERIFY(run->isEnabled());
    run->click();
    auto *results = qobject_cast<QAbstractItemView *>(byName(QStringLiteral("Results")));
    QVERIFY(results);
    QTRY_COMPARE(results->model()->rowCount(), 5);
    QCOMPARE(results->model()->index(0, 1).data().toString(), QStringLiteral("Smith"));
    // The query went to the selected site, and the history has it.
    QTRY_VERIFY(session.client()->requestLog()->exchanges().last().url.path().contains(guid));

    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    QVERIFY(session.window()->grab().save(QDir(folder).filePath(QStringLiteral("sql-tab.png"))));
}

void TestMainWindow::fhirTabBrowsesTheSelectedSite()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    auto *tabs = session.window()->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    QVERIFY(tabs);
    const int fhirIndex = tabs->indexOf(session.window()->fhirTab());
    QVERIFY(fhirIndex >= 0);
    tabs->setCurrentIndex(fhirIndex);
    QVERIFY(!session.window()->fhirTab()->isEnabled()); // no site chosen yet

    // A Zedmed practice: said plainly, nothing asked.
    const auto sampleOf = [](const QString &pms) {
        for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
            if (site.pmsName == pms)
                return site.guid;
        }
        return QString();
    };
    const int before = session.client()->requestLog()->exchanges().size();
    session.window()->siteListPanel()->selectSite(QStringLiteral("sandbox"),
                                                  sampleOf(QStringLiteral("Zedmed")));
    QTRY_VERIFY(byName(QStringLiteral("FHIR not available")) &&
                byName(QStringLiteral("FHIR not available"))->isVisible());
    for (const Halo::LoggedExchange &exchange :
         session.client()->requestLog()->exchanges().mid(before))
        QVERIFY2(!exchange.url.path().contains(QLatin1String("/fhir/")),
                 qPrintable(exchange.url.toString()));

    // The Best Practice practice: its CapabilityStatement, then a read.
    const QString guid = Sandbox::sampleSites().first().guid;
    session.window()->siteListPanel()->selectSite(QStringLiteral("sandbox"), guid);
    auto *types = qobject_cast<QComboBox *>(byName(QStringLiteral("FHIR resource type")));
    QVERIFY(types);
    QTRY_VERIFY(types->count() >= 4);
    auto *line = qobject_cast<QLineEdit *>(byName(QStringLiteral("FHIR query")));
    QVERIFY(line);
    session.window()->fhirTab()->setQueryLine(QStringLiteral("Patient?family=Smith"));
    qobject_cast<QAbstractButton *>(byName(QStringLiteral("Search")))->click();
    auto *results = qobject_cast<QAbstractItemView *>(byName(QStringLiteral("FHIR results")));
    QVERIFY(results);
    QTRY_COMPARE(results->model()->rowCount(), 5);
    QTRY_VERIFY(session.client()->requestLog()->exchanges().last().url.path().endsWith(
        QStringLiteral("/sites/%1/fhir/R4/Patient").arg(guid)));

    // In the window, the FHIR tab's own keys win over the window's (Ctrl+F filters sites
    // elsewhere): Ctrl+F in the JSON view finds in the JSON.
    auto *tree = qobject_cast<QTreeView *>(byName(QStringLiteral("Resource JSON")));
    QVERIFY(tree);
    QTRY_VERIFY(tree->model()->rowCount() > 0);
    session.window()->activateWindow();
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    auto *find = qobject_cast<QLineEdit *>(byName(QStringLiteral("Find in JSON")));
    QVERIFY(find);
    QTRY_VERIFY(find->hasFocus());
    QVERIFY(!qobject_cast<QLineEdit *>(byName(QStringLiteral("Filter sites")))->hasFocus());

    session.window()->resize(1440, 900);
    QTest::qWait(200); // let it paint; this is a picture, not an assertion
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    QVERIFY(session.window()->grab().save(QDir(folder).filePath(QStringLiteral("fhir-tab.png"))));
}

// A Stage site selected while connected to the sandbox: said so, offered a switch, nothing sent
// (its GUID would go to the wrong service, with the wrong key).
void TestMainWindow::siteOfAnotherEnvironmentIsNeverQueriedHere()
{
    ExplorerSession session(siteFile());
    startSandboxSession(session);
    Halo::SiteRecord stage;
    stage.environment = QStringLiteral("stage");
    stage.guid = QStringLiteral("11111111-2222-4333-8444-555555555555");
    stage.pmsType = QStringLiteral("BestPractice");
    stage.pmsId = QStringLiteral("BP-1");
    stage.recorded.practiceName = QStringLiteral("Stage Test Practice");
    QVERIFY(session.store()->add(stage));
    // The session must not really switch here: only what the window asks for is checked.
    QObject::disconnect(session.window(), &MainWindow::environmentRequested, &session, nullptr);
    QSignalSpy requested(session.window(), &MainWindow::environmentRequested);

    session.window()->siteListPanel()->selectSite(QStringLiteral("stage"), stage.guid);
    QWidget *notice = byName(QStringLiteral("Site of another environment"));
    QVERIFY(notice);
    QVERIFY(notice->accessibleDescription().contains(QLatin1String("Stage Test Practice")));
    QVERIFY(notice->accessibleDescription().contains(QLatin1String("Stage")));
    QVERIFY(!session.window()->fhirTab()->isEnabled());
    QVERIFY(!session.window()->sqlWorkspace()->isEnabled());
    QVERIFY(!session.window()->statusPanel()->isEnabled());
    QTest::qWait(200);
    for (const Halo::LoggedExchange &exchange : session.client()->requestLog()->exchanges())
        QVERIFY2(!exchange.url.path().contains(stage.guid), qPrintable(exchange.url.toString()));

    qobject_cast<QAbstractButton *>(byName(QStringLiteral("Switch to the site's environment")))
        ->click();
    QCOMPARE(requested.size(), 1);
    const auto endpoint = requested.first().first().value<Halo::Endpoint>();
    QCOMPARE(endpoint.environment, Halo::Environment::Stage);
    QCOMPARE(endpoint.baseUrl, Halo::defaultBaseUrl(Halo::Environment::Stage));

    // A sandbox site again: the notice goes, the tabs work.
    session.window()->siteListPanel()->selectSite(QStringLiteral("sandbox"),
                                                  Sandbox::sampleSites().first().guid);
    QVERIFY(!byName(QStringLiteral("Site of another environment")));
    QVERIFY(session.window()->fhirTab()->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
