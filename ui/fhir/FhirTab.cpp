#include "FhirTab.h"

#include "FhirQueryForm.h"
#include "FhirResourceView.h"
#include "FhirResultsPanel.h"
#include "api/FhirCalls.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "sites/SiteInfo.h"
#include "sql/QueryHistory.h"
#include "storage/AtomicFile.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"
#include "widgets/ProductionMarker.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {

constexpr int kRecentQueries = 20;

QString statusText(const Halo::ApiCall *call)
{
    if (call->httpStatus() > 0)
        return QStringLiteral("HTTP %1").arg(call->httpStatus());
    return call->error().title();
}

QString fileNameFor(const QString &text)
{
    QString name = text;
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('-');
    }
    return name.left(60) + QStringLiteral(".json");
}

} // namespace

FhirTab::FhirTab(Halo::HaloApiClient *client, Halo::FhirCapabilityCache *capabilities,
                 Halo::QueryHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_capabilityCache(capabilities)
    , m_history(history)
    , m_pages(new QStackedWidget(this))
    , m_unavailable(new QLabel(this))
    , m_capabilityLabel(new QLabel(this))
    , m_refreshCapabilities(new QPushButton(tr("Refresh c&apabilities"), this))
    , m_capabilityProblem(new ProblemLabel(tr("FHIR capabilities problem"), this))
    , m_back(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_line(new QLineEdit(this))
    , m_recent(new QToolButton(this))
    , m_post(new QCheckBox(tr("Use &POST"), this))
    , m_methodHint(new QLabel(this))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_production(new ProductionMarker(client->endpoint().environment, this))
    , m_lineProblem(new ProblemLabel(tr("FHIR query problem"), this))
    , m_form(new FhirQueryForm(this))
    , m_progress(new CallProgress(this))
    , m_requestProblem(new ProblemLabel(tr("FHIR request problem"), this))
    , m_results(new FhirResultsPanel(this))
    , m_resource(new FhirResourceView(this))
{
    setObjectName(QStringLiteral("fhirTab"));
    setAccessibleName(tr("FHIR browser"));

    m_unavailable->setObjectName(QStringLiteral("fhirUnavailable"));
    m_unavailable->setAccessibleName(tr("FHIR not available"));
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_unavailable->setMargin(24);

    m_capabilityLabel->setObjectName(QStringLiteral("fhirCapabilities"));
    m_capabilityLabel->setAccessibleName(tr("FHIR capabilities"));
    m_capabilityLabel->setWordWrap(true);
    m_capabilityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                               Qt::TextSelectableByKeyboard);
    m_refreshCapabilities->setAccessibleName(tr("Refresh capabilities"));
    m_refreshCapabilities->setToolTip(tr("Reads the site's CapabilityStatement (metadata) again"));
    connect(m_refreshCapabilities, &QPushButton::clicked, this, &FhirTab::refreshCapabilities);

    m_back->setText(QStringLiteral("◀"));
    m_back->setAccessibleName(tr("Back"));
    m_back->setShortcut(QKeySequence::Back);
    m_back->setToolTip(
        tr("Back to the previous answer (%1)")
            .arg(QKeySequence(QKeySequence::Back).toString(QKeySequence::NativeText)));
    m_forward->setText(QStringLiteral("▶"));
    m_forward->setAccessibleName(tr("Forward"));
    m_forward->setShortcut(QKeySequence::Forward);
    m_forward->setToolTip(
        tr("Forward again (%1)")
            .arg(QKeySequence(QKeySequence::Forward).toString(QKeySequence::NativeText)));
    connect(m_back, &QToolButton::clicked, this, &FhirTab::goBack);
    connect(m_forward, &QToolButton::clicked, this, &FhirTab::goForward);

    m_line->setObjectName(QStringLiteral("fhirQuery"));
    m_line->setAccessibleName(tr("FHIR query"));
    m_line->setPlaceholderText(tr("e.g. Patient?family=Smith&birthdate=ge1970-01-01, Patient/1, "
                                  "Patient/1/$summary, metadata"));
    m_line->setClearButtonEnabled(true);
    connect(m_line, &QLineEdit::textEdited, this, &FhirTab::lineEdited);
    connect(m_line, &QLineEdit::returnPressed, this, &FhirTab::search);
    auto *focusLine = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    focusLine->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusLine, &QShortcut::activated, this, [this]() {
        m_line->setFocus();
        m_line->selectAll();
    });

    m_recent->setText(tr("Recent"));
    m_recent->setAccessibleName(tr("Recent FHIR queries"));
    m_recent->setToolTip(tr("Queries sent to this site (the query only: answers are never kept)"));
    m_recent->setPopupMode(QToolButton::InstantPopup);
    auto *recentMenu = new QMenu(m_recent);
    m_recent->setMenu(recentMenu);
    connect(recentMenu, &QMenu::aboutToShow, this, &FhirTab::fillRecentMenu);

    m_post->setAccessibleName(tr("Use POST"));
    m_post->setToolTip(tr("POST {type}/_search with the values in a form-encoded body, so they "
                          "stay out of URLs and server logs. On by default for Production."));
    connect(m_post, &QCheckBox::toggled, this, &FhirTab::updateMethodHint);
    m_methodHint->setAccessibleName(tr("Request method"));
    m_methodHint->setWordWrap(true);

    m_search->setAccessibleName(tr("Search"));
    m_search->setDefault(false);
    m_search->setToolTip(tr("Sends the query line: a search, a read or an operation (Enter in "
                            "the line, or Ctrl+Enter)"));
    connect(m_search, &QPushButton::clicked, this, &FhirTab::search);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &FhirTab::search);
    }

    connect(m_form, &FhirQueryForm::edited, this, &FhirTab::formEdited);
    connect(m_form, &FhirQueryForm::readRequested, this, [this]() {
        const Halo::FhirRequest request = m_form->readRequest();
        if (request.id.isEmpty()) {
            m_lineProblem->showProblem(tr("Which resource?"),
                                       tr("Type the id of the resource to read, e.g. 1."));
            m_form->idField()->setFocus();
            return;
        }
        setQueryLine(request.toLine());
        search();
    });
    connect(m_form, &FhirQueryForm::operationRequested, this, [this]() {
        const Halo::FhirRequest request = m_form->operationRequest();
        if (request.operation.isEmpty())
            return;
        setQueryLine(request.toLine());
        search();
    });

    connect(m_progress, &CallProgress::busyChanged, this, [this](bool busy) {
        m_results->setBusy(busy);
        emit busyChanged(busy);
    });
    connect(m_results, &FhirResultsPanel::entrySelected, this, [this](int row) {
        const QList<Halo::FhirEntry> &entries = m_results->response().entries;
        if (row >= 0 && row < entries.size())
            m_resource->showJson(entries.at(row).resource, entries.at(row).resourceType);
    });
    connect(m_results, &FhirResultsPanel::wholeResponseRequested, this,
            &FhirTab::showWholeResponse);
    connect(m_results, &FhirResultsPanel::pageRequested, this, &FhirTab::followLink);
    connect(m_results, &FhirResultsPanel::saveResponseRequested, this, &FhirTab::saveResponse);
    connect(m_resource, &FhirResourceView::referenceActivated, this, &FhirTab::followReference);
    connect(m_resource, &FhirResourceView::saveRequested, this, &FhirTab::saveResource);
    connect(&m_parser, &QFutureWatcher<ParsedAnswer>::finished, this, [this]() {
        if (m_parser.property("generation").toInt() == m_parseGeneration)
            showParsed(m_parser.result(), m_displayedPage);
    });

    // Layout: capabilities, the query line with its method, the form, then the answer.
    auto *browser = new QWidget(this);
    auto *capabilityRow = new QHBoxLayout;
    capabilityRow->addWidget(m_capabilityLabel, 1);
    capabilityRow->addWidget(m_refreshCapabilities);

    auto *lineRow = new QHBoxLayout;
    lineRow->addWidget(m_back);
    lineRow->addWidget(m_forward);
    auto *lineLabel = new QLabel(tr("&Query:"), this);
    lineLabel->setBuddy(m_line);
    lineRow->addWidget(lineLabel);
    lineRow->addWidget(m_line, 1);
    lineRow->addWidget(m_recent);
    lineRow->addWidget(m_post);
    lineRow->addWidget(m_search);
    lineRow->addWidget(m_production);

    auto *answer = new QSplitter(Qt::Horizontal, this);
    answer->setObjectName(QStringLiteral("fhirAnswerSplitter"));
    answer->addWidget(m_results);
    answer->addWidget(m_resource);
    answer->setStretchFactor(0, 1);
    answer->setStretchFactor(1, 1);
    answer->setChildrenCollapsible(false);

    auto *browserLayout = new QVBoxLayout(browser);
    browserLayout->addLayout(capabilityRow);
    browserLayout->addWidget(m_capabilityProblem);
    browserLayout->addLayout(lineRow);
    browserLayout->addWidget(m_methodHint);
    browserLayout->addWidget(m_lineProblem);
    browserLayout->addWidget(m_form);
    browserLayout->addWidget(m_progress);
    browserLayout->addWidget(m_requestProblem);
    browserLayout->addWidget(answer, 1);

    m_pages->addWidget(browser);
    m_pages->addWidget(m_unavailable);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    setTabOrder(m_line, m_search);
    updateNavigation();
    updateMethodHint();
}

