#include "SqlTab.h"

#include "ExportRunner.h"
#include "ParametersTable.h"
#include "QueryOptionsBar.h"
#include "ResultFilterRunner.h"
#include "ResultGrid.h"
#include "ResultSummary.h"
#include "SqlEditor.h"
#include "StatusTimeline.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "net/Environment.h"
#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"
#include "sites/SiteInfo.h"
#include "sql/AsyncQueryJournal.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString errorTypeName(const QString &errorType)
{
    if (errorType == QLatin1String("mssql"))
        return SqlTab::tr("SQL Server");
    if (errorType == QLatin1String("fbsql"))
        return SqlTab::tr("Firebird");
    if (errorType == QLatin1String("haloLink"))
        return SqlTab::tr("Halo Link");
    if (errorType == QLatin1String("http"))
        return SqlTab::tr("HTTP");
    return errorType;
}

// An immediate query that was too large (413) or too slow (504) may well work as async.
bool asyncMayHelp(const Halo::ApiError &error)
{
    for (int code : {error.httpStatus, error.errorCode}) {
        if (code == 413 || code == 504)
            return true;
    }
    return false;
}

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
    , m_runner(new Halo::AsyncQueryRunner(m_queries, this))
    , m_model(new Halo::ResultTableModel(this))
    , m_confirmer([this](const QString &question) { return defaultConfirmer(this, question); })
    , m_editor(new SqlEditor(this))
    , m_parameters(new ParametersTable(this))
    , m_parametersToggle(new QToolButton(this))
    , m_options(new QueryOptionsBar(this))
    , m_run(new QPushButton(tr("&Run query"), this))
    , m_runSelection(new QPushButton(tr("Run &selection"), this))
    , m_production(new ProductionMarker(client->endpoint(), this))
    , m_readOnly(new QCheckBox(this))
    , m_status(new QLabel(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_runAsAsync(new QPushButton(tr("Run as &async"), this))
    , m_problem(new ProblemLabel(tr("Query problem"), this))
    , m_filter(new QLineEdit(this))
    , m_grid(new ResultGrid(this))
    , m_export(new QPushButton(tr("&Export results…"), this))
    , m_summary(new ResultSummary(this))
    , m_elapsedTicker(new QTimer(this))
    , m_exporter(new ExportRunner(this))
{
    setAccessibleName(tr("SQL tab"));
    // The model sorts and filters its typed cells itself, faster than a proxy could.
    m_grid->setModel(m_model);

    m_run->setAccessibleName(tr("Run query"));
    m_run->setToolTip(tr("Run all of the SQL (Ctrl+Enter)"));
    m_runSelection->setAccessibleName(tr("Run selection"));
    m_runSelection->setToolTip(tr("Run the selected SQL, or all when nothing is selected "
                                  "(Ctrl+Shift+Enter)"));
    m_readOnly->setToolTip(tr("While on, queries that may change data are not sent"));
    m_status->setAccessibleName(tr("Query status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_stop->setAccessibleName(tr("Stop"));
    m_stop->setToolTip(tr("Stop waiting for the query; an async query carries on at Halo and "
                          "can be resumed"));
    m_stop->setEnabled(false);
    m_runAsAsync->setAccessibleName(tr("Run as async"));
    m_runAsAsync->setToolTip(tr("Send the same query again as an async query"));
    m_runAsAsync->hide();
    m_filter->setAccessibleName(tr("Filter results"));
    m_filter->setPlaceholderText(tr("Filter results"));
    m_filter->setClearButtonEnabled(true);
    m_export->setAccessibleName(tr("Export results"));
    m_export->setToolTip(tr("Save the results as CSV or JSON"));
    m_export->setEnabled(false);
    m_parametersToggle->setAccessibleName(tr("Show parameters"));
    m_parametersToggle->setText(tr("&Parameters"));
    m_parametersToggle->setCheckable(true);
    m_parametersToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_parametersToggle->setArrowType(Qt::RightArrow);
    m_parametersToggle->setFocusPolicy(Qt::StrongFocus);
    m_parameters->hide();
    m_elapsedTicker->setInterval(100);
    // Made before the layout, which puts it beside the filter.
    m_filtering = new QLabel(tr("Filtering…"), this);
    m_filtering->setAccessibleName(tr("Filtering results"));
    m_filtering->hide();

    buildLayout();
    connectRunner();

    connect(m_run, &QPushButton::clicked, this, &SqlTab::runAll);
    connect(m_runSelection, &QPushButton::clicked, this, &SqlTab::runSelection);
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
    connect(m_stop, &QPushButton::clicked, this, &SqlTab::stop);
    connect(m_runAsAsync, &QPushButton::clicked, this, [this]() {
        m_runAsAsync->hide();
        if (const auto approval = approve(m_lastCommand))
            startAsync(m_lastCommand, *approval);
    });
    connect(m_readOnly, &QCheckBox::toggled, this, [this](bool readOnly) {
        Halo::SafetyPolicy::setReadOnly(m_client->endpoint(), readOnly);
    });
    auto *filterRunner = new ResultFilterRunner(m_model, this);
    connect(m_filter, &QLineEdit::textChanged, filterRunner, &ResultFilterRunner::setText);
    connect(filterRunner, &ResultFilterRunner::busyChanged, m_filtering, &QLabel::setVisible);
    connect(m_export, &QPushButton::clicked, this, &SqlTab::chooseExportFile);
    connect(m_exporter, &ExportRunner::finished, this,
            [this](const QString &path, const QString &error) {
                m_export->setEnabled(m_model->totalRowCount() > 0);
                if (error.isEmpty())
                    m_problem->showNote(tr("Exported the results to %1.").arg(path));
                else
                    m_problem->showProblem(tr("Export failed"), error);
                emit exportFinished(path, error);
            });
    connect(m_parametersToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_parameters->setVisible(shown);
        m_parametersToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_elapsedTicker, &QTimer::timeout, this, [this]() { updateAsyncStatus(); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this]() { m_export->setEnabled(m_model->totalRowCount() > 0); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this]() { m_export->setEnabled(!m_exporter->isRunning()); });

    refreshEnvironment();
    setStatus(tr("Ready."));
    setSite({}, nullptr);
}

SqlTab::~SqlTab()
{
    if (m_call) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->cancel();
    }
}

void SqlTab::buildLayout()
{
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_runSelection);
    runRow->addWidget(m_production);
    runRow->addSpacing(12);
    runRow->addWidget(m_readOnly);
    runRow->addStretch(1);
    runRow->addWidget(m_parametersToggle);

    auto *editorArea = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_editor, 3);
    editorLayout->addWidget(m_parameters, 1);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_runAsAsync);
    statusRow->addWidget(m_stop);

    auto *gridArea = new QWidget(this);
    auto *gridLayout = new QVBoxLayout(gridArea);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Filter:"), gridArea);
    filterLabel->setBuddy(m_filter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_filtering);
    filterRow->addWidget(m_export);
    gridLayout->addLayout(filterRow);
    gridLayout->addWidget(m_grid, 1);

    auto *resultsSplitter = new QSplitter(Qt::Horizontal, this);
    resultsSplitter->setChildrenCollapsible(false);
    resultsSplitter->addWidget(gridArea);
    resultsSplitter->addWidget(m_summary);
    resultsSplitter->setStretchFactor(0, 3);
    resultsSplitter->setStretchFactor(1, 1);

    auto *resultsArea = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsArea);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addLayout(statusRow);
    resultsLayout->addWidget(m_problem);
    resultsLayout->addWidget(resultsSplitter, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(editorArea);
    splitter->addWidget(resultsArea);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(runRow);
    layout->addWidget(m_options);
    layout->addWidget(splitter, 1);

    // Keyboard order follows reading order: run row, options, editor, parameters, results.
    setTabOrder(m_run, m_runSelection);
    setTabOrder(m_runSelection, m_readOnly);
    setTabOrder(m_readOnly, m_parametersToggle);
}

