// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shape checks for immediate, async and registered queries, from the Integrator OpenAPI
// description (see ApiShapes.h).
#include "ApiShapes.h"

namespace ApiShapes {

// ------------------------------------------------------------------------------------------
// Queries

// Parameter: {name, direction (enum), type (SqlDbType), value (string|null), size (int)}.
inline void parameter(const QJsonValue &value, const QString &path, QStringList *problems)
{
    ObjectCheck p(value, path, problems);
    p.nonEmptyString(QStringLiteral("name"))
        .oneOf(QStringLiteral("direction"), directions())
        .oneOf(QStringLiteral("type"), sqlDbTypes())
        .stringOrNull(QStringLiteral("value"))
        .integer(QStringLiteral("size"), Need::Optional)
        .onlyKnown({QStringLiteral("name"), QStringLiteral("direction"), QStringLiteral("type"),
                    QStringLiteral("value"), QStringLiteral("size")});
}

inline void parameterList(const QJsonValue &value, const QString &path, QStringList *problems)
{
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i)
        parameter(list.at(i), path + QStringLiteral("[%1]").arg(i), problems);
}

// The fields every query object (immediate and async) must carry.
inline void queryBase(ObjectCheck &q, const QString &mode, qint64 maxQueueMs)
{
    q.uuid(QStringLiteral("id"))
        .uuid(QStringLiteral("integratorId"))
        .uuid(QStringLiteral("siteId"))
        .equals(QStringLiteral("mode"), mode)
        .nonNegative(QStringLiteral("maxTimeInQueue"))
        .nonNegative(QStringLiteral("commandSize"))
        .nonNegative(QStringLiteral("requestSize"))
        .dateTimeField(QStringLiteral("createdAt"))
        .dateTimeField(QStringLiteral("updatedAt"));
    const double queue = q.json().value(QStringLiteral("maxTimeInQueue")).toDouble();
    if (queue > double(maxQueueMs))
        q.problem(QStringLiteral("maxTimeInQueue"),
                  QStringLiteral("%1 is above the maximum %2").arg(queue).arg(maxQueueMs));
}

inline const QStringList &queryProperties()
{
    static const QStringList values = {
        QStringLiteral("id"),           QStringLiteral("integratorId"),
        QStringLiteral("siteId"),       QStringLiteral("mode"),
        QStringLiteral("status"),       QStringLiteral("maxTimeInQueue"),
        QStringLiteral("commandSize"),  QStringLiteral("requestSize"),
        QStringLiteral("createdAt"),    QStringLiteral("updatedAt"),
        QStringLiteral("statusTiming"), QStringLiteral("metrics"),
        QStringLiteral("result"),       QStringLiteral("resultSize"),
        QStringLiteral("completedAt"),  QStringLiteral("errorCode"),
        QStringLiteral("errorMessage"), QStringLiteral("errorDetails")};
    return values;
}

// statusTiming: each state an object with a startTime (required) and an optional endTime.
// StatusTimingImmediate lists startTime only, but the docs' immediate example shows endTime too.
inline void statusTiming(const QJsonValue &value, const QString &path, bool immediate,
                         const QStringList &required, QStringList *problems)
{
    ObjectCheck timing(value, path, problems);
    QStringList known = timingStates();
    if (immediate)
        known.append(QStringLiteral("downloading")); // StatusTimingImmediate only
    timing.onlyKnown(known);
    for (const QString &state : required) {
        if (!timing.has(state))
            timing.problem(state, QStringLiteral("required property is missing"));
    }
    for (auto it = timing.json().constBegin(); it != timing.json().constEnd(); ++it) {
        ObjectCheck state(it.value(), joinPath(path, it.key()), problems);
        state.dateTimeField(QStringLiteral("startTime"))
            .dateTimeField(QStringLiteral("endTime"), Need::Optional)
            .onlyKnown({QStringLiteral("startTime"), QStringLiteral("endTime")});
    }
}

