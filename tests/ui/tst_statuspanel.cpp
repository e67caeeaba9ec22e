// SPDX-License-Identifier: GPL-3.0-or-later
// The status panel and the re-resolve dialog as a support person uses them, against a real
// sandbox on loopback and a site list in a temporary file. Widgets are found by accessible name.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "sites/SiteStore.h"
#include "sql/QueryTypes.h"
#include "status/ReResolveDialog.h"
#include "status/SiteStatusPanel.h"

#include <QCheckBox>
#include <QDir>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("k");
const QString kNonAuthoritative = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kAuthoritative = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kRenamed = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
const QString kOffline = QStringLiteral("58e1a6c3-0d7b-4b29-9c4e-2a6f93d1b785");
const QString kUnpaired = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");
const QString kUnreachable = QStringLiteral("c94f27d8-6a13-4e5b-8d70-b1e5c382f64a");
const int kTimeoutMs = 15000;

QString textOf(const QWidget *root, const QString &accessibleName)
{
    const QLabel *label = named<QLabel>(root, accessibleName);
    return label ? label->text() : QStringLiteral("<no label named %1>").arg(accessibleName);
}

Halo::SiteRecord recordFor(const QString &guid, const QString &recordedName = QString())
{
    const Sandbox::SampleSite *sample = Sandbox::findSampleSite(guid);
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = guid;
    record.pmsType = sample ? sample->pmsType : QStringLiteral("BestPractice");
    record.pmsId = sample ? sample->pmsId : QStringLiteral("BP-00000");
    record.recorded.practiceName =
        recordedName.isNull() && sample ? sample->recordedPracticeName : recordedName;
    record.recorded.recordedAt = QDateTime(QDate(2023, 5, 2), QTime(9, 30), QTimeZone::utc());
    return record;
}

// A sandbox, a client pointed at it, a site list in a temporary folder and the panel.
struct Rig {
    Rig()
        : server(options())
        , port(server.listen())
        , store(dir.filePath(QStringLiteral("sites.json")))
    {
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
        store.load();
        panel = std::make_unique<SiteStatusPanel>(&client, &store);
        panel->resize(760, 720);
        panel->show();
    }
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions o;
        o.key = kKey;
        return o;
    }
    // Shows the site and waits for its status.
    bool showSite(const Halo::SiteRecord &record)
    {
        QSignalSpy fetched(panel.get(), &SiteStatusPanel::statusFetched);
        panel->setSite(record);
        return fetched.wait(kTimeoutMs);
    }
    QTemporaryDir dir;
    Sandbox::SandboxServer server;
    quint16 port = 0;
    Halo::HaloApiClient client;
    Halo::SiteStore store;
    std::unique_ptr<SiteStatusPanel> panel;
};

#define START_RIG(name)                                                                            \
    Rig name;                                                                                      \
    QVERIFY2(name.port != 0, qPrintable(name.server.errorString()))

bool saveScreenshot(QWidget *widget, const QString &fileName)
{
    const QString path = QDir::current().absoluteFilePath(fileName);
    const bool saved = widget->grab().save(path);
    qInfo("screenshot: %s", qPrintable(path));
    return saved;
}

} // namespace

class TestStatusPanel : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void showsEveryFieldOfAnOnlineSite();
    void marksOfflineAndUnreachableSitesInWords();
    void flagsARenamedPracticeWithAnExplanation();
    void refreshFetchesTheStatusAgain();
    void showsAnApiErrorInPlace();
    void reResolvesAfterA403EndToEnd();
    void saysWhenThe403HasAnotherCause();
    void asksForASecondConfirmationWhenTheIdentityChanged();
};

