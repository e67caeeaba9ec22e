// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueryStore.h"

#include "ResultEncoder.h"

#include <algorithm>

namespace Sandbox {

namespace {

QString isoMs(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Uploading lasts longer for bigger results so a client can watch pages arrive one by one.
qint64 uploadDuration(const QueryRecord &record)
{
    const qint64 pages = std::max<qint64>(1, record.pages.size());
    return std::max<qint64>(record.stepMs, record.stepMs * std::min<qint64>(pages, 40) / 4);
}

QJsonObject timing(const QDateTime &created, qint64 start, qint64 end, qint64 nowMs)
{
    QJsonObject state{{QStringLiteral("startTime"), isoMs(created.addMSecs(start))}};
    if (end <= nowMs)
        state.insert(QStringLiteral("endTime"), isoMs(created.addMSecs(end)));
    return state;
}

} // namespace

qint64 AsyncTimeline::pageCachedAt(int index, int pageCount) const
{
    const qint64 span = uploadingEnd - executingEnd;
    return executingEnd + span * (index + 1) / std::max(1, pageCount);
}

QueryRecord &QueryStore::add(QueryRecord record)
{
    const QString key = record.id.toLower();
    m_queries.insert(key, std::move(record));
    return m_queries[key];
}

const QueryRecord *QueryStore::find(const QString &siteGuid, const QString &queryId) const
{
    const auto it = m_queries.constFind(queryId.toLower());
    if (it == m_queries.constEnd() || it->siteGuid.compare(siteGuid, Qt::CaseInsensitive) != 0)
        return nullptr;
    return &it.value();
}

AsyncTimeline QueryStore::timeline(const QueryRecord &record)
{
    AsyncTimeline t;
    const qint64 step = record.stepMs;
    t.initialisingEnd = step;
    if (record.plannedFailure.startsWith(QLatin1String("initialisationFailed"))) {
        t.finalStatus = record.plannedFailure;
        t.finalAt = t.initialisingEnd;
        return t;
    }
    if (record.maxTimeInQueue < step) {
        t.finalStatus = QStringLiteral("expiredInQueue");
        t.finalAt = t.initialisingEnd + record.maxTimeInQueue;
        t.queuedEnd = t.finalAt;
        return t;
    }
    t.queuedEnd = t.initialisingEnd + step;
    t.executingEnd = t.queuedEnd + step + record.extraExecutionMs;
    if (record.plannedFailure == QLatin1String("executionFailed")) {
        t.finalStatus = record.plannedFailure;
        t.finalAt = t.executingEnd;
        return t;
    }
    t.uploadingEnd = t.executingEnd + uploadDuration(record);
    if (record.plannedFailure == QLatin1String("uploadFailed")) {
        t.finalStatus = record.plannedFailure;
        t.finalAt = t.executingEnd + (t.uploadingEnd - t.executingEnd) / 2;
        return t;
    }
    t.finalStatus = QStringLiteral("successful");
    t.finalAt = t.uploadingEnd;
    return t;
}

bool QueryStore::isTerminal(const QString &status)
{
    return status == QLatin1String("successful") || status == QLatin1String("expiredInQueue") ||
           status == QLatin1String("executionFailed") || status == QLatin1String("uploadFailed") ||
           status.startsWith(QLatin1String("initialisationFailed"));
}

QString QueryStore::statusAt(const QueryRecord &record, const QDateTime &now)
{
    const AsyncTimeline t = timeline(record);
    const qint64 ms = record.createdAt.msecsTo(now);
    if (ms >= t.finalAt)
        return t.finalStatus;
    if (ms < t.initialisingEnd)
        return QStringLiteral("initialising");
    if (ms < t.queuedEnd)
        return QStringLiteral("queued");
    if (ms < t.executingEnd)
        return QStringLiteral("executing");
    return QStringLiteral("uploading");
}

QJsonObject QueryStore::toJson(const QueryRecord &record, const QDateTime &now)
{
    if (record.mode == QLatin1String("immediate"))
        return record.immediateBody;

    const AsyncTimeline t = timeline(record);
    const qint64 nowMs = std::max<qint64>(0, record.createdAt.msecsTo(now));
    const QString status = statusAt(record, now);
    const bool terminal = isTerminal(status);
    const qint64 endMs = terminal ? t.finalAt : nowMs;
    const QDateTime &created = record.createdAt;

    QJsonObject timings;
    timings.insert(QStringLiteral("initialising"),
                   timing(created, 0, std::min(t.initialisingEnd, t.finalAt), endMs));
    qint64 stateChangedAt = 0;
    if (endMs >= t.initialisingEnd && t.queuedEnd > 0) {
        timings.insert(QStringLiteral("queued"),
                       timing(created, t.initialisingEnd, t.queuedEnd, endMs));
        stateChangedAt = t.initialisingEnd;
    }
    if (t.executingEnd > 0 && endMs >= t.queuedEnd) {
        timings.insert(QStringLiteral("executing"),
                       timing(created, t.queuedEnd, std::min(t.executingEnd, t.finalAt), endMs));
        stateChangedAt = t.queuedEnd;
    }
    const bool reachedUpload = t.uploadingEnd > 0 && endMs >= t.executingEnd;
    if (reachedUpload) {
        timings.insert(QStringLiteral("uploading"),
                       timing(created, t.executingEnd, t.finalAt, endMs));
        stateChangedAt = t.executingEnd;
    }
    if (terminal)
        stateChangedAt = t.finalAt;

    QJsonObject json{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("integratorId"), QStringLiteral("5a4d2f0e-8c1b-4e7a-9b3d-6f2e1c0a9d84")},
        {QStringLiteral("siteId"), record.siteGuid},
        {QStringLiteral("mode"), QStringLiteral("async")},
        {QStringLiteral("status"), status},
        {QStringLiteral("maxTimeInQueue"), record.maxTimeInQueue},
        {QStringLiteral("commandSize"), record.commandSize},
        {QStringLiteral("requestSize"), record.requestSize},
        {QStringLiteral("createdAt"), isoMs(created)},
        {QStringLiteral("updatedAt"), isoMs(created.addMSecs(stateChangedAt))},
        {QStringLiteral("statusTiming"), timings},
    };
    if (terminal)
        json.insert(QStringLiteral("completedAt"), isoMs(created.addMSecs(t.finalAt)));
    if (terminal && status != QLatin1String("successful")) {
        json.insert(QStringLiteral("errorDetails"), record.failureDetails);
        json.insert(QStringLiteral("errorCode"),
                    record.failureDetails.value(QStringLiteral("errorCode")));
        json.insert(QStringLiteral("errorMessage"),
                    record.failureDetails.value(QStringLiteral("errorMessage")));
        return json;
    }
    if (!reachedUpload)
        return json;

