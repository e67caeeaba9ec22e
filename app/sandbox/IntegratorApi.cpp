#include "IntegratorApi.h"

#include "ResultEncoder.h"
#include "SampleDatabase.h"
#include "SampleSites.h"
#include "SqlRunner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace Sandbox {

namespace {

// Query values as form clients send them: '+' also means a space ("Best+Practice").
QString formValue(const QUrlQuery &query, const QString &key)
{
    QString value = query.queryItemValue(key, QUrl::FullyDecoded);
    return value.replace(QLatin1Char('+'), QLatin1Char(' '));
}

const QString kIntegratorId = QStringLiteral("5a4d2f0e-8c1b-4e7a-9b3d-6f2e1c0a9d84");

QString isoMs(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString isoSeconds(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

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

ApiReply jsonReply(int status, const QJsonObject &object)
{
    ApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

bool isGuid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern.match(text).hasMatch();
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QStringList &sqlDbTypes()
{
    static const QStringList types = {QStringLiteral("BigInt"),
                                      QStringLiteral("Binary"),
                                      QStringLiteral("Bit"),
                                      QStringLiteral("Char"),
                                      QStringLiteral("String"),
                                      QStringLiteral("Date"),
                                      QStringLiteral("DateTime"),
                                      QStringLiteral("DateTime2"),
                                      QStringLiteral("DateTimeOffset"),
                                      QStringLiteral("Decimal"),
                                      QStringLiteral("Float"),
                                      QStringLiteral("Image"),
                                      QStringLiteral("Int"),
                                      QStringLiteral("Money"),
                                      QStringLiteral("NChar"),
                                      QStringLiteral("NText"),
                                      QStringLiteral("NVarChar"),
                                      QStringLiteral("Real"),
                                      QStringLiteral("SmallDateTime"),
                                      QStringLiteral("SmallInt"),
                                      QStringLiteral("SmallMoney"),
                                      QStringLiteral("Structured"),
                                      QStringLiteral("Text"),
                                      QStringLiteral("Time"),
                                      QStringLiteral("Timestamp"),
                                      QStringLiteral("TinyInt"),
                                      QStringLiteral("Udt"),
                                      QStringLiteral("UniqueIdentifier"),
                                      QStringLiteral("VarBinary"),
                                      QStringLiteral("VarChar"),
                                      QStringLiteral("Variant"),
                                      QStringLiteral("Xml")};
    return types;
}

// Reads `command` as the Command schema describes it; returns an error message or empty.
QString parseCommand(const QJsonValue &value, SqlCommand *command)
{
    if (!value.isObject())
        return QStringLiteral("'command' is required and must be an object.");
    const QJsonObject json = value.toObject();
    const QJsonValue text = json.value(QStringLiteral("text"));
    if (!text.isString() || text.toString().trimmed().isEmpty())
        return QStringLiteral("'command.text' is required and must be a non-empty string.");
    command->text = text.toString();
    if (json.contains(QStringLiteral("executionMode"))) {
        const QString mode = json.value(QStringLiteral("executionMode")).toString();
        if (mode != QLatin1String("reader") && mode != QLatin1String("nonQuery") &&
            mode != QLatin1String("scalar"))
            return QStringLiteral(
                "'command.executionMode' must be one of reader, nonQuery, scalar.");
        command->executionMode = mode;
    }
    if (json.contains(QStringLiteral("type"))) {
        const QString type = json.value(QStringLiteral("type")).toString();
        if (type != QLatin1String("text") && type != QLatin1String("storedProcedure"))
            return QStringLiteral("'command.type' must be one of text, storedProcedure.");
        command->type = type;
    }
    const QJsonValue parameters = json.value(QStringLiteral("parameters"));
    if (parameters.isUndefined() || parameters.isNull())
        return {};
    if (!parameters.isArray())
        return QStringLiteral("'command.parameters' must be an array.");
    static const QStringList directions = {QStringLiteral("output"), QStringLiteral("input"),
                                           QStringLiteral("inputOutput"),
                                           QStringLiteral("returnValue")};
    const QJsonArray list = parameters.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject p = list.at(i).toObject();
        const QString where = QStringLiteral("'command.parameters[%1]").arg(i);
        SqlParameter parameter;
        parameter.name = p.value(QStringLiteral("name")).toString();
        if (parameter.name.isEmpty())
            return where + QStringLiteral(".name' is required.");
        parameter.direction =
            p.value(QStringLiteral("direction")).toString(QStringLiteral("input"));
        if (!directions.contains(parameter.direction))
            return where +
                   QStringLiteral(
                       ".direction' must be one of output, input, inputOutput, returnValue.");
        parameter.type = p.value(QStringLiteral("type")).toString(QStringLiteral("NVarChar"));
        if (!sqlDbTypes().contains(parameter.type))
            return where + QStringLiteral(".type' '%1' is not a known type.").arg(parameter.type);
        const QJsonValue v = p.value(QStringLiteral("value"));
        if (v.isString())
            parameter.value = v.toString();
        else if (!v.isNull() && !v.isUndefined())
            return where + QStringLiteral(".value' must be a string or null.");
        const QJsonValue size = p.value(QStringLiteral("size"));
        if (!size.isUndefined() && !size.isDouble())
            return where + QStringLiteral(".size' must be an integer.");
        parameter.size = size.toInt();
        command->parameters.append(parameter);
    }
    return {};
}

QJsonArray parametersJson(const QList<SqlParameter> &parameters)
{
    QJsonArray array;
    for (const SqlParameter &p : parameters) {
        QJsonObject object{{QStringLiteral("name"), p.name},
                           {QStringLiteral("direction"), p.direction},
                           {QStringLiteral("type"), p.type},
                           {QStringLiteral("size"), p.size}};
        object.insert(QStringLiteral("value"), p.value.isNull() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(p.value.toString()));
        array.append(object);
    }
    return array;
}

// T-SQL's way to make a slow query; the sandbox waits instead of executing it.
qint64 takeWaitForDelay(QString *sql)
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "^\\s*WAITFOR\\s+DELAY\\s+'(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?'\\s*;?"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(*sql);
    if (!match.hasMatch())
        return 0;
    sql->remove(0, match.capturedLength());
    const qint64 ms = match.captured(4).leftJustified(3, QLatin1Char('0')).toLongLong();
    return ((match.captured(1).toLongLong() * 60 + match.captured(2).toLongLong()) * 60 +
            match.captured(3).toLongLong()) *
               1000 +
           ms;
}

// Comments such as /* sandbox: upload-failed */ steer an async query into a failure status.
QString plannedFailureFromDirective(const QString &sql)
{
    static const QRegularExpression pattern(
        QStringLiteral("/\\*\\s*sandbox:\\s*([a-z-]+)\\s*\\*/"));
    const QString directive = pattern.match(sql).captured(1);
    if (directive == QLatin1String("upload-failed"))
        return QStringLiteral("uploadFailed");
    if (directive == QLatin1String("cache-error"))
        return QStringLiteral("initialisationFailedCacheError");
    if (directive == QLatin1String("site-offline"))
        return QStringLiteral("initialisationFailedSiteOffline");
    return {};
}

QJsonObject errorDetails(const QString &type, int code, const QString &message)
{
    return {{QStringLiteral("errorType"), type},
            {QStringLiteral("errorCode"), code},
            {QStringLiteral("errorMessage"), message}};
}

struct ParsedQueryBody {
    SqlCommand command;
    QString catalogue;
    int maxTimeInQueue = 0;
    QString error;
};

ParsedQueryBody parseQueryBody(const QByteArray &body, int defaultQueueMs, int maxQueueMs)
{
    ParsedQueryBody parsed;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        parsed.error = QStringLiteral("The request body must be a JSON object.");
        return parsed;
    }
    const QJsonObject json = document.object();
    parsed.error = parseCommand(json.value(QStringLiteral("command")), &parsed.command);
    if (!parsed.error.isEmpty())
        return parsed;
    const QJsonValue catalogue = json.value(QStringLiteral("catalogue"));
    if (!catalogue.isUndefined() && !catalogue.isNull() && !catalogue.isString()) {
        parsed.error = QStringLiteral("'catalogue' must be a string.");
        return parsed;
    }
    parsed.catalogue = catalogue.toString();
    const QJsonValue queue = json.value(QStringLiteral("maxTimeInQueue"));
    parsed.maxTimeInQueue = defaultQueueMs;
    if (!queue.isUndefined()) {
        const double ms = queue.toDouble(-1);
        if (!queue.isDouble() || ms < 0 || ms > maxQueueMs || ms != double(qint64(ms))) {
            parsed.error =
                QStringLiteral("'maxTimeInQueue' must be an integer from 0 to %1.").arg(maxQueueMs);
            return parsed;
        }
        parsed.maxTimeInQueue = int(ms);
    }
    return parsed;
}

QString catalogueError(const SampleSite &site, const QString &catalogue)
{
    if (catalogue.isEmpty())
        return {};
    QStringList names;
    for (const SampleCatalogue &c : site.catalogues) {
        if (c.name.compare(catalogue, Qt::CaseInsensitive) == 0)
            return {};
        names.append(c.name);
    }
    return QStringLiteral("Catalogue '%1' is not valid for this site. Valid catalogues: %2.")
        .arg(catalogue, names.join(QStringLiteral(", ")));
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

QJsonObject IntegratorApi::siteJson(const SampleSite &site) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray catalogues;
    for (const SampleCatalogue &c : site.catalogues)
        catalogues.append(QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("isDefault"), c.isDefault}});
    const QJsonObject metadata{{QStringLiteral("pmsType"), site.pmsType},
                               {QStringLiteral("practiceName"), site.practiceName},
                               {QStringLiteral("practiceManagementSiteId"), site.pmsId},
                               {QStringLiteral("practiceManagementVersion"), site.pmsVersion}};
    const QDateTime heartbeat = now.addSecs(-site.heartbeatAgeSeconds);
    return {
        {QStringLiteral("id"), site.guid},
        {QStringLiteral("pmsType"), site.pmsType},
        {QStringLiteral("availability"), site.availability},
        {QStringLiteral("status"), site.status},
        {QStringLiteral("haloLinkVersion"), site.haloLinkVersion},
        {QStringLiteral("enrichedAt"), isoMs(heartbeat.addSecs(-600))},
        {QStringLiteral("catalogue"), catalogues},
        {QStringLiteral("practiceMetadata"), metadata},
        // The deprecated name is what was recorded at install, as Halo kept it.
        {QStringLiteral("name"), site.recordedPracticeName},
        {QStringLiteral("practiceManagementSiteId"), site.pmsId},
        {QStringLiteral("practiceManagementName"), site.pmsName},
        {QStringLiteral("practiceManagementVersion"), site.pmsVersion},
        {QStringLiteral("createdAt"), isoMs(site.createdAt)},
        {QStringLiteral("authoritative"), site.authoritative},
        {QStringLiteral("clientTimestampUTC"), isoSeconds(heartbeat.addSecs(-3))},
        {QStringLiteral("heartbeatTimestampUTC"), isoSeconds(heartbeat)},
    };
}

