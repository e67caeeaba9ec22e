// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlTab.h"

#include "ParametersTable.h"
#include "PatientLinkActions.h"
#include "QueryOptionsBar.h"
#include "ResultGrid.h"
#include "SqlEditor.h"
#include "SqlResultsArea.h"
#include "SqlRunController.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/Environment.h"
#include "services/QueryService.h"
#include "sites/SiteInfo.h"
#include "widgets/CopyAsButton.h"
#include "widgets/FlowLayout.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

bool defaultConfirmer(QWidget *parent, const QString &question)
{
    QMessageBox box(QMessageBox::Warning, SqlTab::tr("Send to Production?"), question,
                    QMessageBox::NoButton, parent);
    QPushButton *send = box.addButton(SqlTab::tr("Send to Production"), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == send;
}

} // namespace

SqlTab::SqlTab(Halo::HaloApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_queries(new Halo::QueryService(client, this))
    , m_confirmer([this](const QString &question) { return defaultConfirmer(this, question); })
    , m_editor(new SqlEditor(this))
    , m_parameters(new ParametersTable(this))
    , m_parametersToggle(new QToolButton(this))
    , m_options(new QueryOptionsBar(this))
    , m_run(new QPushButton(tr("&Run query"), this))
    , m_runSelection(new QPushButton(tr("Run &selection"), this))
    , m_copyAs(new CopyAsButton(this))
    , m_production(new ProductionMarker(client->endpoint(), this))
    , m_readOnly(new QCheckBox(this))
    , m_results(new SqlResultsArea(this))
    , m_runs(new SqlRunController(m_queries, m_results, this))
    , m_patientLinks(new PatientLinkActions(m_results->grid()))
{
    setAccessibleName(tr("SQL tab"));

    m_run->setAccessibleName(tr("Run query"));
    m_run->setToolTip(tr("Run all of the SQL (Ctrl+Enter)"));
    m_runSelection->setAccessibleName(tr("Run selection"));
    m_runSelection->setToolTip(tr("Run the selected SQL, or all when nothing is selected "
                                  "(Ctrl+Shift+Enter)"));
    m_readOnly->setToolTip(tr("While on, queries that may change data are not sent"));
    m_parametersToggle->setAccessibleName(tr("Show parameters"));
    m_parametersToggle->setText(tr("&Parameters"));
    m_parametersToggle->setCheckable(true);
    m_parametersToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_parametersToggle->setArrowType(Qt::RightArrow);
    m_parametersToggle->setFocusPolicy(Qt::StrongFocus);
    m_parameters->hide();

    buildLayout();

    connect(m_run, &QPushButton::clicked, this, &SqlTab::runAll);
    connect(m_runSelection, &QPushButton::clicked, this, &SqlTab::runSelection);
    connect(m_copyAs, &CopyAsButton::languageChosen, this, &SqlTab::copyAs);
    connect(m_editor, &SqlEditor::runAllRequested, this, &SqlTab::runAll);
    connect(m_editor->editor(), &QsciScintilla::textChanged, this, &SqlTab::sqlTextChanged);
    connect(m_editor, &SqlEditor::runSelectionRequested, this, &SqlTab::runSelection);
    // The same keys from anywhere in the tab, not only from the editor.
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this, this, &SqlTab::runAll);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    }
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this, this, &SqlTab::runSelection);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    }
    connect(m_results, &SqlResultsArea::stopRequested, this, &SqlTab::stop);
    connect(m_results, &SqlResultsArea::runAsAsyncRequested, this, &SqlTab::runAgainAsAsync);
    connect(m_results, &SqlResultsArea::exportFinished, this, &SqlTab::exportFinished);
    connect(m_readOnly, &QCheckBox::toggled, this, [this](bool readOnly) {
        Halo::SafetyPolicy::setReadOnly(m_client->endpoint(), readOnly);
    });
    connect(m_parametersToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_parameters->setVisible(shown);
        m_parametersToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_options, &QueryOptionsBar::catalogueChanged, this, &SqlTab::catalogueChanged);
    connect(m_runs, &SqlRunController::runningChanged, this, &SqlTab::setRunning);
    connect(m_runs, &SqlRunController::asyncSubmitted, this, &SqlTab::asyncSubmitted);
    connect(m_runs, &SqlRunController::queryFinished, this, &SqlTab::queryFinished);
    connect(m_patientLinks, &PatientLinkActions::openPatientRequested, this,
            &SqlTab::openFhirPatientRequested);

    refreshEnvironment();
    m_results->setStatus(tr("Ready."));
    setSite({}, nullptr);
}

