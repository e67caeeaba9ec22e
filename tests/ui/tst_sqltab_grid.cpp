// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab's results grid on real sandbox results: rows counted as "24 of 60,000 rows" in
// locale digits wherever they are shown, column widths kept across filters and new results,
// a filter per column combined with the global one, a large result sorted on a worker (pages
// arriving meanwhile included) and a large selection copied on a worker with cancel. Widgets
// are found by accessible name.
#include "FailOnWarning.h"
#include "ResultTables.h"
#include "SqlTabRig.h"
#include "WidgetLookup.h"
#include "sql/FilterHeader.h"
#include "sql/ResultFilterRunner.h"
#include "sql/ResultGrid.h"
#include "sql/SqlResultsArea.h"
#include "sql/SqlTab.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <vector>

namespace {

constexpr int kLargeRows = 60000;

// 60,000 rows: x in arrival order, k with many repeats (a stable sort shows), t as text.
QString largeQuery()
{
    return QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE "
                          "x < %1) SELECT x, (x * 7919) %% 1000 AS k, 'r' || ((x * 31) %% 997) "
                          "AS t FROM n")
        .arg(kLargeRows)
        .replace(QLatin1String("%%"), QLatin1String("%"));
}

QStringList columnTexts(const QAbstractItemModel *model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    values.reserve(model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row)
        values << model->index(row, column).data(role).toString();
    return values;
}

void clickHeader(QHeaderView *header, int section)
{
    const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->viewport()->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

} // namespace

class TestSqlTabGrid : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void countsShowRowsOfAllInLocaleDigitsEverywhere();
    void keepsColumnWidthsAcrossFiltersAndNewResults();
    void filteredRowsAreNotCutOff();
    void columnFiltersNarrowTheRowsWithTheGlobalFilter();
    void sortsALargeResultOnAWorkerIncludingPagesMeanwhile();
    void aSecondClickWhileSortingSupersedesTheFirst();
    void copiesALargeSelectionOnAWorkerAndCancelLeavesTheClipboard();
    void onlyASmallResultsHeaderFollowsTheSelection();

private:
    static SqlResultsArea *area(const Rig &rig) { return rig.tab->findChild<SqlResultsArea *>(); }
    static void waitIdle(const Rig &rig);

    QTemporaryDir m_settingsDir;
    QLocale m_locale;
};

void TestSqlTabGrid::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    useSettingsIn(m_settingsDir);
}

void TestSqlTabGrid::init()
{
    HaloTest::failOnWarnings();
    clearSettings();
}

void TestSqlTabGrid::cleanup()
{
    QLocale::setDefault(m_locale);
}

void TestSqlTabGrid::waitIdle(const Rig &rig)
{
    const ResultFilterRunner *runner = rig.grid()->filterRunner();
    QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy() && !runner->isSorting(), kTimeoutMs);
}

// A new user filters 60,000 rows down to a few: every count says "N of 60,000 rows", in the
// digits of the user's locale (German here: 60.000).
void TestSqlTabGrid::countsShowRowsOfAllInLocaleDigitsEverywhere()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    START_RIG(rig);
    QVERIFY(rig.runAndWait(largeQuery()));
    QCOMPARE(rig.grid()->model()->rowCount(), kLargeRows);
    auto *summaryRows = named<QLabel>(rig.tab.get(), QStringLiteral("Rows"));
    auto *shown = named<QLabel>(rig.tab.get(), QStringLiteral("Rows shown"));
    QVERIFY(summaryRows && shown);
    const QString all = SqlResultsArea::rowsText(kLargeRows, kLargeRows, false);
    QVERIFY2(all.contains(QStringLiteral("60.000")), qPrintable(all));
    QCOMPARE(summaryRows->text(), all);
    QCOMPARE(shown->text(), all);
    QVERIFY2(rig.status().startsWith(QStringLiteral("Ran in")) && rig.status().contains(all),
             qPrintable(rig.status()));
    QVERIFY2(!rig.status().contains(QStringLiteral("60000")), qPrintable(rig.status()));

    // The rows with "123" in some cell, counted from the result itself.
    const QStringList xs = columnTexts(rig.grid()->model(), 0);
    const QStringList ks = columnTexts(rig.grid()->model(), 1);
    const QStringList ts = columnTexts(rig.grid()->model(), 2);
    int expected = 0;
    for (int row = 0; row < kLargeRows; ++row)
        expected += (xs.at(row) + QLatin1Char(' ') + ks.at(row) + QLatin1Char(' ') + ts.at(row))
                            .contains(QStringLiteral("123"))
                        ? 1
                        : 0;
    QVERIFY(expected > 0 && expected < kLargeRows);
    auto *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    QTest::keyClicks(filter, QStringLiteral("123"));
    waitIdle(rig);
    QCOMPARE(rig.grid()->model()->rowCount(), expected);
    const QString some = SqlResultsArea::rowsText(expected, kLargeRows, true);
    QVERIFY2(some.contains(QLocale().toString(expected)) && some.contains("60.000"),
             qPrintable(some));
    QCOMPARE(summaryRows->text(), some);
    QCOMPARE(shown->text(), some);
    QVERIFY2(rig.status().contains(some), qPrintable(rig.status()));

    filter->clear();
    waitIdle(rig);
    QCOMPARE(shown->text(), all);
    QVERIFY2(rig.status().contains(all), qPrintable(rig.status()));
}

