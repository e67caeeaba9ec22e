// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "BlockingKeyStore.h"
#include "CommandContext.h"
#include "Console.h"
#include "JsonText.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::KeyCommands)
};

int refuseSandboxKey(CommandContext &c)
{
    return c.usage(Text::tr("the sandbox's key is made for each run and never stored; choose "
                            "--environment production or stage, or --base-url"));
}

} // namespace

namespace CommandHandlers {

int keySet(CommandContext &c)
{
    if (c.endpoint().environment == Halo::Environment::Sandbox)
        return refuseSandboxKey(c);
    if (c.console().inputIsTerminal())
        c.console().err() << Text::tr("Paste the %1 subscription key and press Enter: ")
                                 .arg(CliSession::describe(c.endpoint()))
                          << Qt::flush;
    const QString key = QString::fromUtf8(c.console().in().readLine()).trimmed();
    if (key.isEmpty())
        return c.console().fail(
            KeyProblem, Text::tr("No key on standard input; nothing was saved. Pipe it in, for "
                                 "example: printf '%s' \"$KEY\" | halo-cli %1 key set")
                            .arg(CliSession::selector(c.endpoint())));
    BlockingKeyStore keychain;
    const auto answer =
        keychain.write(c.endpoint().environment, c.endpoint().baseUrl.toString(), key);
    if (!answer.ok) {
        if (answer.problem == Halo::KeyStore::Problem::NoKeychain)
            return c.console().fail(
                KeyProblem, Text::tr("No keychain is available, so the key was not saved. "
                                     "Start the desktop's keychain (Secret Service), or set "
                                     "HALO_KEY instead."));
        return c.console().fail(KeyProblem, answer.message);
    }
    if (!qEnvironmentVariableIsEmpty("HALO_KEY"))
        c.console().note(
            Text::tr("Note: HALO_KEY is set, and it is used instead of the keychain."));
    if (c.json())
        c.console().out() << "{\"environment\": "
                          << JsonText::quoted(Halo::environmentId(c.endpoint().environment))
                          << ", \"host\": " << JsonText::quoted(c.endpoint().baseUrl.host())
                          << ", \"saved\": true}\n";
    else
        c.console().out()
            << Text::tr("Saved the %1 key in the keychain.").arg(CliSession::describe(c.endpoint()))
            << '\n';
    return Success;
}

int keyForget(CommandContext &c)
{
    if (c.endpoint().environment == Halo::Environment::Sandbox)
        return refuseSandboxKey(c);
    BlockingKeyStore keychain;
    const auto answer = keychain.forget(c.endpoint().environment, c.endpoint().baseUrl.toString());
    if (!answer.ok)
        return c.console().fail(KeyProblem, answer.message);
    if (c.json())
        c.console().out() << "{\"environment\": "
                          << JsonText::quoted(Halo::environmentId(c.endpoint().environment))
                          << ", \"host\": " << JsonText::quoted(c.endpoint().baseUrl.host())
                          << ", \"saved\": false}\n";
    else
        c.console().out() << Text::tr("The %1 key is no longer in the keychain.")
                                 .arg(CliSession::describe(c.endpoint()))
                          << '\n';
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
