#include "ResultTable.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTime>
#include <QTimeZone>

#include <limits>

namespace Halo {

namespace {

// The parts of an ISO-8601 date or datetime: YYYY-MM-DD, optionally followed by T (or a space,
// as SQL tools write it) hh:mm:ss, a fraction of any length, and Z or ±hh:mm.
struct IsoParts {
    QDate date;
    QTime time;
    enum class Zone { None, Utc, Offset } zone = Zone::None;
    int offsetSeconds = 0;
};

bool readDigits(const char *p, int count, int *value)
{
    int result = 0;
    for (int i = 0; i < count; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        result = result * 10 + (p[i] - '0');
    }
    *value = result;
    return true;
}

ResultCell::Kind parseIso(QByteArrayView text, IsoParts *parts)
{
    const char *p = text.data();
    const qsizetype n = text.size();
    int year = 0, month = 0, day = 0;
    if ((n != 10 && n < 19) || p[4] != '-' || p[7] != '-' || !readDigits(p, 4, &year) ||
        !readDigits(p + 5, 2, &month) || !readDigits(p + 8, 2, &day) ||
        !QDate::isValid(year, month, day)) {
        return ResultCell::Kind::String;
    }
    if (parts)
        parts->date = QDate(year, month, day);
    if (n == 10)
        return ResultCell::Kind::Date;

    int hour = 0, minute = 0, second = 0;
    if ((p[10] != 'T' && p[10] != ' ') || p[13] != ':' || p[16] != ':' ||
        !readDigits(p + 11, 2, &hour) || !readDigits(p + 14, 2, &minute) ||
        !readDigits(p + 17, 2, &second) || hour > 23 || minute > 59 || second > 59) {
        return ResultCell::Kind::String;
    }
    qsizetype i = 19;
    int millis = 0;
    if (i < n && p[i] == '.') {
        const qsizetype start = ++i;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            if (i - start < 3)
                millis = millis * 10 + (p[i] - '0');
            ++i;
        }
        if (i == start)
            return ResultCell::Kind::String;
        for (qsizetype digits = i - start; digits < 3; ++digits)
            millis *= 10;
    }
    IsoParts::Zone zone = IsoParts::Zone::None;
    int offset = 0;
    if (i < n && p[i] == 'Z') {
        zone = IsoParts::Zone::Utc;
        ++i;
    } else if (i < n && (p[i] == '+' || p[i] == '-')) {
        int offsetHours = 0, offsetMinutes = 0;
        if (n - i != 6 || p[i + 3] != ':' || !readDigits(p + i + 1, 2, &offsetHours) ||
            !readDigits(p + i + 4, 2, &offsetMinutes) || offsetHours > 23 || offsetMinutes > 59) {
            return ResultCell::Kind::String;
        }
        offset = (offsetHours * 60 + offsetMinutes) * 60 * (p[i] == '-' ? -1 : 1);
        zone = IsoParts::Zone::Offset;
        i += 6;
    }
    if (i != n)
        return ResultCell::Kind::String;
    if (parts) {
        parts->time = QTime(hour, minute, second, millis);
        parts->zone = zone;
        parts->offsetSeconds = offset;
    }
    return ResultCell::Kind::DateTime;
}

QDateTime toDateTime(const IsoParts &parts)
{
    // QTimeZone's UTC and fixed-offset factories arrived in 6.5; the TimeSpec forms are
    // deprecated from 6.9.
    switch (parts.zone) {
    case IsoParts::Zone::None:
        return QDateTime(parts.date, parts.time);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    case IsoParts::Zone::Utc:
        return QDateTime(parts.date, parts.time, QTimeZone(QTimeZone::UTC));
    case IsoParts::Zone::Offset:
        return QDateTime(parts.date, parts.time,
                         QTimeZone::fromSecondsAheadOfUtc(parts.offsetSeconds));
#else
    case IsoParts::Zone::Utc:
        return QDateTime(parts.date, parts.time, Qt::UTC);
    case IsoParts::Zone::Offset:
        return QDateTime(parts.date, parts.time, Qt::OffsetFromUTC, parts.offsetSeconds);
#endif
    }
    return {};
}

} // namespace

ResultCell ResultCell::fromInteger(qint64 value)
{
    ResultCell cell;
    cell.m_kind = Kind::Integer;
    cell.m_integer = value;
    return cell;
}

ResultCell ResultCell::fromReal(double value)
{
    ResultCell cell;
    cell.m_kind = Kind::Real;
    cell.m_real = value;
    return cell;
}

ResultCell ResultCell::fromBoolean(bool value)
{
    ResultCell cell;
    cell.m_kind = Kind::Boolean;
    cell.m_integer = value ? 1 : 0;
    return cell;
}

ResultCell ResultCell::fromText(const QString &text)
{
    ResultCell cell;
    cell.m_kind = parseIso(text.toUtf8(), nullptr);
    cell.m_text = text;
    return cell;
}

qint64 ResultCell::toInteger() const
{
    switch (m_kind) {
    case Kind::Integer:
    case Kind::Boolean:
        return m_integer;
    case Kind::Real:
        return qint64(toReal());
    default:
        return m_text.toLongLong();
    }
}

