// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/ResultTable.h"

#include "results/IsoDateTime_p.h"

#include <QHash>

#include <algorithm>
#include <cstring>
#include <limits>

namespace Halo {

using detail::parseIso;

namespace {

// Most cell texts are a few bytes long. The C library's memcpy() for those uses AVX registers on
// CPUs that have them and, on some (virtual) machines, leaves every SSE instruction after it
// paying to switch register states: decoding ran at half speed. Short copies stay here.
void copyBytes(char *to, const char *from, qsizetype length)
{
    if (length > 64) {
        std::memcpy(to, from, size_t(length));
        return;
    }
    for (; length >= 8; to += 8, from += 8, length -= 8) {
        quint64 word;
        std::memcpy(&word, from, 8);
        std::memcpy(to, &word, 8);
    }
    for (; length > 0; --length)
        *to++ = *from++;
}

} // namespace

const ResultTable::Segment &ResultTable::segmentOf(int row) const
{
    auto found = m_segments.end() - 1;
    if (row < found->firstRow) {
        found = std::upper_bound(m_segments.begin(), m_segments.end(), row,
                                 [](int r, const Segment &s) { return r < s.firstRow; }) -
                1;
    }
    return *found;
}

const ResultTable::Slot *ResultTable::slotAt(int row, int column, const Segment **segment) const
{
    if (row < 0 || row >= m_rowCount || column < 0 || column >= columnCount())
        return nullptr;
    const Segment *found = &segmentOf(row);
    if (size_t(column) >= found->columns.size() || !found->columns[size_t(column)])
        return nullptr;
    const Cells &cells = *found->columns[size_t(column)];
    const auto index = size_t(row - found->firstRow);
    if (index >= cells.size())
        return nullptr;
    if (segment)
        *segment = found;
    return &cells[index];
}

QByteArrayView ResultTable::slotText(const Segment &segment, const Slot &slot) const
{
    const size_t chunk = size_t(segment.firstChunk + (slot.text >> kChunkBits));
    const quint64 offset = slot.text & ((quint64(1) << kChunkBits) - 1);
    const char *base =
        chunk < m_textChunks.size() ? m_textChunks[chunk].constData() : m_text.constData();
    return QByteArrayView(base + offset, qsizetype(slot.length));
}

ResultCell ResultTable::cell(int row, int column) const
{
    const Segment *segment = nullptr;
    const Slot *slot = slotAt(row, column, &segment);
    if (!slot)
        return {};
    ResultCell cell;
    switch (slot->stored) {
    case Stored::Null:
        break;
    case Stored::Integer:
        cell.m_kind = ResultCell::Kind::Integer;
        cell.m_integer = slot->integer;
        break;
    case Stored::Boolean:
        cell.m_kind = ResultCell::Kind::Boolean;
        cell.m_integer = slot->integer;
        break;
    case Stored::Real:
        cell.m_kind = ResultCell::Kind::Real;
        cell.m_real = slot->real;
        break;
    case Stored::NumberText:
    case Stored::Text:
    case Stored::Date:
    case Stored::DateTime:
        cell.m_kind = kind(row, column);
        cell.m_text = QString::fromUtf8(slotText(*segment, *slot));
        break;
    }
    return cell;
}

ResultCell::Kind ResultTable::kind(int row, int column) const
{
    const Slot *slot = slotAt(row, column, nullptr);
    if (!slot)
        return ResultCell::Kind::Null;
    switch (slot->stored) {
    case Stored::Null:
        return ResultCell::Kind::Null;
    case Stored::Integer:
        return ResultCell::Kind::Integer;
    case Stored::Real:
    case Stored::NumberText:
        return ResultCell::Kind::Real;
    case Stored::Text:
        return ResultCell::Kind::String;
    case Stored::Boolean:
        return ResultCell::Kind::Boolean;
    case Stored::Date:
        return ResultCell::Kind::Date;
    case Stored::DateTime:
        return ResultCell::Kind::DateTime;
    }
    return ResultCell::Kind::Null;
}

QByteArrayView ResultTable::textUtf8(int row, int column) const
{
    const Segment *segment = nullptr;
    const Slot *slot = slotAt(row, column, &segment);
    return slot && hasText(slot->stored) ? slotText(*segment, *slot) : QByteArrayView();
}

void ResultTable::viewRow(int row, std::vector<CellView> &cells) const
{
    cells.assign(size_t(columnCount()), CellView());
    if (row < 0 || row >= m_rowCount)
        return;
    const Segment &segment = segmentOf(row);
    const auto index = size_t(row - segment.firstRow);
    for (size_t column = 0; column < cells.size() && column < segment.columns.size(); ++column) {
        const Cells *stored = segment.columns[column].get();
        if (!stored || index >= stored->size())
            continue; // a missing cell reads as null
        const Slot &slot = (*stored)[index];
        CellView &cell = cells[column];
        switch (slot.stored) {
        case Stored::Null:
            break;
        case Stored::Integer:
            cell.kind = ResultCell::Kind::Integer;
            cell.integer = slot.integer;
            break;
        case Stored::Boolean:
            cell.kind = ResultCell::Kind::Boolean;
            cell.integer = slot.integer;
            break;
        case Stored::Real:
            cell.kind = ResultCell::Kind::Real;
            cell.real = slot.real;
            break;
        case Stored::NumberText:
            cell.kind = ResultCell::Kind::Real;
            cell.text = slotText(segment, slot);
            break;
        case Stored::Text:
            cell.kind = ResultCell::Kind::String;
            cell.text = slotText(segment, slot);
            break;
        case Stored::Date:
            cell.kind = ResultCell::Kind::Date;
            cell.text = slotText(segment, slot);
            break;
        case Stored::DateTime:
            cell.kind = ResultCell::Kind::DateTime;
            cell.text = slotText(segment, slot);
            break;
        }
    }
}

qint64 ResultTable::memoryUsed() const
{
    qint64 bytes = m_text.capacity();
    for (const QByteArray &chunk : m_textChunks)
        bytes += chunk.capacity();
    for (const Segment &segment : m_segments) {
        for (const std::shared_ptr<Cells> &cells : segment.columns)
            bytes += cells ? qint64(cells->capacity() * sizeof(Slot)) : 0;
    }
    return bytes;
}

void ResultTable::append(const ResultTable &other)
{
    if (&other == this) {
        const ResultTable copy = other;
        append(copy);
        return;
    }
    std::vector<int> target(size_t(other.columnCount()));
    if (other.m_columns == m_columns) {
        // Pages of one result: the same columns in the same order.
        for (size_t c = 0; c < target.size(); ++c)
            target[c] = int(c);
    } else {
        // Match the n-th occurrence of a name here to its n-th occurrence in `other`, through
        // a hash: a page can have tens of thousands of columns.
        QHash<QString, std::vector<int>> mine;
        mine.reserve(columnCount());
        for (int c = 0; c < columnCount(); ++c)
            mine[m_columns.at(c)].push_back(c);
        QHash<QString, size_t> seen;
        for (int c = 0; c < other.columnCount(); ++c) {
            const QString &name = other.m_columns.at(c);
            const size_t occurrence = seen[name]++;
            const auto found = mine.constFind(name);
            target[size_t(c)] = found != mine.cend() && occurrence < found->size()
                                    ? (*found)[occurrence]
                                    : addColumn(name);
        }
    }
    if (other.m_rowCount >= kShareRowsFrom)
        appendShared(other, target);
    else
        appendCopied(other, target);
}

// Other's segments and text become this table's too, without copying a cell.
void ResultTable::appendShared(const ResultTable &other, const std::vector<int> &target)
{
    sealText();
    const auto chunkBase = quint64(m_textChunks.size());
    m_textChunks.insert(m_textChunks.end(), other.m_textChunks.begin(), other.m_textChunks.end());
    if (other.m_textUsed > 0) {
        // A finished table's text is exactly its size (squeeze()); one still being built is
        // copied at its exact size.
        m_textChunks.push_back(other.m_text.size() == other.m_textUsed
                                   ? other.m_text
                                   : QByteArray(other.m_text.constData(), other.m_textUsed));
    }
    for (const Segment &source : other.m_segments) {
        Segment segment;
        segment.firstRow = m_rowCount + source.firstRow;
        segment.rowCount = source.rowCount;
        segment.firstChunk = chunkBase + source.firstChunk;
        segment.columns.resize(size_t(columnCount()));
        for (size_t c = 0; c < source.columns.size() && c < target.size(); ++c)
            segment.columns[size_t(target[c])] = source.columns[c];
        m_segments.push_back(std::move(segment));
    }
    m_rowCount += other.m_rowCount;
    m_lastSegmentOpen = false;
}

// A few rows: copied, so that many small appends do not make many small segments.
void ResultTable::appendCopied(const ResultTable &other, const std::vector<int> &target)
{
    m_rowsComing = other.m_rowCount;
    for (int row = 0; row < other.m_rowCount; ++row) {
        addRow();
        for (int c = 0; c < other.columnCount(); ++c) {
            const Segment *segment = nullptr;
            const Slot *slot = other.slotAt(row, c, &segment);
            if (!slot || slot->stored == Stored::Null)
                continue;
            if (hasText(slot->stored))
                setTextSlot(target[size_t(c)], other.slotText(*segment, *slot), slot->stored);
            else
                lastRowSlot(target[size_t(c)]) = *slot;
        }
    }
    m_rowsComing = 0;
}

int ResultTable::addColumn(const QString &name)
{
    m_columns.append(name);
    return columnCount() - 1;
}

void ResultTable::addRow()
{
    if (!m_lastSegmentOpen || m_segments.back().rowCount == kRowsPerSegment) {
        Segment segment;
        segment.firstRow = m_rowCount;
        segment.firstChunk = quint64(m_textChunks.size());
        m_segments.push_back(std::move(segment));
        m_lastSegmentOpen = true;
    }
    ++m_segments.back().rowCount;
    ++m_rowCount;
}

ResultTable::Slot &ResultTable::lastRowSlot(int column)
{
    Q_ASSERT(m_rowCount > 0 && column >= 0 && column < columnCount());
    Segment &segment = m_segments.back();
    const auto row = size_t(m_rowCount - 1 - segment.firstRow);
    if (size_t(column) < segment.columns.size()) {
        // The common case while decoding: the next cell of a column this table alone holds.
        Cells *cells = segment.columns[size_t(column)].get();
        if (cells && cells->size() == row && row < cells->capacity() &&
            segment.columns[size_t(column)].use_count() == 1) {
            return cells->emplace_back();
        }
    } else {
        segment.columns.resize(size_t(column) + 1);
    }
    std::shared_ptr<Cells> &shared = segment.columns[size_t(column)];
    if (!shared) {
        shared = std::make_shared<Cells>();
        // Room for the rows an append brings (a few), or else, past the first segment, where
        // the table is large, for the whole segment at once. Never the whole segment for a few
        // rows: a page of 20 000 columns would reserve 2.6 GB.
        const size_t room = m_rowsComing > 0        ? row + size_t(m_rowsComing)
                            : m_segments.size() > 1 ? size_t(kRowsPerSegment)
                                                    : 16;
        shared->reserve(std::min(room, size_t(kRowsPerSegment)));
    } else if (shared.use_count() > 1) {
        shared = std::make_shared<Cells>(*shared); // a copy of this table still reads the old
    }
    Cells &cells = *shared;
    if (cells.size() == row)
        return cells.emplace_back();
    if (cells.size() < row)
        cells.resize(row + 1); // earlier rows that skipped this column stay null
    return cells[row];
}

void ResultTable::setNull(int column)
{
    lastRowSlot(column) = Slot();
}

void ResultTable::setInteger(int column, qint64 value)
{
    Slot &slot = lastRowSlot(column);
    slot.stored = Stored::Integer;
    slot.integer = value;
}

void ResultTable::setReal(int column, double value)
{
    Slot &slot = lastRowSlot(column);
    slot.stored = Stored::Real;
    slot.real = value;
}

void ResultTable::setBoolean(int column, bool value)
{
    Slot &slot = lastRowSlot(column);
    slot.stored = Stored::Boolean;
    slot.integer = value ? 1 : 0;
}

void ResultTable::setText(int column, QByteArrayView utf8)
{
    Stored stored = Stored::Text;
    // Cheap first test: only strings shaped like "dddd-dd-dd..." are parsed as dates.
    if (utf8.size() >= 10 && utf8.at(4) == '-' && utf8.at(7) == '-') {
        switch (parseIso(utf8, nullptr)) {
        case ResultCell::Kind::Date:
            stored = Stored::Date;
            break;
        case ResultCell::Kind::DateTime:
            stored = Stored::DateTime;
            break;
        default:
            break;
        }
    }
    setTextSlot(column, utf8, stored);
}

void ResultTable::setNumberText(int column, QByteArrayView digits)
{
    setTextSlot(column, digits, Stored::NumberText);
}

void ResultTable::setTextSlot(int column, QByteArrayView utf8, Stored stored)
{
    // A cell longer than 4 GiB cannot come out of one result page; cut rather than overflow.
    const qsizetype length = qMin<qsizetype>(utf8.size(), std::numeric_limits<quint32>::max());
    const quint64 position = appendText(utf8.data(), length);
    Slot &slot = lastRowSlot(column);
    slot.stored = stored;
    slot.length = quint32(length);
    slot.text = position - (m_segments.back().firstChunk << kChunkBits);
}

void ResultTable::reserveText(qsizetype bytes)
{
    if (m_textUsed + bytes > m_text.size())
        m_text.resize(m_textUsed + bytes);
}

void ResultTable::squeeze()
{
    m_text.truncate(m_textUsed);
    m_text.squeeze();
    if (m_lastSegmentOpen) {
        for (std::shared_ptr<Cells> &cells : m_segments.back().columns) {
            if (cells && cells.use_count() == 1)
                cells->shrink_to_fit();
        }
        m_lastSegmentOpen = false;
    }
}

quint64 ResultTable::appendText(const char *data, qsizetype length)
{
    // The chunk being written grows by doubling, up to a size where a new chunk is cheaper than
    // moving what is there; strings never span chunks.
    constexpr qsizetype kMaxChunk = 16 * 1024 * 1024;
    if (m_textUsed + length > m_text.size()) {
        if (m_textUsed > 0 && m_textUsed + length > kMaxChunk)
            sealText();
        const qsizetype wanted = qMax(m_textUsed + length, qMin(m_text.size() * 2, kMaxChunk));
        m_text.resize(qMax<qsizetype>(wanted, 256));
    }
    const quint64 position = (quint64(m_textChunks.size()) << kChunkBits) | quint64(m_textUsed);
    copyBytes(m_text.data() + m_textUsed, data, length);
    m_textUsed += length;
    return position;
}

void ResultTable::sealText()
{
    if (m_textUsed == 0)
        return;
    m_text.truncate(m_textUsed);
    m_text.squeeze();
    m_textChunks.push_back(std::move(m_text));
    m_text = QByteArray();
    m_textUsed = 0;
}

} // namespace Halo