// Widths fitted or set by the user stay when a filter changes the rows and when a new result
// has the same columns; only a new column is fitted.
void TestSqlTabGrid::keepsColumnWidthsAcrossFiltersAndNewResults()
{
    START_RIG(rig);
    QVERIFY(
        rig.runAndWait(QStringLiteral("SELECT id, first_name, surname FROM patients ORDER BY id")));
    ResultGrid *grid = rig.grid();
    QHeaderView *header = grid->horizontalHeader();
    header->resizeSection(0, 61); // as the user drags them; first_name stays fitted
    header->resizeSection(2, 237);
    QList<int> widths;
    for (int column = 0; column < 3; ++column)
        widths << grid->columnWidth(column);
    QCOMPARE(widths.at(0), 61);
    QCOMPARE(widths.at(2), 237);
    QVERIFY(widths.at(1) > 20);
    // The user's widths stay as they are; the fitted one never shrinks (it may grow to show
    // longer names the filter brings to the top).
    const auto kept = [&]() {
        return grid->columnWidth(0) == widths.at(0) && grid->columnWidth(1) >= widths.at(1) &&
               grid->columnWidth(2) == widths.at(2);
    };

    auto *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    filter->setText(QStringLiteral("an"));
    waitIdle(rig);
    QVERIFY(grid->model()->rowCount() > 0);
    QVERIFY(kept());
    filter->setText(QStringLiteral("no such text anywhere"));
    waitIdle(rig);
    QCOMPARE(grid->model()->rowCount(), 0);
    QVERIFY(kept());
    filter->clear();
    auto *firstName = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter column first_name"));
    QVERIFY(firstName);
    firstName->setText(QStringLiteral("e"));
    waitIdle(rig);
    QVERIFY(kept());
    widths[1] = grid->columnWidth(1);

    // A new result with the same columns and one more: the known ones keep their widths, the
    // new one is fitted; the column filter of first_name applies to it too.
    QVERIFY(rig.runAndWait(
        QStringLiteral("SELECT id, first_name, surname, date_of_birth FROM patients ORDER BY id")));
    QCOMPARE(grid->model()->columnCount(), 4);
    for (int column = 0; column < 3; ++column)
        QCOMPARE(grid->columnWidth(column), widths.at(column));
    const int fitted = grid->columnWidth(3);
    grid->resizeColumnToContents(3);
    QCOMPARE(fitted, grid->columnWidth(3));
    firstName = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter column first_name"));
    QCOMPARE(firstName->text(), QStringLiteral("e"));
    const QStringList names = columnTexts(grid->model(), 1);
    QVERIFY(!names.isEmpty());
    for (const QString &name : names)
        QVERIFY2(name.contains(QLatin1Char('e'), Qt::CaseInsensitive), qPrintable(name));
}

