// SPDX-License-Identifier: GPL-3.0-or-later
// Speed of wide results: pages with tens of thousands of columns, from base64 to a table and
// a grid model, one page and two pages appended. Every step should grow linearly with the
// number of columns; a quadratic step shows as a 100-fold time for a 10-fold width.
// Usage: bench_results_wide [--columns N[,N...]] [--rows N]. Not a test: it prints figures.
#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>

using Halo::DecodedResult;
using Halo::ResultDecoder;
using Halo::ResultTable;
using Halo::ResultTableModel;

namespace {

// Base64 of a JSON array of `rows` row objects with `columns` keys each, as Halo's pages are.
QByteArray widePage(int columns, int rows, int firstRow)
{
    QByteArray json;
    json.reserve(qsizetype(columns) * rows * 16 + 2);
    json.append('[');
    for (int r = 0; r < rows; ++r) {
        json.append(r == 0 ? "{" : ",{");
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                json.append(',');
            json.append("\"column_");
            json.append(QByteArray::number(c));
            json.append("\":");
            json.append(QByteArray::number(qint64(firstRow + r) * columns + c));
        }
        json.append('}');
    }
    json.append(']');
    return json.toBase64();
}

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> widths = {2000, 20000, 200000};
    int rows = 2;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--columns")) {
            widths.clear();
            for (const QString &width : args.at(++i).split(QLatin1Char(',')))
                widths.append(width.toInt());
        } else if (args.at(i) == QLatin1String("--rows")) {
            rows = args.at(++i).toInt();
        }
    }

    std::printf("%10s %6s %12s %12s %14s %14s\n", "columns", "rows", "decode ms", "append ms",
                "model ms", "model+1 ms");
    for (const int columns : widths) {
        const QByteArray first = widePage(columns, rows, 0);
        const QByteArray second = widePage(columns, rows, rows);

        QElapsedTimer clock;
        clock.start();
        const DecodedResult one = ResultDecoder::decode(first);
        const double decodeMs = msSince(clock);
        const DecodedResult two = ResultDecoder::decode(second);

        // Two pages into one table, as halo-cli gathers an async result.
        clock.start();
        ResultTable table = one.table;
        table.append(two.table);
        const double appendMs = msSince(clock);

        // Two pages into the grid's model, as the SQL tab shows them.
        ResultTableModel model;
        clock.start();
        model.appendPage(one.table);
        model.appendPage(two.table);
        const double modelMs = msSince(clock);
        // A third page with one more column.
        ResultTable wider = two.table;
        wider.addColumn(QStringLiteral("extra"));
        clock.start();
        model.appendPage(wider);
        const double widerMs = msSince(clock);

        if (table.columnCount() != columns || table.rowCount() != 2 * rows ||
            model.columnCount() != columns + 1 || model.rowCount() != 3 * rows) {
            std::fprintf(stderr, "wrong shape for %d columns\n", columns);
            return 1;
        }
        std::printf("%10d %6d %12.1f %12.1f %14.1f %14.1f\n", columns, rows, decodeMs, appendMs,
                    modelMs, widerMs);
        std::fflush(stdout);
    }
    return 0;
}
