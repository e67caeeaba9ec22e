// SPDX-License-Identifier: GPL-3.0-or-later
// The result grid's model: NULLs, typed roles, sort, filter (on a worker too), pages streaming
// in; and the table storage and decoding it relies on for speed. Export is tst_resultexport.
#include "FailOnWarning.h"
#include "ResultTables.h"
#include "results/ResultDecoder.h"
#include "results/ResultTable.h"
#include "results/ResultTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtConcurrent>
#include <QtTest>

#include <cmath>

using Halo::ResultTable;
using Halo::ResultTableModel;
using Kind = Halo::ResultCell::Kind;

namespace {

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data(role).toString());
    return values;
}

} // namespace

class TestResultTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void passesTheModelTesterThroughPagesSortAndFilter();
    void showsNullDistinctlyFromEmptyText();
    void describesCellsWithTypedRoles();
    void rightAlignsNumbersOnly();
    void elidesLongTextToItsFirstLine();
    void namesColumnsAndNumbersRows();
    void sortsNumbersAsNumbersWithNullsFirst();
    void sortsTextByCodePointAndStably();
    void keepsPersistentIndexesWhenSorting();
    void appendPageAnnouncesOnlyTheNewRowsAndColumns();
    void appendPageKeepsTheSortAndTheFilter();
    void filtersIgnoringCaseAndNeverMatchesNull();
    void snapshotDoesNotChangeWhilePagesArrive();
    void filtersOnAWorkerAndCatchesUpWithLaterPages();
    void columnFiltersCombineWithTheGlobalFilter();
    void columnFiltersFollowTheirColumnByName();
    void sortsOnAWorkerAsSortDoesWithPagesMeanwhile();

    // The storage and decoding the grid relies on for speed.
    void appendedPagesShareCellsButCopiesStayIndependent();
    void manySmallPagesAndLongTextsReadBack();
    void decodesAnswerBodiesWithoutAJsonDocument();
    void fastBase64AgreesWithQt();
    void rejectsInvalidUtf8InsideStrings();
    void shortRealsReadExactly();
};

void TestResultTableModel::passesTheModelTesterThroughPagesSortAndFilter()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendPage(tableFrom(R"([{"a":1,"b":"x"},{"a":2,"b":null}])"));
    model.appendPage(tableFrom(R"([{"b":"y","c":true},{"a":0,"c":false}])"));
    model.sort(0, Qt::DescendingOrder);
    model.appendPage(tableFrom(R"([{"a":5},{"a":-1,"b":"z"}])"));
    model.setFilter(QStringLiteral("x"));
    model.appendPage(tableFrom(R"([{"b":"xx"},{"b":"no"}])"));
    model.setFilter(QString());
    model.sort(-1);
    model.setTable(tableFrom(R"([{"q":1}])"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestResultTableModel::showsNullDistinctlyFromEmptyText()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"v":null},{"v":""},{"v":"NULL"}])"));
    QCOMPARE(column(model, 0), QStringList({"NULL", "", "NULL"}));
    QCOMPARE(model.index(0, 0).data(ResultTableModel::IsNullRole).toBool(), true);
    QCOMPARE(model.index(1, 0).data(ResultTableModel::IsNullRole).toBool(), false);
    QCOMPARE(model.index(2, 0).data(ResultTableModel::IsNullRole).toBool(), false);
    // What an editor or a copy would take: nothing for NULL, the empty string otherwise.
    QVERIFY(!model.index(0, 0).data(Qt::EditRole).isValid());
    QCOMPARE(model.index(1, 0).data(Qt::EditRole), QVariant(QString()));
    QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());
}

