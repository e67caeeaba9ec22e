// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutputFormatter.h"

#include "Console.h"
#include "JsonText.h"
#include "results/ResultTable.h"

#include <QHash>
#include <QLocale>

#include <charconv>
#include <cstring>
#include <vector>

namespace Cli {

namespace {

bool isWide(char32_t c)
{
    // East Asian wide and fullwidth ranges, and the emoji blocks terminals draw two columns wide.
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

int charWidth(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Other_Control:
        return 0;
    default:
        return isWide(c) ? 2 : 1;
    }
}

// How the people's table writes a character a terminal would act on instead of showing (line
// breaks, escape sequences, C1 controls, bidirectional overrides), so a cell cannot retitle,
// recolour or erase the terminal; empty for a character shown as itself.
QByteArray visibleEscape(char32_t c)
{
    if (c == '\n')
        return QByteArrayLiteral("\\n");
    if (c == '\r')
        return QByteArrayLiteral("\\r");
    if (c == '\t')
        return QByteArrayLiteral("\\t");
    if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        return "\\x" + QByteArray::number(uint(c), 16).rightJustified(2, '0');
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return "\\u" + QByteArray::number(uint(c), 16);
    return {};
}

// One line per cell, and no cell wider than kMaxCellWidth.
QString forTable(const QString &text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        const QByteArray escape = visibleEscape(c.unicode());
        if (!escape.isEmpty())
            line += QString::fromLatin1(escape);
        else
            line += c;
    }
    if (TextTable::displayWidth(line) <= ResultFormatter::kMaxCellWidth)
        return line;
    QString cut;
    int width = 0;
    for (const char32_t c : line.toUcs4()) {
        width += charWidth(c);
        if (width > ResultFormatter::kMaxCellWidth - 1)
            break;
        cut += QString::fromUcs4(&c, 1);
    }
    return cut + QChar(u'\u2026');
}

QString padded(const QString &text, int width, bool right)
{
    const QString fill(qMax(0, width - TextTable::displayWidth(text)), QLatin1Char(' '));
    return right ? fill + text : text + fill;
}

} // namespace

TextTable::TextTable(const QStringList &headers)
    : m_headers(headers)
    , m_rightAligned(headers.size(), false)
{}

void TextTable::setRightAligned(int column)
{
    if (column >= 0 && column < m_rightAligned.size())
        m_rightAligned[column] = true;
}

void TextTable::addRow(const QStringList &cells)
{
    m_rows.append(cells);
}

int TextTable::displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += charWidth(c);
    return width;
}

QString TextTable::render() const
{
    QList<int> widths;
    for (const QString &header : m_headers)
        widths.append(displayWidth(header));
    for (const QStringList &row : m_rows) {
        for (int column = 0; column < widths.size() && column < row.size(); ++column)
            widths[column] = qMax(widths[column], displayWidth(row.at(column)));
    }
    const auto line = [this, &widths](const QStringList &cells) {
        QString text;
        for (int column = 0; column < widths.size(); ++column) {
            if (column > 0)
                text += QLatin1String("  ");
            text += padded(cells.value(column), widths.at(column), m_rightAligned.at(column));
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QStringList rules;
    for (const int width : widths)
        rules.append(QString(width, QLatin1Char('-')));
    QString text = line(m_headers) + line(rules);
    for (const QStringList &row : m_rows)
        text += line(row);
    return text;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

QString keyValueList(const QList<QPair<QString, QString>> &rows)
{
    int width = 0;
    for (const auto &row : rows)
        width = qMax(width, TextTable::displayWidth(row.first));
    QString text;
    for (const auto &row : rows)
        text +=
            padded(row.first, width, false) + QLatin1String("  ") + row.second + QLatin1Char('\n');
    return text;
}

namespace {

using Kind = Halo::ResultCell::Kind;
using CellView = Halo::ResultTable::CellView;

const QByteArrayView kNullText("NULL");
const QByteArrayView kEllipsis("\xe2\x80\xa6"); // …, one column wide

// Text as every other view of the cell shows it: QString::fromUtf8() drops a leading byte order
// mark, and so did this output while it went through QString.
QByteArrayView shownText(QByteArrayView utf8)
{
    const bool bom =
        utf8.size() >= 3 && utf8[0] == '\xef' && utf8[1] == '\xbb' && utf8[2] == '\xbf';
    return bom ? utf8.sliced(3) : utf8;
}

// A cell's value as UTF-8, as the formats print it, without a QString: the table's own bytes
// for text, else digits. `json`: a whole Real without the ".0" the other formats show, so that
// it reads as the number it is.
class CellText
{
public:
    explicit CellText(bool json)
        : m_json(json)
    {}

    // Valid until the next call.
    QByteArrayView operator()(const CellView &cell)
    {
        switch (cell.kind) {
        case Kind::Null:
            return {};
        case Kind::Integer:
            return QByteArrayView(
                m_digits, std::to_chars(m_digits, m_digits + sizeof m_digits, cell.integer).ptr);
        case Kind::Real:
            // An integer too large for qint64 keeps its exact digits.
            return cell.text.isEmpty() ? real(cell.real) : cell.text;
        case Kind::Boolean:
            return cell.integer != 0 ? QByteArrayView("true") : QByteArrayView("false");
        case Kind::String:
        case Kind::Date:
        case Kind::DateTime:
            break;
        }
        return shownText(cell.text);
    }

private:
    // As ResultCell writes a Real; fees and amounts repeat, and each value is written once.
    QByteArrayView real(double value)
    {
        quint64 bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        const auto known = m_reals.constFind(bits);
        if (known != m_reals.cend())
            return *known;
        const Halo::ResultCell cell = Halo::ResultCell::fromReal(value);
        m_real = m_json ? ResultFormatter::jsonCell(cell) : cell.toDisplayString().toLatin1();
        if (m_reals.size() < kMaxReals)
            m_reals.insert(bits, m_real);
        return m_real;
    }

    static constexpr qsizetype kMaxReals = 4096;
    bool m_json;
    char m_digits[24] = {};
    QByteArray m_real;
    QHash<quint64, QByteArray> m_reals;
};

bool isPrintableAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) - 0x20u > 0x7eu - 0x20u)
            return false;
    }
    return true;
}

