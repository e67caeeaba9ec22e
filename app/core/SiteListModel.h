#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "SiteInfo.h"

namespace Halo {

// The sites a user works with, one row each, filled in as their status arrives.
class SiteListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PracticeColumn,
        PmsColumn,
        PmsIdColumn,
        AvailabilityColumn,
        GuidColumn,
        ColumnCount
    };
    enum Role { GuidRole = Qt::UserRole + 1, AvailabilityRole };

    explicit SiteListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Adds a site known only by GUID so far; does nothing if it is already listed.
    void addGuid(const QString &guid);
    void updateSite(const SiteInfo &site);
    void markFailed(const QString &guid, const QString &message);
    void clear();
    int rowOf(const QString &guid) const;

private:
    struct Row {
        SiteInfo site;
        bool loaded = false;
        QString problem;
    };
    QList<Row> m_rows;
};

} // namespace Halo
