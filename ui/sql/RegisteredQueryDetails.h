// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

#include "sql/QueryTypes.h"

class QLabel;
class QPushButton;
class ProductionMarker;

namespace Halo {
struct Endpoint;
}

// The registered query selected in the list: its status, schedule, runs and last error in plain
// words, with Latest results (and how many rows they hold) and Cancel registered query.
class RegisteredQueryDetails : public QGroupBox
{
    Q_OBJECT
public:
    explicit RegisteredQueryDetails(const Halo::Endpoint &destination, QWidget *parent = nullptr);

    void showQuery(const Halo::RegisteredQueryInfo &query);
    void clear(); // nothing selected
    void showResultCount(qint64 count);
    void clearResultCount();
    void setProductionMarked(bool production); // beside Cancel
    void setActionsEnabled(bool latestResults, bool cancel);

signals:
    void latestResultsRequested();
    void cancelRequested();

private:
    QLabel *addDetail(const QString &accessibleName);

    QLabel *m_name = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_schedule = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_lastSucceeded = nullptr;
    QLabel *m_lastFailed = nullptr;
    QLabel *m_lastDuration = nullptr;
    QLabel *m_runs = nullptr;
    QLabel *m_resultSize = nullptr;
    QLabel *m_lastError = nullptr;
    QPushButton *m_results = nullptr;
    QLabel *m_resultCount = nullptr;
    QPushButton *m_cancel = nullptr;
    ProductionMarker *m_cancelMarker = nullptr;
};