// The next character of valid UTF-8 at `i`, which moves past it; false for bytes that are not
// UTF-8 (a table not built by the decoder may hold them).
bool nextCharacter(QByteArrayView text, qsizetype *i, char32_t *character)
{
    const auto lead = static_cast<unsigned char>(text[*i]);
    const int length = lead < 0x80             ? 1
                       : (lead & 0xe0) == 0xc0 ? 2
                       : (lead & 0xf0) == 0xe0 ? 3
                       : (lead & 0xf8) == 0xf0 ? 4
                                               : 0;
    if (length == 0 || *i + length > text.size())
        return false;
    char32_t code = length == 1 ? lead : lead & (0x7f >> length);
    for (int k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[*i + k]);
        if ((next & 0xc0) != 0x80)
            return false;
        code = (code << 6) | (next & 0x3f);
    }
    *i += length;
    *character = code;
    return true;
}

// A cell as the people's table shows it, and its width in terminal columns: forTable() of the
// same text, worked out on the UTF-8 bytes. Plain ASCII, nearly every cell, is its own answer.
QByteArrayView tableCell(QByteArrayView text, QByteArray &scratch, int *width)
{
    constexpr int kMax = ResultFormatter::kMaxCellWidth;
    if (isPrintableAscii(text)) {
        if (text.size() <= kMax) {
            *width = int(text.size());
            return text;
        }
        scratch = text.first(kMax - 1).toByteArray() + kEllipsis.toByteArray();
        *width = kMax;
        return scratch;
    }
    // Line breaks, tabs and controls written out, every character measured; where the text would
    // pass kMax - 1 columns is remembered, in case it is too wide as a whole.
    scratch.resize(text.size() * 6); // room for every byte to be written as an escape
    char *const begin = scratch.data();
    char *end = begin;
    int total = 0;
    qsizetype cutAt = -1;
    int cutWidth = 0;
    const auto put = [&](QByteArrayView bytes, int characterWidth) {
        if (cutAt < 0 && total + characterWidth > kMax - 1) {
            cutAt = end - begin;
            cutWidth = total;
        }
        total += characterWidth;
        for (const char c : bytes)
            *end++ = c;
    };
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype start = i;
        char32_t c = 0;
        if (!nextCharacter(text, &i, &c)) {
            const QString shown = forTable(QString::fromUtf8(text));
            *width = TextTable::displayWidth(shown);
            scratch = shown.toUtf8();
            return scratch;
        }
        if (const QByteArray escape = visibleEscape(c); !escape.isEmpty()) {
            for (const char e : escape)
                put(QByteArrayView(&e, 1), 1);
        } else {
            put(text.sliced(start, i - start), charWidth(c));
        }
    }
    if (total <= kMax) {
        *width = total;
        return QByteArrayView(begin, end);
    }
    scratch.truncate(cutAt);
    scratch += kEllipsis;
    *width = cutWidth + 1;
    return scratch;
}

bool needsQuotes(QByteArrayView text)
{
    for (const char c : text) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

void writeCsvField(OutputBuffer &out, QByteArrayView text)
{
    if (!needsQuotes(text)) {
        out.append(text);
        return;
    }
    out.append('"');
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            out.append(text.sliced(from, i + 1 - from)); // the quote, then its double
            from = i;
        }
    }
    out.append(text.sliced(from));
    out.append('"');
}

} // namespace

