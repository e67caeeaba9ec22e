// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "sql/QueryTypes.h"

class QLabel;
class QTableWidget;
class StatusTimeline;

// Beside the grid: rows, result size, sqlExecutionDuration, the statusTiming timeline, rows
// affected (nonQuery) and output parameters of the last query.
class ResultSummary : public QWidget
{
    Q_OBJECT
public:
    explicit ResultSummary(QWidget *parent = nullptr);

    void clear();
    // `live`: the query still runs, so its current state lasts until now.
    void showInfo(const Halo::QueryInfo &info, bool live = false);
    // `rows`: the rows shown, in words ("24 of 60,000 rows"); `loaded` of Halo's `total`.
    void showRows(const QString &rows, qint64 loaded, std::optional<qint64> total);
    void showOutputParameters(const QList<Halo::OutputParameter> &parameters);
    StatusTimeline *timeline() const { return m_timeline; }

private:
    QLabel *m_rows;
    QLabel *m_size;
    QLabel *m_duration;
    QLabel *m_rowsAffected;
    StatusTimeline *m_timeline;
    QLabel *m_parametersLabel;
    QTableWidget *m_parameters;
};
