// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/ResultTableModel.h"

#include <QHash>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <numeric>

namespace Halo {

namespace {

using Kind = ResultCell::Kind;

bool isNumber(Kind kind)
{
    return kind == Kind::Integer || kind == Kind::Real;
}

bool hasText(Kind kind)
{
    return kind == Kind::String || kind == Kind::Date || kind == Kind::DateTime;
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// `needle` is lower-case ASCII, so UTF-8 bytes of other characters never match any of it.
bool containsAsciiIgnoringCase(QByteArrayView haystack, QByteArrayView needle)
{
    const qsizetype n = needle.size();
    if (n == 0)
        return true;
    const char first = needle.front();
    for (qsizetype i = 0; i + n <= haystack.size(); ++i) {
        if (lowerAscii(haystack[i]) != first)
            continue;
        qsizetype k = 1;
        while (k < n && lowerAscii(haystack[i + k]) == needle[k])
            ++k;
        if (k == n)
            return true;
    }
    return false;
}

// Where `utf8` may be cut without splitting a character: at most `limit` bytes.
qsizetype utf8Boundary(QByteArrayView utf8, qsizetype limit)
{
    if (utf8.size() <= limit)
        return utf8.size();
    while (limit > 0 && (static_cast<unsigned char>(utf8[limit]) & 0xC0) == 0x80)
        --limit;
    return limit;
}

QString firstCharacters(QString text, int count)
{
    if (text.size() <= count)
        return text;
    if (text.at(count - 1).isHighSurrogate())
        --count;
    text.truncate(count);
    return text;
}

// Whether a cell's text contains a filter text, ignoring case; NULL never matches.
class TextMatch
{
public:
    explicit TextMatch(const QString &text)
        : m_text(text)
    {
        bool ascii = true;
        for (const QChar c : text)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii && !text.isEmpty())
            m_ascii = text.toLatin1().toLower();
    }

    bool isEmpty() const { return m_text.isEmpty(); }

    bool cell(const ResultTable &table, int row, int column) const
    {
        const Kind kind = table.kind(row, column);
        if (kind == Kind::Null)
            return false;
        if (hasText(kind))
            return textMatches(table.textUtf8(row, column));
        if (kind == Kind::Integer) {
            char digits[24];
            const auto end =
                std::to_chars(digits, digits + sizeof digits, table.cell(row, column).toInteger())
                    .ptr;
            return textMatches(QByteArrayView(digits, end - digits));
        }
        return textMatches(table.cell(row, column).toDisplayString().toUtf8());
    }

private:
    bool textMatches(QByteArrayView utf8) const
    {
        if (!m_ascii.isNull())
            return containsAsciiIgnoringCase(utf8, m_ascii);
        return QString::fromUtf8(utf8).contains(m_text, Qt::CaseInsensitive);
    }

    QString m_text;
    QByteArray m_ascii; // the text in lower case, when it is ASCII
};

// Which rows a view's filters show: the global text in some cell (or the one column's), and
// every column filter's text in its column. Reads only the table, so a worker can use it on a
// snapshot.
class RowFilter
{
public:
    RowFilter(const ResultTable &table, const ResultTableModel::View &view)
        : m_table(table)
        , m_text(view.text)
        , m_column(view.column)
    {
        for (const ResultTableModel::ColumnFilter &filter : view.columnFilters)
            m_columns.emplace_back(filter.column, TextMatch(filter.text));
    }

    bool isEmpty() const { return m_text.isEmpty() && m_columns.empty(); }

    bool matches(int tableRow) const
    {
        for (const auto &[column, match] : m_columns) {
            if (column < 0 || column >= m_table.columnCount() ||
                !match.cell(m_table, tableRow, column))
                return false;
        }
        if (m_text.isEmpty())
            return true;
        const int first = m_column >= 0 ? m_column : 0;
        const int last = m_column >= 0 ? m_column : m_table.columnCount() - 1;
        for (int column = first; column <= last; ++column) {
            if (m_text.cell(m_table, tableRow, column))
                return true;
        }
        return false;
    }