void TestResultTableModel::describesCellsWithTypedRoles()
{
    ResultTableModel model;
    model.setTable(tableFrom(
        R"([{"i":42,"r":2.5,"b":true,"s":"text","d":"2024-02-29","t":"2024-02-29T10:00:00Z",)"
        R"("big":123456789012345678901234567890,"n":null}])"));
    const auto kind = [&](int c) {
        return Kind(model.index(0, c).data(ResultTableModel::CellKindRole).toInt());
    };
    QCOMPARE(kind(0), Kind::Integer);
    QCOMPARE(kind(1), Kind::Real);
    QCOMPARE(kind(2), Kind::Boolean);
    QCOMPARE(kind(3), Kind::String);
    QCOMPARE(kind(4), Kind::Date);
    QCOMPARE(kind(5), Kind::DateTime);
    QCOMPARE(kind(6), Kind::Real);
    QCOMPARE(kind(7), Kind::Null);

    const auto sortValue = [&](int c) {
        return model.index(0, c).data(ResultTableModel::SortRole);
    };
    QCOMPARE(sortValue(0).typeId(), QMetaType::LongLong);
    QCOMPARE(sortValue(0).toLongLong(), 42LL);
    QCOMPARE(sortValue(1).typeId(), QMetaType::Double);
    QCOMPARE(sortValue(1).toDouble(), 2.5);
    QCOMPARE(sortValue(2).typeId(), QMetaType::Bool);
    QCOMPARE(sortValue(3), QVariant(QStringLiteral("text")));
    QCOMPARE(sortValue(4), QVariant(QStringLiteral("2024-02-29")));
    QCOMPARE(sortValue(6).typeId(), QMetaType::Double);
    QVERIFY(!sortValue(7).isValid());
    QCOMPARE(model.index(0, 6).data().toString(), QStringLiteral("123456789012345678901234567890"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("true"));

    const QHash<int, QByteArray> names = model.roleNames();
    QCOMPARE(names.value(ResultTableModel::IsNullRole), QByteArray("isNull"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
}

void TestResultTableModel::rightAlignsNumbersOnly()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"i":1,"r":1.5,"s":"1","b":false,"n":null}])"));
    const auto horizontal = [&](int c) {
        return Qt::Alignment(model.index(0, c).data(Qt::TextAlignmentRole).toInt()) &
               Qt::AlignHorizontal_Mask;
    };
    QCOMPARE(horizontal(0), Qt::Alignment(Qt::AlignRight));
    QCOMPARE(horizontal(1), Qt::Alignment(Qt::AlignRight));
    QCOMPARE(horizontal(2), Qt::Alignment(Qt::AlignLeft));
    QCOMPARE(horizontal(3), Qt::Alignment(Qt::AlignLeft));
    QCOMPARE(horizontal(4), Qt::Alignment(Qt::AlignLeft));
}

void TestResultTableModel::elidesLongTextToItsFirstLine()
{
    const QString longText(ResultTableModel::kMaxDisplayCharacters + 100, QLatin1Char('w'));
    ResultTable table;
    table.addColumn(QStringLiteral("v"));
    for (const QString &text : {QStringLiteral("line one\nline two"), QStringLiteral("dos\r\nline"),
                                longText, QStringLiteral("short")}) {
        table.addRow();
        table.setText(0, text.toUtf8());
    }
    ResultTableModel model;
    model.setTable(table);
    const QString ellipsis(QChar(0x2026));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("line one") + ellipsis);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("dos") + ellipsis);
    QCOMPARE(model.index(2, 0).data().toString(),
             longText.left(ResultTableModel::kMaxDisplayCharacters) + ellipsis);
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("short"));
    QCOMPARE(model.index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("line one\nline two"));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("line one\nline two"));
    QCOMPARE(model.index(2, 0).data(Qt::EditRole).toString(), longText);
}

void TestResultTableModel::namesColumnsAndNumbersRows()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"id":1,"name":"a"},{"id":2,"name":"b"}])"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("id"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("name"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
    QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 2);
    QVERIFY(!model.headerData(2, Qt::Horizontal).isValid());
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
}

void TestResultTableModel::sortsNumbersAsNumbersWithNullsFirst()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"v":10},{"v":9.5},{"v":null},{"v":100},{"v":-3},{"v":9}])"));
    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(column(model, 0), QStringList({"NULL", "-3", "9", "9.5", "10", "100"}));
    QCOMPARE(model.sortColumn(), 0);
    model.sort(0, Qt::DescendingOrder);
    QCOMPARE(column(model, 0), QStringList({"100", "10", "9.5", "9", "-3", "NULL"}));
    model.sort(-1);
    QCOMPARE(column(model, 0), QStringList({"10", "9.5", "NULL", "100", "-3", "9"}));
    QCOMPARE(model.sortColumn(), -1);
}

