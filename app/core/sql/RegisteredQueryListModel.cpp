// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/RegisteredQueryListModel.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>

namespace Halo {

RegisteredQueryListModel::RegisteredQueryListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int RegisteredQueryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queries.size());
}

int RegisteredQueryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegisteredQueryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RegisteredQueryInfo &query = m_queries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(query, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LastErrorColumn && query.lastError.isError())
            return query.lastError.explanation();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SucceededColumn || index.column() == FailedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case QueryIdRole:
        return query.id;
    case StatusRole:
        return query.status;
    default:
        return {};
    }
}

QVariant RegisteredQueryListModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case FrequencyColumn:
        return tr("Frequency");
    case DurationColumn:
        return tr("Duration");
    case SucceededColumn:
        return tr("Runs OK");
    case FailedColumn:
        return tr("Runs failed");
    case LastRunColumn:
        return tr("Last run");
    case LastErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

void RegisteredQueryListModel::setQueries(const QList<RegisteredQueryInfo> &queries)
{
    beginResetModel();
    m_queries = queries;
    endResetModel();
}

void RegisteredQueryListModel::updateQuery(const RegisteredQueryInfo &query)
{
    const int row = rowOf(query.id);
    if (row < 0) {
        beginInsertRows(QModelIndex(), int(m_queries.size()), int(m_queries.size()));
        m_queries.append(query);
        endInsertRows();
        return;
    }
    m_queries[row] = query;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int RegisteredQueryListModel::rowOf(const QString &queryId) const
{
    for (int row = 0; row < m_queries.size(); ++row) {
        if (m_queries.at(row).id.compare(queryId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

QString RegisteredQueryListModel::statusText(const QString &status)
{
    if (status == QLatin1String("enabled"))
        return tr("Enabled");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("initialisationFailedCacheError"))
        return tr("Could not start (cache error)");
    return status.isEmpty() ? tr("Unknown") : status;
}

QString RegisteredQueryListModel::spanText(qint64 seconds)
{
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    const qint64 rest = seconds % 60;
    QStringList parts;
    if (hours > 0)
        parts.append(tr("%1 h").arg(hours));
    if (minutes > 0)
        parts.append(tr("%1 min").arg(minutes));
    if (rest > 0 || parts.isEmpty())
        parts.append(tr("%1 s").arg(rest));
    return parts.join(QLatin1Char(' '));
}

QString RegisteredQueryListModel::frequencyText(qint64 seconds)
{
    return tr("every %1").arg(spanText(seconds));
}

QDateTime RegisteredQueryListModel::lastRun(const RegisteredQueryInfo &query)
{
    if (!query.lastFailedAt.isValid())
        return query.lastSucceededAt;
    if (!query.lastSucceededAt.isValid())
        return query.lastFailedAt;
    return std::max(query.lastSucceededAt, query.lastFailedAt);
}

QString RegisteredQueryListModel::lastErrorText(const RegisteredQueryInfo &query)
{
    if (!query.lastError.isError())
        return {};
    if (query.lastError.serverMessage.isEmpty())
        return query.lastError.title();
    return tr("%1: %2").arg(query.lastError.title(), query.lastError.serverMessage);
}

QString RegisteredQueryListModel::displayText(const RegisteredQueryInfo &query, int column) const
{
    switch (column) {
    case NameColumn:
        return query.name;
    case StatusColumn:
        return statusText(query.status);
    case FrequencyColumn:
        return frequencyText(query.frequency);
    case DurationColumn:
        return spanText(query.duration);
    case SucceededColumn:
        return QLocale().toString(query.succeededCount);
    case FailedColumn:
        return QLocale().toString(query.failedCount);
    case LastRunColumn: {
        const QDateTime at = lastRun(query);
        return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)
                            : tr("Not yet");
    }
    case LastErrorColumn:
        return lastErrorText(query);
    default:
        return {};
    }
}

} // namespace Halo
