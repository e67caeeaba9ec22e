#include "OutputFormatter.h"

#include "JsonText.h"
#include "results/ResultTable.h"

#include <QLocale>

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

// The cell's value as text: numbers as sent, booleans true/false, dates as sent.
QString cellText(const Halo::ResultCell &cell)
{
    return cell.toDisplayString();
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

QString ResultFormatter::table(const Halo::ResultTable &table)
{
    TextTable text(table.columns());
    for (int column = 0; column < table.columnCount(); ++column) {
        // Numbers line up on the right when the column holds nothing else.
        bool numeric = table.rowCount() > 0;
        for (int row = 0; row < table.rowCount() && numeric; ++row) {
            const auto kind = table.kind(row, column);
            numeric = kind == Halo::ResultCell::Kind::Integer ||
                      kind == Halo::ResultCell::Kind::Real || kind == Halo::ResultCell::Kind::Null;
        }
        if (numeric)
            text.setRightAligned(column);
    }
    for (int row = 0; row < table.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table.columnCount(); ++column) {
            const Halo::ResultCell cell = table.cell(row, column);
            cells.append(cell.isNull() ? QStringLiteral("NULL") : forTable(cellText(cell)));
        }
        text.addRow(cells);
    }
    return text.render();
}

QString ResultFormatter::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\r')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString field = text;
    field.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + field + QLatin1Char('"');
}

QString ResultFormatter::csv(const Halo::ResultTable &table)
{
    const QString lineEnd = QStringLiteral("\r\n");
    QStringList header;
    for (const QString &column : table.columns())
        header.append(csvField(column));
    QString text = header.join(QLatin1Char(',')) + lineEnd;
    for (int row = 0; row < table.rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < table.columnCount(); ++column) {
            const Halo::ResultCell cell = table.cell(row, column);
            const QString value = cellText(cell);
            // Quoted, an empty string stays distinct from NULL.
            fields.append(cell.isNull()     ? QString()
                          : value.isEmpty() ? QStringLiteral("\"\"")
                                            : csvField(value));
        }
        text += fields.join(QLatin1Char(',')) + lineEnd;
    }
    return text;
}

QString ResultFormatter::jsonCell(const Halo::ResultCell &cell)
{
    switch (cell.kind()) {
    case Halo::ResultCell::Kind::Null:
        return QStringLiteral("null");
    case Halo::ResultCell::Kind::Integer:
        return QString::number(cell.toInteger());
    case Halo::ResultCell::Kind::Real:
        // An integer too large for qint64 keeps its exact digits.
        if (!cell.text().isEmpty())
            return cell.text();
        return QString::number(cell.toReal(), 'g', QLocale::FloatingPointShortest);
    case Halo::ResultCell::Kind::Boolean:
        return cell.toBoolean() ? QStringLiteral("true") : QStringLiteral("false");
    case Halo::ResultCell::Kind::String:
    case Halo::ResultCell::Kind::Date:
    case Halo::ResultCell::Kind::DateTime:
        break;
    }
    return JsonText::quoted(cell.text());
}

QString ResultFormatter::jsonColumns(const Halo::ResultTable &table)
{
    QStringList names;
    for (const QString &column : table.columns())
        names.append(JsonText::quoted(column));
    return QLatin1Char('[') + names.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString ResultFormatter::jsonRows(const Halo::ResultTable &table, int indent)
{
    if (table.rowCount() == 0)
        return QStringLiteral("[]");
    const QString pad(indent + 2, QLatin1Char(' '));
    QStringList keys;
    for (const QString &column : table.columns())
        keys.append(JsonText::quoted(column) + QStringLiteral(": "));
    QString text = QStringLiteral("[\n");
    for (int row = 0; row < table.rowCount(); ++row) {
        QStringList members;
        for (int column = 0; column < table.columnCount(); ++column)
            members.append(keys.at(column) + jsonCell(table.cell(row, column)));
        text += pad + QLatin1Char('{') + members.join(QStringLiteral(", ")) + QLatin1Char('}');
        text += row + 1 < table.rowCount() ? QStringLiteral(",\n") : QStringLiteral("\n");
    }
    return text + QString(indent, QLatin1Char(' ')) + QLatin1Char(']');
}

} // namespace Cli
