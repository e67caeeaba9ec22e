// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegisteredQueriesPanel.h"

#include "RegisteredQueryDetails.h"
#include "api/HaloApiClient.h"
#include "api/RegisteredCalls.h"
#include "net/ApiCall.h"
#include "services/QueryService.h"
#include "sql/RegisteredQueryListModel.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace {

using Model = Halo::RegisteredQueryListModel;

} // namespace

RegisteredQueriesPanel::RegisteredQueriesPanel(Halo::HaloApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_queries(new Halo::QueryService(client, this))
    , m_model(new Model(this))
{
    setAccessibleName(tr("Registered queries panel"));
    m_problem = new ProblemLabel(tr("Registered query problem"), this);
    m_progress = new CallProgress(this);
    m_progress->cancelButton()->setAccessibleName(tr("Cancel registered query request"));

    const Halo::Endpoint destination = m_client->endpoint();
    m_details = new RegisteredQueryDetails(destination, this);
    m_form = new RegisteredQueryForm(destination, this);
    connect(m_details, &RegisteredQueryDetails::latestResultsRequested, this,
            &RegisteredQueriesPanel::showLatestResults);
    connect(m_details, &RegisteredQueryDetails::cancelRequested, this,
            &RegisteredQueriesPanel::cancelSelected);
    connect(m_form, &RegisteredQueryForm::createRequested, this,
            &RegisteredQueriesPanel::createQuery);

    // The details, then the form, scrolled as one: the panel sits at the side of the SQL tab
    // and is narrow, so they go one above the other instead of widening the window.
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_details);
    lowerLayout->addWidget(m_form);
    lowerLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("registeredQueryDetailsScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(lower);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildList(), 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_problem);
    layout->addWidget(scroll, 3);

    m_details->clear();
    updateButtons();
}

RegisteredQueriesPanel::~RegisteredQueriesPanel()
{
    dropCalls();
}

QWidget *RegisteredQueriesPanel::buildList()
{
    auto *box = new QWidget(this);
    m_table = new QTableView(box);
    m_table->setAccessibleName(tr("Registered queries"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the buttons
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegisteredQueriesPanel::onSelectionChanged);

    m_refresh = new QPushButton(tr("Refresh"), box);
    m_refresh->setAccessibleName(tr("Refresh registered queries"));
    connect(m_refresh, &QPushButton::clicked, this, [this]() {
        m_problem->clearProblem();
        refresh();
    });

    auto *title = new QLabel(tr("Registered queries run on the practice's server on a schedule; "
                                "Halo keeps the latest result."),
                             box);
    title->setWordWrap(true);
    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    return box;
}

void RegisteredQueriesPanel::setSite(const Halo::SiteRecord &site)
{
    dropCalls();
    m_site = site;
    m_selectAfterListing.clear();
    m_listAgain = false;
    m_model->clear();
    m_problem->clearProblem();
    m_form->problemLabel()->clearProblem();
    m_details->clearResultCount();
    // Where requests go decides, not the name the site was saved under.
    const bool production = Halo::isProduction(m_client->endpoint());
    m_details->setProductionMarked(production);
    m_form->setProductionMarked(production);
    m_details->clear();
    updateButtons();
    // Read when the panel is shown, not before: choosing a site asks nothing for a panel that
    // nobody is looking at.
    m_listWanted = true;
    if (isVisible())
        list(Halo::Asked::ByView);
}

void RegisteredQueriesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_listWanted)
        list(Halo::Asked::ByView);
}

void RegisteredQueriesPanel::setCommandText(const QString &sql)
{
    m_form->setCommandText(sql);
}

void RegisteredQueriesPanel::refresh()
{
    list(Halo::Asked::ByUser);
}

void RegisteredQueriesPanel::list(Halo::Asked asked)
{
    if (m_site.guid.isEmpty())
        return;
    m_listWanted = false;
    if (m_listCall) {
        m_listAgain = true; // the answer on its way may predate what was just changed
        return;
    }
    if (m_selectAfterListing.isEmpty())
        m_selectAfterListing = selectedId();
    Halo::RegisteredListCall *call = m_client->listRegistered(m_site.guid, asked);
    m_listCall = call;
    track(call, tr("Listing registered queries…"));
    connect(call, &Halo::ApiCall::finished, this, [this, call]() { onListed(call); });
    updateButtons();
}

