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

// A decoded query result as a people's table, RFC 4180 CSV, or JSON rows in column order.
class ResultFormatter
{
public:
    // Each cell on one line (line breaks and tabs as \n, \r, \t), long ones cut, NULL as NULL.
    static QString table(const Halo::ResultTable &table);
    // Header row, CRLF line ends, NULL as an empty field, an empty string as "".
    static QString csv(const Halo::ResultTable &table);
    static QString csvField(const QString &text);
    // [{"column": value, ...}, ...] with one row a line, each line indented by `indent`.
    static QString jsonRows(const Halo::ResultTable &table, int indent);
    static QString jsonColumns(const Halo::ResultTable &table);
    static QString jsonCell(const Halo::ResultCell &cell);

    static constexpr int kMaxCellWidth = 60;
};

} // namespace Cli
