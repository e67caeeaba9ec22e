#include "storage/AppSettings.h"

#include <QSettings>

namespace Halo {

Endpoint AppSettings::lastEndpoint() const
{
    QSettings settings;
    Endpoint endpoint;
    const auto environment =
        environmentFromId(settings.value(QStringLiteral("connection/environment")).toString());
    endpoint.environment = environment.value_or(Environment::Sandbox);
    if (endpoint.environment == Environment::Custom) {
        endpoint.baseUrl =
            QUrl(settings.value(QStringLiteral("connection/customBaseUrl")).toString());
        if (!endpoint.baseUrl.isValid() || endpoint.baseUrl.host().isEmpty())
            endpoint = Endpoint{};
        else // the choice made for this base URL when it was set (Custom base URL…)
            endpoint.plainHttpAllowed =
                settings.value(QStringLiteral("connection/customPlainHttpAllowed")).toBool();
    } else {
        endpoint.baseUrl = defaultBaseUrl(endpoint.environment);
    }
    return endpoint;
}

void AppSettings::setLastEndpoint(const Endpoint &endpoint)
{
    QSettings settings;
    settings.setValue(QStringLiteral("connection/environment"),
                      environmentId(endpoint.environment));
    if (endpoint.environment == Environment::Custom) {
        settings.setValue(
            QStringLiteral("connection/customBaseUrl"),
            endpoint.baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString());
        settings.setValue(QStringLiteral("connection/customPlainHttpAllowed"),
                          endpoint.plainHttpAllowed);
    }
}

QByteArray AppSettings::windowGeometry() const
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    QSettings().setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::windowState() const
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    QSettings().setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::splitterState() const
{
    return QSettings().value(QStringLiteral("window/splitter")).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    QSettings().setValue(QStringLiteral("window/splitter"), state);
}

int AppSettings::autoRefreshSeconds() const
{
    return QSettings().value(QStringLiteral("sites/autoRefreshSeconds"), 60).toInt();
}

void AppSettings::setAutoRefreshSeconds(int seconds)
{
    QSettings().setValue(QStringLiteral("sites/autoRefreshSeconds"), seconds);
}

} // namespace Halo
