#include "RegisteredQueriesPanel.h"

#include "api/HaloApiClient.h"
#include "api/RegisteredCalls.h"
#include "net/ApiCall.h"
#include "sql/RegisteredQueryListModel.h"
#include "sql/WriteGuard.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace {

using Model = Halo::RegisteredQueryListModel;

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : RegisteredQueriesPanel::tr("Never");
}

Halo::Environment environmentOf(const Halo::SiteRecord &site)
{
    return Halo::environmentFromId(site.environment).value_or(Halo::Environment::Sandbox);
}

// The last error as a person reads it: what happened, what it means, the database's own words.
QString lastErrorWords(const Halo::RegisteredQueryInfo &query)
{
    if (!query.lastError.isError())
        return RegisteredQueriesPanel::tr("None");
    const Halo::ApiError &error = query.lastError;
    QString text = error.title() + QLatin1String(". ") + error.explanation();
    if (!error.serverMessage.isEmpty())
        text += QLatin1Char(' ') +
                RegisteredQueriesPanel::tr("The site said: “%1”").arg(error.serverMessage);
    const QString next = error.nextStep();
    if (!next.isEmpty())
        text += QLatin1Char(' ') + next;
    return text;
}

// A form label for a row that holds a layout, tied to its field: QFormLayout gives those no buddy.
// No mnemonics here: Alt+letter belongs to the main window's menus.
QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setBuddy(buddy);
    return label;
}

} // namespace

