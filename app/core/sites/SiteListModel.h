#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

namespace Halo {

class SiteStore;

// The saved sites grouped by environment (Production, Stage, Sandbox, Custom), each row with
// practice name, PMS, PMS ID, live availability and GUID. Rows come from the SiteStore; the
// live part (availability, current name) is filled in as status answers arrive.
class SiteListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // Availability comes second so it is visible at a glance in a narrow list.
    enum Column {
        PracticeColumn,
        AvailabilityColumn,
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
        FilterTextRole, // name, PMS ID and GUID together, for the filter
        ProblemRole,    // why the last status request failed, if it did
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
    static QString key(const QString &environment, const QString &guid);

    SiteStore *m_store;
    QList<Group> m_groups;
    QHash<QString, Live> m_live; // environment/guid -> what Halo said last
};

} // namespace Halo
