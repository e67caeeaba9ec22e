// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/PatientDataMaskModel.h"

#include "privacy/PatientDataRules.h"

namespace Halo {

PatientDataMaskModel::PatientDataMaskModel(QObject *parent)
    : QIdentityProxyModel(parent)
{}

void PatientDataMaskModel::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    QIdentityProxyModel::setSourceModel(source);
    if (source) {
        // Columns come and go with a new result (a reset) or a later page (inserted columns).
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::modelReset, this,
                    &PatientDataMaskModel::decideColumns),
            connect(source, &QAbstractItemModel::columnsInserted, this,
                    &PatientDataMaskModel::decideColumns),
            connect(source, &QAbstractItemModel::columnsRemoved, this,
                    &PatientDataMaskModel::decideColumns),
            connect(source, &QAbstractItemModel::headerDataChanged, this,
                    &PatientDataMaskModel::decideColumns),
            connect(source, &QAbstractItemModel::layoutChanged, this,
                    &PatientDataMaskModel::decideColumns),
        };
    }
    decideColumns();
}

void PatientDataMaskModel::setMasking(bool masking)
{
    if (masking == m_masking)
        return;
    m_masking = masking;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool PatientDataMaskModel::isPatientColumn(int column) const
{
    return column >= 0 && column < m_patientColumns.size() && m_patientColumns.at(column);
}

QStringList PatientDataMaskModel::patientColumnNames(const QList<int> &columns) const
{
    QStringList names;
    const auto add = [&](int column) {
        if (isPatientColumn(column))
            names << headerData(column, Qt::Horizontal).toString();
    };
    if (columns.isEmpty()) {
        for (int column = 0; column < m_patientColumns.size(); ++column)
            add(column);
    } else {
        for (int column : columns)
            add(column);
    }
    return names;
}

QVariant PatientDataMaskModel::data(const QModelIndex &index, int role) const
{
    if (m_masking && isPatientColumn(index.column())) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
        case Qt::AccessibleDescriptionRole:
            return PatientDataRules::maskedText();
        default:
            break;
        }
    }
    return QIdentityProxyModel::data(index, role);
}

void PatientDataMaskModel::decideColumns()
{
    QList<bool> columns;
    const QAbstractItemModel *source = sourceModel();
    const int count = source ? source->columnCount() : 0;
    columns.reserve(count);
    for (int column = 0; column < count; ++column) {
        const QVariant said =
            source->headerData(column, Qt::Horizontal, PatientDataRules::PatientColumnRole);
        columns << (said.isValid() ? said.toBool()
                                   : PatientDataRules::isPatientColumn(
                                         source->headerData(column, Qt::Horizontal).toString()));
    }
    m_patientColumns = columns;
}

} // namespace Halo