FhirTab::~FhirTab()
{
    if (m_call)
        m_call->disconnect(this);
    if (m_capabilityCall)
        m_capabilityCall->disconnect(this);
    m_parser.disconnect(this);
    m_parser.waitForFinished();
}

void FhirTab::setSite(const Halo::SiteRecord &record)
{
    const bool sameSite = m_site.sameSite(record);
    m_site = record;
    const Halo::Environment environment = m_client->endpoint().environment;
    m_production->setVisible(Halo::isProduction(environment));
    const QString environmentName = Halo::environmentId(environment);
    if (environmentName != m_postDefaultEnvironment) {
        // Search values are often personal details: on Production they go in the body.
        m_post->setChecked(Halo::isProduction(environment));
        m_postDefaultEnvironment = environmentName;
    }
    if (sameSite)
        return;

    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
    if (m_capabilityCall) {
        m_capabilityCall->disconnect(this);
        m_capabilityCall->cancel();
    }
    ++m_parseGeneration;
    m_navigation.clear();
    m_results->clear();
    m_resource->clear();
    m_requestProblem->clearProblem();
    m_lineProblem->clearProblem();
    m_capabilityProblem->clearProblem();
    m_capabilities.reset();
    m_form->setCapabilities({});
    updateNavigation();

    if (!offersFhir()) {
        // Said plainly, without a request that could only fail.
        const QString name =
            record.recorded.practiceName.isEmpty() ? record.guid : record.recorded.practiceName;
        const QString headline = tr("%1 has no FHIR API.").arg(name);
        const QString detail = tr("Halo Cloud offers FHIR R4 for Best Practice (Bp Premier) "
                                  "practices only; this practice runs %1. Use the SQL tab to "
                                  "query it.")
                                   .arg(Halo::pmsDisplayName(record.pmsType));
        m_unavailable->setText(QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                                   .arg(headline.toHtmlEscaped(), detail.toHtmlEscaped()));
        m_unavailable->setAccessibleDescription(headline + QLatin1Char(' ') + detail);
        m_pages->setCurrentWidget(m_unavailable);
        return;
    }
    m_pages->setCurrentIndex(0);
    if (const auto cached = m_capabilityCache->find(siteKey()))
        applyCapabilities(cached->capabilities, cached->fetchedAt);
    else
        refreshCapabilities();
}

