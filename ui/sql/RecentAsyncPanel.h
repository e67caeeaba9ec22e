// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class ProblemLabel;

namespace Halo {
class AsyncQueryJournal;
}

// This site's async queries from the journal, newest first, while Halo may still hold their
// results (about 24 hours), so one can be reopened after a restart. The journal holds ids and
// SQL text only.
class RecentAsyncPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RecentAsyncPanel(Halo::AsyncQueryJournal *journal, QWidget *parent = nullptr);

    void setSite(const QString &environment, const QString &siteGuid);
    int count() const; // entries listed now

public slots:
    // Reads the journal again (the SQL tab calls it after submitting or when a status changes).
    void refresh();
    void reopenCurrent();
    void forgetCurrent(); // removes the entry from the journal; the query at Halo is untouched

signals:
    void reopenRequested(const QString &queryId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString currentId() const;
    void updateButtons();

    Halo::AsyncQueryJournal *m_journal;
    QString m_environment;
    QString m_siteGuid;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_reopen;
    QPushButton *m_forget;
    QPushButton *m_refresh;
    ProblemLabel *m_problem;
};
