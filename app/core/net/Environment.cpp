// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Environment.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Halo {

QString environmentId(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return QStringLiteral("production");
    case Environment::Stage:
        return QStringLiteral("stage");
    case Environment::Sandbox:
        return QStringLiteral("sandbox");
    case Environment::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<Environment> environmentFromId(const QString &id)
{
    for (Environment e :
         {Environment::Production, Environment::Stage, Environment::Sandbox, Environment::Custom}) {
        if (environmentId(e).compare(id.trimmed(), Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

QString environmentDisplayName(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return QCoreApplication::translate("Halo::Environment", "Production");
    case Environment::Stage:
        return QCoreApplication::translate("Halo::Environment", "Stage");
    case Environment::Sandbox:
        return QCoreApplication::translate("Halo::Environment", "Sandbox");
    case Environment::Custom:
        return QCoreApplication::translate("Halo::Environment", "Custom");
    }
    return {};
}

QUrl defaultBaseUrl(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return QUrl(QStringLiteral("https://api.haloconnect.io"));
    case Environment::Stage:
        return QUrl(QStringLiteral("https://api.stage.haloconnect.io"));
    case Environment::Sandbox:
    case Environment::Custom:
        break;
    }
    return {};
}

namespace {

QString plainHost(const QString &host)
{
    QString plain = host.trimmed().toLower();
    if (plain.startsWith(QLatin1Char('[')) && plain.endsWith(QLatin1Char(']')))
        plain = plain.mid(1, plain.size() - 2);
    while (plain.endsWith(QLatin1Char('.')))
        plain.chop(1);
    return plain;
}

} // namespace

QString keyOrigin(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const QString host = plainHost(url.host());
    if ((scheme != QLatin1String("https") && scheme != QLatin1String("http")) || host.isEmpty())
        return {};
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return scheme + QStringLiteral("://") + shownHost + QLatin1Char(':') + QString::number(port);
}

bool isLoopbackHost(const QString &host)
{
    const QString plain = plainHost(host);
    if (plain == QLatin1String("localhost"))
        return true;
    QHostAddress address;
    return address.setAddress(plain) && address.isLoopback();
}

bool needsPlainHttpConsent(const QUrl &url)
{
    return url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 &&
           !isLoopbackHost(url.host());
}

bool isProduction(const Endpoint &endpoint)
{
    if (isProduction(endpoint.environment))
        return true;
    // QUrl lowers the host's case already; "host." names the same host as "host".
    QString host = endpoint.baseUrl.host().toLower();
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    return !host.isEmpty() && host == defaultBaseUrl(Environment::Production).host();
}

Environment safetyEnvironment(const Endpoint &endpoint)
{
    return isProduction(endpoint) ? Environment::Production : endpoint.environment;
}

QString endpointDisplayName(const Endpoint &endpoint)
{
    const QString name = environmentDisplayName(endpoint.environment);
    if (isProduction(endpoint) && !isProduction(endpoint.environment))
        return QCoreApplication::translate("Halo::Environment", "%1 (Production host)").arg(name);
    return name;
}

std::optional<Endpoint> resolveEndpoint(bool sandbox, const QString &environmentName,
                                        const QString &baseUrl, QString *problem)
{
    Endpoint endpoint;
    endpoint.environment = Environment::Sandbox;
    if (!environmentName.isEmpty()) {
        const auto chosen = environmentFromId(environmentName);
        if (!chosen) {
            *problem = QCoreApplication::translate(
                           "Halo::Environment",
                           "unknown environment '%1' (use production, stage, sandbox or custom)")
                           .arg(environmentName);
            return std::nullopt;
        }
        endpoint.environment = *chosen;
    }
    if (sandbox && !environmentName.isEmpty() && endpoint.environment != Environment::Sandbox) {
        *problem = QCoreApplication::translate("Halo::Environment",
                                               "--sandbox contradicts --environment %1")
                       .arg(environmentName);
        return std::nullopt;
    }
    if (!baseUrl.isEmpty()) {
        const QUrl url(baseUrl, QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
            url.host().isEmpty()) {
            *problem =
                QCoreApplication::translate("Halo::Environment", "'%1' is not an http(s) URL")
                    .arg(baseUrl);
            return std::nullopt;
        }
        if (sandbox ||
            (!environmentName.isEmpty() && endpoint.environment != Environment::Custom)) {
            *problem = QCoreApplication::translate("Halo::Environment",
                                                   "--base-url implies the custom environment");
            return std::nullopt;
        }
        endpoint.environment = Environment::Custom;
        endpoint.baseUrl = url;
        return endpoint;
    }
    if (endpoint.environment == Environment::Custom) {
        *problem = QCoreApplication::translate("Halo::Environment",
                                               "the custom environment needs --base-url");
        return std::nullopt;
    }
    endpoint.baseUrl = defaultBaseUrl(endpoint.environment);
    return endpoint;
}

} // namespace Halo
