// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirIssue.h"

#include "net/ServerText.h"

#include <QJsonArray>
#include <QStringList>

namespace Halo {

namespace {

// Every text of an issue is the server's: shown safely (see ServerText).
QString stringOf(const QJsonObject &object, const char *key)
{
    return shownServerText(object.value(QLatin1String(key)).toString());
}

// expression (FHIRPath, R4) is preferred; location (XPath-ish, deprecated) only when it is all.
QString locationOf(const QJsonObject &issue)
{
    QJsonArray paths = issue.value(QLatin1String("expression")).toArray();
    if (paths.isEmpty())
        paths = issue.value(QLatin1String("location")).toArray();
    QStringList parts;
    for (const QJsonValue &path : paths) {
        if (!path.toString().isEmpty())
            parts.append(path.toString());
    }
    return parts.join(QLatin1String(", "));
}

// "http://hl7.org/fhir/dotnet-api-operation-outcome|5003" reads best as just "5003".
QString detailCodeOf(const QJsonObject &details)
{
    const QJsonObject coding = details.value(QLatin1String("coding")).toArray().at(0).toObject();
    return stringOf(coding, "code");
}

} // namespace

QList<FhirIssue> fhirIssuesOf(const QJsonObject &operationOutcome)
{
    QList<FhirIssue> issues;
    if (stringOf(operationOutcome, "resourceType") != QLatin1String("OperationOutcome"))
        return issues;
    for (const QJsonValue &value : operationOutcome.value(QLatin1String("issue")).toArray()) {
        const QJsonObject issue = value.toObject();
        const QJsonObject details = issue.value(QLatin1String("details")).toObject();
        FhirIssue read;
        read.severity = stringOf(issue, "severity");
        read.code = stringOf(issue, "code");
        read.text = stringOf(details, "text");
        const QString diagnostics = stringOf(issue, "diagnostics");
        if (read.text.isEmpty())
            read.text = diagnostics;
        else if (diagnostics != read.text)
            read.diagnostics = diagnostics;
        read.detailCode = detailCodeOf(details);
        read.location = locationOf(issue);
        issues.append(read);
    }
    return issues;
}

} // namespace Halo