void SqlTab::connectRunner()
{
    connect(m_runner, &Halo::AsyncQueryRunner::submitted, this, [this](const QString &queryId) {
        emit asyncSubmitted(queryId, m_lastCommand.text);
        updateAsyncStatus();
    });
    connect(m_runner, &Halo::AsyncQueryRunner::polled, this, [this](const Halo::QueryInfo &info) {
        m_asyncInfo = info;
        m_summary->showInfo(info, !info.isTerminal());
        updateAsyncStatus();
    });
    connect(m_runner, &Halo::AsyncQueryRunner::pageReady, this, &SqlTab::onPage);
    connect(m_runner, &Halo::AsyncQueryRunner::stopped, this, [this]() {
        if (!m_running || m_mode != QLatin1String("async"))
            return;
        updateAsyncStatus(true);
        finishRun(QStringLiteral("stopped"), m_model->totalRowCount());
    });
    connect(m_runner, &Halo::AsyncQueryRunner::finished, this, &SqlTab::onAsyncEnded);
    connect(m_runner, &Halo::AsyncQueryRunner::failed, this, [this](const Halo::ApiError &error) {
        m_elapsedTicker->stop();
        showFailure(error);
        setStatus(tr("Failed after %1: %2")
                      .arg(StatusTimeline::durationText(m_clock.elapsed()), error.title()));
        finishRun(error.queryStatus.isEmpty() ? QStringLiteral("failed") : error.queryStatus,
                  m_model->totalRowCount());
    });
}