// Filtered to longer values than the first rows had ("11230" where "1" to "30" were shown), a
// fitted column grows to show them; it never shrinks, and a width set by the user stays.
void TestSqlTabGrid::filteredRowsAreNotCutOff()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(largeQuery()));
    ResultGrid *grid = rig.grid();
    grid->horizontalHeader()->resizeSection(2, 33); // the user's
    QList<int> before;
    for (int column = 0; column < 3; ++column)
        before << grid->columnWidth(column);
    auto *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    filter->setText(QStringLiteral("1123"));
    waitIdle(rig);
    QVERIFY(grid->model()->rowCount() > 0);
    QCOMPARE(grid->model()->index(0, 0).data().toString(), QStringLiteral("1123"));
    grid->verticalHeader()->setResizeContentsPrecision(0); // the rows in view
    for (int column = 0; column < 2; ++column) {
        QVERIFY2(
            static_cast<QAbstractItemView *>(grid)->sizeHintForColumn(column) <=
                grid->columnWidth(column),
            qPrintable(QStringLiteral("column %1: %2 > %3")
                           .arg(column)
                           .arg(static_cast<QAbstractItemView *>(grid)->sizeHintForColumn(column))
                           .arg(grid->columnWidth(column))));
        QVERIFY(grid->columnWidth(column) >= before.at(column));
    }
    QCOMPARE(grid->columnWidth(2), 33);
    const QList<int> filtered = {grid->columnWidth(0), grid->columnWidth(1)};
    filter->clear();
    waitIdle(rig);
    QCOMPARE(grid->columnWidth(0), filtered.at(0));
    QCOMPARE(grid->columnWidth(1), filtered.at(1));
    QCOMPARE(grid->columnWidth(2), 33);
}

// One filter per column, under the column names, reachable by name and from the keyboard,
// combined with the global filter; in privacy mode it filters on the values as the global
// filter does, and the grid still hides them.
void TestSqlTabGrid::columnFiltersNarrowTheRowsWithTheGlobalFilter()
{
    START_RIG(rig);
    QVERIFY(
        rig.runAndWait(QStringLiteral("SELECT id, first_name, surname FROM patients ORDER BY id")));
    ResultGrid *grid = rig.grid();
    const QAbstractItemModel *model = grid->model();
    const QStringList firstNames = columnTexts(model, 1);
    const QStringList surnames = columnTexts(model, 2);
    QVERIFY(surnames.size() > 100);

    auto *row = named<QWidget>(rig.tab.get(), QStringLiteral("Column filters"));
    QVERIFY(row && row->isVisible());
    auto *surname = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter column surname"));
    QVERIFY(surname && row->isAncestorOf(surname));
    for (const QString &name :
         {QStringLiteral("Filter column id"), QStringLiteral("Filter column first_name")})
        QVERIFY2(named<QLineEdit>(rig.tab.get(), name), qPrintable(name));
    // Each filter sits under its column and follows it.
    QHeaderView *header = grid->horizontalHeader();
    const auto underItsColumn = [&](int column, QLineEdit *editor) {
        const QPoint left = editor->mapTo(header, QPoint(0, 0));
        return editor->width() == header->sectionSize(column) &&
               left.x() == header->sectionViewportPosition(column) + header->viewport()->x();
    };
    QVERIFY(underItsColumn(2, surname));
    header->resizeSection(1, 300);
    QVERIFY(underItsColumn(2, surname));
    grid->horizontalScrollBar()->setValue(grid->horizontalScrollBar()->maximum());
    QVERIFY(underItsColumn(2, surname));

    // From the keyboard: Ctrl+Shift+L (as in a spreadsheet) in the grid goes to the current
    // column's filter.
    rig.tab->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(rig.tab.get()));
    grid->setFocus();
    grid->setCurrentIndex(model->index(0, 2));
    QTest::keyClick(grid, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), surname);
    QTest::keyClicks(surname, QStringLiteral("MI"));
    waitIdle(rig);
    std::vector<int> wanted;
    for (int i = 0; i < surnames.size(); ++i) {
        if (surnames.at(i).contains(QStringLiteral("mi"), Qt::CaseInsensitive))
            wanted.push_back(i);
    }
    QVERIFY(!wanted.empty() && int(wanted.size()) < surnames.size());
    QCOMPARE(model->rowCount(), int(wanted.size()));
    for (const QString &shown : columnTexts(model, 2))
        QVERIFY2(shown.contains(QStringLiteral("mi"), Qt::CaseInsensitive), qPrintable(shown));

    // With the global filter: both must match.
    auto *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    filter->setText(QStringLiteral("el"));
    waitIdle(rig);
    int both = 0;
    for (const int i : wanted)
        both += (firstNames.at(i) + QLatin1Char(' ') + surnames.at(i))
                        .contains(QStringLiteral("el"), Qt::CaseInsensitive)
                    ? 1
                    : 0;
    QVERIFY(both < int(wanted.size()));
    QCOMPARE(model->rowCount(), both);
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Rows shown"))->text(),
             SqlResultsArea::rowsText(both, surnames.size(), true));

    // Privacy mode: the same rows, the surnames hidden.
    filter->clear();
    waitIdle(rig);
    rig.tab->setPrivacy(true);
    QCOMPARE(model->rowCount(), int(wanted.size()));
    QVERIFY(!rig.cell(0, 2).contains(QStringLiteral("mi"), Qt::CaseInsensitive));
    surname->clear();
    waitIdle(rig);
    QCOMPARE(model->rowCount(), surnames.size());
    rig.tab->setPrivacy(false);
}

