#include "SiteListPanel.h"

#include "sites/SiteListModel.h"
#include "sites/SiteRecord.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Availability as a coloured mark plus words, so colour is never the only signal.
class AvailabilityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(Halo::SiteListModel::IsGroupRole).toBool())
            return;
        const auto availability = static_cast<Halo::SiteInfo::Availability>(
            index.data(Halo::SiteListModel::AvailabilityRole).toInt());
        const bool failed = !index.data(Halo::SiteListModel::ProblemRole).toString().isEmpty();
        QColor colour = option->palette.color(QPalette::PlaceholderText);
        if (failed || availability == Halo::SiteInfo::Availability::Offline ||
            availability == Halo::SiteInfo::Availability::Unreachable)
            colour = QColor(0xc6, 0x28, 0x28);
        else if (availability == Halo::SiteInfo::Availability::Online)
            colour = QColor(0x2e, 0x7d, 0x32);
        option->palette.setColor(QPalette::Text, colour);
        option->palette.setColor(QPalette::HighlightedText, colour.lighter(170));
        option->text = QStringLiteral("● ") + option->text;
    }
};

} // namespace

SiteListPanel::SiteListPanel(Halo::SiteListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("siteListPanel"));
    setMinimumWidth(280); // practice name and availability stay readable
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(Halo::SiteListModel::FilterTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(false);

    m_filter->setObjectName(QStringLiteral("siteFilter"));
    m_filter->setAccessibleName(tr("Filter sites"));
    m_filter->setPlaceholderText(tr("Filter by name, PMS ID or GUID (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_view->expandAll();
    });

    m_view->setObjectName(QStringLiteral("siteList"));
    m_view->setAccessibleName(tr("Site list"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(Halo::SiteListModel::AvailabilityColumn,
                                     new AvailabilityDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnHidden(Halo::SiteListModel::GuidColumn, false);
    m_view->expandAll();
    connect(m_proxy, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SiteListPanel::emitSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
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

void SiteListPanel::selectSite(const QString &environment, const QString &guid)
{
    const QModelIndex source = m_model->indexOf(environment, guid);
    const QModelIndex row = m_proxy->mapFromSource(source);
    if (row.isValid())
        m_view->setCurrentIndex(row);
}

void SiteListPanel::emitSelection()
{
    if (const Halo::SiteRecord *record = selectedRecord())
        emit siteSelected(*record);
}
