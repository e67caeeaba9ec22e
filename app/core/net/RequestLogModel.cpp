// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/RequestLogModel.h"

#include "privacy/PatientDataRules.h"

#include <QLocale>

namespace Halo {

RequestLogModel::RequestLogModel(RequestLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    if (!log)
        return;
    m_rows = log->exchanges();
    connect(log, &RequestLog::exchangeRecorded, this, &RequestLogModel::append);
    connect(log, &RequestLog::aboutToDropOldest, this, &RequestLogModel::dropOldest);
    connect(log, &RequestLog::cleared, this, &RequestLogModel::reload);
    connect(log, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    });
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LoggedExchange &exchange = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(exchange, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(exchange.startedAt.toLocalTime(), QLocale::LongFormat);
        case UrlColumn:
            return exchange.url.toDisplayString();
        case StatusColumn:
        case OutcomeColumn:
            return exchange.outcome;
        case BytesColumn:
            return tr("%1 bytes sent, %2 bytes received")
                .arg(QLocale().toString(exchange.bytesSent),
                     QLocale().toString(exchange.bytesReceived));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn || index.column() == BytesColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case ExchangeIdRole:
        return exchange.id;
    default:
        return {};
    }
}

QString RequestLogModel::displayText(const LoggedExchange &exchange, int column) const
{
    const QLocale locale;
    switch (column) {
    case TimeColumn:
        return exchange.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return QString::fromLatin1(exchange.method);
    case UrlColumn:
        return m_masksPatientData ? PatientDataRules::maskedUrl(exchange.url)
                                  : exchange.url.toDisplayString();
    case StatusColumn:
        // No HTTP answer at all (refused, timed out, ...): the outcome column says why.
        return exchange.httpStatus > 0 ? QString::number(exchange.httpStatus) : QStringLiteral("—");
    case DurationColumn:
        return exchange.durationMs < 1000
                   ? tr("%1 ms").arg(exchange.durationMs)
                   : tr("%1 s").arg(locale.toString(exchange.durationMs / 1000.0, 'f', 1));
    case BytesColumn:
        return tr("%1 / %2").arg(locale.formattedDataSize(exchange.bytesSent),
                                 locale.formattedDataSize(exchange.bytesReceived));
    case OutcomeColumn:
        return exchange.attempt > 1
                   ? tr("Attempt %1: %2").arg(exchange.attempt).arg(exchange.outcome)
                   : exchange.outcome;
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case BytesColumn:
        return tr("Bytes (sent / received)");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

void RequestLogModel::clearLog()
{
    if (m_log)
        m_log->clear();
}

void RequestLogModel::append(const LoggedExchange &exchange)
{
    // RequestLog::setCapacity drops rows without a signal; start over when out of step.
    if (!m_log || m_log->exchanges().size() != m_rows.size() + 1) {
        reload();
        return;
    }
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.append(exchange);
    endInsertRows();
}

void RequestLogModel::dropOldest()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows(QModelIndex(), 0, 0);
    m_rows.removeFirst();
    endRemoveRows();
}

void RequestLogModel::reload()
{
    beginResetModel();
    m_rows = m_log ? m_log->exchanges() : QList<LoggedExchange>();
    endResetModel();
}

void RequestLogModel::setMasksPatientData(bool masks)
{
    if (masks == m_masksPatientData)
        return;
    m_masksPatientData = masks;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, UrlColumn), index(int(m_rows.size()) - 1, UrlColumn));
}

} // namespace Halo
