// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlRunController.h"

#include "ResultSummary.h"
#include "SqlResultsArea.h"
#include "StatusTimeline.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"
#include "sql/AsyncQueryJournal.h"

#include <QLocale>
#include <QTimer>

SqlRunController::SqlRunController(Halo::QueryService *queries, SqlResultsArea *results,
                                   QObject *parent)
    : QObject(parent)
    , m_queries(queries)
    , m_runner(new Halo::AsyncQueryRunner(queries, this))
    , m_results(results)
    , m_elapsedTicker(new QTimer(this))
{
    m_elapsedTicker->setInterval(100);
    connect(m_elapsedTicker, &QTimer::timeout, this, [this]() { updateAsyncStatus(); });
    connectRunner();
}

SqlRunController::~SqlRunController()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
    }
}

void SqlRunController::connectRunner()
{
    connect(m_runner, &Halo::AsyncQueryRunner::submitted, this, [this](const QString &queryId) {
        emit asyncSubmitted(queryId, m_lastCommand.text);
        updateAsyncStatus();
    });
    connect(m_runner, &Halo::AsyncQueryRunner::polled, this, [this](const Halo::QueryInfo &info) {
        m_asyncInfo = info;
        m_results->summary()->showInfo(info, !info.isTerminal());
        m_results->setServerRows(info.rows);
        updateAsyncStatus();
    });
    connect(m_runner, &Halo::AsyncQueryRunner::pageReady, this, &SqlRunController::onPage);
    connect(m_runner, &Halo::AsyncQueryRunner::stopped, this, [this]() {
        if (!m_running || m_mode != QLatin1String("async"))
            return;
        updateAsyncStatus(true);
        finishRun(QStringLiteral("stopped"), m_results->model()->totalRowCount());
    });
    connect(m_runner, &Halo::AsyncQueryRunner::finished, this, &SqlRunController::onAsyncEnded);
    connect(m_runner, &Halo::AsyncQueryRunner::failed, this, [this](const Halo::ApiError &error) {
        m_elapsedTicker->stop();
        showFailure(error);
        m_results->setStatus(
            tr("Failed after %1: %2")
                .arg(StatusTimeline::durationText(m_clock.elapsed()), error.title()));
        finishRun(error.queryStatus.isEmpty() ? QStringLiteral("failed") : error.queryStatus,
                  m_results->model()->totalRowCount());
    });
}

void SqlRunController::setJournal(Halo::AsyncQueryJournal *journal)
{
    m_journal = journal;
    m_runner->setJournal(journal);
}

void SqlRunController::setPollIntervals(int firstMs, int maxMs)
{
    m_runner->setPollIntervals(firstMs, maxMs);
}

void SqlRunController::clearResults()
{
    m_results->clear();
    m_pagesFetched = 0;
    m_asyncInfo = Halo::QueryInfo();
}

void SqlRunController::setRunning(bool running)
{
    m_running = running;
    emit runningChanged(running);
}

void SqlRunController::finishRun(const QString &status, qint64 rows)
{
    m_elapsedTicker->stop();
    setRunning(false);
    emit queryFinished(m_lastCommand.text, m_mode, m_lastCommand.executionMode, status, rows,
                       m_clock.elapsed());
}

void SqlRunController::stop()
{
    if (!m_running)
        return;
    if (m_call) {
        m_call->cancel(); // finishes the call as Cancelled; onImmediateAnswer reports it
        return;
    }
    if (m_runner->isRunning()) {
        m_runner->stop(); // reported by the runner's stopped()
        return;
    }
    m_results->setStatus(tr("Stopped."));
    finishRun(QStringLiteral("stopped"), 0);
}

void SqlRunController::runImmediate(const QString &guid, const Halo::QueryCommand &command,
                                    const Halo::SafetyApproval &approval)
{
    clearResults();
    m_lastCommand = command;
    m_mode = QStringLiteral("immediate");
    m_clock.start();
    Halo::ImmediateQueryCall *call = m_queries->runImmediate(guid, command, approval);
    m_call = call;
    setRunning(true);
    m_results->setStatus(tr("Running…"));
    // An answer can be megabytes of base64: the call decodes it on a worker, never on the
    // thread that draws the window.
    connect(call, &Halo::ApiCall::readingAnswer, this, [this, call](qint64 bytes) {
        const QLocale locale;
        m_results->setStatus(
            tr("Ran in %1 ms; decoding %2…")
                .arg(locale.toString(call->elapsedMs()), locale.formattedDataSize(bytes)));
    });
    connect(call, &Halo::ApiCall::finished, this, [this, call]() { onImmediateAnswer(call); });
}

void SqlRunController::onImmediateAnswer(Halo::ImmediateQueryCall *call)
{
    m_call = nullptr;
    // info() holds a failed query's own words too, from an error answer.
    showImmediateResult(call->info(), call->error(), call->result(), call->elapsedMs());
}

