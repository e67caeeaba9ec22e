// SPDX-License-Identifier: GPL-3.0-or-later
// Privacy mode in the window, for screen sharing: one toggle (toolbar, View menu, Ctrl+Shift+P)
// hides patient data in the SQL grid, the FHIR table and JSON views and the request log's
// bodies, and says so in the title; copy, export and save ask before revealing it; the choice is
// remembered per environment across a restart. Patient 1 of the sandbox's sample data is looked
// up with privacy mode off first, so every view is searched for values the sandbox really sent.
#include "FailOnWarning.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "SandboxServer.h"
#include "WidgetLookup.h"
#include "WindowParts.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirResourceView.h"
#include "fhir/FhirTab.h"
#include "net/RequestLog.h"
#include "privacy/PatientDataRules.h"
#include "privacy/PrivacyMode.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteRecord.h"
#include "sql/ResultGrid.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"
#include "storage/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <memory>

namespace {

const QString kKey = QStringLiteral("privacy-test-key");
const QString kSentinel = QStringLiteral("clipboard before the copy");
const int kTimeoutMs = 20000;

const Sandbox::SampleSite &bestPractice()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online &&
            site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    qFatal("no online Best Practice sample site");
}

// Every text a model shows for its cells (display, tooltip, what a screen reader reads), its
// tree walked whole.
QString everyText(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(Qt::AccessibleTextRole), int(Qt::EditRole)})
                texts << index.data(role).toString();
            if (column == 0)
                texts << everyText(model, index);
        }
    }
    return texts.join(QLatin1Char('\n'));
}

// Answers the next "Reveal hidden values" box with Reveal or Keep hidden, keeping its text.
// Polled, because QMessageBox::exec blocks.
struct RevealAnswer {
    QString question;
    bool asked = false;
};
std::shared_ptr<RevealAnswer> answerReveal(QObject *context, bool reveal)
{
    auto answer = std::make_shared<RevealAnswer>();
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, context, [timer, answer, reveal]() {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible() ||
            box->accessibleName() != QLatin1String("Reveal hidden values"))
            return;
        answer->question = box->text();
        answer->asked = true;
        named<QPushButton>(box, reveal ? QStringLiteral("Reveal") : QStringLiteral("Keep hidden"))
            ->click();
        timer->deleteLater();
    });
    timer->start();
    return answer;
}

// The core objects and the window over a sandbox on loopback.
struct Rig : WindowParts {
    explicit Rig(const QString &dir)
        : WindowParts(dir)
        , server(options())
    {
        port = server.listen();
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
    }
    ~Rig() { window.reset(); } // before the server it talks to
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions options;
        options.key = kKey;
        return options;
    }
    bool addSite()
    {
        const Sandbox::SampleSite &sample = bestPractice();
        Halo::SiteRecord record;
        record.environment = QStringLiteral("sandbox");
        record.guid = sample.guid;
        record.pmsType = sample.pmsType;
        record.pmsId = sample.pmsId;
        record.recorded.practiceName = sample.recordedPracticeName;
        record.addedAt = QDateTime::currentDateTimeUtc();
        return store.add(record);
    }
    void selectSite()
    {
        window->siteListPanel()->selectSite(QStringLiteral("sandbox"), bestPractice().guid);
    }
    QAction *toggle() const
    {
        return window->findChild<QAction *>(QStringLiteral("privacyModeAction"));
    }
    SqlTab *sql() const { return window->sqlWorkspace()->sqlTab(); }
    ResultGrid *grid() const { return named<ResultGrid>(sql(), QStringLiteral("Results")); }
    bool runSql(const QString &text)
    {
        QSignalSpy finished(sql(), &SqlTab::queryFinished);
        sql()->setSqlText(text);
        auto *run = named<QPushButton>(sql(), QStringLiteral("Run query"));
        if (!run || !QTest::qWaitFor([run]() { return run->isEnabled(); }, kTimeoutMs))
            return false;
        run->click();
        return finished.wait(kTimeoutMs) && grid()->model()->rowCount() > 0;
    }
    bool searchFhir(const QString &line)
    {
        FhirTab *tab = window->fhirTab();
        if (!QTest::qWaitFor([tab]() { return tab->offersFhir(); }, kTimeoutMs))
            return false;
        QSignalSpy shown(tab, &FhirTab::answerShown);
        tab->setQueryLine(line);
        tab->search();
        return shown.wait(kTimeoutMs);
    }
    QTableView *fhirTable() const
    {
        return named<QTableView>(window->fhirTab(), QStringLiteral("FHIR results"));
    }
    FhirResourceView *resourceView() const { return window->fhirTab()->resourceView(); }
    // The JSON text view's content, once loaded.
    QString fhirText() const
    {
        FhirResourceView *view = resourceView();
        view->findChild<QTabWidget *>(QStringLiteral("fhirResourceViews"))->setCurrentIndex(1);
        if (!QTest::qWaitFor([view]() { return view->isTextLoaded(); }, kTimeoutMs))
            return QStringLiteral("<text never loaded>");
        return view->textView()->toPlainText();
    }
    // The details pane's text for every exchange in the log, one after the other.
    QStringList logDetails() const
    {
        auto *log = window->findChild<QTableView *>(QStringLiteral("requestLog"));
        auto *details = window->findChild<QPlainTextEdit *>(QStringLiteral("exchangeDetails"));
        QStringList texts;
        for (int row = 0; row < log->model()->rowCount(); ++row) {
            log->selectRow(row);
            texts << details->toPlainText();
        }
        return texts;
    }

    Sandbox::SandboxServer server;
    quint16 port = 0;
};

