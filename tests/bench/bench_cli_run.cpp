// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one command for bench_cli and reports what the kernel counted for it:
//   bench_cli_run OUT ERR COMMAND [ARGUMENT...]
// with the command's standard output in the file OUT and its standard error in ERR. Prints
// "exit wall_us cpu_us max_rss_kb" on its own standard output. A process of its own, and a small
// one: a command started straight from bench_cli would carry bench_cli's peak memory into its own
// (at exec the kernel keeps the peak of the memory the process had before, which after vfork or
// fork is bench_cli's), and a pipeline's peak is that of its largest process.
#include <cstdio>
#include <ctime>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: bench_cli_run OUT ERR COMMAND [ARGUMENT...]\n");
        return 2;
    }
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const pid_t pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        const int in = open("/dev/null", O_RDONLY);
        const int out = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
            _exit(126);
        execv(argv[3], argv + 3);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        return 1;
    timespec end{};
    clock_gettime(CLOCK_MONOTONIC, &end);
    const long long wallUs =
        (end.tv_sec - start.tv_sec) * 1000000LL + (end.tv_nsec - start.tv_nsec) / 1000;
    const long long cpuUs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL +
                            usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    std::printf("%d %lld %lld %ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128, wallUs, cpuUs,
                usage.ru_maxrss);
    return 0;
}
