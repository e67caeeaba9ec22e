#pragma once

#include <QObject>
#include <QSet>

class QTimer;

namespace Halo {

class HaloApiClient;
class SiteListModel;
class SiteStore;
struct SiteInfo;

// Keeps the site list's availability marks current: asks Get site status for every saved site
// of the environment in use, on demand and at an interval the user chooses.
class AvailabilityMonitor : public QObject
{
    Q_OBJECT
public:
    AvailabilityMonitor(HaloApiClient *client, SiteStore *store, SiteListModel *model,
                        QObject *parent = nullptr);

    void setIntervalSeconds(int seconds); // 0 turns auto-refresh off
    int intervalSeconds() const { return m_intervalSeconds; }

    void refreshAll();
    void refreshSite(const QString &guid);

signals:
    void siteRefreshed(const Halo::SiteInfo &site);

private:
    QString environment() const;

    HaloApiClient *m_client;
    SiteStore *m_store;
    SiteListModel *m_model;
    QTimer *m_timer;
    int m_intervalSeconds = 0;
    QSet<QString> m_inFlight; // one status request per site at a time
};

} // namespace Halo
