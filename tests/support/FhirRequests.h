// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the FHIR request tests share (tst_fhirrequest*.cpp, tst_fhircapabilities*.cpp): readable
// QCOMPARE failures for requests, requests built by hand, a hand-written CapabilityStatement to
// check predictions without a server, and the sandbox they talk to.
#include "ClientCalls.h"
#include "SandboxOptions.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "fhir/FhirRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <optional>

using Halo::FhirCapabilities;
using Halo::FhirCapabilityCache;
using Halo::FhirRequest;
using Halo::FhirSearchTerm;
using Kind = Halo::FhirRequest::Kind;

namespace Halo {

// Readable QCOMPARE failures for requests.
inline char *toString(const FhirRequest &request)
{
    static const char *const kinds[] = {"Search", "Read", "Operation", "Capabilities"};
    QStringList terms;
    for (const FhirSearchTerm &term : request.terms)
        terms.append(QStringLiteral("[%1|%2|%3]").arg(term.name, term.modifier, term.value));
    const QString text =
        QStringLiteral("%1 type=%2 id=%3 op=%4 terms=%5 count=%6 post=%7")
            .arg(QLatin1String(kinds[int(request.kind)]), request.resourceType, request.id,
                 request.operation, terms.join(QLatin1Char(',')),
                 request.count ? QString::number(*request.count) : QStringLiteral("-"),
                 request.usePost ? QStringLiteral("yes") : QStringLiteral("no"));
    return qstrdup(qPrintable(text));
}

} // namespace Halo

Q_DECLARE_METATYPE(Halo::FhirRequest)

inline const QString kKey = QStringLiteral("fhirrequest-test-key-91c2e4");
inline const QString kBpGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
inline const QString kZedmedGuid = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
inline const QString kMedicare =
    QStringLiteral("http://ns.electronichealth.net.au/id/medicare-number|29531720712");

// ---- building requests ------------------------------------------------------------------------

inline FhirSearchTerm term(const QString &name, const QString &value, const QString &modifier = {})
{
    FhirSearchTerm made;
    made.name = name;
    made.modifier = modifier;
    made.value = value;
    return made;
}

inline FhirRequest search(const QString &type, const QList<FhirSearchTerm> &terms,
                          std::optional<int> count = std::nullopt, bool usePost = false)
{
    FhirRequest request;
    request.kind = Kind::Search;
    request.resourceType = type;
    request.terms = terms;
    request.count = count;
    request.usePost = usePost;
    return request;
}

inline FhirRequest read(const QString &type, const QString &id)
{
    FhirRequest request;
    request.kind = Kind::Read;
    request.resourceType = type;
    request.id = id;
    return request;
}

inline FhirRequest operation(const QString &type, const QString &id, const QString &name,
                             const QList<FhirSearchTerm> &terms = {})
{
    FhirRequest request;
    request.kind = Kind::Operation;
    request.resourceType = type;
    request.id = id;
    request.operation = name;
    request.terms = terms;
    return request;
}

inline FhirRequest capabilitiesRequest()
{
    FhirRequest request;
    request.kind = Kind::Capabilities;
    return request;
}

// ---- a hand-written CapabilityStatement, to check predictions without a server -----------------

inline QByteArray handWrittenStatement()
{
    return R"({"resourceType": "CapabilityStatement",)"
           R"(  "status": "active", "kind": "instance", "date": "2025-06-24T10:00:00+10:00",)"
           R"(  "version": "24.527.2795.0", "publisher": "Halo Connect Pty Ltd", "fhirVersion": "4.0.1",)"
           R"(  "software": {"name": "BP/Halo FHIR Server", "version": "3.1"},)"
           R"(  "format": ["application/fhir+json"],)"
           R"(  "rest": [)"
           R"(    {"mode": "client", "resource": [{"type": "Basic", "interaction": [{"code": "read"}]}]},)"
           R"(    {"mode": "server",)"
           R"(     "searchParam": [{"name": "_format", "type": "token"},)"
           R"(                     {"name": "family", "type": "token", "documentation": "rest level"}],)"
           R"(     "operation": [{"name": "export", "definition": "http://hl7.org/fhir/OperationDefinition/export"},)"
           R"(                   {"name": "$ping"}],)"
           R"(     "resource": [)"
           R"(      {"type": "Patient", "profile": "http://hl7.org.au/fhir/StructureDefinition/au-patient",)"
           R"(       "interaction": [{"code": "read"}, {"code": "search-type"}, {"code": "update"}],)"
           R"(       "searchParam": [)"
           R"(         {"name": "family", "type": "string", "documentation": "Family name",)"
           R"(          "definition": "http://hl7.org/fhir/SearchParameter/individual-family"},)"
           R"(         {"name": "identifier", "type": "token"},)"
           R"(         {"name": "birthdate", "type": "date"},)"
           R"(         {"name": "general-practitioner", "type": "reference"},)"
           R"(         {"name": "_count", "type": "number"},)"
           R"(         {"name": "_sort", "type": "string"},)"
           R"(         {"name": "_revinclude", "type": "special"}],)"
           R"(       "operation": [{"name": "summary", "documentation": "IPS summary"}]},)"
           R"(      {"type": "Practitioner", "interaction": [{"code": "read"}],)"
           R"(       "searchParam": [{"name": "name", "type": "string"}]},)"
           R"(      {"type": "Organization", "interaction": [{"code": "search-type"}],)"
           R"(       "searchParam": [{"name": "name", "type": "string"}]},)"
           R"(      {"interaction": [{"code": "read"}]})"
           R"(     ]})"
           R"(]})";
}

inline FhirCapabilities handWrittenCapabilities()
{
    return FhirCapabilities::parse(handWrittenStatement()).value_or(FhirCapabilities());
}

// The same statement with one more resource type, to tell versions apart in the cache.
inline QByteArray statementWith(const QString &extraType)
{
    QJsonObject root = QJsonDocument::fromJson(handWrittenStatement()).object();
    QJsonArray rest = root.value(QLatin1String("rest")).toArray();
    QJsonObject server = rest.at(1).toObject();
    QJsonArray resources = server.value(QLatin1String("resource")).toArray();
    resources.append(QJsonObject{{QStringLiteral("type"), extraType}});
    server.insert(QLatin1String("resource"), resources);
    rest.replace(1, server);
    root.insert(QLatin1String("rest"), rest);
    return QJsonDocument(root).toJson();
}

inline const QByteArray kOperationOutcome =
    R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-supported",)"
    R"("details":{"text":"The FHIR API is available for Best Practice sites only"}}]})";

// ---- the sandbox ------------------------------------------------------------------------------

inline Sandbox::SandboxOptions sandboxOptions()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    return options;
}
