// SPDX-License-Identifier: GPL-3.0-or-later
// The schema panel over a sandbox on loopback: nothing is sent until asked; Refresh reads the
// tables and columns (SQL Server-style Best Practice, Firebird-style Zedmed) into the tree; the
// filter narrows it; the cache shows a schema again without asking, with its age; a failed read
// keeps the schema shown; copying; and, in the real window, double-click and Enter insert names
// into the editor, the context menu's first-rows query lands in it, and the editor completes
// from the schema.
#include "FailOnWarning.h"
#include "SampleDatabase.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "net/RequestLog.h"
#include "schema/SchemaCache.h"
#include "sites/SiteListPanel.h"
#include "sql/SchemaModel.h"
#include "sql/SchemaPanel.h"
#include "sql/SqlCompletionApis.h"
#include "sql/SqlEditor.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"
#include "widgets/ProblemLabel.h"

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <memory>

namespace {

const QString kKey = QStringLiteral("schema-panel-test-key");
constexpr int kTimeoutMs = 20000;

const Sandbox::SampleSite &siteOf(const QString &pmsType)
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online && site.pmsType == pmsType)
            return site;
    }
    qFatal("no online sample site for that PMS");
}

Halo::SiteRecord recordOf(const Sandbox::SampleSite &site)
{
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = site.guid;
    record.pmsType = site.pmsType;
    return record;
}

// What the sample database holds: its tables and views, a table's columns, and the tables
// with a column whose name holds `part`.
QStringList relationsOf(const Sandbox::SampleSite &site)
{
    QSqlQuery query(Sandbox::SampleDatabase::open(site));
    query.exec(QStringLiteral(
        "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE "
        "'sqlite!_%' ESCAPE '!' AND name <> 'stored_procedures' ORDER BY name COLLATE NOCASE"));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QStringList columnsOf(const Sandbox::SampleSite &site, const QString &table)
{
    QSqlQuery query(Sandbox::SampleDatabase::open(site));
    query.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QStringList tablesWithColumn(const Sandbox::SampleSite &site, const QString &part)
{
    QStringList names;
    for (const QString &table : relationsOf(site)) {
        for (const QString &column : columnsOf(site, table)) {
            if (column.contains(part, Qt::CaseInsensitive)) {
                names.append(table);
                break;
            }
        }
    }
    return names;
}

QStringList topLevelNames(const QTreeView *tree)
{
    QStringList names;
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data().toString());
    return names;
}

QModelIndex rowNamed(const QTreeView *tree, const QString &name, const QModelIndex &parent = {})
{
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

QStringList childNames(const QTreeView *tree, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < tree->model()->rowCount(parent); ++row)
        names.append(tree->model()->index(row, 0, parent).data().toString());
    return names;
}

qsizetype queriesSent(const Halo::HaloApiClient &client)
{
    qsizetype count = 0;
    for (const Halo::LoggedExchange &exchange : client.requestLog()->exchanges())
        count += exchange.url.path().contains(QLatin1String("/queries"));
    return count;
}

// Qt's offscreen platform (the tests' display) warns that it cannot raise a popup whenever
// QScintilla shows its completion list; that says nothing about our code. Everything else goes
// on to Qt Test's handler, which fails the test on it.
QtMessageHandler g_qtTestHandler = nullptr;

void withoutOffscreenRaise(QtMsgType type, const QMessageLogContext &context,
                           const QString &message)
{
    if (type == QtWarningMsg && message == QLatin1String("This plugin does not support raise()"))
        return;
    g_qtTestHandler(type, context, message);
}

struct OffscreenPopups {
    OffscreenPopups() { g_qtTestHandler = qInstallMessageHandler(withoutOffscreenRaise); }
    ~OffscreenPopups() { qInstallMessageHandler(g_qtTestHandler); }
};

bool refreshed(SchemaPanel *panel)
{
    QSignalSpy changed(panel, &SchemaPanel::schemaChanged);
    auto *button = named<QPushButton>(panel, QStringLiteral("Refresh schema"));
    if (!button || !button->isEnabled())
        return false;
    button->click();
    return QTest::qWaitFor([panel]() { return !panel->isReading(); }, kTimeoutMs);
}

// A sandbox and a client, and a panel of its own over a cache in a temporary folder.
struct PanelRig {
    PanelRig()
        : server(options())
        , port(server.listen())
    {
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
        panel = std::make_unique<SchemaPanel>(&client, cacheDir.path());
        panel->setPollIntervals(10, 40);
        panel->resize(500, 600);
        panel->show();
    }
    ~PanelRig() { panel.reset(); }
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions options;
        options.key = kKey;
        options.asyncStepMs = 10;
        return options;
    }
    QTreeView *tree() const { return named<QTreeView>(panel.get(), QStringLiteral("Schema")); }
    QString age() const { return panel->findChild<QLabel *>(QStringLiteral("schemaAge"))->text(); }

    QTemporaryDir cacheDir;
    Sandbox::SandboxServer server;
    quint16 port = 0;
    Halo::HaloApiClient client;
    std::unique_ptr<SchemaPanel> panel;
};

} // namespace