ApiReply IntegratorApi::findSites(const ApiRequest &request)
{
    const QString pmsId = request.query.queryItemValue(QStringLiteral("practiceManagementSiteId"),
                                                       QUrl::FullyDecoded);
    const QString pmsName = formValue(request.query, QStringLiteral("practiceManagementName"));
    if (pmsId.trimmed().isEmpty())
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementSiteId' is missing."));
    if (pmsName.isEmpty())
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementName' is missing."));
    if (pmsName != QLatin1String("Best Practice") && pmsName != QLatin1String("Zedmed") &&
        pmsName != QLatin1String("D4w"))
        return error(400, QStringLiteral("'practiceManagementName' must be one of Best Practice, "
                                         "Zedmed, D4w."));
    QJsonArray sites;
    for (const SampleSite &site : sampleSites()) {
        if (site.pmsName == pmsName &&
            site.pmsId.compare(pmsId.trimmed(), Qt::CaseInsensitive) == 0)
            sites.append(siteJson(site));
    }
    return jsonReply(200, QJsonObject{{QStringLiteral("sites"), sites}});
}

ApiReply IntegratorApi::getSite(const SampleSite &site)
{
    return jsonReply(200, siteJson(site));
}

ApiReply IntegratorApi::pairSite(const ApiRequest &request)
{
    const QString pmsId =
        request.query.queryItemValue(QStringLiteral("practiceManagementSiteId"), QUrl::FullyDecoded)
            .trimmed();
    const QString pmsName = formValue(request.query, QStringLiteral("practiceManagementName"));
    const QString code =
        request.query.queryItemValue(QStringLiteral("pairingCode"), QUrl::FullyDecoded).trimmed();
    if (pmsId.isEmpty())
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementSiteId' is missing."));
    if (pmsName != QLatin1String("Best Practice") && pmsName != QLatin1String("Zedmed") &&
        pmsName != QLatin1String("D4w"))
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementName' is missing or "
                                    "not one of Best Practice, Zedmed, D4w."));
    const SampleSite *target = nullptr;
    for (const SampleSite &site : sampleSites()) {
        if (site.pmsName == pmsName && site.pmsId.compare(pmsId, Qt::CaseInsensitive) == 0 &&
            (!target || site.authoritative))
            target = &site;
    }
    if (!target)
        return error(404,
                     QStringLiteral("No %1 site with PMS ID %2 was found.").arg(pmsName, pmsId));
    if (pmsName == QLatin1String("Best Practice")) {
        if (code.isEmpty())
            return error(400,
                         QStringLiteral("Required parameter 'pairingCode' is missing: Best "
                                        "Practice sites need a pairing code from the practice."));
        if (code.compare(target->pairingCode, Qt::CaseInsensitive) != 0)
            return error(403, QStringLiteral("The pairing code is not valid for this practice. Ask "
                                             "the practice for a new code."));
    }
    if (target->scenario == SiteScenario::PairingFails)
        return error(502, QStringLiteral("The practice management software returned an "
                                         "unexpected result code."));
    m_pairedSites.insert(target->guid);
    return jsonReply(200, siteJson(*target));
}

