// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A sandbox on 127.0.0.1 and a client pointed at it, both in the test thread.
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"

#include <QtTest>

// Options for a sandbox that takes `key`, where an async query spends `asyncStepMs` in each state.
inline Sandbox::SandboxOptions keyedOptions(const QString &key, int asyncStepMs)
{
    Sandbox::SandboxOptions options;
    options.key = key;
    options.asyncStepMs = asyncStepMs;
    return options;
}

struct SandboxRig {
    explicit SandboxRig(const Sandbox::SandboxOptions &options)
        : server(options)
    {
        port = server.listen();
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(options.key);
    }
    Sandbox::SandboxServer server;
    Halo::HaloApiClient client;
    quint16 port = 0;
};

#define START_RIG(name, options)                                                                   \
    SandboxRig name(options);                                                                      \
    QVERIFY2(name.port != 0, qPrintable(name.server.errorString()))
