// SPDX-License-Identifier: GPL-3.0-or-later
// The core objects a MainWindow is made of, their files in a test's temporary folder, over a
// client the test points wherever it wants (a sandbox, a hostile server).
#pragma once

#include "MainWindow.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "services/AvailabilityMonitor.h"
#include "sites/SiteListModel.h"
#include "sites/SiteStore.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "sql/SnippetStore.h"
#include "sql/SqlEditorSession.h"

#include <QString>

#include <memory>

struct WindowParts {
    explicit WindowParts(const QString &dir)
        : store(dir + QStringLiteral("/sites.json"))
        , sites(&store)
        , monitor(&client, &store, &sites)
        , history(dir + QStringLiteral("/history.json"))
        , fhirHistory(dir + QStringLiteral("/fhir-history.json"))
        , snippets(dir + QStringLiteral("/snippets.json"))
        , journal(dir + QStringLiteral("/async.json"))
        , capabilities(dir + QStringLiteral("/capabilities"))
        , sqlEditors(dir + QStringLiteral("/sql-editors.json"))
    {}
    // The window goes first: its views still hold calls of the client.
    ~WindowParts() { window.reset(); }

    // A window over these parts, on the client's endpoint, shown.
    MainWindow *openWindow()
    {
        window = std::make_unique<MainWindow>(
            MainWindow::Parts{&client, &store, &sites, &monitor, &history, &snippets, &journal,
                              &fhirHistory, &capabilities, &sqlEditors});
        window->setEndpoint(client.endpoint());
        window->show();
        return window.get();
    }

    Halo::HaloApiClient client;
    Halo::SiteStore store;
    Halo::SiteListModel sites;
    Halo::AvailabilityMonitor monitor;
    Halo::QueryHistory history;
    Halo::QueryHistory fhirHistory;
    Halo::SnippetStore snippets;
    Halo::AsyncQueryJournal journal;
    Halo::FhirCapabilityCache capabilities;
    Halo::SqlEditorSession sqlEditors;
    std::unique_ptr<MainWindow> window;
};
