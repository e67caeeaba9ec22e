// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli's result path end to end, against the tools a script would otherwise use, in one run:
//   halo-cli --base-url URL query GUID --format csv SQL > file
//   curl ... | jq -r .result.data | base64 -d | jq -r '... @csv' > file
//   python3 bench_cli.py URL SQL > file   (urllib, json, base64, csv)
// One halo-sandbox process answers the query once; its answer (about 8 MB) is then served, as
// sent, by a small server in this process, so every run measures the client alone. Prints median
// wall times, the ratio to halo-cli, peak memory against the body's size, and where halo-cli's
// time goes. The three outputs must hold the same rows: the bench checks before timing.
// Usage: bench_cli [--runs N] [--rows N] [--keep DIR] [--also-cli PATH-OF-ANOTHER-BUILD]. Linux
// only (sockets, posix_spawn, wait4).

#include "CliHarness.h"
#include "bench_cli_measure.h"
#include "bench_cli_rows.h"
#include "bench_cli_server.h"
#include "bench_cli_stages.h"
#include "sql/QueryTypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace BenchCli;

namespace {

// Appointments with their patients, repeated to the size wanted: integers, reals, dates,
// datetimes, text with quotes, line breaks and Unicode, and NULLs.
QString querySql(int rows)
{
    return QStringLiteral(
               "SELECT TOP %1 a.id AS appointment_id, k.n AS copy, a.patient_id, p.title, "
               "p.first_name, p.surname, p.date_of_birth, p.sex, a.start_time, a.duration_min, "
               "a.status, a.reason, a.fee, p.balance, p.suburb, p.phone_mobile, p.notes "
               "FROM appointments a JOIN patients p ON p.id = a.patient_id CROSS JOIN "
               "(SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
               "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) k "
               "ORDER BY k.n, a.id")
        .arg(rows);
}

struct Contender {
    QString name;
    QStringList arguments;
    bool foldNull = false;
    QString missing; // why it cannot run here
    std::vector<Run> runs;
    std::vector<Run> smallRuns;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto option = [&arguments](const char *name, const QString &fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
    };
    const int runs = qMax(1, option("--runs", QStringLiteral("9")).toInt());
    const int rows = qMax(1, option("--rows", QStringLiteral("17500")).toInt());
    const QString keep = option("--keep", QString());
    const QString otherCli = option("--also-cli", QString()); // another build, e.g. before a change

    QTemporaryDir temporary;
    const QString scratch = keep.isEmpty() ? temporary.path() : keep;
    const QString sql = querySql(rows);
    const QString smallSql = querySql(1);