// SuccessfulImmediateQuery (200 from POST .../queries/immediate).
inline QStringList successfulImmediateQuery(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck q(value, QString(), &problems);
    queryBase(q, QStringLiteral("immediate"), 60000);
    q.equals(QStringLiteral("status"), QStringLiteral("successful"))
        .object(QStringLiteral("statusTiming"))
        .object(QStringLiteral("metrics"))
        .object(QStringLiteral("result"))
        .dateTimeField(QStringLiteral("completedAt"))
        .nonNegative(QStringLiteral("resultSize"), Need::Optional)
        .onlyKnown(queryProperties());
    statusTiming(q.json().value(QStringLiteral("statusTiming")), QStringLiteral("statusTiming"),
                 true, {QStringLiteral("initialising"), QStringLiteral("executing")}, &problems);
    ObjectCheck metrics(q.json().value(QStringLiteral("metrics")), QStringLiteral("metrics"),
                        &problems);
    metrics.nonNegative(QStringLiteral("sqlExecutionDuration"))
        .onlyKnown({QStringLiteral("sqlExecutionDuration")});

    // result: QueryResult {rows, size, data, parameters?} or NonQueryResult {rowsAffected, size,
    // parameters?}.
    ObjectCheck result(q.json().value(QStringLiteral("result")), QStringLiteral("result"),
                       &problems);
    if (result.has(QStringLiteral("rowsAffected"))) {
        result.integer(QStringLiteral("rowsAffected"))
            .nonNegative(QStringLiteral("size"))
            .absent(QStringLiteral("data"))
            .array(QStringLiteral("parameters"), Need::Optional)
            .onlyKnown({QStringLiteral("rowsAffected"), QStringLiteral("size"),
                        QStringLiteral("parameters")});
    } else {
        result.nonNegative(QStringLiteral("rows"))
            .nonNegative(QStringLiteral("size"))
            .string(QStringLiteral("data"))
            .array(QStringLiteral("parameters"), Need::Optional)
            .onlyKnown({QStringLiteral("rows"), QStringLiteral("size"), QStringLiteral("data"),
                        QStringLiteral("parameters")});
    }
    parameterList(result.json().value(QStringLiteral("parameters")),
                  QStringLiteral("result.parameters"), &problems);
    return problems;
}

// ExecutionFailedImmediateQuery: the query object with status executionFailed, errorDetails and
// the deprecated top-level errorCode / errorMessage copies.
inline QStringList executionFailedImmediateQuery(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck q(value, QString(), &problems);
    queryBase(q, QStringLiteral("immediate"), 60000);
    q.equals(QStringLiteral("status"), QStringLiteral("executionFailed"))
        .object(QStringLiteral("statusTiming"))
        .object(QStringLiteral("errorDetails"))
        .integer(QStringLiteral("errorCode"))
        .string(QStringLiteral("errorMessage"))
        .dateTimeField(QStringLiteral("completedAt"))
        .absent(QStringLiteral("result"))
        .onlyKnown(queryProperties());
    statusTiming(q.json().value(QStringLiteral("statusTiming")), QStringLiteral("statusTiming"),
                 false, {QStringLiteral("initialising")}, &problems);
    errorDetails(q.json().value(QStringLiteral("errorDetails")), QStringLiteral("errorDetails"),
                 &problems);
    const QJsonObject details = q.json().value(QStringLiteral("errorDetails")).toObject();
    if (q.json().value(QStringLiteral("errorCode")) != details.value(QStringLiteral("errorCode")))
        q.problem(QStringLiteral("errorCode"), QStringLiteral("differs from errorDetails"));
    if (q.json().value(QStringLiteral("errorMessage")) !=
        details.value(QStringLiteral("errorMessage")))
        q.problem(QStringLiteral("errorMessage"), QStringLiteral("differs from errorDetails"));
    return problems;
}

// Page: {pageNumber, status (queued|uploading|cached), size, rows {count, rangeStart, rangeEnd}}.
inline void page(const QJsonValue &value, const QString &path, QStringList *problems)
{
    ObjectCheck p(value, path, problems);
    p.integer(QStringLiteral("pageNumber"))
        .oneOf(QStringLiteral("status"), pageStatuses())
        .nonNegative(QStringLiteral("size"))
        .object(QStringLiteral("rows"))
        .onlyKnown({QStringLiteral("pageNumber"), QStringLiteral("status"), QStringLiteral("size"),
                    QStringLiteral("rows")});
    if (p.json().value(QStringLiteral("pageNumber")).toDouble() < 1)
        p.problem(QStringLiteral("pageNumber"), QStringLiteral("pages are numbered from 1"));
    ObjectCheck rows(p.json().value(QStringLiteral("rows")), joinPath(path, QStringLiteral("rows")),
                     problems);
    rows.nonNegative(QStringLiteral("count"))
        .integer(QStringLiteral("rangeStart"))
        .integer(QStringLiteral("rangeEnd"))
        .onlyKnown(
            {QStringLiteral("count"), QStringLiteral("rangeStart"), QStringLiteral("rangeEnd")});
}