void TestResultTableModel::sortsTextByCodePointAndStably()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"k":"b","n":1},{"k":"a","n":2},{"k":"é","n":3},{"k":"b","n":4},)"
                             R"({"k":"B","n":5},{"k":"","n":6}])"));
    model.sort(0);
    QCOMPARE(column(model, 0), QStringList({"", "B", "a", "b", "b", "é"}));
    QCOMPARE(column(model, 1), QStringList({"6", "5", "2", "1", "4", "3"})); // stable
    model.sort(0, Qt::DescendingOrder);
    QCOMPARE(column(model, 1), QStringList({"3", "1", "4", "2", "5", "6"})); // still stable
}

void TestResultTableModel::keepsPersistentIndexesWhenSorting()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"v":3},{"v":1},{"v":2}])"));
    const QPersistentModelIndex three = model.index(0, 0);
    model.sort(0);
    QCOMPARE(three.row(), 2);
    QCOMPARE(three.data().toString(), QStringLiteral("3"));
    model.appendPage(tableFrom(R"([{"v":0}])"));
    QCOMPARE(three.row(), 3);
    QCOMPARE(three.data().toString(), QStringLiteral("3"));
}

void TestResultTableModel::appendPageAnnouncesOnlyTheNewRowsAndColumns()
{
    ResultTableModel model;
    model.appendPage(tableFrom(R"([{"a":1,"b":"x"},{"a":2,"b":"y"}])"));
    QSignalSpy rows(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);

    model.appendPage(tableFrom(R"([{"b":"z","c":true},{"a":4,"c":false}])"));
    QCOMPARE(columns.size(), 1);
    QCOMPARE(columns.at(0).at(1).toInt(), 2);
    QCOMPARE(columns.at(0).at(2).toInt(), 2);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).at(1).toInt(), 2);
    QCOMPARE(rows.at(0).at(2).toInt(), 3);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(layouts.size(), 0);

    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("c"));
    QCOMPARE(column(model, 0), QStringList({"1", "2", "NULL", "4"}));
    QCOMPARE(column(model, 1), QStringList({"x", "y", "z", "NULL"}));
    QCOMPARE(column(model, 2), QStringList({"NULL", "NULL", "true", "false"}));
    QCOMPARE(model.totalRowCount(), 4);

    // A page with no rows still brings its columns.
    model.appendPage(tableFrom(R"({"columns":["d"],"rows":[]})"));
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(rows.size(), 1);
}

void TestResultTableModel::appendPageKeepsTheSortAndTheFilter()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"v":5,"s":"keep"},{"v":1,"s":"keep"},{"v":3,"s":"drop"}])"));
    model.setFilter(QStringLiteral("KEEP"));
    model.sort(0);
    QCOMPARE(column(model, 0), QStringList({"1", "5"}));
    QSignalSpy rows(&model, &QAbstractItemModel::rowsInserted);
    model.appendPage(tableFrom(R"([{"v":4,"s":"keep"},{"v":0,"s":"drop"},{"v":9,"s":"keep"},)"
                               R"({"v":1,"s":"keep too"}])"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).at(1).toInt(), 2);
    QCOMPARE(rows.at(0).at(2).toInt(), 4);
    QCOMPARE(column(model, 0), QStringList({"1", "1", "4", "5", "9"}));
    QCOMPARE(column(model, 1), QStringList({"keep", "keep too", "keep", "keep", "keep"}));
    QCOMPARE(model.totalRowCount(), 7);
}

