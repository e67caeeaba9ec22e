#include "OutputFormatter.h"

#include "Console.h"
#include "JsonText.h"
#include "results/ResultTable.h"

#include <QLocale>

#include <charconv>
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

// One line per cell, and no cell wider than kMaxCellWidth.
QString forTable(const QString &text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            line += QLatin1String("\\n");
        else if (c == QLatin1Char('\r'))
            line += QLatin1String("\\r");
        else if (c == QLatin1Char('\t'))
            line += QLatin1String("\\t");
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

// A cell's value as UTF-8, as the formats print it, without a QString: the table's own bytes
// for text, else digits written into `scratch`. `json`: a whole Real without the ".0" the
// other formats show, so that it reads as the number it is.
QByteArrayView cellBytes(const Halo::ResultTable &table, int row, int column,
                         Halo::ResultCell::Kind kind, bool json, QByteArray &scratch)
{
    using Kind = Halo::ResultCell::Kind;
    switch (kind) {
    case Kind::Null:
        return {};
    case Kind::Integer: {
        scratch.resize(24);
        const auto end = std::to_chars(scratch.data(), scratch.data() + scratch.size(),
                                       table.cell(row, column).toInteger())
                             .ptr;
        return QByteArrayView(scratch.constData(), end - scratch.constData());
    }
    case Kind::Real: {
        // An integer too large for qint64 keeps its exact digits.
        const QByteArrayView digits = table.textUtf8(row, column);
        if (!digits.isEmpty())
            return digits;
        const Halo::ResultCell cell = table.cell(row, column);
        scratch = (json ? ResultFormatter::jsonCell(cell) : cell.toDisplayString().toLatin1());
        return scratch;
    }
    case Kind::Boolean:
        return table.cell(row, column).toBoolean() ? QByteArrayView("true")
                                                   : QByteArrayView("false");
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        break;
    }
    return table.textUtf8(row, column);
}

bool isPrintableAscii(QByteArrayView text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) - 0x20u > 0x7eu - 0x20u)
            return false;
    }
    return true;
}

// A cell as the people's table shows it (forTable()) and its width in terminal columns. Plain
// ASCII, nearly every cell, needs neither a QString nor a look at Unicode categories.
QByteArrayView tableCell(QByteArrayView text, QByteArray &scratch, int *width)
{
    if (isPrintableAscii(text)) {
        if (text.size() <= ResultFormatter::kMaxCellWidth) {
            *width = int(text.size());
            return text;
        }
        scratch = text.first(ResultFormatter::kMaxCellWidth - 1).toByteArray();
        scratch += "\xe2\x80\xa6"; // …
        *width = ResultFormatter::kMaxCellWidth;
        return scratch;
    }
    const QString shown = forTable(QString::fromUtf8(text));
    *width = TextTable::displayWidth(shown);
    scratch = shown.toUtf8();
    return scratch;
}

const QByteArrayView kNullText("NULL");

