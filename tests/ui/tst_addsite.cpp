// SPDX-License-Identifier: GPL-3.0-or-later
// Adding a site as the Getting started guide recommends, driven by keyboard and mouse against the
// embedded sandbox: look the GUID up by PMS ID, confirm the right install by its secondary
// identifiers, save it, and run a test query; also by GUID and by pairing, with errors in place.
#include "FailOnWarning.h"
#include "HostileServer.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"
#include "sites/AddSiteDialog.h"
#include "sites/SiteCandidatesModel.h"
#include "sites/SiteStore.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

const QString kHarbourside = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kHarboursideOld = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kWattleGrove = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
const QString kBellbird = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");

// The one widget with this accessible name; null when there is none or more than one, so the
// tests also prove that the names are unambiguous.
template <typename Widget = QWidget> Widget *named(QWidget *root, const QString &name)
{
    Widget *found = nullptr;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->accessibleName() != name)
            continue;
        if (found)
            return nullptr;
        found = qobject_cast<Widget *>(widget);
    }
    return found;
}

} // namespace

class TestAddSite : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void namesEveryControlAndWorksFromTheKeyboard();
    void escapeClosesTheDialog();
    void looksUpByPmsIdAndSavesTheAuthoritativeInstall();
    void nonAuthoritativeInstallNeedsConfirmation();
    void flagsCandidatesWhoseNameDiffersFromTheExpectedOne();
    void sendsNothingUntilTheGuidIsValid();
    void pairsAfterAWrongCodeWithoutLosingInput();
    void pairingCodeIsRequiredForBestPracticeOnly();
    void showsALookupErrorInPlace();
    void looksUpNothingWithoutAKey();
    void saysWhenNoSiteHasThePmsId();
    void cancelsARunningLookup();
    void showsAStoreErrorAndKeepsTheCandidates();
    void namesProductionBesideEverythingThatSends();

private:
    QLineEdit *edit(const QString &name) { return named<QLineEdit>(m_dialog.get(), name); }
    QPushButton *button(const QString &name) { return named<QPushButton>(m_dialog.get(), name); }
    QTableView *candidates()
    {
        return named<QTableView>(m_dialog.get(), QStringLiteral("Candidates"));
    }
    QLabel *label(const QString &name) { return named<QLabel>(m_dialog.get(), name); }
    void chooseMode(const QString &name);
    void lookUpPmsId(const QString &pmsId);
    void clickRow(int row);
    void saveScreenshot();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::SandboxServer> m_server;
    std::unique_ptr<Halo::HaloApiClient> m_client;
    std::unique_ptr<Halo::SiteStore> m_store;
    std::unique_ptr<AddSiteDialog> m_dialog;
};

void TestAddSite::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Sandbox::SandboxOptions options;
    options.key = QStringLiteral("k");
    m_server = std::make_unique<Sandbox::SandboxServer>(options);
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<Halo::HaloApiClient>();
    m_client->setEndpoint({Halo::Environment::Sandbox, QUrl(m_server->baseUrl())});
    m_client->setSubscriptionKey(QStringLiteral("k"));
    m_store = std::make_unique<Halo::SiteStore>(m_dir->filePath(QStringLiteral("sites.json")));
    QVERIFY(m_store->load());
    m_dialog = std::make_unique<AddSiteDialog>(m_client.get(), m_store.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
}

void TestAddSite::cleanup()
{
    m_dialog.reset();
    m_store.reset();
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

void TestAddSite::chooseMode(const QString &name)
{
    auto *radio = named<QRadioButton>(m_dialog.get(), name);
    QVERIFY2(radio, qPrintable(name));
    QTest::mouseClick(radio, Qt::LeftButton);
    QVERIFY(radio->isChecked());
}

void TestAddSite::lookUpPmsId(const QString &pmsId)
{
    QLineEdit *field = edit(QStringLiteral("PMS ID"));
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, pmsId);
    QVERIFY(button(QStringLiteral("Look up"))->isEnabled());
    QTest::keyClick(field, Qt::Key_Return); // Look up is the default button while typing
}

void TestAddSite::clickRow(int row)
{
    QTableView *view = candidates();
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestAddSite::saveScreenshot()
{
    const QString path =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("addsite-dialog.png"));
    QVERIFY(m_dialog->grab().save(path));
    qInfo("Screenshot: %s", qPrintable(path));
}