void TestResultTableModel::filtersIgnoringCaseAndNeverMatchesNull()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"name":"Smith","n":12},{"name":"MÜLLER","n":null},)"
                             R"({"name":null,"n":312},{"name":"smithers","n":7}])"));
    model.setFilter(QStringLiteral("smi"));
    QCOMPARE(column(model, 0), QStringList({"Smith", "smithers"}));
    model.setFilter(QStringLiteral("müller"));
    QCOMPARE(column(model, 0), QStringList({"MÜLLER"}));
    model.setFilter(QStringLiteral("12"));
    QCOMPARE(column(model, 1), QStringList({"12", "312"}));
    model.setFilter(QStringLiteral("null"));
    QCOMPARE(model.rowCount(), 0);
    model.setFilter(QStringLiteral("1"), 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.filterColumn(), 0);
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), 4);
}

void TestResultTableModel::snapshotDoesNotChangeWhilePagesArrive()
{
    ResultTableModel model;
    model.setTable(tableFrom(R"([{"a":1}])"));
    const std::shared_ptr<const ResultTable> snapshot = model.snapshot();
    model.appendPage(tableFrom(R"([{"a":2,"b":"new"}])"));
    QCOMPARE(snapshot->rowCount(), 1);
    QCOMPARE(snapshot->columnCount(), 1);
    QCOMPARE(model.table().rowCount(), 2);
    QVERIFY(model.memoryUsed() > 0);
}

// A filter worked out on a worker thread shows what setFilter() would, even when pages arrived
// or the result was replaced while the worker ran.
void TestResultTableModel::filtersOnAWorkerAndCatchesUpWithLaterPages()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(tableFrom(R"([{"v":5,"s":"keep"},{"v":1,"s":"drop"},{"v":3,"s":"KEEP"}])"));
    model.sort(0);

    // Pages arrive while the worker runs.
    auto task = model.filterTask(QStringLiteral("keep"));
    QFuture<ResultTableModel::FilterResult> running = QtConcurrent::run(task);
    model.appendPage(tableFrom(R"([{"v":2,"s":"keeper"},{"v":0,"s":"drop"}])"));
    ResultTableModel::FilterResult result = running.result();
    QCOMPARE(result.tableRows, 3);
    QCOMPARE(result.rows, (std::vector<int>{2, 0})); // in the order shown: sorted by v
    model.applyFilter(std::move(result));
    QCOMPARE(model.filterText(), QStringLiteral("keep"));
    QCOMPARE(column(model, 0), QStringList({"2", "3", "5"})); // sorted, the later row included

    ResultTableModel reference;
    reference.setTable(ResultTable(model.table()));
    reference.sort(0);
    reference.setFilter(QStringLiteral("keep"));
    QCOMPARE(column(model, 0), column(reference, 0));

    // The result is replaced while the worker runs: its rows are not used.
    task = model.filterTask(QStringLiteral("drop"));
    result = QtConcurrent::run(task).result();
    model.setTable(tableFrom(R"([{"v":7,"s":"drop"},{"v":8,"s":"x"},{"v":9,"s":"drop"},)"
                             R"({"v":6,"s":"drop"}])"));
    model.applyFilter(std::move(result));
    QCOMPARE(column(model, 0), QStringList({"6", "7", "9"}));

    // An empty text shows everything again.
    model.applyFilter(model.filterTask(QString())());
    QCOMPARE(model.rowCount(), 4);
}

// Every column filter must match its own column, and the global filter some cell (AND).
void TestResultTableModel::columnFiltersCombineWithTheGlobalFilter()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&model, &ResultTableModel::countsChanged);
    model.setTable(tableFrom(R"([{"name":"Smith","town":"Perth","n":12},)"
                             R"({"name":"Perth","town":"Sydney","n":120},)"
                             R"({"name":"smithers","town":"Perth","n":null},)"
                             R"({"name":null,"town":"perth","n":3}])"));
    model.setColumnFilters({{1, QStringLiteral("PERTH")}});
    QVERIFY(model.isFiltered());
    QCOMPARE(column(model, 0), QStringList({"Smith", "smithers", "NULL"}));
    model.setFilter(QStringLiteral("smi"));
    QCOMPARE(column(model, 0), QStringList({"Smith", "smithers"}));
    model.setColumnFilters({{1, QStringLiteral("perth")}, {2, QStringLiteral("1")}});
    QCOMPARE(column(model, 0), QStringList({"Smith"})); // NULL in n never matches
    QCOMPARE(model.columnFilterText(2), QStringLiteral("1"));
    QCOMPARE(model.columnFilterText(0), QString());
    model.setFilter(QString());
    model.setColumnFilters({});
    QVERIFY(!model.isFiltered());
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(counts.count() >= 5);

    // The same on a worker, with a page arriving meanwhile.
    ResultTableModel::View view = model.view();
    view.columnFilters = {{1, QStringLiteral("perth")}};
    view.text = QStringLiteral("s");
    auto task = model.viewTask(view);
    model.appendPage(tableFrom(R"([{"name":"Sam","town":"North Perth","n":5},)"
                               R"({"name":"Sam","town":"Hobart","n":6}])"));
    ResultTableModel::FilterResult result = QtConcurrent::run(task).result();
    QVERIFY(model.isCurrent(result));
    model.applyFilter(std::move(result));
    QCOMPARE(column(model, 0), QStringList({"Smith", "smithers", "Sam"}));
}

