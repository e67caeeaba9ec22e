#pragma once

#include <QPointer>
#include <QWidget>

#include "results/ResultDecoder.h"
#include "sites/SiteRecord.h"
#include "sql/QueryTypes.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class CallProgress;
class ProblemLabel;
class ProductionMarker;

namespace Halo {
class ApiCall;
class CreateRegisteredCall;
class HaloApiClient;
class RegisteredListCall;
class RegisteredQueryCall;
class RegisteredQueryListModel;
class RegisteredResultsCall;
} // namespace Halo

// A site's registered queries: the list with status and metrics, the details of the selected
// one with its last error in plain words, its latest results (shown by the SQL tab's grid),
// cancelling it, and a form to create one. Problems are shown in place.
class RegisteredQueriesPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMinFrequencySeconds = 60;
    static constexpr int kMaxDurationSeconds = 24 * 3600;

    explicit RegisteredQueriesPanel(Halo::HaloApiClient *client, QWidget *parent = nullptr);
    ~RegisteredQueriesPanel() override;

    // Forgets the previous site and lists this one's registered queries.
    void setSite(const Halo::SiteRecord &site);
    const Halo::SiteRecord &site() const { return m_site; }
    // The SQL for the create form (the tab passes its editor's text).
    void setCommandText(const QString &sql);
    Halo::RegisteredQueryListModel *model() const { return m_model; }

    void refresh();
    void createQuery();       // checks the form in place first; nothing is sent if it fails
    void showLatestResults(); // of the selected query
    void cancelSelected();    // asks first

signals:
    void listed(int count);
    void created(const QString &queryId);
    void detailsShown(const Halo::RegisteredQueryInfo &query);
    // The selected query's latest successful run, decoded; the tab shows it in its grid.
    void resultsReady(const Halo::DecodedResult &result);
    void cancelled(const QString &queryId);

private:
    QWidget *buildList();
    QGroupBox *buildDetails();
    QGroupBox *buildForm();
    QLabel *addDetail(QWidget *parent, const QString &accessibleName);

    void onListed(Halo::RegisteredListCall *call);
    void onCreated(Halo::CreateRegisteredCall *call, const QString &name);
    void onDetails(Halo::RegisteredQueryCall *call);
    void onResults(Halo::RegisteredResultsCall *call);
    void onCancelled(Halo::ApiCall *call, const QString &queryId, const QString &name);
    void onSelectionChanged();
    void sendCreate(const Halo::QueryCommand &command, const QString &name);
    void sendCancel(const QString &queryId, const QString &name);
    void showDetails(const Halo::RegisteredQueryInfo &query);
    void clearDetails();
    void updateButtons();
    void updateSpanHints();
    QString selectedId() const;
    Halo::QueryCommand formCommand() const;
    QString formProblem() const; // what is wrong with the form; empty when it can be sent
    void selectQuery(const QString &queryId);
    void track(Halo::ApiCall *call, const QString &activity);
    void dropCalls();

    Halo::HaloApiClient *m_client;
    Halo::RegisteredQueryListModel *m_model;
    Halo::SiteRecord m_site;
    QString m_selectAfterListing;
    bool m_listAgain = false;
    QPointer<Halo::ApiCall> m_listCall;
    QPointer<Halo::ApiCall> m_detailsCall;
    QPointer<Halo::ApiCall> m_actionCall;

    ProblemLabel *m_problem = nullptr;
    CallProgress *m_progress = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_refresh = nullptr;

    QGroupBox *m_details = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_schedule = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_lastSucceeded = nullptr;
    QLabel *m_lastFailed = nullptr;
    QLabel *m_lastDuration = nullptr;
    QLabel *m_runs = nullptr;
    QLabel *m_resultSize = nullptr;
    QLabel *m_lastError = nullptr;
    QPushButton *m_results = nullptr;
    QLabel *m_resultCount = nullptr;
    QPushButton *m_cancel = nullptr;
    ProductionMarker *m_cancelMarker = nullptr;

    QLineEdit *m_formName = nullptr;
    QSpinBox *m_frequency = nullptr;
    QLabel *m_frequencyHint = nullptr;
    QSpinBox *m_duration = nullptr;
    QLabel *m_durationHint = nullptr;
    QComboBox *m_executionMode = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QPushButton *m_create = nullptr;
    ProductionMarker *m_createMarker = nullptr;
    ProblemLabel *m_formProblem = nullptr;
};