void TestAddSite::namesEveryControlAndWorksFromTheKeyboard()
{
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Add site"));
    QCOMPARE(m_dialog->accessibleName(), QStringLiteral("Add site"));
    for (const char *name : {"PMS ID", "Look up", "Halo GUID", "Pairing code", "Save site"})
        QVERIFY2(named(m_dialog.get(), QString::fromLatin1(name)), name);
    QVERIFY(named<QComboBox>(m_dialog.get(), QStringLiteral("PMS")));
    QStringList pmsNames;
    auto *pms = named<QComboBox>(m_dialog.get(), QStringLiteral("PMS"));
    for (int i = 0; i < pms->count(); ++i)
        pmsNames << pms->itemText(i);
    QCOMPARE(pmsNames, (QStringList{QStringLiteral("Best Practice"), QStringLiteral("Zedmed"),
                                    QStringLiteral("D4w")}));

    // Every control, except the parts a table view makes for itself, has a name.
    const auto widgets = m_dialog->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
            qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget);
        bool insideView = false;
        for (QWidget *p = widget->parentWidget(); p; p = p->parentWidget())
            insideView = insideView || qobject_cast<QAbstractItemView *>(p);
        if (control && !insideView)
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }

    // Typing starts in the PMS ID; Tab walks the visible fields in order to Look up.
    QLineEdit *pmsId = edit(QStringLiteral("PMS ID"));
    QTRY_COMPARE(QApplication::focusWidget(), pmsId);
    QVERIFY(!button(QStringLiteral("Look up"))->isEnabled());
    QTest::keyClicks(pmsId, QStringLiteral("ZM-0716"));
    QVERIFY(button(QStringLiteral("Look up"))->isEnabled());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), pms);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // Zedmed
    QCOMPARE(pms->currentText(), QStringLiteral("Zedmed"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit(QStringLiteral("Expected practice name")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), button(QStringLiteral("Look up")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);

    // The single result is chosen and focused; Enter there saves it.
    QTableView *view = candidates();
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QTRY_COMPARE(QApplication::focusWidget(), view);
    QVERIFY(button(QStringLiteral("Save site"))->isEnabled());
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_store->sites().size(), 1);
    QCOMPARE(m_store->sites().first().guid, kWattleGrove);
    QCOMPARE(m_store->sites().first().pmsType, QStringLiteral("Zedmed"));
    QCOMPARE(QApplication::focusWidget(), button(QStringLiteral("Run test query")));
}

void TestAddSite::escapeClosesTheDialog()
{
    QSignalSpy rejected(m_dialog.get(), &QDialog::rejected);
    QTest::keyClick(edit(QStringLiteral("PMS ID")), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!m_dialog->isVisible());
}

