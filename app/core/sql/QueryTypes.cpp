// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/QueryTypes.h"

#include "sites/SiteInfo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Halo {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    return parseHaloTime(value.toString());
}

std::optional<qint64> optionalInteger(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

} // namespace

QJsonObject QueryCommand::commandJson() const
{
    QJsonObject command{{QStringLiteral("text"), text},
                        {QStringLiteral("executionMode"), executionMode},
                        {QStringLiteral("type"), type}};
    if (!parameters.isEmpty()) {
        QJsonArray list;
        for (const QueryParameter &p : parameters) {
            QJsonObject parameter{{QStringLiteral("name"), p.name},
                                  {QStringLiteral("direction"), p.direction},
                                  {QStringLiteral("type"), p.type},
                                  {QStringLiteral("value"),
                                   p.value ? QJsonValue(*p.value) : QJsonValue(QJsonValue::Null)}};
            if (p.size > 0)
                parameter.insert(QStringLiteral("size"), p.size);
            list.append(parameter);
        }
        command.insert(QStringLiteral("parameters"), list);
    }
    return command;
}

QJsonObject QueryCommand::bodyJson() const
{
    QJsonObject body{{QStringLiteral("command"), commandJson()}};
    if (!catalogue.isEmpty())
        body.insert(QStringLiteral("catalogue"), catalogue);
    if (maxTimeInQueueMs)
        body.insert(QStringLiteral("maxTimeInQueue"), *maxTimeInQueueMs);
    return body;
}

const QStringList &sqlParameterTypes()
{
    static const QStringList list = {
        QStringLiteral("BigInt"),
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
        QStringLiteral("Xml"),
    };
    return list;
}

QString connectivityTestSql(const QString &pmsType)
{
    if (pmsType == QLatin1String("Zedmed"))
        return QStringLiteral("SELECT 1 AS ok FROM RDB$DATABASE");
    return QStringLiteral("SELECT 1 AS ok");
}

QList<OutputParameter> parseOutputParameters(const QJsonValue &value)
{
    QList<OutputParameter> list;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject p = entry.toObject();
        OutputParameter parameter;
        parameter.name = p.value(QLatin1String("name")).toString();
        parameter.direction = p.value(QLatin1String("direction")).toString();
        parameter.type = p.value(QLatin1String("type")).toString();
        if (p.value(QLatin1String("value")).isString())
            parameter.value = p.value(QLatin1String("value")).toString();
        else if (p.value(QLatin1String("value")).isDouble())
            parameter.value = QString::number(p.value(QLatin1String("value")).toDouble());
        parameter.size = p.value(QLatin1String("size")).toInt();
        list.append(parameter);
    }
    return list;
}

bool QueryInfo::isTerminalStatus(const QString &status)
{
    return status == QLatin1String("successful") || status == QLatin1String("executionFailed") ||
           status == QLatin1String("expiredInQueue") || status == QLatin1String("uploadFailed") ||
           status.startsWith(QLatin1String("initialisationFailed"));
}

bool QueryInfo::isTerminal() const
{
    return isTerminalStatus(status);
}

