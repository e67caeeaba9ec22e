// SPDX-License-Identifier: GPL-3.0-or-later
// Several SQL editors per site as tabs, each with its own results, kept per site and brought
// back after a restart (the SQL text only, never results), in the real window over the sandbox.
#include "FailOnWarning.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "sites/SiteListPanel.h"
#include "sql/ResultGrid.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("editor-tabs-test-key");
constexpr int kTimeoutMs = 20000;

const Sandbox::SampleSite &siteOf(const QString &pmsType)
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online && site.pmsType == pmsType)
            return site;
    }
    qFatal("no online sample site for that PMS");
}

const Sandbox::SampleSite &bestPractice()
{
    return siteOf(QStringLiteral("BestPractice"));
}

const Sandbox::SampleSite &zedmed()
{
    return siteOf(QStringLiteral("Zedmed"));
}

struct Rig : SandboxWindowRig {
    explicit Rig(const QString &dir)
        : SandboxWindowRig(dir, kKey)
    {}
    SqlWorkspace *workspace() const { return window->sqlWorkspace(); }
    QTabWidget *tabs() const
    {
        return named<QTabWidget>(window.get(), QStringLiteral("Editor tabs"));
    }
    void select(const Sandbox::SampleSite &site)
    {
        window->siteListPanel()->selectSite(QStringLiteral("sandbox"), site.guid);
    }
    QStringList titles() const
    {
        QStringList titles;
        for (int i = 0; i < tabs()->count(); ++i)
            titles << tabs()->tabText(i);
        return titles;
    }
    QStringList texts() const
    {
        QStringList texts;
        for (SqlTab *tab : workspace()->sqlTabs())
            texts << tab->sqlText();
        return texts;
    }
};

// Where the user types: keys go to the editor itself, which has the focus.
QWidget *typing(SqlWorkspace *workspace)
{
    auto *editor = named<QWidget>(workspace->sqlTab(), QStringLiteral("SQL editor"));
    editor->setFocus();
    return editor;
}

ResultGrid *gridOf(SqlTab *tab)
{
    return named<ResultGrid>(tab, QStringLiteral("Results"));
}

bool run(SqlTab *tab, const QString &sql)
{
    QSignalSpy finished(tab, &SqlTab::queryFinished);
    tab->setSqlText(sql);
    auto *button = named<QPushButton>(tab, QStringLiteral("Run query"));
    if (!button || !QTest::qWaitFor([button]() { return button->isEnabled(); }, kTimeoutMs))
        return false;
    button->click();
    return finished.wait(kTimeoutMs);
}

QString firstCell(SqlTab *tab)
{
    const QAbstractItemModel *model = gridOf(tab)->model();
    return model->rowCount() > 0 ? model->index(0, 0).data().toString() : QString();
}

} // namespace

class TestSqlEditorTabs : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }

    void eachEditorHasItsOwnResults();
    void keyboardOpensClosesAndReopens();
    void editorsBelongToTheirSite();
    void editorsComeBackAfterARestartWithoutResults();
    void anUnreadableFileIsNeverOverwritten();
};

void TestSqlEditorTabs::eachEditorHasItsOwnResults()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(bestPractice()));
    MainWindow *window = rig.openWindow();
    rig.select(bestPractice());

    QTabWidget *tabs = rig.tabs();
    QVERIFY2(tabs, "no single control named Editor tabs");
    auto *newEditor = named<QToolButton>(window, QStringLiteral("New editor"));
    QVERIFY2(newEditor, "no single control named New editor");
    QCOMPARE(tabs->count(), 1);
    SqlTab *first = rig.workspace()->sqlTab();
    QVERIFY(run(first, QStringLiteral("SELECT surname FROM patients ORDER BY id")));
    const QString firstSurname = firstCell(first);
    QVERIFY(!firstSurname.isEmpty());

    newEditor->click();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(rig.titles(), QStringList({QStringLiteral("Query 1"), QStringLiteral("Query 2")}));
    SqlTab *second = rig.workspace()->sqlTab();
    QVERIFY(second != first);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(second->sqlText().isEmpty());
    QCOMPARE(gridOf(second)->model()->rowCount(), 0); // its own, empty results
    QVERIFY(run(second, QStringLiteral("SELECT COUNT(*) AS n FROM practitioners")));
    const QString count = firstCell(second);
    QVERIFY(!count.isEmpty());
    QVERIFY(count != firstSurname);

    // The first editor kept its text and its results.
    tabs->setCurrentIndex(0);
    QCOMPARE(rig.workspace()->sqlTab(), first);
    QCOMPARE(first->sqlText(), QStringLiteral("SELECT surname FROM patients ORDER BY id"));
    QCOMPARE(firstCell(first), firstSurname);
    QCOMPARE(firstCell(second), count);
    // What the history panel's rerun and the snippets act on is the current editor.
    QVERIFY(tabs->tabToolTip(0).contains(QStringLiteral("SELECT surname")));
}

