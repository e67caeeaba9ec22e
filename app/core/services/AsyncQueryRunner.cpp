// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/AsyncQueryRunner.h"

#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "services/AsyncQueryService.h"
#include "services/QueryService.h"
#include "sql/AsyncQueryJournal.h"

#include <QTimer>
#include <algorithm>
#include <limits>

namespace Halo {

AsyncQueryRunner::AsyncQueryRunner(HaloApiClient *client, QObject *parent)
    : AsyncQueryRunner(new QueryService(client), parent)
{
    m_queries->setParent(this);
}

AsyncQueryRunner::AsyncQueryRunner(QueryService *queries, QObject *parent)
    : QObject(parent)
    , m_client(queries->client())
    , m_queries(queries)
    , m_pollTimer(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &AsyncQueryRunner::poll);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &AsyncQueryRunner::onDeadline);
}

AsyncQueryRunner::~AsyncQueryRunner()
{
    // Cancelled calls finish at once: their answers must not reach this runner, half gone, nor
    // the owner it would report to.
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (!call)
            continue;
        call->disconnect(this);
        call->cancel();
    }
}

void AsyncQueryRunner::setPollIntervals(int firstMs, int maxMs)
{
    m_firstIntervalMs = std::max(10, firstMs);
    m_maxIntervalMs = std::max(m_firstIntervalMs, maxMs);
    m_intervalMs = m_firstIntervalMs;
}

qint64 AsyncQueryRunner::followDeadlineMs(std::optional<int> maxTimeInQueueMs,
                                          const FollowLimits &limits)
{
    const qint64 queue =
        maxTimeInQueueMs && *maxTimeInQueueMs >= 0 ? *maxTimeInQueueMs : kDefaultMaxTimeInQueueMs;
    const qint64 expected = queue + limits.executionMs + limits.uploadMs;
    return expected + expected * limits.marginPercent / 100;
}

void AsyncQueryRunner::startDeadline(std::optional<int> maxTimeInQueueMs)
{
    m_deadlineMs = followDeadlineMs(maxTimeInQueueMs, m_limits);
    const qint64 left = std::max<qint64>(0, m_deadlineMs - m_followClock.elapsed());
    m_deadline->start(int(std::min<qint64>(left, std::numeric_limits<int>::max())));
}

void AsyncQueryRunner::onDeadline()
{
    if (!m_running)
        return;
    m_pastDeadline = true;
    ++m_generation; // what the calls cancelled below answer is not heard
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
    // Not a failed status: the query may still end at Halo; lastInfo() has where it was.
    fail(ApiError::ofKind(ApiError::Kind::Timeout,
                          tr("async query %1 did not end within %2 s: its maximum time in "
                             "queue, the execution limit and the upload, with a margin")
                              .arg(m_queryId)
                              .arg(m_deadlineMs / 1000)));
}

void AsyncQueryRunner::failLater(const ApiError &error)
{
    const quint64 generation = m_generation;
    // On the next turn of the event loop, as an answer would come, so callers can connect.
    QMetaObject::invokeMethod(
        this,
        [this, generation, error]() {
            if (generation == m_generation)
                fail(error);
        },
        Qt::QueuedConnection);
}

void AsyncQueryRunner::track(ApiCall *call)
{
    m_calls.removeAll(nullptr);
    m_calls.append(call);
}

void AsyncQueryRunner::submit(const QString &guid, const QueryCommand &command,
                              const SafetyApproval &approval)
{
    stop();
    m_guid = guid;
    m_sql = command.text;
    m_running = true;
    m_collectOnly = false;
    m_pastDeadline = false;
    m_deadlineFromQuery = command.maxTimeInQueueMs.has_value();
    m_followClock.start();
    startDeadline(command.maxTimeInQueueMs);
    const quint64 generation = ++m_generation;
    SubmitAsyncCall *call = m_queries->submitAsync(guid, command, approval);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, generation]() {
        if (generation != m_generation)
            return;
        if (!call->ok()) {
            fail(call->error());
            return;
        }
        // A usable query id is part of a successful answer: an empty one is never polled.
        const QueryInfo info = call->info();
        m_queryId = info.id;
        journalStatus(info.status, m_sql);
        emit submitted(m_queryId);
        if (generation != m_generation)
            return; // stopped by whoever was told
        onStatus(info);
    });
}

void AsyncQueryRunner::resume(const QString &guid, const QString &queryId)
{
    start(guid, queryId, false);
}

void AsyncQueryRunner::collect(const QString &guid, const QString &queryId)
{
    start(guid, queryId, true);
}

void AsyncQueryRunner::start(const QString &guid, const QString &queryId, bool collectOnly)
{
    stop();
    m_guid = guid;
    m_queryId = queryId.trimmed();
    m_running = true;
    m_collectOnly = collectOnly;
    m_pastDeadline = false;
    m_deadlineFromQuery = false;
    ++m_generation;
    if (!AsyncQueryService::isValidQueryId(queryId)) {
        failLater(AsyncQueryService::invalidQueryId(queryId));
        return;
    }
    m_followClock.start();
    if (!collectOnly)
        startDeadline(std::nullopt); // until the query says its own maximum time in queue
    poll();
}

void AsyncQueryRunner::stop()
{
    ++m_generation;
    m_pollTimer->stop();
    m_deadline->stop();
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
    const bool wasRunning = m_running;
    m_running = false;
    m_fetching = false;
    m_nextPage = 1;
    m_pageColumns.clear();
    m_columnsPage = 0;
    m_info = QueryInfo();
    m_intervalMs = m_firstIntervalMs;
    if (wasRunning)
        emit stopped();
}

