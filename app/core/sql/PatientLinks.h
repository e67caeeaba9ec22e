// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Halo {

// The hop between a practice's SQL and its FHIR facade for one patient. On Best Practice the
// FHIR Patient id is the patient's internal id (BPS_Patients.InternalID, PatientID in most other
// tables), so a result column that holds it can open Patient/{id}, and a FHIR Patient can be
// shown as its row in SQL. Which column names hold the id is the user's to configure
// (AppSettings); these are the rules both faces use.
class PatientLinks
{
    Q_DECLARE_TR_FUNCTIONS(Halo::PatientLinks)
public:
    // Best Practice's names for the patient's internal id, compared ignoring case and "_".
    static QStringList defaultIdColumns();
    // The configured names (AppSettings), or the defaults when none are set.
    static QStringList idColumns();
    // Keeps `names` (comma-separated or one per item, blanks dropped); an empty list restores the
    // defaults.
    static void setIdColumns(const QStringList &names);

    // Whether this PMS links SQL rows to FHIR Patients (only Best Practice has the facade).
    static bool linksPatients(const QString &pmsType);
    // Whether a result column of this name holds the patient's id, by `names`.
    static bool isIdColumn(const QString &columnName, const QStringList &names = idColumns());
    // A FHIR id (R4: [A-Za-z0-9\-\.]{1,64}) from a cell's text; empty when it cannot be one.
    static QString fhirIdFromCell(const QString &cellText);
    // The SQL that shows a patient's row on this PMS, or empty when there is no such SQL. The
    // id must be a FHIR id; Best Practice's internal ids are numbers and go in as numbers.
    static QString sqlForPatient(const QString &pmsType, const QString &fhirId);
};

} // namespace Halo