QueryInfo QueryInfo::fromJson(const QJsonObject &json)
{
    QueryInfo info;
    info.id = json.value(QLatin1String("id")).toString();
    info.siteId = json.value(QLatin1String("siteId")).toString();
    info.mode = json.value(QLatin1String("mode")).toString();
    info.status = json.value(QLatin1String("status")).toString();
    info.maxTimeInQueue = json.value(QLatin1String("maxTimeInQueue")).toInt();
    info.commandSize = json.value(QLatin1String("commandSize")).toInteger();
    info.requestSize = json.value(QLatin1String("requestSize")).toInteger();
    info.createdAt = parseTime(json.value(QLatin1String("createdAt")));
    info.updatedAt = parseTime(json.value(QLatin1String("updatedAt")));
    info.completedAt = parseTime(json.value(QLatin1String("completedAt")));

    const QJsonObject timing = json.value(QLatin1String("statusTiming")).toObject();
    static const char *const order[] = {"initialising", "queued", "executing", "downloading",
                                        "uploading"};
    for (const char *state : order) {
        const QJsonObject t = timing.value(QLatin1String(state)).toObject();
        if (t.isEmpty())
            continue;
        info.timing.append({QString::fromLatin1(state),
                            parseTime(t.value(QLatin1String("startTime"))),
                            parseTime(t.value(QLatin1String("endTime")))});
    }
    const QJsonObject metrics = json.value(QLatin1String("metrics")).toObject();
    info.sqlExecutionDuration = optionalInteger(metrics, "sqlExecutionDuration");

    const QJsonObject result = json.value(QLatin1String("result")).toObject();
    info.hasResult = !result.isEmpty();
    info.rows = optionalInteger(result, "rows");
    info.rowsAffected = optionalInteger(result, "rowsAffected");
    info.resultSize = result.value(QLatin1String("size")).toInteger();
    info.data = result.value(QLatin1String("data")).toString().toLatin1();
    info.parameters = parseOutputParameters(result.value(QLatin1String("parameters")));
    for (const QJsonValue &entry : result.value(QLatin1String("pages")).toArray()) {
        const QJsonObject page = entry.toObject();
        const QJsonObject rows = page.value(QLatin1String("rows")).toObject();
        info.pages.append({page.value(QLatin1String("pageNumber")).toInt(),
                           page.value(QLatin1String("status")).toString(QStringLiteral("queued")),
                           page.value(QLatin1String("size")).toInteger(),
                           rows.value(QLatin1String("count")).toInteger(),
                           rows.value(QLatin1String("rangeStart")).toInteger(),
                           rows.value(QLatin1String("rangeEnd")).toInteger()});
    }
    if (info.isTerminal() && !info.isSuccessful())
        info.failure = ApiError::fromResponse(200, QJsonDocument(json).toJson(), -1);
    return info;
}

RegisteredQueryInfo RegisteredQueryInfo::fromJson(const QJsonObject &json)
{
    RegisteredQueryInfo info;
    info.id = json.value(QLatin1String("id")).toString();
    info.name = json.value(QLatin1String("name")).toString();
    info.status = json.value(QLatin1String("status")).toString();
    info.frequency = json.value(QLatin1String("frequency")).toInteger();
    info.duration = json.value(QLatin1String("duration")).toInteger();
    info.lastHash = json.value(QLatin1String("lastHash")).toString();
    info.createdAt = parseTime(json.value(QLatin1String("createdAt")));
    info.completedAt = parseTime(json.value(QLatin1String("completedAt")));
    const QJsonObject details = json.value(QLatin1String("lastErrorDetails")).toObject();
    if (!details.isEmpty()) {
        info.lastError.kind = ApiError::Kind::QueryFailed;
        info.lastError.errorType = details.value(QLatin1String("errorType")).toString();
        info.lastError.errorCode = details.value(QLatin1String("errorCode")).toInt();
        info.lastError.serverMessage = details.value(QLatin1String("errorMessage")).toString();
    }
    const QJsonObject metrics = json.value(QLatin1String("metrics")).toObject();
    info.lastSucceededAt = parseTime(metrics.value(QLatin1String("lastSucceededAt")));
    info.lastFailedAt = parseTime(metrics.value(QLatin1String("lastFailedAt")));
    info.lastExecutionDuration = metrics.value(QLatin1String("lastExecutionDuration")).toInteger();
    info.succeededCount = metrics.value(QLatin1String("executionSucceededCount")).toInteger();
    info.failedCount = metrics.value(QLatin1String("executionFailedCount")).toInteger();
    info.resultSizeSum = metrics.value(QLatin1String("resultSizeSum")).toInteger();
    return info;
}

ResultData ResultData::fromJson(const QJsonObject &json)
{
    ResultData result;
    result.data = json.value(QLatin1String("data")).toString().toLatin1();
    result.parameters = parseOutputParameters(json.value(QLatin1String("parameters")));
    result.rows = optionalInteger(json, "rows");
    result.size = optionalInteger(json, "size");
    return result;
}

} // namespace Halo