void SqlTab::setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live)
{
    if (!record.sameSite(m_record))
        stop();
    m_record = record;
    m_livePracticeName = live ? live->practiceName : QString();
    m_options->setCatalogues(live ? live->catalogues : QList<Halo::SiteInfo::Catalogue>(),
                             live != nullptr);
    const bool hasSite = !record.guid.isEmpty();
    m_run->setEnabled(hasSite && !m_running);
    m_runSelection->setEnabled(hasSite && !m_running);
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

void SqlTab::setConfirmer(Confirmer confirmer)
{
    m_confirmer = std::move(confirmer);
}

void SqlTab::setJournal(Halo::AsyncQueryJournal *journal)
{
    m_journal = journal;
    m_runner->setJournal(journal);
}

void SqlTab::setPollIntervals(int firstMs, int maxMs)
{
    m_runner->setPollIntervals(firstMs, maxMs);
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
        m_problem->showProblem(tr("%1 is read-only").arg(name), decision.text);
        setStatus(tr("Not sent: %1 is read-only.").arg(name));
        return std::nullopt;
    case Halo::SafetyDecision::Verdict::NeedsConfirmation:
        if (m_confirmer(decision.text))
            return Halo::SafetyApproval{true};
        m_problem->showNote(tr("Not sent: sending to %1 was not confirmed.").arg(name));
        setStatus(tr("Not sent."));
        return std::nullopt;
    }
    return std::nullopt;
}

void SqlTab::run(const QString &sql, bool forceAsync)
{
    if (m_running)
        return;
    m_problem->clearProblem();
    m_runAsAsync->hide();
    if (m_record.guid.isEmpty()) {
        m_problem->showNote(tr("Choose a site first: queries run on the selected site."));
        return;
    }
    if (sql.trimmed().isEmpty()) {
        m_problem->showNote(tr("Type a query first."));
        m_editor->setFocus(Qt::OtherFocusReason);
        return;
    }
    const Halo::QueryCommand command = commandFor(sql);
    const auto approval = approve(command);
    if (!approval)
        return;
    if (forceAsync || m_options->isAsync())
        startAsync(command, *approval);
    else
        startImmediate(command, *approval);
}

void SqlTab::clearResults()
{
    m_model->clear();
    m_summary->clear();
    m_problem->clearProblem();
    m_runAsAsync->hide();
    m_pagesFetched = 0;
    m_asyncInfo = Halo::QueryInfo();
}

void SqlTab::setRunning(bool running)
{
    m_running = running;
    const bool moveFocus =
        running ? (m_run->hasFocus() || m_runSelection->hasFocus()) : m_stop->hasFocus();
    const bool hasSite = !m_record.guid.isEmpty();
    m_run->setEnabled(!running && hasSite);
    m_runSelection->setEnabled(!running && hasSite);
    m_stop->setEnabled(running);
    // Keyboard users go from Run to Stop and back, never to whatever follows.
    if (moveFocus)
        (running ? m_stop : m_run)->setFocus(Qt::OtherFocusReason);
}

