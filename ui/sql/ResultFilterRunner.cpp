// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultFilterRunner.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using View = Halo::ResultTableModel::View;

ResultFilterRunner::ResultFilterRunner(Halo::ResultTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_pause(new QTimer(this))
    , m_wanted(model->view())
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(kPauseMs);
    connect(m_pause, &QTimer::timeout, this, &ResultFilterRunner::startWorker);
    connect(&m_worker, &QFutureWatcher<Halo::ResultTableModel::FilterResult>::finished, this,
            &ResultFilterRunner::workerFinished);
    // A new result may drop the sort (its columns are not known yet) or bring back column
    // filters: what is wanted follows, unless a wish is still on its way.
    connect(model, &QAbstractItemModel::modelReset, this, &ResultFilterRunner::modelReset);
}

ResultFilterRunner::~ResultFilterRunner()
{
    m_worker.disconnect(this);
    m_worker.waitForFinished(); // it reads a snapshot only, never the model
}

bool ResultFilterRunner::isLarge() const
{
    return m_model->totalRowCount() >= kRowsForWorker;
}

void ResultFilterRunner::setText(const QString &text)
{
    m_wanted.text = text;
    m_wanted.column = -1;
    wantFilters();
}

void ResultFilterRunner::setColumnFilters(const Halo::ResultTableModel::ColumnFilters &filters)
{
    m_wanted.columnFilters.clear();
    for (const Halo::ResultTableModel::ColumnFilter &filter : filters) {
        if (!filter.text.isEmpty())
            m_wanted.columnFilters.push_back(filter);
    }
    wantFilters();
}

void ResultFilterRunner::wantFilters()
{
    if (!isLarge() && !m_worker.isRunning()) {
        m_pause->stop();
        m_model->setView(m_wanted);
        settle();
        return;
    }
    setBusy(true);
    m_pause->start(); // restarts: the worker starts once typing pauses
}

void ResultFilterRunner::sort(int column, Qt::SortOrder order)
{
    m_wanted.sortColumn = column;
    m_wanted.sortOrder = order;
    if (!isLarge() && !m_worker.isRunning() && !m_pause->isActive()) {
        m_model->setView(m_wanted);
        settle();
        return;
    }
    setSorting(m_wanted != m_model->view());
    if (!m_pause->isActive())
        startWorker(); // a click needs no pause; while typing, the pause ends it all together
}

bool ResultFilterRunner::isBusy() const
{
    return m_busy;
}

bool ResultFilterRunner::isSorting() const
{
    return m_sorting;
}

void ResultFilterRunner::startWorker()
{
    if (m_worker.isRunning())
        return; // workerFinished() starts again with the latest wish
    if (m_wanted == m_model->view()) {
        settle();
        return;
    }
    m_worker.setFuture(QtConcurrent::run(m_model->viewTask(m_wanted)));
}

void ResultFilterRunner::workerFinished()
{
    Halo::ResultTableModel::FilterResult result = m_worker.result();
    // Something else was asked for meanwhile, or the result was replaced: once more, on the
    // worker (unless typing goes on: the pause starts it).
    if (result.view != m_wanted || !m_model->isCurrent(result)) {
        if (!m_pause->isActive())
            startWorker();
        return;
    }
    m_model->applyFilter(std::move(result));
    if (!m_pause->isActive())
        settle();
}

void ResultFilterRunner::modelReset()
{
    if (m_worker.isRunning() || m_pause->isActive())
        return;
    m_wanted = m_model->view();
    settle();
}

// Nothing on its way: what is shown is what was wanted.
void ResultFilterRunner::settle()
{
    if (m_worker.isRunning() || m_pause->isActive())
        return;
    setBusy(false);
    setSorting(false);
}

void ResultFilterRunner::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void ResultFilterRunner::setSorting(bool sorting)
{
    if (sorting == m_sorting)
        return;
    m_sorting = sorting;
    emit sortingChanged(sorting);
}
