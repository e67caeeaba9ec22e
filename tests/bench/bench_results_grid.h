// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// (c) of bench_results: pages decoded on a worker, appended on the GUI thread into a visible
// grid, with a 1 ms timer recording the longest gap between its ticks.
#include <QByteArray>

#include <vector>

namespace BenchResults {

struct StallFigures {
    double longestGapMs = 0;
    double longestAppendMs = 0;
    double rowsPerSecond = 0;
    int ticks = 0;
};

StallFigures streamIntoVisibleGrid(const std::vector<QByteArray> &pages);

} // namespace BenchResults
