// SPDX-License-Identifier: GPL-3.0-or-later
#include "AsyncQueryCommands.h"

#include "AnswerWait.h"
#include "AsyncQueryFollower.h"
#include "CommandContext.h"
#include "CommandHandlers.h"
#include "Console.h"
#include "DurationText.h"
#include "QueryOutput.h"
#include "api/HaloApiClient.h"
#include "services/AsyncQueryService.h"
#include "services/QueryService.h"

#include <QCoreApplication>
#include <algorithm>
#include <optional>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::AsyncQueryCommands)
};

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return Text::tr("%1 ms").arg(ms);
    return Text::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString bytesText(qint64 bytes)
{
    return Text::tr("%1 bytes").arg(bytes);
}

// "halo-cli --base-url URL query status GUID ID": how to look again later.
QString statusCommand(const CommandContext &c, const QString &guid, const QString &queryId)
{
    return QStringLiteral("halo-cli %1 query status %2 %3")
        .arg(CliSession::selector(c.endpoint()), guid, queryId);
}

int usageForQueryId(CommandContext &c, const QString &queryId)
{
    return c.usage(Text::tr("'%1' is not an async query id (a UUID like "
                            "1366ef6e-5b7c-4f1e-9a8d-2c4b6e0f3a17)")
                       .arg(queryId));
}

QString resultText(const Halo::QueryInfo &info)
{
    if (!info.hasResult)
        return QStringLiteral("-");
    const int pages = int(info.pages.size());
    const QString pageCount = Text::tr("%n page(s)", nullptr, pages);
    if (info.rowsAffected)
        return Text::tr("%n row(s) affected", nullptr, int(*info.rowsAffected));
    return Text::tr("%n row(s), %1 in %2", nullptr, int(info.rows.value_or(0)))
        .arg(bytesText(info.resultSize), pageCount);
}

void printStatus(Console &console, const Halo::QueryInfo &info)
{
    QList<QPair<QString, QString>> rows{
        {Text::tr("Query id"), info.id},
        {Text::tr("Site"), info.siteId},
        {Text::tr("Mode"), info.mode},
        {Text::tr("Status"), info.status},
        {Text::tr("Created"), timeText(info.createdAt)},
        {Text::tr("Updated"), timeText(info.updatedAt)},
        {Text::tr("Completed"), timeText(info.completedAt)},
        {Text::tr("Max time in queue"),
         info.maxTimeInQueue >= 1000 ? Text::tr("%1 (%2 ms)")
                                           .arg(DurationText::format(info.maxTimeInQueue / 1000))
                                           .arg(info.maxTimeInQueue)
                                     : durationText(info.maxTimeInQueue)},
        {Text::tr("Command size"), bytesText(info.commandSize)},
        {Text::tr("Request size"), bytesText(info.requestSize)},
        {Text::tr("Result"), resultText(info)},
    };
    if (info.sqlExecutionDuration)
        rows.append({Text::tr("SQL execution"), durationText(*info.sqlExecutionDuration)});
    if (info.failure.isError())
        rows.append({Text::tr("Error"), info.failure.oneLine()});
    console.out() << keyValueList(rows);

    if (!info.timing.isEmpty()) {
        TextTable timing(
            {Text::tr("State"), Text::tr("Started"), Text::tr("Ended"), Text::tr("Took")});
        timing.setRightAligned(3);
        for (const Halo::StateTiming &state : info.timing) {
            const bool ended = state.start.isValid() && state.end.isValid();
            timing.addRow(
                {state.state, timeText(state.start), timeText(state.end),
                 ended ? durationText(state.start.msecsTo(state.end)) : QStringLiteral("-")});
        }
        console.out() << '\n' << timing.render();
    }
    if (!info.pages.isEmpty()) {
        TextTable pages({Text::tr("Page"), Text::tr("Status"), Text::tr("Rows"),
                         Text::tr("From row"), Text::tr("To row"), Text::tr("Size")});
        for (int column : {0, 2, 3, 4, 5})
            pages.setRightAligned(column);
        for (const Halo::ResultPageInfo &page : info.pages)
            pages.addRow({QString::number(page.number), page.status, QString::number(page.rowCount),
                          QString::number(page.rangeStart), QString::number(page.rangeEnd),
                          bytesText(page.size)});
        console.out() << '\n' << pages.render();
    }
}

// The ids after GUID: each must be a query id before anything is sent.
std::optional<QStringList> queryIds(CommandContext &c, int *status)
{
    const QStringList ids = c.arguments().mid(1);
    for (const QString &id : ids) {
        if (!Halo::AsyncQueryService::isValidQueryId(id)) {
            *status = usageForQueryId(c, id);
            return std::nullopt;
        }
    }
    return ids;
}

} // namespace

