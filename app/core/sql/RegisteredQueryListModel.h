// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "sql/QueryTypes.h"

namespace Halo {

// A site's registered queries as a table: one row per query, in the order Halo lists them.
class RegisteredQueryListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        FrequencyColumn,
        DurationColumn,
        SucceededColumn,
        FailedColumn,
        LastRunColumn,
        LastErrorColumn,
        ColumnCount
    };
    enum Role {
        QueryIdRole = Qt::UserRole + 1, // the query's id
        StatusRole,                     // the status as Halo sends it, e.g. enabled
    };

    explicit RegisteredQueryListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setQueries(const QList<RegisteredQueryInfo> &queries);
    // Replaces the row with the same id (e.g. after reading its details); adds it if new.
    void updateQuery(const RegisteredQueryInfo &query);
    void clear() { setQueries({}); }
    const QList<RegisteredQueryInfo> &queries() const { return m_queries; }
    const RegisteredQueryInfo &query(int row) const { return m_queries.at(row); }
    int rowOf(const QString &queryId) const; // -1 if not listed

    // Texts shared with the details pane.
    static QString statusText(const QString &status);               // "Enabled", "Cancelled", ...
    static QString spanText(qint64 seconds);                        // "1 h 30 min", "45 s"
    static QString frequencyText(qint64 seconds);                   // "every 5 min"
    static QDateTime lastRun(const RegisteredQueryInfo &query);     // the later of success, failure
    static QString lastErrorText(const RegisteredQueryInfo &query); // empty if none

private:
    QString displayText(const RegisteredQueryInfo &query, int column) const;

    QList<RegisteredQueryInfo> m_queries;
};

} // namespace Halo
