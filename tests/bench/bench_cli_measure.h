// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Measuring a command for bench_cli: one run of it, medians, and how busy the machine was.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace BenchCli {

// ---- One process run, through bench_cli_run (see there why): wall time from its start to its
// exit, and the kernel's account of its CPU time and peak resident memory.

struct Run {
    bool ok = false;
    double wallMs = 0;
    double cpuMs = 0;
    double maxRssMb = 0;
};

// Runs `arguments` with `extraEnvironment` added, its standard output to `outFile` and its
// standard error to `errFile`.
Run runProcess(const QStringList &arguments, const QStringList &extraEnvironment,
               const QString &outFile, const QString &errFile);

// The middle value, or the mean of the two middle values.
double median(std::vector<double> values);

// The whole file; empty when it cannot be read.
QByteArray readFile(const QString &path);

// Wall times mean little on a machine busy with other work: say how busy it was.
QByteArray loadAverage();

} // namespace BenchCli
