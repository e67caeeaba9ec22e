// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifySitesDialog.h"

#include "services/VerificationReport.h"
#include "services/VerificationResultsModel.h"
#include "services/VerificationService.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ReportFile.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

VerifySitesDialog::VerifySitesDialog(Halo::HaloApiClient *client, const QString &environmentName,
                                     const QList<Halo::SiteRecord> &sites, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_environmentName(environmentName)
    , m_sites(sites)
    , m_service(new Halo::VerificationService(client, this))
    , m_model(new Halo::VerificationResultsModel(this))
    , m_sourceLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_problem(new ProblemLabel(tr("Verification problem"), this))
    , m_again(new QPushButton(tr("&Verify again"), this))
    , m_csv(new QPushButton(tr("Verify a &CSV file…"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_save(new QPushButton(tr("&Save report…"), this))
{
    setObjectName(QStringLiteral("verifySitesDialog"));
    setWindowTitle(tr("Verify sites — %1").arg(environmentName));
    setAccessibleName(tr("Verify sites"));

    m_sourceLabel->setAccessibleName(tr("Verification source"));
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);
    m_progress->setAccessibleName(tr("Verification progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_summary->setAccessibleName(tr("Verification summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_table->setObjectName(QStringLiteral("verificationResults"));
    m_table->setAccessibleName(tr("Verification results"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    // Copy what is selected as tab-separated text: every value shown can be copied.
    auto *copy = new QShortcut(QKeySequence::Copy, m_table);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, m_table, [this]() {
        QModelIndexList cells = m_table->selectionModel()->selectedIndexes();
        std::sort(cells.begin(), cells.end());
        QString text;
        int row = -1;
        for (const QModelIndex &cell : cells) {
            if (row != -1)
                text += cell.row() == row ? QLatin1Char('\t') : QLatin1Char('\n');
            row = cell.row();
            text += cell.data().toString();
        }
        QApplication::clipboard()->setText(text);
    });

    m_again->setAccessibleName(tr("Verify again"));
    m_again->setToolTip(tr("Checks the saved sites of %1 again").arg(environmentName));
    m_csv->setAccessibleName(tr("Verify a CSV file"));
    m_csv->setToolTip(tr("A header row with pms and pms_id, and optionally expected_guid and "
                         "expected_name"));
    m_stop->setAccessibleName(tr("Stop verification"));
    m_save->setAccessibleName(tr("Save report"));
    m_save->setToolTip(tr("An HTML (JSON or PDF) record of this run: identifiers, verdicts and the "
                          "requests made; never the key, never patient data"));
    auto *close = new QPushButton(tr("Close"), this);
    close->setAccessibleName(tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_again, &QPushButton::clicked, this, &VerifySitesDialog::verifySavedSites);
    connect(m_csv, &QPushButton::clicked, this, &VerifySitesDialog::chooseCsv);
    connect(m_stop, &QPushButton::clicked, this, &VerifySitesDialog::stop);
    connect(m_save, &QPushButton::clicked, this, &VerifySitesDialog::chooseReportFile);

    connect(m_service, &Halo::VerificationService::rowFinished, m_model,
            &Halo::VerificationResultsModel::setResult);
    connect(m_service, &Halo::VerificationService::progress, this, &VerifySitesDialog::onProgress);
    connect(m_service, &Halo::VerificationService::finished, this, &VerifySitesDialog::onFinished);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_again);
    buttons->addWidget(m_csv);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sourceLabel);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    resize(960, 480);
    updateButtons();
}

VerifySitesDialog::~VerifySitesDialog()
{
    // Nothing of a run may reach a half-destroyed dialog.
    m_service->disconnect(this);
    m_service->disconnect(m_model);
    m_service->cancel();
}

void VerifySitesDialog::verifySavedSites()
{
    start(Halo::verificationInputsFrom(m_sites),
          tr("%n saved site(s) of %1", nullptr, int(m_sites.size())).arg(m_environmentName));
}

void VerifySitesDialog::verifyCsv(const QString &path)
{
    const Halo::VerificationInputs inputs = Halo::VerificationCsv::readFile(path);
    if (!inputs.usageError.isEmpty()) {
        // The previous run stays on screen: a file that cannot be read loses nothing.
        m_problem->showProblem(tr("This file cannot be verified"), inputs.usageError);
        return;
    }
    start(inputs.rows, QFileInfo(path).fileName());
}

void VerifySitesDialog::start(const QList<Halo::VerificationInput> &inputs, const QString &source)
{
    m_problem->clearProblem();
    m_inputs = inputs;
    m_source = source;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_finishedAt = QDateTime();
    m_sourceLabel->setText(tr("Checking %1: the authoritative install of each PMS ID, its "
                              "status and its identifiers.")
                               .arg(source));
    m_model->setInputs(inputs);
    m_progress->setRange(0, std::max(1, int(inputs.size())));
    m_progress->setValue(0);
    m_summary->setText(inputs.isEmpty() ? tr("There is nothing to verify.")
                                        : tr("0 of %1 checked").arg(inputs.size()));
    m_service->start(inputs);
    updateButtons();
}

void VerifySitesDialog::stop()
{
    if (m_service->isRunning())
        m_service->cancel();
}

void VerifySitesDialog::onProgress(int done, int total)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_summary->setText(tr("%1 of %2 checked, %3 ok").arg(done).arg(total).arg(m_model->okCount()));
}

void VerifySitesDialog::onFinished(bool cancelled)
{
    m_finishedAt = QDateTime::currentDateTimeUtc();
    const int checked = m_model->checkedCount();
    const int ok = m_model->okCount();
    QString text =
        cancelled ? tr("Stopped: %1 of %2 checked, %3 ok, %4 not ok")
                        .arg(checked)
                        .arg(m_inputs.size())
                        .arg(ok)
                        .arg(checked - ok)
                  : tr("Done: %1 checked, %2 ok, %3 not ok").arg(checked).arg(ok).arg(checked - ok);
    m_summary->setText(text);
    updateButtons();
    emit runFinished(cancelled);
}

bool VerifySitesDialog::saveReportTo(const QString &path)
{
    Halo::VerificationRun run;
    run.environment = m_environmentName;
    run.source = m_source;
    run.user = Halo::VerificationReport::currentUser();
    run.appVersion = QApplication::applicationVersion();
    run.startedAt = m_startedAt;
    run.finishedAt = m_finishedAt.isValid() ? m_finishedAt : QDateTime::currentDateTimeUtc();
    run.cancelled = m_service->wasCancelled();
    run.total = int(m_inputs.size());
    run.rows = m_service->results();
    QString error;
    if (!ReportFile::write(path, run, &error)) {
        m_problem->showProblem(tr("The report was not saved"), error);
        return false;
    }
    m_problem->showNote(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void VerifySitesDialog::chooseCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Verify a CSV file"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        verifyCsv(path);
}

void VerifySitesDialog::chooseReportFile()
{
    Halo::VerificationRun run;
    run.startedAt = m_startedAt;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save report"), ReportFile::suggestedName(run, QStringLiteral("verification")),
        ReportFile::fileFilters());
    if (!path.isEmpty())
        saveReportTo(path);
}

void VerifySitesDialog::updateButtons()
{
    const bool running = m_service->isRunning();
    m_stop->setEnabled(running);
    m_again->setEnabled(!running && !m_sites.isEmpty());
    m_csv->setEnabled(!running);
    m_save->setEnabled(!running && m_startedAt.isValid());
}

void VerifySitesDialog::done(int result)
{
    stop(); // closing is stopping: nothing more is sent for a dialog nobody sees
    QDialog::done(result);
}
