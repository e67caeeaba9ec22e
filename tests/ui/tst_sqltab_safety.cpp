// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab's Production safety, against a real sandbox on loopback (labelled Production):
// a command that may write asks for confirmation and is not sent without it; the read-only
// switch is on for Production and blocks writes; a custom URL on the Production host is
// Production. Widgets are found by accessible name.
#include "EnvironmentBanner.h"
#include "FailOnWarning.h"
#include "SqlTabRig.h"
#include "WidgetLookup.h"
#include "sql/SqlTab.h"
#include "sql/WriteGuard.h"
#include "widgets/ProblemLabel.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestSqlTabSafety : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void refusesANonQueryOnProductionWithoutConfirmation();
    void readOnlyIsOnForProductionAndBlocksWrites();
    void aCustomUrlOnTheProductionHostIsProduction();

private:
    QTemporaryDir m_settingsDir;
};

void TestSqlTabSafety::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    useSettingsIn(m_settingsDir);
}

void TestSqlTabSafety::init()
{
    HaloTest::failOnWarnings();
    clearSettings();
}

void TestSqlTabSafety::refusesANonQueryOnProductionWithoutConfirmation()
{
    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Production, false);
    START_RIG_WITH(rig, (RigOptions{Halo::Environment::Production}));
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Sends to Production"))->isVisible());
    named<QComboBox>(rig.tab.get(), QStringLiteral("Execution mode"))->setCurrentIndex(1);
    const QString update = QStringLiteral("UPDATE patients SET notes = 'seen' WHERE id = 1");
    rig.tab->setSqlText(update);

    rig.confirm = false;
    rig.button(QStringLiteral("Run query"))->click();
    QCOMPARE(rig.questions.size(), 1);
    QVERIFY2(rig.questions.first().contains(rig.site.practiceName),
             qPrintable(rig.questions.first()));
    QVERIFY(rig.questions.first().contains(QStringLiteral("Production")));
    QTest::qWait(200);
    QCOMPARE(rig.queryPosts(), 0);
    QVERIFY(!rig.tab->isRunning());
    QCOMPARE(rig.tab->sqlText(), update);

    rig.confirm = true;
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    rig.button(QStringLiteral("Run query"))->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(rig.questions.size(), 2);
    QCOMPARE(rig.queryPosts(), 1);
    QVERIFY2(rig.status().contains(QStringLiteral("1 row")) && rig.status().contains("affected"),
             qPrintable(rig.status()));
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Rows affected"))->text(),
             QStringLiteral("1"));

    // A plain SELECT on Production is sent without a question.
    named<QComboBox>(rig.tab.get(), QStringLiteral("Execution mode"))->setCurrentIndex(0);
    QVERIFY(rig.runAndWait(QStringLiteral("SELECT notes FROM patients WHERE id = 1")));
    QCOMPARE(rig.questions.size(), 2);
    QCOMPARE(rig.cell(0, 0), QStringLiteral("seen"));
}

void TestSqlTabSafety::readOnlyIsOnForProductionAndBlocksWrites()
{
    START_RIG_WITH(rig, (RigOptions{Halo::Environment::Production}));
    QCheckBox *readOnly =
        named<QCheckBox>(rig.tab.get(), QStringLiteral("Read-only for Production"));
    QVERIFY(readOnly);
    QVERIFY(readOnly->isChecked());
    rig.confirm = true;

    rig.tab->setSqlText(QStringLiteral("DELETE FROM allergies WHERE id = 1"));
    rig.button(QStringLiteral("Run query"))->click();
    QVERIFY(rig.problem()->isVisible());
    QVERIFY2(rig.problem()->accessibleDescription().contains(QStringLiteral("read-only")),
             qPrintable(rig.problem()->accessibleDescription()));
    QVERIFY(rig.questions.isEmpty());
    QTest::qWait(200);
    QCOMPARE(rig.queryPosts(), 0);

    // Turning the switch off (remembered for the environment) lets it through the confirmation.
    readOnly->click();
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Production));
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    rig.button(QStringLiteral("Run query"))->click();
    QCOMPARE(rig.questions.size(), 1);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(rig.queryPosts(), 1);
}

void TestSqlTabSafety::aCustomUrlOnTheProductionHostIsProduction()
{
    // Nothing may be sent here (there is no network to the real host): only refusals are run.
    const Halo::Endpoint productionHost{Halo::Environment::Custom,
                                        QUrl(QStringLiteral("https://API.haloconnect.io."))};
    EnvironmentBanner banner;
    banner.setEndpoint(productionHost);
    QCOMPARE(banner.palette().color(QPalette::Window), QColor(0xb3, 0x1b, 0x1b));
    QVERIFY(banner.toolTip().contains(QStringLiteral("Production")));

    Halo::HaloApiClient client;
    client.setEndpoint(productionHost);
    client.setSubscriptionKey(kKey);
    SqlTab tab(&client);
    QStringList questions;
    tab.setConfirmer([&questions](const QString &question) {
        questions.append(question);
        return false;
    });
    Halo::SiteRecord record;
    record.environment = Halo::environmentId(Halo::Environment::Custom);
    record.guid = kGuid;
    record.recorded.practiceName = QStringLiteral("Harbourside Family Medical");
    tab.setSite(record, nullptr);
    tab.show();
    QVERIFY(named<QLabel>(&tab, QStringLiteral("Sends to Production"))->isVisible());
    QCheckBox *readOnly = named<QCheckBox>(&tab, QStringLiteral("Read-only for Production"));
    QVERIFY(readOnly);
    QVERIFY(readOnly->isChecked()); // Production's switch, on by default

    tab.setSqlText(QStringLiteral("SELECT 1; DELETE FROM patients"));
    named<QPushButton>(&tab, QStringLiteral("Run query"))->click();
    ProblemLabel *problem = tab.findChild<ProblemLabel *>();
    QVERIFY2(problem->accessibleDescription().contains(QStringLiteral("Production is read-only")),
             qPrintable(problem->accessibleDescription()));
    QVERIFY(questions.isEmpty());

    readOnly->click();
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Production));
    named<QPushButton>(&tab, QStringLiteral("Run query"))->click();
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions.first().contains(QStringLiteral("Production")),
             qPrintable(questions.first()));
    QVERIFY2(questions.first().contains(QStringLiteral("Harbourside Family Medical")),
             qPrintable(questions.first()));
    QVERIFY(!tab.isRunning());
    QTest::qWait(100);
    QVERIFY(client.requestLog()->exchanges().isEmpty());
}

QTEST_MAIN(TestSqlTabSafety)
#include "tst_sqltab_safety.moc"
