// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace Halo {

// Where requests go. A subscription key belongs to exactly one environment.
enum class Environment { Production, Stage, Sandbox, Custom };

QString environmentId(Environment environment); // production, stage, sandbox, custom
std::optional<Environment> environmentFromId(const QString &id);
QString environmentDisplayName(Environment environment); // translated
// The fixed base URL of Production and Stage; empty for Sandbox and Custom (set at run time).
QUrl defaultBaseUrl(Environment environment);
// Production sends to live practice databases: the UI marks it everywhere.
inline bool isProduction(Environment environment)
{
    return environment == Environment::Production;
}

// An environment plus the base URL in use for it.
struct Endpoint {
    Environment environment = Environment::Sandbox;
    QUrl baseUrl;
    // The user chose, explicitly, to send the key over plain HTTP to this base URL although it
    // is not on this machine (see needsPlainHttpConsent). Off unless asked for.
    bool plainHttpAllowed = false;
};

// The origin a subscription key belongs to: the scheme, host and port of a base URL, as
// "https://proxy.example.net:443" (lower case, the port always written). Empty for a URL
// that is not http(s) or has no host. A key saved for one origin is never sent to another.
QString keyOrigin(const QUrl &url);
// 127.0.0.0/8, ::1 and localhost: a destination whose traffic never leaves this machine.
bool isLoopbackHost(const QString &host);
// Plain http:// to anything but loopback: the key would cross the network unencrypted, so it
// is sent only when the user opted in (Endpoint::plainHttpAllowed).
bool needsPlainHttpConsent(const QUrl &url);

// Production is a property of the destination, not of the name chosen for it: Production by
// name, or any endpoint whose base URL is on the Production host (api.haloconnect.io, any
// case, scheme or port, with or without a trailing dot). Use this wherever an Endpoint is known.
bool isProduction(const Endpoint &endpoint);
// The environment whose safety rules (read-only switch, confirmation) apply to a destination:
// Production for every Production destination, else its own.
Environment safetyEnvironment(const Endpoint &endpoint);
// The destination's name for banners and titles: "Production", "Stage", ..., and for another
// environment on the Production host "Custom (Production host)". Translated.
QString endpointDisplayName(const Endpoint &endpoint);

// The endpoint the command-line options ask for (shared by halo-explorer and halo-cli):
// --sandbox, --environment NAME, --base-url URL (implies custom). Without options: sandbox.
// Returns nullopt with *problem set when the options contradict each other or are invalid.
std::optional<Endpoint> resolveEndpoint(bool sandbox, const QString &environmentName,
                                        const QString &baseUrl, QString *problem);

} // namespace Halo
