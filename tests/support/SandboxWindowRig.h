// SPDX-License-Identifier: GPL-3.0-or-later
// The core objects a MainWindow is made of (WindowParts) over a sandbox on loopback that takes
// `key`, and the sandbox's sample practices to save in the list as the window records them.
#pragma once

#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "WindowParts.h"

#include <QtTest>

// The first sample practice that plays `scenario`, a Best Practice one when there is one.
inline const Sandbox::SampleSite &sampleSite(Sandbox::SiteScenario scenario)
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario && site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario)
            return site;
    }
    qFatal("no sample site for the scenario");
}

struct SandboxWindowRig : WindowParts {
    SandboxWindowRig(const QString &dir, const QString &key)
        : WindowParts(dir)
        , server(options(key))
    {
        port = server.listen();
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(key);
    }
    ~SandboxWindowRig() { window.reset(); } // before the server it talks to
    static Sandbox::SandboxOptions options(const QString &key)
    {
        Sandbox::SandboxOptions options;
        options.key = key;
        return options;
    }
    // Saved as recorded at onboarding: the practice's name as it was then.
    bool addSite(const Sandbox::SampleSite &sample)
    {
        Halo::SiteRecord record;
        record.environment = QStringLiteral("sandbox");
        record.guid = sample.guid;
        record.pmsType = sample.pmsType;
        record.pmsId = sample.pmsId;
        record.recorded.practiceName = sample.recordedPracticeName;
        record.addedAt = QDateTime::currentDateTimeUtc();
        return store.add(record);
    }

    Sandbox::SandboxServer server;
    quint16 port = 0;
};
