// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the services suites (tst_services*.cpp) share: the sandbox they start, its sample sites
// by name, and a count of the requests a client sent.
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxSamples.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"

#include <QString>

inline const QString kKey = QStringLiteral("services-test-key-5c21e8d04b7a");
// Sample sites of the sandbox (halo-sandbox --print-sites): Harbourside is Best Practice (and an
// older install of it), Wattle Grove is Zedmed, Eastwood was renamed.
inline const QString kHarbourside = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
inline const QString kHarboursideOld = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
inline const QString kHarboursidePmsId = QStringLiteral("BP-20431");
inline const QString kWattleGrove = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
inline const QString kEastwood = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
inline const QString kBestPractice = QStringLiteral("Best Practice");
inline const int kWaitMs = 20000;

inline Sandbox::SandboxOptions options(int resultTtlSeconds = 24 * 3600)
{
    Sandbox::SandboxOptions o = keyedOptions(kKey, 30);
    o.pageBytes = 64 * 1024;
    o.resultTtlSeconds = resultTtlSeconds;
    return o;
}

// The requests the client sent whose path contains `part`.
inline int requestsTo(const Halo::HaloApiClient &client, const QString &part)
{
    int count = 0;
    for (const Halo::LoggedExchange &exchange : client.requestLog()->exchanges()) {
        if (exchange.url.path().contains(part))
            ++count;
    }
    return count;
}
