// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab as an integrator uses it, against a real sandbox on loopback: run a query and read
// NULLs, unicode and line breaks; errors in place; the editor's keys; copy and export. Production
// safety (confirmation, read-only): tst_sqltab_safety; 413 offered as async, async followed state
// by state, stopped, reopened, a large result filtered: tst_sqltab_async. Widgets are found by
// accessible name.
#include "FailOnWarning.h"
#include "SqlTabRig.h"
#include "WidgetLookup.h"
#include "sql/ResultGrid.h"
#include "sql/SqlResultsArea.h"
#include "sql/SqlTab.h"
#include "sql/StatusTimeline.h"
#include "widgets/ProblemLabel.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

} // namespace

class TestSqlTab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void namesEveryControl();
    void runsAReaderQueryShowingNullUnicodeAndLineBreaks();
    void readsSampleRowsInTheQueryOrder();
    void showsASqlErrorWithItsCodeAndKeepsTheText();
    void ctrlEnterRunsAllAndCtrlShiftEnterRunsTheSelection();
    void editorFindsTextAndUndoes();
    void copiesTheSelectionAsTsvWithHeaders();
    void exportsCsvThatRoundTrips();
    void exportsExcel();
    void savesAScreenshot();

private:
    QTemporaryDir m_settingsDir;
};

void TestSqlTab::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    useSettingsIn(m_settingsDir);
}

void TestSqlTab::init()
{
    HaloTest::failOnWarnings();
    clearSettings();
}

void TestSqlTab::namesEveryControl()
{
    START_RIG(rig);
    for (const QString &name :
         {QStringLiteral("Run query"), QStringLiteral("Export results"), QStringLiteral("Stop")})
        QVERIFY2(rig.button(name), qPrintable(name));
    QVERIFY(rig.editor());
    QVERIFY(named<QComboBox>(rig.tab.get(), QStringLiteral("Execution mode")));
    QVERIFY(named<QCheckBox>(rig.tab.get(), QStringLiteral("Async")));
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Query status")));
    QVERIFY(rig.grid());

    // The catalogue box lists the site's catalogues with the default marked and first.
    const QComboBox *catalogue = named<QComboBox>(rig.tab.get(), QStringLiteral("Catalogue"));
    QVERIFY(catalogue);
    const QString defaultName = rig.site.defaultCatalogue();
    QVERIFY(!defaultName.isEmpty());
    QCOMPARE(catalogue->itemText(0), QStringLiteral("(default: %1)").arg(defaultName));
    QCOMPARE(catalogue->count(), rig.site.catalogues.size() + 1);
    QVERIFY(catalogue->findText(QStringLiteral("%1 (default)").arg(defaultName)) > 0);

    // Every focusable control has a name for assistive technology.
    for (QWidget *widget : rig.tab->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(rig.tab.get()))
            continue;
        if (widget->inherits("QScrollBar") || widget->inherits("QLineEdit") ||
            widget->parentWidget()->inherits("QAbstractScrollArea") ||
            widget->inherits("QHeaderView"))
            continue;
        QVERIFY2(!widget->accessibleName().isEmpty() ||
                     !widget->property("text").toString().isEmpty(),
                 widget->metaObject()->className());
    }
}

void TestSqlTab::runsAReaderQueryShowingNullUnicodeAndLineBreaks()
{
    START_RIG(rig);
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    QVERIFY(rig.runAndWait(kSpecialCells));
    QVERIFY2(rig.status().startsWith(QStringLiteral("Ran in")), qPrintable(rig.status()));
    QCOMPARE(rig.headers(), QStringList({QStringLiteral("n"), QStringLiteral("u"),
                                         QStringLiteral("nl"), QStringLiteral("empty"),
                                         QStringLiteral("quoted"), QStringLiteral("answer")}));
    QCOMPARE(rig.grid()->model()->rowCount(), 1);
    QVERIFY(rig.isNull(0, 0));
    QCOMPARE(rig.cell(0, 1), QStringLiteral("Zoë"));
    QCOMPARE(rig.cell(0, 2, Qt::EditRole), QStringLiteral("a\nb")); // the grid shows line 1
    QVERIFY(!rig.isNull(0, 3));
    QCOMPARE(rig.cell(0, 3), QString());
    QCOMPARE(rig.cell(0, 5), QStringLiteral("42"));

    // Beside the grid: rows, size, execution time and the timeline.
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Rows"))->text(),
             SqlResultsArea::rowsText(1, 1, false));
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Result size"))->text() != "—");
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("SQL execution time"))->text() != "—");
    auto *timeline = named<StatusTimeline>(rig.tab.get(), QStringLiteral("Query timeline"));
    QVERIFY(timeline);
    QVERIFY(timeline->segments().size() >= 2);
    QVERIFY2(timeline->accessibleDescription().contains(QStringLiteral("Executing")),
             qPrintable(timeline->accessibleDescription()));

    QCOMPARE(finished.count(), 1);
    const QList<QVariant> args = finished.takeFirst();
    QCOMPARE(args.at(0).toString(), kSpecialCells);
    QCOMPARE(args.at(1).toString(), QStringLiteral("immediate"));
    QCOMPARE(args.at(2).toString(), QStringLiteral("reader"));
    QCOMPARE(args.at(3).toString(), QStringLiteral("successful"));
    QCOMPARE(args.at(4).toLongLong(), 1);
}

