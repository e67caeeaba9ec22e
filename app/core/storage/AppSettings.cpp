// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AppSettings.h"

#include "storage/AtomicFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace Halo {

namespace {

// Writes one value to the application's settings file, kept private.
void store(const QString &key, const QVariant &value)
{
    QSettings settings;
    keepSettingsPrivate(settings);
    settings.setValue(key, value);
}

} // namespace

void keepSettingsPrivate(const QSettings &settings)
{
#ifdef Q_OS_WIN
    if (settings.format() == QSettings::NativeFormat)
        return; // the registry: no file
#endif
    const QString path = settings.fileName();
    if (path.isEmpty() || !makePrivateFolder(QFileInfo(path).absolutePath()))
        return; // QSettings reports what it cannot write through status()
    if (QFileInfo::exists(path)) {
        restrictToOwner(path);
        return;
    }
    // QSettings replaces the file through QSaveFile, which keeps the permissions of the file it
    // replaces: an empty private file now makes every later one private too.
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner);
}

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
    keepSettingsPrivate(settings);
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
    store(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::windowState() const
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    store(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::splitterState() const
{
    return QSettings().value(QStringLiteral("window/splitter")).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    store(QStringLiteral("window/splitter"), state);
}

int AppSettings::autoRefreshSeconds() const
{
    return QSettings().value(QStringLiteral("sites/autoRefreshSeconds"), 60).toInt();
}

void AppSettings::setAutoRefreshSeconds(int seconds)
{
    store(QStringLiteral("sites/autoRefreshSeconds"), seconds);
}

bool AppSettings::refreshesOtherEnvironments() const
{
    return QSettings().value(QStringLiteral("sites/refreshOtherEnvironments"), false).toBool();
}

void AppSettings::setRefreshesOtherEnvironments(bool refreshes)
{
    store(QStringLiteral("sites/refreshOtherEnvironments"), refreshes);
}

qint64 AppSettings::heartbeatAmberSeconds() const
{
    return QSettings().value(QStringLiteral("sites/heartbeatAmberSeconds"), 3600).toLongLong();
}

void AppSettings::setHeartbeatAmberSeconds(qint64 seconds)
{
    store(QStringLiteral("sites/heartbeatAmberSeconds"), seconds);
}

qint64 AppSettings::heartbeatRedSeconds() const
{
    return QSettings().value(QStringLiteral("sites/heartbeatRedSeconds"), 24 * 3600).toLongLong();
}

void AppSettings::setHeartbeatRedSeconds(qint64 seconds)
{
    store(QStringLiteral("sites/heartbeatRedSeconds"), seconds);
}

bool AppSettings::keepsHistory(Environment environment) const
{
    return QSettings()
        .value(QStringLiteral("history/keep/%1").arg(environmentId(environment)), true)
        .toBool();
}

void AppSettings::setKeepsHistory(Environment environment, bool keep)
{
    store(QStringLiteral("history/keep/%1").arg(environmentId(environment)), keep);
}

bool AppSettings::keepsHistoryFor(const QString &environmentId)
{
    const std::optional<Environment> environment = environmentFromId(environmentId);
    return !environment || AppSettings().keepsHistory(*environment);
}

bool AppSettings::privacyMode(Environment environment) const
{
    return QSettings()
        .value(QStringLiteral("privacy/on/%1").arg(environmentId(environment)), false)
        .toBool();
}

void AppSettings::setPrivacyMode(Environment environment, bool on)
{
    store(QStringLiteral("privacy/on/%1").arg(environmentId(environment)), on);
}

} // namespace Halo
