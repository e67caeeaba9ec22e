// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteCandidatesModel.h"

#include <algorithm>

namespace Halo {

namespace {

int authorityRank(const SiteInfo &site)
{
    if (!site.authoritativeKnown)
        return 1;
    return site.authoritative ? 0 : 2;
}

QString orNotReported(const QString &text)
{
    return text.trimmed().isEmpty() ? SiteCandidatesModel::tr("Not reported") : text.trimmed();
}

} // namespace

SiteCandidatesModel::SiteCandidatesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SiteCandidatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sites.size());
}

int SiteCandidatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SiteCandidatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SiteInfo &site = m_sites.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(site, index.row(), index.column());
    case Qt::ToolTipRole:
        return toolTip(site, index.row());
    case AuthoritativeRole:
        return !isNonAuthoritative(site);
    case NameMatchesRole:
        return nameMatches(index.row());
    case GuidRole:
        return site.guid;
    default:
        return {};
    }
}

QString SiteCandidatesModel::displayText(const SiteInfo &site, int row, int column) const
{
    switch (column) {
    case PracticeColumn:
        if (!nameMatches(row))
            return tr("%1 — not the expected name").arg(orNotReported(site.practiceName));
        return orNotReported(site.practiceName);
    case AuthoritativeColumn:
        if (!site.authoritativeKnown)
            return tr("Not reported");
        return site.authoritative ? tr("Authoritative") : tr("Not authoritative");
    case PmsVersionColumn:
        return orNotReported(site.pmsVersion);
    case HaloLinkVersionColumn:
        return orNotReported(site.haloLinkVersion);
    case AvailabilityColumn:
        return availabilityText(site.availability);
    case CreatedColumn:
        // ISO dates read the same for every team member, whatever their locale.
        return site.createdAt.isValid() ? site.createdAt.toLocalTime().date().toString(Qt::ISODate)
                                        : tr("Not reported");
    case GuidColumn:
        return site.guid;
    default:
        return {};
    }
}

QString SiteCandidatesModel::toolTip(const SiteInfo &site, int row) const
{
    QStringList lines;
    if (isNonAuthoritative(site))
        lines << tr("Not authoritative: an older install, backup or secondary server. Queries to "
                    "it are refused (403).");
    if (!nameMatches(row))
        lines << tr("The practice name differs from the expected “%1”.").arg(m_expectedName);
    return lines.join(QLatin1Char('\n'));
}

QVariant SiteCandidatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PracticeColumn:
        return tr("Practice name");
    case AuthoritativeColumn:
        return tr("Authoritative");
    case PmsVersionColumn:
        return tr("PMS version");
    case HaloLinkVersionColumn:
        return tr("Halo Link version");
    case AvailabilityColumn:
        return tr("Availability");
    case CreatedColumn:
        return tr("Created");
    case GuidColumn:
        return tr("Halo GUID");
    default:
        return {};
    }
}

void SiteCandidatesModel::setCandidates(const QList<SiteInfo> &sites)
{
    beginResetModel();
    m_sites = sites;
    std::stable_sort(m_sites.begin(), m_sites.end(), [](const SiteInfo &a, const SiteInfo &b) {
        return authorityRank(a) < authorityRank(b);
    });
    endResetModel();
}

void SiteCandidatesModel::clear()
{
    if (m_sites.isEmpty())
        return;
    beginResetModel();
    m_sites.clear();
    endResetModel();
}

SiteInfo SiteCandidatesModel::candidate(int row) const
{
    return row >= 0 && row < m_sites.size() ? m_sites.at(row) : SiteInfo();
}

void SiteCandidatesModel::setExpectedPracticeName(const QString &name)
{
    const QString simplified = name.simplified();
    if (simplified == m_expectedName)
        return;
    m_expectedName = simplified;
    if (!m_sites.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool SiteCandidatesModel::nameMatches(int row) const
{
    if (row < 0 || row >= m_sites.size())
        return true;
    return practiceNameMatches(m_expectedName, m_sites.at(row).practiceName);
}

int SiteCandidatesModel::nonAuthoritativeCount() const
{
    return int(std::count_if(m_sites.cbegin(), m_sites.cend(), &isNonAuthoritative));
}

bool SiteCandidatesModel::practiceNameMatches(const QString &expected, const QString &actual)
{
    const QString want = expected.simplified();
    if (want.isEmpty())
        return true;
    return actual.simplified().contains(want, Qt::CaseInsensitive);
}

} // namespace Halo
