// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirFacade.h"

#include "FhirFacade_p.h"
#include "FhirResources.h"
#include "FhirSearch.h"
#include "SampleDatabase.h"
#include "SampleSites.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <optional>

namespace Sandbox {

namespace {

using namespace Fhir;

// Paging tokens live as long as the server; past this many distinct searches they are all
// forgotten at once and old links answer 410, like an expired search on a real server.
constexpr int MaxStoredSearches = 1000;

// ------------------------------------------------------------------------------------------
// Replies

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FhirReply jsonReply(const QJsonObject &object, int status = 200)
{
    return {status, compact(object)};
}

QJsonObject outcome(const QString &severity, const Problem &problem)
{
    const QJsonObject details{
        {QStringLiteral("coding"),
         QJsonArray{
             QJsonObject{{QStringLiteral("system"),
                          QStringLiteral("http://hl7.org/fhir/dotnet-api-operation-outcome")},
                         {QStringLiteral("code"), QString::number(problem.number)}}}},
        {QStringLiteral("text"), problem.text}};
    const QJsonObject issue{{QStringLiteral("severity"), severity},
                            {QStringLiteral("code"), problem.code},
                            {QStringLiteral("details"), details}};
    return {{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
            {QStringLiteral("issue"), QJsonArray{issue}}};
}

FhirReply outcomeReply(const Problem &problem)
{
    return jsonReply(outcome(QStringLiteral("error"), problem), problem.status);
}

QString nowInstant()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// GET queries go through the form decoder too, so a search means the same however it arrives.
Parameters parseQuery(const QUrlQuery &query)
{
    return parseForm(query.query(QUrl::FullyEncoded).toUtf8());
}

// ------------------------------------------------------------------------------------------
// Database access

struct Rows {
    std::optional<Problem> problem;
    QList<QSqlRecord> records;
};

Problem databaseProblem(const QString &detail)
{
    return {500, QStringLiteral("exception"), GeneralError,
            QStringLiteral("The practice database could not be read: ") + detail};
}

Rows selectRows(QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    Rows rows;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        rows.problem = databaseProblem(query.lastError().text());
        return rows;
    }
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        rows.problem = databaseProblem(query.lastError().text());
        return rows;
    }
    while (query.next())
        rows.records.append(query.record());
    return rows;
}

std::optional<QSqlDatabase> openDatabase(const SampleSite &site, std::optional<Problem> &problem)
{
    QSqlDatabase db = SampleDatabase::open(site);
    if (!db.isValid() || !db.isOpen()) {
        problem = databaseProblem(QStringLiteral("no sample database for this site"));
        return std::nullopt;
    }
    return db;
}

// ------------------------------------------------------------------------------------------
// Bundles

QString trimmedBase(const QString &base)
{
    QString result = base;
    while (result.endsWith(QLatin1Char('/')))
        result.chop(1);
    return result;
}

QString pageLink(const QString &base, const QString &token, int offset, int count)
{
    return QStringLiteral("%1?_getpages=%2&_getpagesoffset=%3&_count=%4&_bundletype=searchset")
        .arg(base, token)
        .arg(offset)
        .arg(count);
}

QJsonObject link(const QString &relation, const QString &url)
{
    return {{QStringLiteral("relation"), relation}, {QStringLiteral("url"), url}};
}

QJsonObject bundleEntry(const QString &base, const QJsonObject &resource, bool searchMatch)
{
    QJsonObject entry{{QStringLiteral("fullUrl"),
                       QStringLiteral("%1/%2/%3")
                           .arg(base, resource.value(QStringLiteral("resourceType")).toString(),
                                resource.value(QStringLiteral("id")).toString())},
                      {QStringLiteral("resource"), resource}};
    if (searchMatch) {
        entry.insert(QStringLiteral("search"),
                     QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}});
    }
    return entry;
}

QJsonObject emptyBundle(const QString &type)
{
    return {{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("id"), newId()},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("lastUpdated"), nowInstant()}}},
            {QStringLiteral("type"), type}};
}

QJsonArray pageLinks(const QString &base, const QString &token, int offset, int count, qint64 total)
{
    QJsonArray links{link(QStringLiteral("self"), pageLink(base, token, offset, count))};
    if (count <= 0)
        return links;
    links.append(link(QStringLiteral("first"), pageLink(base, token, 0, count)));
    if (offset > 0) {
        links.append(link(QStringLiteral("previous"),
                          pageLink(base, token, std::max(0, offset - count), count)));
    }
    if (offset + count < total)
        links.append(link(QStringLiteral("next"), pageLink(base, token, offset + count, count)));
    const qint64 lastOffset = total > 0 ? (total - 1) / count * count : 0;
    links.append(
        link(QStringLiteral("last"), pageLink(base, token, static_cast<int>(lastOffset), count)));
    return links;
}