void RegisteredQueriesPanel::onListed(Halo::RegisteredListCall *call)
{
    m_listCall = nullptr;
    if (std::exchange(m_listAgain, false)) {
        refresh();
        return;
    }
    const QString select = std::exchange(m_selectAfterListing, QString());
    if (!call->ok()) {
        m_problem->showError(call->error());
        updateButtons();
        return;
    }
    const QList<Halo::RegisteredQueryInfo> queries = call->queries();
    m_model->setQueries(queries);
    if (queries.isEmpty())
        m_details->clear();
    selectQuery(select);
    updateButtons();
    emit listed(int(queries.size()));
}

void RegisteredQueriesPanel::selectQuery(const QString &queryId)
{
    const int row = queryId.isEmpty() ? -1 : m_model->rowOf(queryId);
    if (row < 0) {
        m_details->clear();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, 0));
}

QString RegisteredQueriesPanel::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(Model::QueryIdRole).toString() : QString();
}

void RegisteredQueriesPanel::onSelectionChanged()
{
    m_details->clearResultCount();
    if (m_detailsCall) {
        disconnect(m_detailsCall, nullptr, this, nullptr);
        m_detailsCall->cancel();
        m_detailsCall = nullptr;
    }
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_details->clear();
        updateButtons();
        return;
    }
    // What the list says at once; the query's own answer follows.
    m_details->showQuery(m_model->query(m_model->rowOf(id)));
    Halo::RegisteredQueryCall *call = m_client->registeredQuery(m_site.guid, id);
    m_detailsCall = call;
    connect(call, &Halo::ApiCall::finished, this, [this, call]() { onDetails(call); });
    updateButtons();
}

void RegisteredQueriesPanel::onDetails(Halo::RegisteredQueryCall *call)
{
    m_detailsCall = nullptr;
    if (!call->ok()) {
        m_problem->showError(call->error());
        return;
    }
    const Halo::RegisteredQueryInfo query = call->query();
    m_model->updateQuery(query);
    if (query.id.compare(selectedId(), Qt::CaseInsensitive) == 0)
        m_details->showQuery(query);
    updateButtons();
    emit detailsShown(query);
}

void RegisteredQueriesPanel::updateButtons()
{
    const QString id = selectedId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    const bool busy = !m_actionCall.isNull();
    const bool hasSite = !m_site.guid.isEmpty();
    m_refresh->setEnabled(hasSite && !m_listCall);
    m_details->setActionsEnabled(row >= 0 && !busy,
                                 row >= 0 && !busy &&
                                     m_model->query(row).status == QLatin1String("enabled"));
    m_form->setCreateEnabled(hasSite && !busy);
}

void RegisteredQueriesPanel::createQuery()
{
    if (m_site.guid.isEmpty() || m_actionCall)
        return;
    ProblemLabel *formProblem = m_form->problemLabel();
    formProblem->clearProblem();
    const QString problem = m_form->problem();
    if (!problem.isEmpty()) {
        formProblem->showProblem(tr("The registered query was not sent"), problem);
        return;
    }
    const Halo::QueryCommand command = m_form->command();
    const QString name = m_form->name();
    const Halo::SafetyDecision decision = m_queries->check(
        command,
        m_site.recorded.practiceName.isEmpty() ? m_site.guid : m_site.recorded.practiceName);
    if (decision.verdict == Halo::SafetyDecision::Verdict::Blocked) {
        formProblem->showProblem(tr("The registered query was not sent"), decision.text);
        return;
    }
    if (decision.verdict == Halo::SafetyDecision::Verdict::Allowed) {
        sendCreate(command, name, Halo::SafetyApproval{});
        return;
    }
    // A write that repeats on a live practice: asked about every time, never remembered.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Create registered query"), decision.text,
                                QMessageBox::NoButton, this);
    box->setAccessibleName(tr("Confirm create registered query"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Create on Production"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(tr("Do not create"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::finished, this, [this, box, yes, command, name]() {
        if (box->clickedButton() == yes)
            sendCreate(command, name, Halo::SafetyApproval{true});
    });
    box->open();
}

