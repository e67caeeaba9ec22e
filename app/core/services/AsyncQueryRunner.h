#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

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

// Runs one async query to the end: submits it (or picks up one submitted earlier), polls its
// status with back-off until a terminal status, reports every state change with its timing,
// and fetches and decodes (off the GUI thread) each result page as soon as it is cached.
class AsyncQueryRunner : public QObject
{
    Q_OBJECT
public:
    explicit AsyncQueryRunner(HaloApiClient *client, QObject *parent = nullptr);
    // Submits through `queries` (and its SafetyPolicy's wording) instead of a service of its own.
    explicit AsyncQueryRunner(QueryService *queries, QObject *parent = nullptr);
    ~AsyncQueryRunner() override;

    // Where submitted query ids are remembered, so they can be resumed after a restart.
    void setJournal(AsyncQueryJournal *journal) { m_journal = journal; }
    void setPollIntervals(int firstMs, int maxMs);

    // Through the SafetyPolicy: a refused command fails at once and nothing is sent.
    void submit(const QString &guid, const QueryCommand &command,
                const SafetyApproval &approval = {});
    void resume(const QString &guid, const QString &queryId);
    // Stops polling and fetching here; the query itself carries on at Halo.
    void stop();

    bool isRunning() const { return m_running; }
    QString queryId() const { return m_queryId; }
    QueryInfo lastInfo() const { return m_info; }

signals:
    void submitted(const QString &queryId);
    void stateChanged(const Halo::QueryInfo &info); // the status changed
    void polled(const Halo::QueryInfo &info);       // every status answer
    void pageReady(const Halo::ResultPageInfo &page, const Halo::DecodedResult &result,
                   const QList<Halo::OutputParameter> &parameters);
    void finished(const Halo::QueryInfo &info); // terminal, and every page fetched
    void failed(const Halo::ApiError &error);   // a call failed for good; the runner stopped
    void stopped();

private:
    void poll();
    void schedulePoll();
    void onStatus(const QueryInfo &info);
    void fetchNextPage();
    void finishIfDone();
    void fail(const ApiError &error);
    void track(ApiCall *call);
    void journalStatus(const QString &status, const QString &sql = QString());

    HaloApiClient *m_client;
    QueryService *m_queries;
    AsyncQueryJournal *m_journal = nullptr;
    QTimer *m_pollTimer;
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
    quint64 m_generation = 0; // answers from before stop() are ignored
};

} // namespace Halo
