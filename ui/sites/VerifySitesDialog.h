// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QDialog>
#include <QList>

#include "sites/SiteRecord.h"
#include "sites/VerificationInput.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class ProblemLabel;

namespace Halo {
class HaloApiClient;
class VerificationResultsModel;
class VerificationService;
} // namespace Halo

// Bulk verification in the window: checks the saved sites of the environment in use (or a CSV
// the user picks) through the core's VerificationService, shows each verdict as it comes, with
// progress and a Stop, and saves the run as an evidence report (HTML, JSON or PDF). Stopping keeps
// the rows already checked; closing the dialog stops the run.
class VerifySitesDialog : public QDialog
{
    Q_OBJECT
public:
    VerifySitesDialog(Halo::HaloApiClient *client, const QString &environmentName,
                      const QList<Halo::SiteRecord> &sites, QWidget *parent = nullptr);
    ~VerifySitesDialog() override;

    void verifySavedSites();
    // Reads `path` as a verification CSV and checks its rows; a file that cannot be used at all
    // is said in place and nothing is sent.
    void verifyCsv(const QString &path);
    // Writes the last run (HTML; JSON or PDF for a .json or .pdf name); false with the reason
    // said in place.
    bool saveReportTo(const QString &path);
    void stop();

    Halo::VerificationResultsModel *results() const { return m_model; }
    Halo::VerificationService *service() const { return m_service; }

signals:
    void runFinished(bool cancelled);

protected:
    void done(int result) override;

private:
    void start(const QList<Halo::VerificationInput> &inputs, const QString &source);
    void onProgress(int done, int total);
    void onFinished(bool cancelled);
    void chooseCsv();
    void chooseReportFile();
    void updateButtons();

    Halo::HaloApiClient *m_client;
    QString m_environmentName;
    QList<Halo::SiteRecord> m_sites;
    Halo::VerificationService *m_service;
    Halo::VerificationResultsModel *m_model;
    QList<Halo::VerificationInput> m_inputs;
    QString m_source;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;

    QLabel *m_sourceLabel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTableView *m_table;
    ProblemLabel *m_problem;
    QPushButton *m_again;
    QPushButton *m_csv;
    QPushButton *m_stop;
    QPushButton *m_save;
};
