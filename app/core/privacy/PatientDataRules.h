// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Halo {

// What privacy mode hides: values that look like patient data, decided from a SQL column's name
// or a FHIR element's path, never from the values themselves (that would mean scanning them).
namespace PatientDataRules {

// A source model may say itself which of its columns hold patient data: headerData() for a
// horizontal section and this role gives a bool. Models that do not answer are judged by name.
constexpr int PatientColumnRole = 0x0100 + 64; // Qt::UserRole + 64

// What a hidden value reads as, on screen and to a screen reader.
QString maskedText();

// A SQL column name: names (first name, surname, given and family name, preferred name…),
// dates of birth, addresses, phone numbers, email, Medicare, IHI, DVA, notes and comments.
// Case-insensitive, by the words of the name (first_name, FirstName, FIRSTNAME alike).
bool isPatientColumn(const QString &columnName);

// A FHIR element path as FhirJsonTreeModel writes it (Patient.name[0].family): true when an
// element on the way is a name, birth date, address, telecom, identifier (Medicare, IHI),
// note, narrative (text.div), contact, photo, extension or a reference's display.
bool isPatientElement(const QString &path);
// The same for one member name met on the way (family, birthDate, telecom…).
bool isPatientElementName(const QString &member);
// Whether a one-line summary of this JSON object (a reference's display, a name's parts) may show
// patient data: it has a patient element as a member and is not a resource (shown as Type/id).
bool summaryMayShowPatientData(const QJsonObject &object);

// A FHIR search parameter (family, given:exact, birthdate, address-city, phone, identifier,
// _content…) whose value may be patient data, judged by its name without modifiers or chains.
bool isPatientSearchParameter(const QString &parameter);
// A URL for showing with the values of such parameters hidden (Patient?family=••••• (hidden)).
QString maskedUrl(const QUrl &url);

} // namespace PatientDataRules

} // namespace Halo
