// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "sites/SiteRecord.h"

class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTreeView;
class ProblemLabel;

namespace Halo {
class QueryHistory;
}

// The queries run on the current site, newest first, with a search field. Activating one (double
// click or Enter) asks the SQL tab to run it again. Only the query and how it went are shown and
// kept, never its results.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(Halo::QueryHistory *history, QWidget *parent = nullptr);

    void setSite(const Halo::SiteRecord &site);
    QString searchText() const;
    void setSearchText(const QString &text);
    int visibleCount() const; // rows the list shows now

public slots:
    // Connect to SqlTab::queryFinished: records one run for the current site.
    void recordFinished(const QString &sql, const QString &mode, const QString &executionMode,
                        const QString &status, qint64 rows, qint64 durationMs);
    void clearHistory(); // asks first

signals:
    void rerunRequested(const QString &sql, const QString &executionMode);

private:
    void reload();
    void rerunCurrent();
    void onHistoryChanged(const QString &environment, const QString &siteGuid);
    void updateButtons();

    Halo::QueryHistory *m_history;
    Halo::SiteRecord m_site;
    QLineEdit *m_search;
    QStandardItemModel *m_model;
    QTreeView *m_view;
    QPushButton *m_rerun;
    QPushButton *m_clear;
    ProblemLabel *m_problem;
};
