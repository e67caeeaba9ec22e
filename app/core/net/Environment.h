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
};

// The endpoint the command-line options ask for (shared by halo-explorer and halo-cli):
// --sandbox, --environment NAME, --base-url URL (implies custom). Without options: sandbox.
// Returns nullopt with *problem set when the options contradict each other or are invalid.
std::optional<Endpoint> resolveEndpoint(bool sandbox, const QString &environmentName,
                                        const QString &baseUrl, QString *problem);

} // namespace Halo
