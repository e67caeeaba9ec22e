// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentAsyncPanel.h"

#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "widgets/AccessibleControls.h"
#include "widgets/FlowLayout.h"
#include "widgets/ProblemLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kQueryIdRole = Qt::UserRole + 1;

QString timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString firstLine(const QString &sql)
{
    const QString trimmed = sql.trimmed();
    const qsizetype end = trimmed.indexOf(QLatin1Char('\n'));
    return end < 0 ? trimmed : trimmed.left(end).trimmed() + QStringLiteral(" …");
}

QString statusText(const QString &status)
{
    return status.isEmpty() ? RecentAsyncPanel::tr("Submitted") : Halo::queryStatusText(status);
}

} // namespace

RecentAsyncPanel::RecentAsyncPanel(Halo::AsyncQueryJournal *journal, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_list(new QTreeWidget(this))
    , m_empty(new QLabel(tr("No async queries on this site in the last 24 hours."), this))
    , m_reopen(new QPushButton(tr("Reopen"), this))
    , m_forget(new QPushButton(tr("Forget"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_problem(new ProblemLabel(tr("Recent async queries problem"), this))
{
    setAccessibleName(tr("Recent async queries panel"));
    m_list->setAccessibleName(tr("Recent async queries"));
    m_list->setHeaderLabels({tr("Submitted"), tr("Status"), tr("Results kept until"), tr("SQL")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    for (int column = 0; column < 3; ++column)
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_empty->setAccessibleName(tr("No recent async queries"));
    AccessibleControls::makeSelectable(m_empty);
    m_empty->setWordWrap(true);
    m_reopen->setAccessibleName(tr("Reopen async query"));
    m_reopen->setToolTip(tr("Picks the query up again: its status and, while Halo keeps them, "
                            "its results (Enter or double-click)."));
    m_forget->setAccessibleName(tr("Forget async query"));
    m_forget->setToolTip(tr("Removes it from this list; the query at Halo is not affected."));
    m_refresh->setAccessibleName(tr("Refresh recent async queries"));

    // Wraps: the panel is narrow, at the side of the SQL tab.
    QWidget *buttons = FlowLayout::row(this, {m_reopen, m_forget, m_refresh});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::itemActivated, this, &RecentAsyncPanel::reopenCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RecentAsyncPanel::updateButtons);
    connect(m_reopen, &QPushButton::clicked, this, &RecentAsyncPanel::reopenCurrent);
    connect(m_forget, &QPushButton::clicked, this, &RecentAsyncPanel::forgetCurrent);
    connect(m_refresh, &QPushButton::clicked, this, &RecentAsyncPanel::refresh);
    refresh();
}

void RecentAsyncPanel::setSite(const QString &environment, const QString &siteGuid)
{
    m_environment = environment;
    m_siteGuid = siteGuid;
    m_problem->clearProblem();
    refresh();
}

int RecentAsyncPanel::count() const
{
    return m_list->topLevelItemCount();
}

void RecentAsyncPanel::refresh()
{
    const QString selected = currentId();
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Halo::JournalEntry> entries =
        m_siteGuid.isEmpty() ? QList<Halo::JournalEntry>()
                             : m_journal->entriesForSite(m_environment, m_siteGuid);
    for (const Halo::JournalEntry &entry : entries) {
        if (Halo::AsyncQueryJournal::isExpired(entry, now))
            continue;
        const QDateTime keptUntil =
            entry.submittedAt.addSecs(qint64(Halo::AsyncQueryJournal::kResultLifetimeHours) * 3600);
        auto *item =
            new QTreeWidgetItem(m_list, {timeText(entry.submittedAt), statusText(entry.lastStatus),
                                         tr("about %1").arg(timeText(keptUntil)),
                                         entry.sql.isEmpty() ? tr("(SQL not kept: no history here)")
                                                             : firstLine(entry.sql)});
        item->setData(0, kQueryIdRole, entry.queryId);
        item->setToolTip(3, entry.sql);
        if (entry.queryId == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_empty->setVisible(m_list->topLevelItemCount() == 0);
    updateButtons();
}

QString RecentAsyncPanel::currentId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kQueryIdRole).toString() : QString();
}

void RecentAsyncPanel::reopenCurrent()
{
    const QString id = currentId();
    if (!id.isEmpty())
        emit reopenRequested(id);
}

void RecentAsyncPanel::forgetCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    // Without its id the results cannot be fetched again here, so this is asked first.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Forget async query"),
                                tr("Remove this query from the list? Its results cannot be "
                                   "reopened here afterwards; the query at Halo is not affected."),
                                QMessageBox::NoButton, this);
    box->setAccessibleName(tr("Confirm forget async query"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Forget"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Keep"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::finished, this, [this, box, yes, id]() {
        if (box->clickedButton() != yes)
            return;
        QString error;
        if (!m_journal->remove(id, &error))
            m_problem->showProblem(tr("The query was not removed from the list"), error);
        refresh();
    });
    box->open();
}

void RecentAsyncPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the journal may have changed while the panel was hidden
}

void RecentAsyncPanel::updateButtons()
{
    const bool hasCurrent = !currentId().isEmpty();
    m_reopen->setEnabled(hasCurrent);
    m_forget->setEnabled(hasCurrent);
    m_refresh->setEnabled(!m_siteGuid.isEmpty());
}
