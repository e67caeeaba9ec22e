// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>
#include <QList>
#include <QStringList>

namespace Halo {

// Shows a table with the cells of patient-data columns hidden (PatientDataRules), leaving the
// source model as it is: copies and exports read the source. Which columns are hidden is decided
// once per column layout, from the header (or the source's PatientColumnRole), never per cell.
class PatientDataMaskModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit PatientDataMaskModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    bool isMasking() const { return m_masking; }
    void setMasking(bool masking);

    // Whether `column`'s cells are hidden while masking (whether or not masking is on now).
    bool isPatientColumn(int column) const;
    // The patient-data columns among `columns` (all columns when empty), by header text.
    QStringList patientColumnNames(const QList<int> &columns = {}) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void decideColumns();

    bool m_masking = false;
    QList<bool> m_patientColumns;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace Halo