bool FhirTab::offersFhir() const
{
    return Halo::pmsHasFhir(m_site.pmsType);
}

bool FhirTab::isBusy() const
{
    return m_progress->isBusy();
}

void FhirTab::setQueryLine(const QString &line)
{
    m_line->setText(line);
    lineEdited(); // as if typed: the form follows
}

QString FhirTab::siteKey() const
{
    return Halo::FhirCapabilityCache::siteKeyFor(m_site.environment, m_site.baseUrl, m_site.guid);
}

// ------------------------------------------------------------------------------------------
// The query line and the form: two views of one request

// Every change of the line's text goes through here: the line is read once, and what is
// said about it (problems, warnings, the method) follows from that reading.
void FhirTab::setLineText(const QString &text)
{
    if (m_line->text() != text)
        m_line->setText(text);
    m_parsed = Halo::parseFhirLine(m_line->text());
    showLineProblems();
    updateMethodHint();
}

void FhirTab::lineEdited()
{
    setLineText(m_line->text());
    if (m_parsed.request) {
        m_form->setRequest(*m_parsed.request);
        if (m_parsed.request->usePost) // "Patient/_search?..." typed: the user means POST
            m_post->setChecked(true);
    }
}

void FhirTab::formEdited()
{
    setLineText(m_form->searchRequest().toLine());
}