ApiReply IntegratorApi::immediateQuery(const SampleSite &site, const ApiRequest &request)
{
    ParsedQueryBody parsed = parseQueryBody(request.body, 30000, 60000);
    if (parsed.error.isEmpty())
        parsed.error = catalogueError(site, parsed.catalogue);
    if (!parsed.error.isEmpty())
        return error(400, parsed.error);

    const QDateTime created = QDateTime::currentDateTimeUtc();
    const qint64 delay = takeWaitForDelay(&parsed.command.text);
    if (delay >= m_options.immediateTimeoutMs) {
        ApiReply reply = error(504, QStringLiteral("Query took more than %1 seconds to return a "
                                                   "result.")
                                        .arg(m_options.immediateTimeoutMs / 1000));
        reply.delayMs = m_options.immediateTimeoutMs;
        return reply;
    }
    SqlOutcome outcome;
    if (parsed.command.text.trimmed().isEmpty()) {
        outcome.ok = true; // only a WAITFOR: nothing to return
    } else {
        QSqlDatabase db = SampleDatabase::open(site, parsed.catalogue);
        outcome = SqlRunner::run(db, parsed.command);
    }
    const qint64 executed = outcome.executionMs + delay;
    const QDateTime executingAt = created.addMSecs(3);
    const QDateTime completed = executingAt.addMSecs(executed + 2);

    QJsonObject json{
        {QStringLiteral("id"), newId()},
        {QStringLiteral("integratorId"), kIntegratorId},
        {QStringLiteral("siteId"), site.guid},
        {QStringLiteral("mode"), QStringLiteral("immediate")},
        {QStringLiteral("maxTimeInQueue"), parsed.maxTimeInQueue},
        {QStringLiteral("commandSize"), parsed.command.text.toUtf8().size()},
        {QStringLiteral("requestSize"), request.body.size()},
        {QStringLiteral("createdAt"), isoMs(created)},
        {QStringLiteral("updatedAt"), isoMs(completed)},
        {QStringLiteral("completedAt"), isoMs(completed)},
    };
    QJsonObject timing{{QStringLiteral("initialising"),
                        QJsonObject{{QStringLiteral("startTime"), isoMs(created)}}},
                       {QStringLiteral("executing"),
                        QJsonObject{{QStringLiteral("startTime"), isoMs(executingAt)}}}};

    int httpStatus = 200;
    if (!outcome.ok) {
        const QJsonObject details =
            errorDetails(site.sqlErrorType(), outcome.errorCode, outcome.errorMessage);
        json.insert(QStringLiteral("status"), QStringLiteral("executionFailed"));
        json.insert(QStringLiteral("errorDetails"), details);
        json.insert(QStringLiteral("errorCode"), outcome.errorCode);
        json.insert(QStringLiteral("errorMessage"), outcome.errorMessage);
        httpStatus = 400;
    } else {
        QJsonObject result;
        const bool nonQuery = parsed.command.executionMode == QLatin1String("nonQuery");
        if (nonQuery) {
            result.insert(QStringLiteral("rowsAffected"), outcome.rowsAffected);
            result.insert(QStringLiteral("size"), 0);
        } else {
            const QByteArray decoded = ResultEncoder::encodeRows(outcome.columns, outcome.rows);
            if (decoded.size() > m_options.immediateLimitBytes) {
                const QString message =
                    QStringLiteral(
                        "Query was executed successfully but an error occurred preparing it to be "
                        "uploaded, results were too large. Immediate query results beyond message "
                        "size limit (%1 bytes)")
                        .arg(m_options.immediateLimitBytes);
                json.insert(QStringLiteral("status"), QStringLiteral("executionFailed"));
                json.insert(QStringLiteral("errorDetails"),
                            errorDetails(QStringLiteral("http"), 413, message));
                json.insert(QStringLiteral("errorCode"), 413);
                json.insert(QStringLiteral("errorMessage"), message);
                json.insert(QStringLiteral("statusTiming"), timing);
                QueryRecord record;
                record.id = json.value(QStringLiteral("id")).toString();
                record.siteGuid = site.guid;
                record.mode = QStringLiteral("immediate");
                record.createdAt = created;
                record.immediateBody = json;
                m_queries.add(std::move(record));
                return jsonReply(413, json);
            }
            result.insert(QStringLiteral("rows"), qint64(outcome.rows.size()));
            result.insert(QStringLiteral("size"), qint64(decoded.size()));
            result.insert(QStringLiteral("data"), QString::fromLatin1(decoded.toBase64()));
        }
        if (!outcome.outputParameters.isEmpty())
            result.insert(QStringLiteral("parameters"), parametersJson(outcome.outputParameters));
        timing.insert(QStringLiteral("uploading"),
                      QJsonObject{{QStringLiteral("startTime"), isoMs(completed.addMSecs(-1))}});
        json.insert(QStringLiteral("status"), QStringLiteral("successful"));
        json.insert(QStringLiteral("metrics"),
                    QJsonObject{{QStringLiteral("sqlExecutionDuration"), executed}});
        json.insert(QStringLiteral("result"), result);
        json.insert(QStringLiteral("resultSize"),
                    result.value(QStringLiteral("data")).toString().size());
    }
    json.insert(QStringLiteral("statusTiming"), timing);

    QueryRecord record;
    record.id = json.value(QStringLiteral("id")).toString();
    record.siteGuid = site.guid;
    record.mode = QStringLiteral("immediate");
    record.createdAt = created;
    record.immediateBody = json;
    m_queries.add(std::move(record));

    ApiReply reply = jsonReply(httpStatus, json);
    reply.delayMs = delay;
    return reply;
}

