#include "services/AsyncQueryRunner.h"

#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "sql/AsyncQueryJournal.h"

#include <QTimer>

namespace Halo {

AsyncQueryRunner::AsyncQueryRunner(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &AsyncQueryRunner::poll);
}

AsyncQueryRunner::~AsyncQueryRunner()
{
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
}

void AsyncQueryRunner::setPollIntervals(int firstMs, int maxMs)
{
    m_firstIntervalMs = std::max(10, firstMs);
    m_maxIntervalMs = std::max(m_firstIntervalMs, maxMs);
    m_intervalMs = m_firstIntervalMs;
}

void AsyncQueryRunner::track(ApiCall *call)
{
    m_calls.removeAll(nullptr);
    m_calls.append(call);
}

void AsyncQueryRunner::submit(const QString &guid, const QueryCommand &command)
{
    stop();
    m_guid = guid;
    m_sql = command.text;
    m_running = true;
    const quint64 generation = ++m_generation;
    SubmitAsyncCall *call = m_client->submitAsync(guid, command);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call, generation]() {
        if (generation != m_generation)
            return;
        if (!call->ok()) {
            fail(call->error());
            return;
        }
        // A usable query id is part of a successful answer.
        const QueryInfo info = call->info();
        m_queryId = info.id;
        journalStatus(info.status, m_sql);
        emit submitted(m_queryId);
        onStatus(info);
    });
}

void AsyncQueryRunner::resume(const QString &guid, const QString &queryId)
{
    stop();
    m_guid = guid;
    m_queryId = queryId;
    m_running = true;
    ++m_generation;
    poll();
}

void AsyncQueryRunner::stop()
{
    ++m_generation;
    m_pollTimer->stop();
    for (const QPointer<ApiCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    m_calls.clear();
    const bool wasRunning = m_running;
    m_running = false;
    m_fetching = false;
    m_nextPage = 1;
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
    const bool changed = info.status != m_info.status;
    m_info = info;
    emit polled(info);
    if (changed) {
        m_intervalMs = m_firstIntervalMs;
        journalStatus(info.status);
        emit stateChanged(info);
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
        ++m_nextPage;
        emit pageReady(page, call->result(), call->page().parameters);
        fetchNextPage();
        finishIfDone();
    });
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
