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

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::RegisteredCommands", text);
}

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
        c.console().note(tr("The site has no registered queries."));
        return Success;
    }
    TextTable table({tr("ID"), tr("Name"), tr("Status"), tr("Every"), tr("For"), tr("Succeeded"),
                     tr("Failed"), tr("Last success")});
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
        return c.usage(tr("--name is empty"));
    if (!frequency)
        return c.usage(tr("--frequency: '%1' is not a time like 300, 5m or 1h")
                           .arg(c.value(QStringLiteral("frequency"))));
    if (!duration)
        return c.usage(tr("--duration: '%1' is not a time like 3600, 90m or 24h")
                           .arg(c.value(QStringLiteral("duration"))));
    if (command.text.trimmed().isEmpty())
        return c.usage(tr("the SQL is empty"));
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
        tr("Registered '%1': every %2 for %3.")
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
        {tr("ID"), info.id},
        {tr("Name"), info.name},
        {tr("Status"), info.status},
        {tr("Every"), DurationText::format(info.frequency)},
        {tr("For"), DurationText::format(info.duration)},
        {tr("Created"), timeText(info.createdAt)},
        {tr("Completed"), timeText(info.completedAt)},
        {tr("Last success"), timeText(info.lastSucceededAt)},
        {tr("Last failure"), timeText(info.lastFailedAt)},
        {tr("Succeeded"), QString::number(info.succeededCount)},
        {tr("Failed"), QString::number(info.failedCount)},
        {tr("Last run took"), tr("%1 ms").arg(info.lastExecutionDuration)},
        {tr("Result bytes"), QString::number(info.resultSizeSum)},
        {tr("Last hash"), info.lastHash.isEmpty() ? QStringLiteral("-") : info.lastHash},
    };
    if (info.lastError.isError())
        rows.append({tr("Last error"), info.lastError.oneLine()});
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
        c.console().out() << tr("Cancelled registered query %1.").arg(id) << '\n';
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