void FhirTab::showLineProblems()
{
    const Halo::FhirLineParse &parsed = m_parsed;
    if (!parsed.request) {
        if (m_line->text().trimmed().isEmpty()) {
            m_lineProblem->clearProblem();
            return;
        }
        const QString where = parsed.errorPosition >= 0
                                  ? tr(" (at character %1)").arg(parsed.errorPosition + 1)
                                  : QString();
        m_lineProblem->showProblem(tr("This query cannot be sent as it is"), parsed.error + where);
        return;
    }
    const QStringList warnings = m_capabilities
                                     ? Halo::fhirRequestWarnings(*parsed.request, *m_capabilities)
                                     : QStringList();
    if (warnings.isEmpty())
        m_lineProblem->clearProblem();
    else
        m_lineProblem->showNote(warnings.join(QLatin1Char(' ')) + QLatin1Char(' ') +
                                tr("It can still be sent, to see what the server says."));
}

void FhirTab::updateMethodHint()
{
    const Halo::FhirLineParse &parsed = m_parsed;
    const bool search = parsed.request && parsed.request->canPost();
    m_post->setEnabled(search || !parsed.request);
    if (!parsed.request) {
        m_methodHint->clear();
        return;
    }
    QString hint;
    if (search && m_post->isChecked()) {
        hint = tr("Sends POST %1/_search: the search values go in the request body, not the URL.")
                   .arg(parsed.request->resourceType);
    } else if (search) {
        hint = tr("Sends GET: the search values are part of the URL, where proxies and server "
                  "logs can see them.");
        if (Halo::isProduction(m_client->endpoint().environment) &&
            !parsed.request->terms.isEmpty())
            hint = QStringLiteral("⚠ ") + hint;
    } else {
        hint =
            tr("Sends GET %1 (reads and operations are always GET).").arg(parsed.request->toLine());
    }
    m_methodHint->setText(hint);
}

// ------------------------------------------------------------------------------------------
// Requests

void FhirTab::search()
{
    if (!offersFhir() || m_site.guid.isEmpty())
        return;
    if (!m_parsed.request) {
        m_line->setFocus();
        if (m_parsed.errorPosition >= 0)
            m_line->setCursorPosition(m_parsed.errorPosition);
        return;
    }
    send(*m_parsed.request);
}

void FhirTab::send(const Halo::FhirRequest &request)
{
    Pending pending;
    pending.recordInHistory = true;
    pending.visit.title = request.title();
    pending.visit.line = request.toLine();
    pending.visit.post = request.canPost() && (request.usePost || m_post->isChecked());
    Halo::FhirCall *call = nullptr;
    if (pending.visit.post) {
        pending.visit.url = request.resourceType + QStringLiteral("/_search");
        call = m_client->fhirSearch(m_site.guid, request.resourceType, request.form());
    } else {
        pending.visit.url = request.relativeUrl();
        call = m_client->fhirGet(m_site.guid, pending.visit.url);
    }
    start(call, pending, tr("Asking %1…").arg(request.title()));
}

void FhirTab::followLink(const QString &url, int page)
{
    if (url.isEmpty())
        return;
    Pending pending;
    pending.visit.title = tr("%1 (page %2)").arg(m_line->text()).arg(page);
    pending.visit.line = m_line->text();
    pending.visit.url = url;
    pending.visit.page = page;
    start(m_client->fhirGet(m_site.guid, url), pending, tr("Fetching page %1…").arg(page));
}

