// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/FhirService.h"

#include "api/HaloApiClient.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

#include <QCoreApplication>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::FhirService)
};

bool isAbsoluteLink(const QString &line)
{
    return line.startsWith(QLatin1String("http://")) || line.startsWith(QLatin1String("https://"));
}

QString postProblem(const QString &line)
{
    return Text::tr("POST needs a search on a resource type, like 'Patient?family=Smith', not '%1'")
        .arg(line);
}

} // namespace

FhirService::FhirService(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

FhirService::~FhirService()
{
    cancel();
}

bool FhirService::postByDefault(const Endpoint &endpoint)
{
    // A custom base URL on the Production host is Production too.
    return isProduction(endpoint);
}

bool FhirService::offersFhir(const QString &pmsType)
{
    return pmsHasFhir(pmsType);
}

QString FhirService::noFhirHeadline(const QString &practice)
{
    return Text::tr("%1 has no FHIR API.").arg(practice);
}

QString FhirService::noFhirDetail(const QString &pmsType)
{
    return Text::tr("Halo Cloud offers FHIR R4 for Best Practice (Bp Premier) practices only; this "
                    "practice runs %1.")
        .arg(pmsDisplayName(pmsType));
}

FhirPlan FhirService::plan(const QString &line, FhirMethod method, const Endpoint &endpoint)
{
    FhirPlan plan;
    plan.line = line.trimmed();
    if (plan.line.isEmpty()) {
        plan.problem = Text::tr("the FHIR request is empty");
        return plan;
    }
    // A Bundle's link goes as it is; so does a line the reader refuses, for the server to judge.
    const FhirLineParse parsed =
        isAbsoluteLink(plan.line) ? FhirLineParse{} : parseFhirLine(plan.line);
    if (!parsed.request) {
        plan.relative = plan.line;
        if (method == FhirMethod::Post)
            plan.problem = postProblem(plan.line);
        return plan;
    }
    plan.request = parsed.request;
    const FhirRequest &request = *parsed.request;
    plan.relative = request.relativeUrl();
    switch (method) {
    case FhirMethod::Get:
        plan.post = false;
        break;
    case FhirMethod::Post:
        plan.post = true;
        if (!request.canPost())
            plan.problem = postProblem(plan.line);
        break;
    case FhirMethod::Default:
        // "Patient/_search?..." typed means POST wherever it is sent.
        plan.post = request.sentAsPost(postByDefault(endpoint));
        break;
    }
    return plan;
}

void FhirService::rememberSite(const QString &guid, const QString &pmsType, const QString &practice)
{
    m_sites.insert(normalisedGuid(guid), {pmsType, practice});
}

void FhirService::track(ApiCall *call)
{
    cancel();
    m_call = call;
}

void FhirService::cancel()
{
    ++m_generation;
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    call->disconnect(this);
    call->cancel();
}

void FhirService::send(const QString &guid, const FhirPlan &plan)
{
    cancel();
    const auto known = m_sites.constFind(normalisedGuid(guid));
    if (known != m_sites.constEnd()) {
        sendKnown(guid, *known, plan);
        return;
    }
    // The PMS decides whether there is a FHIR API at all: asked before anything FHIR is sent.
    SiteStatusCall *status = m_client->siteStatus(guid);
    track(status);
    connect(status, &ApiCall::finished, this, [this, status, guid, plan]() {
        m_call.clear();
        if (!status->ok()) {
            emit failed(status->error());
            return;
        }
        const SiteInfo site = status->site();
        const QString practice = site.practiceName.isEmpty() ? site.legacyName : site.practiceName;
        rememberSite(guid, site.pmsType, practice);
        sendKnown(guid, m_sites.value(normalisedGuid(guid)), plan);
    });
}

void FhirService::sendKnown(const QString &guid, const KnownSite &site, const FhirPlan &plan)
{
    // An unreported PMS is not a PMS without FHIR: then the facade itself answers.
    const bool noFhir = !site.pmsType.isEmpty() && !offersFhir(site.pmsType);
    if (noFhir || !plan.isSendable()) {
        const QString message =
            noFhir ? noFhirHeadline(site.practice.isEmpty() ? guid : site.practice) +
                         QLatin1Char(' ') + noFhirDetail(site.pmsType)
                   : plan.problem;
        // Said on the next turn of the event loop, as an answer would be.
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation, message]() {
                if (generation == m_generation)
                    emit refused(message);
            },
            Qt::QueuedConnection);
        return;
    }
    sendFhir(plan.post
                 ? m_client->fhirSearch(guid, plan.request->resourceType, plan.request->form())
                 : m_client->fhirGet(guid, plan.relative));
}

bool FhirService::followLink(const QString &guid, const FhirResponse &from, const QString &relation)
{
    const QString url = from.link(relation);
    if (url.isEmpty())
        return false;
    sendFhir(m_client->fhirGet(guid, url));
    return true;
}

void FhirService::sendFhir(FhirCall *call)
{
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        emit answered(call->response(), call->body());
    });
}

} // namespace Halo