// `notice`, when set, travels as an OperationOutcome entry (search.mode outcome) in the Bundle:
// the search ran, but not quite as asked.
FhirReply searchPage(const SampleSite &site, const QString &base, const ResourceSpec &spec,
                     const Filter &filter, const QString &token, int offset, int count,
                     const std::optional<Problem> &notice = std::nullopt)
{
    std::optional<Problem> problem;
    std::optional<QSqlDatabase> db = openDatabase(site, problem);
    if (!db)
        return outcomeReply(*problem);
    const QString where =
        filter.where.isEmpty() ? QStringLiteral("1") : filter.where.join(QStringLiteral(" AND "));
    const Rows counted =
        selectRows(*db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(spec.table, where),
                   filter.binds);
    if (counted.problem)
        return outcomeReply(*counted.problem);
    const qint64 total =
        counted.records.isEmpty() ? 0 : counted.records.first().value(0).toLongLong();

    QJsonArray entries;
    if (count > 0 && offset < total) {
        QVariantList binds = filter.binds;
        binds << count << offset;
        const Rows page =
            selectRows(*db,
                       QStringLiteral("SELECT * FROM %1 WHERE %2 ORDER BY %3 "
                                      "LIMIT ? OFFSET ?")
                           .arg(spec.table, where, filter.orderBy.join(QStringLiteral(", "))),
                       binds);
        if (page.problem)
            return outcomeReply(*page.problem);
        for (const QSqlRecord &record : page.records)
            entries.append(bundleEntry(base, spec.build(record), true));
    }

    if (notice) {
        entries.append(QJsonObject{
            {QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:") + newId()},
            {QStringLiteral("resource"), outcome(QStringLiteral("information"), *notice)},
            {QStringLiteral("search"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("outcome")}}}});
    }

    QJsonObject bundle = emptyBundle(QStringLiteral("searchset"));
    bundle.insert(QStringLiteral("total"), total);
    bundle.insert(QStringLiteral("link"), pageLinks(base, token, offset, count, total));
    if (!entries.isEmpty()) // FHIR forbids empty arrays
        bundle.insert(QStringLiteral("entry"), entries);
    return jsonReply(bundle);
}

// ------------------------------------------------------------------------------------------
// Reads and operations

std::optional<QSqlRecord> readRecord(QSqlDatabase &db, const ResourceSpec &spec, qint64 id,
                                     std::optional<Problem> &problem)
{
    const Rows rows =
        selectRows(db, QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(spec.table), {id});
    if (rows.problem) {
        problem = rows.problem;
        return std::nullopt;
    }
    if (rows.records.isEmpty())
        return std::nullopt;
    return rows.records.first();
}

Problem notFound(const QString &type, const QString &id)
{
    return {404, QStringLiteral("not-found"), ResourceNotFound,
            QStringLiteral("Resource %1/%2 is not known").arg(type, id)};
}

FhirReply read(const SampleSite &site, const ResourceSpec &spec, const QString &id)
{
    const std::optional<qint64> number = parseId(id);
    if (!number)
        return outcomeReply(notFound(spec.type, id));
    std::optional<Problem> problem;
    std::optional<QSqlDatabase> db = openDatabase(site, problem);
    if (!db)
        return outcomeReply(*problem);
    const std::optional<QSqlRecord> record = readRecord(*db, spec, *number, problem);
    if (problem)
        return outcomeReply(*problem);
    if (!record)
        return outcomeReply(notFound(spec.type, id));
    return jsonReply(spec.build(*record));
}

