// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shape checks for the FHIR answers the Integrator API passes through (see ApiShapes.h).
#include "ApiShapes.h"

namespace ApiShapes {

// ------------------------------------------------------------------------------------------
// FHIR (the description only says "object"; these follow FHIR R4 itself)

inline QStringList operationOutcome(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck o(value, QString(), &problems);
    o.equals(QStringLiteral("resourceType"), QStringLiteral("OperationOutcome"))
        .array(QStringLiteral("issue"));
    const QJsonArray issues = o.json().value(QStringLiteral("issue")).toArray();
    if (issues.isEmpty())
        o.problem(QStringLiteral("issue"), QStringLiteral("needs at least one issue"));
    static const QStringList severities = {QStringLiteral("fatal"), QStringLiteral("error"),
                                           QStringLiteral("warning"),
                                           QStringLiteral("information")};
    for (qsizetype i = 0; i < issues.size(); ++i) {
        ObjectCheck issue(issues.at(i), QStringLiteral("issue[%1]").arg(i), &problems);
        issue.oneOf(QStringLiteral("severity"), severities).nonEmptyString(QStringLiteral("code"));
    }
    return problems;
}

inline QStringList searchsetBundle(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck b(value, QString(), &problems);
    b.equals(QStringLiteral("resourceType"), QStringLiteral("Bundle"))
        .equals(QStringLiteral("type"), QStringLiteral("searchset"))
        .nonNegative(QStringLiteral("total"))
        .array(QStringLiteral("link"))
        .array(QStringLiteral("entry"), Need::Optional);
    const QJsonArray links = b.json().value(QStringLiteral("link")).toArray();
    for (qsizetype i = 0; i < links.size(); ++i) {
        ObjectCheck link(links.at(i), QStringLiteral("link[%1]").arg(i), &problems);
        link.nonEmptyString(QStringLiteral("relation")).nonEmptyString(QStringLiteral("url"));
    }
    const QJsonArray entries = b.json().value(QStringLiteral("entry")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        ObjectCheck entry(entries.at(i), QStringLiteral("entry[%1]").arg(i), &problems);
        entry.nonEmptyString(QStringLiteral("fullUrl")).object(QStringLiteral("resource"));
        ObjectCheck resource(entry.json().value(QStringLiteral("resource")),
                             QStringLiteral("entry[%1].resource").arg(i), &problems);
        resource.nonEmptyString(QStringLiteral("resourceType"))
            .nonEmptyString(QStringLiteral("id"));
    }
    return problems;
}

inline QStringList capabilityStatement(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck c(value, QString(), &problems);
    c.equals(QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement"))
        .oneOf(QStringLiteral("status"), {QStringLiteral("draft"), QStringLiteral("active"),
                                          QStringLiteral("retired"), QStringLiteral("unknown")})
        .oneOf(QStringLiteral("kind"), {QStringLiteral("instance"), QStringLiteral("capability"),
                                        QStringLiteral("requirements")})
        .equals(QStringLiteral("fhirVersion"), QStringLiteral("4.0.1"))
        .array(QStringLiteral("format"))
        .array(QStringLiteral("rest"));
    const QJsonArray rest = c.json().value(QStringLiteral("rest")).toArray();
    if (rest.isEmpty()) {
        c.problem(QStringLiteral("rest"), QStringLiteral("needs at least one entry"));
        return problems;
    }
    ObjectCheck server(rest.at(0), QStringLiteral("rest[0]"), &problems);
    server.equals(QStringLiteral("mode"), QStringLiteral("server"))
        .array(QStringLiteral("resource"));
    const QJsonArray resources = server.json().value(QStringLiteral("resource")).toArray();
    for (qsizetype i = 0; i < resources.size(); ++i) {
        ObjectCheck resource(resources.at(i), QStringLiteral("rest[0].resource[%1]").arg(i),
                             &problems);
        resource.nonEmptyString(QStringLiteral("type")).array(QStringLiteral("interaction"));
    }
    return problems;
}

} // namespace ApiShapes
