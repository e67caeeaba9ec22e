// SPDX-License-Identifier: GPL-3.0-or-later
// Running SQL: immediate queries answer with their result; async ones are remembered and walk
// through their states by the clock (QueryStore).
#include "IntegratorApi.h"

#include "IntegratorApi_p.h"
#include "ResultEncoder.h"
#include "SampleDatabase.h"
#include "SampleSites.h"
#include "SqlRunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Sandbox {

// The JSON pieces every endpoint group shares (IntegratorApi_p.h).
using namespace detail;

namespace {

const QString kIntegratorId = QStringLiteral("5a4d2f0e-8c1b-4e7a-9b3d-6f2e1c0a9d84");

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

// A comment such as /* sandbox: upload-failed */ steers an async query; empty if none.
QString directiveOf(const QString &sql)
{
    static const QRegularExpression pattern(
        QStringLiteral("/\\*\\s*sandbox:\\s*([a-z-]+)\\s*\\*/"));
    return pattern.match(sql).captured(1);
}

// Steers an async query into a failure status.
QString plannedFailureFromDirective(const QString &sql)
{
    const QString directive = directiveOf(sql);
    if (directive == QLatin1String("upload-failed"))
        return QStringLiteral("uploadFailed");
    if (directive == QLatin1String("cache-error"))
        return QStringLiteral("initialisationFailedCacheError");
    if (directive == QLatin1String("site-offline"))
        return QStringLiteral("initialisationFailedSiteOffline");
    return {};
}

// /* sandbox: shifting-columns */: the pages after the first carry their columns in reverse
// order, as a result whose pages disagree would.
void reverseLaterPageColumns(const SqlOutcome &outcome, QList<ResultPage> &pages)
{
    const QStringList columns(outcome.columns.crbegin(), outcome.columns.crend());
    for (qsizetype p = 1; p < pages.size(); ++p) {
        ResultPage &page = pages[p];
        QList<QVariantList> rows;
        for (qint64 r = page.rangeStart; r <= page.rangeEnd && r < outcome.rows.size(); ++r) {
            const QVariantList &row = outcome.rows.at(r);
            rows.append(QVariantList(row.crbegin(), row.crend()));
        }
        const QByteArray json = ResultEncoder::encodeRows(columns, rows);
        page.decodedSize = json.size();
        page.data = json.toBase64();
    }
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
                if (directiveOf(parsed.command.text) == QLatin1String("shifting-columns"))
                    reverseLaterPageColumns(outcome, record.pages);
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

} // namespace Sandbox
