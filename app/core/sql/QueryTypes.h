// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "net/ApiError.h"

namespace Halo {

// A parameter of a SQL command (the spec's Parameter schema).
struct QueryParameter {
    QString name;                                // e.g. @id
    QString direction = QStringLiteral("input"); // input | output | inputOutput | returnValue
    QString type = QStringLiteral("NVarChar");   // a SqlDbType name
    std::optional<QString> value;                // nullopt: JSON null
    int size = 0;                                // 0: not sent
};

// What to run: the body of an immediate or async query, or a registered query's command.
struct QueryCommand {
    QString text;
    QString executionMode = QStringLiteral("reader"); // reader | nonQuery | scalar
    QString type = QStringLiteral("text");            // text | storedProcedure
    QList<QueryParameter> parameters;
    QString catalogue;                   // empty: the site's default
    std::optional<int> maxTimeInQueueMs; // nullopt: the service default

    QJsonObject commandJson() const; // {text, executionMode, type, parameters}
    QJsonObject bodyJson() const;    // {command, catalogue?, maxTimeInQueue?}
};

struct StateTiming {
    QString state; // initialising, queued, executing, downloading, uploading
    QDateTime start;
    QDateTime end; // invalid while the state lasts
};

struct ResultPageInfo {
    int number = 0;
    QString status; // queued | uploading | cached
    qint64 size = 0;
    qint64 rowCount = 0;
    qint64 rangeStart = 0;
    qint64 rangeEnd = 0;
};

struct OutputParameter {
    QString name;
    QString direction;
    QString type;
    std::optional<QString> value;
    int size = 0;
};

// A query object as Halo returns it (immediate or async, any status).
struct QueryInfo {
    QString id;
    QString siteId;
    QString mode;   // immediate | async
    QString status; // see AsyncQueryStatus
    int maxTimeInQueue = 0;
    qint64 commandSize = 0;
    qint64 requestSize = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime completedAt;
    QList<StateTiming> timing; // in the order the states happen
    std::optional<qint64> sqlExecutionDuration;

    bool hasResult = false;
    std::optional<qint64> rows;
    std::optional<qint64> rowsAffected;
    qint64 resultSize = 0;
    QByteArray data; // base64, immediate results only
    QList<OutputParameter> parameters;
    QList<ResultPageInfo> pages;
    ApiError failure; // Kind::QueryFailed when the status is a failure

    bool isTerminal() const;
    bool isSuccessful() const { return status == QLatin1String("successful"); }
    static QueryInfo fromJson(const QJsonObject &json);
    static bool isTerminalStatus(const QString &status);
};

struct RegisteredQueryInfo {
    QString id;
    QString name;
    QString status; // initialisationFailedCacheError | enabled | cancelled | completed
    qint64 frequency = 0;
    qint64 duration = 0;
    QString lastHash;
    ApiError lastError;
    QDateTime createdAt;
    QDateTime completedAt;
    QDateTime lastSucceededAt;
    QDateTime lastFailedAt;
    qint64 lastExecutionDuration = 0;
    qint64 succeededCount = 0;
    qint64 failedCount = 0;
    qint64 resultSizeSum = 0;

    static RegisteredQueryInfo fromJson(const QJsonObject &json);
};

// The result of a page or a registered query: base64 data plus output parameters.
struct ResultData {
    QByteArray data; // base64; empty for nonQuery
    QList<OutputParameter> parameters;
    std::optional<qint64> rows;
    std::optional<qint64> size;
    static ResultData fromJson(const QJsonObject &json);
};

QList<OutputParameter> parseOutputParameters(const QJsonValue &value);

// A harmless query that proves a site answers, in the SQL dialect of its PMS database
// (Firebird, used by Zedmed, has no FROM-less SELECT).
QString connectivityTestSql(const QString &pmsType);

// The SqlDbType names a parameter's `type` may take (the spec's Parameter.type).
const QStringList &sqlParameterTypes();

} // namespace Halo
