// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_results_grid.h"

#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QSemaphore>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

using Halo::DecodedResult;
using Halo::ResultDecoder;
using Halo::ResultTableModel;

namespace BenchResults {

StallFigures streamIntoVisibleGrid(const std::vector<QByteArray> &pages)
{
    ResultTableModel model;
    QTableView view;
    view.setModel(&model);
    view.setSortingEnabled(false);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();

    StallFigures figures;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.nsecsElapsed();
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        figures.longestGapMs = qMax(figures.longestGapMs, double(now - lastTick) / 1e6);
        lastTick = now;
        ++figures.ticks;
    });

    // One decoded page at a time waits for the GUI thread: a queue of them would be appended in
    // one go, between two timer ticks.
    QSemaphore room(1);
    std::atomic<int> appended{0};
    QEventLoop loop;
    QObject receiver;
    const auto start = clock.nsecsElapsed();
    // The worker decodes the next page while the GUI thread appends the last one. It runs at
    // idle priority, as decoding should in the application: the GUI thread always gets the CPU.
    std::unique_ptr<QThread> worker(QThread::create([&] {
        for (const QByteArray &body : pages) {
            auto decoded = std::make_shared<DecodedResult>(ResultDecoder::decodeResponseBody(body));
            room.acquire();
            QMetaObject::invokeMethod(
                &receiver,
                [&, decoded] {
                    QElapsedTimer append;
                    append.start();
                    model.appendPage(decoded->table);
                    figures.longestAppendMs =
                        qMax(figures.longestAppendMs, double(append.nsecsElapsed()) / 1e6);
                    room.release();
                    if (++appended == int(pages.size()))
                        loop.quit();
                },
                Qt::QueuedConnection);
        }
    }));
    worker->start(QThread::IdlePriority);
    ticker.start();
    lastTick = clock.nsecsElapsed();
    loop.exec();
    const double seconds = double(clock.nsecsElapsed() - start) / 1e9;
    ticker.stop();
    worker->wait();
    // The grid's last paint is part of the work.
    QCoreApplication::processEvents();
    figures.rowsPerSecond = model.totalRowCount() / seconds;
    return figures;
}

} // namespace BenchResults
