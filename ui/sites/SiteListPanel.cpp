// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteListPanel.h"

#include "SiteDetailsEditor.h"
#include "SiteListDelegates.h"
#include "SiteListNotice.h"
#include "sites/SiteListFilterModel.h"
#include "sites/SiteListModel.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QString namesOf(const QList<Halo::SiteRecord> &records)
{
    QStringList names;
    for (const Halo::SiteRecord &record : records)
        names << Halo::shownName(record);
    return names.join(QStringLiteral(", "));
}

} // namespace

SiteListPanel::SiteListPanel(Halo::SiteListModel *model, Halo::SiteStore *store, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_store(store)
    , m_proxy(new Halo::SiteListFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_attentionOnly(new QCheckBox(tr("Needs a&ttention"), this))
    , m_notice(new SiteListNotice(this))
    , m_view(new QTreeView(this))
    , m_details(new SiteDetailsEditor(this))
{
    setObjectName(QStringLiteral("siteListPanel"));
    setMinimumWidth(280); // practice name and availability stay readable
    m_proxy->setSourceModel(m_model);
    createActions();

    m_filter->setObjectName(QStringLiteral("siteFilter"));
    m_filter->setAccessibleName(tr("Filter sites"));
    m_filter->setPlaceholderText(tr("Filter by name, label, tag, PMS ID or GUID (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_view->expandAll();
    });

    m_attentionOnly->setObjectName(QStringLiteral("needsAttentionFilter"));
    m_attentionOnly->setAccessibleName(tr("Needs attention"));
    m_attentionOnly->setToolTip(tr("Show only sites with a mark: offline or unreachable, not "
                                   "authoritative, changed since onboarding, or not heard from"));
    connect(m_attentionOnly, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setAttentionOnly(only);
        m_view->expandAll();
    });

    auto *removeButton = new QToolButton(this);
    removeButton->setObjectName(QStringLiteral("removeSiteButton"));
    removeButton->setDefaultAction(m_removeAction);
    removeButton->setAccessibleName(tr("Remove site"));
    removeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_view->setObjectName(QStringLiteral("siteList"));
    m_view->setAccessibleName(tr("Site list"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new SiteMarksDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_view->expandAll();
    m_view->addAction(m_removeAction);
    // Every store change resets the list: the current site (or its place) is kept across it.
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            &SiteListPanel::rememberCurrent);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SiteListPanel::restoreCurrent);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SiteListPanel::emitSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SiteListPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SiteListPanel::followSelection);
    connect(m_view, &QWidget::customContextMenuRequested, this, &SiteListPanel::showContextMenu);

    connect(m_notice, &SiteListNotice::undoRequested, this, &SiteListPanel::undoRemove);
    connect(m_details, &SiteDetailsEditor::detailsEdited, this, &SiteListPanel::saveDetails);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_attentionOnly);
    filterRow->addWidget(removeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    setFocusProxy(m_view);
    updateActions();
}

void SiteListPanel::createActions()
{
    m_removeAction = new QAction(tr("&Remove site"), this);
    m_removeAction->setObjectName(QStringLiteral("removeSiteAction"));
    m_removeAction->setShortcut(QKeySequence(Qt::Key_Delete));
    // Only in the list: Delete in a text field deletes text.
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeAction->setToolTip(tr("Remove the selected sites from the list (Delete); "
                                  "Ctrl+Z puts them back"));
    connect(m_removeAction, &QAction::triggered, this, &SiteListPanel::removeSelected);

    m_undoAction = new QAction(tr("&Undo remove"), this);
    m_undoAction->setObjectName(QStringLiteral("undoRemoveSiteAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    // In the panel only: the SQL editor's Ctrl+Z stays its own. Text fields here take their
    // own Ctrl+Z first (ShortcutOverride).
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    connect(m_undoAction, &QAction::triggered, this, &SiteListPanel::undoRemove);

    m_exportAction = new QAction(tr("E&xport selected sites…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportSelectedSitesAction"));
    connect(m_exportAction, &QAction::triggered, this, &SiteListPanel::exportSelected);
}

void SiteListPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

const Halo::SiteRecord *SiteListPanel::selectedRecord() const
{
    return m_model->recordAt(m_proxy->mapToSource(m_view->currentIndex()));
}

QList<Halo::SiteRecord> SiteListPanel::selectedRecords() const
{
    QList<Halo::SiteRecord> records;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        if (const Halo::SiteRecord *record = m_model->recordAt(m_proxy->mapToSource(row)))
            records.append(*record);
    }
    if (records.isEmpty()) {
        if (const Halo::SiteRecord *record = selectedRecord())
            records.append(*record);
    }
    return records;
}

void SiteListPanel::selectSite(const QString &environment, const QString &guid)
{
    const QModelIndex source = m_model->indexOf(environment, guid);
    const QModelIndex row = m_proxy->mapFromSource(source);
    if (row.isValid())
        m_view->setCurrentIndex(row);
}

void SiteListPanel::emitSelection()
{
    const Halo::SiteRecord *record = selectedRecord();
    m_details->setRecord(record);
    updateActions();
    if (!record)
        return;
    // A reset puts the same site back as current: that is no new choice of the user's.
    const QPair<QString, QString> key{record->environment, record->guid};
    if (key == m_shown)
        return;
    m_shown = key;
    emit siteSelected(*record);
}

void SiteListPanel::updateActions()
{
    const bool any = !selectedRecords().isEmpty();
    m_removeAction->setEnabled(any && !m_store->isReadOnly());
    m_exportAction->setEnabled(any);
    m_undoAction->setEnabled(m_store->canUndoRemove());
}

void SiteListPanel::followSelection()
{
    // Assistive technology selects rows without moving the current one: one selected site
    // that is not the current one becomes it, so the status panel shows what was chosen.
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1 || rows.first() == m_view->currentIndex().siblingAtColumn(0))
        return;
    m_view->selectionModel()->setCurrentIndex(rows.first(), QItemSelectionModel::NoUpdate);
}