    // Rows first..last that match (all of them without a filter), in order.
    std::vector<int> rows(int first, int last) const
    {
        std::vector<int> result;
        result.reserve(size_t(isEmpty() ? qMax(0, last - first + 1) : 0));
        for (int row = first; row <= last; ++row) {
            if (isEmpty() || matches(row))
                result.push_back(row);
        }
        return result;
    }

private:
    const ResultTable &m_table;
    TextMatch m_text;
    int m_column;
    std::vector<std::pair<int, TextMatch>> m_columns;
};

// How rows compare in a sort: NULLs, then numbers (and booleans) by value, then text (dates
// included) by code point.
struct SortKey {
    int group = 0; // NULLs, then numbers, then text
    bool isInteger = false;
    qint64 integer = 0;
    double real = 0;
    QByteArrayView text;

    friend int compare(const SortKey &a, const SortKey &b)
    {
        if (a.group != b.group)
            return a.group < b.group ? -1 : 1;
        if (a.group == 1) {
            if (a.isInteger && b.isInteger)
                return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
            const double x = a.isInteger ? double(a.integer) : a.real;
            const double y = b.isInteger ? double(b.integer) : b.real;
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        if (a.group == 2) {
            // UTF-8 bytes compare in code point order.
            const size_t common = size_t(qMin(a.text.size(), b.text.size()));
            const int bytes = common ? std::memcmp(a.text.data(), b.text.data(), common) : 0;
            if (bytes != 0)
                return bytes;
            return a.text.size() < b.text.size() ? -1 : (a.text.size() > b.text.size() ? 1 : 0);
        }
        return 0;
    }
};

SortKey sortKey(const ResultTable &table, int tableRow, int column)
{
    SortKey key;
    const Kind kind = table.kind(tableRow, column);
    switch (kind) {
    case Kind::Null:
        break;
    case Kind::Integer:
    case Kind::Boolean:
        key.group = 1;
        key.isInteger = true;
        key.integer = table.cell(tableRow, column).toInteger();
        break;
    case Kind::Real: {
        key.group = 1;
        const QByteArrayView digits = table.textUtf8(tableRow, column);
        key.real = digits.isEmpty() ? table.cell(tableRow, column).toReal() : digits.toDouble();
        break;
    }
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        key.group = 2;
        key.text = table.textUtf8(tableRow, column);
        break;
    }
    return key;
}

// Sorts table rows by `column`, stably.
void sortRows(const ResultTable &table, std::vector<int> &rows, int column, Qt::SortOrder order)
{
    const bool ascending = order == Qt::AscendingOrder;
    std::vector<std::pair<SortKey, int>> keys;
    keys.reserve(rows.size());
    for (const int row : rows)
        keys.emplace_back(sortKey(table, row, column), row);
    std::stable_sort(keys.begin(), keys.end(), [ascending](const auto &a, const auto &b) {
        return ascending ? compare(a.first, b.first) < 0 : compare(b.first, a.first) < 0;
    });
    for (size_t i = 0; i < keys.size(); ++i)
        rows[i] = keys[i].second;
}

bool sorts(const ResultTableModel::View &view, const ResultTable &table)
{
    return view.sortColumn >= 0 && view.sortColumn < table.columnCount();
}

// The rows `view` shows of `table`'s rows first..last, in the order shown; empty when the view
// neither filters nor sorts (every row, as it came).
std::vector<int> viewRows(const ResultTable &table, const ResultTableModel::View &view, int first,
                          int last)
{
    if (!view.filters() && !sorts(view, table))
        return {};
    std::vector<int> rows = RowFilter(table, view).rows(first, last);
    if (sorts(view, table))
        sortRows(table, rows, view.sortColumn, view.sortOrder);
    return rows;
}

} // namespace

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_table(std::make_shared<ResultTable>())
{}

void ResultTableModel::setTable(ResultTable table)
{
    beginResetModel();
    const QStringList oldColumns = m_table->columns();
    m_table = std::make_shared<ResultTable>(std::move(table));
    ++m_tableGeneration;
    if (m_sortColumn >= m_table->columnCount())
        m_sortColumn = -1;
    if (m_filterColumn >= m_table->columnCount())
        m_filterColumn = -1;
    keepColumnFilters(oldColumns);
    rebuildOrder();
    endResetModel();
    emit countsChanged();
}

// Column filters follow their column by name into a new result; those of columns it lacks wait
// for its first columns (a result that streams in starts without any).
void ResultTableModel::keepColumnFilters(const QStringList &oldColumns)
{
    if (oldColumns == m_table->columns())
        return;
    for (const ColumnFilter &filter : std::as_const(m_columnFilters)) {
        if (filter.column >= 0 && filter.column < oldColumns.size())
            m_pendingColumnFilters.emplace_back(oldColumns.at(filter.column), filter.text);
    }
    m_columnFilters.clear();
    if (m_table->columnCount() > 0)
        resolvePendingColumnFilters();
}

void ResultTableModel::resolvePendingColumnFilters()
{
    for (const auto &[name, text] : std::as_const(m_pendingColumnFilters)) {
        const int column = int(m_table->columns().indexOf(name));
        const bool taken =
            std::any_of(m_columnFilters.begin(), m_columnFilters.end(),
                        [column](const ColumnFilter &filter) { return filter.column == column; });
        if (column >= 0 && !taken)
            m_columnFilters.push_back({column, text});
    }
    std::sort(m_columnFilters.begin(), m_columnFilters.end(),
              [](const ColumnFilter &a, const ColumnFilter &b) { return a.column < b.column; });
    m_pendingColumnFilters.clear();
}

void ResultTableModel::clear()
{
    setTable(ResultTable());
}

ResultTable &ResultTableModel::writableTable()
{
    // An export may be reading a snapshot on another thread: leave it alone and copy.
    if (m_table.use_count() > 1)
        m_table = std::make_shared<ResultTable>(*m_table);
    return *m_table;
}

void ResultTableModel::appendPage(const ResultTable &page)
{
    // Columns new in the page (the n-th "x" matches the n-th "x"), added first so that the
    // table's own append() finds them. Counted through a hash: a page can have tens of
    // thousands of columns.
    QStringList added;
    if (page.columns() != m_table->columns()) {
        QHash<QString, int> have;
        have.reserve(m_table->columnCount());
        for (const QString &name : m_table->columns())
            ++have[name];
        for (const QString &name : page.columns()) {
            int &left = have[name];
            if (left > 0)
                --left;
            else
                added.append(name);
        }
    }
    if (!added.isEmpty()) {
        const int first = columnCount();
        beginInsertColumns(QModelIndex(), first, first + int(added.size()) - 1);
        ResultTable &table = writableTable();
        for (const QString &name : std::as_const(added))
            table.addColumn(name);
        if (first == 0 && m_table->rowCount() == 0 && !m_pendingColumnFilters.empty()) {
            // The first columns of a new result: the column filters kept for them apply. The
            // table has no rows yet.
            resolvePendingColumnFilters();
            m_ordered = m_ordered || !m_columnFilters.empty();
        }
        endInsertColumns();
    }
    if (page.rowCount() == 0) {
        emit countsChanged();
        return;
    }

    const int firstNew = m_table->rowCount();
    writableTable().append(page);
    const int lastNew = m_table->rowCount() - 1;
    if (!m_ordered) {
        beginInsertRows(QModelIndex(), m_rowCount, lastNew);
        m_rowCount = lastNew + 1;
        endInsertRows();
        emit countsChanged();
        return;
    }
    std::vector<int> rows = matchingRows(firstNew, lastNew);
    if (rows.empty()) {
        emit countsChanged();
        return;
    }
    beginInsertRows(QModelIndex(), m_rowCount, m_rowCount + int(rows.size()) - 1);
    m_order.insert(m_order.end(), rows.begin(), rows.end());
    m_rowCount = int(m_order.size());
    endInsertRows();
    if (m_sortColumn >= 0)
        mergeSorted(std::move(rows));
    emit countsChanged();
}

// Rows added at the end move to their sorted places: a binary search each, then one pass,
// instead of sorting everything again.
void ResultTableModel::mergeInto(std::vector<int> &order, std::vector<int> added) const
{
    if (added.empty())
        return;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const ResultTable &table = *m_table;
    const int column = m_sortColumn;
    const auto before = [ascending](const SortKey &a, const SortKey &b) {
        return ascending ? compare(a, b) < 0 : compare(b, a) < 0;
    };
    std::vector<std::pair<SortKey, int>> keys;
    keys.reserve(added.size());
    for (const int row : added)
        keys.emplace_back(sortKey(table, row, column), row);
    std::stable_sort(keys.begin(), keys.end(),
                     [&](const auto &a, const auto &b) { return before(a.first, b.first); });

    std::vector<int> merged;
    merged.reserve(order.size() + added.size());
    auto from = order.begin();
    for (const auto &[key, row] : keys) {
        // Later arrivals go after equal rows, as a stable sort would put them.
        const auto at = std::upper_bound(from, order.end(), key, [&](const SortKey &k, int other) {
            return before(k, sortKey(table, other, column));
        });
        merged.insert(merged.end(), from, at);
        merged.push_back(row);
        from = at;
    }
    merged.insert(merged.end(), from, order.end());
    order = std::move(merged);
}

void ResultTableModel::mergeSorted(std::vector<int> rows)
{
    std::vector<int> order(m_order.begin(), m_order.end() - qsizetype(rows.size()));
    mergeInto(order, std::move(rows));
    changeOrder(std::move(order));
}

// Shows the same rows in another order: a layout change that keeps selections on their rows,
// or for many rows, changed data (see kRowsForLayoutChange).
void ResultTableModel::changeOrder(std::vector<int> order)
{
    if (m_rowCount > kRowsForLayoutChange) {
        m_ordered = !order.empty() || isFiltered();
        m_order = std::move(order);
        if (!m_ordered)
            m_order.shrink_to_fit();
        // The row numbers stay as they are: no header data changes.
        emit dataChanged(index(0, 0), index(m_rowCount - 1, columnCount() - 1));
        return;
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> persistentRows;
    persistentRows.reserve(size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        persistentRows.push_back(tableRow(index.row()));

    m_ordered = !order.empty() || isFiltered();
    m_order = std::move(order);
    if (!m_ordered)
        m_order.shrink_to_fit();

    if (!persistent.isEmpty()) {
        std::vector<int> position(size_t(m_table->rowCount()), -1);
        for (int i = 0; i < m_rowCount; ++i)
            position[size_t(tableRow(i))] = i;
        QModelIndexList moved;
        moved.reserve(persistent.size());
        for (int i = 0; i < persistent.size(); ++i)
            moved.append(
                index(position[size_t(persistentRows[size_t(i)])], persistent[i].column()));
        changePersistentIndexList(persistent, moved);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::vector<int> ResultTableModel::matchingRows(int first, int last) const
{
    return RowFilter(*m_table, view()).rows(first, last);
}

void ResultTableModel::rebuildOrder()
{
    std::vector<int> rows = viewRows(*m_table, view(), 0, m_table->rowCount() - 1);
    m_ordered = view().filters() || sorts(view(), *m_table);
    m_order = std::move(rows);
    if (!m_ordered)
        m_order.shrink_to_fit();
    m_rowCount = m_ordered ? int(m_order.size()) : m_table->rowCount();
}

void ResultTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < columnCount() ? column : -1;
    m_sortOrder = order;
    changeOrder(viewRows(*m_table, view(), 0, m_table->rowCount() - 1));
}

ResultTableModel::View ResultTableModel::view() const
{
    View view;
    view.text = m_filterText;
    view.column = m_filterColumn;
    view.columnFilters = m_columnFilters;
    view.sortColumn = m_sortColumn;
    view.sortOrder = m_sortOrder;
    return view;
}

void ResultTableModel::setViewFields(const View &view)
{
    m_filterText = view.text;
    m_filterColumn = view.column < -1 || view.column >= columnCount() ? -1 : view.column;
    m_columnFilters.clear();
    for (const ColumnFilter &filter : view.columnFilters) {
        if (filter.column >= 0 && filter.column < columnCount() && !filter.text.isEmpty())
            m_columnFilters.push_back(filter);
    }
    std::sort(m_columnFilters.begin(), m_columnFilters.end(),
              [](const ColumnFilter &a, const ColumnFilter &b) { return a.column < b.column; });
    m_sortColumn = view.sortColumn >= 0 && view.sortColumn < columnCount() ? view.sortColumn : -1;
    m_sortOrder = view.sortOrder;
}

void ResultTableModel::setView(View view)
{
    View current = this->view();
    setViewFields(view);
    if (this->view() == current)
        return;
    if (this->view().sameFilters(current)) {
        changeOrder(viewRows(*m_table, this->view(), 0, m_table->rowCount() - 1));
        return;
    }
    beginResetModel();
    rebuildOrder();
    endResetModel();
    emit countsChanged();
}

void ResultTableModel::setFilter(const QString &text, int column)
{
    View wanted = view();
    wanted.text = text;
    wanted.column = column;
    setView(std::move(wanted));
}

void ResultTableModel::setColumnFilters(ColumnFilters filters)
{
    View wanted = view();
    wanted.columnFilters = std::move(filters);
    m_pendingColumnFilters.clear();
    setView(std::move(wanted));
}

QString ResultTableModel::columnFilterText(int column) const
{
    for (const ColumnFilter &filter : m_columnFilters) {
        if (filter.column == column)
            return filter.text;
    }
    return {};
}

std::function<ResultTableModel::FilterResult()> ResultTableModel::viewTask(View view) const
{
    // The snapshot stays as it is while pages keep arriving (they go to a copy).
    return [table = snapshot(), view = std::move(view), generation = m_tableGeneration]() {
        FilterResult result;
        result.view = view;
        result.tableGeneration = generation;
        result.tableRows = table->rowCount();
        result.rows = viewRows(*table, view, 0, result.tableRows - 1);
        return result;
    };
}

std::function<ResultTableModel::FilterResult()> ResultTableModel::filterTask(const QString &text,
                                                                             int column) const
{
    View wanted = view();
    wanted.text = text;
    wanted.column = column;
    return viewTask(std::move(wanted));
}

std::function<ResultTableModel::FilterResult()>
ResultTableModel::sortTask(int column, Qt::SortOrder order) const
{
    View wanted = view();
    wanted.sortColumn = column;
    wanted.sortOrder = order;
    return viewTask(std::move(wanted));
}

bool ResultTableModel::isCurrent(const FilterResult &result) const
{
    return result.tableGeneration == m_tableGeneration && result.tableRows <= m_table->rowCount();
}

void ResultTableModel::applyFilter(FilterResult result)
{
    // Worked out on a table that was replaced since: worked out again, here.
    if (!isCurrent(result)) {
        setView(result.view);
        return;
    }
    const View before = view();
    setViewFields(result.view);
    const View now = view();
    if (now == before && result.tableRows == m_table->rowCount())
        return;
    // Worked out on fewer rows than the table holds now (pages kept coming): the rows that
    // came since are filtered here and merged into their sorted places.
    const bool ordered = now.filters() || sorts(now, *m_table);
    std::vector<int> rows = std::move(result.rows);
    if (ordered && !(result.view.filters() || sorts(result.view, *m_table))) {
        rows.resize(size_t(result.tableRows));
        std::iota(rows.begin(), rows.end(), 0);
    }
    if (ordered && result.tableRows < m_table->rowCount()) {
        std::vector<int> later = matchingRows(result.tableRows, m_table->rowCount() - 1);
        if (sorts(now, *m_table))
            mergeInto(rows, std::move(later));
        else
            rows.insert(rows.end(), later.begin(), later.end());
    }
    if (!ordered)
        rows.clear();
    if (now.sameFilters(before)) {
        changeOrder(std::move(rows)); // the same rows: selections stay
        return;
    }
    beginResetModel();
    m_ordered = ordered;
    m_order = std::move(rows);
    if (!m_ordered)
        m_order.shrink_to_fit();
    m_rowCount = m_ordered ? int(m_order.size()) : m_table->rowCount();
    endResetModel();
    emit countsChanged();
}

qint64 ResultTableModel::memoryUsed() const
{
    return m_table->memoryUsed() + qint64(m_order.capacity() * sizeof(int));
}

ExportSelection ResultTableModel::shownCells() const
{
    ExportSelection cells;
    if (m_ordered)
        cells.rows = m_order;
    return cells;
}

ExportSelection ResultTableModel::cellsOf(const QItemSelection &selection) const
{
    std::vector<bool> rowTouched(static_cast<size_t>(m_rowCount));
    std::vector<bool> columnTouched(static_cast<size_t>(columnCount()));
    for (const QItemSelectionRange &range : selection) {
        if (range.model() != this || !range.isValid())
            continue;
        for (int row = qMax(0, range.top()); row <= qMin(range.bottom(), m_rowCount - 1); ++row)
            rowTouched[size_t(row)] = true;
        for (int c = qMax(0, range.left()); c <= qMin(range.right(), columnCount() - 1); ++c)
            columnTouched[size_t(c)] = true;
    }
    ExportSelection cells;
    cells.rows.emplace();
    cells.columns.emplace();
    for (int row = 0; row < m_rowCount; ++row) {
        if (rowTouched[size_t(row)])
            cells.rows->push_back(tableRow(row));
    }
    for (int c = 0; c < columnCount(); ++c) {
        if (columnTouched[size_t(c)])
            cells.columns->push_back(c);
    }
    return cells;
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table->columnCount();
}

QString ResultTableModel::displayText(int row, int column, bool *elided) const
{
    *elided = false;
    const QByteArrayView text = m_table->textUtf8(row, column);
    if (text.isEmpty() || !hasText(m_table->kind(row, column)))
        return m_table->cell(row, column).toDisplayString();
    // Only the start of a long text is converted: enough for the characters shown.
    qsizetype end = utf8Boundary(text, qsizetype(kMaxDisplayCharacters) * 4 + 4);
    for (qsizetype i = 0; i < end; ++i) {
        if (text[i] == '\n' || text[i] == '\r') {
            end = i;
            break;
        }
    }
    QString shown = QString::fromUtf8(text.first(end));
    *elided = end < text.size() || shown.size() > kMaxDisplayCharacters;
    if (*elided)
        shown = firstCharacters(std::move(shown), kMaxDisplayCharacters) + QChar(0x2026);
    return shown;
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount || index.column() >= columnCount())
        return {};
    const int row = tableRow(index.row());
    const int column = index.column();
    const Kind kind = m_table->kind(row, column);
    switch (role) {
    case Qt::DisplayRole: {
        if (kind == Kind::Null)
            return QStringLiteral("NULL");
        bool elided = false;
        return displayText(row, column, &elided);
    }
    case Qt::EditRole:
        return kind == Kind::Null ? QVariant() : m_table->cell(row, column).toDisplayString();
    case Qt::ToolTipRole: {
        if (kind == Kind::Null)
            return {};
        const QString text = m_table->cell(row, column).toDisplayString();
        if (text.size() <= kMaxToolTipCharacters)
            return text;
        return firstCharacters(text, kMaxToolTipCharacters) + QChar(0x2026);
    }
    case Qt::TextAlignmentRole:
        return int(isNumber(kind) ? Qt::AlignRight | Qt::AlignVCenter
                                  : Qt::AlignLeft | Qt::AlignVCenter);
    case IsNullRole:
        return kind == Kind::Null;
    case CellKindRole:
        return int(kind);
    case SortRole: {
        const ResultCell cell = m_table->cell(row, column);
        switch (kind) {
        case Kind::Null:
            return {};
        case Kind::Integer:
            return QVariant(qlonglong(cell.toInteger()));
        case Kind::Real:
            return QVariant(cell.toReal());
        case Kind::Boolean:
            return QVariant(cell.toBoolean());
        case Kind::String:
        case Kind::Date:
        case Kind::DateTime:
            return QVariant(cell.text());
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        return m_table->columns().at(section);
    }
    if (section < 0 || section >= m_rowCount)
        return {};
    return section + 1;
}

Qt::ItemFlags ResultTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ResultTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IsNullRole, "isNull");
    names.insert(CellKindRole, "cellKind");
    names.insert(SortRole, "sortValue");
    return names;
}

} // namespace Halo
