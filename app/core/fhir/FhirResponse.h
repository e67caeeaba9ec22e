// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "fhir/FhirIssue.h"

namespace Halo {

struct FhirLink {
    QString relation; // self | first | previous | next | last ...
    QString url;
};

// One resource of a response: a Bundle entry, or the single resource that was read.
struct FhirEntry {
    QString resourceType;
    QString id;
    QString fullUrl;    // Bundle entries only
    QString searchMode; // match | include | outcome (Bundle entries with search.mode)
    QJsonObject resource;
};

// A FHIR answer read for display: a Bundle (its entries, total and links), a single resource,
// or an OperationOutcome, with every OperationOutcome issue found at the top or inside the
// Bundle. Pure and thread-safe: the FHIR tab parses on a worker, not the GUI thread.
struct FhirResponse {
    enum class Kind { Bundle, Resource, Outcome, NotFhir };

    Kind kind = Kind::NotFhir;
    QJsonObject root;
    QString bundleType;          // Bundle.type, e.g. searchset, document
    std::optional<qint64> total; // Bundle.total when present
    QList<FhirEntry> entries;    // Bundle: entries other than OperationOutcomes; Resource: it
    QList<FhirIssue> issues;     // top-level OperationOutcome, and outcome entries of a Bundle
    QList<FhirLink> links;       // Bundle.link
    QString prettyJson;          // the whole body, indented (fhirPrettyJson)
    QString parseError;          // NotFhir: why (not JSON, no resourceType ...)
    QByteArray rawBody;          // NotFhir: the body as received

    QString link(const QString &relation) const; // empty when absent; "prev" counts as previous

    static FhirResponse parse(const QByteArray &body);
};

// Indented JSON (QJsonDocument's, so keys come sorted).
QString fhirPrettyJson(const QJsonObject &object);

// Readable pieces of common FHIR data types, for table columns and summaries.
QString fhirHumanName(const QJsonObject &resource); // official (else first) name's text
QString fhirIdentifierValue(const QJsonObject &resource, const QString &systemOrTypeCode);
QString fhirCodeableConceptText(const QJsonObject &concept); // text, else first coding display
QString fhirNarrativeText(const QJsonObject &resource);      // text.div without markup
QString fhirResourceSummary(const QJsonObject &resource);    // one line for any resource

} // namespace Halo