SqlTab::~SqlTab() = default;

void SqlTab::buildLayout()
{
    // Wraps in a narrow window instead of cutting a control off.
    QWidget *runRow = FlowLayout::row(
        this, {m_run, m_runSelection, m_copyAs, m_production, m_readOnly, m_parametersToggle});

    auto *editorArea = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_editor, 3);
    editorLayout->addWidget(m_parameters, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(editorArea);
    splitter->addWidget(m_results);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(runRow);
    layout->addWidget(m_options);
    layout->addWidget(splitter, 1);

    // Keyboard order follows reading order: run row, options, editor, parameters, results.
    setTabOrder(m_run, m_runSelection);
    setTabOrder(m_runSelection, m_copyAs);
    setTabOrder(m_copyAs, m_readOnly);
    setTabOrder(m_readOnly, m_parametersToggle);
}

void SqlTab::setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live)
{
    if (!record.sameSite(m_record))
        stop();
    m_record = record;
    m_patientLinks->setPmsType(record.pmsType);
    m_livePracticeName = live ? live->practiceName : QString();
    m_options->setCatalogues(live ? live->catalogues : QList<Halo::SiteInfo::Catalogue>(),
                             live != nullptr);
    const bool hasSite = !record.guid.isEmpty();
    m_run->setEnabled(hasSite && !isRunning());
    m_runSelection->setEnabled(hasSite && !isRunning());
    refreshEnvironment();
}

void SqlTab::refreshEnvironment()
{
    // A custom base URL on the Production host is Production, and under Production's switch.
    const Halo::Endpoint destination = m_client->endpoint();
    m_production->setVisible(Halo::isProduction(destination));
    const QString name = Halo::environmentDisplayName(Halo::safetyEnvironment(destination));
    const QSignalBlocker blocker(m_readOnly);
    m_readOnly->setText(tr("Read-only for %1").arg(name));
    m_readOnly->setAccessibleName(tr("Read-only for %1").arg(name));
    m_readOnly->setChecked(Halo::SafetyPolicy::isReadOnly(destination));
}

void SqlTab::setSqlText(const QString &sql)
{
    m_editor->setText(sql);
}

QString SqlTab::sqlText() const
{
    return m_editor->text();
}

void SqlTab::insertAtCursor(const QString &text)
{
    m_editor->insertAtCursor(text);
}

void SqlTab::setCompletionSchema(const Halo::SchemaSnapshot &schema,
                                 Halo::SchemaDialect::Engine engine)
{
    m_editor->setCompletionSchema(schema, engine);
}

QString SqlTab::currentCatalogue() const
{
    return m_options->catalogue();
}

void SqlTab::setPrivacy(bool on)
{
    m_results->setPrivacy(on);
}

