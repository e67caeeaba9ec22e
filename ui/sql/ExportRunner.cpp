// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportRunner.h"

#include "results/ResultTableModel.h"

#include <QProgressDialog>
#include <QWidget>

ExportRunner::ExportRunner(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<Halo::ResultExport::Outcome>::progressRangeChanged, this,
            [this](int minimum, int maximum) {
                if (m_dialog)
                    m_dialog->setRange(minimum, maximum);
            });
    connect(&m_watcher, &QFutureWatcher<Halo::ResultExport::Outcome>::progressValueChanged, this,
            [this](int value) {
                if (m_dialog)
                    m_dialog->setValue(value);
            });
    connect(&m_watcher, &QFutureWatcher<Halo::ResultExport::Outcome>::finished, this, [this]() {
        if (m_dialog) {
            m_dialog->deleteLater();
            m_dialog = nullptr;
        }
        QString error;
        if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
            error = tr("The export was cancelled; no file was written.");
        } else {
            const Halo::ResultExport::Outcome outcome = m_watcher.result();
            if (outcome.cancelled)
                error = tr("The export was cancelled; no file was written.");
            else if (!outcome.ok)
                error = outcome.error;
        }
        emit finished(m_path, error);
    });
}

ExportRunner::~ExportRunner()
{
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool ExportRunner::start(const Halo::ResultTableModel &model, const QString &path)
{
    if (m_watcher.isRunning())
        return false;
    m_path = path;
    const auto format = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                            ? Halo::ResultExport::Format::Json
                        : path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                            ? Halo::ResultExport::Format::Xlsx
                            : Halo::ResultExport::Format::Csv;
    m_dialog = new QProgressDialog(tr("Exporting %n row(s)…", nullptr, model.rowCount()),
                                   tr("Cancel"), 0, std::max(1, model.rowCount()), m_dialogParent);
    m_dialog->setWindowTitle(tr("Export results"));
    m_dialog->setAccessibleName(tr("Export progress"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(400); // a small export is done before it would show
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, &m_watcher,
            &QFutureWatcher<Halo::ResultExport::Outcome>::cancel);
    // A snapshot: the grid may take in more pages while the worker writes.
    m_watcher.setFuture(
        Halo::ResultExport::writeFileAsync(path, format, model.snapshot(), model.shownCells()));
    return true;
}