void TestAddSite::looksUpByPmsIdAndSavesTheAuthoritativeInstall()
{
    QSignalSpy saved(m_dialog.get(), &AddSiteDialog::siteSaved);
    QTableView *view = candidates();
    QAbstractItemModelTester tester(view->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    lookUpPmsId(QStringLiteral("BP-20431"));

    // Both installs, the authoritative one first and the other marked, each with its secondary
    // identifiers.
    QAbstractItemModel *model = view->model();
    QTRY_COMPARE(model->rowCount(), 2);
    using Model = Halo::SiteCandidatesModel;
    QCOMPARE(model->index(0, Model::GuidColumn).data().toString(), kHarbourside);
    QCOMPARE(model->index(0, Model::AuthoritativeColumn).data().toString(),
             QStringLiteral("Authoritative"));
    QCOMPARE(model->index(1, Model::GuidColumn).data().toString(), kHarboursideOld);
    QCOMPARE(model->index(1, Model::AuthoritativeColumn).data().toString(),
             QStringLiteral("Not authoritative"));
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->index(row, Model::PracticeColumn).data().toString(),
                 QStringLiteral("Harbourside Family Medical"));
        for (int column : {Model::PmsVersionColumn, Model::HaloLinkVersionColumn,
                           Model::AvailabilityColumn, Model::CreatedColumn}) {
            const QString text = model->index(row, column).data().toString();
            QVERIFY2(!text.isEmpty() && text != QStringLiteral("Not reported"),
                     qPrintable(QString::number(column)));
        }
    }
    QVERIFY(
        label(QStringLiteral("Candidates note"))->text().contains(QStringLiteral("2 installs")));

    // Nothing is chosen for the user among several; Space chooses the focused first row.
    QPushButton *save = button(QStringLiteral("Save site"));
    QVERIFY(!save->isEnabled());
    QTRY_COMPARE(QApplication::focusWidget(), view);
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(save->isEnabled());
    QVERIFY(
        !named(m_dialog.get(), QStringLiteral("Confirm non-authoritative install"))->isVisible());
    saveScreenshot();
    QTest::keyClick(view, Qt::Key_Return);

    QCOMPARE(saved.count(), 1);
    Halo::SiteStore reread(m_store->filePath());
    QVERIFY(reread.load());
    QCOMPARE(reread.sites().size(), 1);
    const Halo::SiteRecord record = reread.sites().first();
    QCOMPARE(record.environment, QStringLiteral("sandbox"));
    QCOMPARE(record.guid, kHarbourside);
    QCOMPARE(record.pmsId, QStringLiteral("BP-20431"));
    QCOMPARE(record.pmsType, QStringLiteral("BestPractice"));
    QCOMPARE(record.recorded.practiceName, QStringLiteral("Harbourside Family Medical"));
    QCOMPARE(record.recorded.pmsVersion,
             model->index(0, Model::PmsVersionColumn).data().toString());
    QCOMPARE(record.recorded.haloLinkVersion,
             model->index(0, Model::HaloLinkVersionColumn).data().toString());
    QVERIFY(record.recorded.recordedAt.isValid());
    QVERIFY(record.addedAt.isValid());
    QCOMPARE(saved.first().first().value<Halo::SiteRecord>().guid, kHarbourside);
    QVERIFY(!save->isEnabled()); // saved once is enough

    // The test query answers 1.
    QPushButton *run = button(QStringLiteral("Run test query"));
    QVERIFY(run->isVisible());
    QCOMPARE(QApplication::focusWidget(), run);
    QTest::keyClick(run, Qt::Key_Space);
    QLabel *result = label(QStringLiteral("Test query result"));
    QTRY_VERIFY(result->isVisible());
    QVERIFY2(result->text().contains(QStringLiteral("ok = 1")), qPrintable(result->text()));
    QTRY_COMPARE(QApplication::focusWidget(), run);
}

