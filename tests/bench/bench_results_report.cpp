// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_results_report.h"

#include <QStringList>

#include <cstdio>

namespace BenchResults {

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

QString megabytes(double bytes)
{
    return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
}

QString rate(double rowsPerSecond)
{
    return QStringLiteral("%1 M rows/s").arg(rowsPerSecond / 1e6, 0, 'f', 2);
}

QString times(double ratio)
{
    return QStringLiteral("%1x").arg(ratio, 0, 'f', 2);
}

QString verdict(bool known, bool met)
{
    return !known ? QStringLiteral("n/a") : met ? QStringLiteral("met") : QStringLiteral("NOT MET");
}

void printTable(const std::vector<Line> &lines)
{
    const QStringList headers = {QStringLiteral("figure"),          QStringLiteral("Halo Explorer"),
                                 QStringLiteral("Python baseline"), QStringLiteral("ratio"),
                                 QStringLiteral("target"),          QStringLiteral("")};
    std::vector<qsizetype> widths;
    for (const QString &header : headers)
        widths.push_back(header.size());
    const auto cells = [](const Line &line) {
        return QStringList{line.figure, line.ours,   line.baseline,
                           line.ratio,  line.target, line.verdict};
    };
    for (const Line &line : lines) {
        const QStringList row = cells(line);
        for (size_t i = 0; i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(qsizetype(i)).size());
    }
    const auto print = [&](const QStringList &row) {
        QString text;
        for (size_t i = 0; i < widths.size(); ++i)
            text += row.at(qsizetype(i)).leftJustified(widths[i] + 2);
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        std::printf("%s\n", qPrintable(text));
    };
    print(headers);
    for (const Line &line : lines)
        print(cells(line));
}

} // namespace BenchResults