// The column of `model` with this header, or -1.
int columnNamed(const QAbstractItemModel *model, const QString &header)
{
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == header)
            return column;
    }
    return -1;
}

} // namespace

class TestPrivacyMode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void toggleIsOnTheToolbarMenuAndShortcutAndInTheTitle();
    void sqlGridHidesPatientColumnsOnly();
    void sqlCopyAndExportAskBeforeRevealing();
    void fhirTableAndJsonViewsHideThePatient();
    void fhirCopyAndSaveAskBeforeRevealing();
    void requestLogBodiesShowNoPatientValue();
    void rememberedPerEnvironmentAcrossARestart();

private:
    void turnOn(bool on);
    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Rig> m_rig;
};

void TestPrivacyMode::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorerTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_privacymode"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestPrivacyMode::init()
{
    HaloTest::failOnWarnings();
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_rig = std::make_unique<Rig>(m_dir->path());
    QVERIFY2(m_rig->port != 0, qPrintable(m_rig->server.errorString()));
    QVERIFY(m_rig->store.load());
    QVERIFY(m_rig->addSite());
    m_rig->openWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_rig->window.get()));
    m_rig->selectSite();
    QGuiApplication::clipboard()->setText(kSentinel);
}

void TestPrivacyMode::cleanup()
{
    m_rig.reset();
    m_dir.reset();
}

void TestPrivacyMode::turnOn(bool on)
{
    if (m_rig->toggle()->isChecked() != on)
        m_rig->toggle()->trigger();
    QCOMPARE(m_rig->window->privacyMode()->isOn(), on);
}

void TestPrivacyMode::toggleIsOnTheToolbarMenuAndShortcutAndInTheTitle()
{
    MainWindow *window = m_rig->window.get();
    QAction *toggle = m_rig->toggle();
    QVERIFY(toggle);
    QVERIFY(toggle->isCheckable());
    QVERIFY(!toggle->isChecked());
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    auto *toolbar = window->findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    QWidget *button = toolbar->widgetForAction(toggle);
    QVERIFY(qobject_cast<QToolButton *>(button));
    QCOMPARE(button->accessibleName(), QStringLiteral("Privacy mode"));
    QCOMPARE(named<QToolButton>(window, QStringLiteral("Privacy mode")), button);
    bool inViewMenu = false;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("View"))
            inViewMenu = menu->menu()->actions().contains(toggle);
    }
    QVERIFY(inViewMenu);
    const QString plainTitle = window->windowTitle();
    QVERIFY(!plainTitle.contains(QLatin1String("Privacy mode")));

    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QTRY_VERIFY(toggle->isChecked());
    QVERIFY(window->privacyMode()->isOn());
    QVERIFY(window->windowTitle().startsWith(plainTitle));
    QVERIFY(window->windowTitle().contains(QLatin1String("Privacy mode")));

    QTest::keySequence(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QTRY_VERIFY(!toggle->isChecked());
    QCOMPARE(window->windowTitle(), plainTitle);
}

