// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

#include "net/ApiError.h"
#include "sites/SiteInfo.h"

class CallProgress;

namespace Halo {
class ApiCall;
class HaloApiClient;
} // namespace Halo

// Finds a site at Halo Cloud for the Add site dialog, one call at a time: the installs that
// share a PMS ID, a site by its Halo GUID, or a site paired by PMS ID (and code). Its progress
// shows in a CallProgress, whose Cancel cancels it.
class SiteLookupController : public QObject
{
    Q_OBJECT
public:
    SiteLookupController(Halo::HaloApiClient *client, CallProgress *progress,
                         QObject *parent = nullptr);
    ~SiteLookupController() override; // cancels a call still running, without a word

    bool isBusy() const { return !m_call.isNull(); }
    void findByPmsId(const QString &pmsId, const QString &pmsName);
    void findByGuid(const QString &guid); // a normalised GUID
    void pair(const QString &pmsId, const QString &pmsName, const QString &pairingCode);
    void cancel(); // the call ends as cancelled, and says so

signals:
    void sending(); // a call is about to go: what was found before is stale
    void busyChanged(bool busy);
    // What was found; `typedPmsId` is the PMS ID asked for (empty when looked up by GUID).
    void found(const QList<Halo::SiteInfo> &sites, const QString &typedPmsId);
    void failed(const Halo::ApiError &error);
    void finished(); // after found() or failed()

private:
    // Shows the call's progress; onSuccess reads the call's typed answer once it has succeeded.
    void send(Halo::ApiCall *call, const QString &activity, const std::function<void()> &onSuccess);

    Halo::HaloApiClient *m_client;
    CallProgress *m_progress;
    QPointer<Halo::ApiCall> m_call;
};
