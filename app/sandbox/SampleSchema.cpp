// SPDX-License-Identifier: GPL-3.0-or-later
// The tables of a site's default catalogue and the stored procedures it offers: the fixed
// definitions, as opposed to the generated rows.
#include "SampleFiller_p.h"

namespace Sandbox::detail {

void Filler::catalogueInfo(const QString &name, const QString &description)
{
    run(QStringLiteral("CREATE TABLE catalogue_info(name TEXT, description TEXT)"));
    Inserter(this, QStringLiteral("catalogue_info")).row({name, description});
}

void Filler::fillDefault(const QString &catalogue)
{
    run(QStringLiteral(
        "CREATE TABLE practice(id INTEGER PRIMARY KEY, name TEXT, abn TEXT, address_line1 TEXT, "
        "suburb TEXT, state TEXT, postcode TEXT, phone TEXT, email TEXT)"));
    run(QStringLiteral(
        "CREATE TABLE practitioners(id INTEGER PRIMARY KEY, title TEXT, first_name TEXT, "
        "surname TEXT, provider_no TEXT, prescriber_no TEXT NULL, specialty TEXT, "
        "email TEXT NULL, gender TEXT, is_active INTEGER)"));
    run(QStringLiteral(
        "CREATE TABLE patients(id INTEGER PRIMARY KEY, title TEXT NULL, first_name TEXT, "
        "middle_name TEXT NULL, surname TEXT, preferred_name TEXT NULL, date_of_birth TEXT, "
        "sex TEXT, medicare_no TEXT NULL, medicare_irn INTEGER NULL, ihi TEXT NULL, "
        "dva_no TEXT NULL, address_line1 TEXT NULL, address_line2 TEXT NULL, suburb TEXT NULL, "
        "state TEXT NULL, postcode TEXT NULL, phone_mobile TEXT NULL, email TEXT NULL, "
        "indigenous_status TEXT NULL, notes TEXT NULL, balance REAL, is_active INTEGER, "
        "usual_practitioner_id INTEGER NULL, created_at TEXT)"));
    run(QStringLiteral(
        "CREATE TABLE appointments(id INTEGER PRIMARY KEY, patient_id INTEGER, "
        "practitioner_id INTEGER, start_time TEXT, duration_min INTEGER, status TEXT, "
        "reason TEXT NULL, fee REAL NULL)"));
    run(QStringLiteral(
        "CREATE TABLE allergies(id INTEGER PRIMARY KEY, patient_id INTEGER, substance TEXT, "
        "reaction TEXT NULL, severity TEXT NULL, criticality TEXT, recorded_date TEXT)"));
    run(QStringLiteral("CREATE TABLE stored_procedures(name TEXT PRIMARY KEY, sql TEXT)"));
    if (site.pmsType == QLatin1String("BestPractice"))
        bestPracticeViews();
    catalogueInfo(
        catalogue,
        QStringLiteral("Synthetic practice data for %1 (%2)").arg(site.practiceName, site.pmsName));
    practice();
    practitioners();
    patients();
    appointments();
    allergies();
    storedProcedures();
}

// Best Practice's reporting views name the patient's id InternalID; it is the FHIR Patient id,
// as on a real practice, so a row can be opened as FHIR and a FHIR Patient found in SQL.
void Filler::bestPracticeViews()
{
    run(QStringLiteral(
        "CREATE VIEW BPS_Patients AS SELECT id AS InternalID, title AS Title, "
        "first_name AS FirstName, middle_name AS MiddleName, surname AS Surname, "
        "preferred_name AS PreferredName, date_of_birth AS DOB, sex AS Sex, "
        "medicare_no AS MedicareNo, medicare_irn AS MedicareLineNo, address_line1 AS Address1, "
        "suburb AS City, postcode AS Postcode, phone_mobile AS MobilePhone, email AS Email, "
        "CASE is_active WHEN 1 THEN 'Active' ELSE 'Inactive' END AS StatusText "
        "FROM patients"));
    run(QStringLiteral(
        "CREATE VIEW BPS_Appointments AS SELECT id AS RecordID, patient_id AS InternalID, "
        "practitioner_id AS UserID, start_time AS AppointmentDate, duration_min AS Duration, "
        "status AS AppointmentStatus, reason AS Reason FROM appointments"));
}

void Filler::storedProcedures()
{
    Inserter insert(this, QStringLiteral("stored_procedures"));
    insert.row({QStringLiteral("GetPatientsBySurname"),
                QStringLiteral("SELECT id, first_name, surname, date_of_birth FROM patients "
                               "WHERE surname = @surname ORDER BY id")});
    insert.row({QStringLiteral("CountActivePatients"),
                QStringLiteral("SELECT COUNT(*) AS active_patients FROM patients "
                               "WHERE is_active = 1")});
    insert.row({QStringLiteral("GetAppointmentsForDay"),
                QStringLiteral("SELECT a.id, a.start_time, a.duration_min, a.status, a.reason, "
                               "p.first_name || ' ' || p.surname AS patient, "
                               "pr.title || ' ' || pr.surname AS practitioner "
                               "FROM appointments a JOIN patients p ON p.id = a.patient_id "
                               "JOIN practitioners pr ON pr.id = a.practitioner_id "
                               "WHERE substr(a.start_time, 1, 10) = @day "
                               "ORDER BY a.start_time, a.id")});
    // Shows the output-parameter convention: the column named like @balance fills it.
    insert.row({QStringLiteral("GetPatientBalance"),
                QStringLiteral("SELECT balance FROM patients WHERE id = @patientId")});
}

} // namespace Sandbox::detail
