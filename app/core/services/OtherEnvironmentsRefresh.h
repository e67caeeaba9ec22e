// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include "net/Environment.h"

namespace Halo {

class AvailabilityMonitor;
class HaloApiClient;
class KeyStore;
class RequestLog;
class SiteListModel;
class SiteStore;

// Refreshes the availability of the saved sites of every environment other than the one in
// use: for each environment (and each Custom origin) with saved sites, it reads that
// environment's key from the keychain and, when there is one, asks Get site status for its
// sites through a client of its own. The key goes from the keychain into that client's request
// header and nowhere else. Skipped, and said why: environments without a key, Custom origins
// over plain HTTP off this machine (they need the user's consent, given per connection), and
// other sandboxes (a sandbox's key lives only in the session that started it).
class OtherEnvironmentsRefresh : public QObject
{
    Q_OBJECT
public:
    OtherEnvironmentsRefresh(SiteStore *store, SiteListModel *model, QObject *parent = nullptr);
    ~OtherEnvironmentsRefresh() override;

    // Requests are recorded in this log too (the window's), so they can be inspected.
    void setRequestLog(RequestLog *log) { m_log = log; }
    KeyStore *keys() const { return m_keys; }

    // Everything but `current`.
    void refresh(const Endpoint &current);

signals:
    // `destination` as people read it: "Stage", "Custom (https://proxy.example.net:443)".
    void refreshing(const QString &destination, int sites);
    void skipped(const QString &destination, const QString &reason);

private:
    struct Destination {
        Endpoint endpoint;
        HaloApiClient *client = nullptr;
        AvailabilityMonitor *monitor = nullptr;
        int sites = 0;
    };
    // An environment's id, and for Custom the key's origin (as KeyStore's signals carry it).
    static QString keyFor(Environment environment, const QString &origin);
    static QString keyFor(const Endpoint &endpoint);
    void onKeyRead(Environment environment, const QString &origin, const QString &key);
    void onKeyFailed(Environment environment, const QString &origin, const QString &message);
    Destination &destination(const Endpoint &endpoint);

    SiteStore *m_store;
    SiteListModel *m_model;
    KeyStore *m_keys;
    RequestLog *m_log = nullptr;
    QHash<QString, Destination> m_destinations; // by environment id and origin
};

} // namespace Halo