class TestSchemaPanel : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void cleanup() { Sandbox::SampleDatabase::closeAll(); }

    void namedControlsAndNothingSentUntilAsked();
    void refreshFillsTheTreeFromAnSqlServerSite();
    void firebirdSiteShowsTrimmedNamesAndFirst100();
    void filterNarrowsTheTree();
    void cacheShowsTheSchemaAgainWithItsAge();
    void failedRefreshKeepsTheSchemaShown();
    void copyGivesNameTypeAndNullability();
    void windowInsertsNamesAndFirstRowsIntoTheEditor();
    void windowEditorCompletesFromTheSchema();
};

void TestSchemaPanel::namedControlsAndNothingSentUntilAsked()
{
    PanelRig rig;
    QVERIFY(rig.port != 0);
    QVERIFY(rig.tree());
    auto *filter = named<QLineEdit>(rig.panel.get(), QStringLiteral("Filter schema"));
    auto *refresh = named<QPushButton>(rig.panel.get(), QStringLiteral("Refresh schema"));
    QVERIFY(filter);
    QVERIFY(refresh);
    QVERIFY(!refresh->isEnabled()); // no site yet
    rig.panel->setSite(recordOf(siteOf(QStringLiteral("BestPractice"))));
    QTRY_VERIFY(refresh->isEnabled());
    QCOMPARE(refresh->text(), QStringLiteral("Read schema"));
    QVERIFY(rig.age().startsWith(QLatin1String("Not read yet")));
    QCOMPARE(rig.tree()->model()->rowCount(), 0);
    QTest::qWait(100);
    QCOMPARE(queriesSent(rig.client), 0);
    // Every control reachable from the keyboard.
    for (QWidget *widget : {static_cast<QWidget *>(filter), static_cast<QWidget *>(refresh),
                            static_cast<QWidget *>(rig.tree())})
        QVERIFY(widget->focusPolicy() & Qt::TabFocus);
}

void TestSchemaPanel::refreshFillsTheTreeFromAnSqlServerSite()
{
    PanelRig rig;
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    rig.panel->setSite(recordOf(bp));
    QVERIFY(refreshed(rig.panel.get()));
    QCOMPARE(queriesSent(rig.client) > 0, true);
    QCOMPARE(topLevelNames(rig.tree()), relationsOf(bp));
    const QModelIndex patients = rowNamed(rig.tree(), QStringLiteral("patients"));
    QVERIFY(patients.isValid());
    QCOMPARE(patients.siblingAtColumn(SchemaModel::TypeColumn).data().toString(),
             QStringLiteral("table"));
    QCOMPARE(childNames(rig.tree(), patients), columnsOf(bp, QStringLiteral("patients")));
    const QModelIndex id = rowNamed(rig.tree(), QStringLiteral("id"), patients);
    QCOMPARE(id.siblingAtColumn(SchemaModel::TypeColumn).data().toString(), QStringLiteral("int"));
    QCOMPARE(id.siblingAtColumn(SchemaModel::NullableColumn).data().toString(),
             QStringLiteral("NOT NULL"));
    QCOMPARE(rowNamed(rig.tree(), QStringLiteral("BPS_Patients"))
                 .siblingAtColumn(SchemaModel::TypeColumn)
                 .data()
                 .toString(),
             QStringLiteral("view"));
    QVERIFY2(rig.age().startsWith(QLatin1String("Read less than a minute ago")),
             qPrintable(rig.age()));
    QCOMPARE(named<QPushButton>(rig.panel.get(), QStringLiteral("Refresh schema"))->text(),
             QStringLiteral("Refresh"));

    // The context menu's first rows, as SQL Server writes them.
    std::unique_ptr<QMenu> menu(rig.panel->contextMenuFor(patients, nullptr));
    QVERIFY(menu);
    QCOMPARE(menu->actions().first()->text(), QStringLiteral("SELECT TOP 100 * FROM patients"));
    QSignalSpy opened(rig.panel.get(), &SchemaPanel::openQueryRequested);
    menu->actions().first()->trigger();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toString(), QStringLiteral("SELECT TOP 100 * FROM patients"));
}

