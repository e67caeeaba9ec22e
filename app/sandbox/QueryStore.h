// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "SqlRunner.h"

namespace Sandbox {

// One page of an async result, encoded once when the query is submitted.
struct ResultPage {
    QByteArray data; // base64, as served; empty for nonQuery
    qint64 decodedSize = 0;
    qint64 rowCount = 0;
    qint64 rangeStart = 0; // 0-based, inclusive (as in the Postman batch example)
    qint64 rangeEnd = -1;
};

// An immediate or async query as the sandbox remembers it. The SQL runs when the query is
// submitted; an async query's visible status is then derived from the clock, so it walks
// initialising -> queued -> executing -> uploading -> successful without any timers.
struct QueryRecord {
    QString id;
    QString siteGuid;
    QString mode; // immediate | async
    QString executionMode;
    int maxTimeInQueue = 0;
    qint64 commandSize = 0;
    qint64 requestSize = 0;
    QDateTime createdAt;
    QJsonObject immediateBody; // immediate: the answer as sent, for GET /queries/{id}

    // async
    QString plannedFailure;     // empty, or the failure status the query will end in
    QJsonObject failureDetails; // errorDetails for the planned failure
    qint64 stepMs = 0;
    qint64 extraExecutionMs = 0; // from WAITFOR DELAY
    bool nonQuery = false;
    qint64 rows = 0;
    qint64 rowsAffected = 0;
    qint64 totalSize = 0;
    qint64 sqlExecutionDuration = 0;
    QJsonArray outputParameters;
    QList<ResultPage> pages;
    int resultTtlSeconds = 86400;
};

// The moments an async query changes state, as offsets in ms from createdAt.
struct AsyncTimeline {
    qint64 initialisingEnd = 0;
    qint64 queuedEnd = 0;
    qint64 executingEnd = 0;
    qint64 uploadingEnd = 0;
    QString finalStatus;
    qint64 finalAt = 0;
    qint64 pageCachedAt(int index, int pageCount) const;
};

class QueryStore
{
public:
    QueryRecord &add(QueryRecord record);
    const QueryRecord *find(const QString &siteGuid, const QString &queryId) const;

    static AsyncTimeline timeline(const QueryRecord &record);
    static QString statusAt(const QueryRecord &record, const QDateTime &now);
    // The query object as GET /queries/{id} returns it at `now`.
    static QJsonObject toJson(const QueryRecord &record, const QDateTime &now);
    static bool isTerminal(const QString &status);

    enum class PageState { Ready, NotReady, NoSuchPage, Expired };
    static PageState pageState(const QueryRecord &record, int pageNumber, const QDateTime &now);

private:
    QHash<QString, QueryRecord> m_queries; // by lower-case id
};

// Splits rows into pages of roughly pageBytes of decoded JSON each.
QList<ResultPage> paginate(const SqlOutcome &outcome, qint64 pageBytes);

} // namespace Sandbox
