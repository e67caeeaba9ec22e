// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QSqlRecord>
#include <QString>

// Builders that turn rows of a sample database (schema in SampleDatabase.h) into FHIR R4
// resources, AU Base 4.1.0 flavoured. Used by FhirFacade; no SQL here.
namespace Sandbox::Fhir {

// Identifier systems, shared with the search code so searches and resources agree.
inline constexpr char MedicareSystem[] = "http://ns.electronichealth.net.au/id/medicare-number";
inline constexpr char IhiSystem[] = "http://ns.electronichealth.net.au/id/hi/ihi/1.0";
inline constexpr char DvaSystem[] = "http://ns.electronichealth.net.au/id/dva";
inline constexpr char MrnSystem[] = "http://sandbox.haloexplorer.example/patient-id";
inline constexpr char ProviderNumberSystem[] =
    "http://ns.electronichealth.net.au/id/medicare-provider-number";
inline constexpr char AbnSystem[] = "http://hl7.org.au/id/abn";
inline constexpr char GenderSystem[] = "http://hl7.org/fhir/administrative-gender";
inline constexpr char CriticalitySystem[] = "http://hl7.org/fhir/allergy-intolerance-criticality";

inline constexpr char PatientProfile[] = "http://hl7.org.au/fhir/StructureDefinition/au-patient";
inline constexpr char PractitionerProfile[] =
    "http://hl7.org.au/fhir/StructureDefinition/au-practitioner";
inline constexpr char OrganizationProfile[] =
    "http://hl7.org.au/fhir/StructureDefinition/au-organisation";
inline constexpr char AllergyProfile[] =
    "http://hl7.org.au/fhir/core/StructureDefinition/au-core-allergyintolerance";

// The patient whose resource carries the extras (second name, nested extension, contained
// resource, narrative), so clients can be tested against the less common shapes.
inline constexpr qint64 RichPatientId = 1;

// "M" -> "male" and so on; unknown or empty -> "unknown".
QString genderFromSex(const QString &sex);

QJsonObject patient(const QSqlRecord &row);            // a row of `patients`
QJsonObject practitioner(const QSqlRecord &row);       // a row of `practitioners`
QJsonObject organization(const QSqlRecord &row);       // the row of `practice`
QJsonObject allergyIntolerance(const QSqlRecord &row); // a row of `allergies`

} // namespace Sandbox::Fhir