// AsyncQuery, checked against the schema its `status` discriminator selects.
inline QStringList asyncQuery(const QJsonValue &value, const QString &path = QString())
{
    QStringList problems;
    ObjectCheck q(value, path, &problems);
    queryBase(q, QStringLiteral("async"), 7200000);
    q.oneOf(QStringLiteral("status"), asyncStatuses())
        .object(QStringLiteral("statusTiming"))
        .onlyKnown(queryProperties());
    statusTiming(q.json().value(QStringLiteral("statusTiming")),
                 joinPath(path, QStringLiteral("statusTiming")), false,
                 {QStringLiteral("initialising")}, &problems);

    const QString status = q.json().value(QStringLiteral("status")).toString();
    if (isTerminalAsyncStatus(status))
        q.dateTimeField(QStringLiteral("completedAt"));
    else
        q.absent(QStringLiteral("completedAt"));

    if (status == QLatin1String("executionFailed") || status == QLatin1String("uploadFailed")) {
        // FailedQueryErrorProperties: errorCode and errorMessage are required.
        q.integer(QStringLiteral("errorCode")).string(QStringLiteral("errorMessage"));
    }
    if (q.has(QStringLiteral("errorDetails")))
        errorDetails(q.json().value(QStringLiteral("errorDetails")),
                     joinPath(path, QStringLiteral("errorDetails")), &problems);

    if (status == QLatin1String("uploading") || status == QLatin1String("successful")) {
        q.object(QStringLiteral("metrics"));
        ObjectCheck metrics(q.json().value(QStringLiteral("metrics")),
                            joinPath(path, QStringLiteral("metrics")), &problems);
        metrics.nonNegative(QStringLiteral("sqlExecutionDuration"))
            .onlyKnown({QStringLiteral("sqlExecutionDuration")});
    }
    if (status == QLatin1String("successful")) {
        q.object(QStringLiteral("result")).nonNegative(QStringLiteral("resultSize"));
    }
    if (q.has(QStringLiteral("result"))) {
        // AsyncQueryResult {rows, size, pages} or AsyncNonQueryResult {rowsAffected, size, pages}.
        const QString resultPath = joinPath(path, QStringLiteral("result"));
        ObjectCheck result(q.json().value(QStringLiteral("result")), resultPath, &problems);
        if (result.has(QStringLiteral("rowsAffected")))
            result.integer(QStringLiteral("rowsAffected"));
        else
            result.nonNegative(QStringLiteral("rows"));
        result.nonNegative(QStringLiteral("size"))
            .array(QStringLiteral("pages"))
            .array(QStringLiteral("parameters"), Need::Optional)
            .onlyKnown({QStringLiteral("rows"), QStringLiteral("rowsAffected"),
                        QStringLiteral("size"), QStringLiteral("pages"),
                        QStringLiteral("parameters")});
        const QJsonArray pages = result.json().value(QStringLiteral("pages")).toArray();
        for (qsizetype i = 0; i < pages.size(); ++i)
            page(pages.at(i), resultPath + QStringLiteral(".pages[%1]").arg(i), &problems);
        parameterList(result.json().value(QStringLiteral("parameters")),
                      resultPath + QStringLiteral(".parameters"), &problems);
    }
    return problems;
}

// Body of GET .../results/{pageNumber}: {data (base64, required), parameters} or, for a
// nonQuery, {parameters}.
inline QStringList resultPage(const QJsonValue &value, bool nonQuery)
{
    QStringList problems;
    ObjectCheck p(value, QString(), &problems);
    if (nonQuery)
        p.absent(QStringLiteral("data"));
    else
        p.string(QStringLiteral("data"));
    p.array(QStringLiteral("parameters"), Need::Optional)
        .onlyKnown({QStringLiteral("data"), QStringLiteral("parameters")});
    parameterList(p.json().value(QStringLiteral("parameters")), QStringLiteral("parameters"),
                  &problems);
    return problems;
}