void TestStatusPanel::showsEveryFieldOfAnOnlineSite()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    QCOMPARE(panel->accessibleName(), QStringLiteral("Status panel"));
    const Sandbox::SampleSite *sample = Sandbox::findSampleSite(kAuthoritative);
    QVERIFY(sample);
    QVERIFY(rig.showSite(recordFor(kAuthoritative)));

    const QString availability = textOf(panel, QStringLiteral("Availability"));
    QVERIFY2(availability.contains(QStringLiteral("Online")), qPrintable(availability));
    QVERIFY2(availability.contains(QStringLiteral("last heard")), qPrintable(availability));
    QVERIFY(availability.contains(QStringLiteral("seconds ago")));
    QCOMPARE(textOf(panel, QStringLiteral("Status")), QStringLiteral("Active"));
    QCOMPARE(textOf(panel, QStringLiteral("Practice name")), sample->practiceName);
    QCOMPARE(textOf(panel, QStringLiteral("Practice name (recorded)")), sample->practiceName);
    QCOMPARE(textOf(panel, QStringLiteral("PMS type")), QStringLiteral("Best Practice"));
    QCOMPARE(textOf(panel, QStringLiteral("PMS version")), sample->pmsVersion);
    QCOMPARE(textOf(panel, QStringLiteral("Halo Link version")), sample->haloLinkVersion);
    QCOMPARE(textOf(panel, QStringLiteral("Catalogues")),
             QStringLiteral("BPSPatients (default), BPSSamples"));
    QCOMPARE(textOf(panel, QStringLiteral("Halo GUID")), kAuthoritative);
    QCOMPARE(textOf(panel, QStringLiteral("PMS ID")), sample->pmsId);
    QVERIFY(textOf(panel, QStringLiteral("Authoritative")).startsWith(QStringLiteral("Yes")));
    const QString created = textOf(panel, QStringLiteral("Created"));
    QVERIFY2(created.contains(QString::number(sample->createdAt.toLocalTime().date().year() % 100)),
             qPrintable(created));
    QVERIFY(!textOf(panel, QStringLiteral("Details read from the practice")).isEmpty());
    QVERIFY(!textOf(panel, QStringLiteral("Last update from the site")).isEmpty());
    QVERIFY(textOf(panel, QStringLiteral("Practice name difference")).isEmpty());
    QVERIFY(named<QLabel>(panel, QStringLiteral("Identity differences"))->isHidden());
    QVERIFY(named<QFrame>(panel, QStringLiteral("Access refused notice"))->isHidden());
    QVERIFY(named<QLabel>(panel, QStringLiteral("Status error"))->isHidden());
    // The re-resolve action is always there, just not highlighted.
    auto *reResolve = named<QPushButton>(panel, QStringLiteral("Re-resolve from PMS ID"));
    QVERIFY(reResolve && reResolve->isVisible() && reResolve->isEnabled());
    QVERIFY(!reResolve->font().bold());
}

void TestStatusPanel::marksOfflineAndUnreachableSitesInWords()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    QSignalSpy fetched(panel, &SiteStatusPanel::statusFetched);
    QVERIFY(rig.showSite(recordFor(kOffline)));
    QCOMPARE(fetched.last().at(0).value<Halo::SiteInfo>().availability,
             Halo::SiteInfo::Availability::Offline);
    const QLabel *availability = named<QLabel>(panel, QStringLiteral("Availability"));
    QVERIFY2(availability->text().contains(QStringLiteral("Offline")),
             qPrintable(availability->text()));
    QVERIFY(availability->text().contains(QStringLiteral("last heard")));
    QVERIFY(availability->text().contains(QStringLiteral("queries fail")));
    QVERIFY(availability->font().bold());
    const QColor offlineColour = availability->palette().color(QPalette::WindowText);

    QVERIFY(rig.showSite(recordFor(kUnreachable)));
    QVERIFY2(availability->text().contains(QStringLiteral("Unreachable")),
             qPrintable(availability->text()));
    QVERIFY(availability->text().contains(QStringLiteral("last heard 5 minutes ago")));

    QVERIFY(rig.showSite(recordFor(kAuthoritative)));
    QVERIFY(!availability->font().bold());
    QVERIFY(availability->palette().color(QPalette::WindowText) != offlineColour);
}

void TestStatusPanel::flagsARenamedPracticeWithAnExplanation()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    QVERIFY(rig.showSite(recordFor(kRenamed)));

    QCOMPARE(textOf(panel, QStringLiteral("Practice name (recorded)")),
             QStringLiteral("Eastwood Medical Centre"));
    const QLabel *now = named<QLabel>(panel, QStringLiteral("Practice name"));
    QCOMPARE(now->text(), QStringLiteral("Eastwood Family Doctors"));
    QVERIFY(now->font().bold());
    QVERIFY(now->accessibleDescription().contains(QStringLiteral("merger")));
    QVERIFY(textOf(panel, QStringLiteral("Practice name difference"))
                .contains(QStringLiteral("Changed")));
    QVERIFY(textOf(panel, QStringLiteral("PMS version difference")).isEmpty());
    const QLabel *differences = named<QLabel>(panel, QStringLiteral("Identity differences"));
    QVERIFY(differences->isVisible());
    QVERIFY(differences->text().contains(QStringLiteral("Eastwood Medical Centre")));
    QVERIFY(differences->text().contains(QStringLiteral("Eastwood Family Doctors")));
    QVERIFY(differences->text().contains(QStringLiteral("merger")));
    QVERIFY(differences->text().contains(QStringLiteral("split")));
    QVERIFY(saveScreenshot(panel, QStringLiteral("statuspanel-renamed.png")));
}

