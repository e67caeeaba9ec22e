// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteListFilterModel.h"

#include "sites/SiteListModel.h"

namespace Halo {

SiteListFilterModel::SiteListFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(SiteListModel::FilterTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Groups are kept for their matching sites only, never for their own text.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(false);
}

void SiteListFilterModel::setAttentionOnly(bool only)
{
    if (only == m_attentionOnly)
        return;
    m_attentionOnly = only;
    invalidateFilter();
}

bool SiteListFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_attentionOnly) {
        if (row.data(SiteListModel::IsGroupRole).toBool())
            return false; // shown through its sites (recursive filtering)
        if (!row.data(SiteListModel::NeedsAttentionRole).toBool())
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace Halo
