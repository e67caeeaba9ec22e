// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirTab.h"

#include "FhirAnswerParser.h"
#include "FhirCapabilitiesBar.h"
#include "FhirNavigator.h"
#include "FhirQueryBar.h"
#include "FhirQueryForm.h"
#include "FhirResourceView.h"
#include "FhirResultsPanel.h"
#include "api/FhirCalls.h"
#include "api/HaloApiClient.h"
#include "privacy/JsonMasking.h"
#include "privacy/RevealConsent.h"
#include "services/FhirService.h"
#include "sql/PatientLinks.h"
#include "storage/AtomicFile.h"
#include "storage/PortableFileName.h"
#include "widgets/AccessibleControls.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <utility>

namespace {

QString fileNameFor(const QString &text)
{
    return Halo::portableFileName(text, QStringLiteral("json"));
}

} // namespace

FhirTab::FhirTab(Halo::HaloApiClient *client, Halo::FhirCapabilityCache *capabilities,
                 Halo::QueryHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_pages(new QStackedWidget(this))
    , m_unavailable(new QLabel(this))
    , m_capabilitiesBar(new FhirCapabilitiesBar(client, capabilities, this))
    , m_queryBar(new FhirQueryBar(client, history, this))
    , m_form(new FhirQueryForm(this))
    , m_progress(new CallProgress(this))
    , m_requestProblem(new ProblemLabel(tr("FHIR request problem"), this))
    , m_results(new FhirResultsPanel(this))
    , m_resource(new FhirResourceView(this))
    , m_navigator(new FhirNavigator(client, history, m_progress, m_requestProblem, this))
    , m_parser(new FhirAnswerParser(this))
{
    setObjectName(QStringLiteral("fhirTab"));
    setAccessibleName(tr("FHIR browser"));

    m_unavailable->setObjectName(QStringLiteral("fhirUnavailable"));
    m_unavailable->setAccessibleName(tr("FHIR not available"));
    AccessibleControls::makeSelectable(m_unavailable);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_unavailable->setWordWrap(true);
    m_unavailable->setMargin(24);

    connect(m_capabilitiesBar, &FhirCapabilitiesBar::capabilitiesChanged, this,
            &FhirTab::capabilitiesChanged);
    connect(m_queryBar, &FhirQueryBar::backRequested, this, &FhirTab::goBack);
    connect(m_queryBar, &FhirQueryBar::forwardRequested, this, &FhirTab::goForward);
    connect(m_queryBar, &FhirQueryBar::searchRequested, this, &FhirTab::search);
    connect(m_queryBar, &FhirQueryBar::copyAsRequested, this, &FhirTab::copyAs);
    // The query line and the form are two views of one request: each follows the other.
    connect(m_queryBar, &FhirQueryBar::requestTyped, m_form, &FhirQueryForm::setRequest);
    connect(m_form, &FhirQueryForm::edited, this,
            [this]() { m_queryBar->setLineText(m_form->searchRequest().toLine()); });
    connect(m_form, &FhirQueryForm::readRequested, this, &FhirTab::readRequested);
    connect(m_form, &FhirQueryForm::operationRequested, this, &FhirTab::operationRequested);

    auto *focusLine = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    focusLine->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focusLine, &QShortcut::activated, m_queryBar, &FhirQueryBar::focusLine);
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &FhirTab::search);
    }

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
    connect(m_results, &FhirResultsPanel::pageRequested, this,
            [this](const QString &url, int page) {
                m_navigator->fetchPage(url, page, m_queryBar->text());
            });
    connect(m_results, &FhirResultsPanel::saveResponseRequested, this, &FhirTab::saveResponse);
    connect(m_resource, &FhirResourceView::referenceActivated, this, &FhirTab::followReference);
    connect(m_resource, &FhirResourceView::saveRequested, this, &FhirTab::saveResource);
    connect(m_resource, &FhirResourceView::showInSqlRequested, this, &FhirTab::showInSqlRequested);
    connect(m_navigator, &FhirNavigator::navigationChanged, this, &FhirTab::updateNavigation);
    connect(m_navigator, &FhirNavigator::answered, m_parser, &FhirAnswerParser::read);
    connect(m_parser, &FhirAnswerParser::ready, this, &FhirTab::showParsed);

    // Layout: capabilities, the query line with its method, the form, then the answer.
    auto *answer = new QSplitter(Qt::Horizontal, this);
    answer->setObjectName(QStringLiteral("fhirAnswerSplitter"));
    answer->addWidget(m_results);
    answer->addWidget(m_resource);
    answer->setStretchFactor(0, 1);
    answer->setStretchFactor(1, 1);
    answer->setChildrenCollapsible(false);

    auto *browser = new QWidget(this);
    auto *browserLayout = new QVBoxLayout(browser);
    browserLayout->addWidget(m_capabilitiesBar);
    browserLayout->addWidget(m_queryBar);
    browserLayout->addWidget(m_form);
    browserLayout->addWidget(m_progress);
    browserLayout->addWidget(m_requestProblem);
    browserLayout->addWidget(answer, 1);

    m_pages->addWidget(browser);
    m_pages->addWidget(m_unavailable);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    updateNavigation();
}

