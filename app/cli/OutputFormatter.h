// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Halo {
class ResultCell;
class ResultTable;
} // namespace Halo

namespace Cli {

class OutputBuffer;

enum class ResultFormat { Table, Csv, Json };

// Aligned plain-text columns for people: a header, a rule, then one line per row.
class TextTable
{
public:
    explicit TextTable(const QStringList &headers);

    void setRightAligned(int column);
    void addRow(const QStringList &cells);
    QString render() const;

    // Terminal columns the text takes: combining marks take none, wide characters two.
    static int displayWidth(const QString &text);

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<bool> m_rightAligned;
};

// A time for people and scripts alike: ISO 8601 in UTC, "-" when there is none.
QString timeText(const QDateTime &time);

// "Label   value" lines for one object, the values aligned.
QString keyValueList(const QList<QPair<QString, QString>> &rows);

// A decoded query result as a people's table, RFC 4180 CSV, or JSON rows in column order, written
// from the table's own storage (UTF-8 text, numbers as numbers) into an OutputBuffer: no QString
// per cell.
class ResultFormatter
{
public:
    // Each cell on one line (line breaks and tabs as \n, \r, \t), long ones cut, NULL as NULL.
    static void writeTable(const Halo::ResultTable &table, OutputBuffer &out);
    // Header row, CRLF line ends, NULL as an empty field, an empty string as "".
    static void writeCsv(const Halo::ResultTable &table, OutputBuffer &out);
    // [{"column": value, ...}, ...] with one row a line, each line indented by `indent`.
    static void writeJsonRows(const Halo::ResultTable &table, int indent, OutputBuffer &out);
    static QByteArray jsonColumns(const Halo::ResultTable &table);
    static QByteArray jsonCell(const Halo::ResultCell &cell);

    static constexpr int kMaxCellWidth = 60;
};

} // namespace Cli
