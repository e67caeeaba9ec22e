// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_cli_measure.h"

#include <QFile>

#include <algorithm>
#include <string>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace BenchCli {

Run runProcess(const QStringList &arguments, const QStringList &extraEnvironment,
               const QString &outFile, const QString &errFile)
{
    const QString report = outFile + QStringLiteral(".run");
    std::vector<std::string> argStrings{HALO_BENCH_RUN_EXE, outFile.toStdString(),
                                        errFile.toStdString()};
    for (const QString &argument : arguments)
        argStrings.push_back(argument.toStdString());
    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e)
        envStrings.emplace_back(*e);
    for (const QString &entry : extraEnvironment)
        envStrings.push_back(entry.toStdString());
    std::vector<char *> argv;
    for (std::string &s : argStrings)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (std::string &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    const QByteArray reportPath = report.toLocal8Bit();
    posix_spawn_file_actions_addopen(&files, 1, reportPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    Run run;
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    int status = 0;
    if (spawned != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        return run;
    QFile file(report);
    if (!file.open(QIODevice::ReadOnly))
        return run;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() != 4)
        return run;
    run.ok = fields.at(0) == "0";
    run.wallMs = fields.at(1).toDouble() / 1e3;
    run.cpuMs = fields.at(2).toDouble() / 1e3;
    run.maxRssMb = fields.at(3).toDouble() / 1024.0; // kilobytes on Linux
    return run;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray loadAverage()
{
    const QList<QByteArray> fields = readFile(QStringLiteral("/proc/loadavg")).split(' ');
    return fields.size() >= 3 ? fields.mid(0, 3).join(' ') + '\n' : QByteArray("unknown\n");
}

} // namespace BenchCli
