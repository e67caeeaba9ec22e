#include "sites/SiteListModel.h"

#include "net/Environment.h"
#include "sites/SiteStore.h"

namespace Halo {

namespace {

// Internal ids: 0 for a group row, group index + 1 for a site row of that group.
constexpr quintptr kGroupId = 0;

} // namespace

SiteListModel::SiteListModel(SiteStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    rebuild();
    connect(m_store, &SiteStore::changed, this, [this]() {
        beginResetModel();
        rebuild();
        endResetModel();
    });
}

void SiteListModel::rebuild()
{
    m_groups.clear();
    for (Environment environment :
         {Environment::Production, Environment::Stage, Environment::Sandbox, Environment::Custom}) {
        Group group;
        group.environment = environmentId(environment);
        group.sites = m_store->sitesFor(group.environment);
        if (!group.sites.isEmpty())
            m_groups.append(group);
    }
}

QString SiteListModel::key(const QString &environment, const QString &guid)
{
    return environment + QLatin1Char('/') + guid.toLower();
}

QModelIndex SiteListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex SiteListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupId);
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kGroupId || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).sites.size());
}

int SiteListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const SiteRecord *SiteListModel::recordAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupId)
        return nullptr;
    return &m_groups.at(int(index.internalId() - 1)).sites.at(index.row());
}

QString SiteListModel::availabilityLabel(SiteInfo::Availability availability, bool failed)
{
    if (failed)
        return tr("Unreachable (no answer)");
    return availabilityText(availability);
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupId) {
        const Group &group = m_groups.at(index.row());
        if (role == IsGroupRole)
            return true;
        if (role == EnvironmentRole)
            return group.environment;
        if ((role == Qt::DisplayRole || role == Qt::AccessibleTextRole) &&
            index.column() == PracticeColumn) {
            const auto environment = environmentFromId(group.environment);
            return tr("%1 (%n sites)", nullptr, int(group.sites.size()))
                .arg(environment ? environmentDisplayName(*environment) : group.environment);
        }
        return {};
    }

    const SiteRecord &record = m_groups.at(int(index.internalId() - 1)).sites.at(index.row());
    const auto liveIt = m_live.constFind(key(record.environment, record.guid));
    const Live *live = liveIt == m_live.constEnd() ? nullptr : &liveIt.value();
    const auto availability =
        live && live->known ? live->site.availability : SiteInfo::Availability::Unknown;
    switch (role) {
    case IsGroupRole:
        return false;
    case GuidRole:
        return record.guid;
    case EnvironmentRole:
        return record.environment;
    case AvailabilityRole:
        return int(availability);
    case ProblemRole:
        return live ? live->problem : QString();
    case FilterTextRole:
        return QStringList{record.recorded.practiceName,
                           live && live->known ? live->site.practiceName : QString(), record.pmsId,
                           record.guid}
            .join(QLatin1Char(' '));
    case Qt::ToolTipRole:
        if (live && !live->problem.isEmpty())
            return live->problem;
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case PracticeColumn:
        // The name Halo reports now, else the one recorded at onboarding.
        return live && live->known && !live->site.practiceName.isEmpty()
                   ? live->site.practiceName
                   : record.recorded.practiceName;
    case PmsColumn:
        return pmsDisplayName(record.pmsType);
    case PmsIdColumn:
        return record.pmsId;
    case AvailabilityColumn:
        return availabilityLabel(availability, live && !live->problem.isEmpty());
    case GuidColumn:
        return record.guid;
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

void SiteListModel::updateStatus(const QString &environment, const SiteInfo &site)
{
    Live &live = m_live[key(environment, site.guid)];
    live.site = site;
    live.known = true;
    live.problem.clear();
    const QModelIndex row = indexOf(environment, site.guid);
    if (row.isValid())
        emit dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
}

void SiteListModel::markUnreachable(const QString &environment, const QString &guid,
                                    const QString &problem)
{
    m_live[key(environment, guid)].problem = problem;
    const QModelIndex row = indexOf(environment, guid);
    if (row.isValid())
        emit dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
}

const SiteInfo *SiteListModel::liveStatus(const QString &environment, const QString &guid) const
{
    const auto it = m_live.constFind(key(environment, guid));
    return it != m_live.constEnd() && it->known ? &it->site : nullptr;
}

QModelIndex SiteListModel::groupIndex(const QString &environment) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups.at(g).environment == environment)
            return index(g, 0);
    }
    return {};
}

QModelIndex SiteListModel::indexOf(const QString &environment, const QString &guid) const
{
    const QModelIndex group = groupIndex(environment);
    if (!group.isValid())
        return {};
    const QList<SiteRecord> &sites = m_groups.at(group.row()).sites;
    for (int r = 0; r < sites.size(); ++r) {
        if (sites.at(r).guid.compare(guid, Qt::CaseInsensitive) == 0)
            return index(r, 0, group);
    }
    return {};
}

} // namespace Halo