void TestSqlTab::readsSampleRowsInTheQueryOrder()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(QStringLiteral(
        "SELECT id, middle_name, notes FROM patients WHERE id IN (1, 2, 3) ORDER BY id")));
    QCOMPARE(rig.grid()->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(rig.cell(row, 0), QString::number(row + 1));
    // The filter narrows the grid without running anything again.
    const int posts = rig.queryPosts();
    QLineEdit *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("no such text anywhere"));
    QCOMPARE(rig.grid()->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(rig.grid()->model()->rowCount(), 3);
    QCOMPARE(rig.queryPosts(), posts);
}

void TestSqlTab::showsASqlErrorWithItsCodeAndKeepsTheText()
{
    START_RIG(rig);
    const QString sql = QStringLiteral("SELECT * FROM no_such_table");
    QVERIFY(rig.runAndWait(sql));
    QVERIFY(rig.problem()->isVisible());
    const QString said = rig.problem()->accessibleDescription();
    QVERIFY2(said.contains(QStringLiteral("SQL Server error 208")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("no_such_table")), qPrintable(said));
    QCOMPARE(rig.tab->sqlText(), sql);
    QVERIFY(rig.status().contains(QStringLiteral("Failed")));
    QVERIFY(!rig.button(QStringLiteral("Run as async"))->isVisible());
}

void TestSqlTab::ctrlEnterRunsAllAndCtrlShiftEnterRunsTheSelection()
{
    START_RIG(rig);
    QsciScintilla *editor = rig.editor();
    rig.tab->setSqlText(QStringLiteral("SELECT 'all' AS whole;\nSELECT 'part' AS selected"));
    editor->setFocus();

    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.takeFirst().at(0).toString(), editor->text());
    QCOMPARE(rig.headers(), QStringList{QStringLiteral("whole")});

    editor->setSelection(1, 0, 1, editor->text(1).size());
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.takeFirst().at(0).toString(), QStringLiteral("SELECT 'part' AS selected"));
    QCOMPARE(rig.headers(), QStringList{QStringLiteral("selected")});
    // Neither key changed the text.
    QCOMPARE(editor->lines(), 2);
}

void TestSqlTab::editorFindsTextAndUndoes()
{
    START_RIG(rig);
    QsciScintilla *editor = rig.editor();
    rig.tab->setSqlText(QStringLiteral("SELECT id FROM patients\nWHERE surname = 'Smith'"));
    editor->setFocus();

    QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
    QLineEdit *find = named<QLineEdit>(rig.tab.get(), QStringLiteral("Find in SQL"));
    QVERIFY(find && find->isVisible());
    QTest::keyClicks(find, QStringLiteral("smith"));
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(editor->selectedText(), QStringLiteral("Smith"));
    QTest::keyClick(find, Qt::Key_Escape);
    QVERIFY(!find->isVisible());

    // Typing replaces the selection; undo brings the text back.
    QTest::keyClicks(editor, QStringLiteral("Jones"));
    QVERIFY(editor->text().contains(QStringLiteral("'Jones'")));
    for (int undo = 0; undo < 3 && !editor->text().contains(QStringLiteral("'Smith'")); ++undo)
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(editor->text().contains(QStringLiteral("'Smith'")), qPrintable(editor->text()));
}

void TestSqlTab::copiesTheSelectionAsTsvWithHeaders()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(kSpecialCells));
    ResultGrid *grid = rig.grid();
    grid->setFocus();
    grid->selectAll();
    QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    const QStringList lines = copied.split(QLatin1Char('\n'));
    QCOMPARE(lines.first(), QStringLiteral("n\tu\tnl\tempty\tquoted\tanswer"));
    QCOMPARE(copied, QStringLiteral("n\tu\tnl\tempty\tquoted\tanswer\n"
                                    "\tZoë\t\"a\nb\"\t\t\"say \"\"hi\"\", ok\"\t42\n"));
}

void TestSqlTab::exportsCsvThatRoundTrips()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(kSpecialCells));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.csv"));
    QSignalSpy exported(rig.tab.get(), &SqlTab::exportFinished);
    QVERIFY(rig.tab->exportResults(path));
    QVERIFY(exported.wait(kTimeoutMs));
    QCOMPARE(exported.first().at(1).toString(), QString());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), rig.headers());
    QCOMPARE(rows.at(1),
             QStringList({QString(), QStringLiteral("Zoë"), QStringLiteral("a\nb"), QString(),
                          QStringLiteral("say \"hi\", ok"), QStringLiteral("42")}));
}

// The grid's rows as an Excel file: picked by the .xlsx name (tst_resultexport_xlsx reads
// such files back with openpyxl).
void TestSqlTab::exportsExcel()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(kSpecialCells));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.xlsx"));
    QSignalSpy exported(rig.tab.get(), &SqlTab::exportFinished);
    QVERIFY(rig.tab->exportResults(path));
    QVERIFY(exported.wait(kTimeoutMs));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("PK\x03\x04")); // a zip, as .xlsx is
    QVERIFY(bytes.contains("xl/worksheets/sheet1.xml"));
}

void TestSqlTab::savesAScreenshot()
{
    START_RIG_WITH(rig, (RigOptions{Halo::Environment::Production}));
    QVERIFY(rig.runAndWait(QStringLiteral(
        "SELECT id, first_name, middle_name, surname, date_of_birth, balance, notes\n"
        "FROM patients\nWHERE id <= 40\nORDER BY id")));
    QVERIFY(rig.grid()->model()->rowCount() > 0);
    const QString path = QDir::current().absoluteFilePath(QStringLiteral("sqltab.png"));
    QVERIFY(rig.tab->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestSqlTab)
#include "tst_sqltab.moc"
