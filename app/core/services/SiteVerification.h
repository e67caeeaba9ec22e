// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include "net/ApiError.h"
#include "services/VerificationResult.h"
#include "sites/SiteInfo.h"

namespace Halo {

class ApiCall;
class HaloApiClient;

// Verifies one practice: looks its PMS ID up, reads the status of the authoritative install,
// and judges. At most one request is in flight at a time, so a bulk run's bound on rows is its
// bound on requests. Finishes exactly once, unless cancelled.
class SiteVerification : public QObject
{
    Q_OBJECT
public:
    SiteVerification(HaloApiClient *client, const VerificationInput &input,
                     QObject *parent = nullptr);
    ~SiteVerification() override;

    void start();
    void cancel(); // no finished() after this
    const VerificationResult &result() const { return m_result; }

    // The judgement alone, from Halo's answers: the installs the lookup listed and the status
    // read of the authoritative one (nullptr when it was not read). Fills the verdict, message,
    // GUID and evidence of `result`.
    static void judge(const QList<SiteInfo> &installs, const SiteInfo *status,
                      VerificationResult *result, const QDateTime &now);

signals:
    void finished();

private:
    void onLookedUp(ApiCall *call);
    void onStatusRead(ApiCall *call);
    void fail(const ApiError &error);
    void finish();
    void track(ApiCall *call);

    HaloApiClient *m_client;
    VerificationResult m_result;
    QList<SiteInfo> m_installs;
    QPointer<ApiCall> m_call;
    QDateTime m_callStartedAt;
    bool m_done = false;
};

} // namespace Halo
