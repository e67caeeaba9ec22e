// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteReportSaver.h"

#include "services/SiteReportRunner.h"
#include "widgets/ReportFile.h"

#include <QApplication>
#include <QFileDialog>
#include <QTimer>

SiteReportSaver::SiteReportSaver(Halo::HaloApiClient *client, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_runner(new Halo::SiteReportRunner(client, this))
{
    // The file dialog opens on a later turn, not inside the verification's own signal.
    connect(m_runner, &Halo::SiteReportRunner::finished, this,
            [this]() { QTimer::singleShot(0, this, &SiteReportSaver::onVerified); });
}

SiteReportSaver::~SiteReportSaver()
{
    m_runner->disconnect(this);
}

void SiteReportSaver::save(const Halo::SiteRecord &site)
{
    m_busy = true;
    m_runner->start(site, QApplication::applicationVersion());
    emit verifying();
    emit busyChanged(true);
}

void SiteReportSaver::cancel()
{
    if (!m_busy)
        return;
    m_busy = false;
    m_runner->cancel();
    emit busyChanged(false);
}

bool SiteReportSaver::isBusy() const
{
    return m_busy;
}

void SiteReportSaver::onVerified()
{
    if (!m_busy || m_runner->isRunning())
        return; // cancelled, or asked again meanwhile
    m_busy = false;
    emit busyChanged(false);
    const Halo::VerificationRun run = m_runner->run(); // its own: the dialog runs an event loop
    const QString path = choosePath(ReportFile::suggestedName(run, QStringLiteral("site-report")));
    if (path.isEmpty()) {
        emit abandoned();
        return;
    }
    QString error;
    if (!ReportFile::write(path, run, &error)) {
        emit failed(error);
        return;
    }
    emit saved(path);
}

QString SiteReportSaver::choosePath(const QString &suggestedName)
{
    if (m_chooser)
        return m_chooser(suggestedName);
    return QFileDialog::getSaveFileName(m_dialogParent, tr("Save report"), suggestedName,
                                        ReportFile::fileFilters());
}
