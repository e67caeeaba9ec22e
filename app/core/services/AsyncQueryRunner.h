// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

#include "net/Environment.h"
#include "results/ResultDecoder.h"
#include "services/SafetyPolicy.h"
#include "sql/QueryTypes.h"

class QTimer;

namespace Halo {

class ApiCall;
class AsyncQueryJournal;
class HaloApiClient;
class QueryService;

// What the deadline for following an async query allows besides its maximum time in queue.
struct AsyncFollowLimits {
    qint64 executionMs = 5 * 60 * 1000; // Halo's limit for an async query (REFERENCE §2.2)
    qint64 uploadMs = 10 * 60 * 1000;   // undocumented: pages of about 1 MB each
    int marginPercent = 10;
};

// Runs one async query to the end: submits it (or picks up one submitted earlier), polls its
// status with back-off until a terminal status, reports every state change with its timing,
// and fetches and decodes (off the GUI thread) each result page as soon as it is cached.
// Following stops at the query's own deadline, past which something is wrong. The window's
// SQL tab and halo-cli both run their async queries through it.
class AsyncQueryRunner : public QObject
{
    Q_OBJECT
public:
    using FollowLimits = AsyncFollowLimits;
    // The service's default when a query does not say (Spec-I AsyncMaxTimeInQueue).
    static constexpr int kDefaultMaxTimeInQueueMs = 3600000;

    explicit AsyncQueryRunner(HaloApiClient *client, QObject *parent = nullptr);
    // Submits through `queries` (and its SafetyPolicy's wording) instead of a service of its own.
    explicit AsyncQueryRunner(QueryService *queries, QObject *parent = nullptr);
    ~AsyncQueryRunner() override;

    // How long a query with this maximum time in queue may take before following stops:
    // the time in queue, the execution limit and the upload, with the margin.
    static qint64 followDeadlineMs(std::optional<int> maxTimeInQueueMs,
                                   const FollowLimits &limits = FollowLimits());

    // Where submitted query ids are remembered, so they can be resumed after a restart.
    void setJournal(AsyncQueryJournal *journal) { m_journal = journal; }
    void setPollIntervals(int firstMs, int maxMs);
    void setFollowLimits(const FollowLimits &limits) { m_limits = limits; }

    // Through the SafetyPolicy: a refused command fails at once and nothing is sent.
    void submit(const QString &guid, const QueryCommand &command,
                const SafetyApproval &approval = {});
    // Follows a query submitted earlier. An id that is not a Halo query id fails at once,
    // without a request.
    void resume(const QString &guid, const QString &queryId);
    // Reads a query once: when it has ended, fetches every page as a resumed query would;
    // when it has not, ends in notFinished() without waiting.
    void collect(const QString &guid, const QString &queryId);
    // Stops polling and fetching here; the query itself carries on at Halo.
    void stop();

    bool isRunning() const { return m_running; }
    QString queryId() const { return m_queryId; }
    QueryInfo lastInfo() const { return m_info; }
    // The deadline of the query followed now (or last), from when following started.
    qint64 deadlineMs() const { return m_deadlineMs; }
    // Whether following stopped because the deadline passed (failed() said so).
    bool isPastDeadline() const { return m_pastDeadline; }

signals:
    void submitted(const QString &queryId);
    void stateChanged(const Halo::QueryInfo &info); // the status changed
    void polled(const Halo::QueryInfo &info);       // every status answer
    void pageReady(const Halo::ResultPageInfo &page, const Halo::DecodedResult &result,
                   const QList<Halo::OutputParameter> &parameters);
    void finished(const Halo::QueryInfo &info); // terminal, and every page fetched
    // A call failed for good, an id was not a query id (Kind::BadResponse, nothing sent), a
    // result page's columns differ from an earlier page's (Kind::BadResponse), or the deadline
    // passed (Kind::Timeout, with the last status); the runner stopped.
    void failed(const Halo::ApiError &error);
    void notFinished(const Halo::QueryInfo &info); // collect(): the query has not ended yet
    void stopped();

private:
    void start(const QString &guid, const QString &queryId, bool collectOnly);
    void startDeadline(std::optional<int> maxTimeInQueueMs);
    void onDeadline();
    void failLater(const ApiError &error);
    void poll();
    void schedulePoll();
    void onStatus(const QueryInfo &info);
    void fetchNextPage();
    void finishIfDone();
    // Every page of a result has the columns of the first that has any: names, count and
    // order. A page that differs is an error (Kind::BadResponse), not a page to merge.
    ApiError checkPageColumns(int pageNumber, const DecodedResult &page);
    void fail(const ApiError &error);
    void track(ApiCall *call);
    void journalStatus(const QString &status, const QString &sql = QString());

    HaloApiClient *m_client;
    QueryService *m_queries;
    AsyncQueryJournal *m_journal = nullptr;
    QTimer *m_pollTimer;
    QTimer *m_deadline;
    QElapsedTimer m_followClock;
    FollowLimits m_limits;
    qint64 m_deadlineMs = 0;
    bool m_deadlineFromQuery = false; // set from the query's own maxTimeInQueue
    bool m_pastDeadline = false;
    bool m_collectOnly = false;
    QList<QPointer<ApiCall>> m_calls; // in flight, cancelled by stop()
    int m_firstIntervalMs = 250;
    int m_maxIntervalMs = 5000;
    int m_intervalMs = 250;

    QString m_guid;
    QString m_queryId;
    QString m_sql;
    QueryInfo m_info;
    bool m_running = false;
    bool m_fetching = false;
    int m_nextPage = 1;
    QStringList m_pageColumns; // of page m_columnsPage, the first page with columns
    int m_columnsPage = 0;
    quint64 m_generation = 0; // answers from before stop() are ignored
};

} // namespace Halo
