// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include "sites/SiteInfo.h"
#include "sites/SiteMarks.h"
#include "sites/SiteRecord.h"

class QTimer;

namespace Halo {

class SiteStore;

// The saved sites grouped by environment (Production, Stage, Sandbox, Custom), each row with
// the shown name (the user's label, else the practice name), live availability, when Halo last
// heard from it, its marks (SiteMarks), PMS, PMS ID and GUID. Rows come from the SiteStore; the
// live part is filled in as status answers arrive.
class SiteListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // Availability comes second so it is visible at a glance in a narrow list.
    enum Column {
        PracticeColumn,
        AvailabilityColumn,
        HeardColumn, // heartbeat age, e.g. "3 h ago"
        MarksColumn, // what needs attention, in words
        PmsColumn,
        PmsIdColumn,
        GuidColumn,
        ColumnCount
    };
    enum Role {
        GuidRole = Qt::UserRole + 1,
        EnvironmentRole,
        AvailabilityRole, // SiteInfo::Availability as int; Unknown until a status arrived
        IsGroupRole,
        FilterTextRole,     // name, PMS ID and GUID together, for the filter
        ProblemRole,        // why the last status request failed, if it did
        NeedsAttentionRole, // bool: the site has any mark
        HeartbeatRole,      // SiteMarks::Heartbeat as int
        MarksTextRole,      // SiteMarks::summary(): every mark in words
        LabelRole,          // the user's label ("" when none)
        TagsRole,           // QStringList
    };

    explicit SiteListModel(SiteStore *store, QObject *parent = nullptr);

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void updateStatus(const QString &environment, const SiteInfo &site);
    void markUnreachable(const QString &environment, const QString &guid, const QString &problem);
    const SiteInfo *liveStatus(const QString &environment, const QString &guid) const;

    void setHeartbeatThresholds(const HeartbeatThresholds &thresholds);
    HeartbeatThresholds heartbeatThresholds() const { return m_thresholds; }
    SiteMarks marksAt(const QModelIndex &index) const;

    const SiteRecord *recordAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &environment, const QString &guid) const;
    QModelIndex groupIndex(const QString &environment) const;

    // Availability in words, with the unknown/unreachable cases made explicit.
    static QString availabilityLabel(SiteInfo::Availability availability, bool failed);

private:
    struct Group {
        QString environment;
        QList<SiteRecord> sites;
    };
    struct Live {
        SiteInfo site;
        bool known = false;
        QString problem;
    };
    void rebuild();
    void liveChanged(); // the marks' time-dependent parts: ages grow
    const Live *liveFor(const SiteRecord &record) const;
    QVariant siteData(const SiteRecord &record, int column, int role) const;
    static QString key(const QString &environment, const QString &guid);

    SiteStore *m_store;
    QList<Group> m_groups;
    QHash<QString, Live> m_live; // environment/guid -> what Halo said last
    HeartbeatThresholds m_thresholds;
    QTimer *m_ageTimer;
};

} // namespace Halo