void FhirTab::followReference(const QString &reference)
{
    // urn:uuid: references point into the same Bundle (documents, transactions).
    if (reference.startsWith(QLatin1String("urn:"))) {
        const QList<Halo::FhirEntry> &entries = m_results->response().entries;
        for (int row = 0; row < entries.size(); ++row) {
            if (entries.at(row).fullUrl == reference) {
                m_results->selectEntry(row);
                return;
            }
        }
        m_requestProblem->showProblem(
            tr("Not in this answer"),
            tr("%1 names an entry that this Bundle does not hold.").arg(reference));
        return;
    }
    // An absolute URL on this site's FHIR base reads like the relative reference it stands for.
    QString relative = reference;
    const QString base = m_client->fhirBase(m_site.guid).toString() + QLatin1Char('/');
    if (relative.startsWith(base)) {
        relative = relative.mid(base.size());
    } else if (!QUrl(reference).isRelative()) {
        m_requestProblem->showProblem(
            tr("Reference outside this site"),
            tr("%1 is not on this site's FHIR base (%2): following it would send the "
               "subscription key to another server, so it is not followed.")
                .arg(reference, m_client->fhirBase(m_site.guid).toString()),
            tr("Copy the reference and open it with a tool meant for that server."));
        return;
    }
    Pending pending;
    pending.recordInHistory = true;
    pending.visit.title = relative;
    const Halo::FhirLineParse parsed = Halo::parseFhirLine(relative);
    pending.visit.line = parsed.request ? parsed.request->toLine() : m_line->text();
    pending.visit.url = relative;
    if (parsed.request)
        setQueryLine(pending.visit.line);
    start(m_client->fhirGet(m_site.guid, relative), pending, tr("Reading %1…").arg(relative));
}

void FhirTab::start(Halo::FhirCall *call, const Pending &pending, const QString &activity)
{
    if (m_call) { // one request at a time: the newest wins
        m_call->disconnect(this);
        m_call->cancel();
    }
    m_call = call;
    m_requestProblem->clearProblem();
    m_progress->track(call, activity);
    connect(call, &Halo::ApiCall::finished, this,
            [this, call, pending]() { finished(call, pending); });
}

void FhirTab::finished(Halo::FhirCall *call, Pending pending)
{
    if (call != m_call)
        return;
    m_call = nullptr;
    if (pending.recordInHistory && m_history && !m_site.guid.isEmpty()) {
        Halo::HistoryEntry entry;
        entry.sql = pending.visit.line; // the query line only; never the answer
        entry.at = QDateTime::currentDateTimeUtc();
        entry.mode = pending.visit.post ? QStringLiteral("POST") : QStringLiteral("GET");
        entry.executionMode = QStringLiteral("fhir");
        entry.status = statusText(call);
        entry.durationMs = call->elapsedMs();
        m_history->record(m_site.environment, m_site.guid, entry);
    }
    if (!call->ok())
        m_requestProblem->showError(call->error());
    // Without an answer (network, timeout, cancel) the previous one stays on screen.
    if (call->httpStatus() <= 0 || (!call->ok() && call->body().isEmpty()))
        return;
    pending.visit.httpStatus = call->httpStatus();
    pending.visit.body = call->body();
    pending.visit.bodyDropped = false;
    if (pending.replacesCurrent)
        m_navigation.replaceCurrent(pending.visit);
    else
        m_navigation.visit(pending.visit);
    updateNavigation();
    // The call has parsed a FHIR answer on its worker; an error's body is parsed here, so that
    // what came is shown even when it is not FHIR.
    display(pending.visit, call->ok() ? std::optional(call->response()) : std::nullopt);
}

// Parsing (of a body kept for Back and Forward) and building the whole tree happen on a worker:
// a Bundle can be large, and the GUI must keep answering.
void FhirTab::display(const Halo::FhirNavigation::Visit &visit,
                      const std::optional<Halo::FhirResponse> &parsed)
{
    const int generation = ++m_parseGeneration;
    m_displayedPage = visit.page;
    m_parser.setProperty("generation", generation);
    const QByteArray body = visit.body;
    m_parser.setFuture(QtConcurrent::run([body, parsed]() {
        ParsedAnswer answer{parsed ? *parsed : Halo::FhirResponse::parse(body), nullptr};
        if (!answer.response.root.isEmpty()) {
            answer.wholeTree = Halo::FhirJsonTreeModel::buildTree(
                answer.response.root,
                answer.response.root.value(QLatin1String("resourceType")).toString());
        }
        return answer;
    }));
}