// A header click on a large result sorts on a worker: the click returns at once, the header
// says it sorts, and the order is a stable sort of the typed values, with a page that arrived
// meanwhile in its place.
void TestSqlTabGrid::sortsALargeResultOnAWorkerIncludingPagesMeanwhile()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(largeQuery()));
    ResultGrid *grid = rig.grid();
    Halo::ResultTableModel *results = area(rig)->model();
    QCOMPARE(results->rowCount(), kLargeRows);
    QVERIFY(kLargeRows >= ResultFilterRunner::kRowsForWorker);

    // The typed values in the order of arrival, and the page that comes while sorting.
    std::vector<std::pair<qlonglong, qlonglong>> keyed; // k, x
    for (int row = 0; row < kLargeRows; ++row)
        keyed.emplace_back(
            results->index(row, 1).data(Halo::ResultTableModel::SortRole).toLongLong(),
            results->index(row, 0).data(Halo::ResultTableModel::SortRole).toLongLong());
    keyed.emplace_back(-5, 60001);
    keyed.emplace_back(500, 60002);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList expected;
    for (const auto &[k, x] : keyed)
        expected << QString::number(x);

    auto *header = qobject_cast<FilterHeader *>(grid->horizontalHeader());
    QVERIFY(header);
    clickHeader(header, 1);
    QVERIFY(grid->filterRunner()->isSorting());
    QCOMPARE(results->sortColumn(), -1); // not sorted on the click itself
    QCOMPARE(header->sortingSection(), 1);
    QCOMPARE(header->sortIndicatorSection(), 1);
    QVERIFY2(header->accessibleDescription().contains(QStringLiteral("k")),
             qPrintable(header->accessibleDescription()));
    results->appendPage(tableFrom(R"([{"x":60001,"k":-5,"t":"zz"},{"x":60002,"k":500,"t":"a"}])"));
    waitIdle(rig);
    QCOMPARE(results->sortColumn(), 1);
    QCOMPARE(results->sortOrder(), Qt::AscendingOrder);
    QCOMPARE(header->sortingSection(), -1);
    QVERIFY(header->accessibleDescription().isEmpty());
    QCOMPARE(columnTexts(grid->model(), 0), expected);
}

