// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandContext.h"

#include "Console.h"
#include "JsonText.h"
#include "net/ApiError.h"

#include <QCoreApplication>
#include <QIODevice>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::CommandContext)
};

// The advice after a 403 is to re-resolve the GUID; pairing has no GUID to re-resolve, and a
// site that is not paired yet needs pairing, not a new GUID.
QString pairingAdvice(const QString &command, const Halo::ApiError &error)
{
    if (error.kind != Halo::ApiError::Kind::Http || error.httpStatus != 403)
        return QString();
    if (command == QLatin1String("pair"))
        return Text::tr(
            "Check the PMS ID, the PMS and the pairing code with the practice; it can give "
            "you a new code.");
    if (error.serverMessage.contains(QLatin1String("pair"), Qt::CaseInsensitive))
        return Text::tr("Pair with the practice first: halo-cli pair --pms-id ID --pms PMS --code "
                        "CODE.");
    return QString();
}

} // namespace

CommandContext::CommandContext(Console &console, const Invocation &invocation,
                               const Halo::Endpoint &endpoint)
    : m_console(console)
    , m_invocation(invocation)
    , m_endpoint(endpoint)
    , m_session(console)
{}

ResultFormat CommandContext::format() const
{
    const QString chosen =
        value(QStringLiteral("format"), json() ? QStringLiteral("json") : QString());
    if (chosen == QLatin1String("csv"))
        return ResultFormat::Csv;
    if (chosen == QLatin1String("json"))
        return ResultFormat::Json;
    return ResultFormat::Table;
}

QString CommandContext::sqlArgument(int index)
{
    const QString given = m_invocation.arguments.at(index);
    if (given != QLatin1String("-"))
        return given;
    return QString::fromUtf8(m_console.in().readAll());
}

int CommandContext::connect()
{
    return m_session.open(m_endpoint);
}

int CommandContext::connectToSend(const Halo::QueryCommand &command, const QString &guid,
                                  const Halo::SafetyApproval &approval)
{
    // QueryService asks the same policy again when sending: this only asks it earlier.
    m_session.preparePolicy(m_endpoint);
    const Halo::SafetyPolicy &policy = m_session.queries().policy();
    const QString refusal = policy.refusal(policy.decide(command, m_endpoint, guid), approval);
    if (!refusal.isEmpty())
        return failed(Halo::ApiError::ofKind(Halo::ApiError::Kind::Refused, refusal));
    return connect();
}

int CommandContext::usage(const QString &message)
{
    return m_console.fail(UsageError,
                          Text::tr("%1: %2 (see '%3')")
                              .arg(m_invocation.command->name(), message,
                                   CommandLine::helpCommandFor(m_invocation.command->words)));
}

int CommandContext::failed(const Halo::ApiError &failure)
{
    Halo::ApiError error = failure;
    // A query that failed inside a 200 answer: "HTTP 200" would read as if all went well.
    if (error.kind == Halo::ApiError::Kind::QueryFailed && error.httpStatus >= 200 &&
        error.httpStatus < 300)
        error.httpStatus = 0;
    QString message = error.oneLine();
    if (const QString advice = pairingAdvice(m_invocation.command->name(), error);
        !advice.isEmpty()) {
        const QString usual = error.nextStep().simplified();
        if (!usual.isEmpty() && message.endsWith(usual))
            message.chop(usual.size());
        message = message.trimmed() + QLatin1Char(' ') + advice;
    }
    // Which key went where is the first thing to check after a 401.
    if (error.httpStatus == 401)
        message += QLatin1Char(' ') +
                   Text::tr("(Environment: %1; key from %2.)")
                       .arg(CliSession::describe(m_session.endpoint()), m_session.keySourceText());
    return m_console.fail(ApiFailure, message);
}

void CommandContext::printJson(const QByteArray &body)
{
    m_console.out() << QString::fromUtf8(JsonText::indented(body));
}

} // namespace Cli