void FhirTab::showParsed(const ParsedAnswer &answer, int page)
{
    Halo::FhirJsonTreeModel::discard(std::exchange(m_wholeTree, answer.wholeTree));
    m_results->showResponse(answer.response, page);
    if (answer.response.entries.isEmpty()) {
        if (m_wholeTree)
            showWholeResponse();
        else
            m_resource->showText(QString::fromUtf8(answer.response.rawBody));
    }
    emit answerShown();
}

void FhirTab::showWholeResponse()
{
    const Halo::FhirResponse &response = m_results->response();
    if (response.root.isEmpty() || !m_wholeTree)
        return;
    m_resource->showTree(response.root, m_wholeTree, response.prettyJson);
}

// ------------------------------------------------------------------------------------------
// Back and Forward

void FhirTab::goBack()
{
    revisit(m_navigation.back());
}

void FhirTab::goForward()
{
    revisit(m_navigation.forward());
}

void FhirTab::revisit(const Halo::FhirNavigation::Visit *visit)
{
    updateNavigation();
    if (!visit)
        return;
    if (m_call) { // an answer still on its way belongs to where the user was
        m_call->disconnect(this);
        m_call->cancel();
    }
    setQueryLine(visit->line);
    m_requestProblem->clearProblem();
    if (!visit->bodyDropped) {
        display(*visit);
        return;
    }
    // Let go of to bound memory: ask again, the way it was asked.
    Pending pending;
    pending.visit = *visit;
    pending.replacesCurrent = true;
    Halo::FhirCall *call = nullptr;
    if (visit->post && m_parsed.request && m_parsed.request->canPost())
        call = m_client->fhirSearch(m_site.guid, m_parsed.request->resourceType,
                                    m_parsed.request->form());
    else
        call = m_client->fhirGet(m_site.guid, visit->url);
    start(call, pending, tr("Asking again for %1…").arg(visit->title));
}

void FhirTab::updateNavigation()
{
    m_back->setEnabled(m_navigation.canGoBack());
    m_forward->setEnabled(m_navigation.canGoForward());
    const QList<Halo::FhirNavigation::Visit> &visits = m_navigation.visits();
    const int current = m_navigation.currentIndex();
    m_back->setToolTip(m_navigation.canGoBack() ? tr("Back to %1").arg(visits.at(current - 1).title)
                                                : tr("Nothing to go back to"));
    m_forward->setToolTip(m_navigation.canGoForward()
                              ? tr("Forward to %1").arg(visits.at(current + 1).title)
                              : tr("Nothing to go forward to"));
}

void FhirTab::fillRecentMenu()
{
    QMenu *menu = m_recent->menu();
    menu->clear();
    QStringList seen;
    if (m_history && !m_site.guid.isEmpty()) {
        for (const Halo::HistoryEntry &entry :
             m_history->entries(m_site.environment, m_site.guid)) {
            if (seen.contains(entry.sql))
                continue;
            seen.append(entry.sql);
            const QString line = entry.sql;
            // '&' would be read as a mnemonic marker: menus show it doubled.
            QAction *action =
                menu->addAction(QString(line).replace(QLatin1Char('&'), QStringLiteral("&&")), this,
                                [this, line]() {
                                    setQueryLine(line);
                                    m_line->setFocus();
                                });
            action->setData(line);
            if (seen.size() >= kRecentQueries)
                break;
        }
    }
    if (seen.isEmpty())
        menu->addAction(tr("No queries sent to this site yet"))->setEnabled(false);
}

// ------------------------------------------------------------------------------------------
// Capabilities

