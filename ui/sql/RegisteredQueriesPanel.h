// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include "RegisteredQueryForm.h"
#include "results/ResultDecoder.h"
#include "sites/SiteRecord.h"
#include "sql/QueryTypes.h"

class QPushButton;
class QTableView;
class CallProgress;
class ProblemLabel;
class RegisteredQueryDetails;

namespace Halo {
class ApiCall;
class CreateRegisteredCall;
class HaloApiClient;
class QueryService;
class RegisteredListCall;
class RegisteredQueryCall;
class RegisteredQueryListModel;
class RegisteredResultsCall;
struct SafetyApproval;
enum class Asked;
} // namespace Halo

// A site's registered queries: the list with status and metrics, the details of the selected
// one with its last error in plain words (RegisteredQueryDetails), its latest results (shown by
// the SQL tab's grid), cancelling it, and a form to create one (RegisteredQueryForm). The panel
// sends the calls; problems are shown in place.
class RegisteredQueriesPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMinFrequencySeconds = RegisteredQueryForm::kMinFrequencySeconds;
    static constexpr int kMaxDurationSeconds = RegisteredQueryForm::kMaxDurationSeconds;

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

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildList();
    // Lists the site's registered queries; ByView when the panel lists itself on being shown.
    void list(Halo::Asked asked);

    void onListed(Halo::RegisteredListCall *call);
    void onCreated(Halo::CreateRegisteredCall *call, const QString &name);
    void onDetails(Halo::RegisteredQueryCall *call);
    void onResults(Halo::RegisteredResultsCall *call);
    void onCancelled(Halo::ApiCall *call, const QString &queryId, const QString &name);
    void onSelectionChanged();
    void sendCreate(const Halo::QueryCommand &command, const QString &name,
                    const Halo::SafetyApproval &approval);
    void sendCancel(const QString &queryId, const QString &name);
    void updateButtons();
    QString selectedId() const;
    void selectQuery(const QString &queryId);
    void track(Halo::ApiCall *call, const QString &activity);
    void dropCalls();
    bool m_listWanted = false; // the site changed since its list was last read

    Halo::HaloApiClient *m_client;
    Halo::QueryService *m_queries; // creating: under the SafetyPolicy
    Halo::RegisteredQueryListModel *m_model;
    Halo::SiteRecord m_site;
    QString m_selectAfterListing;
    bool m_listAgain = false;
    QPointer<Halo::ApiCall> m_listCall;
    QPointer<Halo::ApiCall> m_detailsCall;
    QPointer<Halo::ApiCall> m_actionCall;

    ProblemLabel *m_problem = nullptr;
    CallProgress *m_progress = nullptr;
    RegisteredQueryDetails *m_details = nullptr;
    RegisteredQueryForm *m_form = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
};
