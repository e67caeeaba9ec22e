// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteListModel.h"

#include "net/Environment.h"
#include "sites/HeartbeatText.h"
#include "sites/SiteStore.h"

#include <QTimer>

namespace Halo {

namespace {

// Internal ids: 0 for a group row, group index + 1 for a site row of that group.
constexpr quintptr kGroupId = 0;
constexpr int kAgeTickMs = 60 * 1000; // heartbeat ages are shown in minutes at the finest

} // namespace

SiteListModel::SiteListModel(SiteStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
    , m_ageTimer(new QTimer(this))
{
    rebuild();
    connect(m_ageTimer, &QTimer::timeout, this, &SiteListModel::liveChanged);
    m_ageTimer->start(kAgeTickMs);
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
            return tr("%1 (%n site(s))", nullptr, int(group.sites.size()))
                .arg(environment ? environmentDisplayName(*environment) : group.environment);
        }
        return {};
    }

    const SiteRecord &record = m_groups.at(int(index.internalId() - 1)).sites.at(index.row());
    return siteData(record, index.column(), role);
}

const SiteListModel::Live *SiteListModel::liveFor(const SiteRecord &record) const
{
    const auto it = m_live.constFind(key(record.environment, record.guid));
    return it == m_live.constEnd() ? nullptr : &it.value();
}

SiteMarks SiteListModel::marksAt(const QModelIndex &index) const
{
    const SiteRecord *record = recordAt(index);
    if (!record)
        return {};
    const Live *live = liveFor(*record);
    return siteMarks(*record, live && live->known ? &live->site : nullptr,
                     live ? live->problem : QString(), QDateTime::currentDateTimeUtc(),
                     m_thresholds);
}

QVariant SiteListModel::siteData(const SiteRecord &record, int column, int role) const
{
    const Live *live = liveFor(record);
    const SiteInfo *site = live && live->known ? &live->site : nullptr;
    const auto availability = site ? site->availability : SiteInfo::Availability::Unknown;
    const QString problem = live ? live->problem : QString();
    // Marks compare identities and read the clock: worked out only for the roles that show them.
    const auto marks = [&]() {
        return siteMarks(record, site, problem, QDateTime::currentDateTimeUtc(), m_thresholds);
    };
    const QString name = shownName(record, site ? site->practiceName : QString());
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
        return problem;
    case NeedsAttentionRole:
        return marks().needsAttention();
    case HeartbeatRole:
        return int(marks().heartbeat);
    case MarksTextRole:
        return marks().summary();
    case LabelRole:
        return record.label;
    case TagsRole:
        return record.tags;
    case FilterTextRole:
        return QStringList{record.label,
                           record.recorded.practiceName,
                           site ? site->practiceName : QString(),
                           record.tags.join(QLatin1Char(' ')),
                           record.pmsId,
                           record.guid}
            .join(QLatin1Char(' '));
    case Qt::ToolTipRole: {
        // The whole story of the row, whichever cell the pointer is on.
        QStringList lines;
        if (!record.label.isEmpty())
            lines
                << tr("Label: %1 (recorded as %2)").arg(record.label, record.recorded.practiceName);
        if (!record.tags.isEmpty())
            lines << tr("Tags: %1").arg(tagsText(record.tags));
        if (marks().needsAttention())
            lines << marks().labels();
        if (!problem.isEmpty())
            lines << problem;
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    case Qt::AccessibleTextRole:
        // A screen reader hears the marks with the name, not only in their own column.
        if (column == PracticeColumn)
            return marks().needsAttention() ? tr("%1, %2").arg(name, marks().summary()) : name;
        if (column == HeardColumn)
            return site ? lastHeardText(site->heartbeatAt, QDateTime::currentDateTimeUtc())
                        : tr("Not read yet");
        if (column == MarksColumn)
            return marks().summary();
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case PracticeColumn:
        return name;
    case PmsColumn:
        return pmsDisplayName(record.pmsType);
    case PmsIdColumn:
        return record.pmsId;
    case AvailabilityColumn:
        return availabilityLabel(availability, !problem.isEmpty());
    case HeardColumn:
        return heartbeatAgeText(marks().heartbeatAgeSeconds);
    case MarksColumn:
        return marks().labels().join(QStringLiteral("; "));
    case GuidColumn:
        return record.guid;
    default:
        return {};
    }
}

void SiteListModel::setHeartbeatThresholds(const HeartbeatThresholds &thresholds)
{
    m_thresholds = thresholds;
    liveChanged();
}

void SiteListModel::liveChanged()
{
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex group = index(g, 0);
        const int rows = rowCount(group);
        if (rows > 0)
            emit dataChanged(index(0, 0, group), index(rows - 1, ColumnCount - 1, group));
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
    case HeardColumn:
        return tr("Last heard");
    case MarksColumn:
        return tr("Marks");
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