    json.insert(QStringLiteral("metrics"),
                QJsonObject{{QStringLiteral("sqlExecutionDuration"), record.sqlExecutionDuration}});
    // Pages are listed while uploading too, so a client can fetch the cached ones early.
    QJsonArray pages;
    for (int i = 0; i < record.pages.size(); ++i) {
        const ResultPage &page = record.pages.at(i);
        const qint64 cachedAt = t.pageCachedAt(i, int(record.pages.size()));
        // A query that will fail its upload never gets a page into the cache.
        const bool willSucceed = t.finalStatus == QLatin1String("successful");
        const QString pageStatus =
            (willSucceed && nowMs >= cachedAt) || status == QLatin1String("successful")
                ? QStringLiteral("cached")
                : (i == 0 || nowMs >= t.pageCachedAt(i - 1, int(record.pages.size()))
                       ? QStringLiteral("uploading")
                       : QStringLiteral("queued"));
        pages.append(QJsonObject{
            {QStringLiteral("pageNumber"), i + 1},
            {QStringLiteral("status"), pageStatus},
            {QStringLiteral("size"), page.decodedSize},
            {QStringLiteral("rows"), QJsonObject{{QStringLiteral("count"), page.rowCount},
                                                 {QStringLiteral("rangeStart"), page.rangeStart},
                                                 {QStringLiteral("rangeEnd"), page.rangeEnd}}},
        });
    }
    QJsonObject result{{QStringLiteral("size"), record.totalSize},
                       {QStringLiteral("pages"), pages}};
    if (record.nonQuery)
        result.insert(QStringLiteral("rowsAffected"), record.rowsAffected);
    else
        result.insert(QStringLiteral("rows"), record.rows);
    if (!record.outputParameters.isEmpty())
        result.insert(QStringLiteral("parameters"), record.outputParameters);
    json.insert(QStringLiteral("result"), result);
    if (status == QLatin1String("successful")) {
        // As for immediate queries: the size of the encoded data, here summed over the pages.
        qint64 encoded = 0;
        for (const ResultPage &page : record.pages)
            encoded += page.data.size();
        json.insert(QStringLiteral("resultSize"), encoded);
    }
    return json;
}

QueryStore::PageState QueryStore::pageState(const QueryRecord &record, int pageNumber,
                                            const QDateTime &now)
{
    if (pageNumber < 1 || pageNumber > record.pages.size())
        return PageState::NoSuchPage;
    const AsyncTimeline t = timeline(record);
    const qint64 nowMs = record.createdAt.msecsTo(now);
    const bool failed = t.finalStatus != QLatin1String("successful");
    if (failed || nowMs < t.pageCachedAt(pageNumber - 1, int(record.pages.size())))
        return failed && nowMs >= t.finalAt ? PageState::NoSuchPage : PageState::NotReady;
    if (nowMs > t.finalAt + qint64(record.resultTtlSeconds) * 1000)
        return PageState::Expired;
    return PageState::Ready;
}

QList<ResultPage> paginate(const SqlOutcome &outcome, qint64 pageBytes)
{
    QList<ResultPage> pages;
    const qsizetype total = outcome.rows.size();
    if (total == 0) {
        ResultPage page;
        const QByteArray json = ResultEncoder::encodeRows(outcome.columns, outcome.rows);
        page.decodedSize = json.size();
        page.data = json.toBase64();
        pages.append(page);
        return pages;
    }
    // Estimate a row's encoded size from a sample, then cut pages by row count.
    const qsizetype sample = std::min<qsizetype>(total, 200);
    const qint64 sampleBytes =
        ResultEncoder::encodeRows(outcome.columns, outcome.rows, 0, sample).size();
    const qint64 perRow = std::max<qint64>(1, sampleBytes / sample);
    const qsizetype rowsPerPage = std::max<qsizetype>(1, qsizetype(pageBytes / perRow));
    for (qsizetype first = 0; first < total; first += rowsPerPage) {
        const qsizetype count = std::min(rowsPerPage, total - first);
        const QByteArray json =
            ResultEncoder::encodeRows(outcome.columns, outcome.rows, first, count);
        ResultPage page;
        page.decodedSize = json.size();
        page.data = json.toBase64();
        page.rowCount = count;
        page.rangeStart = first;
        page.rangeEnd = first + count - 1;
        pages.append(page);
    }
    return pages;
}

} // namespace Sandbox
