// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include "net/RequestLog.h"

namespace Halo {

// The request log as a table, one row per exchange, oldest first; follows the log live.
// Everything it shows was redacted by RequestLog before it was recorded.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        UrlColumn,
        StatusColumn,
        DurationColumn,
        BytesColumn,
        OutcomeColumn,
        ColumnCount
    };
    enum Role { ExchangeIdRole = Qt::UserRole + 1 };

    explicit RequestLogModel(RequestLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The exchange shown in `row`; row must be valid.
    const LoggedExchange &exchange(int row) const { return m_rows.at(row); }
    // Empties the underlying log (and so this model).
    void clearLog();
    // Privacy mode: URLs are shown with patient-like search values hidden.
    void setMasksPatientData(bool masks);

private:
    void append(const LoggedExchange &exchange);
    void dropOldest();
    void reload();
    QString displayText(const LoggedExchange &exchange, int column) const;

    QPointer<RequestLog> m_log;
    bool m_masksPatientData = false;
    // A copy of the log's rows (cheap: Qt's containers share their data), so the model stays
    // consistent while the log drops its oldest exchange before recording the next one.
    QList<LoggedExchange> m_rows;
};

} // namespace Halo