// Patient/{id}/$summary: a "collection" Bundle (not an IPS "document", which would need a
// Composition) with the Patient, the usual practitioner and the patient's allergies.
FhirReply patientSummary(const SampleSite &site, const QString &base, const QString &id)
{
    const ResourceSpec &patientSpec = *findSpec(QStringLiteral("Patient"));
    const std::optional<qint64> number = parseId(id);
    if (!number)
        return outcomeReply(notFound(patientSpec.type, id));
    std::optional<Problem> problem;
    std::optional<QSqlDatabase> db = openDatabase(site, problem);
    if (!db)
        return outcomeReply(*problem);
    const std::optional<QSqlRecord> patient = readRecord(*db, patientSpec, *number, problem);
    if (problem)
        return outcomeReply(*problem);
    if (!patient)
        return outcomeReply(notFound(patientSpec.type, id));

    QJsonArray entries{bundleEntry(base, Fhir::patient(*patient), false)};
    const QVariant practitionerId = patient->value(QStringLiteral("usual_practitioner_id"));
    if (!practitionerId.isNull()) {
        const std::optional<QSqlRecord> practitioner = readRecord(
            *db, *findSpec(QStringLiteral("Practitioner")), practitionerId.toLongLong(), problem);
        if (problem)
            return outcomeReply(*problem);
        if (practitioner)
            entries.append(bundleEntry(base, Fhir::practitioner(*practitioner), false));
    }
    const Rows allergies = selectRows(
        *db, QStringLiteral("SELECT * FROM allergies WHERE patient_id = ? ORDER BY id"), {*number});
    if (allergies.problem)
        return outcomeReply(*allergies.problem);
    for (const QSqlRecord &record : allergies.records)
        entries.append(bundleEntry(base, Fhir::allergyIntolerance(record), false));

    QJsonObject bundle = emptyBundle(QStringLiteral("collection"));
    bundle.insert(QStringLiteral("timestamp"), nowInstant());
    bundle.insert(QStringLiteral("entry"), entries);
    return jsonReply(bundle);
}

Problem siteWithoutFhir(const SampleSite &site)
{
    return notSupported(QStringLiteral("The FHIR API is available for Best Practice sites only; "
                                       "this site runs %1")
                            .arg(site.pmsName),
                        SiteWithoutFhir);
}

Problem unknownResource(const QString &type)
{
    return notSupported(QStringLiteral("Resource type '%1' is not supported").arg(type),
                        UnknownResource, 404);
}

Problem unparsableUrl()
{
    return {400, QStringLiteral("processing"), GeneralError,
            QStringLiteral("Unable to parse Resource URL")};
}

// ------------------------------------------------------------------------------------------
// Searches and paging tokens

// Searches and paging share one page builder; this bundles what both pass to it.
struct SearchRequest {
    const ResourceSpec *spec = nullptr;
    Filter filter;
    int count = DefaultPageSize;
    std::optional<Problem> notice; // e.g. a _count above the largest page, reduced
};

std::optional<Problem> prepareSearch(const QString &resource, const Parameters &parameters,
                                     int defaultCount, SearchRequest &request)
{
    request.spec = findSpec(resource);
    if (!request.spec)
        return unknownResource(resource);
    if (auto problem = checkFormat(parameters))
        return problem;
    if (auto problem = pageSize(parameters, defaultCount, request.count))
        return problem;
    const std::optional<int> asked = parseCount(lastValue(parameters, QStringLiteral("_count")));
    if (asked && *asked > request.count) {
        request.notice = Problem{200, QStringLiteral("informational"), PageReduced,
                                 QStringLiteral("_count=%1 is more than this server sends in one "
                                                "page; pages hold %2 entries")
                                     .arg(*asked)
                                     .arg(request.count)};
    }
    return compileFilter(*request.spec, parameters, request.filter);
}

// Store is FhirFacade's private token map; a template lets this helper fill it without
// naming its private value type. Identical searches share a token, which bounds the map.
template <typename Store>
QString rememberSearch(Store &searches, const QString &siteGuid, const QString &resource,
                       const Parameters &parameters)
{
    Parameters kept;
    for (const auto &parameter : parameters) {
        if (!isResultParameter(parameter.first))
            kept.append(parameter);
    }
    for (auto it = searches.cbegin(); it != searches.cend(); ++it) {
        if (it->siteGuid == siteGuid && it->resource == resource && it->parameters == kept)
            return it.key();
    }
    if (searches.size() >= MaxStoredSearches)
        searches.clear();
    const QString token = newId();
    searches.insert(token, {siteGuid, resource, kept});
    return token;
}

template <typename Store>
FhirReply firstPage(Store &searches, const SampleSite &site, const QString &root,
                    const QString &resource, const Parameters &parameters, int defaultCount)
{
    SearchRequest request;
    if (auto problem = prepareSearch(resource, parameters, defaultCount, request))
        return outcomeReply(*problem);
    const QString token = rememberSearch(searches, site.guid, request.spec->type, parameters);
    return searchPage(site, root, *request.spec, request.filter, token, 0, request.count,
                      request.notice);
}

