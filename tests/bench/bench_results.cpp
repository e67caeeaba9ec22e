// SPDX-License-Identifier: GPL-3.0-or-later
// Speed of SQL results, from bytes to a grid, against Python's standard library doing the same
// decoding in the same run:
//   (a) an 8 MB immediate query answer, from bytes in memory to a populated ResultTableModel;
//   (b) a 1,000,000-row async result as 100 pages: rows per second and peak memory;
//   (c) the longest stall of the GUI event loop while (b) streams into a visible grid.
// Usage: bench_results [--runs N] [--no-python]. Not a test: it prints figures and targets.

#include "bench_results_bodies.h"
#include "bench_results_grid.h"
#include "bench_results_measure.h"
#include "bench_results_report.h"
#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using Halo::DecodedResult;
using Halo::ResultDecoder;
using Halo::ResultTableModel;
using namespace BenchResults;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype runsAt = arguments.indexOf(QStringLiteral("--runs"));
    const int runs = runsAt < 0 ? 15 : qMax(1, arguments.value(runsAt + 1).toInt());
    const bool python = !arguments.contains(QStringLiteral("--no-python"));
    QTemporaryDir scratch;
    std::vector<Line> lines;

    // (a)
    constexpr int kImmediateRows = 31000;
    const std::string immediateJson = rowsJson(1, kImmediateRows, 1);
    const QByteArray body = immediateBody(immediateJson, kImmediateRows);
    std::printf("(a) immediate answer: %d rows x 9 columns, JSON %s, body %s; median of %d runs\n",
                kImmediateRows, qPrintable(megabytes(double(immediateJson.size()))),
                qPrintable(megabytes(double(body.size()))), runs);
    int rowsSeen = 0;
    const double ours = medianMs(runs, [&] {
        ResultTableModel model;
        model.setTable(std::move(ResultDecoder::decodeResponseBody(body).table));
        rowsSeen = model.rowCount();
    });
    if (rowsSeen != kImmediateRows)
        qFatal("decoded %d rows, expected %d", rowsSeen, kImmediateRows);
    // For comparison: the path through QJsonDocument for the envelope, and a straightforward
    // QJsonDocument + QVariant decode of everything.
    const double viaQJsonEnvelope = medianMs(qMax(3, runs / 3), [&] {
        const QByteArray data = QJsonDocument::fromJson(body)
                                    .object()
                                    .value(QLatin1String("result"))
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toString()
                                    .toLatin1();
        ResultTableModel model;
        model.setTable(std::move(ResultDecoder::decode(data).table));
    });
    const double naive = medianMs(qMax(3, runs / 3), [&] {
        const QByteArray data = QJsonDocument::fromJson(body)
                                    .object()
                                    .value(QLatin1String("result"))
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toString()
                                    .toLatin1();
        const QVariantList rows =
            QJsonDocument::fromJson(QByteArray::fromBase64(data)).array().toVariantList();
        rowsSeen = int(rows.size());
    });
    double pythonMs = -1;
    if (python) {
        const QString path = scratch.filePath(QStringLiteral("immediate.json"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(body) == body.size()) {
            file.close();
            pythonMs = runPython(QString::fromUtf8(kPythonImmediate),
                                 {path, QString::number(qMax(3, runs / 2))});
        }
    }
    const bool pythonKnown = pythonMs > 0;
    lines.push_back({QStringLiteral("(a) 8 MB body -> populated model"), ms(ours),
                     pythonKnown ? ms(pythonMs) : QStringLiteral("n/a"),
                     pythonKnown ? times(pythonMs / ours) + QStringLiteral(" faster") : QString(),
                     QStringLiteral(">= 3x faster"), verdict(pythonKnown, pythonMs >= 3 * ours)});
    lines.push_back({QStringLiteral("    same, QJsonDocument for the envelope"),
                     ms(viaQJsonEnvelope), QString(), QString(), QString(),
                     QStringLiteral("(for comparison)")});
    lines.push_back({QStringLiteral("    QJsonDocument + QVariant for all"), ms(naive), QString(),
                     QString(), QString(), QStringLiteral("(for comparison)")});

    // (b)
    constexpr int kPages = 100;
    constexpr int kRowsPerPage = 10000;
    std::printf("(b) generating %d pages of %d rows...\n", kPages, kRowsPerPage);
    std::vector<QByteArray> pages;
    qint64 jsonBytes = 0;
    for (int page = 0; page < kPages; ++page) {
        const std::string json =
            rowsJson(qint64(page) * kRowsPerPage + 1, kRowsPerPage, quint64(page) + 100);
        jsonBytes += qint64(json.size());
        pages.push_back(pageBody(json, kRowsPerPage));
    }
    qint64 bodyBytes = 0;
    for (const QByteArray &page : pages)
        bodyBytes += page.size();
    std::printf("    decoded JSON %s, page bodies %s, %d decoding threads\n",
                qPrintable(megabytes(double(jsonBytes))), qPrintable(megabytes(double(bodyBytes))),
                QThread::idealThreadCount());

    // Median of three loads; the peak is the largest growth of the three.
    constexpr int kPageRuns = 3;
    bool peakKnown = true;
    qint64 peakGrowthKb = 0;
    qint64 modelBytes = 0;
    std::vector<double> pageSeconds;
    std::vector<double> filterMs;
    double sortMs = 0;
    for (int run = 0; run < kPageRuns; ++run) {
        peakKnown = resetPeakMemory() && peakKnown;
        const qint64 rssBeforeKb = statusKb("VmRSS:");
        {
            QThreadPool pool;
            pool.setMaxThreadCount(QThread::idealThreadCount());
            const size_t ahead = size_t(2 * pool.maxThreadCount());
            std::vector<QFuture<DecodedResult>> decoding(pages.size());
            QElapsedTimer timer;
            timer.start();
            ResultTableModel model;
            for (size_t i = 0; i < qMin(ahead, pages.size()); ++i)
                decoding[i] =
                    QtConcurrent::run(&pool, &ResultDecoder::decodeResponseBody, pages[i]);
            for (size_t i = 0; i < pages.size(); ++i) {
                const DecodedResult page = decoding[i].result();
                decoding[i] = QFuture<DecodedResult>();
                if (i + ahead < pages.size())
                    decoding[i + ahead] = QtConcurrent::run(
                        &pool, &ResultDecoder::decodeResponseBody, pages[i + ahead]);
                model.appendPage(page.table);
            }
            pageSeconds.push_back(double(timer.nsecsElapsed()) / 1e9);
            if (model.totalRowCount() != kPages * kRowsPerPage)
                qFatal("loaded %d rows", model.totalRowCount());
            modelBytes = model.memoryUsed();
            if (run == kPageRuns - 1) {
                // (d) what one keystroke in the result filter costs on this many rows
                for (const QString &text : {QStringLiteral("a"), QStringLiteral("ab"),
                                            QStringLiteral("no such text"), QString()}) {
                    QElapsedTimer filterTimer;
                    filterTimer.start();
                    model.setFilter(text);
                    filterMs.push_back(double(filterTimer.nsecsElapsed()) / 1e6);
                }
                QElapsedTimer sortTimer;
                sortTimer.start();
                model.sort(1);
                sortMs = double(sortTimer.nsecsElapsed()) / 1e6;
                model.sort(-1);
            }
        }
        peakGrowthKb = qMax(peakGrowthKb, statusKb("VmHWM:") - rssBeforeKb);
    }
    const double rowsPerSecond = kPages * kRowsPerPage / medianOf(pageSeconds);
    double pythonRowsPerSecond = -1;
    if (python) {
        const QString path = scratch.filePath(QStringLiteral("pages.txt"));
        QFile file(path);
        bool written = file.open(QIODevice::WriteOnly);
        for (const QByteArray &page : pages)
            written = written && file.write(page + '\n') == page.size() + 1;
        file.close();
        std::vector<double> rates;
        for (int run = 0; written && run < kPageRuns; ++run)
            rates.push_back(runPython(QString::fromUtf8(kPythonPages), {path}));
        pythonRowsPerSecond = medianOf(rates);
        if (rates.empty() || *std::min_element(rates.begin(), rates.end()) <= 0)
            pythonRowsPerSecond = -1;
        file.remove();
    }
    const bool pythonRateKnown = pythonRowsPerSecond > 0;
    lines.push_back({QStringLiteral("(b) 1,000,000 rows in 100 pages (median of 3)"),
                     rate(rowsPerSecond),
                     pythonRateKnown ? rate(pythonRowsPerSecond) : QStringLiteral("n/a"),
                     pythonRateKnown ? times(rowsPerSecond / pythonRowsPerSecond) : QString(),
                     QStringLiteral(">= 5x"),
                     verdict(pythonRateKnown, rowsPerSecond >= 5 * pythonRowsPerSecond)});
    const double peakBytes = double(peakGrowthKb) * 1024;
    lines.push_back({QStringLiteral("(b) peak memory growth (VmHWM)"),
                     peakKnown ? megabytes(peakBytes) : QStringLiteral("n/a"),
                     QStringLiteral("JSON ") + megabytes(double(jsonBytes)),
                     peakKnown ? times(peakBytes / double(jsonBytes)) : QString(),
                     QStringLiteral("< 2x JSON"),
                     verdict(peakKnown, peakBytes < 2.0 * double(jsonBytes))});
    lines.push_back({QStringLiteral("    model's own count of its bytes"),
                     megabytes(double(modelBytes)), QString(),
                     times(double(modelBytes) / double(jsonBytes)), QString(),
                     QStringLiteral("(for comparison)")});

    lines.push_back({QStringLiteral("(d) result filter, one keystroke, 1,000,000 rows"),
                     ms(*std::max_element(filterMs.begin(), filterMs.end())), QString(), QString(),
                     QString(), QStringLiteral("(slowest of 4; the app runs it on a worker)")});
    lines.push_back({QStringLiteral("(d) sort 1,000,000 rows by column 2"), ms(sortMs), QString(),
                     QString(), QString(), QStringLiteral("(GUI thread)")});

    // (c)
    std::printf("(c) streaming the same pages into a visible grid (platform %s)...\n",
                qPrintable(QGuiApplication::platformName()));
    const StallFigures stall = streamIntoVisibleGrid(pages);
    lines.push_back({QStringLiteral("(c) longest GUI event-loop stall"), ms(stall.longestGapMs),
                     QString(), QString(), QStringLiteral("< 30 ms"),
                     verdict(true, stall.longestGapMs < 30)});
    lines.push_back({QStringLiteral("    longest appendPage() on the GUI thread"),
                     ms(stall.longestAppendMs), QString(), QString(), QString(),
                     QStringLiteral("(for comparison)")});
    lines.push_back({QStringLiteral("    rows/s into the visible grid"), rate(stall.rowsPerSecond),
                     QString(), QString(), QString(),
                     QStringLiteral("(%1 timer ticks)").arg(stall.ticks)});

    std::printf("\n");
    printTable(lines);
    return 0;
}