void FhirTab::refreshCapabilities()
{
    if (!offersFhir() || m_site.guid.isEmpty())
        return;
    if (m_capabilityCall) {
        m_capabilityCall->disconnect(this);
        m_capabilityCall->cancel();
    }
    m_capabilityProblem->clearProblem();
    m_capabilityLabel->setText(tr("Reading the site's CapabilityStatement…"));
    Halo::ApiCall *call = m_client->fhirGet(m_site.guid, QStringLiteral("metadata"));
    m_capabilityCall = call;
    const QString key = siteKey();
    connect(call, &Halo::ApiCall::finished, this, [this, call, key]() {
        m_capabilityCall = nullptr;
        if (key != siteKey())
            return;
        if (!call->ok()) {
            m_capabilityLabel->setText(tr("This site's capabilities are not known: types and "
                                          "parameters can still be typed."));
            m_capabilityProblem->showError(call->error());
            return;
        }
        // The cache reads the answer: it keeps a CapabilityStatement in memory even when the
        // disk write fails, and nothing else.
        QString error;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool saved = m_capabilityCache->store(key, call->body(), now, &error);
        const auto entry = m_capabilityCache->find(key);
        if (!entry || entry->fetchedAt != now) {
            m_capabilityLabel->setText(tr("The answer to metadata was not a CapabilityStatement."));
            m_capabilityProblem->showProblem(tr("Capabilities unreadable"), error);
            return;
        }
        if (!saved)
            m_capabilityProblem->showNote(
                tr("The capabilities could not be cached (%1); they are used for now.").arg(error));
        applyCapabilities(entry->capabilities, entry->fetchedAt);
    });
}

void FhirTab::applyCapabilities(const Halo::FhirCapabilities &capabilities,
                                const QDateTime &fetchedAt)
{
    m_capabilities = capabilities;
    m_form->setCapabilities(capabilities);
    QStringList parts;
    parts << tr("FHIR %1").arg(capabilities.fhirVersion.isEmpty() ? tr("(version not stated)")
                                                                  : capabilities.fhirVersion);
    if (!capabilities.softwareName.isEmpty())
        parts << QStringLiteral("%1 %2")
                     .arg(capabilities.softwareName, capabilities.softwareVersion)
                     .trimmed();
    if (!capabilities.version.isEmpty() && capabilities.version != capabilities.softwareVersion)
        parts << tr("version %1").arg(capabilities.version);
    parts << (capabilities.resources.size() == 1
                  ? tr("1 resource type")
                  : tr("%1 resource types").arg(capabilities.resources.size()));
    parts << tr("read %1").arg(QLocale().toString(fetchedAt.toLocalTime(), QLocale::ShortFormat));
    m_capabilityLabel->setText(parts.join(QStringLiteral(" · ")));
    // Warnings depend on the capabilities: look at the line again.
    showLineProblems();
    if (m_line->text().isEmpty() && !capabilities.isEmpty())
        setQueryLine(capabilities.resourceTypes().first());
}

// ------------------------------------------------------------------------------------------
// Saving: only when asked (answers hold patient data)

bool FhirTab::saveResponse()
{
    const Halo::FhirResponse &response = m_results->response();
    if (!response.root.isEmpty())
        return saveJson(response.prettyJson.toUtf8(), fileNameFor(m_line->text()));
    if (!response.rawBody.isEmpty())
        return saveJson(response.rawBody, fileNameFor(m_line->text()));
    return false;
}

bool FhirTab::saveResource()
{
    const QJsonObject &json = m_resource->json();
    if (json.isEmpty())
        return false;
    const QString name = json.value(QLatin1String("resourceType")).toString() + QLatin1Char('-') +
                         json.value(QLatin1String("id")).toString();
    return saveJson(Halo::fhirPrettyJson(json).toUtf8(), fileNameFor(name));
}

bool FhirTab::saveJson(const QByteArray &json, const QString &suggestedName)
{
    QString path;
    if (m_choosePath) {
        path = m_choosePath(suggestedName);
    } else {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(this, tr("Save FHIR JSON"),
                                            QDir(folder).filePath(suggestedName),
                                            tr("JSON files (*.json)"));
    }
    if (path.isEmpty())
        return false;
    QString error;
    if (!Halo::writeFileAtomically(path, json, &error, Halo::MissingFolder::Fail)) {
        m_requestProblem->showProblem(tr("Not saved"), error,
                                      tr("Choose another folder; an existing file was left as "
                                         "it was."));
        return false;
    }
    m_requestProblem->showNote(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}
