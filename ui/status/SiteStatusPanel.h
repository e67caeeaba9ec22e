#pragma once

#include <QPointer>
#include <QWidget>

#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

class QFrame;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTimer;

namespace Halo {
class ApiCall;
class HaloApiClient;
class SiteStatusCall;
class SiteStore;
struct ApiError;
} // namespace Halo

class ReResolveDialog;

// Everything Get site status says about one site, laid out for reading, with the identifiers
// recorded at onboarding beside today's and every difference explained. After a 403 for the
// site it offers to re-resolve the GUID from the PMS ID.
class SiteStatusPanel : public QWidget
{
    Q_OBJECT
public:
    SiteStatusPanel(Halo::HaloApiClient *client, Halo::SiteStore *store, QWidget *parent = nullptr);
    ~SiteStatusPanel() override;

    // Shows what the record knows at once, then fetches the site's status.
    void setSite(const Halo::SiteRecord &record);
    const Halo::SiteRecord &site() const { return m_record; }
    void refresh();
    void openReResolve();

signals:
    void statusFetched(const Halo::SiteInfo &site);
    void siteUpdated(const Halo::SiteRecord &old, const Halo::SiteRecord &updated);

private:
    struct IdentityRow {
        QLabel *recorded = nullptr;
        QLabel *current = nullptr;
        QLabel *marker = nullptr;
    };

    void buildHeader();
    QGroupBox *buildStatusGroup();
    QGroupBox *buildIdentityGroup();
    QLabel *addValue(QWidget *parent, const QString &accessibleName);
    IdentityRow addIdentityRow(QGridLayout *grid, int row, const QString &field);

    void onStatusFinished(Halo::SiteStatusCall *call);
    void onAccessDenied(const QString &guid, const Halo::ApiError &error);
    void onSiteReResolved(const Halo::SiteRecord &old, const Halo::SiteRecord &updated);
    void cancelFetch();
    void clearStatus();
    void showRecord();
    void showStatus();
    void showIdentity();
    void showAvailability();
    void showError(const Halo::ApiError &error);
    void showNotice(const QString &text);
    void hideNotice();

    Halo::HaloApiClient *m_client;
    Halo::SiteStore *m_store;
    Halo::SiteRecord m_record;
    Halo::SiteInfo m_site;
    bool m_hasStatus = false;
    QPointer<Halo::ApiCall> m_call;
    QPointer<ReResolveDialog> m_dialog;
    QTimer *m_clock;

    QFrame *m_notice = nullptr;
    QLabel *m_noticeText = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_reResolve = nullptr;
    QLabel *m_fetchState = nullptr;
    QLabel *m_error = nullptr;

    QLabel *m_availability = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_authoritative = nullptr;
    QLabel *m_guid = nullptr;
    QLabel *m_pmsId = nullptr;
    QLabel *m_pmsType = nullptr;
    QLabel *m_catalogues = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_enriched = nullptr;
    QLabel *m_clientTime = nullptr;

    IdentityRow m_practiceName;
    IdentityRow m_pmsVersion;
    IdentityRow m_linkVersion;
    QLabel *m_recordedAt = nullptr;
    QLabel *m_differences = nullptr;
};
