// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>
#include <optional>

#include "schema/SchemaDialect.h"
#include "schema/SchemaSnapshot.h"
#include "sites/SiteRecord.h"
#include "snippets/CodeSnippet.h"
#include "sql/QueryTypes.h"

class QCheckBox;
class QPushButton;
class QToolButton;
class CopyAsButton;
class ParametersTable;
class PatientLinkActions;
class ProductionMarker;
class QueryOptionsBar;
class SqlEditor;
class SqlResultsArea;
class SqlRunController;

namespace Halo {
class AsyncQueryJournal;
class HaloApiClient;
class QueryService;
struct DecodedResult;
struct SafetyApproval;
struct SiteInfo;
} // namespace Halo

// The SQL tab: an editor, how to run (mode, type, catalogue, queue time, immediate or async),
// parameters, and the results with their summary. Before anything is sent, the SafetyPolicy
// decides whether the read-only switch blocks it or a Production destination asks for
// confirmation; a SqlRunController then runs it and shows what comes back in the SqlResultsArea.
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
    // A name from the schema panel, at the editor's cursor.
    void insertAtCursor(const QString &text);
    // What the editor completes from: the schema of the site's catalogue.
    void setCompletionSchema(const Halo::SchemaSnapshot &schema,
                             Halo::SchemaDialect::Engine engine);
    QString currentCatalogue() const; // empty: the site's default
    void setConfirmer(Confirmer confirmer);
    // Where async query ids are noted so they can be resumed later (optional).
    void setJournal(Halo::AsyncQueryJournal *journal);
    void setPollIntervals(int firstMs, int maxMs);
    // Privacy mode: patient-data columns hidden in the results; copy and export ask first.
    void setPrivacy(bool on);

    void runAll();       // Ctrl+Enter
    void runSelection(); // Ctrl+Shift+Enter: the selection, or everything when none
    // Copies the request Run would send, as code in `language` (never the key).
    void copyAs(Halo::SnippetLanguage language);
    void runAsync(); // the editor's text as an async query, whatever the Async box says
    void resumeAsync(const QString &queryId); // picks up an async query submitted earlier
    void stop(); // stops waiting, polling and fetching; an async query carries on
    bool isRunning() const;

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
    void catalogueChanged(const QString &catalogue); // chosen in the options; empty: default
    // "Open FHIR Patient" on a result cell that holds a patient's id (Best Practice).
    void openFhirPatientRequested(const QString &fhirId);
    // An export ended; `error` is empty when the file was written.
    void exportFinished(const QString &path, const QString &error);

private:
    void buildLayout();
    void refreshEnvironment();
    Halo::QueryCommand commandFor(const QString &sql) const;
    // The approval to send with, after asking when the policy says so; nullopt: not sent.
    std::optional<Halo::SafetyApproval> approve(const Halo::QueryCommand &command);
    void run(const QString &sql, bool forceAsync);
    void runAgainAsAsync();
    void setRunning(bool running);
    QString practiceName() const;

    Halo::HaloApiClient *m_client;
    Halo::QueryService *m_queries;
    Confirmer m_confirmer;

    SqlEditor *m_editor;
    ParametersTable *m_parameters;
    QToolButton *m_parametersToggle;
    QueryOptionsBar *m_options;
    QPushButton *m_run;
    QPushButton *m_runSelection;
    CopyAsButton *m_copyAs;
    ProductionMarker *m_production;
    QCheckBox *m_readOnly;
    SqlResultsArea *m_results;
    SqlRunController *m_runs;
    PatientLinkActions *m_patientLinks;

    Halo::SiteRecord m_record;
    QString m_livePracticeName;
};