RegisteredQueriesPanel::RegisteredQueriesPanel(Halo::HaloApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new Model(this))
{
    setAccessibleName(tr("Registered queries panel"));
    m_problem = new ProblemLabel(tr("Registered query problem"), this);
    m_progress = new CallProgress(this);
    m_progress->cancelButton()->setAccessibleName(tr("Cancel registered query request"));

    auto *lower = new QHBoxLayout;
    lower->addWidget(buildDetails(), 1);
    lower->addWidget(buildForm(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildList(), 2);
    layout->addWidget(m_progress);
    layout->addWidget(m_problem);
    layout->addLayout(lower, 3);

    clearDetails();
    updateSpanHints();
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

QLabel *RegisteredQueriesPanel::addDetail(QWidget *parent, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QGroupBox *RegisteredQueriesPanel::buildDetails()
{
    m_details = new QGroupBox(tr("Details"), this);
    m_details->setAccessibleName(tr("Registered query details"));
    m_name = addDetail(m_details, tr("Selected registered query"));
    m_status = addDetail(m_details, tr("Registered query status"));
    m_schedule = addDetail(m_details, tr("Registered query schedule"));
    m_created = addDetail(m_details, tr("Registered query created"));
    m_completed = addDetail(m_details, tr("Registered query ended"));
    m_lastSucceeded = addDetail(m_details, tr("Last successful run"));
    m_lastFailed = addDetail(m_details, tr("Last failed run"));
    m_lastDuration = addDetail(m_details, tr("Last execution time"));
    m_runs = addDetail(m_details, tr("Runs"));
    m_resultSize = addDetail(m_details, tr("Total result size"));
    m_lastError = addDetail(m_details, tr("Last error"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Schedule:"), m_schedule);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Ended:"), m_completed);
    form->addRow(tr("Last success:"), m_lastSucceeded);
    form->addRow(tr("Last failure:"), m_lastFailed);
    form->addRow(tr("Last execution:"), m_lastDuration);
    form->addRow(tr("Runs:"), m_runs);
    form->addRow(tr("Result size:"), m_resultSize);
    form->addRow(tr("Last error:"), m_lastError);

    m_results = new QPushButton(tr("Latest results"), m_details);
    m_results->setAccessibleName(tr("Latest results"));
    m_results->setToolTip(tr("Shows the result of the latest successful run in the grid."));
    connect(m_results, &QPushButton::clicked, this, &RegisteredQueriesPanel::showLatestResults);
    m_resultCount = addDetail(m_details, tr("Latest results count"));
    m_cancel = new QPushButton(tr("Cancel registered query"), m_details);
    m_cancel->setAccessibleName(tr("Cancel registered query"));
    connect(m_cancel, &QPushButton::clicked, this, &RegisteredQueriesPanel::cancelSelected);
    m_cancelMarker = new ProductionMarker(m_client->endpoint().environment, m_details);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_results);
    buttons->addWidget(m_resultCount, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_cancelMarker);
    auto *layout = new QVBoxLayout(m_details);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return m_details;
}

QGroupBox *RegisteredQueriesPanel::buildForm()
{
    auto *group = new QGroupBox(tr("New registered query"), this);
    group->setAccessibleName(tr("New registered query"));
    m_formName = new QLineEdit(group);
    m_formName->setAccessibleName(tr("Registered query name"));
    m_formName->setPlaceholderText(tr("e.g. Today's appointments"));

    m_frequency = new QSpinBox(group);
    m_frequency->setAccessibleName(tr("Frequency in seconds"));
    // Below the minimum is accepted here so that the form can say what is wrong in words.
    m_frequency->setRange(1, kMaxDurationSeconds);
    m_frequency->setValue(300);
    m_frequency->setSuffix(tr(" s"));
    m_frequencyHint = new QLabel(group);
    m_frequencyHint->setAccessibleName(tr("Frequency in hours and minutes"));

    m_duration = new QSpinBox(group);
    m_duration->setAccessibleName(tr("Duration in seconds"));
    m_duration->setRange(1, 7 * kMaxDurationSeconds);
    m_duration->setSingleStep(900);
    m_duration->setValue(3600);
    m_duration->setSuffix(tr(" s"));
    m_durationHint = new QLabel(group);
    m_durationHint->setAccessibleName(tr("Duration in hours and minutes"));

    m_executionMode = new QComboBox(group);
    m_executionMode->setAccessibleName(tr("Registered query execution mode"));
    m_executionMode->addItem(tr("Reader (rows)"), QStringLiteral("reader"));
    m_executionMode->addItem(tr("Scalar (one value)"), QStringLiteral("scalar"));
    m_executionMode->addItem(tr("Non-query (rows affected)"), QStringLiteral("nonQuery"));

    m_sql = new QPlainTextEdit(group);
    m_sql->setAccessibleName(tr("Registered query SQL"));
    m_sql->setTabChangesFocus(true);
    m_sql->setPlaceholderText(tr("The SQL to run on each occasion"));
    m_sql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_create = new QPushButton(tr("Create registered query"), group);
    m_create->setAccessibleName(tr("Create registered query"));
    m_createMarker = new ProductionMarker(m_client->endpoint().environment, group);
    m_formProblem = new ProblemLabel(tr("Create registered query problem"), group);

    connect(m_frequency, &QSpinBox::valueChanged, this, &RegisteredQueriesPanel::updateSpanHints);
    connect(m_duration, &QSpinBox::valueChanged, this, &RegisteredQueriesPanel::updateSpanHints);
    connect(m_create, &QPushButton::clicked, this, &RegisteredQueriesPanel::createQuery);

    auto *frequency = new QHBoxLayout;
    frequency->addWidget(m_frequency);
    frequency->addWidget(m_frequencyHint, 1);
    auto *duration = new QHBoxLayout;
    duration->addWidget(m_duration);
    duration->addWidget(m_durationHint, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_formName);
    form->addRow(buddyLabel(tr("Frequency:"), m_frequency), frequency);
    form->addRow(buddyLabel(tr("Duration:"), m_duration), duration);
    form->addRow(tr("Mode:"), m_executionMode);
    form->addRow(tr("SQL:"), m_sql);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_createMarker);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(group);
    layout->addLayout(form);
    layout->addWidget(m_formProblem);
    layout->addLayout(buttons);
    return group;
}

void RegisteredQueriesPanel::setSite(const Halo::SiteRecord &site)
{
    dropCalls();
    m_site = site;
    m_selectAfterListing.clear();
    m_listAgain = false;
    m_model->clear();
    m_problem->clearProblem();
    m_formProblem->clearProblem();
    m_resultCount->clear();
    const bool production = Halo::isProduction(environmentOf(site));
    m_cancelMarker->setVisible(production);
    m_createMarker->setVisible(production);
    clearDetails();
    updateButtons();
    refresh();
}

void RegisteredQueriesPanel::setCommandText(const QString &sql)
{
    m_sql->setPlainText(sql);
}

void RegisteredQueriesPanel::refresh()
{
    if (m_site.guid.isEmpty())
        return;
    if (m_listCall) {
        m_listAgain = true; // the answer on its way may predate what was just changed
        return;
    }
    if (m_selectAfterListing.isEmpty())
        m_selectAfterListing = selectedId();
    Halo::RegisteredListCall *call = m_client->listRegistered(m_site.guid);
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
        clearDetails();
    selectQuery(select);
    updateButtons();
    emit listed(int(queries.size()));
}

void RegisteredQueriesPanel::selectQuery(const QString &queryId)
{
    const int row = queryId.isEmpty() ? -1 : m_model->rowOf(queryId);
    if (row < 0) {
        clearDetails();
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
    m_resultCount->clear();
    if (m_detailsCall) {
        disconnect(m_detailsCall, nullptr, this, nullptr);
        m_detailsCall->cancel();
        m_detailsCall = nullptr;
    }
    const QString id = selectedId();
    if (id.isEmpty()) {
        clearDetails();
        updateButtons();
        return;
    }
    // What the list says at once; the query's own answer follows.
    showDetails(m_model->query(m_model->rowOf(id)));
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
        showDetails(query);
    updateButtons();
    emit detailsShown(query);
}

void RegisteredQueriesPanel::showDetails(const Halo::RegisteredQueryInfo &query)
{
    m_name->setText(query.name);
    m_status->setText(Model::statusText(query.status));
    m_schedule->setText(
        tr("%1, for %2")
            .arg(Model::frequencyText(query.frequency), Model::spanText(query.duration)));
    m_created->setText(timeText(query.createdAt));
    m_completed->setText(query.completedAt.isValid() ? timeText(query.completedAt)
                                                     : tr("Still running"));
    m_lastSucceeded->setText(timeText(query.lastSucceededAt));
    m_lastFailed->setText(timeText(query.lastFailedAt));
    m_lastDuration->setText(tr("%1 ms").arg(QLocale().toString(query.lastExecutionDuration)));
    m_runs->setText(
        tr("%1 succeeded, %2 failed")
            .arg(QLocale().toString(query.succeededCount), QLocale().toString(query.failedCount)));
    m_resultSize->setText(QLocale().formattedDataSize(query.resultSizeSum));
    m_lastError->setText(lastErrorWords(query));
}

void RegisteredQueriesPanel::clearDetails()
{
    for (QLabel *label : {m_name, m_status, m_schedule, m_created, m_completed, m_lastSucceeded,
                          m_lastFailed, m_lastDuration, m_runs, m_resultSize, m_lastError})
        label->clear();
    m_name->setText(tr("Select a registered query to see its details."));
    m_resultCount->clear();
}

void RegisteredQueriesPanel::updateButtons()
{
    const QString id = selectedId();
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    const bool busy = !m_actionCall.isNull();
    const bool hasSite = !m_site.guid.isEmpty();
    m_refresh->setEnabled(hasSite && !m_listCall);
    m_results->setEnabled(row >= 0 && !busy);
    m_cancel->setEnabled(row >= 0 && !busy &&
                         m_model->query(row).status == QLatin1String("enabled"));
    m_create->setEnabled(hasSite && !busy);
}

void RegisteredQueriesPanel::updateSpanHints()
{
    m_frequencyHint->setText(Model::frequencyText(m_frequency->value()));
    m_durationHint->setText(tr("for %1").arg(Model::spanText(m_duration->value())));
}

Halo::QueryCommand RegisteredQueriesPanel::formCommand() const
{
    Halo::QueryCommand command;
    command.text = m_sql->toPlainText();
    command.executionMode = m_executionMode->currentData().toString();
    return command;
}

QString RegisteredQueriesPanel::formProblem() const
{
    if (m_formName->text().trimmed().isEmpty())
        return tr("Give the registered query a name.");
    if (m_frequency->value() < kMinFrequencySeconds)
        return tr("The frequency is %1 seconds; Halo runs registered queries at most once a "
                  "minute, so it must be at least %2 seconds.")
            .arg(m_frequency->value())
            .arg(kMinFrequencySeconds);
    if (m_duration->value() > kMaxDurationSeconds)
        return tr("The duration is %1; a registered query can run for at most 24 hours (%2 "
                  "seconds).")
            .arg(Model::spanText(m_duration->value()))
            .arg(kMaxDurationSeconds);
    if (m_sql->toPlainText().trimmed().isEmpty())
        return tr("Enter the SQL the registered query runs.");
    return {};
}

void RegisteredQueriesPanel::createQuery()
{
    if (m_site.guid.isEmpty() || m_actionCall)
        return;
    m_formProblem->clearProblem();
    const QString problem = formProblem();
    if (!problem.isEmpty()) {
        m_formProblem->showProblem(tr("The registered query was not sent"), problem);
        return;
    }
    const Halo::QueryCommand command = formCommand();
    const QString name = m_formName->text().trimmed();
    const Halo::Environment environment = environmentOf(m_site);
    if (Halo::blockedByReadOnly(command, environment)) {
        m_formProblem->showProblem(tr("The registered query was not sent"),
                                   Halo::ReadOnlySettings::blockedText(command, environment));
        return;
    }
    if (!Halo::WriteGuard::needsConfirmation(command, environment)) {
        sendCreate(command, name);
        return;
    }
    // A write that repeats on a live practice: asked about every time, never remembered.
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Create registered query"),
        Halo::WriteGuard::confirmationText(command, m_site.recorded.practiceName, environment),
        QMessageBox::NoButton, this);
    box->setAccessibleName(tr("Confirm create registered query"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Create on Production"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(tr("Do not create"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::finished, this, [this, box, yes, command, name]() {
        if (box->clickedButton() == yes)
            sendCreate(command, name);
    });
    box->open();
}

void RegisteredQueriesPanel::sendCreate(const Halo::QueryCommand &command, const QString &name)
{
    if (m_site.guid.isEmpty() || m_actionCall)
        return;
    Halo::CreateRegisteredCall *call = m_client->createRegistered(
        m_site.guid, name, m_frequency->value(), m_duration->value(), command);
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
        m_formProblem->showError(call->error());
        return;
    }
    const QString id = call->id();
    m_formProblem->showNote(tr("Registered query “%1” created: it runs %2 for %3.")
                                .arg(name, Model::frequencyText(m_frequency->value()),
                                     Model::spanText(m_duration->value())));
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
    m_resultCount->clear();
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
    const qint64 count = call->data().rows.value_or(result.table.rowCount());
    m_resultCount->setText(
        count == 1 ? tr("1 row from the latest successful run")
                   : tr("%1 rows from the latest successful run").arg(QLocale().toString(count)));
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
    const Halo::Environment environment = environmentOf(m_site);
    QString text = tr("Cancel the registered query “%1”? Halo stops running it and it cannot be "
                      "started again; create a new one to run it again.")
                       .arg(name);
    if (Halo::isProduction(environment))
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
