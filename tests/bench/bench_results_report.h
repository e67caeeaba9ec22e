// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// bench_results' table of figures: each line's figure, ours, Python's, the ratio and the target.
#include <QString>

#include <vector>

namespace BenchResults {

struct Line {
    QString figure;
    QString ours;
    QString baseline;
    QString ratio;
    QString target;
    QString verdict;
};

QString ms(double value);
QString megabytes(double bytes);
QString rate(double rowsPerSecond);
QString times(double ratio);
// "met" or "NOT MET"; "n/a" when the figure is not known.
QString verdict(bool known, bool met);

// The lines in aligned columns, under a header, to standard output.
void printTable(const std::vector<Line> &lines);

} // namespace BenchResults