// A new result keeps the column filters of the columns it has by name, wherever they are; a
// result that streams in (cleared, then pages) gets them with its first columns.
void TestResultTableModel::columnFiltersFollowTheirColumnByName()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(tableFrom(R"([{"a":"x1","b":"y1"},{"a":"x2","b":"y2"}])"));
    model.setColumnFilters({{1, QStringLiteral("2")}});
    QCOMPARE(column(model, 0), QStringList({"x2"}));
    model.setTable(tableFrom(R"([{"b":"y1","c":1},{"b":"y2","c":2},{"b":"y22","c":3}])"));
    QCOMPARE(model.columnFilterText(0), QStringLiteral("2"));
    QCOMPARE(column(model, 1), QStringList({"2", "3"}));
    model.clear();
    QVERIFY(!model.isFiltered());
    model.appendPage(tableFrom(R"([{"c":7,"b":"y1"},{"c":8,"b":"y2"}])"));
    QCOMPARE(model.columnFilterText(1), QStringLiteral("2"));
    QCOMPARE(column(model, 0), QStringList({"8"}));
    model.appendPage(tableFrom(R"([{"c":9,"b":"z2"},{"c":10,"b":"z"}])"));
    QCOMPARE(column(model, 0), QStringList({"8", "9"}));
    QCOMPARE(model.totalRowCount(), 4);
    // Without that column, the filter is gone.
    model.clear();
    model.appendPage(tableFrom(R"([{"d":1}])"));
    model.appendPage(tableFrom(R"([{"b":"y1"}])"));
    QVERIFY(!model.isFiltered());
    QCOMPARE(model.rowCount(), 2);
}

// A sort worked out on a worker (a header click on a large result) shows what sort() would,
// with the rows of pages that arrived meanwhile in their places, and keeps selections.
void TestResultTableModel::sortsOnAWorkerAsSortDoesWithPagesMeanwhile()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(tableFrom(R"([{"v":5,"s":"e"},{"v":null,"s":"a"},{"v":3,"s":"c"},)"
                             R"({"v":5,"s":"b"},{"v":1.5,"s":"d"}])"));
    const QPersistentModelIndex held = model.index(2, 1); // "c"
    auto task = model.sortTask(0, Qt::DescendingOrder);
    QFuture<ResultTableModel::FilterResult> running = QtConcurrent::run(task);
    model.appendPage(tableFrom(R"([{"v":4,"s":"f"},{"v":5,"s":"g"}])"));
    ResultTableModel::FilterResult result = running.result();
    QCOMPARE(result.tableRows, 5);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.applyFilter(std::move(result));
    QCOMPARE(layout.count(), 1); // the same rows in another order: no reset
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.sortColumn(), 0);
    QCOMPARE(column(model, 1), QStringList({"e", "b", "g", "f", "c", "d", "a"}));
    QCOMPARE(held.data().toString(), QStringLiteral("c"));

    ResultTableModel reference;
    reference.setTable(ResultTable(model.table()));
    reference.sort(0, Qt::DescendingOrder);
    QCOMPARE(column(model, 1), column(reference, 1));

    // Back to the order of arrival, on a worker too.
    model.applyFilter(model.sortTask(-1, Qt::AscendingOrder)());
    QCOMPARE(column(model, 1), QStringList({"e", "a", "c", "b", "d", "f", "g"}));
}

