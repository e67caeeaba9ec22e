// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "results/ResultTableModel.h"

class QTimer;

// Runs the result filter as the user types. A small result is filtered at once; a large one
// (1,000,000 rows take about half a second) after a short pause in typing and on a worker
// thread, so no keystroke stalls the window. Only the latest text is ever applied.
class ResultFilterRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRowsForWorker = 50000;
    static constexpr int kPauseMs = 200;

    explicit ResultFilterRunner(Halo::ResultTableModel *model, QObject *parent = nullptr);
    ~ResultFilterRunner() override;

    void setText(const QString &text);
    bool isBusy() const; // waiting for the pause or for the worker

signals:
    void busyChanged(bool busy);

private:
    void startWorker();
    void workerFinished();
    void setBusy(bool busy);

    Halo::ResultTableModel *m_model;
    QTimer *m_pause;
    QFutureWatcher<Halo::ResultTableModel::FilterResult> m_worker;
    QString m_wanted;
    bool m_busy = false;
};
