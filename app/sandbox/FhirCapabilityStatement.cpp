// SPDX-License-Identifier: GPL-3.0-or-later
// The facade's CapabilityStatement: every supported resource with its search parameters, sort
// keys and operations, as FhirSearch describes them.
#include "FhirFacade_p.h"
#include "FhirSearch.h"
#include "SampleSites.h"

#include <QDateTime>
#include <QJsonArray>

namespace Sandbox::Fhir {

namespace {

QJsonObject searchParamEntry(const QString &name, const QString &type, const QString &definitionUrl,
                             const QString &documentation)
{
    QJsonObject entry{{QStringLiteral("name"), name},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("documentation"), documentation}};
    if (!definitionUrl.isEmpty())
        entry.insert(QStringLiteral("definition"), definitionUrl);
    return entry;
}

QJsonObject capabilityResource(const ResourceSpec &spec)
{
    QJsonArray searchParams;
    for (const ParamSpec &param : spec.params) {
        searchParams.append(
            searchParamEntry(param.name, param.type, param.definition, param.documentation));
    }
    searchParams.append(
        searchParamEntry(QStringLiteral("_count"), QStringLiteral("number"), {},
                         QStringLiteral("Page size; default %1, larger values are reduced to %2")
                             .arg(DefaultPageSize)
                             .arg(MaxPageSize)));
    QStringList sortKeys;
    for (const auto &sortKey : spec.sortKeys)
        sortKeys.append(sortKey.first);
    searchParams.append(searchParamEntry(
        QStringLiteral("_sort"), QStringLiteral("string"), {},
        QStringLiteral("Sort by %1; prefix '-' for descending. Default order is _id")
            .arg(sortKeys.join(QStringLiteral(", ")))));

    QJsonObject resource{
        {QStringLiteral("type"), spec.type},
        {QStringLiteral("profile"), spec.profile},
        {QStringLiteral("interaction"),
         QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("read")}},
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("search-type")}}}},
        {QStringLiteral("versioning"), QStringLiteral("no-version")},
        {QStringLiteral("searchParam"), searchParams}};
    if (spec.type == QLatin1String("Patient")) {
        resource.insert(
            QStringLiteral("operation"),
            QJsonArray{QJsonObject{
                {QStringLiteral("name"), QStringLiteral("summary")},
                {QStringLiteral("definition"),
                 QStringLiteral("http://hl7.org/fhir/OperationDefinition/Patient-summary")}}});
    }
    return resource;
}

} // namespace

QJsonObject capabilityStatement(const SampleSite &site, const QString &base)
{
    QJsonArray resources;
    for (const ResourceSpec &spec : resourceSpecs())
        resources.append(capabilityResource(spec));
    const QJsonObject rest{
        {QStringLiteral("mode"), QStringLiteral("server")},
        {QStringLiteral("documentation"),
         QStringLiteral("Searchset Bundles page with opaque links: "
                        "{base}?_getpages={token}&_getpagesoffset={n}&_count={n}. "
                        "Search values never appear in links.")},
        {QStringLiteral("resource"), resources}};
    return {
        {QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement")},
        {QStringLiteral("id"), site.guid},
        {QStringLiteral("version"), site.haloLinkVersion},
        {QStringLiteral("name"), QStringLiteral("RestServer")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        // Not Halo's publisher on purpose: the sandbox must not pass itself off as Halo.
        {QStringLiteral("publisher"), QStringLiteral("Halo Explorer sandbox")},
        {QStringLiteral("kind"), QStringLiteral("instance")},
        {QStringLiteral("software"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Halo Explorer sandbox FHIR facade")},
                     {QStringLiteral("version"), site.haloLinkVersion}}},
        {QStringLiteral("implementation"),
         QJsonObject{{QStringLiteral("description"),
                      QStringLiteral("Sandbox FHIR facade for %1").arg(site.practiceName)},
                     {QStringLiteral("url"), base}}},
        {QStringLiteral("fhirVersion"), QStringLiteral("4.0.1")},
        {QStringLiteral("format"),
         QJsonArray{QStringLiteral("application/fhir+json"), QStringLiteral("application/json")}},
        {QStringLiteral("rest"), QJsonArray{rest}}};
}

} // namespace Sandbox::Fhir