void SqlRunController::showImmediateResult(const Halo::QueryInfo &info,
                                           const Halo::ApiError &callError,
                                           const Halo::DecodedResult &decoded, qint64 ms)
{
    Halo::ResultTableModel *model = m_results->model();
    m_results->summary()->showInfo(info);
    if (callError.isError() || info.failure.isError()) {
        const Halo::ApiError error = callError.isError() ? callError : info.failure;
        if (error.kind == Halo::ApiError::Kind::Cancelled) {
            m_results->setStatus(tr("Stopped after %1.").arg(StatusTimeline::durationText(ms)));
            finishRun(QStringLiteral("stopped"), 0);
            return;
        }
        showFailure(error);
        m_results->offerAsync(SqlResultsArea::asyncMayHelp(error));
        m_results->setStatus(
            tr("Failed after %1 ms: %2").arg(QLocale().toString(ms), error.title()));
        finishRun(info.status.isEmpty() ? QStringLiteral("failed") : info.status, 0);
        return;
    }
    if (info.rowsAffected) {
        m_results->setStatus(
            tr("Ran in %1 ms: %Ln row(s) affected.", nullptr, int(*info.rowsAffected))
                .arg(QLocale().toString(ms)));
        finishRun(info.status, 0);
        return;
    }
    m_results->showDecoded(decoded, true);
    m_results->setServerRows(info.rows);
    // The rows part follows the filters: "Ran in 120 ms: 24 of 60,000 rows."
    m_results->setStatusWithRows(
        tr("Ran in %1 ms: %2.").arg(QLocale().toString(ms), QStringLiteral("%1")));
    finishRun(info.status, model->totalRowCount());
}

void SqlRunController::showExternalResult(const Halo::DecodedResult &result, const QString &status)
{
    stop();
    clearResults();
    m_results->showDecoded(result, true);
    m_results->setServerRows(std::nullopt);
    m_results->setStatus(status);
}

void SqlRunController::runAsync(const QString &guid, const Halo::QueryCommand &command,
                                const Halo::SafetyApproval &approval)
{
    clearResults();
    m_lastCommand = command;
    m_mode = QStringLiteral("async");
    m_clock.start();
    setRunning(true);
    m_runner->submit(guid, command, approval);
    m_elapsedTicker->start();
    updateAsyncStatus();
}

void SqlRunController::resumeAsync(const Halo::SiteRecord &site, const QString &queryId)
{
    stop();
    clearResults();
    m_lastCommand = Halo::QueryCommand();
    // The journal kept the SQL: the history then says what the reopened query was.
    if (m_journal) {
        for (const Halo::JournalEntry &entry :
             m_journal->entriesForSite(site.environment, site.guid)) {
            if (entry.queryId == queryId)
                m_lastCommand.text = entry.sql;
        }
    }
    m_mode = QStringLiteral("async");
    m_clock.start();
    m_runner->resume(site.guid, queryId);
    setRunning(true);
    m_elapsedTicker->start();
    updateAsyncStatus();
}

void SqlRunController::onPage(const Halo::ResultPageInfo &page, const Halo::DecodedResult &result,
                              const QList<Halo::OutputParameter> &parameters)
{
    Q_UNUSED(page);
    ++m_pagesFetched;
    m_results->showDecoded(result, m_pagesFetched == 1);
    if (!parameters.isEmpty())
        m_results->summary()->showOutputParameters(parameters);
    m_results->setServerRows(m_asyncInfo.rows);
    updateAsyncStatus();
}

void SqlRunController::onAsyncEnded(const Halo::QueryInfo &info)
{
    m_asyncInfo = info;
    m_results->summary()->showInfo(info);
    if (info.rows)
        m_results->setServerRows(info.rows);
    if (info.failure.isError())
        showFailure(info.failure);
    updateAsyncStatus();
    finishRun(info.status, m_results->model()->totalRowCount());
}

void SqlRunController::updateAsyncStatus(bool stopped)
{
    if (m_mode != QLatin1String("async"))
        return;
    // The states the query went through, from its statusTiming, then where it is now.
    QStringList trail;
    for (const Halo::StateTiming &state : std::as_const(m_asyncInfo.timing))
        trail << state.state;
    if (!m_asyncInfo.status.isEmpty() && (trail.isEmpty() || trail.last() != m_asyncInfo.status))
        trail << m_asyncInfo.status;
    if (trail.isEmpty())
        trail << tr("submitting");
    QString text = trail.join(QStringLiteral(" → "));
    text += tr(" · %1").arg(StatusTimeline::durationText(m_clock.elapsed()));
    const int pages = int(m_asyncInfo.pages.size());
    if (pages > 0 && !m_asyncInfo.rowsAffected)
        text += tr(" · page %1 of %2 fetched").arg(m_pagesFetched).arg(pages);
    if (m_asyncInfo.rowsAffected)
        text += tr(" · %Ln row(s) affected", nullptr, int(*m_asyncInfo.rowsAffected));
    if (stopped)
        text += tr(" · stopped here; the query carries on at Halo");
    // With rows in the grid, how many it shows (following the filters).
    if (m_pagesFetched > 0 && !m_asyncInfo.rowsAffected)
        m_results->setStatusWithRows(text + tr(" · %1"));
    else
        m_results->setStatus(text);
}

void SqlRunController::showFailure(const Halo::ApiError &error)
{
    m_results->showFailure(error, m_mode == QLatin1String("immediate"));
}