ApiReply IntegratorApi::asyncQuery(const SampleSite &site, const ApiRequest &request)
{
    ParsedQueryBody parsed = parseQueryBody(request.body, 3600000, 7200000);
    if (parsed.error.isEmpty())
        parsed.error = catalogueError(site, parsed.catalogue);
    if (!parsed.error.isEmpty())
        return error(400, parsed.error);

    QueryRecord record;
    record.id = newId();
    record.siteGuid = site.guid;
    record.mode = QStringLiteral("async");
    record.executionMode = parsed.command.executionMode;
    record.maxTimeInQueue = parsed.maxTimeInQueue;
    record.commandSize = parsed.command.text.toUtf8().size();
    record.requestSize = request.body.size();
    record.createdAt = QDateTime::currentDateTimeUtc();
    record.stepMs = m_options.asyncStepMs;
    record.resultTtlSeconds = m_options.resultTtlSeconds;
    record.nonQuery = parsed.command.executionMode == QLatin1String("nonQuery");
    record.plannedFailure = plannedFailureFromDirective(parsed.command.text);
    record.extraExecutionMs = takeWaitForDelay(&parsed.command.text);

    if (site.availability == QLatin1String("unreachable"))
        record.plannedFailure = QStringLiteral("initialisationFailedSiteUnreachable");
    if (record.plannedFailure.startsWith(QLatin1String("initialisationFailed"))) {
        const bool cache = record.plannedFailure.endsWith(QLatin1String("CacheError"));
        record.failureDetails = errorDetails(
            cache ? QStringLiteral("haloLink") : QStringLiteral("http"), cache ? 500 : 503,
            cache ? QStringLiteral("Failed to create the query in the cache.")
                  : QStringLiteral("The site has not been heard from in the last two minutes."));
    } else if (!parsed.command.text.trimmed().isEmpty()) {
        QSqlDatabase db = SampleDatabase::open(site, parsed.catalogue);
        const SqlOutcome outcome = SqlRunner::run(db, parsed.command);
        if (!outcome.ok) {
            record.plannedFailure = QStringLiteral("executionFailed");
            record.failureDetails =
                errorDetails(site.sqlErrorType(), outcome.errorCode, outcome.errorMessage);
        } else {
            record.sqlExecutionDuration = outcome.executionMs + record.extraExecutionMs;
            record.outputParameters = parametersJson(outcome.outputParameters);
            if (record.nonQuery) {
                record.rowsAffected = outcome.rowsAffected;
                record.pages.append(ResultPage{});
            } else {
                record.rows = outcome.rows.size();
                record.pages = paginate(outcome, m_options.pageBytes);
                for (const ResultPage &page : std::as_const(record.pages))
                    record.totalSize += page.decodedSize;
            }
            if (record.plannedFailure == QLatin1String("uploadFailed"))
                record.failureDetails =
                    errorDetails(QStringLiteral("http"), 500,
                                 QStringLiteral("The result could not be uploaded from the site."));
        }
    }
    if (record.maxTimeInQueue < record.stepMs && record.plannedFailure.isEmpty())
        record.failureDetails =
            errorDetails(QStringLiteral("haloLink"), 408,
                         QStringLiteral("The query waited longer than maxTimeInQueue (%1 ms).")
                             .arg(record.maxTimeInQueue));
    // The SQL ran above; the visible clock starts now so the simulated states keep their length.
    record.createdAt = QDateTime::currentDateTimeUtc();
    const QueryRecord &stored = m_queries.add(std::move(record));
    return jsonReply(201, QueryStore::toJson(stored, stored.createdAt));
}