void SiteListPanel::rememberCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const Halo::SiteRecord *record = selectedRecord();
    m_current = record ? qMakePair(record->environment, record->guid) : QPair<QString, QString>();
    m_currentPlace = record ? qMakePair(current.parent().row(), current.row()) : qMakePair(-1, -1);
}

void SiteListPanel::restoreCurrent()
{
    m_view->expandAll();
    QModelIndex target =
        m_proxy->mapFromSource(m_model->indexOf(m_current.first, m_current.second));
    if (!target.isValid() && m_currentPlace.first >= 0 && m_proxy->rowCount() > 0) {
        // The site went (removed, or its GUID changed): its neighbour takes its place.
        const QModelIndex group =
            m_proxy->index(std::min(m_currentPlace.first, m_proxy->rowCount() - 1), 0);
        const int rows = m_proxy->rowCount(group);
        if (rows > 0)
            target = m_proxy->index(std::min(m_currentPlace.second, rows - 1), 0, group);
    }
    m_current = {};
    m_currentPlace = {-1, -1};
    if (target.isValid())
        m_view->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    else
        m_details->setRecord(nullptr);
    updateActions();
}

void SiteListPanel::showContextMenu(const QPoint &position)
{
    QMenu menu(this);
    menu.addAction(m_removeAction);
    menu.addAction(m_undoAction);
    menu.addSeparator();
    menu.addAction(m_exportAction);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void SiteListPanel::removeSelected()
{
    const QList<Halo::SiteRecord> records = selectedRecords();
    if (records.isEmpty())
        return;
    QString error;
    if (!m_store->remove(records, &error)) {
        m_notice->showText(error);
        return;
    }
    m_notice->showText(records.size() == 1
                           ? tr("Removed %1. Undo (Ctrl+Z) puts it back.").arg(namesOf(records))
                           : tr("Removed %1 sites: %2. Undo (Ctrl+Z) puts them back.")
                                 .arg(records.size())
                                 .arg(namesOf(records)),
                       true);
    updateActions();
}

void SiteListPanel::undoRemove()
{
    const int count = m_store->lastRemovalCount();
    QString error;
    if (!m_store->undoRemove(&error)) {
        m_notice->showText(error);
        return;
    }
    m_notice->showText(count == 1 ? tr("The removed site is back in the list.")
                                  : tr("The %1 removed sites are back in the list.").arg(count));
    updateActions();
}

void SiteListPanel::exportSelected()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export selected sites"),
                                                      QStringLiteral("halo-sites.json"),
                                                      tr("Site lists (*.json);;CSV files (*.csv)"));
    if (!path.isEmpty())
        exportSelectedTo(path);
}

bool SiteListPanel::exportSelectedTo(const QString &path)
{
    const QList<Halo::SiteRecord> records = selectedRecords();
    QString error;
    if (!Halo::SiteStore::exportSites(path, records, &error)) {
        m_notice->showText(error);
        return false;
    }
    m_notice->showText(tr("Exported %n site(s) to %1.", nullptr, int(records.size()))
                           .arg(QDir::toNativeSeparators(path)));
    return true;
}

void SiteListPanel::importFiles(const QStringList &paths, const Halo::SiteCsvDefaults &defaults)
{
    QStringList reports;
    bool added = false;
    for (const QString &path : paths) {
        const QString name = QDir::toNativeSeparators(path);
        Halo::SiteStore::ImportResult result;
        QString error;
        if (!m_store->importFrom(path, &result, &error, defaults)) {
            reports << tr("%1 was not imported: %2").arg(name, error);
            continue;
        }
        added = added || result.added > 0;
        QString report = tr("%1: added %2 sites; %3 were already in the list.")
                             .arg(name)
                             .arg(result.added)
                             .arg(result.skipped);
        if (!result.problems.isEmpty())
            report += QLatin1Char('\n') + tr("Not imported:") + QLatin1Char('\n') +
                      result.problems.join(QLatin1Char('\n'));
        reports << report;
    }
    m_notice->showText(reports.join(QStringLiteral("\n\n")));
    if (added)
        emit sitesImported();
}

QString SiteListPanel::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void SiteListPanel::saveDetails(const QString &environment, const QString &guid,
                                const QString &label, const QString &notes, const QStringList &tags)
{
    QString error;
    if (!m_store->setDetails(environment, guid, label, notes, tags, &error))
        m_notice->showText(error);
}
