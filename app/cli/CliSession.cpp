// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSession.h"

#include "BlockingKeyStore.h"
#include "CommandLine.h"
#include "Console.h"
#include "SandboxServer.h"
#include "net/ApiCall.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::CliSession)
};

} // namespace

CliSession::CliSession(Console &console)
    : m_console(console)
{}

CliSession::~CliSession() = default;

std::optional<Halo::Endpoint> CliSession::resolve(const GlobalOptions &options, QString *problem)
{
    QString environment = options.environment;
    if (environment.isEmpty() && options.baseUrl.isEmpty()) {
        environment = qEnvironmentVariable("HALO_ENVIRONMENT").trimmed();
        if (!environment.isEmpty() && !Halo::environmentFromId(environment)) {
            *problem =
                Text::tr("HALO_ENVIRONMENT is '%1'; use production, stage, sandbox or custom")
                    .arg(environment);
            return std::nullopt;
        }
    }
    std::optional<Halo::Endpoint> endpoint =
        Halo::resolveEndpoint(false, environment, options.baseUrl, problem);
    if (endpoint)
        endpoint->plainHttpAllowed = options.allowPlainHttp;
    return endpoint;
}

QString CliSession::describe(const Halo::Endpoint &endpoint)
{
    const QString name = Halo::environmentDisplayName(endpoint.environment);
    if (endpoint.environment == Halo::Environment::Custom)
        return Text::tr("%1 (%2)").arg(name, Halo::keyOrigin(endpoint.baseUrl));
    return name;
}

QString CliSession::selector(const Halo::Endpoint &endpoint)
{
    if (endpoint.environment == Halo::Environment::Custom)
        return QStringLiteral("--base-url ") + endpoint.baseUrl.toString();
    return QStringLiteral("--environment ") + Halo::environmentId(endpoint.environment);
}

QString CliSession::keySourceText() const
{
    switch (m_keySource) {
    case KeySource::Sandbox:
        return Text::tr("the sandbox started for this run");
    case KeySource::EnvironmentVariable:
        return Text::tr("HALO_KEY");
    case KeySource::Keychain:
        return Text::tr("the keychain");
    case KeySource::None:
        break;
    }
    return Text::tr("nowhere");
}

int CliSession::open(const Halo::Endpoint &endpoint)
{
    m_endpoint = endpoint;
    const int status =
        endpoint.environment == Halo::Environment::Sandbox ? startSandbox() : loadKey();
    if (status == Success)
        m_client.setEndpoint(m_endpoint);
    preparePolicy(endpoint);
    return status;
}

void CliSession::preparePolicy(const Halo::Endpoint &endpoint)
{
    // A refusal says how to allow the command from here, not from the window.
    const QString lift =
        Halo::isProduction(endpoint)
            ? Text::tr("Lift it with 'halo-cli %1 read-only off', then send it with "
                       "--confirm-production.")
            : Text::tr("Lift it with 'halo-cli %1 read-only off' to send it.");
    m_queries.policy().setRemedies(
        {Text::tr("Add --confirm-production to send it."), lift.arg(selector(endpoint))});
}

int CliSession::startSandbox()
{
    // Default options: port 0 (any free one) and a key generated for this run.
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(Sandbox::SandboxOptions{});
    if (m_sandbox->listen() == 0)
        return m_console.fail(
            ApiFailure, Text::tr("The sandbox could not start: %1").arg(m_sandbox->errorString()));
    m_endpoint.baseUrl = QUrl(m_sandbox->baseUrl());
    m_client.setEndpoint(m_endpoint); // first: the key is for the endpoint set
    m_client.setSubscriptionKey(m_sandbox->key());
    m_keySource = KeySource::Sandbox;
    return Success;
}

int CliSession::loadKey()
{
    m_client.setEndpoint(m_endpoint); // first: the key is for the endpoint set
    // CI sets HALO_KEY; it wins over the keychain, which may not even exist there.
    const QString fromEnvironment = qEnvironmentVariable("HALO_KEY").trimmed();
    if (!fromEnvironment.isEmpty()) {
        m_client.setSubscriptionKey(fromEnvironment);
        m_keySource = KeySource::EnvironmentVariable;
        return Success;
    }
    BlockingKeyStore keychain;
    const BlockingKeyStore::Answer answer =
        keychain.read(m_endpoint.environment, m_endpoint.baseUrl.toString());
    if (!answer.ok) {
        if (answer.problem == Halo::KeyStore::Problem::NoKeychain)
            return m_console.fail(KeyProblem,
                                  Text::tr("No keychain is available to read the %1 key "
                                           "from. Set HALO_KEY instead.")
                                      .arg(describe(m_endpoint)));
        return m_console.fail(KeyProblem, answer.message);
    }
    if (answer.key.trimmed().isEmpty())
        return m_console.fail(
            KeyProblem,
            Text::tr("No subscription key for %1. Save one with 'halo-cli %2 key set' (it "
                     "reads the key from standard input), or set HALO_KEY.")
                .arg(describe(m_endpoint), selector(m_endpoint)));
    m_client.setSubscriptionKey(answer.key);
    m_keySource = KeySource::Keychain;
    return Success;
}

void CliSession::waitFor(Halo::ApiCall *call)
{
    call->setAutoDelete(false);
    if (!call->isFinished()) {
        QEventLoop loop;
        QObject::connect(call, &Halo::ApiCall::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

} // namespace Cli
