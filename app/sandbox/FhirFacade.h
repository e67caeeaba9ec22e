// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace Sandbox {

struct SampleSite;

struct FhirReply {
    int httpStatus = 200;
    QByteArray body; // JSON; served as application/fhir+json
};

// A small FHIR R4 facade (AU Base flavoured) over a site's sample database: a
// CapabilityStatement, Patient (with $summary), Practitioner, Organization and
// AllergyIntolerance; searchset Bundles with total and working next/previous links;
// OperationOutcome for unknown resources and parameters. Lives as long as the server, because
// paging links refer to searches it remembers (search values stay out of the links).
class FhirFacade
{
public:
    // `base` is the absolute FHIR base the client used, e.g.
    // http://127.0.0.1:PORT/integrator/sites/{guid}/fhir/R4 ; links in Bundles are built on it.
    // `path` is what follows the base: "metadata", "Patient", "Patient/1", "Patient/1/$summary".
    FhirReply get(const SampleSite &site, const QString &base, const QString &path,
                  const QUrlQuery &query);
    // POST {base}/{resource}/_search with an application/x-www-form-urlencoded body.
    FhirReply postSearch(const SampleSite &site, const QString &base, const QString &resource,
                         const QByteArray &formBody);
    // The page size when a search names no _count (the sandbox's --fhir-page-size).
    void setDefaultPageSize(int count) { m_defaultPageSize = count; }

private:
    struct StoredSearch {
        QString siteGuid;
        QString resource;
        QList<QPair<QString, QString>> parameters;
    };
    QHash<QString, StoredSearch> m_searches; // paging token -> search
    int m_defaultPageSize = 20;
};

} // namespace Sandbox
