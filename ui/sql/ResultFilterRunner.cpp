// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultFilterRunner.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

ResultFilterRunner::ResultFilterRunner(Halo::ResultTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_pause(new QTimer(this))
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(kPauseMs);
    connect(m_pause, &QTimer::timeout, this, &ResultFilterRunner::startWorker);
    connect(&m_worker, &QFutureWatcher<Halo::ResultTableModel::FilterResult>::finished, this,
            &ResultFilterRunner::workerFinished);
}

ResultFilterRunner::~ResultFilterRunner()
{
    m_worker.disconnect(this);
    m_worker.waitForFinished(); // it reads a snapshot only, never the model
}

void ResultFilterRunner::setText(const QString &text)
{
    m_wanted = text;
    const bool small = m_model->totalRowCount() < kRowsForWorker;
    if (small && !m_worker.isRunning()) {
        m_pause->stop();
        m_model->setFilter(text);
        setBusy(false);
        return;
    }
    setBusy(true);
    m_pause->start(); // restarts: the worker starts once typing pauses
}

bool ResultFilterRunner::isBusy() const
{
    return m_busy;
}

void ResultFilterRunner::startWorker()
{
    if (m_worker.isRunning())
        return; // workerFinished() starts again with the latest text
    if (m_wanted == m_model->filterText()) {
        setBusy(false);
        return;
    }
    m_worker.setFuture(QtConcurrent::run(m_model->filterTask(m_wanted)));
}

void ResultFilterRunner::workerFinished()
{
    Halo::ResultTableModel::FilterResult result = m_worker.result();
    if (result.text != m_wanted) { // typed on meanwhile
        if (!m_pause->isActive())
            startWorker();
        return;
    }
    m_model->applyFilter(std::move(result));
    if (!m_pause->isActive())
        setBusy(false);
}

void ResultFilterRunner::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}