    // The answers, as halo-sandbox sends them.
    QByteArray body;
    QByteArray smallBody;
    {
        CliHarness::SandboxProcess sandbox;
        QString why;
        if (!sandbox.start({QStringLiteral("--key"), QLatin1String(kKey)}, &why)) {
            std::fprintf(stderr, "bench_cli: halo-sandbox did not start: %s\n", qPrintable(why));
            return 1;
        }
        body = askSandbox(sandbox.baseUrl(), sql, &why);
        smallBody = askSandbox(sandbox.baseUrl(), smallSql, &why);
        if (body.isEmpty() || smallBody.isEmpty()) {
            std::fprintf(stderr, "bench_cli: the sandbox did not answer: %s\n", qPrintable(why));
            return 1;
        }
    }
    CannedServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "bench_cli: cannot listen on 127.0.0.1\n");
        return 1;
    }
    const QString url = server.baseUrl() + QStringLiteral("/integrator/sites/") +
                        QLatin1String(kSite) + QStringLiteral("/queries/immediate");
    std::printf("Load average before: %s", loadAverage().constData());
    std::printf("Answer: %.2f MB body (%d rows x 17 columns), served by a canned server on %s\n",
                double(body.size()) / 1e6, rows, qPrintable(server.baseUrl()));

    // The request body curl sends, the same JSON halo-cli sends.
    Halo::QueryCommand command;
    const QString requestFile = scratch + QStringLiteral("/request.json");
    const QString smallRequestFile = scratch + QStringLiteral("/request-1.json");
    for (const QString &path : {requestFile, smallRequestFile}) {
        command.text = path == requestFile ? sql : smallSql;
        QFile request(path);
        request.open(QIODevice::WriteOnly);
        request.write(QJsonDocument(command.bodyJson()).toJson(QJsonDocument::Compact));
    }
    // HOME and XDG folders of its own: halo-cli touches no settings of the user's.
    const QString home = scratch + QStringLiteral("/home");
    QDir().mkpath(home);
    const QStringList environment{QStringLiteral("HALO_KEY=") + QLatin1String(kKey),
                                  QStringLiteral("HOME=") + home,
                                  QStringLiteral("XDG_CONFIG_HOME=") + home + "/.config",
                                  QStringLiteral("XDG_DATA_HOME=") + home + "/.local/share",
                                  QStringLiteral("XDG_CACHE_HOME=") + home + "/.cache"};

    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    std::vector<Contender> contenders;
    contenders.push_back({QStringLiteral("halo-cli"),
                          {QStringLiteral(HALO_CLI_EXE), QStringLiteral("--base-url"),
                           server.baseUrl(), QStringLiteral("query"), QLatin1String(kSite),
                           QStringLiteral("--format"), QStringLiteral("csv"), sql},
                          false,
                          {},
                          {},
                          {}});
    QStringList missing;
    for (const char *tool : {"bash", "curl", "jq", "base64"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            missing.append(QLatin1String(tool));
    }
    // The request body comes from a file, as a script would keep its SQL.
    const QString pipeline = QStringLiteral(
        "set -o pipefail; curl -sS --fail -X POST -H \"Ocp-Apim-Subscription-Key: $HALO_KEY\" "
        "-H 'Content-Type: application/json' --data-binary @\"$1\" \"$2\" | jq -r .result.data | "
        "base64 -d | jq -r '(.[0] | keys_unsorted) as $k | ($k | @csv), (.[] | [.[$k[]]] | "
        "@csv)'");
    contenders.push_back(
        {QStringLiteral("curl | jq | base64 -d | jq"),
         {bash, QStringLiteral("-c"), pipeline, QStringLiteral("bench"), requestFile, url},
         false,
         missing.isEmpty() ? QString()
                           : missing.join(QStringLiteral(", ")) + QStringLiteral(" not found"),
         {},
         {}});
    const QString script = QStringLiteral(HALO_BENCH_SOURCE_DIR "/bench_cli.py");
    contenders.push_back({QStringLiteral("python3 (urllib, json, base64, csv)"),
                          {python, script, url, sql},
                          true,
                          python.isEmpty() ? QStringLiteral("python3 not found") : QString(),
                          {},
                          {}});

    if (!otherCli.isEmpty()) {
        QStringList other = contenders[0].arguments;
        other[0] = otherCli;
        contenders.push_back(
            {QStringLiteral("halo-cli at ") + otherCli,
             other,
             false,
             QFileInfo(otherCli).isExecutable() ? QString() : QStringLiteral("not an executable"),
             {},
             {}});
    }

    const auto outFile = [&scratch](size_t index) {
        return scratch + QStringLiteral("/out-%1.csv").arg(index);
    };
    const auto errFile = [&scratch](size_t index) {
        return scratch + QStringLiteral("/err-%1.txt").arg(index);
    };
    // A first run of each, whose rows are checked against halo-cli's.
    server.setBody(body);
    Records reference;
    for (size_t i = 0; i < contenders.size(); ++i) {
        Contender &contender = contenders[i];
        if (!contender.missing.isEmpty()) {
            std::printf("Skipped %s: %s\n", qPrintable(contender.name),
                        qPrintable(contender.missing));
            continue;
        }
        const Run run = runProcess(contender.arguments, environment, outFile(i), errFile(i));
        if (!run.ok) {
            std::fprintf(stderr, "bench_cli: %s failed: %s\n", qPrintable(contender.name),
                         readFile(errFile(i)).left(500).constData());
            return 1;
        }
        const Records records = parseCsv(readFile(outFile(i)));
        if (i == 0) {
            reference = records;
            if (int(reference.size()) != rows + 1) {
                std::fprintf(stderr, "bench_cli: halo-cli wrote %zu records, not %d\n",
                             reference.size(), rows + 1);
                return 1;
            }
            continue;
        }
        const QString difference = compareRows(reference, records, contender.foldNull);
        if (!difference.isEmpty()) {
            std::fprintf(stderr, "bench_cli: %s and halo-cli differ: %s\n",
                         qPrintable(contender.name), qPrintable(difference));
            return 1;
        }
    }
    std::printf("Rows checked: every contender wrote the same %zu records as halo-cli%s\n",
                reference.size(),
                contenders[2].missing.isEmpty() ? " (Python's csv writes NULL and \"\" alike)"
                                                : "");

    // Timed runs, taking turns, so that the load of the machine weighs on all alike.
    for (int r = 0; r < runs; ++r) {
        for (size_t i = 0; i < contenders.size(); ++i) {
            if (contenders[i].missing.isEmpty())
                contenders[i].runs.push_back(
                    runProcess(contenders[i].arguments, environment, outFile(i), errFile(i)));
        }
    }
    // The same commands on a one-row answer: what each costs before the body's size counts.
    server.setBody(smallBody);
    for (int r = 0; r < 3; ++r) {
        for (size_t i = 0; i < contenders.size(); ++i) {
            if (!contenders[i].missing.isEmpty())
                continue;
            QStringList small = contenders[i].arguments;
            for (QString &argument : small) {
                if (argument == sql)
                    argument = smallSql;
                else if (argument == requestFile)
                    argument = smallRequestFile;
            }
            contenders[i].smallRuns.push_back(
                runProcess(small, environment, outFile(i), errFile(i)));
        }
    }
    std::vector<double> versionMs;
    for (int r = 0; r < 5; ++r)
        versionMs.push_back(runProcess({QStringLiteral(HALO_CLI_EXE), QStringLiteral("--version")},
                                       environment, outFile(9), errFile(9))
                                .wallMs);
    if (server.refused() > 0) {
        std::fprintf(stderr, "bench_cli: the server refused %d requests\n", server.refused());
        return 1;
    }

    const auto statistic = [](const std::vector<Run> &list, double Run::*member, bool peak) {
        std::vector<double> values;
        for (const Run &run : list) {
            if (!run.ok)
                return -1.0;
            values.push_back(run.*member);
        }
        return peak ? *std::max_element(values.begin(), values.end()) : median(values);
    };
    const double bodyMb = double(body.size()) / (1024.0 * 1024.0);
    std::printf(
        "\nMedian of %d runs each, output to a file; peak = max RSS of the largest process\n"
        "(growth: the same command on a one-row answer subtracted; body %.1f MiB)\n\n",
        runs, bodyMb);
    std::printf("%-36s %9s %9s %9s %9s %11s %9s\n", "", "wall ms", "min ms", "CPU ms", "peak MiB",
                "growth MiB", "x body");
    const double cliMedian = statistic(contenders[0].runs, &Run::wallMs, false);
    for (const Contender &contender : contenders) {
        if (!contender.missing.isEmpty())
            continue;
        std::vector<double> walls;
        for (const Run &run : contender.runs)
            walls.push_back(run.wallMs);
        const double wall = statistic(contender.runs, &Run::wallMs, false);
        const double peak = statistic(contender.runs, &Run::maxRssMb, true);
        const double smallPeak = statistic(contender.smallRuns, &Run::maxRssMb, true);
        if (wall < 0 || smallPeak < 0) {
            std::printf("%-36s a run failed\n", qPrintable(contender.name));
            continue;
        }
        std::printf("%-36s %9.0f %9.0f %9.0f %9.1f %11.1f %9.2f\n", qPrintable(contender.name),
                    wall, *std::min_element(walls.begin(), walls.end()),
                    statistic(contender.runs, &Run::cpuMs, false), peak, peak - smallPeak,
                    (peak - smallPeak) / bodyMb);
    }
    std::printf("\n");
    for (size_t i = 1; i < contenders.size(); ++i) {
        if (contenders[i].missing.isEmpty())
            std::printf("halo-cli is %.1fx faster than %s (CPU time: %.1fx less)\n",
                        statistic(contenders[i].runs, &Run::wallMs, false) / cliMedian,
                        qPrintable(contenders[i].name),
                        statistic(contenders[i].runs, &Run::cpuMs, false) /
                            statistic(contenders[0].runs, &Run::cpuMs, false));
    }
    std::printf("\nhalo-cli: --version %.0f ms; a one-row answer %.0f ms (start-up, connect, "
                "request, exit)\n",
                median(versionMs), statistic(contenders[0].smallRuns, &Run::wallMs, false));
    printStages(body, scratch, runs);
    if (contenders[1].missing.isEmpty()) {
        const double ratio = statistic(contenders[1].runs, &Run::wallMs, false) / cliMedian;
        std::printf("\ntarget: at least 6x faster than curl+jq: %s (%.1fx)\n",
                    ratio >= 6 ? "met" : "NOT met", ratio);
    }
    const double growth = statistic(contenders[0].runs, &Run::maxRssMb, true) -
                          statistic(contenders[0].smallRuns, &Run::maxRssMb, true);
    std::printf("Load average after: %s", loadAverage().constData());
    std::printf("target: peak memory growth under 3x the body: %s (%.2fx)\n",
                growth < 3 * bodyMb ? "met" : "NOT met", growth / bodyMb);
    server.stop();
    return 0;
}
