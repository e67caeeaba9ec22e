// SPDX-License-Identifier: GPL-3.0-or-later
#include "FhirNavigator.h"

#include "api/FhirCalls.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "sql/QueryHistory.h"
#include "widgets/CallProgress.h"
#include "widgets/ProblemLabel.h"

namespace {

QString statusText(const Halo::ApiCall *call)
{
    if (call->httpStatus() > 0)
        return QStringLiteral("HTTP %1").arg(call->httpStatus());
    return call->error().title();
}

} // namespace

FhirNavigator::FhirNavigator(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                             CallProgress *progress, ProblemLabel *problem, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_history(history)
    , m_progress(progress)
    , m_problem(problem)
{}

FhirNavigator::~FhirNavigator()
{
    if (m_call)
        m_call->disconnect(this);
}

void FhirNavigator::setSite(const Halo::SiteRecord &site)
{
    const bool sameSite = m_site.sameSite(site);
    m_site = site;
    if (sameSite)
        return;
    cancel();
    m_navigation.clear();
}

void FhirNavigator::cancel()
{
    if (!m_call)
        return;
    m_call->disconnect(this);
    m_call->cancel();
}

void FhirNavigator::send(const Halo::FhirRequest &request, bool postChosen)
{
    Pending pending;
    pending.recordInHistory = true;
    pending.visit.title = request.title();
    pending.visit.line = request.toLine();
    pending.visit.post = request.sentAsPost(postChosen);
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

void FhirNavigator::fetchPage(const QString &url, int page, const QString &line)
{
    if (url.isEmpty())
        return;
    Pending pending;
    pending.visit.title = tr("%1 (page %2)").arg(line).arg(page);
    pending.visit.line = line;
    pending.visit.url = url;
    pending.visit.page = page;
    start(m_client->fhirGet(m_site.guid, url), pending, tr("Fetching page %1…").arg(page));
}

void FhirNavigator::read(const QString &relative, const QString &line)
{
    Pending pending;
    pending.recordInHistory = true;
    pending.visit.title = relative;
    pending.visit.line = line;
    pending.visit.url = relative;
    start(m_client->fhirGet(m_site.guid, relative), pending, tr("Reading %1…").arg(relative));
}

void FhirNavigator::askAgain(const Halo::FhirNavigation::Visit &visit,
                             const std::optional<Halo::FhirRequest> &request)
{
    Pending pending;
    pending.visit = visit;
    pending.replacesCurrent = true;
    Halo::FhirCall *call = nullptr;
    if (visit.post && request && request->canPost())
        call = m_client->fhirSearch(m_site.guid, request->resourceType, request->form());
    else
        call = m_client->fhirGet(m_site.guid, visit.url);
    start(call, pending, tr("Asking again for %1…").arg(visit.title));
}

void FhirNavigator::start(Halo::FhirCall *call, const Pending &pending, const QString &activity)
{
    cancel(); // one request at a time: the newest wins
    m_call = call;
    m_problem->clearProblem();
    m_progress->track(call, activity);
    connect(call, &Halo::ApiCall::finished, this,
            [this, call, pending]() { finished(call, pending); });
}

void FhirNavigator::finished(Halo::FhirCall *call, Pending pending)
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
        m_problem->showError(call->error());
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
    emit navigationChanged();
    // The call has parsed a FHIR answer on its worker; an error's body is parsed for showing,
    // so that what came is shown even when it is not FHIR.
    emit answered(pending.visit, call->ok() ? std::optional(call->response()) : std::nullopt);
}
