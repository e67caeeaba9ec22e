// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QItemSelection>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

#include "results/ResultExport.h"
#include "results/ResultTable.h"

namespace Halo {

// A query result for a grid. The cells stay in their compact decoded form (a ResultTable) and
// are turned into text only for the cells a view asks for. Pages are appended as they arrive,
// announcing only the new rows (and columns), so a visible grid stays responsive while a large
// result streams in. Sorting and filtering are done here on the typed cells, through an order of
// rows, rather than by a QSortFilterProxyModel that would ask for a QVariant per comparison.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        IsNullRole = Qt::UserRole + 1, // bool: SQL NULL (shown as the word NULL; style it)
        CellKindRole,                  // int: a ResultCell::Kind
        SortRole, // typed: qlonglong, double, bool or QString; invalid for NULL
    };
    // DisplayRole keeps the first line of a cell and at most this many characters; the whole
    // text is in EditRole (and ToolTipRole, up to kMaxToolTipCharacters).
    static constexpr int kMaxDisplayCharacters = 500;
    static constexpr int kMaxToolTipCharacters = 20000;
    // A new order of up to this many rows is announced as a layout change, which keeps
    // selections on their rows; of more, as changed data, which keeps them where they are (as a
    // spreadsheet does): Qt's views and proxies follow a layout change row by row, a second for
    // 1,000,000 rows, where changed data costs nothing.
    static constexpr int kRowsForLayoutChange = 50000;

    explicit ResultTableModel(QObject *parent = nullptr);

    // A new result (a model reset). The sort column and the filter stay and apply to it.
    void setTable(ResultTable table);
    // The rows of a later page (columns match by name; new columns are added at the end).
    void appendPage(const ResultTable &page);
    void clear();

    // The whole result in arrival order. snapshot() is for a worker thread (an export): it
    // stays valid and unchanged while pages keep arriving.
    const ResultTable &table() const { return *m_table; }
    std::shared_ptr<const ResultTable> snapshot() const { return m_table; }
    int totalRowCount() const { return m_table->rowCount(); } // before filtering
    qint64 memoryUsed() const;

    // Row `row` of the model as a row of table().
    int tableRow(int row) const { return m_ordered ? m_order[size_t(row)] : row; }
    // Every row shown, in the order shown, with every column: for "export all".
    ExportSelection shownCells() const;
    // The cells of a selection in this model: the rows touched, in the order shown, and the
    // columns touched, left to right. For copying (ResultExport::toTsv).
    ExportSelection cellsOf(const QItemSelection &selection) const;

    // A filter on one column: rows whose cell in `column` contains `text` (ignoring case).
    struct ColumnFilter {
        int column = -1;
        QString text;
        friend bool operator==(const ColumnFilter &a, const ColumnFilter &b)
        {
            return a.column == b.column && a.text == b.text;
        }
        friend bool operator!=(const ColumnFilter &a, const ColumnFilter &b) { return !(a == b); }
    };
    using ColumnFilters = std::vector<ColumnFilter>; // by column, none with an empty text

    // What the rows shown are: the filters (all must match) and the sort.
    struct View {
        QString text;    // the global filter: some cell's text (or the cell in `column`)
        int column = -1; // ... contains it, ignoring case; NULL never matches
        ColumnFilters columnFilters;
        int sortColumn = -1; // -1: the order of arrival
        Qt::SortOrder sortOrder = Qt::AscendingOrder;
        bool filters() const { return !text.isEmpty() || !columnFilters.empty(); }
        bool sameFilters(const View &other) const
        {
            return text == other.text && column == other.column &&
                   columnFilters == other.columnFilters;
        }
        friend bool operator==(const View &a, const View &b)
        {
            return a.sameFilters(b) && a.sortColumn == b.sortColumn &&
                   (a.sortColumn < 0 || a.sortOrder == b.sortOrder);
        }
        friend bool operator!=(const View &a, const View &b) { return !(a == b); }
    };
    View view() const;
    // Shows `view` at once, on this thread (a model reset).
    void setView(View view);

    // Shows only rows where some cell's text (or the cell in `column`, when not -1) contains
    // `text`, ignoring case. NULL cells never match. An empty text shows every row. The column
    // filters apply as well.
    void setFilter(const QString &text, int column = -1);
    // One filter per column, combined with the global one (AND). A filter of a column that goes
    // away with a new result (setTable(), clear()) comes back when a column of the same name
    // comes back with the result's first columns.
    void setColumnFilters(ColumnFilters filters);
    const ColumnFilters &columnFilters() const { return m_columnFilters; }
    QString columnFilterText(int column) const;
    bool isFiltered() const { return !m_filterText.isEmpty() || !m_columnFilters.empty(); }

    // The same work split in two, for a large result (1,000,000 rows take about half a second
    // to filter, a third of a second to sort): a task returns work for a worker thread that
    // finds the rows of the result as it is now, filtered and sorted, and applyFilter() shows
    // them, filtering and merging here only rows that arrived since. A result worked out on a
    // table that was replaced meanwhile is not current (isCurrent()): applyFilter() then works
    // the view out again on this thread.
    struct FilterResult {
        View view;
        quint64 tableGeneration = 0; // which result was looked at
        int tableRows = 0;           // how many of its rows
        std::vector<int> rows;       // those shown, in the order shown
    };
    std::function<FilterResult()> viewTask(View view) const;
    // The view as it is with another global filter, or another sort.
    std::function<FilterResult()> filterTask(const QString &text, int column = -1) const;
    std::function<FilterResult()> sortTask(int column, Qt::SortOrder order) const;
    bool isCurrent(const FilterResult &result) const;
    void applyFilter(FilterResult result);
    QString filterText() const { return m_filterText; }
    int filterColumn() const { return m_filterColumn; }

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    // NULLs first, then numbers (and booleans) by value, then text (dates included) by code
    // point; stable. A column of -1 restores the order of arrival.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The rows shown or the rows in all may have changed (a page, a filter, a new result).
    void countsChanged();

private:
    void rebuildOrder();
    void setViewFields(const View &view);
    std::vector<int> matchingRows(int first, int last) const;
    // Table rows `added` (in arrival order) put into `order` (sorted) at their sorted places.
    void mergeInto(std::vector<int> &order, std::vector<int> added) const;
    void mergeSorted(std::vector<int> rows);
    void changeOrder(std::vector<int> order);
    void keepColumnFilters(const QStringList &oldColumns);
    void resolvePendingColumnFilters();
    QString displayText(int row, int column, bool *elided) const;
    ResultTable &writableTable();

    std::shared_ptr<ResultTable> m_table;
    quint64 m_tableGeneration = 0; // +1 whenever setTable() replaces the result
    // When sorted or filtered, the table rows shown, in order; otherwise every row as it came.
    bool m_ordered = false;
    std::vector<int> m_order;
    int m_rowCount = 0; // rows shown; lags the table while pages are being appended
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filterText;
    int m_filterColumn = -1;
    ColumnFilters m_columnFilters;
    // Column filters of columns a new result does not have (yet): by column name.
    std::vector<std::pair<QString, QString>> m_pendingColumnFilters;
};

} // namespace Halo
