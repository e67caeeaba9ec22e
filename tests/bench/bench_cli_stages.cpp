// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_cli_stages.h"

#include "Console.h"
#include "QueryOutput.h"
#include "bench_cli_measure.h"
#include "bench_timing.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <optional>
#include <utility>

namespace BenchCli {

namespace {

template <typename F> double medianMs(int runs, F &&work)
{
    return median(timesMs(runs, work));
}

} // namespace

void printStages(const QByteArray &body, const QString &scratch, int runs)
{
    std::printf("\nInside halo-cli, on the same body (median of %d):\n", runs);
    const double envelope = medianMs(runs, [&body] {
        const Halo::QueryInfo info =
            Halo::QueryInfo::fromJson(QJsonDocument::fromJson(body).object());
        Q_UNUSED(Cli::decodeResultData(info.data));
    });
    std::printf("  QJsonDocument + QueryInfo::fromJson + decode(data)  %7.1f ms\n", envelope);
    Halo::DecodedResult result;
    const double fast = medianMs(
        runs, [&body, &result] { result = Halo::ResultDecoder::decodeResponseBody(body); });
    std::printf("  ResultDecoder::decodeResponseBody                   %7.1f ms  (%d rows)\n", fast,
                result.table.rowCount());
    const Cli::QueryOutcome outcome{QStringLiteral("id"),
                                    QStringLiteral("successful"),
                                    QStringLiteral("immediate"),
                                    QStringLiteral("reader"),
                                    std::nullopt,
                                    result,
                                    {}};
    for (const auto &[format, name] :
         {std::pair{Cli::ResultFormat::Csv, "csv"}, std::pair{Cli::ResultFormat::Json, "json"},
          std::pair{Cli::ResultFormat::Table, "table"}}) {
        qint64 written = 0;
        const double ms = medianMs(runs, [&] {
            QFile file(scratch + QStringLiteral("/stage.out"));
            file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered);
            QFile in;
            QTextStream out(&file);
            QTextStream err(stderr);
            Cli::Console console(out, err, in);
            Cli::QueryOutput::print(console, outcome, format);
            out.flush();
            written = file.size();
        });
        std::printf("  QueryOutput::print --format %-5s to a file          %7.1f ms  (%.1f MB)\n",
                    name, ms, double(written) / 1e6);
    }
}

} // namespace BenchCli