void TestSqlEditorTabs::keyboardOpensClosesAndReopens()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(bestPractice()));
    MainWindow *window = rig.openWindow();
    rig.select(bestPractice());
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTabWidget *tabs = rig.tabs();
    rig.workspace()->sqlTab()->setSqlText(QStringLiteral("SELECT 1"));
    window->findChild<QTabWidget *>(QStringLiteral("siteTabs"))->setCurrentWidget(rig.workspace());
    QTest::keyClick(typing(rig.workspace()), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);
    rig.workspace()->sqlTab()->setSqlText(QStringLiteral("SELECT 2"));
    QTest::keyClick(typing(rig.workspace()), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    QTest::keyClick(typing(rig.workspace()), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);

    // Closing keeps the text for Ctrl+Shift+T; closing the last leaves an empty editor.
    QTest::keyClick(typing(rig.workspace()), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT 1")}));
    emit tabs->tabCloseRequested(0);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(rig.texts(), QStringList({QString()}));
    QTest::keyClick(typing(rig.workspace()), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT 1")})); // replaced the empty one
    QCOMPARE(rig.titles(), QStringList({QStringLiteral("Query 1")}));
    QTest::keyClick(typing(rig.workspace()), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")}));
    QCOMPARE(rig.titles(), QStringList({QStringLiteral("Query 1"), QStringLiteral("Query 2")}));
    QVERIFY(!rig.workspace()->reopenClosedEditor()); // nothing more to bring back
}

void TestSqlEditorTabs::editorsBelongToTheirSite()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(bestPractice()));
    QVERIFY(rig.addSite(zedmed()));
    rig.openWindow();
    rig.select(bestPractice());
    rig.workspace()->sqlTab()->setSqlText(QStringLiteral("SELECT TOP 5 * FROM patients"));
    rig.workspace()->newEditor(QStringLiteral("SELECT COUNT(*) FROM appointments"));

    rig.select(zedmed());
    QCOMPARE(rig.texts(), QStringList({QString()}));
    rig.workspace()->sqlTab()->setSqlText(QStringLiteral("SELECT FIRST 5 * FROM patients"));

    rig.select(bestPractice());
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT TOP 5 * FROM patients"),
                                       QStringLiteral("SELECT COUNT(*) FROM appointments")}));
    QCOMPARE(rig.tabs()->currentIndex(), 1);
    rig.select(zedmed());
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT FIRST 5 * FROM patients")}));
}

void TestSqlEditorTabs::editorsComeBackAfterARestartWithoutResults()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sql-editors.json"));
    {
        Rig rig(dir.path());
        QVERIFY(rig.addSite(bestPractice()));
        rig.openWindow();
        rig.select(bestPractice());
        QVERIFY(run(rig.workspace()->sqlTab(), QStringLiteral("SELECT id, surname FROM patients")));
        const QString surname = rig.workspace()
                                    ->sqlTab()
                                    ->findChild<ResultGrid *>()
                                    ->model()
                                    ->index(0, 1)
                                    .data()
                                    .toString();
        rig.workspace()->newEditor(QStringLiteral("SELECT name\nFROM practice"));
        rig.workspace()->newEditor(QStringLiteral("-- scratch"));
        rig.tabs()->setCurrentIndex(1);
        // Written a moment after the last change, without waiting for the program to end.
        QTRY_VERIFY_WITH_TIMEOUT(!rig.sqlEditors.hasPendingChanges(), 5000);
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray content = saved.readAll();
        QVERIFY(content.contains("SELECT name\\nFROM practice"));
        QVERIFY2(!content.contains(surname.toUtf8()), "a result value was kept");
        QVERIFY(!content.contains(kKey.toUtf8()));
        QCOMPARE(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
    }
    // A new program: the parts read the file as the session does at start.
    Rig rig(dir.path());
    QVERIFY(rig.sqlEditors.load());
    QVERIFY(rig.store.load());
    rig.openWindow();
    rig.select(bestPractice());
    QCOMPARE(rig.titles(), QStringList({QStringLiteral("Query 1"), QStringLiteral("Query 2"),
                                        QStringLiteral("Query 3")}));
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT id, surname FROM patients"),
                                       QStringLiteral("SELECT name\nFROM practice"),
                                       QStringLiteral("-- scratch")}));
    QCOMPARE(rig.tabs()->currentIndex(), 1);
    for (SqlTab *tab : rig.workspace()->sqlTabs())
        QCOMPARE(gridOf(tab)->model()->rowCount(), 0); // results are never kept
}

void TestSqlEditorTabs::anUnreadableFileIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sql-editors.json"));
    const QByteArray broken = "{\"format\": \"halo-explorer-sql-editors\", \"version\": 1, \"sit";
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(broken);
    }
    Rig rig(dir.path());
    QString error;
    QVERIFY(!rig.sqlEditors.load(&error));
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY(rig.addSite(bestPractice()));
    rig.openWindow();
    rig.select(bestPractice());
    rig.workspace()->sqlTab()->setSqlText(QStringLiteral("SELECT 1"));
    rig.workspace()->newEditor(QStringLiteral("SELECT 2"));
    QCOMPARE(rig.texts(), QStringList({QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")}));
    QVERIFY(!rig.sqlEditors.flush(&error));
    QVERIFY(!error.isEmpty());
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), broken);
}

QTEST_MAIN(TestSqlEditorTabs)
#include "tst_sqleditortabs.moc"
