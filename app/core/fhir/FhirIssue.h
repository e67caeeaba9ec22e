// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Halo {

// An issue of a FHIR OperationOutcome, as a person reads it.
struct FhirIssue {
    QString severity;    // fatal | error | warning | information
    QString code;        // IssueType, e.g. not-supported, invalid, not-found
    QString text;        // details.text, else diagnostics
    QString diagnostics; // when it adds to text
    QString detailCode;  // details.coding[0]: "system|code" shortened to the code, e.g. 5003
    QString location;    // expression, else location, joined with ", "
};

// The issues of an OperationOutcome resource (empty for anything else).
QList<FhirIssue> fhirIssuesOf(const QJsonObject &operationOutcome);

} // namespace Halo
