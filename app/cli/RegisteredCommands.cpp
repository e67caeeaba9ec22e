// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "CommandContext.h"
#include "Console.h"
#include "DurationText.h"
#include "JsonText.h"
#include "QueryOptions.h"
#include "QueryOutput.h"
#include "api/RegisteredCalls.h"
#include "net/ApiCall.h"
#include "services/QueryService.h"
#include "sql/QueryTypes.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::RegisteredCommands)
};

} // namespace

namespace CommandHandlers {

int registeredList(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(c.session().client().listRegistered(guid));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json()) {
        c.printJson(reply->body());
        return Success;
    }
    const QList<Halo::RegisteredQueryInfo> list = reply->queries();
    if (list.isEmpty()) {
        c.console().note(Text::tr("The site has no registered queries."));
        return Success;
    }
    TextTable table({Text::tr("ID"), Text::tr("Name"), Text::tr("Status"), Text::tr("Every"),
                     Text::tr("For"), Text::tr("Succeeded"), Text::tr("Failed"),
                     Text::tr("Last success")});
    table.setRightAligned(5);
    table.setRightAligned(6);
    for (const Halo::RegisteredQueryInfo &info : list) {
        table.addRow({info.id, info.name, info.status, DurationText::format(info.frequency),
                      DurationText::format(info.duration), QString::number(info.succeededCount),
                      QString::number(info.failedCount), timeText(info.lastSucceededAt)});
    }
    c.console().out() << table.render();
    return Success;
}

int registeredCreate(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString name = c.value(QStringLiteral("name")).trimmed();
    const auto frequency = DurationText::parse(c.value(QStringLiteral("frequency")));
    const auto duration = DurationText::parse(c.value(QStringLiteral("duration")));
    Halo::QueryCommand command;
    if (const QString problem = QueryOptions::apply(c.invocation(), &command); !problem.isEmpty())
        return c.usage(problem);
    command.text = c.sqlArgument(1);
    if (name.isEmpty())
        return c.usage(Text::tr("--name is empty"));
    if (!frequency)
        return c.usage(Text::tr("--frequency: '%1' is not a time like 300, 5m or 1h")
                           .arg(c.value(QStringLiteral("frequency"))));
    if (!duration)
        return c.usage(Text::tr("--duration: '%1' is not a time like 3600, 90m or 24h")
                           .arg(c.value(QStringLiteral("duration"))));
    if (command.text.trimmed().isEmpty())
        return c.usage(Text::tr("the SQL is empty"));
    // Under the same guard as `query`: it runs again every --frequency.
    const Halo::SafetyApproval approval{c.isSet(QStringLiteral("confirm-production"))};
    if (const int status = c.connectToSend(command, guid, approval); status != Success)
        return status;
    const auto reply = c.session().await(c.session().queries().createRegistered(
        guid, name, *frequency, *duration, command, approval));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json()) {
        c.printJson(reply->body());
        return Success;
    }
    const QString id = reply->id();
    // The id alone on standard output, so ID=$(halo-cli registered create ...) works.
    c.console().out() << id << '\n';
    c.console().note(
        Text::tr("Registered '%1': every %2 for %3.")
            .arg(name, DurationText::format(*frequency), DurationText::format(*duration)));
    return Success;
}

int registeredShow(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString id = c.arguments().at(1);
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(c.session().client().registeredQuery(guid, id));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json()) {
        c.printJson(reply->body());
        return Success;
    }
    const Halo::RegisteredQueryInfo info = reply->query();
    QList<QPair<QString, QString>> rows{
        {Text::tr("ID"), info.id},
        {Text::tr("Name"), info.name},
        {Text::tr("Status"), info.status},
        {Text::tr("Every"), DurationText::format(info.frequency)},
        {Text::tr("For"), DurationText::format(info.duration)},
        {Text::tr("Created"), timeText(info.createdAt)},
        {Text::tr("Completed"), timeText(info.completedAt)},
        {Text::tr("Last success"), timeText(info.lastSucceededAt)},
        {Text::tr("Last failure"), timeText(info.lastFailedAt)},
        {Text::tr("Succeeded"), QString::number(info.succeededCount)},
        {Text::tr("Failed"), QString::number(info.failedCount)},
        {Text::tr("Last run took"), Text::tr("%1 ms").arg(info.lastExecutionDuration)},
        {Text::tr("Result bytes"), QString::number(info.resultSizeSum)},
        {Text::tr("Last hash"), info.lastHash.isEmpty() ? QStringLiteral("-") : info.lastHash},
    };
    if (info.lastError.isError())
        rows.append({Text::tr("Last error"), info.lastError.oneLine()});
    c.console().out() << keyValueList(rows);
    return Success;
}

int registeredResults(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString id = c.arguments().at(1);
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(c.session().client().registeredResults(guid, id));
    if (!reply->ok())
        return c.failed(reply->error());
    QueryOutcome outcome{id,
                         QStringLiteral("successful"),
                         QStringLiteral("registered"),
                         QStringLiteral("reader"),
                         std::nullopt,
                         reply->result(),
                         reply->data().parameters};
    QueryOutput::print(c.console(), outcome, c.format());
    return Success;
}

int registeredCancel(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString id = c.arguments().at(1);
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(c.session().client().cancelRegistered(guid, id));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json())
        c.console().out() << "{\"id\": " << JsonText::quoted(id)
                          << ", \"status\": \"cancelled\"}\n";
    else
        c.console().out() << Text::tr("Cancelled registered query %1.").arg(id) << '\n';
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
