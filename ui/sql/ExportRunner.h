// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>

#include "results/ResultExport.h"

class QProgressDialog;
class QWidget;

namespace Halo {
class ResultTableModel;
}

// Writes the results shown (CSV, or JSON for a .json name) on a worker thread with a cancellable
// progress dialog, so a large export never freezes the window.
class ExportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ExportRunner(QWidget *dialogParent);
    ~ExportRunner() override; // cancels a running export and waits for the worker

    bool isRunning() const { return m_watcher.isRunning(); }
    // The rows shown, in the order shown. Returns false when an export already runs.
    bool start(const Halo::ResultTableModel &model, const QString &path);

signals:
    void finished(const QString &path, const QString &error); // error empty: written

private:
    QWidget *m_dialogParent;
    QProgressDialog *m_dialog = nullptr;
    QFutureWatcher<Halo::ResultExport::Outcome> m_watcher;
    QString m_path;
};
