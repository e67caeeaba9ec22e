// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include "net/Environment.h"
#include "services/VerificationReport.h"
#include "sites/SiteRecord.h"

namespace Halo {

class HaloApiClient;
class VerificationService;

// One saved site's evidence report, as the status panel's Save report makes it: the site is
// verified through VerificationService with its record as the input (PMS, PMS ID, expected GUID,
// recorded identity), and the run is described for VerificationReport: who, when, where.
class SiteReportRunner : public QObject
{
    Q_OBJECT
public:
    explicit SiteReportRunner(HaloApiClient *client, QObject *parent = nullptr);
    ~SiteReportRunner() override;

    // Starts verifying `site` (a run in progress is cancelled first); finished() follows.
    void start(const SiteRecord &site, const QString &appVersion);
    void cancel(); // no finished() after this
    bool isRunning() const;
    const VerificationRun &run() const { return m_run; }

    // The environment as people read it: "Sandbox", "Custom (https://proxy.example.net:443)".
    static QString environmentText(const Endpoint &endpoint);

signals:
    void finished(const Halo::VerificationRun &run);

private:
    void onFinished(bool cancelled);

    HaloApiClient *m_client;
    VerificationService *m_service;
    VerificationRun m_run;
};

} // namespace Halo
