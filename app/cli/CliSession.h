// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <memory>
#include <optional>

#include "api/HaloApiClient.h"
#include "net/Environment.h"
#include "services/QueryService.h"

namespace Sandbox {
class SandboxServer;
}

namespace Cli {

class Console;
struct GlobalOptions;

// What every API command works through: one environment's endpoint, its subscription key and
// the API client. For the sandbox, a SandboxServer runs inside this process and ends with it.
class CliSession
{
public:
    explicit CliSession(Console &console);
    ~CliSession();

    // The endpoint the global options ask for; without --environment and --base-url, the
    // environment named by $HALO_ENVIRONMENT, else the sandbox.
    static std::optional<Halo::Endpoint> resolve(const GlobalOptions &options, QString *problem);
    // "Stage", "Production", "Sandbox", "Custom (host)".
    static QString describe(const Halo::Endpoint &endpoint);
    // How to run the same environment again, e.g. "--environment stage" or "--base-url URL".
    static QString selector(const Halo::Endpoint &endpoint);

    // Starts the sandbox or finds the key ($HALO_KEY, else the keychain). Returns Success, or
    // reports on the console and returns the exit code.
    int open(const Halo::Endpoint &endpoint);
    // The safety policy's remedies in halo-cli's words, for `endpoint`; open() does it too.
    void preparePolicy(const Halo::Endpoint &endpoint);

    enum class KeySource { None, Sandbox, EnvironmentVariable, Keychain };
    KeySource keySource() const { return m_keySource; }
    // Where the key came from, for explaining a 401: "HALO_KEY", "the keychain", ...
    QString keySourceText() const;

    Halo::HaloApiClient &client() { return m_client; }
    // Every command that sends SQL goes through it: the safety policy, in halo-cli's words.
    Halo::QueryService &queries() { return m_queries; }
    const Halo::Endpoint &endpoint() const { return m_endpoint; }

    // Waits for the call to finish and hands it over, as the typed call it is.
    template <typename Call> std::unique_ptr<Call> await(Call *call)
    {
        std::unique_ptr<Call> owned(call);
        waitFor(call);
        return owned;
    }

private:
    void waitFor(Halo::ApiCall *call);
    int startSandbox();
    int loadKey();

    Console &m_console;
    Halo::Endpoint m_endpoint;
    KeySource m_keySource = KeySource::None;
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
    Halo::HaloApiClient m_client; // declared after the sandbox: gone before it
    Halo::QueryService m_queries{&m_client};
};

} // namespace Cli
