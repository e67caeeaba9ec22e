// SPDX-License-Identifier: GPL-3.0-or-later
// CapabilityStatements: FhirCapabilities::parse on arbitrary bytes, what the FHIR tab asks of
// the result, warnings for a few requests, and the per-site cache: what was stored reads back
// the same from its file.
#include "FuzzSupport.h"

#include "fhir/FhirCapabilities.h"
#include "fhir/FhirRequest.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <cstdint>

namespace {

using namespace Halo;
using HaloFuzz::check;

const QStringList kLines = {
    QStringLiteral("Patient?family=Smith&birthdate=ge1970-01-01&_count=5"),
    QStringLiteral("Patient/1"),
    QStringLiteral("Patient/1/$summary"),
    QStringLiteral("Practitioner?name:contains=jo&identifier:not=x"),
    QStringLiteral("$export"),
    QStringLiteral("metadata"),
};

bool sameCapabilities(const FhirCapabilities &a, const FhirCapabilities &b)
{
    if (a.fhirVersion != b.fhirVersion || a.version != b.version ||
        a.softwareName != b.softwareName || a.resourceTypes() != b.resourceTypes() ||
        a.systemOperations.size() != b.systemOperations.size()) {
        return false;
    }
    for (int i = 0; i < a.resources.size(); ++i) {
        const FhirResourceCapability &x = a.resources.at(i), &y = b.resources.at(i);
        if (x.interactions != y.interactions || x.searchParams.size() != y.searchParams.size() ||
            x.operations.size() != y.operations.size()) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    const QByteArray json =
        HaloFuzz::expandRecipe(QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)));

    QString error;
    const std::optional<FhirCapabilities> parsed = FhirCapabilities::parse(json, &error);
    check(parsed.has_value() || !error.isEmpty(), "a refused statement has no reason");
    if (!parsed)
        return 0;
    const FhirCapabilities &capabilities = *parsed;
    for (const QString &type : capabilities.resourceTypes()) {
        const FhirResourceCapability *resource = capabilities.resource(type);
        check(resource != nullptr, "a listed resource type cannot be found", type.toUtf8());
        for (const FhirSearchParam &param : resource->searchParams) {
            (void)resource->param(param.name);
            (void)fhirModifiersFor(param.type);
            (void)fhirTypeTakesPrefix(param.type);
        }
        (void)resource->supports(QStringLiteral("read"));
    }
    for (const QString &line : kLines) {
        const FhirLineParse request = parseFhirLine(line);
        if (request.request)
            (void)fhirRequestWarnings(*request.request, capabilities);
    }

    // Stored, then read back by a fresh cache from its file.
    static QTemporaryDir directory;
    const QString site = QStringLiteral("fuzz-site");
    {
        FhirCapabilityCache cache(directory.path());
        check(cache.store(site, json, QDateTime::currentDateTimeUtc(), &error),
              "a statement that parses is not stored", error.toUtf8());
    }
    FhirCapabilityCache fresh(directory.path());
    const std::optional<FhirCapabilityCache::Entry> entry = fresh.find(site);
    check(entry.has_value(), "a stored statement is not found again");
    check(sameCapabilities(entry->capabilities, capabilities),
          "a stored statement reads back differently");
    fresh.forget(site);
    return 0;
}