double ResultCell::toReal() const
{
    switch (m_kind) {
    case Kind::Integer:
    case Kind::Boolean:
        return double(m_integer);
    case Kind::Real:
        return m_text.isEmpty() ? m_real : QByteArrayView(m_text.toLatin1()).toDouble();
    default:
        return QByteArrayView(m_text.toUtf8()).toDouble();
    }
}

bool ResultCell::toBoolean() const
{
    switch (m_kind) {
    case Kind::Integer:
    case Kind::Boolean:
        return m_integer != 0;
    case Kind::Real:
        return toReal() != 0.0;
    default:
        return m_text == QLatin1String("true");
    }
}

QVariant ResultCell::toVariant() const
{
    switch (m_kind) {
    case Kind::Null:
        return {};
    case Kind::Integer:
        return QVariant(qlonglong(m_integer));
    case Kind::Real:
        return QVariant(toReal());
    case Kind::Boolean:
        return QVariant(m_integer != 0);
    case Kind::String:
        return QVariant(m_text);
    case Kind::Date:
    case Kind::DateTime: {
        IsoParts parts;
        parseIso(m_text.toUtf8(), &parts);
        if (m_kind == Kind::Date)
            return QVariant(parts.date);
        return QVariant(toDateTime(parts));
    }
    }
    return {};
}

QString ResultCell::toDisplayString() const
{
    switch (m_kind) {
    case Kind::Null:
        return {};
    case Kind::Integer:
        return QString::number(m_integer);
    case Kind::Real: {
        if (!m_text.isEmpty())
            return m_text;
        QString text = QString::number(m_real, 'g', QLocale::FloatingPointShortest);
        bool whole = true;
        for (const QChar c : text)
            whole = whole && (c.isDigit() || c == QLatin1Char('-'));
        if (whole)
            text += QLatin1String(".0");
        return text;
    }
    case Kind::Boolean:
        return m_integer != 0 ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        return m_text;
    }
    return {};
}

bool operator==(const ResultCell &a, const ResultCell &b)
{
    if (a.m_kind != b.m_kind || a.m_text != b.m_text)
        return false;
    switch (a.m_kind) {
    case ResultCell::Kind::Integer:
    case ResultCell::Kind::Boolean:
        return a.m_integer == b.m_integer;
    case ResultCell::Kind::Real:
        return !a.m_text.isEmpty() || a.m_real == b.m_real;
    default:
        return true;
    }
}

const ResultTable::Slot *ResultTable::slotAt(int row, int column) const
{
    if (row < 0 || row >= m_rowCount || column < 0 || column >= columnCount())
        return nullptr;
    const std::vector<Slot> &cells = m_cells[size_t(column)];
    return size_t(row) < cells.size() ? &cells[size_t(row)] : nullptr;
}

ResultCell ResultTable::cell(int row, int column) const
{
    const Slot *slot = slotAt(row, column);
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
        cell.m_text = QString::fromUtf8(m_text.constData() + slot->offset, slot->length);
        break;
    }
    return cell;
}

ResultCell::Kind ResultTable::kind(int row, int column) const
{
    const Slot *slot = slotAt(row, column);
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

void ResultTable::append(const ResultTable &other)
{
    if (&other == this) {
        const ResultTable copy = other;
        append(copy);
        return;
    }
    // Match the n-th occurrence of a name here to its n-th occurrence in `other`.
    std::vector<int> target(size_t(other.columnCount()));
    for (int c = 0; c < other.columnCount(); ++c) {
        const QString &name = other.m_columns.at(c);
        int occurrence = 0;
        for (int earlier = 0; earlier < c; ++earlier)
            occurrence += other.m_columns.at(earlier) == name ? 1 : 0;
        int found = -1;
        for (int mine = 0; mine < columnCount() && found < 0; ++mine) {
            if (m_columns.at(mine) == name && occurrence-- == 0)
                found = mine;
        }
        target[size_t(c)] = found >= 0 ? found : addColumn(name);
    }

    const quint64 textBase = quint64(m_text.size());
    m_text.append(other.m_text);
    for (int c = 0; c < other.columnCount(); ++c) {
        const std::vector<Slot> &source = other.m_cells[size_t(c)];
        if (source.empty())
            continue;
        std::vector<Slot> &cells = m_cells[size_t(target[size_t(c)])];
        cells.resize(size_t(m_rowCount));
        cells.reserve(cells.size() + source.size());
        for (Slot slot : source) {
            if (hasText(slot.stored))
                slot.offset += textBase;
            cells.push_back(slot);
        }
    }
    m_rowCount += other.m_rowCount;
}

int ResultTable::addColumn(const QString &name)
{
    m_columns.append(name);
    m_cells.emplace_back();
    return columnCount() - 1;
}

ResultTable::Slot &ResultTable::lastRowSlot(int column)
{
    Q_ASSERT(m_rowCount > 0 && column >= 0 && column < columnCount());
    std::vector<Slot> &cells = m_cells[size_t(column)];
    const size_t row = size_t(m_rowCount - 1);
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
    Slot &slot = lastRowSlot(column);
    slot.stored = stored;
    slot.offset = quint64(m_text.size());
    slot.length = quint32(length);
    m_text.append(utf8.data(), length);
}

} // namespace Halo
