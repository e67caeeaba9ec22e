// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measuring for bench_results: medians, peak memory, and Python's figure on the same bytes.
#include "bench_timing.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <vector>

namespace BenchResults {

// The middle value (the upper one of an even count).
double medianOf(std::vector<double> values);

template <typename Work> double medianMs(int runs, Work work)
{
    return medianOf(timesMs(runs, work));
}

// A field of /proc/self/status in kB (e.g. "VmHWM:"); -1 when it cannot be read.
qint64 statusKb(const char *field);

// Starts a new peak: later VmHWM readings count from the memory in use now.
bool resetPeakMemory();

// Python's figure, or a negative number when there is no python3.
double runPython(const QString &script, const QStringList &arguments);

// Python scripts, given to `python3 -c`: the median ms of decoding an immediate answer (file,
// runs), and the rows per second of decoding pages (a file of bodies, one a line).
extern const char *const kPythonImmediate;
extern const char *const kPythonPages;

} // namespace BenchResults
