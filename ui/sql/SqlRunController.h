// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include "sites/SiteRecord.h"
#include "sql/QueryTypes.h"

class QTimer;
class SqlResultsArea;

namespace Halo {
class ApiCall;
class AsyncQueryJournal;
class AsyncQueryRunner;
class ImmediateQueryCall;
class QueryService;
struct ApiError;
struct DecodedResult;
struct ResultPageInfo;
struct SafetyApproval;
} // namespace Halo

// Runs the SQL tab's queries, one at a time: immediate through the QueryService, async through
// an AsyncQueryRunner (submitted, or picked up again by id), and shows in the results area what
// comes back, page by page, with the run's status as it goes. Whether a command may be sent is
// decided before it gets here.
class SqlRunController : public QObject
{
    Q_OBJECT
public:
    SqlRunController(Halo::QueryService *queries, SqlResultsArea *results,
                     QObject *parent = nullptr);
    ~SqlRunController() override; // cancels an immediate query still running

    // Where async query ids are noted, and a reopened query's SQL is found (optional).
    void setJournal(Halo::AsyncQueryJournal *journal);
    void setPollIntervals(int firstMs, int maxMs);

    void runImmediate(const QString &guid, const Halo::QueryCommand &command,
                      const Halo::SafetyApproval &approval);
    void runAsync(const QString &guid, const Halo::QueryCommand &command,
                  const Halo::SafetyApproval &approval);
    void resumeAsync(const Halo::SiteRecord &site, const QString &queryId);
    void stop(); // stops waiting, polling and fetching; an async query carries on
    // Results that did not come from a run, shown in the same grid and summary.
    void showExternalResult(const Halo::DecodedResult &result, const QString &status);

    bool isRunning() const { return m_running; }
    const Halo::QueryCommand &lastCommand() const { return m_lastCommand; }

signals:
    void runningChanged(bool running);
    void asyncSubmitted(const QString &queryId, const QString &sql);
    // Every run that ended; see SqlTab::queryFinished.
    void queryFinished(const QString &sql, const QString &mode, const QString &executionMode,
                       const QString &status, qint64 rows, qint64 durationMs);

private:
    void connectRunner();
    void onImmediateAnswer(Halo::ImmediateQueryCall *call);
    void showImmediateResult(const Halo::QueryInfo &info, const Halo::ApiError &callError,
                             const Halo::DecodedResult &decoded, qint64 ms);
    void onPage(const Halo::ResultPageInfo &page, const Halo::DecodedResult &result,
                const QList<Halo::OutputParameter> &parameters);
    void onAsyncEnded(const Halo::QueryInfo &info);
    void showFailure(const Halo::ApiError &error);
    void clearResults();
    void setRunning(bool running);
    void updateAsyncStatus(bool stopped = false);
    void finishRun(const QString &status, qint64 rows);

    Halo::QueryService *m_queries;
    Halo::AsyncQueryRunner *m_runner;
    Halo::AsyncQueryJournal *m_journal = nullptr; // where a reopened query's SQL is found
    SqlResultsArea *m_results;
    QTimer *m_elapsedTicker;

    QPointer<Halo::ApiCall> m_call;
    Halo::QueryCommand m_lastCommand;
    QString m_mode; // immediate | async, of the run in progress or last
    QElapsedTimer m_clock;
    bool m_running = false;
    int m_pagesFetched = 0;
    Halo::QueryInfo m_asyncInfo;
};