void RegisteredQueriesPanel::sendCreate(const Halo::QueryCommand &command, const QString &name,
                                        const Halo::SafetyApproval &approval)
{
    if (m_site.guid.isEmpty() || m_actionCall)
        return;
    Halo::CreateRegisteredCall *call =
        m_queries->createRegistered(m_site.guid, name, m_form->frequencySeconds(),
                                    m_form->durationSeconds(), command, approval);
    m_actionCall = call;
    track(call, tr("Creating registered query “%1”…").arg(name));
    connect(call, &Halo::ApiCall::finished, this, [this, call, name]() { onCreated(call, name); });
    updateButtons();
}

void RegisteredQueriesPanel::onCreated(Halo::CreateRegisteredCall *call, const QString &name)
{
    m_actionCall = nullptr;
    updateButtons();
    if (!call->ok()) {
        m_form->problemLabel()->showError(call->error());
        return;
    }
    const QString id = call->id();
    m_form->problemLabel()->showNote(tr("Registered query “%1” created: it runs %2 for %3.")
                                         .arg(name,
                                              Model::frequencyText(m_form->frequencySeconds()),
                                              Model::spanText(m_form->durationSeconds())));
    m_selectAfterListing = id;
    refresh();
    emit created(id);
}

void RegisteredQueriesPanel::showLatestResults()
{
    const QString id = selectedId();
    if (id.isEmpty() || m_actionCall)
        return;
    m_problem->clearProblem();
    m_details->clearResultCount();
    // The call decodes the rows on a worker: a large result never stalls the window.
    Halo::RegisteredResultsCall *call = m_client->registeredResults(m_site.guid, id);
    m_actionCall = call;
    track(call, tr("Fetching the latest results…"));
    connect(call, &Halo::ApiCall::finished, this, [this, call]() { onResults(call); });
    updateButtons();
}

void RegisteredQueriesPanel::onResults(Halo::RegisteredResultsCall *call)
{
    m_actionCall = nullptr;
    updateButtons();
    if (!call->ok()) {
        m_problem->showError(call->error());
        return;
    }
    const Halo::DecodedResult result = call->result();
    m_details->showResultCount(call->data().rows.value_or(result.table.rowCount()));
    if (!result.note.isEmpty())
        m_problem->showNote(result.note);
    emit resultsReady(result);
}

void RegisteredQueriesPanel::cancelSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || m_actionCall)
        return;
    const QString name = m_model->query(m_model->rowOf(id)).name;
    QString text = tr("Cancel the registered query “%1”? Halo stops running it and it cannot be "
                      "started again; create a new one to run it again.")
                       .arg(name);
    if (Halo::isProduction(m_client->endpoint()))
        text += QLatin1Char(' ') + tr("This is Production.");
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel registered query"), text,
                                QMessageBox::NoButton, this);
    box->setAccessibleName(tr("Confirm cancel registered query"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Cancel registered query"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(tr("Keep running"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::finished, this, [this, box, yes, id, name]() {
        if (box->clickedButton() == yes)
            sendCancel(id, name);
    });
    box->open();
}

void RegisteredQueriesPanel::sendCancel(const QString &queryId, const QString &name)
{
    if (m_actionCall || m_model->rowOf(queryId) < 0)
        return;
    m_problem->clearProblem();
    m_actionCall = m_client->cancelRegistered(m_site.guid, queryId);
    track(m_actionCall, tr("Cancelling registered query “%1”…").arg(name));
    connect(
        m_actionCall, &Halo::ApiCall::finished, this,
        [this, call = m_actionCall.data(), queryId, name]() { onCancelled(call, queryId, name); });
    updateButtons();
}

void RegisteredQueriesPanel::onCancelled(Halo::ApiCall *call, const QString &queryId,
                                         const QString &name)
{
    m_actionCall = nullptr;
    updateButtons();
    if (!call->ok()) {
        m_problem->showError(call->error());
        return;
    }
    m_problem->showNote(tr("Registered query “%1” cancelled.").arg(name));
    m_selectAfterListing = queryId;
    refresh();
    emit cancelled(queryId);
}

void RegisteredQueriesPanel::track(Halo::ApiCall *call, const QString &activity)
{
    m_progress->track(call, activity);
}

void RegisteredQueriesPanel::dropCalls()
{
    for (QPointer<Halo::ApiCall> *call : {&m_listCall, &m_detailsCall, &m_actionCall}) {
        if (!*call)
            continue;
        disconnect(*call, nullptr, this, nullptr);
        (*call)->cancel();
        *call = nullptr;
    }
}
