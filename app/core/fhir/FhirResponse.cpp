// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QStringList>

namespace Halo {

namespace {

const QLatin1String kResourceType("resourceType");
const QLatin1String kOperationOutcome("OperationOutcome");

QString stringOf(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toString();
}

bool isPreviousRelation(const QString &relation)
{
    return relation.compare(QLatin1String("previous"), Qt::CaseInsensitive) == 0 ||
           relation.compare(QLatin1String("prev"), Qt::CaseInsensitive) == 0;
}

FhirEntry entryOf(const QJsonObject &resource)
{
    FhirEntry entry;
    entry.resourceType = stringOf(resource, kResourceType);
    entry.id = stringOf(resource, QLatin1String("id"));
    entry.resource = resource;
    return entry;
}

// Bundle entries: resources go to `entries`; OperationOutcomes (search.mode outcome, or any
// OperationOutcome resource, or a batch entry's response.outcome) give their issues instead,
// so the table shows data and the issue panel shows problems.
void readBundle(FhirResponse &response)
{
    const QJsonObject &root = response.root;
    response.bundleType = stringOf(root, QLatin1String("type"));
    if (root.value(QLatin1String("total")).isDouble())
        response.total = root.value(QLatin1String("total")).toInteger();

    for (const QJsonValue &value : root.value(QLatin1String("link")).toArray()) {
        const QJsonObject link = value.toObject();
        response.links.append(
            {stringOf(link, QLatin1String("relation")), stringOf(link, QLatin1String("url"))});
    }

    for (const QJsonValue &value : root.value(QLatin1String("entry")).toArray()) {
        const QJsonObject item = value.toObject();
        const QJsonObject outcome = item.value(QLatin1String("response"))
                                        .toObject()
                                        .value(QLatin1String("outcome"))
                                        .toObject();
        response.issues.append(fhirIssuesOf(outcome));

        // An entry without a resource (e.g. a bare batch response) has nothing to show.
        const QJsonValue resource = item.value(QLatin1String("resource"));
        if (!resource.isObject())
            continue;
        FhirEntry entry = entryOf(resource.toObject());
        entry.fullUrl = stringOf(item, QLatin1String("fullUrl"));
        entry.searchMode =
            item.value(QLatin1String("search")).toObject().value(QLatin1String("mode")).toString();
        if (entry.resourceType == kOperationOutcome) {
            response.issues.append(fhirIssuesOf(entry.resource));
            continue;
        }
        response.entries.append(entry);
    }
}

// One character for an XML entity or character reference, or the reference unchanged.
QString decodeEntity(const QString &name)
{
    if (name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const bool hex =
            name.size() > 1 && (name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X'));
        const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10FFFF) {
            const char32_t character = code;
            return QString::fromUcs4(&character, 1);
        }
    } else if (name == QLatin1String("amp")) {
        return QStringLiteral("&");
    } else if (name == QLatin1String("lt")) {
        return QStringLiteral("<");
    } else if (name == QLatin1String("gt")) {
        return QStringLiteral(">");
    } else if (name == QLatin1String("quot")) {
        return QStringLiteral("\"");
    } else if (name == QLatin1String("apos")) {
        return QStringLiteral("'");
    } else if (name == QLatin1String("nbsp")) {
        return QStringLiteral(" ");
    }
    return QLatin1Char('&') + name + QLatin1Char(';');
}

// Decodes in one pass, so "&amp;lt;" stays "&lt;" rather than becoming "<".
QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(
        QStringLiteral("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);"));
    QString decoded;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = entity.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).mid(last, match.capturedStart() - last);
        decoded += decodeEntity(match.captured(1));
        last = match.capturedEnd();
    }
    decoded += QStringView(text).mid(last);
    return decoded;
}

