// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Rows of a result into a ResultTable: arrays of row objects (keyed) or of row arrays
// (positional), and the names of a `columns` list.
// Included by ResultDecoder.cpp alone, in an anonymous namespace on purpose: the reader, the
// row loops and the shape detection are one translation unit, so the compiler inlines the inner
// loop as it did when they were one file (external linkage measured ~2% more instructions).
#include "results/JsonReader_p.h"
#include "results/ResultDecoder.h"

#include <QByteArray>
#include <QHash>

#include <vector>

namespace Halo {

namespace {

// A key without the byte-order marks at its start: a .NET writer may put U+FEFF before the
// first column's name, which is still that column.
QByteArrayView withoutByteOrderMark(QByteArrayView key)
{
    while (key.startsWith("\xEF\xBB\xBF"))
        key = key.sliced(3);
    return key;
}

QString columnName(QByteArrayView key, int index)
{
    return key.isEmpty() ? QStringLiteral("Column%1").arg(index + 1) : QString::fromUtf8(key);
}

// Maps the keys of row objects to table columns. Rows nearly always repeat the same key order,
// so the column used at the same position in the previous row is tried before the hash.
class KeyedColumns
{
public:
    explicit KeyedColumns(ResultTable &table)
        : m_table(table)
    {}

    // A column named up front (a `columns` list); rows are expected in that order.
    void add(QByteArrayView key, int column)
    {
        key = withoutByteOrderMark(key);
        remember(key.toByteArray(), column);
        m_lastOrder.push_back(column);
    }

    // The column of the key at `position` in the previous row, when its key can be matched
    // against the raw text (no escapes needed); -1 otherwise.
    int expectedPlain(int position, QByteArrayView *key) const
    {
        const auto slot = size_t(position);
        if (slot >= m_lastOrder.size())
            return -1;
        const int column = m_lastOrder[slot];
        if (column < 0 || !m_plain[size_t(column)])
            return -1;
        *key = m_keys[size_t(column)];
        return column;
    }

    int column(QByteArrayView key, int position, int previousColumn)
    {
        key = withoutByteOrderMark(key);
        const auto slot = size_t(position);
        if (slot < m_lastOrder.size() && matches(m_lastOrder[slot], key))
            return m_lastOrder[slot];
        int found = matches(previousColumn + 1, key) ? previousColumn + 1 : -1;
        if (found < 0) {
            const QByteArray owned = key.toByteArray();
            found = m_index.value(owned, -1);
            if (found < 0) {
                found = m_table.addColumn(columnName(key, m_table.columnCount()));
                remember(owned, found);
            }
        }
        if (slot >= m_lastOrder.size())
            m_lastOrder.resize(slot + 1, -1);
        m_lastOrder[slot] = found;
        return found;
    }

private:
    void remember(const QByteArray &key, int column)
    {
        if (m_keys.size() <= size_t(column)) {
            m_keys.resize(size_t(column) + 1);
            m_plain.resize(size_t(column) + 1);
        }
        m_keys[size_t(column)] = key;
        bool plain = true;
        for (const char c : key)
            plain = plain && c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20;
        m_plain[size_t(column)] = plain;
        if (!m_index.contains(key))
            m_index.insert(key, column); // a repeated name maps to its first column
    }

    bool matches(int column, QByteArrayView key) const
    {
        return column >= 0 && size_t(column) < m_keys.size() &&
               QByteArrayView(m_keys[size_t(column)]) == key;
    }

    ResultTable &m_table;
    std::vector<QByteArray> m_keys; // by column index
    std::vector<bool> m_plain;      // by column index: the key is written without escapes
    QHash<QByteArray, int> m_index;
    std::vector<int> m_lastOrder; // the column of the n-th key of the previous row
};

bool readObjectRow(JsonReader &reader, ResultTable &table, KeyedColumns &columns)
{
    reader.expect('{');
    bool first = true;
    QByteArrayView key;
    int position = 0;
    int column = -1;
    while (reader.nextItem('}', first)) {
        // Rows nearly always repeat the previous row's keys: compare the raw text first.
        const int expected = columns.expectedPlain(position, &key);
        if (expected >= 0 && reader.tryPlainKey(key)) {
            column = expected;
            if (!reader.readColon())
                return false;
        } else {
            if (reader.peek() != '"')
                return reader.fail(
                    QT_TRANSLATE_NOOP("Halo::ResultDecoder", "expected a quoted key"));
            if (!reader.readString(&key) || !reader.readColon())
                return false;
            column = columns.column(key, position, column);
        }
        ++position;
        if (!reader.readCell(table, column))
            return false;
    }
    return !reader.failed();
}

bool readArrayRow(JsonReader &reader, ResultTable &table)
{
    reader.expect('[');
    bool first = true;
    int column = 0;
    while (reader.nextItem(']', first)) {
        if (column >= table.columnCount())
            table.addColumn(columnName({}, column));
        if (!reader.readCell(table, column++))
            return false;
    }
    return !reader.failed();
}

// An array of rows: all objects (keyed) or all arrays (positional).
bool readRows(JsonReader &reader, ResultTable &table, KeyedColumns &columns,
              DecodedResult::Shape *shape)
{
    if (!reader.expect('['))
        return false;
    // Text in cells is never longer than the JSON it came from: one allocation holds it all.
    table.reserveText(reader.remaining());
    bool first = true;
    char rowStart = '\0';
    while (reader.nextItem(']', first)) {
        const char c = reader.peek();
        if (rowStart == '\0')
            rowStart = c;
        if (c != rowStart || (c != '{' && c != '[')) {
            return reader.fail(
                QT_TRANSLATE_NOOP("Halo::ResultDecoder", "rows are not all objects or all arrays"));
        }
        table.addRow();
        const bool ok =
            c == '{' ? readObjectRow(reader, table, columns) : readArrayRow(reader, table);
        if (!ok)
            return false;
    }
    if (rowStart == '\0')
        *shape = DecodedResult::Empty;
    else
        *shape = rowStart == '{' ? DecodedResult::RowObjects : DecodedResult::ArrayOfArrays;
    return !reader.failed();
}

// `columns`: names, or objects with a name / ColumnName member.
bool readColumnNames(JsonReader &reader, ResultTable &table, KeyedColumns &columns)
{
    reader.expect('[');
    bool first = true;
    while (reader.nextItem(']', first)) {
        QByteArray name;
        QByteArrayView text;
        if (reader.peek() == '"') {
            if (!reader.readString(&text))
                return false;
            name = text.toByteArray();
        } else if (reader.peek() == '{') {
            reader.expect('{');
            bool firstMember = true;
            QByteArrayView key;
            while (reader.nextMember(firstMember, &key)) {
                const bool isName = key.compare("name", Qt::CaseInsensitive) == 0 ||
                                    key.compare("columnname", Qt::CaseInsensitive) == 0;
                if (isName && reader.peek() == '"') {
                    if (!reader.readString(&text))
                        return false;
                    name = text.toByteArray();
                } else if (!reader.skipValue(1)) {
                    return false;
                }
            }
            if (reader.failed())
                return false;
        } else {
            return reader.fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                                 "a column is neither a name nor an object"));
        }
        const QByteArrayView key = withoutByteOrderMark(name);
        columns.add(key, table.addColumn(columnName(key, table.columnCount())));
    }
    return !reader.failed();
}

} // namespace

} // namespace Halo