void SqlTab::setConfirmer(Confirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

void SqlTab::setJournal(Halo::AsyncQueryJournal *journal)
{
    m_runs->setJournal(journal);
}

void SqlTab::setPollIntervals(int firstMs, int maxMs)
{
    m_runs->setPollIntervals(firstMs, maxMs);
}

bool SqlTab::isRunning() const
{
    return m_runs->isRunning();
}

QString SqlTab::practiceName() const
{
    if (!m_livePracticeName.isEmpty())
        return m_livePracticeName;
    if (!m_record.recorded.practiceName.isEmpty())
        return m_record.recorded.practiceName;
    return m_record.guid;
}

Halo::QueryCommand SqlTab::commandFor(const QString &sql) const
{
    Halo::QueryCommand command;
    command.text = sql;
    m_options->applyTo(&command);
    command.parameters = m_parameters->parameters();
    return command;
}

void SqlTab::runAll()
{
    run(m_editor->text(), false);
}

void SqlTab::runSelection()
{
    run(m_editor->selectedOrAllText(), false);
}

void SqlTab::runAsync()
{
    run(m_editor->text(), true);
}

std::optional<Halo::SafetyApproval> SqlTab::approve(const Halo::QueryCommand &command)
{
    refreshEnvironment();
    const Halo::SafetyDecision decision = m_queries->check(command, practiceName());
    const QString name = Halo::environmentDisplayName(decision.environment);
    switch (decision.verdict) {
    case Halo::SafetyDecision::Verdict::Allowed:
        return Halo::SafetyApproval{};
    case Halo::SafetyDecision::Verdict::Blocked:
        m_results->problem()->showProblem(tr("%1 is read-only").arg(name), decision.text);
        m_results->setStatus(tr("Not sent: %1 is read-only.").arg(name));
        return std::nullopt;
    case Halo::SafetyDecision::Verdict::NeedsConfirmation:
        if (m_confirmer(decision.text))
            return Halo::SafetyApproval{true};
        m_results->problem()->showNote(tr("Not sent: sending to %1 was not confirmed.").arg(name));
        m_results->setStatus(tr("Not sent."));
        return std::nullopt;
    }
    return std::nullopt;
}

void SqlTab::run(const QString &sql, bool forceAsync)
{
    if (isRunning())
        return;
    m_results->problem()->clearProblem();
    m_results->offerAsync(false);
    if (m_record.guid.isEmpty()) {
        m_results->problem()->showNote(
            tr("Choose a site first: queries run on the selected site."));
        return;
    }
    if (sql.trimmed().isEmpty()) {
        m_results->problem()->showNote(tr("Type a query first."));
        m_editor->setFocus(Qt::OtherFocusReason);
        return;
    }
    const Halo::QueryCommand command = commandFor(sql);
    const auto approval = approve(command);
    if (!approval)
        return;
    if (forceAsync || m_options->isAsync())
        m_runs->runAsync(m_record.guid, command, *approval);
    else
        m_runs->runImmediate(m_record.guid, command, *approval);
}

void SqlTab::copyAs(Halo::SnippetLanguage language)
{
    m_results->problem()->clearProblem();
    if (m_record.guid.isEmpty()) {
        m_results->problem()->showNote(tr("Choose a site first: the request is for one site."));
        return;
    }
    if (m_editor->text().trimmed().isEmpty()) {
        m_results->problem()->showNote(tr("Type a query first."));
        return;
    }
    // The call the Run button would send (built, never sent): async submits, immediate reads.
    const Halo::QueryCommand command = commandFor(m_editor->text());
    std::unique_ptr<Halo::ApiCall> call;
    auto answer = Halo::RequestRecipe::Answer::QueryResult;
    if (m_options->isAsync()) {
        call = std::make_unique<Halo::SubmitAsyncCall>(m_record.guid, command);
        answer = Halo::RequestRecipe::Answer::Json;
    } else {
        call = std::make_unique<Halo::ImmediateQueryCall>(m_record.guid, command);
    }
    const Halo::RequestRecipe recipe = Halo::RequestRecipe::of(*m_client, *call, answer);
    QGuiApplication::clipboard()->setText(Halo::codeSnippet(recipe, language));
    m_results->setStatus(tr("Copied as %1; set HALO_KEY before running it.")
                             .arg(Halo::snippetLanguageName(language)));
}

// After an immediate query failed in a way async may not (too large, too slow).
void SqlTab::runAgainAsAsync()
{
    if (const auto approval = approve(m_runs->lastCommand()))
        m_runs->runAsync(m_record.guid, m_runs->lastCommand(), *approval);
}

void SqlTab::setRunning(bool running)
{
    QPushButton *stop = m_results->stopButton();
    const bool moveFocus =
        running ? (m_run->hasFocus() || m_runSelection->hasFocus()) : stop->hasFocus();
    const bool hasSite = !m_record.guid.isEmpty();
    m_run->setEnabled(!running && hasSite);
    m_runSelection->setEnabled(!running && hasSite);
    stop->setEnabled(running);
    // Keyboard users go from Run to Stop and back, never to whatever follows.
    if (moveFocus)
        (running ? stop : m_run)->setFocus(Qt::OtherFocusReason);
}

void SqlTab::stop()
{
    m_runs->stop();
}

void SqlTab::resumeAsync(const QString &queryId)
{
    if (m_record.guid.isEmpty() || queryId.isEmpty())
        return;
    m_runs->resumeAsync(m_record, queryId);
}

void SqlTab::showExternalResult(const Halo::DecodedResult &result, const QString &status)
{
    m_runs->showExternalResult(result, status);
}

bool SqlTab::exportResults(const QString &path)
{
    return m_results->exportResults(path);
}