void TestPrivacyMode::sqlGridHidesPatientColumnsOnly()
{
    QVERIFY(m_rig->runSql(QStringLiteral("SELECT id, surname, date_of_birth, medicare_no, "
                                         "balance FROM patients WHERE id = 1")));
    const QAbstractItemModel *grid = m_rig->grid()->model();
    const QString surname = grid->index(0, 1).data().toString();
    const QString born = grid->index(0, 2).data().toString();
    const QString medicare = grid->index(0, 3).data().toString();
    const QString id = grid->index(0, 0).data().toString();
    const QString balance = grid->index(0, 4).data().toString();
    for (const QString &value : {surname, born, medicare})
        QVERIFY2(value.size() > 3, qPrintable(value));
    QVERIFY(everyText(grid).contains(surname)); // shown while privacy mode is off

    turnOn(true);
    const QString shown = everyText(grid);
    for (const QString &value : {surname, born, medicare})
        QVERIFY2(!shown.contains(value), qPrintable(value));
    for (int column : {1, 2, 3})
        QCOMPARE(grid->index(0, column).data().toString(), Halo::PatientDataRules::maskedText());
    QCOMPARE(grid->index(0, 0).data().toString(), id);
    QCOMPARE(grid->index(0, 4).data().toString(), balance);
    QCOMPARE(grid->headerData(1, Qt::Horizontal).toString(), QStringLiteral("surname"));

    turnOn(false);
    QCOMPARE(grid->index(0, 1).data().toString(), surname);
}

void TestPrivacyMode::sqlCopyAndExportAskBeforeRevealing()
{
    QVERIFY(m_rig->runSql(
        QStringLiteral("SELECT id, first_name, surname FROM patients WHERE id IN (1, 2)")));
    const QString surname = m_rig->grid()->model()->index(0, 2).data().toString();
    QVERIFY(!surname.isEmpty());
    turnOn(true);
    ResultGrid *grid = m_rig->grid();
    grid->selectAll();

    // Declined: nothing copied.
    auto declined = answerReveal(this, false);
    grid->copySelection();
    QVERIFY(declined->asked);
    QVERIFY2(declined->question.contains(QLatin1String("4 values from 2 hidden columns")),
             qPrintable(declined->question));
    QVERIFY(declined->question.contains(QLatin1String("first_name, surname")));
    QCOMPARE(QGuiApplication::clipboard()->text(), kSentinel);

    // Accepted: the real values.
    auto accepted = answerReveal(this, true);
    grid->copySelection();
    QVERIFY(accepted->asked);
    QVERIFY(QGuiApplication::clipboard()->text().contains(surname));

    // Ctrl+C in the grid goes the same way.
    QGuiApplication::clipboard()->setText(kSentinel);
    auto keyed = answerReveal(this, false);
    grid->setFocus();
    QTest::keySequence(grid, QKeySequence::Copy);
    QVERIFY(keyed->asked);
    QCOMPARE(QGuiApplication::clipboard()->text(), kSentinel);

    // Export: declined, no file; accepted, the real values in the file.
    const QString path = m_dir->filePath(QStringLiteral("patients.csv"));
    auto noExport = answerReveal(this, false);
    QVERIFY(!m_rig->sql()->exportResults(path));
    QVERIFY(noExport->asked);
    QVERIFY(noExport->question.contains(QLatin1String("first_name, surname")));
    QVERIFY(!QFile::exists(path));

    auto yesExport = answerReveal(this, true);
    QSignalSpy exported(m_rig->sql(), &SqlTab::exportFinished);
    QVERIFY(m_rig->sql()->exportResults(path));
    QVERIFY(yesExport->asked);
    QVERIFY(exported.count() > 0 || exported.wait(kTimeoutMs));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(surname));
}

