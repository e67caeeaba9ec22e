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

// Which rows a filter text shows: some cell's text (or the one column's) contains it, ignoring
// case; NULL never matches. Reads only the table, so a worker can use it on a snapshot.
class RowFilter
{
public:
    RowFilter(const ResultTable &table, const QString &text, int column)
        : m_table(table)
        , m_text(text)
        , m_column(column)
    {
        bool ascii = true;
        for (const QChar c : text)
            ascii = ascii && c.unicode() < 0x80;
        if (ascii && !text.isEmpty())
            m_ascii = text.toLatin1().toLower();
    }

    bool isEmpty() const { return m_text.isEmpty(); }

    bool matches(int tableRow) const
    {
        const int first = m_column >= 0 ? m_column : 0;
        const int last = m_column >= 0 ? m_column : m_table.columnCount() - 1;
        for (int column = first; column <= last; ++column) {
            const Kind kind = m_table.kind(tableRow, column);
            if (kind == Kind::Null)
                continue;
            if (hasText(kind)) {
                if (textMatches(m_table.textUtf8(tableRow, column)))
                    return true;
            } else if (kind == Kind::Integer) {
                char digits[24];
                const auto end = std::to_chars(digits, digits + sizeof digits,
                                               m_table.cell(tableRow, column).toInteger())
                                     .ptr;
                if (textMatches(QByteArrayView(digits, end - digits)))
                    return true;
            } else if (textMatches(m_table.cell(tableRow, column).toDisplayString().toUtf8())) {
                return true;
            }
        }
        return false;
    }

    // Rows first..last that match (all of them for an empty text), in order.
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
    bool textMatches(QByteArrayView utf8) const
    {
        if (!m_ascii.isNull())
            return containsAsciiIgnoringCase(utf8, m_ascii);
        return QString::fromUtf8(utf8).contains(m_text, Qt::CaseInsensitive);
    }

    const ResultTable &m_table;
    QString m_text;
    int m_column;
    QByteArray m_ascii; // the text in lower case, when it is ASCII
};

} // namespace

struct ResultTableModel::SortKey {
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

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_table(std::make_shared<ResultTable>())
{}

void ResultTableModel::setTable(ResultTable table)
{
    beginResetModel();
    m_table = std::make_shared<ResultTable>(std::move(table));
    ++m_tableGeneration;
    if (m_sortColumn >= m_table->columnCount())
        m_sortColumn = -1;
    if (m_filterColumn >= m_table->columnCount())
        m_filterColumn = -1;
    rebuildOrder();
    endResetModel();
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
        endInsertColumns();
    }
    if (page.rowCount() == 0)
        return;

    const int firstNew = m_table->rowCount();
    writableTable().append(page);
    const int lastNew = m_table->rowCount() - 1;
    if (!m_ordered) {
        beginInsertRows(QModelIndex(), m_rowCount, lastNew);
        m_rowCount = lastNew + 1;
        endInsertRows();
        return;
    }
    std::vector<int> rows = matchingRows(firstNew, lastNew);
    if (rows.empty())
        return;
    beginInsertRows(QModelIndex(), m_rowCount, m_rowCount + int(rows.size()) - 1);
    m_order.insert(m_order.end(), rows.begin(), rows.end());
    m_rowCount = int(m_order.size());
    endInsertRows();
    if (m_sortColumn >= 0)
        mergeSorted(std::move(rows));
}

