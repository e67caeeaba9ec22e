// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

class QFrame;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTimer;

namespace Halo {
class HaloApiClient;
class SiteService;
class SiteStore;
struct ApiError;
struct SiteStatusReport;
} // namespace Halo

class ProblemLabel;
class ReResolveDialog;
class SiteReportSaver;

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
    // Verifies the site shown, then asks where to save its evidence report (HTML, JSON or PDF).
    void saveReport();
    // Where the report goes: by default a file dialog; tests answer with a path.
    void setReportPathChooser(std::function<QString(const QString &suggestedName)> chooser);

signals:
    void statusFetched(const Halo::SiteInfo &site);
    void siteUpdated(const Halo::SiteRecord &old, const Halo::SiteRecord &updated);

protected:
    void changeEvent(QEvent *event) override; // a new palette: the status colours again

private:
    void showNoticeColours();
    struct IdentityRow {
        QLabel *recorded = nullptr;
        QLabel *current = nullptr;
        QLabel *marker = nullptr;
    };

    void buildHeader();
    void buildReport();
    QGroupBox *buildStatusGroup();
    QGroupBox *buildIdentityGroup();
    QLabel *addValue(QWidget *parent, const QString &accessibleName);
    IdentityRow addIdentityRow(QGridLayout *grid, int row, const QString &field);

    void onStatusRead(const Halo::SiteStatusReport &report);
    void onStatusFailed(const Halo::ApiError &error);
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
    Halo::SiteService *m_service;
    QPointer<ReResolveDialog> m_dialog;
    QTimer *m_clock;

    QFrame *m_notice = nullptr;
    QLabel *m_noticeText = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_reResolve = nullptr;
    QLabel *m_fetchState = nullptr;
    QLabel *m_error = nullptr;
    SiteReportSaver *m_reportSaver = nullptr;
    QPushButton *m_saveReport = nullptr;
    ProblemLabel *m_reportState = nullptr;

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
