// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "CommandContext.h"
#include "Console.h"
#include "JsonText.h"
#include "services/SafetyPolicy.h"

#include <QCoreApplication>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::SafetyCommands)
};

} // namespace

namespace CommandHandlers {

int readOnly(CommandContext &c)
{
    // Nothing is sent: the switch lives in the settings the window reads too.
    const Halo::Endpoint &endpoint = c.endpoint();
    if (!c.arguments().isEmpty()) {
        const QString state = c.arguments().first().trimmed().toLower();
        if (state != QLatin1String("on") && state != QLatin1String("off"))
            return c.usage(Text::tr("'%1' is not on or off").arg(c.arguments().first()));
        Halo::SafetyPolicy::setReadOnly(endpoint, state == QLatin1String("on"));
    }
    const bool on = Halo::SafetyPolicy::isReadOnly(endpoint);
    // A --base-url on the Production host is under Production's switch.
    const Halo::Environment environment = Halo::safetyEnvironment(endpoint);
    const QString name = Halo::environmentDisplayName(environment);
    if (c.json())
        c.console().out() << "{\"environment\": "
                          << JsonText::quoted(Halo::environmentId(environment))
                          << ", \"readOnly\": " << (on ? "true" : "false") << "}\n";
    else
        c.console().out() << (on ? "on" : "off") << '\n';
    if (on)
        c.console().note(Text::tr("Read-only for %1 is on: no command that may change data is sent "
                                  "there. 'halo-cli %2 read-only off' lifts it.")
                             .arg(name, CliSession::selector(endpoint)));
    else if (Halo::isProduction(endpoint))
        c.console().note(Text::tr("Read-only for %1 is off: a command that may change data is sent "
                                  "with --confirm-production.")
                             .arg(name));
    else
        c.console().note(Text::tr("Read-only for %1 is off.").arg(name));
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
