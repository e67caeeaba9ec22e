#include "SiteListModel.h"

namespace Halo {

SiteListModel::SiteListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SiteListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == GuidRole)
        return row.site.guid;
    if (role == AvailabilityRole)
        return int(row.site.availability);
    if (role == Qt::ToolTipRole && !row.problem.isEmpty())
        return row.problem;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case PracticeColumn:
        if (!row.loaded)
            return row.problem.isEmpty() ? tr("Loading…") : tr("Not available");
        return row.site.practiceName;
    case PmsColumn:
        return pmsDisplayName(row.site.pmsType);
    case PmsIdColumn:
        return row.site.pmsId;
    case AvailabilityColumn:
        if (!row.problem.isEmpty())
            return tr("Unknown (%1)").arg(row.problem);
        return availabilityText(row.site.availability);
    case GuidColumn:
        return row.site.guid;
    default:
        return {};
    }
}

QVariant SiteListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PracticeColumn:
        return tr("Practice");
    case PmsColumn:
        return tr("PMS");
    case PmsIdColumn:
        return tr("PMS ID");
    case AvailabilityColumn:
        return tr("Availability");
    case GuidColumn:
        return tr("Halo GUID");
    default:
        return {};
    }
}

void SiteListModel::addGuid(const QString &guid)
{
    if (rowOf(guid) >= 0)
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    Row row;
    row.site.guid = guid;
    m_rows.append(row);
    endInsertRows();
}

void SiteListModel::updateSite(const SiteInfo &site)
{
    int r = rowOf(site.guid);
    if (r < 0) {
        addGuid(site.guid);
        r = int(m_rows.size()) - 1;
    }
    m_rows[r].site = site;
    m_rows[r].loaded = true;
    m_rows[r].problem.clear();
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void SiteListModel::markFailed(const QString &guid, const QString &message)
{
    const int r = rowOf(guid);
    if (r < 0)
        return;
    m_rows[r].problem = message;
    emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
}

void SiteListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int SiteListModel::rowOf(const QString &guid) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).site.guid.compare(guid, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

} // namespace Halo
