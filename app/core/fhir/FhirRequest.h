// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace Halo {

struct FhirCapabilities;

// One search parameter as the user means it: `name:modifier=value`, the value as typed (a date
// prefix such as `ge` is part of it), never percent-encoded.
struct FhirSearchTerm {
    QString name;
    QString modifier; // without ':'; empty for none
    QString value;

    QString key() const { return modifier.isEmpty() ? name : name + QLatin1Char(':') + modifier; }
    friend bool operator==(const FhirSearchTerm &a, const FhirSearchTerm &b)
    {
        return a.name == b.name && a.modifier == b.modifier && a.value == b.value;
    }
};

// What the FHIR tab asks a site for. The form and the query line are two views of this one
// value, which is how they stay in sync: each edits it, and the other is rebuilt from it.
//
// Query line syntax (what follows fhir/R4/):
//   Patient?family=Smith&birthdate=ge1970-01-01&_count=10    search (GET, or POST _search)
//   Patient/1                                                 read
//   Patient/1/$summary   Patient/$match?x=y   $export         operation: instance, type, system
//   metadata                                                  the CapabilityStatement
// Values are shown decoded; '&', '=', '#', '%' and '+' inside them are written %26 %3D %23 %25
// %2B on the line, and a '+' typed on the line is a plus, not a space.
struct FhirRequest {
    enum class Kind { Search, Read, Operation, Capabilities };

    Kind kind = Kind::Search;
    QString resourceType;        // empty for system operations and Capabilities
    QString id;                  // Read, and instance-level Operation
    QString operation;           // Operation: the name without '$'
    QList<FhirSearchTerm> terms; // search or operation parameters, in order, without _count
    std::optional<int> count;    // _count
    bool usePost = false;        // Search only: POST {type}/_search with a form body

    // The query line for this request, e.g. "Patient?family=Smith&_count=10".
    QString toLine() const;
    // What GET sends after fhir/R4/: path and a percent-encoded query, e.g.
    // "Patient?family=O%27Brien" (HaloApiClient::fhirGet takes it as it is).
    QString relativeUrl() const;
    // POST _search body: the terms and _count, form-encoded by QUrlQuery.
    QUrlQuery form() const;
    // For Search: whether sending it by POST keeps values out of the URL (false for others).
    bool canPost() const { return kind == Kind::Search && !resourceType.isEmpty(); }
    // Sent as POST {type}/_search: a search whose line or whose sender (`postChosen`) asks.
    bool sentAsPost(bool postChosen) const { return canPost() && (usePost || postChosen); }
    // A short title for history and Back/Forward menus: the line, or "Patient/1".
    QString title() const { return toLine(); }

    friend bool operator==(const FhirRequest &a, const FhirRequest &b);
};

// The result of reading a query line: a request, or a message and where it went wrong.
struct FhirLineParse {
    std::optional<FhirRequest> request;
    QString error;          // plain words, e.g. "'Patient/' needs an id after the slash"
    int errorPosition = -1; // character index in the line, -1 when not known
};

// Reads a query line. Leading '/' and whitespace are ignored; an absolute URL is refused with a
// message (links are followed, not typed). `_count` goes to `count` (an invalid one is an error).
FhirLineParse parseFhirLine(const QString &line);

// Problems the site's CapabilityStatement predicts (unknown type, parameter the type does not
// list, modifier not defined for the parameter's type, read not offered...). They are warnings:
// the request can still be sent, so testers can see what the server answers.
QStringList fhirRequestWarnings(const FhirRequest &request, const FhirCapabilities &capabilities);

} // namespace Halo