void TestResultTableModel::appendedPagesShareCellsButCopiesStayIndependent()
{
    const auto page = [](int first, int rows) {
        ResultTable table;
        table.addColumn(QStringLiteral("id"));
        table.addColumn(QStringLiteral("text"));
        for (int row = first; row < first + rows; ++row) {
            table.addRow();
            table.setInteger(0, row);
            table.setText(1, QStringLiteral("row %1").arg(row).toUtf8());
        }
        table.squeeze();
        return table;
    };
    ResultTable first = page(0, 9000); // more than one segment
    ResultTable whole;
    whole.append(first);
    whole.append(page(9000, 5000));
    whole.append(page(14000, 3)); // small: copied
    QCOMPARE(whole.rowCount(), 14003);
    for (const int row : {0, 8191, 8192, 8999, 9000, 13999, 14000, 14002}) {
        QCOMPARE(whole.cell(row, 0).toInteger(), qint64(row));
        QCOMPARE(whole.textUtf8(row, 1), QStringLiteral("row %1").arg(row).toUtf8());
    }

    // Changing a page after appending it, or a copy of the whole, leaves the others alone.
    first.setText(1, "changed");
    first.addRow();
    first.setInteger(0, -1);
    QCOMPARE(whole.textUtf8(8999, 1), QByteArray("row 8999"));
    QCOMPARE(whole.rowCount(), 14003);
    ResultTable copy = whole;
    copy.setText(1, "changed too");
    copy.addRow();
    copy.setText(1, "new");
    QCOMPARE(whole.textUtf8(14002, 1), QByteArray("row 14002"));
    QCOMPARE(whole.rowCount(), 14003);
    QCOMPARE(copy.textUtf8(14002, 1), QByteArray("changed too"));
    QCOMPARE(copy.textUtf8(14003, 1), QByteArray("new"));
    whole.append(whole);
    QCOMPARE(whole.rowCount(), 28006);
    QCOMPARE(whole.textUtf8(14003 + 9000, 1), QByteArray("row 9000"));
}

void TestResultTableModel::manySmallPagesAndLongTextsReadBack()
{
    ResultTable whole;
    const QByteArray big(3 * 1024 * 1024, 'b');
    for (int i = 0; i < 2000; ++i) {
        ResultTable one;
        one.addColumn(QStringLiteral("n"));
        one.addColumn(i % 2 ? QStringLiteral("odd") : QStringLiteral("even"));
        one.addRow();
        one.setInteger(0, i);
        one.setText(1, i % 100 == 0 ? QByteArrayView(big) : QByteArrayView("x"));
        whole.append(one);
    }
    QCOMPARE(whole.rowCount(), 2000);
    QCOMPARE(whole.columns(), QStringList({"n", "even", "odd"}));
    QCOMPARE(whole.textUtf8(1900, 1), QByteArrayView(big));
    QCOMPARE(whole.textUtf8(1901, 2), QByteArrayView("x"));
    QCOMPARE(whole.kind(1901, 1), Kind::Null);
    QCOMPARE(whole.cell(1999, 0).toInteger(), qint64(1999));
}

void TestResultTableModel::decodesAnswerBodiesWithoutAJsonDocument()
{
    const QByteArray rows = R"([{"a":1,"b":"x"},{"a":2,"b":null}])";
    const QByteArray data = rows.toBase64();
    const QByteArray immediate = R"({"id":"q","result":{"rows":2,"data":")" + data +
                                 R"(","parameters":[]},"status":"successful"})";
    Halo::DecodedResult decoded = Halo::ResultDecoder::decodeResponseBody(immediate);
    QCOMPARE(decoded.shape, Halo::DecodedResult::RowObjects);
    QCOMPARE(decoded.table.rowCount(), 2);
    QCOMPARE(decoded.table.cell(0, 1).text(), QStringLiteral("x"));

    const QByteArray page = R"({"data":")" + data + R"(","rows":2})";
    QCOMPARE(Halo::ResultDecoder::decodeResponseBody(page).table.rowCount(), 2);
    QByteArray escaped = page; // a writer may escape '/' in JSON strings
    escaped.replace('/', "\\/");
    QCOMPARE(Halo::ResultDecoder::decodeResponseBody(escaped).table.rowCount(), 2);

    QCOMPARE(Halo::ResultDecoder::decodeResponseBody(R"({"result":{"rowsAffected":3}})").shape,
             Halo::DecodedResult::Empty);
    QCOMPARE(Halo::ResultDecoder::decodeResponseBody("not json").shape, Halo::DecodedResult::Empty);
}