// The rows just added at the end move to their sorted places: a binary search each, then one
// pass, instead of sorting everything again.
void ResultTableModel::mergeSorted(std::vector<int> rows)
{
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const auto before = [ascending](const SortKey &a, const SortKey &b) {
        return ascending ? compare(a, b) < 0 : compare(b, a) < 0;
    };
    std::vector<std::pair<SortKey, int>> added;
    added.reserve(rows.size());
    for (const int row : rows)
        added.emplace_back(sortKey(row), row);
    std::stable_sort(added.begin(), added.end(),
                     [&](const auto &a, const auto &b) { return before(a.first, b.first); });

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> persistentRows;
    for (const QModelIndex &index : persistent)
        persistentRows.push_back(tableRow(index.row()));

    const auto oldEnd = m_order.end() - qsizetype(rows.size());
    std::vector<int> merged;
    merged.reserve(m_order.size());
    auto from = m_order.begin();
    for (const auto &[key, row] : added) {
        // Later arrivals go after equal rows, as a stable sort would put them.
        const auto at = std::upper_bound(from, oldEnd, key, [&](const SortKey &k, int other) {
            return before(k, sortKey(other));
        });
        merged.insert(merged.end(), from, at);
        merged.push_back(row);
        from = at;
    }
    merged.insert(merged.end(), from, oldEnd);
    m_order = std::move(merged);

    if (!persistent.isEmpty()) {
        std::vector<int> position(size_t(m_table->rowCount()), -1);
        for (size_t i = 0; i < m_order.size(); ++i)
            position[size_t(m_order[i])] = int(i);
        QModelIndexList moved;
        for (int i = 0; i < persistent.size(); ++i)
            moved.append(
                index(position[size_t(persistentRows[size_t(i)])], persistent[i].column()));
        changePersistentIndexList(persistent, moved);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

ResultTableModel::SortKey ResultTableModel::sortKey(int tableRow) const
{
    SortKey key;
    const Kind kind = m_table->kind(tableRow, m_sortColumn);
    switch (kind) {
    case Kind::Null:
        break;
    case Kind::Integer:
    case Kind::Boolean:
        key.group = 1;
        key.isInteger = true;
        key.integer = m_table->cell(tableRow, m_sortColumn).toInteger();
        break;
    case Kind::Real: {
        key.group = 1;
        const QByteArrayView digits = m_table->textUtf8(tableRow, m_sortColumn);
        key.real =
            digits.isEmpty() ? m_table->cell(tableRow, m_sortColumn).toReal() : digits.toDouble();
        break;
    }
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        key.group = 2;
        key.text = m_table->textUtf8(tableRow, m_sortColumn);
        break;
    }
    return key;
}

std::vector<int> ResultTableModel::matchingRows(int first, int last) const
{
    return RowFilter(*m_table, m_filterText, m_filterColumn).rows(first, last);
}

void ResultTableModel::rebuildOrder()
{
    const bool sorted = m_sortColumn >= 0 && m_sortColumn < columnCount();
    m_ordered = sorted || !m_filterText.isEmpty();
    m_order.clear();
    if (!m_ordered) {
        m_order.shrink_to_fit();
        m_rowCount = m_table->rowCount();
        return;
    }
    std::vector<int> rows = matchingRows(0, m_table->rowCount() - 1);
    if (sorted)
        sortRows(rows);
    m_order = std::move(rows);
    m_rowCount = int(m_order.size());
}

void ResultTableModel::sortRows(std::vector<int> &rows) const
{
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::vector<std::pair<SortKey, int>> keys;
    keys.reserve(rows.size());
    for (const int row : rows)
        keys.emplace_back(sortKey(row), row);
    std::stable_sort(keys.begin(), keys.end(), [ascending](const auto &a, const auto &b) {
        return ascending ? compare(a.first, b.first) < 0 : compare(b.first, a.first) < 0;
    });
    for (size_t i = 0; i < keys.size(); ++i)
        rows[i] = keys[i].second;
}

void ResultTableModel::sort(int column, Qt::SortOrder order)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> persistentRows;
    for (const QModelIndex &index : persistent)
        persistentRows.push_back(tableRow(index.row()));

    m_sortColumn = column >= 0 && column < columnCount() ? column : -1;
    m_sortOrder = order;
    rebuildOrder();

    if (!persistent.isEmpty()) {
        std::vector<int> position(size_t(m_table->rowCount()), -1);
        for (int i = 0; i < m_rowCount; ++i)
            position[size_t(tableRow(i))] = i;
        QModelIndexList moved;
        for (int i = 0; i < persistent.size(); ++i)
            moved.append(
                index(position[size_t(persistentRows[size_t(i)])], persistent[i].column()));
        changePersistentIndexList(persistent, moved);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ResultTableModel::setFilter(const QString &text, int column)
{
    if (column < -1 || column >= columnCount())
        column = -1;
    if (text == m_filterText && column == m_filterColumn)
        return;
    beginResetModel();
    setFilterFields(text, column);
    rebuildOrder();
    endResetModel();
}

void ResultTableModel::setFilterFields(const QString &text, int column)
{
    m_filterText = text;
    m_filterColumn = column < -1 || column >= columnCount() ? -1 : column;
}

std::function<ResultTableModel::FilterResult()> ResultTableModel::filterTask(const QString &text,
                                                                             int column) const
{
    // The snapshot stays as it is while pages keep arriving (they go to a copy).
    return [table = snapshot(), text, column, generation = m_tableGeneration]() {
        FilterResult result;
        result.text = text;
        result.column = column;
        result.tableGeneration = generation;
        result.tableRows = table->rowCount();
        result.rows = RowFilter(*table, text, column).rows(0, result.tableRows - 1);
        return result;
    };
}

void ResultTableModel::applyFilter(FilterResult result)
{
    // Worked out on fewer rows than the table holds now (pages kept coming), or on a table
    // that was replaced since (fewer rows): the rows missing are filtered here.
    if (result.text.isEmpty() || result.tableGeneration != m_tableGeneration ||
        result.tableRows > m_table->rowCount()) {
        setFilter(result.text, result.column);
        return;
    }
    beginResetModel();
    setFilterFields(result.text, result.column);
    std::vector<int> rows = std::move(result.rows);
    const std::vector<int> later = matchingRows(result.tableRows, m_table->rowCount() - 1);
    rows.insert(rows.end(), later.begin(), later.end());
    m_ordered = true;
    if (m_sortColumn >= 0 && m_sortColumn < columnCount())
        sortRows(rows);
    m_order = std::move(rows);
    m_rowCount = int(m_order.size());
    endResetModel();
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
