// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>

class QTimer;

namespace Halo {

class HaloApiClient;
class OtherEnvironmentsRefresh;
class SiteListModel;
class SiteStore;
struct SiteInfo;

// Keeps the site list's availability marks current: asks Get site status for every saved site
// of the environment in use, on demand and at an interval the user chooses; when the user asks
// for it, those of every other environment that has a key too (OtherEnvironmentsRefresh).
class AvailabilityMonitor : public QObject
{
    Q_OBJECT
public:
    AvailabilityMonitor(HaloApiClient *client, SiteStore *store, SiteListModel *model,
                        QObject *parent = nullptr);

    void setIntervalSeconds(int seconds); // 0 turns auto-refresh off
    int intervalSeconds() const { return m_intervalSeconds; }

    // Off unless the user turns it on: it reads other environments' keys and sends to them.
    void setCoversOtherEnvironments(bool covers);
    bool coversOtherEnvironments() const { return m_coversOthers; }
    OtherEnvironmentsRefresh *otherEnvironments(); // made on first use

    void refreshAll();
    void refreshOtherEnvironments(); // only those, when covered
    void refreshSite(const QString &guid);

signals:
    void siteRefreshed(const Halo::SiteInfo &site);
    // From OtherEnvironmentsRefresh: `destination` as people read it ("Stage").
    void otherEnvironmentRefreshing(const QString &destination, int sites);
    void otherEnvironmentSkipped(const QString &destination, const QString &reason);

private:
    QString environment() const;

    HaloApiClient *m_client;
    SiteStore *m_store;
    SiteListModel *m_model;
    QTimer *m_timer;
    int m_intervalSeconds = 0;
    bool m_coversOthers = false;
    OtherEnvironmentsRefresh *m_others = nullptr;
    QSet<QString> m_inFlight; // one status request per site at a time
};

} // namespace Halo
