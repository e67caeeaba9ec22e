// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Timing work in the bench's own process (bench_cli, bench_results).
#include <QElapsedTimer>

#include <vector>

// The wall time of each of `runs` calls of `work`, in milliseconds, in the order they ran.
template <typename Work> std::vector<double> timesMs(int runs, Work &&work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return times;
}
