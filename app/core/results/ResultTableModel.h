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

    // Shows only rows where some cell's text (or the cell in `column`, when not -1) contains
    // `text`, ignoring case. NULL cells never match. An empty text shows every row.
    void setFilter(const QString &text, int column = -1);
    // The same work split in two, for a large result (1,000,000 rows take about half a second):
    // filterTask() returns work for a worker thread that finds the matching rows of the result
    // as it is now, and applyFilter() shows them, filtering here only rows that arrived since
    // (or everything, if the result was replaced meanwhile).
    struct FilterResult {
        QString text;
        int column = -1;
        quint64 tableGeneration = 0; // which result was looked at
        int tableRows = 0;           // how many of its rows
        std::vector<int> rows;       // those that match, in arrival order
    };
    std::function<FilterResult()> filterTask(const QString &text, int column = -1) const;
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

private:
    struct SortKey;
    SortKey sortKey(int tableRow) const;
    void rebuildOrder();
    void sortRows(std::vector<int> &rows) const;
    void setFilterFields(const QString &text, int column);
    std::vector<int> matchingRows(int first, int last) const;
    void mergeSorted(std::vector<int> rows);
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
};

} // namespace Halo
