// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

class QCheckBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace Halo {
class GuidReResolver;
class HaloApiClient;
class SiteStore;
struct ApiError;
} // namespace Halo

// Re-resolving a site's GUID from its PMS ID: the old and the new GUID side by side with their
// secondary identifiers, differences highlighted. Update applies it and shows the test query's
// result; when the identifiers changed too, the practice's confirmation must be ticked first.
class ReResolveDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts the lookup at once.
    ReResolveDialog(Halo::HaloApiClient *client, Halo::SiteStore *store,
                    const Halo::SiteRecord &record, QWidget *parent = nullptr);

    Halo::GuidReResolver *resolver() const { return m_resolver; }

signals:
    void siteUpdated(const Halo::SiteRecord &old, const Halo::SiteRecord &updated);

private:
    struct Row {
        QLabel *old = nullptr;
        QLabel *current = nullptr;
        QLabel *marker = nullptr;
    };

    QWidget *buildComparison();
    Row addRow(QGridLayout *grid, int row, const QString &field);
    void fillRow(const Row &row, const QString &oldValue, const QString &newValue,
                 const Halo::IdentityDifference *difference);

    void onCandidateFound(const Halo::SiteRecord &old, const Halo::SiteInfo &candidate,
                          const QList<Halo::IdentityDifference> &differences);
    void onFailed(const QString &message, const Halo::ApiError &error);
    void onApplied(const Halo::SiteRecord &updated);
    void onTestQueryFinished(bool ok, const QString &summary);
    void applyUpdate();
    void updateButtons();
    void fitContents();

    Halo::GuidReResolver *m_resolver;
    Halo::SiteRecord m_old;

    QLabel *m_progress = nullptr;
    QWidget *m_comparison = nullptr;
    Row m_guid;
    Row m_pmsId;
    Row m_practiceName;
    Row m_pmsVersion;
    Row m_linkVersion;
    Row m_availability;
    QLabel *m_differences = nullptr;
    QCheckBox *m_confirm = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_testResult = nullptr;
    QPushButton *m_update = nullptr;
    QPushButton *m_close = nullptr;
};