void AsyncQueryRunner::poll()
{
    const quint64 generation = m_generation;
    QueryStatusCall *call = m_client->queryStatus(m_guid, m_queryId);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, generation]() {
        if (generation != m_generation)
            return;
        if (!call->ok()) {
            fail(call->error());
            return;
        }
        onStatus(call->info());
    });
}

void AsyncQueryRunner::schedulePoll()
{
    m_pollTimer->start(m_intervalMs);
    // Back off while nothing changes: a long query should not cost a request every 250 ms.
    m_intervalMs = std::min(m_maxIntervalMs, m_intervalMs * 3 / 2);
}

void AsyncQueryRunner::onStatus(const QueryInfo &info)
{
    const quint64 generation = m_generation;
    const bool changed = info.status != m_info.status;
    m_info = info;
    emit polled(info);
    if (changed) {
        m_intervalMs = m_firstIntervalMs;
        journalStatus(info.status);
        emit stateChanged(info);
    }
    if (generation != m_generation)
        return; // stopped by whoever was told
    if (info.isTerminal()) {
        m_deadline->stop();
    } else if (m_collectOnly) {
        m_running = false;
        emit notFinished(info);
        return;
    } else if (!m_deadlineFromQuery && info.maxTimeInQueue > 0) {
        m_deadlineFromQuery = true;
        startDeadline(info.maxTimeInQueue);
    }
    if (!info.isTerminal())
        schedulePoll();
    fetchNextPage();
    finishIfDone();
}

void AsyncQueryRunner::fetchNextPage()
{
    // A nonQuery's answer is its rowsAffected; there are no rows to fetch.
    if (m_fetching || m_info.rowsAffected || m_nextPage > m_info.pages.size())
        return;
    const ResultPageInfo page = m_info.pages.at(m_nextPage - 1);
    if (page.status != QLatin1String("cached") && !m_info.isSuccessful())
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    // A page is about a megabyte of base64: the call reads and decodes it on a worker, never on
    // the thread that runs the window.
    ResultPageCall *call = m_client->resultPage(m_guid, m_queryId, page.number);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, page, generation]() {
        if (generation != m_generation)
            return;
        if (!call->ok()) {
            fail(call->error());
            return;
        }
        m_fetching = false;
        const DecodedResult &result = call->result();
        if (const ApiError mismatch = checkPageColumns(page.number, result); mismatch.isError()) {
            fail(mismatch);
            return;
        }
        ++m_nextPage;
        emit pageReady(page, result, call->page().parameters);
        fetchNextPage();
        finishIfDone();
    });
}

ApiError AsyncQueryRunner::checkPageColumns(int pageNumber, const DecodedResult &page)
{
    // A page without rows may come without columns ([]); text that is no table has none.
    if (!page.isTable() || page.table.columnCount() == 0)
        return {};
    if (m_columnsPage == 0) {
        m_pageColumns = page.table.columns();
        m_columnsPage = pageNumber;
        return {};
    }
    const QStringList &columns = page.table.columns();
    if (columns == m_pageColumns)
        return {};
    // Merging them by name would put values under columns they were not sent for.
    QString difference;
    if (columns.size() != m_pageColumns.size()) {
        difference = tr("it has %1 columns where page %2 had %3")
                         .arg(columns.size())
                         .arg(m_columnsPage)
                         .arg(m_pageColumns.size());
    } else {
        qsizetype c = 0;
        while (columns.at(c) == m_pageColumns.at(c))
            ++c;
        difference = tr("its column %1 is “%2” where page %3 had “%4”")
                         .arg(c + 1)
                         .arg(columns.at(c))
                         .arg(m_columnsPage)
                         .arg(m_pageColumns.at(c));
    }
    return ApiError::badAnswer(
        tr("result page %1 of query %2 does not have the columns of page %3 (%4), so the pages "
           "cannot be put together into one table")
            .arg(pageNumber)
            .arg(m_queryId)
            .arg(m_columnsPage)
            .arg(difference));
}

void AsyncQueryRunner::finishIfDone()
{
    if (!m_running || !m_info.isTerminal() || m_fetching)
        return;
    if (m_info.isSuccessful() && !m_info.rowsAffected && m_nextPage <= m_info.pages.size())
        return;
    m_running = false;
    m_pollTimer->stop();
    emit finished(m_info);
}

void AsyncQueryRunner::fail(const ApiError &error)
{
    ++m_generation;
    m_running = false;
    m_fetching = false;
    m_pollTimer->stop();
    m_deadline->stop();
    emit failed(error);
}

void AsyncQueryRunner::journalStatus(const QString &status, const QString &sql)
{
    if (!m_journal || m_queryId.isEmpty())
        return;
    JournalEntry entry;
    for (const JournalEntry &existing : m_journal->entries()) {
        if (existing.queryId == m_queryId)
            entry = existing;
    }
    entry.environment = environmentId(m_client->endpoint().environment);
    entry.siteGuid = m_guid;
    entry.queryId = m_queryId;
    if (!sql.isEmpty())
        entry.sql = sql;
    if (!entry.submittedAt.isValid())
        entry.submittedAt = QDateTime::currentDateTimeUtc();
    entry.lastStatus = status;
    m_journal->record(entry); // a failed write loses only the resume note, never the query
}

} // namespace Halo
