// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include "fhir/FhirResponse.h"

namespace Halo {

// The entries of a FHIR answer as a table, with columns that suit the resource type:
//   Patient:            Id, Name, Birth date, Gender, Medicare, IHI
//   Practitioner:       Id, Name, Provider number
//   AllergyIntolerance: Id, Substance, Criticality, Patient
//   anything else, or a mix of types: Type, Id, Summary
// Read-only; the row's FhirEntry is available for the JSON view. The columns holding patient
// data say so through PatientDataRules::PatientColumnRole (privacy mode hides them).
class FhirEntryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        EntryRowRole = Qt::UserRole + 1, // int: the row in entries()
        ResourceTypeRole,                // QString
        ReferenceRole,                   // QString: "Patient/1", what a link to the entry reads
    };

    explicit FhirEntryTableModel(QObject *parent = nullptr);

    void setEntries(const QList<FhirEntry> &entries);
    void clear() { setEntries({}); }
    const QList<FhirEntry> &entries() const { return m_entries; }
    const FhirEntry *entryAt(int row) const;
    // The single resource type of all entries, or empty for a mix (generic columns).
    QString commonType() const { return m_commonType; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    enum class Column {
        Type,
        Id,
        Summary,
        Name,
        BirthDate,
        Gender,
        Medicare,
        Ihi,
        ProviderNumber,
        Substance,
        Criticality,
        Patient,
    };

    void chooseColumns();
    static QString headerText(Column column);
    static bool isPatientData(Column column);
    QString cell(const FhirEntry &entry, int column) const;

    QList<FhirEntry> m_entries;
    QString m_commonType;
    QList<Column> m_columns;
    QStringList m_headers;
};

} // namespace Halo