void SqlTab::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setAccessibleDescription(text);
}

void SqlTab::finishRun(const QString &status, qint64 rows)
{
    m_elapsedTicker->stop();
    setRunning(false);
    emit queryFinished(m_lastCommand.text, m_mode, m_lastCommand.executionMode, status, rows,
                       m_clock.elapsed());
}

void SqlTab::stop()
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
    setStatus(tr("Stopped."));
    finishRun(QStringLiteral("stopped"), 0);
}

void SqlTab::startImmediate(const Halo::QueryCommand &command, const Halo::SafetyApproval &approval)
{
    clearResults();
    m_lastCommand = command;
    m_mode = QStringLiteral("immediate");
    m_clock.start();
    Halo::ImmediateQueryCall *call = m_queries->runImmediate(m_record.guid, command, approval);
    m_call = call;
    setRunning(true);
    setStatus(tr("Running…"));
    // An answer can be megabytes of base64: the call decodes it on a worker, never on the
    // thread that draws the window.
    connect(call, &Halo::ApiCall::readingAnswer, this, [this, call](qint64 bytes) {
        setStatus(tr("Ran in %1 ms; decoding %2…")
                      .arg(call->elapsedMs())
                      .arg(QLocale().formattedDataSize(bytes)));
    });
    connect(call, &Halo::ApiCall::finished, this, [this, call]() { onImmediateAnswer(call); });
}

void SqlTab::onImmediateAnswer(Halo::ImmediateQueryCall *call)
{
    m_call = nullptr;
    // info() holds a failed query's own words too, from an error answer.
    showImmediateResult(call->info(), call->error(), call->result(), call->elapsedMs());
}

void SqlTab::showImmediateResult(const Halo::QueryInfo &info, const Halo::ApiError &callError,
                                 const Halo::DecodedResult &decoded, qint64 ms)
{
    m_summary->showInfo(info);
    if (callError.isError() || info.failure.isError()) {
        const Halo::ApiError error = callError.isError() ? callError : info.failure;
        if (error.kind == Halo::ApiError::Kind::Cancelled) {
            setStatus(tr("Stopped after %1.").arg(StatusTimeline::durationText(ms)));
            finishRun(QStringLiteral("stopped"), 0);
            return;
        }
        showFailure(error);
        m_runAsAsync->setVisible(asyncMayHelp(error));
        setStatus(tr("Failed after %1 ms: %2").arg(ms).arg(error.title()));
        finishRun(info.status.isEmpty() ? QStringLiteral("failed") : info.status, 0);
        return;
    }
    if (info.rowsAffected) {
        setStatus(
            tr("Ran in %1 ms: %n row(s) affected.", nullptr, int(*info.rowsAffected)).arg(ms));
        finishRun(info.status, 0);
        return;
    }
    showDecoded(decoded, true);
    m_summary->showRows(m_model->totalRowCount(), info.rows);
    setStatus(tr("Ran in %1 ms: %n row(s).", nullptr, m_model->totalRowCount()).arg(ms));
    finishRun(info.status, m_model->totalRowCount());
}

void SqlTab::showExternalResult(const Halo::DecodedResult &result, const QString &status)
{
    stop();
    clearResults();
    showDecoded(result, true);
    m_summary->showRows(m_model->totalRowCount(), m_model->totalRowCount());
    setStatus(status);
}

void SqlTab::showDecoded(const Halo::DecodedResult &result, bool firstPage)
{
    if (result.isTable()) {
        m_model->appendPage(result.table);
        if (firstPage)
            m_grid->fitColumns();
        if (!result.note.isEmpty() && firstPage)
            m_problem->showNote(result.note);
        return;
    }
    const QString shown =
        result.shape == Halo::DecodedResult::RawText
            ? result.rawText.left(2000)
            : tr("%n byte(s) of binary data", nullptr, int(result.rawBytes.size()));
    m_problem->showNote(tr("The result is not a table (%1): %2").arg(result.note, shown));
}

