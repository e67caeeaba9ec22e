// The window a new user sees with --sandbox: it names the environment and lists the sandbox's
// sites with what the API says about each.
#include "EnvironmentBanner.h"
#include "ExplorerSession.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "SiteListModel.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void listsTheSandboxSitesWithTheirStatus();
    void namesProductionInTheTitleAndBanner();
};

void TestMainWindow::listsTheSandboxSitesWithTheirStatus()
{
    ExplorerSession session;
    QSignalSpy connected(&session, &ExplorerSession::connected);
    Halo::Endpoint endpoint;
    endpoint.environment = Halo::Environment::Sandbox;
    session.start(endpoint);
    session.window()->show();
    QVERIFY(connected.wait(10000));

    QCOMPARE(session.window()->windowTitle(), QStringLiteral("Halo Explorer — Sandbox"));
    auto *view = session.window()->findChild<QTableView *>(QStringLiteral("siteList"));
    QVERIFY(view);
    QCOMPARE(view->accessibleName(), QStringLiteral("Site list"));
    QAbstractItemModel *model = view->model();
    const auto &samples = Sandbox::sampleSites();
    QTRY_COMPARE(model->rowCount(), int(samples.size()));

    // Every row is filled from GET /integrator/sites/{guid} over loopback.
    for (const Sandbox::SampleSite &sample : samples) {
        const int row = session.sites()->rowOf(sample.guid);
        QVERIFY2(row >= 0, qPrintable(sample.guid));
        QTRY_COMPARE(model->index(row, Halo::SiteListModel::PracticeColumn).data().toString(),
                     sample.practiceName);
        QCOMPARE(model->index(row, Halo::SiteListModel::PmsIdColumn).data().toString(),
                 sample.pmsId);
        QCOMPARE(
            model->index(row, Halo::SiteListModel::AvailabilityColumn).data().toString().toLower(),
            sample.availability);
    }

    auto *banner = session.window()->findChild<EnvironmentBanner *>();
    QVERIFY(banner);
    auto *bannerLabel = banner->findChild<QLabel *>();
    QVERIFY(bannerLabel->text().contains(QStringLiteral("Sandbox")));
    QVERIFY(bannerLabel->text().contains(QStringLiteral("http://127.0.0.1:")));
}

void TestMainWindow::namesProductionInTheTitleAndBanner()
{
    ExplorerSession session;
    Halo::Endpoint endpoint;
    endpoint.environment = Halo::Environment::Production;
    endpoint.baseUrl = Halo::defaultBaseUrl(endpoint.environment);
    session.start(endpoint);
    QVERIFY(session.window()->windowTitle().contains(QStringLiteral("Production")));
    auto *bannerLabel = session.window()->findChild<EnvironmentBanner *>()->findChild<QLabel *>();
    QVERIFY(bannerLabel->text().contains(QStringLiteral("Production")));
    QVERIFY(bannerLabel->text().contains(QStringLiteral("https://api.haloconnect.io")));
    // Nothing is sent without a key: the list stays empty and the status bar says why.
    QCOMPARE(session.sites()->rowCount(), 0);
    auto *status = session.window()->findChild<QLabel *>(QStringLiteral("lastRequestStatus"));
    QVERIFY(status->text().contains(QStringLiteral("subscription key")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