void TestAddSite::nonAuthoritativeInstallNeedsConfirmation()
{
    lookUpPmsId(QStringLiteral("BP-20431"));
    QTRY_COMPARE(candidates()->model()->rowCount(), 2);
    clickRow(1);
    auto *confirm =
        named<QCheckBox>(m_dialog.get(), QStringLiteral("Confirm non-authoritative install"));
    QVERIFY(confirm->isVisible());
    QCOMPARE(confirm->text(),
             QStringLiteral("I understand this install is not authoritative; queries will be "
                            "refused (403)"));
    QPushButton *save = button(QStringLiteral("Save site"));
    QVERIFY(!save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(m_store->sites().isEmpty());

    // Confirming is for this install only: choosing another and back asks again.
    QTest::mouseClick(confirm, Qt::LeftButton, {}, QPoint(8, confirm->height() / 2));
    QVERIFY(save->isEnabled());
    clickRow(0);
    QVERIFY(!confirm->isVisible());
    clickRow(1);
    QVERIFY(!confirm->isChecked());
    QVERIFY(!save->isEnabled());

    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_Space);
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(m_store->sites().size(), 1);
    QCOMPARE(m_store->sites().first().guid, kHarboursideOld);

    // As promised, its test query is refused, and the refusal is explained plainly.
    QTest::mouseClick(button(QStringLiteral("Run test query")), Qt::LeftButton);
    QLabel *problem = label(QStringLiteral("Test query problem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("HTTP 403")), qPrintable(problem->text()));
}

void TestAddSite::flagsCandidatesWhoseNameDiffersFromTheExpectedOne()
{
    QTest::keyClicks(edit(QStringLiteral("Expected practice name")), QStringLiteral("Bellbird"));
    lookUpPmsId(QStringLiteral("BP-20431"));
    QAbstractItemModel *model = candidates()->model();
    QTRY_COMPARE(model->rowCount(), 2);
    using Model = Halo::SiteCandidatesModel;
    for (int row = 0; row < 2; ++row) {
        QVERIFY(model->index(row, Model::PracticeColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("not the expected name")));
        QVERIFY(!model->index(row, 0).data(Model::NameMatchesRole).toBool());
    }
    clickRow(0);
    QVERIFY(label(QStringLiteral("Candidates note"))
                ->text()
                .contains(QStringLiteral("not the practice name you expected")));

    // A shorter form of the right name, in any case, is not flagged.
    QLineEdit *expected = edit(QStringLiteral("Expected practice name"));
    expected->clear();
    QTest::keyClicks(expected, QStringLiteral("harbourside  family"));
    QCOMPARE(model->index(0, Model::PracticeColumn).data().toString(),
             QStringLiteral("Harbourside Family Medical"));
    QVERIFY(model->index(1, 0).data(Model::NameMatchesRole).toBool());
}

void TestAddSite::sendsNothingUntilTheGuidIsValid()
{
    QSignalSpy handled(m_server.get(), &Sandbox::SandboxServer::requestHandled);
    chooseMode(QStringLiteral("By GUID"));
    QLineEdit *guid = edit(QStringLiteral("Halo GUID"));
    QVERIFY(guid->isVisible());
    QVERIFY(!edit(QStringLiteral("PMS ID"))->isVisible());
    QLabel *problem = label(QStringLiteral("Halo GUID problem"));
    QVERIFY(!problem->isVisible()); // an empty field is not yet wrong

    guid->setFocus();
    QTest::keyClicks(guid, QStringLiteral("{6B2E8F14-95C7-4d3a-8f60"));
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(),
             QStringLiteral("Not a valid Halo GUID: expected 8-4-4-4-12 hexadecimal digits"));
    QVERIFY(!button(QStringLiteral("Look up"))->isEnabled());
    QVERIFY(!button(QStringLiteral("Save site"))->isEnabled());
    QTest::keyClick(guid, Qt::Key_Return);
    QVERIFY(!QTest::qWaitFor([&]() { return handled.count() > 0; }, 300));
    QVERIFY(m_client->requestLog()->exchanges().isEmpty());

    // Braces and upper case are fine once the whole GUID is there.
    QTest::keyClicks(guid, QStringLiteral("-C4A7E1B209D5}"));
    QVERIFY(!problem->isVisible());
    QVERIFY(button(QStringLiteral("Look up"))->isEnabled());
    QTest::keyClick(guid, Qt::Key_Return);
    QTRY_COMPARE(candidates()->model()->rowCount(), 1);
    QCOMPARE(m_client->requestLog()->exchanges().size(), 1);
    QVERIFY(m_client->requestLog()->exchanges().first().url.path().endsWith(kWattleGrove));
    QTest::mouseClick(button(QStringLiteral("Save site")), Qt::LeftButton);
    QCOMPARE(m_store->sites().size(), 1);
    const Halo::SiteRecord record = m_store->sites().first();
    QCOMPARE(record.guid, kWattleGrove);
    QCOMPARE(record.pmsId, QStringLiteral("ZM-0716"));
    QCOMPARE(record.recorded.practiceName, QStringLiteral("Wattle Grove Medical Clinic"));
}

void TestAddSite::pairsAfterAWrongCodeWithoutLosingInput()
{
    chooseMode(QStringLiteral("Pair a site"));
    QLineEdit *pmsId = edit(QStringLiteral("PMS ID"));
    QLineEdit *code = edit(QStringLiteral("Pairing code"));
    QPushButton *pairButton = button(QStringLiteral("Pair site"));
    QVERIFY(pairButton->isVisible());
    QVERIFY(!button(QStringLiteral("Look up"))->isVisible());
    QTest::keyClicks(pmsId, QStringLiteral("BP-44019"));
    QVERIFY(!pairButton->isEnabled()); // Best Practice needs a code
    QTest::keyClicks(code, QStringLiteral("WRONG1"));
    QVERIFY(pairButton->isEnabled());
    QTest::keyClick(code, Qt::Key_Return);

    QLabel *problem = label(QStringLiteral("Problem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("HTTP 403")), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(QStringLiteral("pairing code is not valid")),
             qPrintable(problem->text()));
    QVERIFY(problem->text().contains(QStringLiteral("Next:")));
    QCOMPARE(code->text(), QStringLiteral("WRONG1"));
    QCOMPARE(pmsId->text(), QStringLiteral("BP-44019"));
    QCOMPARE(candidates()->model()->rowCount(), 0);
    QTRY_VERIFY(code->isEnabled());

    code->setFocus();
    code->selectAll();
    QTest::keyClicks(code, QStringLiteral("Q3ZL8W"));
    QTest::keyClick(code, Qt::Key_Return);
    QTRY_COMPARE(candidates()->model()->rowCount(), 1);
    QTRY_VERIFY(!problem->isVisible());
    QCOMPARE(candidates()->model()->index(0, Halo::SiteCandidatesModel::GuidColumn).data(),
             QVariant(kBellbird));
    QTest::mouseClick(button(QStringLiteral("Save site")), Qt::LeftButton);
    QCOMPARE(m_store->sites().size(), 1);
    QCOMPARE(m_store->sites().first().pmsId, QStringLiteral("BP-44019"));
    QCOMPARE(m_store->sites().first().recorded.practiceName, QStringLiteral("Bellbird Health Hub"));

    // Paired now, so its test query works.
    QTest::mouseClick(button(QStringLiteral("Run test query")), Qt::LeftButton);
    QLabel *result = label(QStringLiteral("Test query result"));
    QTRY_VERIFY(result->isVisible());
    QVERIFY2(result->text().contains(QStringLiteral("ok = 1")), qPrintable(result->text()));
}

void TestAddSite::pairingCodeIsRequiredForBestPracticeOnly()
{
    chooseMode(QStringLiteral("Pair a site"));
    QLineEdit *code = edit(QStringLiteral("Pairing code"));
    QVERIFY(code->placeholderText().contains(QStringLiteral("Required for Best Practice")));
    QVERIFY(label(QStringLiteral("Pairing code hint"))
                ->text()
                .contains(QStringLiteral("Required for Best Practice")));
    auto *pms = named<QComboBox>(m_dialog.get(), QStringLiteral("PMS"));
    pms->setFocus();
    QTest::keyClick(pms, Qt::Key_Down);
    QCOMPARE(pms->currentText(), QStringLiteral("Zedmed"));
    QVERIFY(!code->isEnabled());
    QTest::keyClicks(edit(QStringLiteral("PMS ID")), QStringLiteral("ZM-0716"));
    QVERIFY(button(QStringLiteral("Pair site"))->isEnabled());

    // A pairing the practice software rejects is explained in place.
    QTest::keyClick(pms, Qt::Key_Up);
    QLineEdit *pmsId = edit(QStringLiteral("PMS ID"));
    pmsId->selectAll();
    QTest::keyClicks(pmsId, QStringLiteral("BP-27603"));
    QTest::keyClicks(code, QStringLiteral("R6JM4X"));
    QTest::mouseClick(button(QStringLiteral("Pair site")), Qt::LeftButton);
    QLabel *problem = label(QStringLiteral("Problem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("HTTP 502")), qPrintable(problem->text()));
}

void TestAddSite::showsALookupErrorInPlace()
{
    m_client->setSubscriptionKey(QStringLiteral("not-the-key"));
    lookUpPmsId(QStringLiteral("BP-20431"));
    QLabel *problem = label(QStringLiteral("Problem"));
    QTRY_VERIFY(problem->isVisible());
    const QString text = problem->text();
    QVERIFY2(text.contains(QStringLiteral("HTTP 401 — Wrong key or wrong environment")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("belongs to another environment")));
    QVERIFY(text.contains(QStringLiteral("Next: Check that the key is for this environment")));
    QCOMPARE(edit(QStringLiteral("PMS ID"))->text(), QStringLiteral("BP-20431"));
    QCOMPARE(candidates()->model()->rowCount(), 0);
    QTRY_VERIFY(button(QStringLiteral("Look up"))->isEnabled());
    QTRY_COMPARE(QApplication::focusWidget(), edit(QStringLiteral("PMS ID")));
}

void TestAddSite::looksUpNothingWithoutAKey()
{
    // The key dialog was cancelled, or the key forgotten: Look up says so beside itself, and
    // nothing reaches the service (here a loopback server posing as Production).
    Hostile::Server server(Hostile::always(Hostile::Reply::json(200, R"({"sites":[]})")));
    QVERIFY(server.listening());
    m_client->setEndpoint({Halo::Environment::Production, server.baseUrl()});
    m_client->setSubscriptionKey(QString());
    lookUpPmsId(QStringLiteral("BP-20431"));
    QLabel *problem = label(QStringLiteral("Problem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(
                 QStringLiteral("No subscription key for Production — set one first")),
             qPrintable(problem->text()));
    QTRY_VERIFY(button(QStringLiteral("Look up"))->isEnabled());
    QTest::qWait(100);
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(m_client->requestLog()->exchanges().isEmpty());
}

void TestAddSite::saysWhenNoSiteHasThePmsId()
{
    lookUpPmsId(QStringLiteral("BP-00000"));
    QLabel *problem = label(QStringLiteral("Problem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("No site found")),
             qPrintable(problem->text()));
    QVERIFY(!button(QStringLiteral("Save site"))->isEnabled());
}

void TestAddSite::cancelsARunningLookup()
{
    Sandbox::SandboxOptions slow = m_server->options();
    slow.latencyMs = 20000;
    m_server->setOptions(slow);
    lookUpPmsId(QStringLiteral("BP-20431"));

    QPushButton *cancel = button(QStringLiteral("Cancel request"));
    QTRY_VERIFY(cancel->isVisible());
    QVERIFY(!edit(QStringLiteral("PMS ID"))->isEnabled());
    QVERIFY(!button(QStringLiteral("Look up"))->isEnabled());
    QTRY_COMPARE(QApplication::focusWidget(), cancel);
    QTest::keyClick(cancel, Qt::Key_Space);

    QLabel *problem = label(QStringLiteral("Problem"));
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("Cancelled")), qPrintable(problem->text()));
    QVERIFY(!cancel->isVisible());
    QVERIFY(edit(QStringLiteral("PMS ID"))->isEnabled());
    QCOMPARE(edit(QStringLiteral("PMS ID"))->text(), QStringLiteral("BP-20431"));
}

void TestAddSite::showsAStoreErrorAndKeepsTheCandidates()
{
    Halo::SiteRecord existing;
    existing.environment = QStringLiteral("sandbox");
    existing.guid = kHarbourside;
    existing.pmsType = QStringLiteral("BestPractice");
    existing.pmsId = QStringLiteral("BP-20431");
    QVERIFY(m_store->add(existing));

    lookUpPmsId(QStringLiteral("BP-20431"));
    QTRY_COMPARE(candidates()->model()->rowCount(), 2);
    clickRow(0);
    QSignalSpy saved(m_dialog.get(), &AddSiteDialog::siteSaved);
    QTest::mouseClick(button(QStringLiteral("Save site")), Qt::LeftButton);
    QLabel *problem = label(QStringLiteral("Save problem"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("not saved")), qPrintable(problem->text()));
    QCOMPARE(saved.count(), 0);
    QCOMPARE(m_store->sites().size(), 1);
    QCOMPARE(candidates()->model()->rowCount(), 2);
    QCOMPARE(candidates()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(edit(QStringLiteral("PMS ID"))->text(), QStringLiteral("BP-20431"));
}

void TestAddSite::namesProductionBesideEverythingThatSends()
{
    Halo::HaloApiClient production;
    production.setEndpoint(
        {Halo::Environment::Production, Halo::defaultBaseUrl(Halo::Environment::Production)});
    AddSiteDialog dialog(&production, m_store.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *environment = named<QLabel>(&dialog, QStringLiteral("Environment"));
    QVERIFY(environment->text().contains(QStringLiteral("Production")));
    QVERIFY(environment->text().contains(QStringLiteral("https://api.haloconnect.io")));

    // Beside Look up and Save site now, and beside Run test query once it shows.
    int visible = 0;
    int all = 0;
    const auto labels = dialog.findChildren<QLabel *>();
    for (QLabel *marker : labels) {
        if (marker->accessibleName() != QStringLiteral("Sends to Production"))
            continue;
        ++all;
        QCOMPARE(marker->text(), QStringLiteral("Production"));
        visible += marker->isVisible() ? 1 : 0;
    }
    QCOMPARE(all, 3);
    QCOMPARE(visible, 2);
    QVERIFY(production.requestLog()->exchanges().isEmpty());

    // Not in the sandbox.
    const auto sandboxLabels = m_dialog->findChildren<QLabel *>();
    for (QLabel *marker : sandboxLabels) {
        if (marker->accessibleName() == QStringLiteral("Sends to Production"))
            QVERIFY(!marker->isVisible());
    }
}

QTEST_MAIN(TestAddSite)
#include "tst_addsite.moc"