FhirTab::~FhirTab() = default;

void FhirTab::setSite(const Halo::SiteRecord &record)
{
    const bool sameSite = m_site.sameSite(record);
    m_site = record;
    m_queryBar->setSite(record);
    m_navigator->setSite(record);
    m_capabilitiesBar->setSite(record);
    m_resource->setShowInSqlOffered(Halo::PatientLinks::linksPatients(record.pmsType));
    if (sameSite)
        return;

    m_parser->discard();
    m_results->clear();
    m_resource->clear();
    m_requestProblem->clearProblem();
    m_queryBar->forgetCapabilities();
    m_form->setCapabilities({});
    updateNavigation();

    if (!offersFhir()) {
        // Said plainly, without a request that could only fail.
        const QString name =
            record.recorded.practiceName.isEmpty() ? record.guid : record.recorded.practiceName;
        const QString headline = Halo::FhirService::noFhirHeadline(name);
        const QString detail = Halo::FhirService::noFhirDetail(record.pmsType) + QLatin1Char(' ') +
                               tr("Use the SQL tab to query it.");
        m_unavailable->setText(QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                                   .arg(headline.toHtmlEscaped(), detail.toHtmlEscaped()));
        m_unavailable->setAccessibleDescription(headline + QLatin1Char(' ') + detail);
        m_pages->setCurrentWidget(m_unavailable);
        return;
    }
    m_pages->setCurrentIndex(0);
    m_capabilitiesBar->load();
}

bool FhirTab::offersFhir() const
{
    return Halo::FhirService::offersFhir(m_site.pmsType);
}

bool FhirTab::isBusy() const
{
    return m_progress->isBusy();
}

void FhirTab::setQueryLine(const QString &line)
{
    m_queryBar->setQueryLine(line);
}

void FhirTab::setAnswerMemoryLimit(qint64 bytes)
{
    m_navigator->setMaxBodyBytes(bytes);
}

QLineEdit *FhirTab::queryLine() const
{
    return m_queryBar->line();
}

QCheckBox *FhirTab::postBox() const
{
    return m_queryBar->postBox();
}

QPushButton *FhirTab::searchButton() const
{
    return m_queryBar->searchButton();
}

QToolButton *FhirTab::backButton() const
{
    return m_queryBar->backButton();
}

QToolButton *FhirTab::forwardButton() const
{
    return m_queryBar->forwardButton();
}

ProblemLabel *FhirTab::queryProblem() const
{
    return m_queryBar->problem();
}

QLabel *FhirTab::capabilitiesLabel() const
{
    return m_capabilitiesBar->label();
}

const std::optional<Halo::FhirCapabilities> &FhirTab::capabilities() const
{
    return m_capabilitiesBar->capabilities();
}

void FhirTab::refreshCapabilities()
{
    m_capabilitiesBar->refresh();
}

void FhirTab::capabilitiesChanged()
{
    const Halo::FhirCapabilities &capabilities = *m_capabilitiesBar->capabilities();
    m_form->setCapabilities(capabilities);
    // Warnings depend on the capabilities: the line is looked at again.
    m_queryBar->setCapabilities(capabilities);
    if (m_queryBar->text().isEmpty() && !capabilities.isEmpty())
        setQueryLine(capabilities.resourceTypes().first());
}

// ------------------------------------------------------------------------------------------
// Requests

const Halo::FhirRequest *FhirTab::requestOnLine()
{
    if (!offersFhir() || m_site.guid.isEmpty())
        return nullptr;
    const Halo::FhirLineParse &parsed = m_queryBar->parsed();
    if (!parsed.request) {
        m_queryBar->showUnreadablePart();
        return nullptr;
    }
    return &*parsed.request;
}

void FhirTab::search()
{
    if (const Halo::FhirRequest *request = requestOnLine())
        m_navigator->send(*request, m_queryBar->postChosen());
}

void FhirTab::openPatient(const QString &fhirId)
{
    setQueryLine(QStringLiteral("Patient/%1").arg(fhirId));
    search();
}

