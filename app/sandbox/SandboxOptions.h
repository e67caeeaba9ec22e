// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Sandbox {

// A fault injected on requests whose path contains `pathPart` (empty: every request).
struct FaultRule {
    QString pathPart;
    int status = 500;   // HTTP status to answer with; 0 = drop the connection without answering
    int remaining = -1; // how many requests to affect; -1 = all
    QString location;   // for 3xx statuses: where to redirect (tests that the key stays home)
};

// Everything that can be tuned from the command line or by an embedding program.
struct SandboxOptions {
    quint16 port = 0;          // 0 = any free port
    QString key;               // empty = generate one
    int latencyMs = 0;         // added before every response
    int rateLimitRequests = 0; // 0 = no limit; else allowed requests per window
    int rateLimitWindowSeconds = 60;
    QList<FaultRule> faults;
    int immediateTimeoutMs = 30000;               // immediate query longer than this: 504
    qint64 immediateLimitBytes = 8 * 1024 * 1024; // immediate result larger: 413
    int asyncStepMs = 500;                        // time an async query spends in each state
    qint64 pageBytes = 1024 * 1024;               // async result page size (roughly)
    int resultTtlSeconds = 24 * 3600;             // async results expire: 410
    int fhirPageSize = 20;                        // default _count

    // What the command line asks for besides running: --help or --version.
    enum class Request { Run, Help, Version };

    // Parses `--flag value` or `--flag=value` arguments (the first is the program's name) with
    // QCommandLineParser; returns an error message, empty on success. Without `request`,
    // --help and --version are not recognised.
    static QString parse(const QStringList &arguments, SandboxOptions *options, bool *printSites,
                         Request *request = nullptr);
    static QString helpText();
};

} // namespace Sandbox
