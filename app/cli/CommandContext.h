// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "CliSession.h"
#include "CommandLine.h"
#include "OutputFormatter.h"

namespace Halo {
struct ApiError;
}

namespace Cli {

class Console;

// What every command works with: its parsed arguments, the console, the endpoint and the
// session, and the ways a command reports (usage errors, API failures, JSON as sent).
class CommandContext
{
public:
    CommandContext(Console &console, const Invocation &invocation, const Halo::Endpoint &endpoint);

    Console &console() { return m_console; }
    const Halo::Endpoint &endpoint() const { return m_endpoint; }
    CliSession &session() { return m_session; }

    const Invocation &invocation() const { return m_invocation; }
    const QStringList &arguments() const { return m_invocation.arguments; }
    QString value(const QString &option, const QString &fallback = QString()) const
    {
        return m_invocation.value(option, fallback);
    }
    bool isSet(const QString &option) const { return m_invocation.isSet(option); }
    bool json() const { return m_invocation.global.json; }
    // --format, else json with --json, else table.
    ResultFormat format() const;
    // The SQL argument at `index`, or standard input when it is "-".
    QString sqlArgument(int index);

    // Starts the sandbox or loads the key: after validating, before the first request.
    int connect();
    // For SQL that may be sent: the safety policy first, so a refused command is refused
    // (exit 1, naming --confirm-production) even where no key is set; then connect().
    int connectToSend(const Halo::QueryCommand &command, const QString &guid,
                      const Halo::SafetyApproval &approval);
    // "halo-cli: COMMAND: message (see 'halo-cli COMMAND --help')"; returns UsageError.
    int usage(const QString &message);
    // The error in one line, and after a 401 where the key came from; returns ApiFailure.
    int failed(const Halo::ApiError &error);
    // An API object as Halo sent it, indented.
    void printJson(const QByteArray &body);

private:
    Console &m_console;
    const Invocation &m_invocation;
    Halo::Endpoint m_endpoint;
    CliSession m_session;
};

} // namespace Cli
