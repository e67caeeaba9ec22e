// SPDX-License-Identifier: GPL-3.0-or-later
// How long the GUI thread stalls when the user sorts or copies a very large result, through
// the product's own widgets (the SQL tab's results area, offscreen): 1,000,000 rows of 9
// columns (bench_results' rows) shown as the SQL tab shows pages, then
//   (e) header clicks that sort it (a mouse press and release on the header, as a user's);
//   (f) Ctrl+C on a selection of 1,000,000 cells (500,000 rows x 2 columns).
// A 1 ms timer records the longest gap between its ticks from the event to the result shown
// (or on the clipboard). For comparison it prints what the same work costs when done at once
// on the GUI thread (ResultTableModel::sort, ResultExport::toTsv).
// Usage: bench_results_gui [--rows N] [--runs N]. Not a test: it prints figures and a target.

#include "bench_results_bodies.h"
#include "results/ResultDecoder.h"
#include "results/ResultExport.h"
#include "results/ResultTableModel.h"
#include "sql/FilterHeader.h"
#include "sql/ResultFilterRunner.h"
#include "sql/ResultGrid.h"
#include "sql/SqlResultsArea.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace BenchResults;

namespace {

constexpr double kTargetMs = 30;

struct Stall {
    double longestGapMs = 0;
    double doneMs = 0; // from the event to the result shown
};

// Runs the event loop from `start` (called from the loop, as a user's event would be) until
// `done` holds, then 100 ms more for the paint that follows, timing the gaps of a 1 ms timer.
Stall measure(const std::function<void()> &start, const std::function<bool()> &done)
{
    Stall stall;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.nsecsElapsed();
    qint64 started = 0;
    qint64 finished = -1;
    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.nsecsElapsed();
        stall.longestGapMs = std::max(stall.longestGapMs, double(now - lastTick) / 1e6);
        lastTick = now;
        if (finished < 0 && started > 0 && done())
            finished = now;
        if (finished >= 0 && now - finished > 100'000'000)
            loop.quit();
    });
    ticker.start();
    QTimer::singleShot(20, &loop, [&] {
        started = clock.nsecsElapsed();
        start();
    });
    lastTick = clock.nsecsElapsed();
    loop.exec();
    stall.doneMs = double(finished - started) / 1e6;
    return stall;
}

