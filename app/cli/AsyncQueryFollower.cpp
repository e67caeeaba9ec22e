// SPDX-License-Identifier: GPL-3.0-or-later
#include "AsyncQueryFollower.h"

#include "AnswerWait.h"
#include "Console.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <chrono>
#include <functional>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::AsyncQueryFollower)
};

// Later pages extend the table; text that is not a table is kept as it comes.
void gather(Halo::DecodedResult &all, const Halo::DecodedResult &page)
{
    if (page.isTable()) {
        all.table.append(page.table);
        if (all.shape == Halo::DecodedResult::Empty)
            all.shape = page.shape;
    } else {
        all.shape = page.shape;
        all.rawText += page.rawText;
        all.rawBytes += page.rawBytes;
    }
    if (!page.note.isEmpty())
        all.note = page.note;
}

} // namespace

AsyncQueryFollower::AsyncQueryFollower(Halo::QueryService &queries, Console &console)
    : m_queries(queries)
    , m_console(console)
{}

AsyncQueryFollower::Result AsyncQueryFollower::run(const QString &guid,
                                                   const Halo::QueryCommand &command,
                                                   std::optional<qint64> timeoutSeconds,
                                                   const Halo::SafetyApproval &approval)
{
    Halo::AsyncQueryRunner runner(&m_queries);
    Result result =
        wait(runner, Mode::Follow, timeoutSeconds,
             [&runner, &guid, &command, &approval]() { runner.submit(guid, command, approval); });
    result.outcome.executionMode = command.executionMode;
    return result;
}

AsyncQueryFollower::Result AsyncQueryFollower::submitOnly(const QString &guid,
                                                          const Halo::QueryCommand &command,
                                                          const Halo::SafetyApproval &approval)
{
    Halo::AsyncQueryRunner runner(&m_queries);
    return wait(runner, Mode::SubmitOnly, std::nullopt, [&runner, &guid, &command, &approval]() {
        runner.submit(guid, command, approval);
    });
}

AsyncQueryFollower::Result AsyncQueryFollower::collect(const QString &guid, const QString &queryId)
{
    Halo::AsyncQueryRunner runner(&m_queries);
    Result result = wait(runner, Mode::Collect, std::nullopt,
                         [&runner, &guid, &queryId]() { runner.collect(guid, queryId); });
    result.queryId = queryId;
    // The status does not say how the query was run: its rowsAffected tells a nonQuery.
    result.outcome.executionMode =
        result.outcome.rowsAffected ? QStringLiteral("nonQuery") : QStringLiteral("reader");
    return result;
}

AsyncQueryFollower::Result AsyncQueryFollower::wait(Halo::AsyncQueryRunner &runner, Mode mode,
                                                    std::optional<qint64> timeoutSeconds,
                                                    const std::function<void()> &start)
{
    using Halo::AsyncQueryRunner;
    Result result;
    result.outcome.mode = QStringLiteral("async");
    QElapsedTimer clock;
    QTimer timeout;
    timeout.setSingleShot(true);
    AnswerWait answer;

    QObject::connect(&runner, &AsyncQueryRunner::submitted, answer.context(),
                     [this, mode, &result, &runner, &answer](const QString &queryId) {
                         result.queryId = queryId;
                         if (mode != Mode::SubmitOnly) {
                             m_console.note(Text::tr("Submitted async query %1.").arg(queryId));
                             return;
                         }
                         result.end = Result::End::Submitted;
                         runner.stop(); // the query carries on at Halo
                         answer.done();
                     });
    QObject::connect(&runner, &AsyncQueryRunner::stateChanged, answer.context(),
                     [this, mode, &result, &clock](const Halo::QueryInfo &info) {
                         result.lastStatus = info.status;
                         if (mode != Mode::Follow)
                             return;
                         const double seconds = double(clock.elapsed()) / 1000.0;
                         m_console.note(
                             Text::tr("%1 (%2 s)").arg(info.status).arg(seconds, 0, 'f', 1));
                     });
    QObject::connect(&runner, &AsyncQueryRunner::pageReady, answer.context(),
                     [&result](const Halo::ResultPageInfo &, const Halo::DecodedResult &page,
                               const QList<Halo::OutputParameter> &parameters) {
                         gather(result.outcome.result, page);
                         if (!parameters.isEmpty())
                             result.outcome.parameters = parameters;
                     });
    QObject::connect(&runner, &AsyncQueryRunner::finished, answer.context(),
                     [&result, &answer](const Halo::QueryInfo &info) {
                         result.end =
                             info.failure.isError() ? Result::End::Failed : Result::End::Finished;
                         result.error = info.failure;
                         result.lastStatus = info.status;
                         result.outcome.id = info.id.isEmpty() ? result.queryId : info.id;
                         result.outcome.status = info.status;
                         result.outcome.rowsAffected = info.rowsAffected;
                         answer.done();
                     });
    QObject::connect(&runner, &AsyncQueryRunner::notFinished, answer.context(),
                     [&result, &answer](const Halo::QueryInfo &info) {
                         result.end = Result::End::NotFinished;
                         result.lastStatus = info.status;
                         answer.done();
                     });
    QObject::connect(&runner, &AsyncQueryRunner::failed, answer.context(),
                     [&result, &runner, &answer](const Halo::ApiError &error) {
                         result.end = runner.isPastDeadline() ? Result::End::PastDeadline
                                                              : Result::End::Failed;
                         result.error = error;
                         result.deadlineMs = runner.deadlineMs();
                         result.lastStatus = runner.lastInfo().status;
                         answer.done();
                     });
    QObject::connect(&timeout, &QTimer::timeout, answer.context(), [&result, &runner, &answer] {
        result.end = Result::End::TimedOut;
        runner.stop();
        answer.done();
    });

    clock.start();
    if (timeoutSeconds)
        timeout.start(std::chrono::seconds(*timeoutSeconds));
    start();
    answer.wait();
    return result;
}

} // namespace Cli