void TestStatusPanel::refreshFetchesTheStatusAgain()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    QVERIFY(rig.showSite(recordFor(kAuthoritative)));
    QSignalSpy fetched(panel, &SiteStatusPanel::statusFetched);
    auto *refresh = named<QPushButton>(panel, QStringLiteral("Refresh"));
    QVERIFY(refresh);
    QTest::mouseClick(refresh, Qt::LeftButton);
    QVERIFY(fetched.wait(kTimeoutMs));
    // Keyboard: the button takes focus and Space presses it.
    refresh->setFocus();
    QTest::keyClick(refresh, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 2, kTimeoutMs);
    QVERIFY(
        textOf(panel, QStringLiteral("Fetch state")).startsWith(QStringLiteral("Status as of")));
}

void TestStatusPanel::showsAnApiErrorInPlace()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    Halo::SiteRecord unknown = recordFor(QStringLiteral("00000000-1111-4222-8333-444444444444"));
    panel->setSite(unknown);
    const QLabel *error = named<QLabel>(panel, QStringLiteral("Status error"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeoutMs);
    QVERIFY2(error->text().contains(QStringLiteral("Not found")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("Next step")));
    QVERIFY(textOf(panel, QStringLiteral("Fetch state")).contains(QStringLiteral("Could not")));
}

void TestStatusPanel::reResolvesAfterA403EndToEnd()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    const Halo::SiteRecord record =
        recordFor(kNonAuthoritative, QStringLiteral("Harbourside Family Medical"));
    QVERIFY(rig.store.add(record));
    QVERIFY(rig.showSite(record));

    // A query anywhere in the app is refused with 403; the panel offers to re-resolve.
    Halo::QueryCommand command;
    command.text = QStringLiteral("SELECT 1 AS ok");
    rig.client.runImmediate(kNonAuthoritative, command);
    const QFrame *notice = named<QFrame>(panel, QStringLiteral("Access refused notice"));
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(textOf(panel, QStringLiteral("Access refused message"))
                                 .contains(QStringLiteral("HTTP 403")),
                             kTimeoutMs);
    auto *reResolve = named<QPushButton>(panel, QStringLiteral("Re-resolve from PMS ID"));
    QVERIFY(reResolve->font().bold());
    QVERIFY(saveScreenshot(panel, QStringLiteral("statuspanel-403.png")));

    QSignalSpy updatedSpy(panel, &SiteStatusPanel::siteUpdated);
    QTest::mouseClick(reResolve, Qt::LeftButton);
    auto *dialog = panel->findChild<ReResolveDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(textOf(dialog, QStringLiteral("Halo GUID (new)")), kAuthoritative,
                              kTimeoutMs);
    QCOMPARE(textOf(dialog, QStringLiteral("Halo GUID (old)")), kNonAuthoritative);
    QCOMPARE(textOf(dialog, QStringLiteral("Practice name (old)")),
             QStringLiteral("Harbourside Family Medical"));
    QCOMPARE(textOf(dialog, QStringLiteral("Practice name (new)")),
             QStringLiteral("Harbourside Family Medical"));
    QCOMPARE(textOf(dialog, QStringLiteral("PMS ID (new)")), QStringLiteral("BP-20431"));
    QVERIFY(textOf(dialog, QStringLiteral("Practice name difference")).isEmpty());
    QVERIFY(named<QCheckBox>(dialog, QStringLiteral("The practice confirmed this is the same "
                                                    "practice"))
                ->isHidden());

    auto *update = named<QPushButton>(dialog, QStringLiteral("Update"));
    QVERIFY(update && update->isEnabled());
    QTest::mouseClick(update, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(updatedSpy.count(), 1, kTimeoutMs);
    QCOMPARE(updatedSpy.first().at(0).value<Halo::SiteRecord>().guid, kNonAuthoritative);
    QCOMPARE(updatedSpy.first().at(1).value<Halo::SiteRecord>().guid, kAuthoritative);
    const Halo::SiteRecord *saved = rig.store.find(QStringLiteral("sandbox"), kAuthoritative);
    QVERIFY(saved);
    QCOMPARE(saved->previousGuids, QStringList{kNonAuthoritative});
    QVERIFY(!rig.store.find(QStringLiteral("sandbox"), kNonAuthoritative));
    QVERIFY(!update->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(
        textOf(dialog, QStringLiteral("Test query result")).contains(QStringLiteral("succeeded")),
        kTimeoutMs);
    QVERIFY(textOf(dialog, QStringLiteral("Update result")).contains(kNonAuthoritative));
    QVERIFY(saveScreenshot(dialog, QStringLiteral("reresolve-dialog.png")));

    // The panel follows the site to its new GUID and the notice goes away.
    QTRY_COMPARE_WITH_TIMEOUT(textOf(panel, QStringLiteral("Halo GUID")), kAuthoritative,
                              kTimeoutMs);
    QVERIFY(notice->isHidden());
    QCOMPARE(panel->site().guid, kAuthoritative);
    QTRY_VERIFY_WITH_TIMEOUT(
        textOf(panel, QStringLiteral("Authoritative")).startsWith(QStringLiteral("Yes")),
        kTimeoutMs);
    named<QPushButton>(dialog, QStringLiteral("Close"))->click();
    QTRY_VERIFY(!panel->findChild<ReResolveDialog *>());
}

void TestStatusPanel::saysWhenThe403HasAnotherCause()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    // Authoritative but not paired: the status looks healthy, only queries are refused.
    const Halo::SiteRecord record = recordFor(kUnpaired);
    QVERIFY(rig.store.add(record));
    QVERIFY(rig.showSite(record));
    const QFrame *notice = named<QFrame>(panel, QStringLiteral("Access refused notice"));
    QVERIFY(notice->isHidden());

    Halo::QueryCommand command;
    command.text = QStringLiteral("SELECT 1 AS ok");
    rig.client.runImmediate(kUnpaired, command);
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), kTimeoutMs);
    QVERIFY(
        textOf(panel, QStringLiteral("Access refused message")).contains(QStringLiteral("paired")));

    named<QPushButton>(panel, QStringLiteral("Re-resolve from PMS ID"))->click();
    auto *dialog = panel->findChild<ReResolveDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(textOf(dialog, QStringLiteral("Re-resolve progress"))
                                 .contains(QStringLiteral("still resolves to this GUID")),
                             kTimeoutMs);
    QVERIFY(!named<QPushButton>(dialog, QStringLiteral("Update"))->isEnabled());
    QVERIFY(rig.store.find(QStringLiteral("sandbox"), kUnpaired));
}

