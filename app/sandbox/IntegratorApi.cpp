// SPDX-License-Identifier: GPL-3.0-or-later
// The front of the Integrator API: which endpoint a method and path reach, whether the site may
// be asked at all, and the error envelope. The endpoint groups are in IntegratorApi*.cpp.
#include "IntegratorApi.h"

#include "IntegratorApi_p.h"
#include "SampleSites.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace Sandbox {

using detail::jsonReply;

namespace {

QString statusText(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 410:
        return QStringLiteral("Gone");
    case 413:
        return QStringLiteral("Payload Too Large");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return QStringLiteral("Error");
    }
}

bool isGuid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern.match(text).hasMatch();
}

} // namespace

IntegratorApi::IntegratorApi(const SandboxOptions &options)
{
    setOptions(options);
}

void IntegratorApi::setOptions(const SandboxOptions &options)
{
    m_options = options;
    m_fhir.setDefaultPageSize(options.fhirPageSize);
}

ApiReply IntegratorApi::error(int status, const QString &message)
{
    return jsonReply(status,
                     QJsonObject{{QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("status"), status},
                                              {QStringLiteral("statusText"), statusText(status)},
                                              {QStringLiteral("message"), message}}}});
}

ApiReply IntegratorApi::handle(const ApiRequest &request)
{
    // Current paths are /integrator/...; the Getting started guide's older ones start at
    // /sites/...; an old copy of the FHIR page used /api/sites/....
    QString prefix;
    QString rest = request.path;
    for (const QString &candidate : {QStringLiteral("/integrator"), QStringLiteral("/api")}) {
        if (rest.startsWith(candidate + QLatin1Char('/'))) {
            prefix = candidate;
            rest = rest.mid(candidate.size());
            break;
        }
    }
    QStringList segments = rest.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    if (!segments.isEmpty() && segments.last().isEmpty() && segments.size() > 1)
        segments.removeLast();
    const QByteArray &method = request.method;

    if (segments.size() == 1 &&
        (segments[0] == QLatin1String("pair-site") || segments[0] == QLatin1String("pairSite"))) {
        if (method != "POST")
            return error(404, QStringLiteral("Resource not found"));
        return pairSite(request);
    }
    if (segments.isEmpty() || segments[0] != QLatin1String("sites"))
        return error(404, QStringLiteral("Resource not found"));
    if (segments.size() == 1) {
        if (method != "GET")
            return error(404, QStringLiteral("Resource not found"));
        return findSites(request);
    }
    const QString guid = segments[1];
    if (!isGuid(guid))
        return error(400, QStringLiteral("Halo GUID must be a valid GUID."));
    const SampleSite *site = findSampleSite(guid);
    if (!site)
        return error(404, QStringLiteral("Site %1 was not found.").arg(guid));
    return routeSite(*site, request, prefix, segments.mid(2));
}

ApiReply IntegratorApi::routeSite(const SampleSite &site, const ApiRequest &request,
                                  const QString &prefix, const QStringList &s)
{
    const QByteArray &m = request.method;
    const auto notFound = [] { return error(404, QStringLiteral("Resource not found")); };
    if (s.isEmpty())
        return m == "GET" ? getSite(site) : notFound();

    if (s[0] == QLatin1String("fhir")) {
        if (s.size() < 2 || s[1] != QLatin1String("R4"))
            return notFound();
        return fhir(site, request, prefix, s.mid(2).join(QLatin1Char('/')));
    }
    if (s[0] != QLatin1String("queries") || s.size() < 2)
        return notFound();

    const bool isAsync = s[1] == QLatin1String("async");
    if (s.size() == 2 && (s[1] == QLatin1String("immediate") || isAsync) && m == "POST") {
        const ApiReply gate = queryGate(site, isAsync);
        if (gate.status != 0)
            return gate;
        return isAsync ? asyncQuery(site, request) : immediateQuery(site, request);
    }
    // Everything below reads what earlier queries left; a site that may not be queried may not
    // be read either.
    const ApiReply gate = queryGate(site, true);
    if (gate.status == 403)
        return gate;

    if (s.size() == 2 && s[1] == QLatin1String("status"))
        return m == "POST" ? batchStatus(site, request) : notFound();
    if (s[1] == QLatin1String("registered")) {
        if (s.size() == 2 && m == "POST")
            return createRegistered(site, request);
        if (s.size() == 2 && m == "GET")
            return listRegistered(site);
        if (s.size() == 3 && m == "GET")
            return getRegistered(site, s[2]);
        if (s.size() == 3 && m == "DELETE")
            return cancelRegistered(site, s[2]);
        if (s.size() == 4 && s[3] == QLatin1String("results") && m == "GET")
            return registeredResults(site, s[2]);
        return notFound();
    }
    if (m != "GET")
        return notFound();
    if (s.size() == 2)
        return queryStatus(site, s[1]);
    if (s.size() == 4 && s[2] == QLatin1String("results"))
        return resultPage(site, s[1], s[3], false);
    if (s.size() == 5 && s[2] == QLatin1String("results") && s[4] == QLatin1String("stream"))
        return resultPage(site, s[1], s[3], true);
    return notFound();
}

ApiReply IntegratorApi::queryGate(const SampleSite &site, bool isAsync) const
{
    if (!site.authoritative)
        return error(403, QStringLiteral("The site is not authoritative for practice %1: another "
                                         "Halo Link install now serves it. Look the Halo GUID up "
                                         "again by the practice's PMS ID.")
                              .arg(site.pmsId));
    if (site.scenario == SiteScenario::Unpaired && !m_pairedSites.contains(site.guid))
        return error(403, QStringLiteral("The integrator is not paired with this site. Pair it "
                                         "with POST /integrator/pair-site first."));
    if (site.availability == QLatin1String("offline"))
        return error(503, QStringLiteral("Site could not be contacted, please try again later or "
                                         "contact a system administrator."));
    if (site.availability == QLatin1String("unreachable") && !isAsync)
        return error(504, QStringLiteral("Site is unreachable"));
    ApiReply open;
    open.status = 0;
    return open;
}

ApiReply IntegratorApi::fhir(const SampleSite &site, const ApiRequest &request,
                             const QString &prefix, const QString &rest)
{
    const ApiReply gate = queryGate(site, false);
    if (gate.status != 0)
        return gate;
    const QString base = request.origin + prefix + QStringLiteral("/sites/") + site.guid +
                         QStringLiteral("/fhir/R4");
    FhirReply answer;
    if (request.method == "POST" && rest.endsWith(QLatin1String("/_search")) &&
        rest.count(QLatin1Char('/')) == 1) {
        answer = m_fhir.postSearch(site, base, rest.section(QLatin1Char('/'), 0, 0), request.body);
    } else if (request.method == "GET") {
        answer = m_fhir.get(site, base, rest, request.query);
    } else {
        return error(404, QStringLiteral("Resource not found"));
    }
    ApiReply reply;
    reply.status = answer.httpStatus;
    reply.body = answer.body;
    reply.contentType = QByteArrayLiteral("application/fhir+json; charset=utf-8");
    return reply;
}

} // namespace Sandbox