void TestPrivacyMode::fhirTableAndJsonViewsHideThePatient()
{
    auto *tabs = m_rig->window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    tabs->setCurrentWidget(m_rig->window->fhirTab());
    QVERIFY(m_rig->searchFhir(QStringLiteral("Patient/1")));
    const QAbstractItemModel *table = m_rig->fhirTable()->model();
    const int nameColumn = columnNamed(table, QStringLiteral("Name"));
    QVERIFY(nameColumn >= 0);
    const QString family = m_rig->resourceView()
                               ->model()
                               ->indexForPath(QStringLiteral("Patient.name[0].family"))
                               .siblingAtColumn(1)
                               .data()
                               .toString();
    const QString birthDate = m_rig->resourceView()
                                  ->model()
                                  ->indexForPath(QStringLiteral("Patient.birthDate"))
                                  .siblingAtColumn(1)
                                  .data()
                                  .toString();
    QVERIFY2(family.size() > 3, qPrintable(family));
    QVERIFY(table->index(0, nameColumn).data().toString().contains(family));
    QVERIFY(everyText(m_rig->resourceView()->tree()->model()).contains(family));
    QVERIFY(m_rig->fhirText().contains(family));

    turnOn(true);
    for (const QString &value : {family, birthDate}) {
        QVERIFY2(!everyText(table).contains(value), qPrintable(value));
        QVERIFY2(!everyText(m_rig->resourceView()->tree()->model()).contains(value),
                 qPrintable(value));
        QVERIFY2(!m_rig->fhirText().contains(value), qPrintable(value));
    }
    QCOMPARE(table->index(0, nameColumn).data().toString(), Halo::PatientDataRules::maskedText());
    QVERIFY(m_rig->fhirText().contains(QLatin1String("\"Patient\""))); // the rest still shown
    QVERIFY(everyText(table).contains(QLatin1String("1")));            // the id

    turnOn(false);
    QVERIFY(m_rig->fhirText().contains(family));
}

void TestPrivacyMode::fhirCopyAndSaveAskBeforeRevealing()
{
    auto *tabs = m_rig->window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    tabs->setCurrentWidget(m_rig->window->fhirTab());
    QVERIFY(m_rig->searchFhir(QStringLiteral("Patient/1")));
    FhirResourceView *view = m_rig->resourceView();
    const QString familyPath = QStringLiteral("Patient.name[0].family");
    const QString family =
        view->model()->indexForPath(familyPath).siblingAtColumn(1).data().toString();
    QVERIFY(!family.isEmpty());
    turnOn(true);

    QVERIFY(view->selectPath(familyPath));
    auto declined = answerReveal(this, false);
    view->copySelectedValue();
    QVERIFY(declined->asked);
    QVERIFY2(declined->question.contains(familyPath), qPrintable(declined->question));
    QCOMPARE(QGuiApplication::clipboard()->text(), kSentinel);
    auto accepted = answerReveal(this, true);
    view->copySelectedValue();
    QVERIFY(accepted->asked);
    QVERIFY(QGuiApplication::clipboard()->text().contains(family));

    // Saving the resource: declined, no file; accepted, the real values.
    const QString path = m_dir->filePath(QStringLiteral("patient.json"));
    m_rig->window->fhirTab()->setSavePathChooser([path](const QString &) { return path; });
    auto noSave = answerReveal(this, false);
    QVERIFY(!m_rig->window->fhirTab()->saveResource());
    QVERIFY(noSave->asked);
    QVERIFY(!QFile::exists(path));
    auto yesSave = answerReveal(this, true);
    QVERIFY(m_rig->window->fhirTab()->saveResponse());
    QVERIFY(yesSave->asked);
    QVERIFY2(yesSave->question.contains(QLatin1String("Name")), qPrintable(yesSave->question));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(family));
}

