// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/SiteReportRunner.h"

#include "api/HaloApiClient.h"
#include "services/VerificationService.h"
#include "sites/VerificationInput.h"

#include <QCoreApplication>

namespace Halo {

SiteReportRunner::SiteReportRunner(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_service(new VerificationService(client, this))
{
    connect(m_service, &VerificationService::finished, this, &SiteReportRunner::onFinished);
}

SiteReportRunner::~SiteReportRunner()
{
    m_service->disconnect(this); // nothing of a run reaches a half-destroyed runner
    m_service->cancel();
}

QString SiteReportRunner::environmentText(const Endpoint &endpoint)
{
    const QString name = endpointDisplayName(endpoint);
    if (endpoint.environment != Environment::Custom)
        return name;
    return QCoreApplication::translate("Halo::SiteReportRunner", "%1 (%2)")
        .arg(name, keyOrigin(endpoint.baseUrl));
}

void SiteReportRunner::start(const SiteRecord &site, const QString &appVersion)
{
    cancel();
    m_run = VerificationRun();
    m_run.environment = environmentText(m_client->endpoint());
    const QString name =
        site.recorded.practiceName.isEmpty() ? site.guid : site.recorded.practiceName;
    m_run.source = QCoreApplication::translate("Halo::SiteReportRunner", "saved site %1 (%2)")
                       .arg(name, site.guid);
    m_run.user = VerificationReport::currentUser();
    m_run.appVersion = appVersion;
    m_run.total = 1;
    m_run.startedAt = QDateTime::currentDateTimeUtc();
    m_service->start(verificationInputsFrom({site}));
}

void SiteReportRunner::cancel()
{
    // Quietly: a cancelled report is not a report.
    const QSignalBlocker quiet(m_service);
    m_service->cancel();
}

bool SiteReportRunner::isRunning() const
{
    return m_service->isRunning();
}

void SiteReportRunner::onFinished(bool cancelled)
{
    m_run.finishedAt = QDateTime::currentDateTimeUtc();
    m_run.cancelled = cancelled;
    m_run.rows = m_service->results();
    emit finished(m_run);
}

} // namespace Halo
