// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/XlsxSheet_p.h"

#include <QDate>
#include <QDateTime>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace Halo::detail {

namespace {

using Kind = ResultCell::Kind;

// Styles (xl/styles.xml cellXfs): 0 plain, 1 date, 2 date and time, 3 header (bold).
constexpr int kDateStyle = 1;
constexpr int kDateTimeStyle = 2;
constexpr int kHeaderStyle = 3;
// Excel keeps 15 significant digits: integers beyond 2^53 would change, so they stay text.
constexpr qint64 kExactInteger = qint64(1) << 53;

// "A", "B", ..., "Z", "AA", ...: a column's letters in a cell reference.
void appendColumnName(QByteArray &out, int column)
{
    char letters[8];
    int n = 0;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        letters[n++] = char('A' + (c - 1) % 26);
    while (n > 0)
        out.append(letters[--n]);
}

void appendReference(QByteArray &out, int column, qint64 number)
{
    appendColumnName(out, column);
    out.append(QByteArray::number(number));
}

// XML text: the five specials escaped; characters XML 1.0 forbids (controls other than tab
// and line breaks) become U+FFFD, since no reader would open the file otherwise.
void appendXmlText(QByteArray &out, QByteArrayView utf8)
{
    for (const char c : utf8) {
        switch (c) {
        case '&':
            out.append("&amp;");
            break;
        case '<':
            out.append("&lt;");
            break;
        case '>':
            out.append("&gt;");
            break;
        case '"':
            out.append("&quot;");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                out.append("\xEF\xBF\xBD");
            else
                out.append(c);
        }
    }
}

void appendInlineString(QByteArray &out, int column, qint64 number, QByteArrayView utf8,
                        int style = 0)
{
    out.append("<c r=\"");
    appendReference(out, column, number);
    out.append(style ? "\" s=\"" + QByteArray::number(style) + "\"" : QByteArray("\""));
    out.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    appendXmlText(out, utf8);
    out.append("</t></is></c>");
}

void appendNumber(QByteArray &out, int column, qint64 number, QByteArrayView value, int style = 0)
{
    out.append("<c r=\"");
    appendReference(out, column, number);
    out.append('"');
    if (style) {
        out.append(" s=\"");
        out.append(QByteArray::number(style));
        out.append('"');
    }
    out.append("><v>");
    out.append(value);
    out.append("</v></c>");
}

// Days since 1899-12-30 (Excel's day 0 in the 1900 date system, after its 1900 leap-year bug).
double serialDay(const QDate &date)
{
    static const QDate epoch(1899, 12, 30);
    return double(epoch.daysTo(date));
}

QByteArray serialText(double value)
{
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return QByteArray(digits, end - digits);
}

} // namespace

QList<QPair<QString, QByteArray>> xlsxFixedParts()
{
    return {
        {QStringLiteral("[Content_Types].xml"),
         R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>)"},
        {QStringLiteral("_rels/.rels"),
         R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {QStringLiteral("xl/workbook.xml"),
         R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Result" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
        {QStringLiteral("xl/_rels/workbook.xml.rels"),
         R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)"},
        {QStringLiteral("xl/styles.xml"),
         R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd\ hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>)"},
    };
}

void appendXlsxSheetStart(QByteArray &out, const QStringList &names)
{
    out.append(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
               "\n"
               R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
               R"(<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" )"
               R"(activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>)");
    out.append("<row r=\"1\">");
    for (int c = 0; c < names.size(); ++c)
        appendInlineString(out, c, 1, names.at(c).toUtf8(), kHeaderStyle);
    out.append("</row>");
}

void appendXlsxRow(QByteArray &out, const ResultTable &table, int row,
                   const std::vector<int> &columns, qint64 number)
{
    out.append("<row r=\"");
    out.append(QByteArray::number(number));
    out.append("\">");
    for (size_t i = 0; i < columns.size(); ++i) {
        const int column = columns[i];
        const int at = int(i);
        switch (table.kind(row, column)) {
        case Kind::Null:
            break; // no cell: an empty cell, as NULL reads in a spreadsheet
        case Kind::Integer: {
            const qint64 value = table.cell(row, column).toInteger();
            if (value > -kExactInteger && value < kExactInteger)
                appendNumber(out, at, number, QByteArray::number(value));
            else
                appendInlineString(out, at, number, QByteArray::number(value));
            break;
        }
        case Kind::Real: {
            const QByteArrayView digits = table.textUtf8(row, column);
            if (!digits.isEmpty()) { // kept as exact digits: too many for a double
                appendInlineString(out, at, number, digits);
                break;
            }
            const double value = table.cell(row, column).toReal();
            if (std::isfinite(value))
                appendNumber(out, at, number, serialText(value));
            else
                appendInlineString(out, at, number,
                                   table.cell(row, column).toDisplayString().toUtf8());
            break;
        }
        case Kind::Boolean:
            out.append("<c r=\"");
            appendReference(out, at, number);
            out.append(table.cell(row, column).toBoolean() ? "\" t=\"b\"><v>1</v></c>"
                                                           : "\" t=\"b\"><v>0</v></c>");
            break;
        case Kind::String:
            appendInlineString(out, at, number, table.textUtf8(row, column));
            break;
        case Kind::Date: {
            const QDate date = table.cell(row, column).toVariant().toDate();
            if (date.isValid() && date.year() >= 1900)
                appendNumber(out, at, number, serialText(serialDay(date)), kDateStyle);
            else
                appendInlineString(out, at, number, table.textUtf8(row, column));
            break;
        }
        case Kind::DateTime: {
            // The clock time as written (a spreadsheet cell has no time zone).
            const QDateTime when = table.cell(row, column).toVariant().toDateTime();
            if (when.isValid() && when.date().year() >= 1900) {
                const double day = serialDay(when.date()) +
                                   double(when.time().msecsSinceStartOfDay()) / 86400000.0;
                appendNumber(out, at, number, serialText(day), kDateTimeStyle);
            } else {
                appendInlineString(out, at, number, table.textUtf8(row, column));
            }
            break;
        }
        }
    }
    out.append("</row>");
}

void appendXlsxSheetEnd(QByteArray &out)
{
    out.append("</sheetData></worksheet>");
}

} // namespace Halo::detail
