#include "AsyncQueryFollower.h"

#include "Console.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <chrono>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::AsyncQueryFollower", text);
}

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
    using Halo::AsyncQueryRunner;
    Result result;
    result.outcome.mode = QStringLiteral("async");
    result.outcome.executionMode = command.executionMode;
    AsyncQueryRunner runner(&m_queries);
    QElapsedTimer clock;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);

    QObject::connect(&runner, &AsyncQueryRunner::submitted, &loop,
                     [this, &result](const QString &queryId) {
                         result.queryId = queryId;
                         m_console.note(tr("Submitted async query %1.").arg(queryId));
                     });
    QObject::connect(&runner, &AsyncQueryRunner::stateChanged, &loop,
                     [this, &result, &clock](const Halo::QueryInfo &info) {
                         result.lastStatus = info.status;
                         const double seconds = double(clock.elapsed()) / 1000.0;
                         m_console.note(tr("%1 (%2 s)").arg(info.status).arg(seconds, 0, 'f', 1));
                     });
    QObject::connect(&runner, &AsyncQueryRunner::pageReady, &loop,
                     [&result](const Halo::ResultPageInfo &, const Halo::DecodedResult &page,
                               const QList<Halo::OutputParameter> &parameters) {
                         gather(result.outcome.result, page);
                         if (!parameters.isEmpty())
                             result.outcome.parameters = parameters;
                     });
    QObject::connect(
        &runner, &AsyncQueryRunner::finished, &loop, [&result, &loop](const Halo::QueryInfo &info) {
            result.end = info.failure.isError() ? Result::End::Failed : Result::End::Finished;
            result.error = info.failure;
            result.outcome.id = info.id.isEmpty() ? result.queryId : info.id;
            result.outcome.status = info.status;
            result.outcome.rowsAffected = info.rowsAffected;
            loop.quit();
        });
    QObject::connect(&runner, &AsyncQueryRunner::failed, &loop,
                     [&result, &loop](const Halo::ApiError &error) {
                         result.end = Result::End::Failed;
                         result.error = error;
                         loop.quit();
                     });
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&result, &runner, &loop] {
        result.end = Result::End::TimedOut;
        runner.stop();
        loop.quit();
    });

    clock.start();
    if (timeoutSeconds)
        deadline.start(std::chrono::seconds(*timeoutSeconds));
    runner.submit(guid, command, approval);
    loop.exec();
    return result;
}

} // namespace Cli