// {base}?_getpages={token}&_getpagesoffset={n}&_count={n}: the token stands in for the search
// values. Unknown tokens, and tokens of another site, answer 410 Gone.
template <typename Store>
FhirReply nextPage(const Store &searches, const SampleSite &site, const QString &root,
                   const Parameters &parameters, int defaultCount)
{
    const QString token = lastValue(parameters, QStringLiteral("_getpages"));
    const auto stored = searches.constFind(token);
    if (stored == searches.constEnd() || stored->siteGuid != site.guid) {
        return outcomeReply({410, QStringLiteral("not-found"), SearchExpired,
                             QStringLiteral("Search '%1' does not exist and may have expired; "
                                            "run the search again")
                                 .arg(token)});
    }
    const QString offsetText = lastValue(parameters, QStringLiteral("_getpagesoffset"));
    const std::optional<int> offset =
        offsetText.isEmpty() ? std::optional<int>(0) : parseCount(offsetText);
    if (!offset) {
        return outcomeReply(
            invalid(QStringLiteral("Invalid value for '_getpagesoffset': '%1'").arg(offsetText)));
    }
    Parameters resumed = stored->parameters;
    if (hasParameter(parameters, QStringLiteral("_count")))
        resumed.append({QStringLiteral("_count"), lastValue(parameters, QStringLiteral("_count"))});
    SearchRequest request;
    if (auto problem = prepareSearch(stored->resource, resumed, defaultCount, request))
        return outcomeReply(*problem);
    return searchPage(site, root, *request.spec, request.filter, token, *offset, request.count);
}

// Type-level operations are not supported; point at the instance form where there is one.
Problem typeLevelOperation(const ResourceSpec &spec, const QString &operation)
{
    QString text =
        QStringLiteral("Operation '%1' is not supported on the %2 type").arg(operation, spec.type);
    if (spec.type == QLatin1String("Patient") && operation == QLatin1String("$summary"))
        text += QStringLiteral("; use Patient/{id}/$summary");
    return notSupported(text);
}

} // namespace

FhirReply FhirFacade::get(const SampleSite &site, const QString &base, const QString &path,
                          const QUrlQuery &query)
{
    if (!site.hasFhir())
        return outcomeReply(siteWithoutFhir(site));
    const QString root = trimmedBase(base);
    const Parameters parameters = withoutEmptyValues(parseQuery(query));
    if (auto problem = checkFormat(parameters))
        return outcomeReply(*problem);

    QString trimmedPath = path;
    while (trimmedPath.startsWith(QLatin1Char('/')))
        trimmedPath.remove(0, 1);
    while (trimmedPath.endsWith(QLatin1Char('/')))
        trimmedPath.chop(1);

    if (trimmedPath.isEmpty()) {
        if (!hasParameter(parameters, QStringLiteral("_getpages")))
            return outcomeReply(unparsableUrl());
        return nextPage(m_searches, site, root, parameters, m_defaultPageSize);
    }

    if (trimmedPath == QLatin1String("metadata"))
        return jsonReply(capabilityStatement(site, root));

    const QStringList parts = trimmedPath.split(QLatin1Char('/'));
    const ResourceSpec *spec = findSpec(parts.first());
    if (!spec) {
        if (parts.first().startsWith(QLatin1Char('$')))
            return outcomeReply(
                notSupported(QStringLiteral("Operation '%1' is not supported").arg(parts.first())));
        return outcomeReply(unknownResource(parts.first()));
    }
    if (parts.size() == 1)
        return firstPage(m_searches, site, root, spec->type, parameters, m_defaultPageSize);
    const QString &second = parts.at(1);
    if (parts.size() == 2) {
        if (second == QLatin1String("_search")) {
            return outcomeReply(notSupported(
                QStringLiteral("Use POST for %1/_search, or GET %1?parameters").arg(spec->type),
                NotSupported, 405));
        }
        if (second.startsWith(QLatin1Char('$')))
            return outcomeReply(typeLevelOperation(*spec, second));
        return read(site, *spec, second);
    }
    const QString &third = parts.at(2);
    if (parts.size() == 3 && third.startsWith(QLatin1Char('$'))) {
        if (spec->type == QLatin1String("Patient") && third == QLatin1String("$summary"))
            return patientSummary(site, root, second);
        return outcomeReply(notSupported(
            QStringLiteral("Operation '%1' is not supported on %2").arg(third, spec->type)));
    }
    if (third == QLatin1String("_history"))
        return outcomeReply(notSupported(QStringLiteral("History is not supported")));
    return outcomeReply(unparsableUrl());
}

FhirReply FhirFacade::postSearch(const SampleSite &site, const QString &base,
                                 const QString &resource, const QByteArray &formBody)
{
    if (!site.hasFhir())
        return outcomeReply(siteWithoutFhir(site));
    QString type = resource;
    type.remove(QLatin1Char('/'));
    return firstPage(m_searches, site, trimmedBase(base), type,
                     withoutEmptyValues(parseForm(formBody)), m_defaultPageSize);
}

} // namespace Sandbox