// Response of POST .../queries/status: {results: [{queryId, status (found|notFound), query?}]}.
inline QStringList batchStatus(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck root(value, QString(), &problems);
    root.array(QStringLiteral("results")).onlyKnown({QStringLiteral("results")});
    const QJsonArray results = root.json().value(QStringLiteral("results")).toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QString path = QStringLiteral("results[%1]").arg(i);
        ObjectCheck entry(results.at(i), path, &problems);
        entry.uuid(QStringLiteral("queryId"))
            .oneOf(QStringLiteral("status"), {QStringLiteral("found"), QStringLiteral("notFound")})
            .onlyKnown(
                {QStringLiteral("queryId"), QStringLiteral("status"), QStringLiteral("query")});
        if (entry.json().value(QStringLiteral("status")) == QLatin1String("found"))
            problems += asyncQuery(entry.json().value(QStringLiteral("query")),
                                   path + QStringLiteral(".query"));
        else
            entry.absent(QStringLiteral("query"));
    }
    return problems;
}

// ------------------------------------------------------------------------------------------
// Registered queries

inline QStringList registeredQuery(const QJsonValue &value, const QString &path = QString())
{
    QStringList problems;
    ObjectCheck q(value, path, &problems);
    q.uuid(QStringLiteral("id"))
        .nonEmptyString(QStringLiteral("name"))
        .equals(QStringLiteral("registeredQueryType"), QStringLiteral("query"))
        .oneOf(QStringLiteral("status"), registeredStatuses())
        .integer(QStringLiteral("frequency"))
        .integer(QStringLiteral("duration"))
        .dateTimeField(QStringLiteral("createdAt"))
        .object(QStringLiteral("metrics"))
        .string(QStringLiteral("lastHash"), Need::Optional)
        .object(QStringLiteral("lastErrorDetails"), Need::Optional)
        .dateTimeField(QStringLiteral("completedAt"), Need::Optional)
        .onlyKnown({QStringLiteral("id"), QStringLiteral("name"),
                    QStringLiteral("registeredQueryType"), QStringLiteral("status"),
                    QStringLiteral("frequency"), QStringLiteral("duration"),
                    QStringLiteral("lastHash"), QStringLiteral("lastErrorDetails"),
                    QStringLiteral("metrics"), QStringLiteral("createdAt"),
                    QStringLiteral("completedAt")});
    if (q.has(QStringLiteral("lastErrorDetails")))
        errorDetails(q.json().value(QStringLiteral("lastErrorDetails")),
                     joinPath(path, QStringLiteral("lastErrorDetails")), &problems);
    ObjectCheck metrics(q.json().value(QStringLiteral("metrics")),
                        joinPath(path, QStringLiteral("metrics")), &problems);
    metrics.string(QStringLiteral("lastSucceededAt"), Need::Optional)
        .string(QStringLiteral("lastFailedAt"), Need::Optional)
        .integer(QStringLiteral("lastExecutionDuration"), Need::Optional)
        .integer(QStringLiteral("executionSucceededCount"), Need::Optional)
        .integer(QStringLiteral("executionFailedCount"), Need::Optional)
        .integer(QStringLiteral("resultSizeSum"), Need::Optional)
        .integer(QStringLiteral("requestSize"), Need::Optional)
        .onlyKnown({QStringLiteral("lastSucceededAt"), QStringLiteral("lastFailedAt"),
                    QStringLiteral("lastExecutionDuration"),
                    QStringLiteral("executionSucceededCount"),
                    QStringLiteral("executionFailedCount"), QStringLiteral("resultSizeSum"),
                    QStringLiteral("requestSize")});
    return problems;
}

// RegisteredQueryResult: {data, parameters (array or null), rows, size}, all required.
inline QStringList registeredQueryResult(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck r(value, QString(), &problems);
    r.string(QStringLiteral("data"))
        .nonNegative(QStringLiteral("rows"))
        .nonNegative(QStringLiteral("size"))
        .onlyKnown({QStringLiteral("data"), QStringLiteral("parameters"), QStringLiteral("rows"),
                    QStringLiteral("size")});
    const QJsonValue parameters = r.json().value(QStringLiteral("parameters"));
    if (!r.has(QStringLiteral("parameters")))
        r.problem(QStringLiteral("parameters"), QStringLiteral("required property is missing"));
    else if (!parameters.isArray() && !parameters.isNull())
        r.problem(QStringLiteral("parameters"), QStringLiteral("expected an array or null"));
    parameterList(parameters, QStringLiteral("parameters"), &problems);
    return problems;
}

} // namespace ApiShapes