void TestPrivacyMode::requestLogBodiesShowNoPatientValue()
{
    QVERIFY(m_rig->runSql(QStringLiteral("SELECT surname FROM patients WHERE id = 1")));
    const QString surname = m_rig->grid()->model()->index(0, 0).data().toString();
    auto *tabs = m_rig->window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    tabs->setCurrentWidget(m_rig->window->fhirTab());
    QVERIFY(m_rig->searchFhir(QStringLiteral("Patient/1")));
    const QString family = m_rig->resourceView()
                               ->model()
                               ->indexForPath(QStringLiteral("Patient.name[0].family"))
                               .siblingAtColumn(1)
                               .data()
                               .toString();
    QVERIFY(!surname.isEmpty() && !family.isEmpty());
    // A search by the family name puts it in a URL.
    QVERIFY(m_rig->searchFhir(QStringLiteral("Patient?family=") + family));
    // Privacy mode off, the FHIR answer's body names the patient in the log.
    QVERIFY(m_rig->logDetails().join(QLatin1Char('\n')).contains(family));

    turnOn(true);
    const QStringList details = m_rig->logDetails();
    QVERIFY(details.size() >= 3);
    const QString all = details.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(family), qPrintable(all));
    QVERIFY(!all.contains(surname));
    // Nor does the URL column, where the search was made by name.
    auto *table = m_rig->window->findChild<QTableView *>(QStringLiteral("requestLog"));
    bool searched = false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString url = table->model()->index(row, 2).data().toString();
        QVERIFY2(!url.contains(family), qPrintable(url));
        searched = searched || url.contains(QLatin1String("Patient?family="));
    }
    QVERIFY(searched);
    // The query's answer carries encoded rows: hidden whole, and said so.
    QVERIFY(all.contains(QLatin1String("Body hidden in privacy mode")));
    // The rest stays readable: methods, statuses and the FHIR resource's type.
    QVERIFY(all.contains(QLatin1String("POST")));
    QVERIFY(all.contains(QLatin1String("\"Patient\"")));

    // Copy as cURL carries the SQL as sent: it asks first.
    auto *log = m_rig->window->findChild<QTableView *>(QStringLiteral("requestLog"));
    for (int row = 0; row < log->model()->rowCount(); ++row) {
        if (log->model()->index(row, 1).data().toString() == QLatin1String("POST"))
            log->selectRow(row);
    }
    auto declined = answerReveal(this, false);
    named<QPushButton>(m_rig->window.get(), QStringLiteral("Copy as cURL"))->click();
    QVERIFY(declined->asked);
    QCOMPARE(QGuiApplication::clipboard()->text(), kSentinel);
}

void TestPrivacyMode::rememberedPerEnvironmentAcrossARestart()
{
    turnOn(true);
    // A restart of the window: the sandbox's choice comes back.
    m_rig->window.reset();
    MainWindow *window = m_rig->openWindow();
    QVERIFY(m_rig->toggle()->isChecked());
    QVERIFY(window->windowTitle().contains(QLatin1String("Privacy mode")));

    // Another environment has its own choice (off until turned on there)...
    window->setEndpoint({Halo::Environment::Stage, Halo::defaultBaseUrl(Halo::Environment::Stage)});
    QVERIFY(!m_rig->toggle()->isChecked());
    QVERIFY(!window->windowTitle().contains(QLatin1String("Privacy mode")));
    QVERIFY(Halo::AppSettings().privacyMode(Halo::Environment::Sandbox));
    QVERIFY(!Halo::AppSettings().privacyMode(Halo::Environment::Stage));
    // ... and coming back brings the sandbox's.
    window->setEndpoint(m_rig->client.endpoint());
    QVERIFY(m_rig->toggle()->isChecked());
    QVERIFY(window->windowTitle().contains(QLatin1String("Privacy mode")));
}

QTEST_MAIN(TestPrivacyMode)
#include "tst_privacymode.moc"
