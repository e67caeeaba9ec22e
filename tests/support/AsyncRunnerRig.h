// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the AsyncQueryRunner suites (tst_asyncrunner*.cpp) share: the sandbox they start and a
// recorder of everything a runner says.
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxSamples.h"
#include "net/ApiError.h"
#include "results/ResultDecoder.h"
#include "services/AsyncQueryRunner.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryTypes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

using Halo::AsyncQueryJournal;
using Halo::AsyncQueryRunner;
using Halo::JournalEntry;
using Halo::QueryInfo;

inline const QString kKey = QStringLiteral("asyncrunner-test-key-93be07a1c4d6");

inline Sandbox::SandboxOptions sandboxOptions(int asyncStepMs = 30, qint64 pageBytes = 64 * 1024)
{
    Sandbox::SandboxOptions options = keyedOptions(kKey, asyncStepMs);
    options.pageBytes = pageBytes;
    return options;
}

// Everything a runner says, in the order it says it.
class Recorder : public QObject
{
public:
    explicit Recorder(AsyncQueryRunner *runner)
    {
        connect(runner, &AsyncQueryRunner::submitted, this, [this](const QString &id) {
            events.append(QStringLiteral("submitted"));
            queryId = id;
        });
        connect(runner, &AsyncQueryRunner::stateChanged, this, [this](const QueryInfo &info) {
            events.append(QStringLiteral("state:") + info.status);
            states.append(info);
        });
        connect(runner, &AsyncQueryRunner::polled, this, [this]() { ++polls; });
        connect(runner, &AsyncQueryRunner::pageReady, this,
                [this](const Halo::ResultPageInfo &page, const Halo::DecodedResult &result) {
                    events.append(QStringLiteral("page:%1").arg(page.number));
                    pages.append(page);
                    results.append(result);
                });
        connect(runner, &AsyncQueryRunner::finished, this, [this](const QueryInfo &info) {
            events.append(QStringLiteral("finished"));
            finished.append(info);
        });
        connect(runner, &AsyncQueryRunner::failed, this, [this](const Halo::ApiError &error) {
            events.append(QStringLiteral("failed"));
            errors.append(error);
        });
        connect(runner, &AsyncQueryRunner::stopped, this,
                [this]() { events.append(QStringLiteral("stopped")); });
    }

    // Every signal so far, polls included.
    qsizetype signalCount() const { return events.size() + polls; }
    QStringList statuses() const
    {
        QStringList list;
        for (const QueryInfo &info : states)
            list.append(info.status);
        return list;
    }
    bool isDone() const { return !finished.isEmpty() || !errors.isEmpty(); }

    QStringList events;
    QString queryId;
    QList<QueryInfo> states;
    int polls = 0;
    QList<Halo::ResultPageInfo> pages;
    QList<Halo::DecodedResult> results;
    QList<QueryInfo> finished;
    QList<Halo::ApiError> errors;
};

inline QString describe(const Recorder &recorder)
{
    QString text = recorder.events.join(QStringLiteral(", "));
    for (const Halo::ApiError &error : recorder.errors)
        text += QStringLiteral("; error: ") + error.oneLine();
    return text;
}