ApiReply IntegratorApi::queryStatus(const SampleSite &site, const QString &queryId)
{
    const QueryRecord *record = m_queries.find(site.guid, queryId);
    if (!record)
        return error(404, QStringLiteral("Query %1 was not found for this site.").arg(queryId));
    return jsonReply(200, QueryStore::toJson(*record, QDateTime::currentDateTimeUtc()));
}

ApiReply IntegratorApi::batchStatus(const SampleSite &site, const ApiRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonValue ids = document.object().value(QStringLiteral("queryIds"));
    if (!ids.isArray())
        return error(400,
                     QStringLiteral("'queryIds' is required and must be an array of query ids."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray results;
    for (const QJsonValue &id : ids.toArray()) {
        if (!id.isString())
            return error(400, QStringLiteral("Every entry of 'queryIds' must be a string."));
        const QueryRecord *record = m_queries.find(site.guid, id.toString());
        if (record && record->mode != QLatin1String("async"))
            record = nullptr; // the batch endpoint reports async queries only
        QJsonObject entry{{QStringLiteral("queryId"), id.toString()},
                          {QStringLiteral("status"),
                           record ? QStringLiteral("found") : QStringLiteral("notFound")}};
        if (record)
            entry.insert(QStringLiteral("query"), QueryStore::toJson(*record, now));
        results.append(entry);
    }
    return jsonReply(200, QJsonObject{{QStringLiteral("results"), results}});
}

ApiReply IntegratorApi::resultPage(const SampleSite &site, const QString &queryId,
                                   const QString &pageText, bool stream)
{
    bool isNumber = false;
    const int pageNumber = pageText.toInt(&isNumber);
    if (!isNumber || pageNumber < 1)
        return error(400, QStringLiteral("The page number must be an integer of 1 or more."));
    const QueryRecord *record = m_queries.find(site.guid, queryId);
    if (!record || record->mode != QLatin1String("async"))
        return error(404, QStringLiteral("Query %1 was not found for this site.").arg(queryId));
    switch (QueryStore::pageState(*record, pageNumber, QDateTime::currentDateTimeUtc())) {
    case QueryStore::PageState::NoSuchPage:
        return error(404, QStringLiteral("The query has no result page %1.").arg(pageNumber));
    case QueryStore::PageState::NotReady:
        return error(404, QStringLiteral("Result page %1 is not available yet; check the query's "
                                         "status.")
                              .arg(pageNumber));
    case QueryStore::PageState::Expired:
        return error(410, QStringLiteral("Access to the target resource is permanently no longer "
                                         "available at the origin server."));
    case QueryStore::PageState::Ready:
        break;
    }
    const ResultPage &page = record->pages.at(pageNumber - 1);
    ApiReply reply;
    if (stream) {
        reply.body = QByteArray::fromBase64(page.data);
    } else {
        QJsonObject json;
        if (!record->nonQuery)
            json.insert(QStringLiteral("data"), QString::fromLatin1(page.data));
        json.insert(QStringLiteral("parameters"), record->outputParameters);
        reply.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    }
    reply.headers = {{QByteArrayLiteral("Size"), QByteArray::number(page.decodedSize)},
                     {QByteArrayLiteral("Rows-Count"), QByteArray::number(page.rowCount)},
                     {QByteArrayLiteral("Rows-Range-Start"), QByteArray::number(page.rangeStart)},
                     {QByteArrayLiteral("Rows-Range-End"), QByteArray::number(page.rangeEnd)}};
    return reply;
}

QJsonObject IntegratorApi::registeredJson(const RegisteredRecord &record) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime ends = record.createdAt.addSecs(record.duration);
    const QDateTime until =
        record.cancelledAt.isValid() ? std::min(record.cancelledAt, now) : std::min(ends, now);
    QString status = QStringLiteral("enabled");
    if (record.cancelledAt.isValid())
        status = QStringLiteral("cancelled");
    else if (now >= ends)
        status = QStringLiteral("completed");

    // The query ran at creation and then every `frequency` seconds; its outcome is decided by
    // running it once now against the sample data.
    const qint64 runs = record.createdAt.secsTo(until) / record.frequency + 1;
    const SampleSite *site = findSampleSite(record.siteGuid);
    QSqlDatabase db = SampleDatabase::open(*site);
    const SqlOutcome outcome = SqlRunner::run(db, record.command);
    const QDateTime lastRun = record.createdAt.addSecs((runs - 1) * record.frequency);
    QJsonObject metrics{{QStringLiteral("lastExecutionDuration"), outcome.executionMs},
                        {QStringLiteral("requestSize"), record.requestSize}};
    QJsonObject json{{QStringLiteral("id"), record.id},
                     {QStringLiteral("name"), record.name},
                     {QStringLiteral("registeredQueryType"), QStringLiteral("query")},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("frequency"), record.frequency},
                     {QStringLiteral("duration"), record.duration},
                     {QStringLiteral("createdAt"), isoMs(record.createdAt)}};
    if (outcome.ok) {
        const QByteArray data = ResultEncoder::encodeRows(outcome.columns, outcome.rows);
        json.insert(QStringLiteral("lastHash"),
                    QString::fromLatin1(
                        QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        metrics.insert(QStringLiteral("lastSucceededAt"), isoMs(lastRun));
        metrics.insert(QStringLiteral("executionSucceededCount"), runs);
        metrics.insert(QStringLiteral("executionFailedCount"), 0);
        metrics.insert(QStringLiteral("resultSizeSum"), runs * data.size());
    } else {
        json.insert(QStringLiteral("lastHash"), QString());
        json.insert(QStringLiteral("lastErrorDetails"),
                    errorDetails(site->sqlErrorType(), outcome.errorCode, outcome.errorMessage));
        metrics.insert(QStringLiteral("lastFailedAt"), isoMs(lastRun));
        metrics.insert(QStringLiteral("executionSucceededCount"), 0);
        metrics.insert(QStringLiteral("executionFailedCount"), runs);
        metrics.insert(QStringLiteral("resultSizeSum"), 0);
    }
    json.insert(QStringLiteral("metrics"), metrics);
    if (status != QLatin1String("enabled"))
        json.insert(QStringLiteral("completedAt"), isoMs(until));
    return json;
}

const IntegratorApi::RegisteredRecord *IntegratorApi::findRegistered(const SampleSite &site,
                                                                     const QString &id) const
{
    const auto it = m_registered.constFind(id.toLower());
    if (it == m_registered.constEnd() || it->siteGuid != site.guid)
        return nullptr;
    return &it.value();
}

ApiReply IntegratorApi::createRegistered(const SampleSite &site, const ApiRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, QStringLiteral("The request body must be a JSON object."));
    const QJsonObject json = document.object();
    RegisteredRecord record;
    record.name = json.value(QStringLiteral("name")).toString().trimmed();
    if (record.name.isEmpty())
        return error(400, QStringLiteral("'name' is required."));
    if (json.value(QStringLiteral("registeredQueryType")).toString() != QLatin1String("query"))
        return error(400, QStringLiteral("'registeredQueryType' is required and must be 'query'."));
    const QJsonValue frequency = json.value(QStringLiteral("frequency"));
    const QJsonValue duration = json.value(QStringLiteral("duration"));
    if (!frequency.isDouble() || frequency.toDouble() < 60 ||
        frequency.toDouble() != double(frequency.toInteger()))
        return error(400, QStringLiteral("'frequency' is required and must be a whole number of "
                                         "seconds, at least 60."));
    if (!duration.isDouble() || duration.toDouble() < 1 || duration.toDouble() > 86400 ||
        duration.toDouble() != double(duration.toInteger()))
        return error(400, QStringLiteral("'duration' is required and must be a whole number of "
                                         "seconds from 1 to 86400 (24 hours)."));
    const QString commandError = parseCommand(
        json.value(QStringLiteral("registerCommand")).toObject().value(QStringLiteral("command")),
        &record.command);
    if (!commandError.isEmpty())
        return error(400, QStringLiteral("'registerCommand': ") + commandError);
    record.id = newId();
    record.siteGuid = site.guid;
    record.frequency = frequency.toInteger();
    record.duration = duration.toInteger();
    record.createdAt = QDateTime::currentDateTimeUtc();
    record.requestSize = request.body.size();
    const QString id = record.id;
    m_registered.insert(id.toLower(), std::move(record));
    return jsonReply(202, QJsonObject{{QStringLiteral("id"), id}});
}

ApiReply IntegratorApi::listRegistered(const SampleSite &site)
{
    QList<const RegisteredRecord *> records;
    for (const RegisteredRecord &record : std::as_const(m_registered)) {
        if (record.siteGuid == site.guid)
            records.append(&record);
    }
    std::sort(records.begin(), records.end(),
              [](const auto *a, const auto *b) { return a->createdAt < b->createdAt; });
    QJsonArray list;
    for (const RegisteredRecord *record : records)
        list.append(registeredJson(*record));
    return jsonReply(200, QJsonObject{{QStringLiteral("registeredQueries"), list}});
}

ApiReply IntegratorApi::getRegistered(const SampleSite &site, const QString &queryId)
{
    const RegisteredRecord *record = findRegistered(site, queryId);
    if (!record)
        return error(404, QStringLiteral("Registered query %1 was not found.").arg(queryId));
    return jsonReply(200, registeredJson(*record));
}

ApiReply IntegratorApi::cancelRegistered(const SampleSite &site, const QString &queryId)
{
    if (!findRegistered(site, queryId))
        return error(404, QStringLiteral("Registered query %1 was not found.").arg(queryId));
    RegisteredRecord &record = m_registered[queryId.toLower()];
    if (!record.cancelledAt.isValid())
        record.cancelledAt = QDateTime::currentDateTimeUtc();
    ApiReply reply;
    reply.status = 204;
    reply.contentType.clear();
    return reply;
}

ApiReply IntegratorApi::registeredResults(const SampleSite &site, const QString &queryId)
{
    const RegisteredRecord *record = findRegistered(site, queryId);
    if (!record)
        return error(404, QStringLiteral("Registered query %1 was not found.").arg(queryId));
    QSqlDatabase db = SampleDatabase::open(site);
    const SqlOutcome outcome = SqlRunner::run(db, record->command);
    if (!outcome.ok)
        return error(404, QStringLiteral("The registered query has no successful result yet; its "
                                         "lastErrorDetails say why."));
    const QByteArray decoded = ResultEncoder::encodeRows(outcome.columns, outcome.rows);
    QJsonObject json{{QStringLiteral("data"), QString::fromLatin1(decoded.toBase64())},
                     {QStringLiteral("rows"), qint64(outcome.rows.size())},
                     {QStringLiteral("size"), qint64(decoded.size())}};
    json.insert(QStringLiteral("parameters"),
                outcome.outputParameters.isEmpty()
                    ? QJsonValue(QJsonValue::Null)
                    : QJsonValue(parametersJson(outcome.outputParameters)));
    return jsonReply(200, json);
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