void FhirTab::copyAs(Halo::SnippetLanguage language)
{
    const Halo::FhirRequest *line = requestOnLine();
    if (!line)
        return;
    // The request Search would send (built, never sent): GET, or POST _search as chosen.
    const Halo::FhirRequest &request = *line;
    const QUrl base = m_client->fhirBase(m_site.guid);
    const bool post = request.sentAsPost(m_queryBar->postChosen());
    const std::unique_ptr<Halo::FhirCall> call =
        post ? std::make_unique<Halo::FhirCall>(base, request.resourceType, request.form())
             : std::make_unique<Halo::FhirCall>(base, request.relativeUrl());
    const Halo::RequestRecipe recipe =
        Halo::RequestRecipe::of(*m_client, *call, Halo::RequestRecipe::Answer::Json);
    QGuiApplication::clipboard()->setText(Halo::codeSnippet(recipe, language));
    m_queryBar->problem()->showNote(tr("Copied as %1; set HALO_KEY before running it.")
                                        .arg(Halo::snippetLanguageName(language)));
}

void FhirTab::readRequested()
{
    const Halo::FhirRequest request = m_form->readRequest();
    if (request.id.isEmpty()) {
        m_queryBar->problem()->showProblem(tr("Which resource?"),
                                           tr("Type the id of the resource to read, e.g. 1."));
        m_form->idField()->setFocus();
        return;
    }
    setQueryLine(request.toLine());
    search();
}

void FhirTab::operationRequested()
{
    const Halo::FhirRequest request = m_form->operationRequest();
    if (request.operation.isEmpty())
        return;
    setQueryLine(request.toLine());
    search();
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
    const Halo::FhirLineParse parsed = Halo::parseFhirLine(relative);
    const QString line = parsed.request ? parsed.request->toLine() : m_queryBar->text();
    if (parsed.request)
        setQueryLine(line);
    m_navigator->read(relative, line);
}

void FhirTab::showParsed(const FhirParsedAnswer &answer, int page)
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
    revisit(m_navigator->back());
}

void FhirTab::goForward()
{
    revisit(m_navigator->forward());
}

void FhirTab::revisit(const Halo::FhirNavigation::Visit *visit)
{
    updateNavigation();
    if (!visit)
        return;
    m_navigator->cancel(); // an answer still on its way belongs to where the user was
    setQueryLine(visit->line);
    m_requestProblem->clearProblem();
    if (!visit->bodyDropped) {
        m_parser->read(*visit);
        return;
    }
    // Let go of to bound memory: ask again, the way it was asked.
    m_navigator->askAgain(*visit, m_queryBar->parsed().request);
}

void FhirTab::updateNavigation()
{
    m_queryBar->showNavigation(m_navigator->navigation());
}

// ------------------------------------------------------------------------------------------
// Saving: only when asked (answers hold patient data)

void FhirTab::setPrivacy(bool on)
{
    m_privacy = on;
    m_results->setPrivacy(on);
    m_resource->setPrivacy(on);
}

bool FhirTab::saveMayReveal(const QString &question)
{
    if (!m_privacy || askToReveal(this, tr("Save FHIR JSON"), question))
        return true;
    m_requestProblem->showNote(tr("Not saved: patient data stays hidden."));
    return false;
}

bool FhirTab::saveResponse()
{
    const Halo::FhirResponse &response = m_results->response();
    if (response.root.isEmpty() && response.rawBody.isEmpty())
        return false;
    const QStringList hidden = m_results->hiddenColumnNames();
    const QString question =
        hidden.isEmpty()
            ? tr("This saves the whole answer (%n entry(s)) with the patient data hidden on "
                 "screen.",
                 nullptr, int(response.entries.size()))
            : tr("This saves the whole answer (%n entry(s)) with the patient data hidden on "
                 "screen (%1, and all the rest of each resource).",
                 nullptr, int(response.entries.size()))
                  .arg(hidden.join(QStringLiteral(", ")));
    if (!saveMayReveal(question))
        return false;
    if (!response.root.isEmpty())
        return saveJson(response.prettyJson.toUtf8(), fileNameFor(m_queryBar->text()));
    if (!response.rawBody.isEmpty())
        return saveJson(response.rawBody, fileNameFor(m_queryBar->text()));
    return false;
}

bool FhirTab::saveResource()
{
    const QJsonObject &json = m_resource->json();
    if (json.isEmpty())
        return false;
    const QString name = json.value(QLatin1String("resourceType")).toString() + QLatin1Char('-') +
                         json.value(QLatin1String("id")).toString();
    if (m_privacy) {
        int hidden = 0;
        Halo::JsonMasking::maskFhir(json, &hidden);
        if (hidden > 0 &&
            !saveMayReveal(
                tr("This saves %1 with %n value(s) hidden in privacy mode.", nullptr, hidden)
                    .arg(name)))
            return false;
    }
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
    if (!Halo::writeFileAtomically(path, json, &error, Halo::MissingFolder::Fail,
                                   Halo::FileAccess::UserDefault)) { // the user's own file
        m_requestProblem->showProblem(tr("Not saved"), error,
                                      tr("Choose another folder; an existing file was left as "
                                         "it was."));
        return false;
    }
    m_requestProblem->showNote(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}
