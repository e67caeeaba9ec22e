#include "CommandHandlers.h"

#include "AsyncQueryCommands.h"
#include "CommandContext.h"
#include "Console.h"
#include "DurationText.h"
#include "QueryOutput.h"
#include "net/ApiCall.h"
#include "sql/QueryTypes.h"

#include <QCoreApplication>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::QueryCommand", text);
}

int runImmediate(CommandContext &c, const QString &guid, const Halo::QueryCommand &command)
{
    const auto reply = c.session().await(c.session().client().runImmediate(guid, command));
    if (!reply->ok())
        return c.failed(reply->error());
    const Halo::QueryInfo info = Halo::QueryInfo::fromJson(reply->jsonObject());
    if (info.failure.isError())
        return c.failed(info.failure);
    QueryOutcome outcome{info.id,
                         info.status,
                         QStringLiteral("immediate"),
                         command.executionMode,
                         info.rowsAffected,
                         decodeResultData(info.data),
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
    command.text = c.sqlArgument(1);
    command.executionMode = c.value(QStringLiteral("mode"), QStringLiteral("reader"));
    command.catalogue = c.value(QStringLiteral("catalogue")).trimmed();
    if (command.text.trimmed().isEmpty())
        return c.usage(tr("the SQL is empty"));
    std::optional<qint64> timeout;
    if (c.isSet(QStringLiteral("timeout"))) {
        timeout = DurationText::parse(c.value(QStringLiteral("timeout")));
        if (!timeout)
            return c.usage(tr("--timeout: '%1' is not a time like 90s or 10m")
                               .arg(c.value(QStringLiteral("timeout"))));
        if (!c.isSet(QStringLiteral("async")))
            return c.usage(
                tr("--timeout needs --async (an immediate query ends within about 30 s)"));
    }
    if (c.isSet(QStringLiteral("submit-only")) && !c.isSet(QStringLiteral("async")))
        return c.usage(tr("--submit-only needs --async (an immediate query answers at once)"));
    if (Halo::isProduction(c.endpoint().environment) &&
        command.executionMode == QLatin1String("nonQuery") &&
        !c.isSet(QStringLiteral("confirm-production")))
        return c.usage(tr("nonQuery on Production changes a live practice database; add "
                          "--confirm-production to run it"));
    if (const int status = c.connect(); status != Success)
        return status;
    return c.isSet(QStringLiteral("async")) ? AsyncQueryCommands::submit(c, guid, command, timeout)
                                            : runImmediate(c, guid, command);
}

} // namespace CommandHandlers
} // namespace Cli
