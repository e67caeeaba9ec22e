#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <functional>

#include "sites/SiteRecord.h"
#include "sql/QueryTypes.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;
class ExportRunner;
class ParametersTable;
class ProblemLabel;
class ProductionMarker;
class QueryOptionsBar;
class ResultGrid;
class ResultSummary;
class SqlEditor;

namespace Halo {
class ApiCall;
class AsyncQueryJournal;
class AsyncQueryRunner;
class HaloApiClient;
class ImmediateQueryCall;
class ResultTableModel;
struct ApiError;
struct DecodedResult;
struct ResultPageInfo;
struct SiteInfo;
} // namespace Halo

// The SQL tab: an editor, how to run (mode, type, catalogue, queue time, immediate or async),
// parameters, and the results with their summary. It forwards to HaloApiClient and
// AsyncQueryRunner and shows what comes back; before anything is sent, WriteGuard decides
// whether the environment's read-only switch blocks it or Production asks for confirmation.
class SqlTab : public QWidget
{
    Q_OBJECT
public:
    // Asked before a write goes to Production; returns true to send. Defaults to a message box.
    using Confirmer = std::function<bool(const QString &question)>;

    explicit SqlTab(Halo::HaloApiClient *client, QWidget *parent = nullptr);
    ~SqlTab() override;

    // `live` may be null when the site's status is not known: catalogues are then typed.
    void setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live);
    void setSqlText(const QString &sql);
    QString sqlText() const;
    void setConfirmer(Confirmer confirmer);
    // Where async query ids are noted so they can be resumed later (optional).
    void setJournal(Halo::AsyncQueryJournal *journal);
    void setPollIntervals(int firstMs, int maxMs);

    void runAll();       // Ctrl+Enter
    void runSelection(); // Ctrl+Shift+Enter: the selection, or everything when none
    void runAsync();     // the editor's text as an async query, whatever the Async box says
    void resumeAsync(const QString &queryId); // picks up an async query submitted earlier
    void stop(); // stops waiting, polling and fetching; an async query carries on
    bool isRunning() const { return m_running; }

    // Writes the results shown to `path` (CSV or JSON by extension) on a worker thread, with a
    // progress dialog. Returns false with the reason in place when it could not start.
    bool exportResults(const QString &path);
    // Results that did not come from running the editor's text (a registered query's latest
    // run): shown in the same grid and summary.
    void showExternalResult(const Halo::DecodedResult &result, const QString &status);

signals:
    // Every run that ended, for the history. mode: immediate | async; status: the query's
    // status (successful, executionFailed, …), or stopped, or failed when no query came back.
    void queryFinished(const QString &sql, const QString &mode, const QString &executionMode,
                       const QString &status, qint64 rows, qint64 durationMs);
    void asyncSubmitted(const QString &queryId, const QString &sql);
    void sqlTextChanged();
    // An export ended; `error` is empty when the file was written.
    void exportFinished(const QString &path, const QString &error);

private:
    void buildLayout();
    void connectRunner();
    void refreshEnvironment();
    Halo::QueryCommand commandFor(const QString &sql) const;
    bool passesSafety(const Halo::QueryCommand &command);
    void run(const QString &sql, bool forceAsync);
    void startImmediate(const Halo::QueryCommand &command);
    void onImmediateAnswer(Halo::ImmediateQueryCall *call);
    void showDecoded(const Halo::DecodedResult &result, bool firstPage);
    void showImmediateResult(const Halo::QueryInfo &info, const Halo::ApiError &callError,
                             const Halo::DecodedResult &decoded, qint64 ms);
    void startAsync(const Halo::QueryCommand &command);
    void onPage(const Halo::ResultPageInfo &page, const Halo::DecodedResult &result,
                const QList<Halo::OutputParameter> &parameters);
    void onAsyncEnded(const Halo::QueryInfo &info);
    void showFailure(const Halo::ApiError &error);
    void clearResults();
    void setRunning(bool running);
    void setStatus(const QString &text);
    void updateAsyncStatus(bool stopped = false);
    void finishRun(const QString &status, qint64 rows);
    void chooseExportFile();
    QString practiceName() const;

    Halo::HaloApiClient *m_client;
    Halo::AsyncQueryRunner *m_runner;
    Halo::AsyncQueryJournal *m_journal = nullptr; // where a reopened query's SQL is found
    Halo::ResultTableModel *m_model;
    Confirmer m_confirmer;

    SqlEditor *m_editor;
    ParametersTable *m_parameters;
    QToolButton *m_parametersToggle;
    QueryOptionsBar *m_options;
    QPushButton *m_run;
    QPushButton *m_runSelection;
    ProductionMarker *m_production;
    QCheckBox *m_readOnly;
    QLabel *m_status;
    QPushButton *m_stop;
    QPushButton *m_runAsAsync;
    ProblemLabel *m_problem;
    QLineEdit *m_filter;
    QLabel *m_filtering = nullptr; // "Filtering…" while a large result is filtered
    ResultGrid *m_grid;
    QPushButton *m_export;
    ResultSummary *m_summary;
    QTimer *m_elapsedTicker;
    ExportRunner *m_exporter;

    Halo::SiteRecord m_record;
    QString m_livePracticeName;
    QPointer<Halo::ApiCall> m_call;
    Halo::QueryCommand m_lastCommand;
    QString m_mode; // immediate | async, of the run in progress or last
    QElapsedTimer m_clock;
    bool m_running = false;
    int m_pagesFetched = 0;
    Halo::QueryInfo m_asyncInfo;
};
