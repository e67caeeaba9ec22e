// SPDX-License-Identifier: GPL-3.0-or-later
// The window against a hostile network (tests/support/HostileServer.h): a broken answer is shown
// as an error where the user asked (the status panel, the SQL tab, the FHIR tab), without the
// control characters a server put in its message, and nothing the user typed is lost.
#include "FailOnWarning.h"
#include "HostileServer.h"
#include "MainWindow.h"
#include "WindowParts.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "services/AvailabilityMonitor.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "sql/SnippetStore.h"
#include "sql/SqlTab.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using Hostile::Reply;

namespace {

const QString kGuid = QStringLiteral("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
const QString kKey = QStringLiteral("hostile-window-key-0123456789");

// A whole, valid answer to GET /integrator/sites/{guid}, as the API description gives it.
QByteArray siteAnswer()
{
    return QStringLiteral(
               R"({"id":"%1","pmsType":"BestPractice","availability":"online",)"
               R"("status":"active","haloLinkVersion":"24.0301.12","authoritative":true,)"
               R"("catalogue":[{"name":"BPSPatients","isDefault":true}],)"
               R"("practiceMetadata":{"pmsType":"BestPractice","practiceName":"Hostile Clinic",)"
               R"("practiceManagementSiteId":"48213","practiceManagementVersion":"1.11"}})")
        .arg(kGuid)
        .toUtf8();
}

bool isStatusRead(const Hostile::Request &request)
{
    return request.method == "GET" && request.path == "/integrator/sites/" + kGuid.toUtf8();
}

// Answers a site's status whole, and everything else as `broken` says.
Hostile::Script statusWholeElse(const Reply &broken)
{
    return [broken](const Hostile::Request &request, int) {
        return isStatusRead(request) ? Reply::json(200, siteAnswer()) : broken;
    };
}

// The window over a hostile server, with one Best Practice site in its list.
struct Rig : WindowParts {
    Rig(const QString &dir, Hostile::Script script)
        : WindowParts(dir)
        , server(std::move(script))
    {
        client.setEndpoint({Halo::Environment::Sandbox, server.baseUrl()});
        client.setSubscriptionKey(kKey);
        Halo::CallPolicy policy;
        policy.inactivityTimeoutMs = 1500;
        policy.initialBackoffMs = 40;
        policy.maxBackoffMs = 200;
        client.setPolicy(policy);
    }
    bool open()
    {
        if (!server.listening() || !store.load())
            return false;
        Halo::SiteRecord record;
        record.environment = QStringLiteral("sandbox");
        record.guid = kGuid;
        record.pmsType = QStringLiteral("BestPractice");
        record.pmsId = QStringLiteral("48213");
        record.recorded.practiceName = QStringLiteral("Hostile Clinic");
        record.addedAt = QDateTime::currentDateTimeUtc();
        if (!store.add(record))
            return false;
        return QTest::qWaitForWindowExposed(openWindow());
    }
    void showTab(int index) const
    {
        window->findChild<QTabWidget *>(QStringLiteral("siteTabs"))->setCurrentIndex(index);
    }
    void select() const { window->siteListPanel()->selectSite(QStringLiteral("sandbox"), kGuid); }
    template <typename T = QLabel> T *named(const QString &name) const
    {
        for (T *widget : window->findChildren<T *>()) {
            if (widget->accessibleName() == name)
                return widget;
        }
        return nullptr;
    }
    int count(const QByteArray &pathEnd) const
    {
        int n = 0;
        for (const Hostile::Request &request : server.requests())
            n += request.path.endsWith(pathEnd) ? 1 : 0;
        return n;
    }

    ~Rig() { window.reset(); } // before the server it talks to

    Hostile::Server server;
};

} // namespace

class TestHostileWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cutOffStatusIsAnErrorInTheStatusPanel();
    void serverMessageLosesControlCharactersInThePanel();
    void portalPageIsAnErrorInTheSqlTabAndTheQueryStays();
    void resetFhirAnswersAreErrorsInTheFhirTab();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHostileWindow::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHostileWindow::cutOffStatusIsAnErrorInTheStatusPanel()
{
    Reply cut = Reply::json(200, siteAnswer());
    cut.declaredLength = cut.body.size() + 400;
    Rig rig(m_dir->path(), Hostile::always(cut));
    QVERIFY(rig.open());
    rig.select();
    auto *error = rig.window->findChild<QLabel *>(QStringLiteral("statusError"));
    QVERIFY(error);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
    QVERIFY2(error->text().contains(QLatin1String("cut off")), qPrintable(error->text()));
    // Nothing of the broken answer is shown as the site's.
    auto *availability = rig.named(QStringLiteral("Availability"));
    QVERIFY(availability);
    QVERIFY2(!availability->text().contains(QLatin1String("nline")),
             qPrintable(availability->text()));
}

void TestHostileWindow::serverMessageLosesControlCharactersInThePanel()
{
    // An error envelope whose message would retitle a terminal, erase a line and reverse text.
    Reply reply =
        Reply::json(500, "{\"statusCode\":500,\"message\":\"Upstream \\u001b]0;owned\\u0007failed"
                         "\\u001b[2K here \\u202egnol\"}");
    Rig rig(m_dir->path(), Hostile::always(reply));
    QVERIFY(rig.open());
    rig.select();
    auto *error = rig.window->findChild<QLabel *>(QStringLiteral("statusError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    const QString shown = error->text() + QLatin1Char(' ') + error->accessibleDescription();
    QVERIFY2(shown.contains(QLatin1String("Upstream")), qPrintable(shown));
    QVERIFY2(!Hostile::hasControlCharacters(error->text()), qPrintable(error->text()));
    QVERIFY2(!Hostile::hasControlCharacters(error->toolTip()), qPrintable(error->toolTip()));
    QVERIFY2(!Hostile::hasControlCharacters(error->accessibleDescription()),
             qPrintable(error->accessibleDescription()));
}

void TestHostileWindow::portalPageIsAnErrorInTheSqlTabAndTheQueryStays()
{
    Reply portal = Reply::json(200, "<html><head><title>Guest Wi-Fi\x1b]0;x\x07</title></head>"
                                    "<body>Accept the terms</body></html>");
    portal.header("Content-Type", "text/html");
    Rig rig(m_dir->path(), statusWholeElse(portal));
    QVERIFY(rig.open());
    rig.select();
    rig.showTab(1);
    auto *tab = rig.window->findChild<SqlTab *>();
    QVERIFY(tab);
    const QString sql = QStringLiteral("SELECT TOP 5 SURNAME FROM BPS_Patients");
    tab->setSqlText(sql);
    QSignalSpy finished(tab, &SqlTab::queryFinished);
    auto *run = rig.named<QPushButton>(QStringLiteral("Run query"));
    QVERIFY(run);
    QTRY_VERIFY(run->isEnabled());
    run->click();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().at(3).toString(), QStringLiteral("failed"));

    auto *problem = rig.named(QStringLiteral("Query problem"));
    QVERIFY(problem);
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("not JSON")), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(QLatin1String("Guest Wi-Fi")), qPrintable(problem->text()));
    QVERIFY2(!Hostile::hasControlCharacters(problem->text()), qPrintable(problem->text()));
    auto *status = rig.named(QStringLiteral("Query status"));
    QVERIFY(!status->text().startsWith(QLatin1String("Ran in")));
    QCOMPARE(tab->sqlText(), sql); // the editor keeps the query
    // A query POST is sent once, whatever came back.
    QCOMPARE(rig.count("/queries/immediate"), 1);
}