void click(QHeaderView *header, int section)
{
    QWidget *viewport = header->viewport();
    const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                    viewport->height() / 2);
    const QPoint global = viewport->mapToGlobal(at);
    QMouseEvent press(QEvent::MouseButtonPress, at, global, Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QApplication::sendEvent(viewport, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, global, Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(viewport, &release);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

const char *verdict(double ms)
{
    return ms < kTargetMs ? "met" : "NOT met";
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype rowsAt = arguments.indexOf(QStringLiteral("--rows"));
    const int rows = rowsAt < 0 ? 1000000 : std::max(20000, arguments.value(rowsAt + 1).toInt());
    const qsizetype runsAt = arguments.indexOf(QStringLiteral("--runs"));
    const int runs = runsAt < 0 ? 3 : std::max(1, arguments.value(runsAt + 1).toInt());
    constexpr int kRowsPerPage = 10000;

    std::printf("decoding %d rows x 9 columns in pages of %d...\n", rows, kRowsPerPage);
    std::vector<int> firsts;
    for (int first = 0; first < rows; first += kRowsPerPage)
        firsts.push_back(first);
    const QList<Halo::DecodedResult> pages =
        QtConcurrent::blockingMapped<QList<Halo::DecodedResult>>(firsts, [&](int first) {
            const int count = std::min(kRowsPerPage, rows - first);
            const std::string json = rowsJson(first + 1, count, quint64(first) + 100);
            return Halo::ResultDecoder::decodeResponseBody(pageBody(json, count));
        });

    // The SQL tab's lower half, as the window shows it, filled page by page as an async result.
    SqlResultsArea area;
    area.resize(1280, 800);
    area.show();
    for (qsizetype i = 0; i < pages.size(); ++i)
        area.showDecoded(pages.at(i), i == 0);
    QCoreApplication::processEvents();
    Halo::ResultTableModel *model = area.model();
    auto *grid = area.findChild<ResultGrid *>();
    if (!grid || model->totalRowCount() != rows)
        qFatal("the grid holds %d rows, expected %d", model->totalRowCount(), rows);
    QHeaderView *header = grid->horizontalHeader();
    ResultFilterRunner *runner = grid->filterRunner();

    // (e) header clicks: surname ascending, descending, back to arrival order; patient_id.
    std::printf("(e) sorting %d rows by a header click, %d run(s) of each click\n", rows, runs);
    struct Click {
        const char *what;
        int section;
        int sortColumn; // what the model shows afterwards
        Qt::SortOrder order;
    };
    const std::vector<Click> clicks = {
        {"surname (text), ascending", 1, 1, Qt::AscendingOrder},
        {"surname, descending", 1, 1, Qt::DescendingOrder},
        {"third click: order of arrival", 1, -1, Qt::AscendingOrder},
        {"patient_id (integer), ascending", 0, 0, Qt::AscendingOrder},
        {"patient_id, descending", 0, 0, Qt::DescendingOrder},
        {"third click: order of arrival", 0, -1, Qt::AscendingOrder},
    };
    double worstSort = 0;
    for (int run = 0; run < runs; ++run) {
        for (const Click &c : clicks) {
            double clickMs = 0;

            const Stall stall = measure(
                [&] {
                    QElapsedTimer handling;
                    handling.start();
                    click(header, c.section);
                    clickMs = msSince(handling);
                },
                [&] {
                    return !runner->isSorting() && model->sortColumn() == c.sortColumn &&
                           (c.sortColumn < 0 || model->sortOrder() == c.order);
                });
            worstSort = std::max(worstSort, stall.longestGapMs);
            std::printf("    %-34s longest GUI stall %6.1f ms (the click itself %4.1f ms); "
                        "sorted after %6.0f ms\n",
                        c.what, stall.longestGapMs, clickMs, stall.doneMs);
        }
    }
    // What a click cost before: the same sort on the GUI thread.
    Halo::ResultTableModel inline_;
    inline_.setTable(Halo::ResultTable(model->table()));
    QElapsedTimer sortTimer;
    sortTimer.start();
    inline_.sort(1);
    const double inlineSortMs = msSince(sortTimer);
    inline_.clear();

    // (f) Ctrl+C on 1,000,000 cells.
    const int copyRows = std::min(rows, 500000);
    std::printf("(f) copying %d rows x 2 columns (%d cells) with Ctrl+C, %d run(s)\n", copyRows,
                copyRows * 2, runs);
    QAbstractItemModel *shown = grid->model();
    // Selecting that many cells is a stall of its own (the repaint that follows): measured
    // too, since a stall there would be charged to the first Ctrl+C.
    const Stall selecting = measure(
        [&] {
            grid->selectionModel()->select(
                QItemSelection(shown->index(0, 0), shown->index(copyRows - 1, 1)),
                QItemSelectionModel::ClearAndSelect);
            grid->setFocus();
        },
        [] { return true; });
    std::printf("    selecting them and focusing the grid: longest GUI stall %6.1f ms\n",
                selecting.longestGapMs);
    double worstCopy = 0;
    bool copied = false;
    QObject::connect(grid, &ResultGrid::copyFinished, grid, [&](bool ok) { copied = ok; });
    for (int run = 0; run < runs; ++run) {
        QApplication::clipboard()->setText(QStringLiteral("before"));
        copied = false;
        const Stall stall = measure(
            [&] {
                QKeyEvent press(QEvent::KeyPress, Qt::Key_C, Qt::ControlModifier,
                                QStringLiteral("c"));
                QApplication::sendEvent(grid, &press);
                QKeyEvent release(QEvent::KeyRelease, Qt::Key_C, Qt::ControlModifier,
                                  QStringLiteral("c"));
                QApplication::sendEvent(grid, &release);
            },
            [&] { return copied; });
        const QString text = QApplication::clipboard()->text();
        if (text.count(QLatin1Char('\n')) != copyRows + 1)
            qFatal("the clipboard holds %lld lines, expected %d",
                   static_cast<long long>(text.count(QLatin1Char('\n'))), copyRows + 1);
        worstCopy = std::max(worstCopy, stall.longestGapMs);
        std::printf("    Ctrl+C                             longest GUI stall %6.1f ms; on the "
                    "clipboard after %6.0f ms (%s)\n",
                    stall.longestGapMs, stall.doneMs,
                    qPrintable(QLocale::c().formattedDataSize(text.size() * 2)));
    }
    QElapsedTimer copyTimer;
    copyTimer.start();
    const QString atOnce = grid->selectionAsTsv(); // ResultExport::toTsv of the selection
    const double inlineCopyMs = msSince(copyTimer);

    std::printf("\n| figure | longest GUI stall | target | the same work at once on the GUI "
                "thread |\n|---|---|---|---|\n");
    std::printf("| (e) sort %d rows by a header click | %.1f ms | < %.0f ms: %s | %.0f ms "
                "(ResultTableModel::sort, surname) |\n",
                rows, worstSort, kTargetMs, verdict(worstSort), inlineSortMs);
    std::printf("| (f) Ctrl+C of %d cells | %.1f ms | < %.0f ms: %s | %.0f ms "
                "(ResultExport::toTsv, %lld characters) |\n",
                copyRows * 2, worstCopy, kTargetMs, verdict(worstCopy), inlineCopyMs,
                static_cast<long long>(atOnce.size()));
    std::printf("| (f) selecting those cells | %.1f ms | < %.0f ms: %s | |\n",
                selecting.longestGapMs, kTargetMs, verdict(selecting.longestGapMs));
    return 0;
}
