// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliCommands.h"

#include "CommandContext.h"
#include "CommandHandlers.h"
#include "Console.h"

#include <QCoreApplication>
#include <QHash>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::CliCommands)
};

using Handler = int (*)(CommandContext &);

Handler handlerFor(const QString &command)
{
    using namespace CommandHandlers;
    static const QHash<QString, Handler> handlers{
        {QStringLiteral("key set"), &keySet},
        {QStringLiteral("key forget"), &keyForget},
        {QStringLiteral("sites find"), &sitesFind},
        {QStringLiteral("site status"), &siteStatus},
        {QStringLiteral("site reresolve"), &siteReresolve},
        {QStringLiteral("pair"), &pair},
        {QStringLiteral("query"), &query},
        {QStringLiteral("query status"), &queryStatus},
        {QStringLiteral("query results"), &queryResults},
        {QStringLiteral("query batch-status"), &queryBatchStatus},
        {QStringLiteral("fhir"), &fhir},
        {QStringLiteral("registered list"), &registeredList},
        {QStringLiteral("registered create"), &registeredCreate},
        {QStringLiteral("registered show"), &registeredShow},
        {QStringLiteral("registered results"), &registeredResults},
        {QStringLiteral("registered cancel"), &registeredCancel},
        {QStringLiteral("read-only"), &readOnly},
        {QStringLiteral("verify"), &verify},
    };
    return handlers.value(command);
}

} // namespace

int run(const QStringList &arguments, Console &console)
{
    const ParseResult parsed = CommandLine::parse(arguments);
    switch (parsed.action) {
    case ParseResult::Action::Help:
        console.out() << parsed.text;
        return Success;
    case ParseResult::Action::Version:
        console.out() << "halo-cli " << QStringLiteral(HALO_VERSION) << '\n';
        return Success;
    case ParseResult::Action::Usage:
        return console.fail(UsageError,
                            Text::tr("%1 (see '%2')").arg(parsed.text, parsed.helpCommand));
    case ParseResult::Action::Run:
        break;
    }
    QString problem;
    const auto endpoint = CliSession::resolve(parsed.invocation.global, &problem);
    if (!endpoint)
        return console.fail(UsageError, Text::tr("%1 (see 'halo-cli --help')").arg(problem));
    const Handler handler = handlerFor(parsed.invocation.command->name());
    Q_ASSERT(handler); // every command in CommandLine::commands() has one
    CommandContext context(console, parsed.invocation, *endpoint);
    return handler(context);
}

} // namespace Cli