void writeCsvField(OutputBuffer &out, QByteArrayView text)
{
    bool quote = false;
    for (const char c : text)
        quote = quote || c == ',' || c == '"' || c == '\r' || c == '\n';
    if (!quote) {
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
    using Kind = Halo::ResultCell::Kind;
    const int columns = table.columnCount();
    const int rows = table.rowCount();
    std::vector<int> widths(size_t(columns), 0);
    std::vector<bool> right(size_t(columns), false);
    std::vector<QByteArray> headers;
    QByteArray scratch;
    QByteArray shown;
    for (int column = 0; column < columns; ++column) {
        const QString &name = table.columns().at(column);
        headers.push_back(name.toUtf8());
        widths[size_t(column)] = TextTable::displayWidth(name);
        // Numbers line up on the right when the column holds nothing else.
        bool numeric = rows > 0;
        for (int row = 0; row < rows; ++row) {
            const Kind kind = table.kind(row, column);
            int width = int(kNullText.size());
            if (kind != Kind::Null)
                tableCell(cellBytes(table, row, column, kind, false, scratch), shown, &width);
            widths[size_t(column)] = qMax(widths[size_t(column)], width);
            numeric =
                numeric && (kind == Kind::Integer || kind == Kind::Real || kind == Kind::Null);
        }
        right[size_t(column)] = numeric;
    }

    // Cells padded to their column's width, two spaces apart, no spaces at the end.
    const auto cell = [&out, &widths, &right](int column, QByteArrayView text, int width) {
        if (column > 0)
            out.append("  ");
        const qsizetype fill = qMax(0, widths[size_t(column)] - width);
        if (right[size_t(column)])
            out.appendSpaces(fill);
        out.append(text);
        if (!right[size_t(column)])
            out.appendSpaces(fill);
    };
    const auto endLine = [&out](qsizetype start) {
        out.chopSpaces(start);
        out.append('\n');
        out.endRow();
    };
    qsizetype start = out.size();
    for (int column = 0; column < columns; ++column)
        cell(column, headers[size_t(column)], TextTable::displayWidth(table.columns().at(column)));
    endLine(start);
    start = out.size();
    for (int column = 0; column < columns; ++column) {
        const QByteArray rule(widths[size_t(column)], '-');
        cell(column, rule, int(rule.size()));
    }
    endLine(start);
    for (int row = 0; row < rows; ++row) {
        start = out.size();
        for (int column = 0; column < columns; ++column) {
            const Kind kind = table.kind(row, column);
            int width = int(kNullText.size());
            const QByteArrayView text =
                kind == Kind::Null
                    ? kNullText
                    : tableCell(cellBytes(table, row, column, kind, false, scratch), shown, &width);
            cell(column, text, width);
        }
        endLine(start);
    }
}

void ResultFormatter::writeCsv(const Halo::ResultTable &table, OutputBuffer &out)
{
    using Kind = Halo::ResultCell::Kind;
    const int columns = table.columnCount();
    for (int column = 0; column < columns; ++column) {
        if (column > 0)
            out.append(',');
        writeCsvField(out, table.columns().at(column).toUtf8());
    }
    out.append("\r\n");
    QByteArray scratch;
    for (int row = 0; row < table.rowCount(); ++row) {
        for (int column = 0; column < columns; ++column) {
            if (column > 0)
                out.append(',');
            const Kind kind = table.kind(row, column);
            if (kind == Kind::Null)
                continue;
            const QByteArrayView value = cellBytes(table, row, column, kind, false, scratch);
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
    case Halo::ResultCell::Kind::Null:
        return QByteArrayLiteral("null");
    case Halo::ResultCell::Kind::Integer:
        return QByteArray::number(cell.toInteger());
    case Halo::ResultCell::Kind::Real:
        // An integer too large for qint64 keeps its exact digits.
        if (!cell.text().isEmpty())
            return cell.text().toLatin1();
        return QString::number(cell.toReal(), 'g', QLocale::FloatingPointShortest).toLatin1();
    case Halo::ResultCell::Kind::Boolean:
        return cell.toBoolean() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case Halo::ResultCell::Kind::String:
    case Halo::ResultCell::Kind::Date:
    case Halo::ResultCell::Kind::DateTime:
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
    using Kind = Halo::ResultCell::Kind;
    if (table.rowCount() == 0) {
        out.append("[]");
        return;
    }
    std::vector<QByteArray> keys;
    for (const QString &column : table.columns())
        keys.push_back((JsonText::quoted(column) + QStringLiteral(": ")).toUtf8());
    out.append("[\n");
    QByteArray scratch;
    for (int row = 0; row < table.rowCount(); ++row) {
        out.appendSpaces(indent + 2);
        out.append('{');
        for (int column = 0; column < table.columnCount(); ++column) {
            if (column > 0)
                out.append(", ");
            out.append(keys[size_t(column)]);
            const Kind kind = table.kind(row, column);
            if (kind == Kind::Null)
                out.append("null");
            else if (kind == Kind::String || kind == Kind::Date || kind == Kind::DateTime)
                JsonText::writeQuoted(table.textUtf8(row, column), out);
            else
                out.append(cellBytes(table, row, column, kind, true, scratch));
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
