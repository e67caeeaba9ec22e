// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "AsyncQueryCommands.h"
#include "CommandContext.h"
#include "Console.h"
#include "DurationText.h"
#include "QueryOptions.h"
#include "QueryOutput.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "services/QueryService.h"
#include "sql/QueryTypes.h"

#include <QCoreApplication>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::QueryCommand)
};

int runImmediate(CommandContext &c, const QString &guid, const Halo::QueryCommand &command,
                 const Halo::SafetyApproval &approval)
{
    const auto reply =
        c.session().await(c.session().queries().runImmediate(guid, command, approval));
    if (!reply->ok())
        return c.failed(reply->error());
    const Halo::QueryInfo info = reply->info();
    if (info.failure.isError())
        return c.failed(info.failure);
    QueryOutcome outcome{info.id,
                         info.status,
                         QStringLiteral("immediate"),
                         command.executionMode,
                         info.rowsAffected,
                         reply->result(),
                         info.parameters};
    QueryOutput::print(c.console(), outcome, c.format());
    return Success;
}

} // namespace

namespace CommandHandlers {

int query(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    Halo::QueryCommand command;
    if (const QString problem = QueryOptions::apply(c.invocation(), &command); !problem.isEmpty())
        return c.usage(problem);
    command.text = c.sqlArgument(1);
    if (command.text.trimmed().isEmpty())
        return c.usage(Text::tr("the SQL is empty"));
    std::optional<qint64> timeout;
    if (c.isSet(QStringLiteral("timeout"))) {
        timeout = DurationText::parse(c.value(QStringLiteral("timeout")));
        if (!timeout)
            return c.usage(Text::tr("--timeout: '%1' is not a time like 90s or 10m")
                               .arg(c.value(QStringLiteral("timeout"))));
        if (!c.isSet(QStringLiteral("async")))
            return c.usage(
                Text::tr("--timeout needs --async (an immediate query ends within about 30 s)"));
    }
    if (c.isSet(QStringLiteral("submit-only")) && !c.isSet(QStringLiteral("async")))
        return c.usage(
            Text::tr("--submit-only needs --async (an immediate query answers at once)"));
    // The SafetyPolicy decides before the key is read, and again in QueryService when sending.
    const Halo::SafetyApproval approval{c.isSet(QStringLiteral("confirm-production"))};
    if (const int status = c.connectToSend(command, guid, approval); status != Success)
        return status;
    return c.isSet(QStringLiteral("async"))
               ? AsyncQueryCommands::submit(c, guid, command, timeout, approval)
               : runImmediate(c, guid, command, approval);
}

} // namespace CommandHandlers
} // namespace Cli
