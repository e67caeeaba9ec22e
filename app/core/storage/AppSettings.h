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

// What the window remembers between runs (QSettings): the environment, layout and refresh
// interval. Never a key: keys live in the keychain only.
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
};

} // namespace Halo
