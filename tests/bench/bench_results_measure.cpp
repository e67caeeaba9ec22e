// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_results_measure.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace BenchResults {

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool resetPeakMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

double runPython(const QString &script, const QStringList &arguments)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return -1;
    QProcess process;
    process.start(python, QStringList{QStringLiteral("-c"), script} + arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "python3 failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    return process.readAllStandardOutput().trimmed().toDouble();
}

const char *const kPythonImmediate = R"PY(
import base64, json, statistics, sys, time
body = open(sys.argv[1], "rb").read()
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    json.loads(base64.b64decode(json.loads(body)["result"]["data"]))
    times.append(time.perf_counter() - start)
print(statistics.median(times) * 1000)
)PY";

const char *const kPythonPages = R"PY(
import base64, json, sys, time
pages = [line for line in open(sys.argv[1], "rb").read().split(b"\n") if line]
rows = 0
start = time.perf_counter()
for body in pages:
    rows += len(json.loads(base64.b64decode(json.loads(body)["data"])))
print(rows / (time.perf_counter() - start))
)PY";

} // namespace BenchResults