QString joinedStrings(const QJsonValue &value)
{
    QStringList parts;
    for (const QJsonValue &part : value.toArray()) {
        if (!part.toString().isEmpty())
            parts.append(part.toString());
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString FhirResponse::link(const QString &relation) const
{
    const bool previous = isPreviousRelation(relation);
    for (const FhirLink &candidate : links) {
        if (previous ? isPreviousRelation(candidate.relation)
                     : candidate.relation.compare(relation, Qt::CaseInsensitive) == 0)
            return candidate.url;
    }
    return {};
}

FhirResponse FhirResponse::parse(const QByteArray &body)
{
    FhirResponse response;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        response.rawBody = body;
        response.parseError = body.trimmed().isEmpty()
                                  ? QStringLiteral("The answer is empty.")
                                  : QStringLiteral("Not JSON: %1 at offset %2.")
                                        .arg(error.errorString())
                                        .arg(error.offset);
        return response;
    }
    if (!document.isObject()) {
        response.rawBody = body;
        response.prettyJson = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
        response.parseError =
            QStringLiteral("JSON, but not an object: FHIR resources are objects.");
        return response;
    }

    response.root = document.object();
    response.prettyJson = fhirPrettyJson(response.root);
    const QString type = stringOf(response.root, kResourceType);
    if (type.isEmpty()) {
        response.rawBody = body;
        response.parseError = QStringLiteral("JSON without a resourceType: not a FHIR resource.");
    } else if (type == QLatin1String("Bundle")) {
        response.kind = Kind::Bundle;
        readBundle(response);
    } else if (type == kOperationOutcome) {
        response.kind = Kind::Outcome;
        response.issues = fhirIssuesOf(response.root);
    } else {
        response.kind = Kind::Resource;
        response.entries.append(entryOf(response.root));
    }
    return response;
}

QString fhirPrettyJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString fhirHumanName(const QJsonObject &resource)
{
    const QJsonArray names = resource.value(QLatin1String("name")).toArray();
    QJsonObject chosen;
    for (const QJsonValue &value : names) {
        const QJsonObject name = value.toObject();
        if (stringOf(name, QLatin1String("use")) == QLatin1String("official")) {
            chosen = name;
            break;
        }
        if (chosen.isEmpty())
            chosen = name;
    }
    const QString text = stringOf(chosen, QLatin1String("text")).simplified();
    if (!text.isEmpty())
        return text;
    QStringList parts;
    for (const QString &part : {joinedStrings(chosen.value(QLatin1String("prefix"))),
                                joinedStrings(chosen.value(QLatin1String("given"))),
                                stringOf(chosen, QLatin1String("family")),
                                joinedStrings(chosen.value(QLatin1String("suffix")))}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join(QLatin1Char(' ')).simplified();
}

QString fhirIdentifierValue(const QJsonObject &resource, const QString &systemOrTypeCode)
{
    for (const QJsonValue &value : resource.value(QLatin1String("identifier")).toArray()) {
        const QJsonObject identifier = value.toObject();
        bool matches = stringOf(identifier, QLatin1String("system")) == systemOrTypeCode;
        const QJsonArray codings = identifier.value(QLatin1String("type"))
                                       .toObject()
                                       .value(QLatin1String("coding"))
                                       .toArray();
        for (qsizetype i = 0; !matches && i < codings.size(); ++i)
            matches = stringOf(codings.at(i).toObject(), QLatin1String("code")) == systemOrTypeCode;
        if (matches)
            return stringOf(identifier, QLatin1String("value"));
    }
    return {};
}

QString fhirCodeableConceptText(const QJsonObject &concept)
{
    const QString text = stringOf(concept, QLatin1String("text"));
    if (!text.isEmpty())
        return text;
    const QJsonArray codings = concept.value(QLatin1String("coding")).toArray();
    for (const QJsonValue &coding : codings) {
        const QString display = stringOf(coding.toObject(), QLatin1String("display"));
        if (!display.isEmpty())
            return display;
    }
    // A bare code still says more than nothing.
    for (const QJsonValue &coding : codings) {
        const QString code = stringOf(coding.toObject(), QLatin1String("code"));
        if (!code.isEmpty())
            return code;
    }
    return {};
}

QString fhirNarrativeText(const QJsonObject &resource)
{
    QString div =
        resource.value(QLatin1String("text")).toObject().value(QLatin1String("div")).toString();
    if (div.isEmpty())
        return {};
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    // Block-level tags separate words; inline ones (<b>, <span>) must not split them.
    static const QRegularExpression blockTag(
        QStringLiteral("<\\s*/?\\s*(p|div|br|li|tr|td|th|h[1-6]|table|ul|ol)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression anyTag(QStringLiteral("<[^>]*>"));
    div.remove(comment);
    div.replace(blockTag, QStringLiteral(" "));
    div.remove(anyTag);
    return decodeEntities(div).simplified();
}

QString fhirResourceSummary(const QJsonObject &resource)
{
    const QString narrative = fhirNarrativeText(resource);
    if (!narrative.isEmpty())
        return narrative;
    // Organization, Location and friends name themselves with a plain string.
    const QJsonValue name = resource.value(QLatin1String("name"));
    if (name.isString() && !name.toString().trimmed().isEmpty())
        return name.toString().simplified();
    const QString humanName = fhirHumanName(resource);
    if (!humanName.isEmpty())
        return humanName;
    for (const QLatin1String key : {QLatin1String("code"), QLatin1String("vaccineCode"),
                                    QLatin1String("medicationCodeableConcept")}) {
        const QString text = fhirCodeableConceptText(resource.value(key).toObject());
        if (!text.isEmpty())
            return text.simplified();
    }
    const QString type = stringOf(resource, kResourceType);
    const QString id = stringOf(resource, QLatin1String("id"));
    return id.isEmpty() ? type : type + QLatin1Char('/') + id;
}

} // namespace Halo
