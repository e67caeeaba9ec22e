// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "results/ResultTableModel.h"

class QTimer;

// Runs the result filters (the global one and one per column) as the user types, and the sort
// as the user clicks a header. A small result is filtered and sorted at once; a large one
// (1,000,000 rows take about half a second to filter, a third of a second to sort) on a worker
// thread, the filters after a short pause in typing, so neither a keystroke nor a click stalls
// the window. One worker at a time works out everything wanted (filters and sort together);
// only the latest wish is ever applied, and a result that pages outran is caught up with.
class ResultFilterRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRowsForWorker = 50000;
    static constexpr int kPauseMs = 200;

    explicit ResultFilterRunner(Halo::ResultTableModel *model, QObject *parent = nullptr);
    ~ResultFilterRunner() override;

    void setText(const QString &text);
    void setColumnFilters(const Halo::ResultTableModel::ColumnFilters &filters);
    void sort(int column, Qt::SortOrder order);

    bool isBusy() const;    // filtering: waiting for the pause or for the worker
    bool isSorting() const; // a sort asked for is not shown yet
    // The sort asked for last (shown or on its way).
    int wantedSortColumn() const { return m_wanted.sortColumn; }
    Qt::SortOrder wantedSortOrder() const { return m_wanted.sortOrder; }

signals:
    void busyChanged(bool busy);
    void sortingChanged(bool sorting);

private:
    void wantFilters();
    void startWorker();
    void workerFinished();
    void modelReset();
    void settle();
    void setBusy(bool busy);
    void setSorting(bool sorting);
    bool isLarge() const;

    Halo::ResultTableModel *m_model;
    QTimer *m_pause;
    QFutureWatcher<Halo::ResultTableModel::FilterResult> m_worker;
    Halo::ResultTableModel::View m_wanted;
    bool m_busy = false;
    bool m_sorting = false;
};