void TestSchemaPanel::firebirdSiteShowsTrimmedNamesAndFirst100()
{
    PanelRig rig;
    const Sandbox::SampleSite &zedmed = siteOf(QStringLiteral("Zedmed"));
    rig.panel->setSite(recordOf(zedmed));
    QVERIFY(refreshed(rig.panel.get()));
    QStringList expected;
    for (const QString &name : relationsOf(zedmed))
        expected.append(name.toUpper());
    QCOMPARE(topLevelNames(rig.tree()), expected);
    const QModelIndex patients = rowNamed(rig.tree(), QStringLiteral("PATIENTS"));
    QVERIFY(patients.isValid());
    const QModelIndex id = rowNamed(rig.tree(), QStringLiteral("ID"), patients);
    QCOMPARE(id.siblingAtColumn(SchemaModel::TypeColumn).data().toString(),
             QStringLiteral("INTEGER"));
    std::unique_ptr<QMenu> menu(rig.panel->contextMenuFor(id, nullptr)); // a column: its table
    QVERIFY(menu);
    QCOMPARE(menu->actions().first()->text(), QStringLiteral("SELECT FIRST 100 * FROM PATIENTS"));
    QCOMPARE(rig.panel->engine(), Halo::SchemaDialect::Engine::Firebird);
}

void TestSchemaPanel::filterNarrowsTheTree()
{
    PanelRig rig;
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    rig.panel->setSite(recordOf(bp));
    QVERIFY(refreshed(rig.panel.get()));
    const int all = rig.tree()->model()->rowCount();
    auto *filter = named<QLineEdit>(rig.panel.get(), QStringLiteral("Filter schema"));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("surname"));
    const QStringList expected = tablesWithColumn(bp, QStringLiteral("surname"));
    QVERIFY(!expected.isEmpty());
    QTRY_COMPARE(topLevelNames(rig.tree()), expected);
    QVERIFY(expected.size() < all);
    // Only the matching columns under each table.
    const QModelIndex patients = rowNamed(rig.tree(), QStringLiteral("patients"));
    QCOMPARE(childNames(rig.tree(), patients), QStringList{QStringLiteral("surname")});
    QVERIFY(rig.tree()->isExpanded(patients));
    filter->clear();
    QTRY_COMPARE(rig.tree()->model()->rowCount(), all);
}

void TestSchemaPanel::cacheShowsTheSchemaAgainWithItsAge()
{
    PanelRig rig;
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    rig.panel->setSite(recordOf(bp));
    QVERIFY(refreshed(rig.panel.get()));
    Halo::SchemaSnapshot older = rig.panel->schema();
    older.readAt = QDateTime::currentDateTimeUtc().addSecs(-(2 * 24 * 3600 + 60));
    Halo::SchemaCache cache(rig.cacheDir.path());
    QVERIFY(cache.store(QStringLiteral("sandbox"), {}, bp.guid, {}, older));
    const qsizetype sent = queriesSent(rig.client);

    // A new panel shows the kept schema and its age without asking the practice.
    SchemaPanel second(&rig.client, rig.cacheDir.path());
    second.setPollIntervals(10, 40);
    second.show();
    second.setSite(recordOf(bp));
    auto *tree = named<QTreeView>(&second, QStringLiteral("Schema"));
    QTRY_COMPARE(topLevelNames(tree), relationsOf(bp));
    auto *age = second.findChild<QLabel *>(QStringLiteral("schemaAge"));
    // "day(s)" until the English catalogue gives the plural its form.
    QVERIFY2(age->text().startsWith(QLatin1String("Read 2 day")), qPrintable(age->text()));
    QVERIFY(
        age->text().contains(QLocale().toString(older.readAt.toLocalTime(), QLocale::ShortFormat)));
    QCOMPARE(queriesSent(rig.client), sent);

    // Refresh reads it anew: the age says so.
    QVERIFY(refreshed(&second));
    QVERIFY2(age->text().startsWith(QLatin1String("Read less than a minute ago")),
             qPrintable(age->text()));
    QVERIFY(queriesSent(rig.client) > sent);
}