// Clicked again before the first sort is shown: the last click wins; a third click restores
// the query's own order.
void TestSqlTabGrid::aSecondClickWhileSortingSupersedesTheFirst()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(largeQuery()));
    ResultGrid *grid = rig.grid();
    Halo::ResultTableModel *results = area(rig)->model();
    const QStringList arrival = columnTexts(grid->model(), 0);
    std::vector<std::pair<QString, int>> keyed; // t, position
    for (int row = 0; row < kLargeRows; ++row)
        keyed.emplace_back(results->index(row, 2).data().toString(), row);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return b.first < a.first; });
    QStringList expected;
    for (const auto &[t, row] : keyed)
        expected << arrival.at(row);

    QHeaderView *header = grid->horizontalHeader();
    clickHeader(header, 2);
    clickHeader(header, 2);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    waitIdle(rig);
    QCOMPARE(results->sortColumn(), 2);
    QCOMPARE(results->sortOrder(), Qt::DescendingOrder);
    QCOMPARE(columnTexts(grid->model(), 0), expected);

    clickHeader(header, 2);
    waitIdle(rig);
    QCOMPARE(results->sortColumn(), -1);
    QCOMPARE(header->sortIndicatorSection(), -1);
    QCOMPARE(columnTexts(grid->model(), 0), arrival);
}

// More than ResultGrid::kCellsForWorker cells are written on a worker; the clipboard gets
// exactly the TSV of the selection, and nothing at all when the copy is cancelled.
void TestSqlTabGrid::copiesALargeSelectionOnAWorkerAndCancelLeavesTheClipboard()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(largeQuery()));
    ResultGrid *grid = rig.grid();
    QVERIFY(qint64(kLargeRows) * 3 > ResultGrid::kCellsForWorker);
    grid->setFocus();
    grid->selectAll();
    const QString tsv = grid->selectionAsTsv();
    QCOMPARE(tsv.count(QLatin1Char('\n')), kLargeRows + 1);
    QVERIFY(tsv.startsWith(QStringLiteral("x\tk\tt\n1\t919\tr31\n")));
    QClipboard *clipboard = QApplication::clipboard();
    clipboard->setText(QStringLiteral("before"));

    QSignalSpy finished(grid, &ResultGrid::copyFinished);
    QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
    QVERIFY(grid->isCopying());
    QCOMPARE(clipboard->text(), QStringLiteral("before"));
    QVERIFY(named<QProgressDialog>(grid, QStringLiteral("Copy progress")));
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(clipboard->text() == tsv);
    QVERIFY(!grid->isCopying());
    QTRY_VERIFY(!grid->findChild<QProgressDialog *>()); // its dialog is gone

    // Cancelled from its progress dialog: the clipboard keeps what it had.
    clipboard->setText(QStringLiteral("before"));
    finished.clear();
    QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
    auto *progress = named<QProgressDialog>(grid, QStringLiteral("Copy progress"));
    QVERIFY(progress);
    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel && cancel->text() == QStringLiteral("Cancel"));
    cancel->click(); // as the user does, before the copy is done
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(clipboard->text(), QStringLiteral("before"));
    QTRY_VERIFY(!named<QProgressDialog>(grid, QStringLiteral("Copy progress")));
}

// The header marks the selected columns by asking the selection about each selected row: a
// large result's header follows an empty selection instead (bench_results_gui measures it).
void TestSqlTabGrid::onlyASmallResultsHeaderFollowsTheSelection()
{
    START_RIG(rig);
    ResultGrid *grid = rig.grid();
    QVERIFY(rig.runAndWait(QStringLiteral("SELECT 1 AS a, 2 AS b UNION ALL SELECT 3, 4")));
    QCOMPARE(grid->horizontalHeader()->selectionModel(), grid->selectionModel());
    QVERIFY(grid->horizontalHeader()->highlightSections());

    QVERIFY(rig.runAndWait(largeQuery()));
    QCOMPARE(grid->model()->rowCount(), kLargeRows);
    QVERIFY(grid->horizontalHeader()->selectionModel() != grid->selectionModel());
    QVERIFY(!grid->horizontalHeader()->highlightSections());
    grid->selectAll();
    QVERIFY(!grid->horizontalHeader()->selectionModel()->hasSelection());
    QCOMPARE(grid->selectionModel()->selectedIndexes().size(), kLargeRows * 3);

    QVERIFY(rig.runAndWait(QStringLiteral("SELECT 1 AS a")));
    QCOMPARE(grid->horizontalHeader()->selectionModel(), grid->selectionModel());
    QVERIFY(grid->horizontalHeader()->highlightSections());
}

QTEST_MAIN(TestSqlTabGrid)
#include "tst_sqltab_grid.moc"