void SqlTab::startAsync(const Halo::QueryCommand &command, const Halo::SafetyApproval &approval)
{
    clearResults();
    m_lastCommand = command;
    m_mode = QStringLiteral("async");
    m_clock.start();
    setRunning(true);
    m_runner->submit(m_record.guid, command, approval);
    m_elapsedTicker->start();
    updateAsyncStatus();
}

void SqlTab::resumeAsync(const QString &queryId)
{
    if (m_record.guid.isEmpty() || queryId.isEmpty())
        return;
    stop();
    clearResults();
    m_lastCommand = Halo::QueryCommand();
    // The journal kept the SQL: the history then says what the reopened query was.
    if (m_journal) {
        for (const Halo::JournalEntry &entry :
             m_journal->entriesForSite(m_record.environment, m_record.guid)) {
            if (entry.queryId == queryId)
                m_lastCommand.text = entry.sql;
        }
    }
    m_mode = QStringLiteral("async");
    m_clock.start();
    m_runner->resume(m_record.guid, queryId);
    setRunning(true);
    m_elapsedTicker->start();
    updateAsyncStatus();
}

void SqlTab::onPage(const Halo::ResultPageInfo &page, const Halo::DecodedResult &result,
                    const QList<Halo::OutputParameter> &parameters)
{
    Q_UNUSED(page);
    ++m_pagesFetched;
    showDecoded(result, m_pagesFetched == 1);
    if (!parameters.isEmpty())
        m_summary->showOutputParameters(parameters);
    m_summary->showRows(m_model->totalRowCount(), m_asyncInfo.rows);
    updateAsyncStatus();
}

void SqlTab::onAsyncEnded(const Halo::QueryInfo &info)
{
    m_asyncInfo = info;
    m_summary->showInfo(info);
    if (info.rows)
        m_summary->showRows(m_model->totalRowCount(), info.rows);
    if (info.failure.isError())
        showFailure(info.failure);
    updateAsyncStatus();
    finishRun(info.status, m_model->totalRowCount());
}

void SqlTab::updateAsyncStatus(bool stopped)
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
        text += tr(" · %n row(s) affected", nullptr, int(*m_asyncInfo.rowsAffected));
    if (stopped)
        text += tr(" · stopped here; the query carries on at Halo");
    setStatus(text);
}

void SqlTab::showFailure(const Halo::ApiError &error)
{
    QString title = error.title();
    if (error.httpStatus >= 300)
        title = tr("HTTP %1 — %2").arg(error.httpStatus).arg(title);
    QString explanation = error.explanation();
    if (error.kind == Halo::ApiError::Kind::QueryFailed) {
        const QString source = errorTypeName(error.errorType);
        explanation += QLatin1Char(' ');
        explanation +=
            source.isEmpty()
                ? tr("Error %1: “%2”").arg(error.errorCode).arg(error.serverMessage)
                : tr("%1 error %2: “%3”").arg(source).arg(error.errorCode).arg(error.serverMessage);
        if (!error.queryStatus.isEmpty())
            explanation += QLatin1Char(' ') + tr("(query status %1)").arg(error.queryStatus);
    } else if (!error.serverMessage.isEmpty()) {
        explanation += QLatin1Char(' ') + tr("Halo Cloud says: “%1”").arg(error.serverMessage);
    }
    QString next = error.nextStep();
    if (asyncMayHelp(error) && m_mode == QLatin1String("immediate"))
        next = tr("Run it as an async query: async results have no 8 MB or 30 s limit.");
    m_problem->showProblem(title, explanation, next);
}

void SqlTab::chooseExportFile()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), QString(),
                                                      tr("CSV (*.csv);;JSON (*.json)"), &filter);
    if (path.isEmpty())
        return;
    QString withSuffix = path;
    if (QFileInfo(path).suffix().isEmpty())
        withSuffix += filter.contains(QLatin1String("json")) ? QStringLiteral(".json")
                                                             : QStringLiteral(".csv");
    exportResults(withSuffix);
}

bool SqlTab::exportResults(const QString &path)
{
    if (m_model->totalRowCount() == 0) {
        m_problem->showNote(tr("There are no results to export yet."));
        return false;
    }
    if (!m_exporter->start(*m_model, path))
        return false;
    m_export->setEnabled(false);
    return true;
}
