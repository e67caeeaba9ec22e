// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryPanel.h"

#include "sql/QueryHistory.h"
#include "widgets/FlowLayout.h"
#include "widgets/ProblemLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

enum Column { TimeColumn, ModeColumn, StatusColumn, RowsColumn, DurationColumn, SqlColumn };
enum Role { SqlRole = Qt::UserRole + 1, ExecutionModeRole };

QString modeText(const QString &mode)
{
    if (mode == QLatin1String("immediate"))
        return HistoryPanel::tr("Immediate");
    if (mode == QLatin1String("async"))
        return HistoryPanel::tr("Async");
    if (mode == QLatin1String("registered"))
        return HistoryPanel::tr("Registered");
    return mode;
}

QString durationText(qint64 ms)
{
    if (ms < 0)
        return HistoryPanel::tr("—");
    if (ms < 1000)
        return HistoryPanel::tr("%1 ms").arg(ms);
    return HistoryPanel::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QString firstLine(const QString &sql)
{
    const QString trimmed = sql.trimmed();
    const qsizetype end = trimmed.indexOf(QLatin1Char('\n'));
    return end < 0 ? trimmed : trimmed.left(end).trimmed() + QStringLiteral(" …");
}

QList<QStandardItem *> rowFor(const Halo::HistoryEntry &entry)
{
    const QString rows = entry.rows < 0 ? HistoryPanel::tr("—") : QLocale().toString(entry.rows);
    QList<QStandardItem *> items{
        new QStandardItem(QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat)),
        new QStandardItem(modeText(entry.mode)),
        new QStandardItem(Halo::queryStatusText(entry.status)),
        new QStandardItem(rows),
        new QStandardItem(durationText(entry.durationMs)),
        new QStandardItem(firstLine(entry.sql))};
    for (QStandardItem *item : items) {
        item->setEditable(false);
        item->setData(entry.sql, SqlRole);
        item->setData(entry.executionMode, ExecutionModeRole);
    }
    items.at(RowsColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    items.at(DurationColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    items.at(SqlColumn)->setToolTip(entry.sql);
    return items;
}

} // namespace

HistoryPanel::HistoryPanel(Halo::QueryHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_search(new QLineEdit(this))
    , m_model(new QStandardItemModel(this))
    , m_view(new QTreeView(this))
    , m_rerun(new QPushButton(tr("Run again"), this))
    , m_clear(new QPushButton(tr("Clear history"), this))
    , m_problem(new ProblemLabel(tr("History problem"), this))
{
    setAccessibleName(tr("History panel"));
    m_search->setAccessibleName(tr("Search history"));
    m_search->setPlaceholderText(tr("Search history"));
    m_search->setClearButtonEnabled(true);

    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Mode"), tr("Status"), tr("Rows"), tr("Duration"), tr("SQL")});
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Query history"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The panel is narrow: the SQL comes right after the time, at a width the user can drag,
    // and the other columns fit their contents, scrolled to sideways; none is squeezed.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    for (int column = TimeColumn; column < SqlColumn; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SqlColumn, QHeaderView::Interactive);
    header->resizeSection(SqlColumn, 240);
    header->moveSection(header->visualIndex(SqlColumn), 1);

    m_rerun->setAccessibleName(tr("Run again"));
    m_rerun->setToolTip(tr("Runs the selected query again (Enter or double-click)."));
    m_clear->setAccessibleName(tr("Clear history"));

    // Wraps: the panel is narrow, at the side of the SQL tab.
    QWidget *buttons = FlowLayout::row(this, {m_rerun, m_clear});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &HistoryPanel::reload);
    connect(m_view, &QAbstractItemView::activated, this, &HistoryPanel::rerunCurrent);
    connect(m_rerun, &QPushButton::clicked, this, &HistoryPanel::rerunCurrent);
    connect(m_clear, &QPushButton::clicked, this, &HistoryPanel::clearHistory);
    connect(m_history, &Halo::QueryHistory::changed, this, &HistoryPanel::onHistoryChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPanel::updateButtons);
    reload();
}

void HistoryPanel::setSite(const Halo::SiteRecord &site)
{
    m_site = site;
    m_problem->clearProblem();
    if (!m_history->loadError().isEmpty())
        m_problem->showProblem(tr("The query history could not be read"), m_history->loadError());
    reload();
}

QString HistoryPanel::searchText() const
{
    return m_search->text();
}

void HistoryPanel::setSearchText(const QString &text)
{
    m_search->setText(text);
}

int HistoryPanel::visibleCount() const
{
    return m_model->rowCount();
}

void HistoryPanel::recordFinished(const QString &sql, const QString &mode,
                                  const QString &executionMode, const QString &status, qint64 rows,
                                  qint64 durationMs)
{
    if (m_site.guid.isEmpty() || sql.trimmed().isEmpty())
        return;
    Halo::HistoryEntry entry;
    entry.sql = sql;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.mode = mode;
    entry.executionMode = executionMode;
    entry.status = status;
    entry.rows = rows;
    entry.durationMs = durationMs;
    QString error;
    if (!m_history->record(m_site.environment, m_site.guid, entry, &error))
        m_problem->showProblem(tr("The query was not added to the history"), error);
}

void HistoryPanel::clearHistory()
{
    if (m_site.guid.isEmpty() || m_history->entries(m_site.environment, m_site.guid).isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear history"),
                                tr("Forget every query run on this site? This cannot be undone."),
                                QMessageBox::NoButton, this);
    box->setAccessibleName(tr("Confirm clear history"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Clear history"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Keep history"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::finished, this, [this, box, yes, site = m_site]() {
        QString error;
        if (box->clickedButton() == yes && !m_history->clear(site.environment, site.guid, &error))
            m_problem->showProblem(tr("The history was not cleared"), error);
    });
    box->open();
}

void HistoryPanel::onHistoryChanged(const QString &environment, const QString &siteGuid)
{
    if (environment.compare(m_site.environment, Qt::CaseInsensitive) == 0 &&
        siteGuid.compare(m_site.guid, Qt::CaseInsensitive) == 0)
        reload();
}

void HistoryPanel::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    if (!m_site.guid.isEmpty()) {
        for (const Halo::HistoryEntry &entry :
             m_history->search(m_site.environment, m_site.guid, m_search->text()))
            m_model->appendRow(rowFor(entry));
    }
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateButtons();
}

void HistoryPanel::rerunCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    emit rerunRequested(current.data(SqlRole).toString(),
                        current.data(ExecutionModeRole).toString());
}

void HistoryPanel::updateButtons()
{
    m_rerun->setEnabled(m_view->currentIndex().isValid());
    m_clear->setEnabled(!m_site.guid.isEmpty() &&
                        !m_history->entries(m_site.environment, m_site.guid).isEmpty());
}
