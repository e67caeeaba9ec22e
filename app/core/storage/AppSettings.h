// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "net/Environment.h"

class QSettings;

namespace Halo {

// Before anything is written through `settings`: its file and folder exist and are the owner's
// alone (0600 and 0700), so the file QSettings writes stays private. Settings say which
// environments the user works on and the custom base URL; every writer calls this.
void keepSettingsPrivate(const QSettings &settings);

// What the window remembers between runs (QSettings): the environment, layout, refresh interval
// and, per environment, whether it keeps a query history and privacy mode. Never a key: keys live
// in the keychain only.
class AppSettings
{
public:
    Endpoint lastEndpoint() const; // the sandbox when nothing was remembered
    void setLastEndpoint(const Endpoint &endpoint);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);

    int autoRefreshSeconds() const; // 0: off
    void setAutoRefreshSeconds(int seconds);
    // Whether refreshing availability also covers every other environment that has a key.
    bool refreshesOtherEnvironments() const; // off unless turned on
    void setRefreshesOtherEnvironments(bool refreshes);

    // How long without a heartbeat before the site list marks a site amber, then red.
    qint64 heartbeatAmberSeconds() const; // 1 hour unless set
    void setHeartbeatAmberSeconds(qint64 seconds);
    qint64 heartbeatRedSeconds() const; // 24 hours unless set
    void setHeartbeatRedSeconds(qint64 seconds);

    // Whether the query text run on `environment` is recorded: the SQL and FHIR histories, and
    // the SQL kept beside an async query's id for resuming it. On unless turned off. Turned
    // off, nothing new is recorded; what was recorded stays until it is cleared.
    bool keepsHistory(Environment environment) const;
    void setKeepsHistory(Environment environment, bool keep);
    // The same for an environment id as stores keep it ("production"); an id that names no
    // environment keeps history.
    static bool keepsHistoryFor(const QString &environmentId);

    // Whether privacy mode (patient data hidden on screen) is on for `environment`. Off unless
    // turned on.
    bool privacyMode(Environment environment) const;
    void setPrivacyMode(Environment environment, bool on);
};

} // namespace Halo