void TestSchemaPanel::failedRefreshKeepsTheSchemaShown()
{
    PanelRig rig;
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    rig.panel->setSite(recordOf(bp));
    QVERIFY(refreshed(rig.panel.get()));
    const QStringList before = topLevelNames(rig.tree());
    const QString age = rig.age();

    // A catalogue the site does not have: the read fails at the practice.
    Halo::SchemaSnapshot kept = rig.panel->schema();
    Halo::SchemaCache(rig.cacheDir.path())
        .store(QStringLiteral("sandbox"), {}, bp.guid, QStringLiteral("Gone"), kept);
    rig.panel->setCatalogue(QStringLiteral("Gone"));
    QTRY_COMPARE(topLevelNames(rig.tree()), before);
    QVERIFY(refreshed(rig.panel.get()));
    auto *problem = named<ProblemLabel>(rig.panel.get(), QStringLiteral("Schema problem"));
    QVERIFY(problem);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("could not be read")),
             qPrintable(problem->text()));
    QVERIFY(problem->text().contains(QLatin1String("The schema shown is the one read before")));
    QCOMPARE(topLevelNames(rig.tree()), before);
    QCOMPARE(rig.age(), age);

    // Without a key nothing is sent, and the schema stays.
    const qsizetype sent = queriesSent(rig.client);
    rig.client.setSubscriptionKey(QString());
    QVERIFY(refreshed(rig.panel.get()));
    QVERIFY(problem->text().contains(QLatin1String("key")));
    QCOMPARE(queriesSent(rig.client), sent);
    QCOMPARE(topLevelNames(rig.tree()), before);
}

void TestSchemaPanel::copyGivesNameTypeAndNullability()
{
    PanelRig rig;
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    rig.panel->setSite(recordOf(bp));
    QVERIFY(refreshed(rig.panel.get()));
    QTreeView *tree = rig.tree();
    const QModelIndex patients = rowNamed(tree, QStringLiteral("patients"));
    tree->expand(patients);
    const QModelIndex id = rowNamed(tree, QStringLiteral("id"), patients);
    tree->setFocus();
    tree->setCurrentIndex(id);
    tree->selectionModel()->select(id,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keySequence(tree, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("patients.id\tint\tNOT NULL"));
}

void TestSchemaPanel::windowInsertsNamesAndFirstRowsIntoTheEditor()
{
    QTemporaryDir dir;
    SandboxWindowRig rig(dir.path(), kKey);
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    QVERIFY(rig.addSite(bp));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), bp.guid);
    SqlWorkspace *workspace = window->sqlWorkspace();
    SchemaPanel *panel = workspace->schemaPanel();
    QVERIFY(panel);
    named<QTabWidget>(window, QStringLiteral("Site tabs"))->setCurrentWidget(workspace);
    auto *side = named<QTabWidget>(window, QStringLiteral("SQL tools"));
    QVERIFY(side);
    side->setCurrentWidget(panel);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    panel->setPollIntervals(10, 40);
    QVERIFY(refreshed(panel));
    QTreeView *tree = named<QTreeView>(window, QStringLiteral("Schema"));
    QVERIFY(tree);
    QVERIFY(tree->isVisible());
    QCOMPARE(topLevelNames(tree), relationsOf(bp));

    // Double-click a table: its name at the editor's cursor.
    SqlTab *editor = workspace->sqlTab();
    editor->setSqlText(QStringLiteral("SELECT * FROM "));
    auto *scintilla = named<QsciScintilla>(editor, QStringLiteral("SQL editor"));
    scintilla->setCursorPosition(0, 14);
    const QModelIndex patients = rowNamed(tree, QStringLiteral("patients"));
    tree->scrollTo(patients);
    const QPoint at = tree->visualRect(patients).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(editor->sqlText(), QStringLiteral("SELECT * FROM patients"));

    // Enter on a column inserts the column's name.
    tree->expand(patients);
    const QModelIndex surname = rowNamed(tree, QStringLiteral("surname"), patients);
    scintilla->setCursorPosition(0, 8);
    scintilla->SendScintilla(QsciScintillaBase::SCI_DELETEBACK); // the "*"
    scintilla->setCursorPosition(0, 7);
    tree->setFocus();
    tree->setCurrentIndex(surname);
    QTest::keyClick(tree, Qt::Key_Return);
    QTRY_COMPARE(editor->sqlText(), QStringLiteral("SELECT surname FROM patients"));

    // The first-rows query: in this editor when it is empty, in a new one when it is not.
    std::unique_ptr<QMenu> menu(panel->contextMenuFor(patients, nullptr));
    menu->actions().first()->trigger();
    QCOMPARE(workspace->sqlTabs().size(), 2);
    QCOMPARE(workspace->sqlTab()->sqlText(), QStringLiteral("SELECT TOP 100 * FROM patients"));
    QCOMPARE(editor->sqlText(), QStringLiteral("SELECT surname FROM patients"));
}