void TestResultTableModel::fastBase64AgreesWithQt()
{
    // Strings of every length around the 16-character blocks, with bytes from the whole range.
    QByteArray text;
    for (int length = 0; length < 70; ++length) {
        QByteArray json = "[[\"" + text + "\"]]";
        for (const QByteArray &data :
             {json.toBase64(), json.toBase64(QByteArray::OmitTrailingEquals)}) {
            const Halo::DecodedResult decoded = Halo::ResultDecoder::decode(data);
            QCOMPARE(decoded.shape, Halo::DecodedResult::ArrayOfArrays);
            QCOMPARE(decoded.table.textUtf8(0, 0), text);
        }
        static const char *const pieces[] = {"a", "Z",        "0", "9", "+",
                                             "/", "\xc3\xa9", "~", " ", "?"};
        text += pieces[length % 10];
    }
    const QByteArray json = R"([{"value":"0123456789abcdefghijklmnopqrstuvwxyz"}])";
    const QByteArray data = json.toBase64();
    for (const qsizetype at : {qsizetype(0), qsizetype(5), qsizetype(17), data.size() - 6}) {
        QByteArray broken = data;
        broken[at] = '*';
        QCOMPARE(Halo::ResultDecoder::decode(broken).shape, Halo::DecodedResult::RawText);
        QByteArray wrapped = data;
        wrapped.insert(at, "\r\n");
        QCOMPARE(Halo::ResultDecoder::decode(wrapped).table.rowCount(), 1);
    }
}

void TestResultTableModel::rejectsInvalidUtf8InsideStrings()
{
    for (const QByteArray &json :
         {QByteArray("[{\"a\":\"ok \xc3\"}]"), QByteArray("[{\"\xe0\x80\xaf\":1}]"),
          QByteArray("[{\"a\":\"\xed\xa0\x80 surrogate\"}]"),
          QByteArray("[{\"a\":\"long enough to be scanned sixteen at a time \xff\"}]")}) {
        const Halo::DecodedResult decoded = Halo::ResultDecoder::decodeJson(json);
        QCOMPARE(decoded.shape, Halo::DecodedResult::RawBinary);
        QVERIFY(decoded.note.contains(QStringLiteral("UTF-8")));
    }
    const Halo::DecodedResult fine = Halo::ResultDecoder::decodeJson(
        "[{\"a\":\"caf\xc3\xa9 \xf0\x9f\x98\x80 long text after it\"}]");
    QCOMPARE(fine.table.cell(0, 0).text(), QStringLiteral("café 😀 long text after it"));
}

void TestResultTableModel::shortRealsReadExactly()
{
    for (const char *number :
         {"0.1", "0.30000000000000004", "2.675", "-0.0", "123456789012345.6", "1234567.891",
          "0.000001", "1e-7", "9007199254740993.0", "99999999999999.99", "1.5E3", "4.9e-324"}) {
        const QByteArray json = QByteArray("[[") + number + "]]";
        const ResultTable table = Halo::ResultDecoder::decodeJson(json).table;
        QCOMPARE(table.kind(0, 0), Kind::Real);
        const double expected = QByteArray(number).toDouble();
        QCOMPARE(table.cell(0, 0).toReal(), expected);
        QCOMPARE(std::signbit(table.cell(0, 0).toReal()), std::signbit(expected));
    }
}

QTEST_GUILESS_MAIN(TestResultTableModel)
#include "tst_resulttablemodel.moc"