void TestHostileWindow::resetFhirAnswersAreErrorsInTheFhirTab()
{
    // Every FHIR answer starts as a Bundle would and is reset after 40 bytes.
    Reply reset =
        Reply::json(200, R"({"resourceType":"Bundle","type":"searchset","total":1,"entry":[]})");
    reset.header("Content-Type", "application/fhir+json");
    reset.sendBytes = 40;
    reset.end = Reply::End::Reset;
    Rig rig(m_dir->path(), statusWholeElse(reset));
    QVERIFY(rig.open());
    rig.showTab(2);
    rig.select();

    // The CapabilityStatement read when the tab is shown: its failure said in the tab.
    auto *capabilitiesProblem = rig.named(QStringLiteral("FHIR capabilities problem"));
    QVERIFY(capabilitiesProblem);
    QTRY_VERIFY_WITH_TIMEOUT(capabilitiesProblem->isVisible(), 15000);
    QVERIFY2(capabilitiesProblem->text().contains(QLatin1String("cut off")),
             qPrintable(capabilitiesProblem->text()));

    auto *line = rig.named<QLineEdit>(QStringLiteral("FHIR query"));
    QVERIFY(line);
    line->clear();
    QTest::keyClicks(line, QStringLiteral("Patient?family=Smith")); // typed, as a user would
    auto *search = rig.named<QPushButton>(QStringLiteral("Search"));
    QVERIFY(search);
    QTRY_VERIFY(search->isEnabled());
    search->click();
    auto *problem = rig.named(QStringLiteral("FHIR request problem"));
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 20000);
    QVERIFY2(problem->text().contains(QLatin1String("cut off")), qPrintable(problem->text()));
    QCOMPARE(line->text(), QStringLiteral("Patient?family=Smith")); // what was typed stays
}

QTEST_MAIN(TestHostileWindow)
#include "tst_hostile_window.moc"
