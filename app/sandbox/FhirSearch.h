// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

// FHIR search for FhirFacade: which resource types and parameters exist, how request
// parameters are decoded, and how they become a parameterised SQL filter over the sample
// database. No database access and no Bundles here.
namespace Sandbox::Fhir {

using Parameters = QList<QPair<QString, QString>>;

inline constexpr int DefaultPageSize = 20;
inline constexpr int MaxPageSize = 100;

// Halo's outcomes carry a number from Firely's dotnet-api-operation-outcome system; Halo
// documents only 5003. The other numbers are the sandbox's own, stable so clients can match.
enum DetailNumber {
    SiteWithoutFhir = 4001,
    UnknownResource = 4002,
    UnknownParameter = 4003,
    InvalidValue = 4004,
    ResourceNotFound = 4005,
    SearchExpired = 4006,
    NotSupported = 4007,
    PageReduced = 4008, // information: _count above the largest page
    GeneralError = 5003,
};

// What goes wrong, before it becomes an OperationOutcome.
struct Problem {
    int status = 400;
    QString code; // FHIR IssueType
    int number = GeneralError;
    QString text;
};

Problem invalid(const QString &text);
Problem notSupported(const QString &text, int number = NotSupported, int status = 400);

enum class ParamKind {
    Id,
    Text,
    Date,
    Gender,
    PatientIdentifier,
    ProviderIdentifier,
    Active,
    PatientReference,
    Criticality,
};

struct ParamSpec {
    QString name;
    QString type;       // FHIR search parameter type, for the CapabilityStatement
    QString definition; // the SearchParameter it implements
    QString documentation;
    ParamKind kind;
    QStringList columns;
    bool containsByDefault = false; // Text: match anywhere instead of at the start
};

struct ResourceSpec {
    QString type;
    QString table;
    QString profile;
    QList<ParamSpec> params;
    QList<QPair<QString, QString>> sortKeys; // _sort name -> column
    QJsonObject (*build)(const QSqlRecord &);

    const ParamSpec *param(const QString &name) const
    {
        for (const ParamSpec &p : params) {
            if (p.name == name)
                return &p;
        }
        return nullptr;
    }
};

const QList<ResourceSpec> &resourceSpecs();
const ResourceSpec *findSpec(const QString &type); // nullptr when not supported

// A WHERE clause with `?` placeholders, its values in order, and an ORDER BY that ends with
// the id so paging is stable.
struct Filter {
    QStringList where; // ANDed
    QVariantList binds;
    QStringList orderBy;
};

// application/x-www-form-urlencoded decoding ('+' is a space).
Parameters parseForm(const QByteArray &body);
Parameters withoutEmptyValues(const Parameters &parameters); // FHIR ignores empty values
QString lastValue(const Parameters &parameters, const QString &name);
bool hasParameter(const Parameters &parameters, const QString &name);

std::optional<qint64> parseId(const QString &value); // digits only
std::optional<int> parseCount(const QString &value); // a non-negative whole number

// _count, _total, _format and _pretty: they shape the reply, not the set of matches.
bool isResultParameter(const QString &name);
std::optional<Problem> compileFilter(const ResourceSpec &spec, const Parameters &parameters,
                                     Filter &filter);
std::optional<Problem> pageSize(const Parameters &parameters, int defaultCount, int &count);
std::optional<Problem> checkFormat(const Parameters &parameters); // JSON only

} // namespace Sandbox::Fhir
