// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Halo {

// Patient data hidden inside JSON, for privacy mode: FHIR resources shown as text and the bodies
// of the request log.
namespace JsonMasking {

// A copy of a FHIR resource (or Bundle) with every value under a patient element
// (PatientDataRules::isPatientElementName) replaced by the masked text; `masked` counts them.
QJsonValue maskFhir(const QJsonValue &value, int *masked = nullptr);

// A logged body as privacy mode shows it: JSON indented with the values of patient-data members
// (by SQL column or FHIR element name), query text and parameter values hidden. A body that
// cannot be masked member by member (not JSON, cut off, or carrying an encoded result) gives
// nullopt: show it as hidden, whole.
std::optional<QString> maskedLogBody(const QByteArray &body);

} // namespace JsonMasking

} // namespace Halo
