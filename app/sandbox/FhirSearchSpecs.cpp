// SPDX-License-Identifier: GPL-3.0-or-later
// The supported resources and their search parameters. Table and column names in this table are
// the only text that goes into SQL; every value from a request is bound.
#include "FhirSearch.h"

#include "FhirResources.h"

namespace Sandbox::Fhir {

namespace {

QString definition(const char *name)
{
    return QStringLiteral("http://hl7.org/fhir/SearchParameter/") + QLatin1String(name);
}

ParamSpec idParam()
{
    return {QStringLiteral("_id"),
            QStringLiteral("token"),
            definition("Resource-id"),
            QStringLiteral("Logical id; comma-separated ids match any"),
            ParamKind::Id,
            {QStringLiteral("id")}};
}

ParamSpec textParam(const char *name, const char *definitionName, const QString &documentation,
                    const QStringList &columns, bool containsByDefault = false)
{
    return {QString::fromLatin1(name),
            QStringLiteral("string"),
            definition(definitionName),
            documentation,
            ParamKind::Text,
            columns,
            containsByDefault};
}

const QString StringModifiers = QStringLiteral("; modifiers :exact and :contains");

QList<ResourceSpec> buildSpecs()
{
    const QString surname = QStringLiteral("surname");
    const QString first = QStringLiteral("first_name");
    const QString middle = QStringLiteral("middle_name");
    const QString preferred = QStringLiteral("preferred_name");
    const QString title = QStringLiteral("title");
    const QString active = QStringLiteral("Whether the record is in active use (true|false)");

    const ResourceSpec patientSpec{
        QStringLiteral("Patient"),
        QStringLiteral("patients"),
        QString::fromLatin1(PatientProfile),
        {idParam(),
         textParam("family", "individual-family",
                   QStringLiteral("Family name, case-insensitive starts-with") + StringModifiers,
                   {surname}),
         textParam("given", "individual-given",
                   QStringLiteral("Given, middle or preferred name, case-insensitive "
                                  "starts-with") +
                       StringModifiers,
                   {first, middle, preferred}),
         textParam("name", "Patient-name",
                   QStringLiteral("Any part of a name, case-insensitive starts-with") +
                       StringModifiers,
                   {surname, first, middle, preferred, title}),
         {QStringLiteral("birthdate"),
          QStringLiteral("date"),
          definition("individual-birthdate"),
          QStringLiteral("YYYY, YYYY-MM or YYYY-MM-DD with an optional prefix eq, ne, lt, le, "
                         "gt or ge"),
          ParamKind::Date,
          {QStringLiteral("date_of_birth")}},
         {QStringLiteral("gender"),
          QStringLiteral("token"),
          definition("individual-gender"),
          QStringLiteral("male | female | other | unknown"),
          ParamKind::Gender,
          {QStringLiteral("sex")}},
         {QStringLiteral("identifier"),
          QStringLiteral("token"),
          definition("Patient-identifier"),
          QStringLiteral("system|value or value; Medicare (10 digits, or 11 with the IRN), IHI, "
                         "DVA and the local patient id (") +
              QLatin1String(MrnSystem) + QLatin1Char(')'),
          ParamKind::PatientIdentifier,
          {}},
         {QStringLiteral("active"),
          QStringLiteral("token"),
          definition("Patient-active"),
          active,
          ParamKind::Active,
          {QStringLiteral("is_active")}}},
        {{QStringLiteral("_id"), QStringLiteral("id")},
         {QStringLiteral("family"), surname},
         {QStringLiteral("given"), first},
         {QStringLiteral("birthdate"), QStringLiteral("date_of_birth")}},
        &patient};

    const ResourceSpec practitionerSpec{
        QStringLiteral("Practitioner"),
        QStringLiteral("practitioners"),
        QString::fromLatin1(PractitionerProfile),
        {idParam(),
         textParam("family", "individual-family",
                   QStringLiteral("Family name, case-insensitive starts-with") + StringModifiers,
                   {surname}),
         textParam("given", "individual-given",
                   QStringLiteral("Given name, case-insensitive starts-with") + StringModifiers,
                   {first}),
         textParam("name", "Practitioner-name",
                   QStringLiteral("Any part of a name, case-insensitive starts-with") +
                       StringModifiers,
                   {surname, first, title}),
         {QStringLiteral("identifier"),
          QStringLiteral("token"),
          definition("Practitioner-identifier"),
          QStringLiteral("Medicare provider number: system|value or value"),
          ParamKind::ProviderIdentifier,
          {}},
         {QStringLiteral("active"),
          QStringLiteral("token"),
          definition("Practitioner-active"),
          active,
          ParamKind::Active,
          {QStringLiteral("is_active")}}},
        {{QStringLiteral("_id"), QStringLiteral("id")},
         {QStringLiteral("family"), surname},
         {QStringLiteral("given"), first}},
        &practitioner};

    const ResourceSpec organizationSpec{
        QStringLiteral("Organization"),
        QStringLiteral("practice"),
        QString::fromLatin1(OrganizationProfile),
        {idParam(), textParam("name", "Organization-name",
                              QStringLiteral("Name, case-insensitive contains; modifier :exact"),
                              {QStringLiteral("name")}, true)},
        {{QStringLiteral("_id"), QStringLiteral("id")},
         {QStringLiteral("name"), QStringLiteral("name")}},
        &organization};

    const ResourceSpec allergySpec{QStringLiteral("AllergyIntolerance"),
                                   QStringLiteral("allergies"),
                                   QString::fromLatin1(AllergyProfile),
                                   {idParam(),
                                    {QStringLiteral("patient"),
                                     QStringLiteral("reference"),
                                     definition("clinical-patient"),
                                     QStringLiteral("Patient/{id} or {id}"),
                                     ParamKind::PatientReference,
                                     {QStringLiteral("patient_id")}},
                                    {QStringLiteral("criticality"),
                                     QStringLiteral("token"),
                                     definition("AllergyIntolerance-criticality"),
                                     QStringLiteral("low | high | unable-to-assess"),
                                     ParamKind::Criticality,
                                     {QStringLiteral("criticality")}}},
                                   {{QStringLiteral("_id"), QStringLiteral("id")}},
                                   &allergyIntolerance};

    return {patientSpec, practitionerSpec, organizationSpec, allergySpec};
}

} // namespace

const QList<ResourceSpec> &resourceSpecs()
{
    static const QList<ResourceSpec> specs = buildSpecs();
    return specs;
}

const ResourceSpec *findSpec(const QString &type)
{
    for (const ResourceSpec &spec : resourceSpecs()) {
        if (spec.type == type) // FHIR type names are case-sensitive
            return &spec;
    }
    return nullptr;
}

} // namespace Sandbox::Fhir