void ResultFormatter::writeTable(const Halo::ResultTable &table, OutputBuffer &out)
{
    const int columns = table.columnCount();
    const int rows = table.rowCount();
    std::vector<int> widths;
    std::vector<bool> right(size_t(columns), rows > 0);
    std::vector<QByteArray> headers;
    for (const QString &name : table.columns()) {
        headers.push_back(name.toUtf8());
        widths.push_back(TextTable::displayWidth(name));
    }
    std::vector<CellView> cells;
    CellText text(false);
    QByteArray shown;
    for (int row = 0; row < rows; ++row) {
        table.viewRow(row, cells);
        for (size_t column = 0; column < cells.size(); ++column) {
            const CellView &cell = cells[column];
            int width = int(kNullText.size());
            if (cell.kind != Kind::Null)
                tableCell(text(cell), shown, &width);
            widths[column] = qMax(widths[column], width);
            // Numbers line up on the right when the column holds nothing else.
            right[column] = right[column] && (cell.kind == Kind::Integer ||
                                              cell.kind == Kind::Real || cell.kind == Kind::Null);
        }
    }

    // Cells padded to their column's width, two spaces apart, no spaces at the end.
    const auto put = [&out, &widths, &right](size_t column, QByteArrayView bytes, int width) {
        if (column > 0)
            out.append("  ");
        const qsizetype fill = qMax(0, widths[column] - width);
        if (right[column])
            out.appendSpaces(fill);
        out.append(bytes);
        if (!right[column])
            out.appendSpaces(fill);
    };
    const auto endLine = [&out](qsizetype start) {
        out.chopSpaces(start);
        out.append('\n');
        out.endRow();
    };
    qsizetype start = out.size();
    for (int column = 0; column < columns; ++column)
        put(size_t(column), headers[size_t(column)],
            TextTable::displayWidth(table.columns().at(column)));
    endLine(start);
    start = out.size();
    for (int column = 0; column < columns; ++column) {
        const QByteArray rule(widths[size_t(column)], '-');
        put(size_t(column), rule, int(rule.size()));
    }
    endLine(start);
    for (int row = 0; row < rows; ++row) {
        start = out.size();
        table.viewRow(row, cells);
        for (size_t column = 0; column < cells.size(); ++column) {
            int width = int(kNullText.size());
            const QByteArrayView bytes = cells[column].kind == Kind::Null
                                             ? kNullText
                                             : tableCell(text(cells[column]), shown, &width);
            put(column, bytes, width);
        }
        endLine(start);
    }
}

void ResultFormatter::writeCsv(const Halo::ResultTable &table, OutputBuffer &out)
{
    const int columns = table.columnCount();
    for (int column = 0; column < columns; ++column) {
        if (column > 0)
            out.append(',');
        writeCsvField(out, table.columns().at(column).toUtf8());
    }
    out.append("\r\n");
    std::vector<CellView> cells;
    CellText text(false);
    for (int row = 0; row < table.rowCount(); ++row) {
        table.viewRow(row, cells);
        for (size_t column = 0; column < cells.size(); ++column) {
            if (column > 0)
                out.append(',');
            if (cells[column].kind == Kind::Null)
                continue;
            const QByteArrayView value = text(cells[column]);
            // Quoted, an empty string stays distinct from NULL.
            if (value.isEmpty())
                out.append("\"\"");
            else
                writeCsvField(out, value);
        }
        out.append("\r\n");
        out.endRow();
    }
}

QByteArray ResultFormatter::jsonCell(const Halo::ResultCell &cell)
{
    switch (cell.kind()) {
    case Kind::Null:
        return QByteArrayLiteral("null");
    case Kind::Integer:
        return QByteArray::number(cell.toInteger());
    case Kind::Real:
        // An integer too large for qint64 keeps its exact digits.
        if (!cell.text().isEmpty())
            return cell.text().toLatin1();
        return QString::number(cell.toReal(), 'g', QLocale::FloatingPointShortest).toLatin1();
    case Kind::Boolean:
        return cell.toBoolean() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        break;
    }
    return JsonText::quoted(cell.text()).toUtf8();
}

QByteArray ResultFormatter::jsonColumns(const Halo::ResultTable &table)
{
    QStringList names;
    for (const QString &column : table.columns())
        names.append(JsonText::quoted(column));
    return (QLatin1Char('[') + names.join(QStringLiteral(", ")) + QLatin1Char(']')).toUtf8();
}

void ResultFormatter::writeJsonRows(const Halo::ResultTable &table, int indent, OutputBuffer &out)
{
    if (table.rowCount() == 0) {
        out.append("[]");
        return;
    }
    std::vector<QByteArray> keys;
    for (const QString &column : table.columns())
        keys.push_back((JsonText::quoted(column) + QStringLiteral(": ")).toUtf8());
    out.append("[\n");
    std::vector<CellView> cells;
    CellText text(true);
    for (int row = 0; row < table.rowCount(); ++row) {
        table.viewRow(row, cells);
        out.appendSpaces(indent + 2);
        out.append('{');
        for (size_t column = 0; column < cells.size(); ++column) {
            if (column > 0)
                out.append(", ");
            out.append(keys[column]);
            const CellView &cell = cells[column];
            if (cell.kind == Kind::Null)
                out.append("null");
            else if (cell.kind == Kind::String || cell.kind == Kind::Date ||
                     cell.kind == Kind::DateTime)
                JsonText::writeQuoted(text(cell), out);
            else
                out.append(text(cell));
        }
        out.append('}');
        if (row + 1 < table.rowCount())
            out.append(',');
        out.append('\n');
        out.endRow();
    }
    out.appendSpaces(indent);
    out.append(']');
}

} // namespace Cli
