// SPDX-License-Identifier: GPL-3.0-or-later
// Registered queries: created once, run by the site on a schedule, read and cancelled later.
#include "IntegratorApi.h"

#include "IntegratorApi_p.h"
#include "ResultEncoder.h"
#include "SampleDatabase.h"
#include "SampleSites.h"
#include "SqlRunner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Sandbox {

// The JSON pieces every endpoint group shares (IntegratorApi_p.h).
using namespace detail;

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

} // namespace Sandbox