namespace AsyncQueryCommands {

int submit(CommandContext &c, const QString &guid, const Halo::QueryCommand &command,
           std::optional<qint64> timeoutSeconds, const Halo::SafetyApproval &approval)
{
    AsyncQueryFollower follower(c.session().queries(), c.console());
    const bool submitOnly = c.isSet(QStringLiteral("submit-only"));
    const AsyncQueryFollower::Result result =
        submitOnly ? follower.submitOnly(guid, command, approval)
                   : follower.run(guid, command, timeoutSeconds, approval);
    using End = AsyncQueryFollower::Result::End;
    switch (result.end) {
    case End::Submitted:
        // Alone on standard output, so ID=$(halo-cli query ... --submit-only ...) works.
        c.console().out() << result.queryId << '\n';
        if (c.endpoint().environment == Halo::Environment::Sandbox)
            c.console().note(
                Text::tr("The sandbox started for this run ends with it, and so does the "
                         "query: to read it later, run halo-sandbox and use --base-url."));
        else
            c.console().note(Text::tr("Submitted; read it with: %1")
                                 .arg(statusCommand(c, guid, result.queryId)));
        return Success;
    case End::Failed:
        return c.failed(result.error);
    case End::PastDeadline:
        return c.console().fail(
            ApiFailure,
            Text::tr(
                "Stopped following async query %1 after %2, its own deadline (its maximum time in "
                "queue, the 5-minute execution limit and the upload, with a margin); last "
                "status: %3. It may still finish: %4")
                .arg(result.queryId, DurationText::format(result.deadlineMs / 1000),
                     result.lastStatus, statusCommand(c, guid, result.queryId)));
    case End::TimedOut:
        if (result.queryId.isEmpty())
            return c.console().fail(
                ApiFailure, Text::tr("Stopped waiting after %1; the query was not confirmed as "
                                     "submitted.")
                                .arg(DurationText::format(*timeoutSeconds)));
        return c.console().fail(
            ApiFailure,
            Text::tr("Stopped waiting after %1 (last status: %2); async query %3 "
                     "carries on at Halo.")
                .arg(DurationText::format(*timeoutSeconds), result.lastStatus, result.queryId));
    case End::NotFinished:
    case End::Finished:
        break;
    }
    QueryOutput::print(c.console(), result.outcome, c.format());
    return Success;
}

} // namespace AsyncQueryCommands

namespace CommandHandlers {

int queryStatus(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString queryId = c.arguments().at(1).trimmed();
    if (!Halo::AsyncQueryService::isValidQueryId(queryId))
        return usageForQueryId(c, queryId);
    if (const int status = c.connect(); status != Success)
        return status;
    Halo::AsyncQueryService service(&c.session().client());
    std::optional<Halo::QueryInfo> info;
    QByteArray body;
    Halo::ApiError error;
    AnswerWait wait;
    QObject::connect(&service, &Halo::AsyncQueryService::statusRead, wait.context(),
                     [&](const Halo::QueryInfo &answer, const QByteArray &answerBody) {
                         info = answer;
                         body = answerBody;
                         wait.done();
                     });
    QObject::connect(&service, &Halo::AsyncQueryService::failed, wait.context(),
                     [&](const Halo::ApiError &failure) {
                         error = failure;
                         wait.done();
                     });
    service.readStatus(guid, queryId);
    wait.wait();
    if (!info)
        return c.failed(error);
    if (c.json())
        c.printJson(body);
    else
        printStatus(c.console(), *info);
    return Success;
}

int queryResults(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString queryId = c.arguments().at(1).trimmed();
    if (!Halo::AsyncQueryService::isValidQueryId(queryId))
        return usageForQueryId(c, queryId);
    if (const int status = c.connect(); status != Success)
        return status;
    AsyncQueryFollower follower(c.session().queries(), c.console());
    const AsyncQueryFollower::Result result = follower.collect(guid, queryId);
    using End = AsyncQueryFollower::Result::End;
    switch (result.end) {
    case End::NotFinished:
        return c.console().fail(
            ApiFailure, Text::tr("Async query %1 has not finished: it is %2. Its results can be "
                                 "read once it is successful; see %3")
                            .arg(queryId, result.lastStatus, statusCommand(c, guid, queryId)));
    case End::Failed:
    case End::PastDeadline:
    case End::TimedOut:
    case End::Submitted:
        return c.failed(result.error);
    case End::Finished:
        break;
    }
    QueryOutput::print(c.console(), result.outcome, c.format());
    return Success;
}

int queryBatchStatus(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    int usageStatus = Success;
    const std::optional<QStringList> ids = queryIds(c, &usageStatus);
    if (!ids)
        return usageStatus;
    if (const int status = c.connect(); status != Success)
        return status;
    Halo::AsyncQueryService service(&c.session().client());
    std::optional<QList<Halo::BatchQueryStatus>> statuses;
    QByteArray body;
    Halo::ApiError error;
    AnswerWait wait;
    QObject::connect(
        &service, &Halo::AsyncQueryService::batchStatusRead, wait.context(),
        [&](const QList<Halo::BatchQueryStatus> &answer, const QByteArray &answerBody) {
            statuses = answer;
            body = answerBody;
            wait.done();
        });
    QObject::connect(&service, &Halo::AsyncQueryService::failed, wait.context(),
                     [&](const Halo::ApiError &failure) {
                         error = failure;
                         wait.done();
                     });
    service.readBatchStatus(guid, *ids);
    wait.wait();
    if (!statuses)
        return c.failed(error);
    if (c.json()) {
        c.printJson(body);
        return Success;
    }
    // One line per id, in the order asked, for scripts to read: id, found or not, status.
    const QString found = Text::tr("found");
    const QString notFound = Text::tr("not found");
    const qsizetype width = std::max(found.size(), notFound.size());
    for (const Halo::BatchQueryStatus &entry : std::as_const(*statuses)) {
        const QString line = entry.found ? entry.queryId + QStringLiteral("  ") +
                                               found.leftJustified(width) + QStringLiteral("  ") +
                                               entry.query.status
                                         : entry.queryId + QStringLiteral("  ") + notFound;
        c.console().out() << line << '\n';
    }
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