void TestSchemaPanel::windowEditorCompletesFromTheSchema()
{
    QTemporaryDir dir;
    SandboxWindowRig rig(dir.path(), kKey);
    const Sandbox::SampleSite &bp = siteOf(QStringLiteral("BestPractice"));
    QVERIFY(rig.addSite(bp));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), bp.guid);
    SqlWorkspace *workspace = window->sqlWorkspace();
    SchemaPanel *panel = workspace->schemaPanel();
    panel->setPollIntervals(10, 40);
    QVERIFY(refreshed(panel));

    const OffscreenPopups popups;
    SqlTab *tab = workspace->sqlTab();
    auto *sqlEditor = tab->findChild<SqlEditor *>();
    QVERIFY(sqlEditor);
    QsciScintilla *scintilla = sqlEditor->editor();
    QCOMPARE(sqlEditor->completion()->schema().tables.size(), panel->schema().tables.size());

    // Ctrl+Space after FROM: the tables that start so; Enter takes the one chosen.
    tab->setSqlText(QStringLiteral("SELECT * FROM BPS_App"));
    scintilla->setFocus();
    scintilla->setCursorPosition(0, 21);
    QTest::keyClick(scintilla, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(scintilla->isListActive());
    QCOMPARE(sqlEditor->completion()->lastCandidates(),
             QStringList{QStringLiteral("BPS_Appointments")});
    QTest::keyClick(scintilla, Qt::Key_Return);
    QCOMPARE(tab->sqlText(), QStringLiteral("SELECT * FROM BPS_Appointments"));

    // "alias." offers that table's columns by itself.
    tab->setSqlText(QStringLiteral("SELECT  FROM BPS_Patients p"));
    scintilla->setCursorPosition(0, 7);
    QTest::keyClicks(scintilla, QStringLiteral("p."));
    QTRY_VERIFY(scintilla->isListActive());
    QStringList expected = columnsOf(bp, QStringLiteral("BPS_Patients"));
    expected.sort(Qt::CaseInsensitive);
    QCOMPARE(sqlEditor->completion()->lastCandidates(), expected);
    QTest::keyClicks(scintilla, QStringLiteral("Sur"));
    QTest::keyClick(scintilla, Qt::Key_Return);
    QCOMPARE(tab->sqlText(), QStringLiteral("SELECT p.Surname FROM BPS_Patients p"));

    // Three letters of a word offer the statement's columns and the engine's keywords.
    tab->setSqlText(QStringLiteral("SELECT  FROM patients"));
    scintilla->setCursorPosition(0, 7);
    QTest::keyClicks(scintilla, QStringLiteral("sur"));
    QTRY_VERIFY(scintilla->isListActive());
    QCOMPARE(sqlEditor->completion()->lastCandidates(), QStringList{QStringLiteral("surname")});
    QTest::keyClick(scintilla, Qt::Key_Escape);
    QVERIFY(!scintilla->isListActive());

    // An editor opened later completes from the same schema.
    SqlTab *later = workspace->newEditor();
    QVERIFY(later != tab);
    auto *laterEditor = later->findChild<SqlEditor *>();
    QVERIFY(laterEditor);
    QCOMPARE(laterEditor->completion()->schema().tables.size(), panel->schema().tables.size());
}

QTEST_MAIN(TestSchemaPanel)
#include "tst_schemapanel.moc"