void TestStatusPanel::asksForASecondConfirmationWhenTheIdentityChanged()
{
    START_RIG(rig);
    SiteStatusPanel *panel = rig.panel.get();
    const Halo::SiteRecord record =
        recordFor(kNonAuthoritative, QStringLiteral("Some Other Practice"));
    QVERIFY(rig.store.add(record));
    QVERIFY(rig.showSite(record));

    auto *reResolve = named<QPushButton>(panel, QStringLiteral("Re-resolve from PMS ID"));
    reResolve->setFocus();
    QTest::keyClick(reResolve, Qt::Key_Space); // reachable from the keyboard, 403 or not
    auto *dialog = panel->findChild<ReResolveDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(textOf(dialog, QStringLiteral("Halo GUID (new)")), kAuthoritative,
                              kTimeoutMs);
    QVERIFY(textOf(dialog, QStringLiteral("Practice name difference"))
                .contains(QStringLiteral("Changed")));
    const QLabel *differences = named<QLabel>(dialog, QStringLiteral("Identity differences"));
    QVERIFY(differences->isVisible());
    QVERIFY(differences->text().contains(QStringLiteral("Some Other Practice")));
    QVERIFY(differences->text().contains(QStringLiteral("merger")));
    auto *confirm = named<QCheckBox>(
        dialog, QStringLiteral("The practice confirmed this is the same practice"));
    QVERIFY(confirm && confirm->isVisible() && !confirm->isChecked());
    QVERIFY(saveScreenshot(dialog, QStringLiteral("reresolve-dialog-identity-changed.png")));

    // Update is refused until the practice's confirmation is ticked.
    auto *update = named<QPushButton>(dialog, QStringLiteral("Update"));
    QVERIFY(!update->isEnabled());
    QTest::mouseClick(update, Qt::LeftButton);
    QVERIFY(rig.store.find(QStringLiteral("sandbox"), kNonAuthoritative));
    QVERIFY(!rig.store.find(QStringLiteral("sandbox"), kAuthoritative));

    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(confirm->isChecked());
    QVERIFY(update->isEnabled());
    QSignalSpy updatedSpy(panel, &SiteStatusPanel::siteUpdated);
    QTest::mouseClick(update, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(updatedSpy.count(), 1, kTimeoutMs);
    const Halo::SiteRecord *saved = rig.store.find(QStringLiteral("sandbox"), kAuthoritative);
    QVERIFY(saved);
    QCOMPARE(saved->previousGuids, QStringList{kNonAuthoritative});
    QCOMPARE(saved->recorded.practiceName, QStringLiteral("Harbourside Family Medical"));
    QTRY_VERIFY_WITH_TIMEOUT(
        textOf(dialog, QStringLiteral("Test query result")).contains(QStringLiteral("succeeded")),
        kTimeoutMs);
}

QTEST_MAIN(TestStatusPanel)
#include "tst_statuspanel.moc"
