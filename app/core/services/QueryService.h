// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include "services/SafetyPolicy.h"
#include "sql/QueryTypes.h"

namespace Halo {

class CreateRegisteredCall;
class HaloApiClient;
class ImmediateQueryCall;
class SubmitAsyncCall;

// Sends SQL for both faces, each command through the SafetyPolicy first. A refused command
// comes back as a call that finishes (on the next turn of the event loop, as a sent call
// would) with an ApiError of kind Refused in the policy's words, and nothing at all is sent:
// no request, not even a connection. Anything else goes to HaloApiClient unchanged.
class QueryService : public QObject
{
    Q_OBJECT
public:
    explicit QueryService(HaloApiClient *client, QObject *parent = nullptr);

    HaloApiClient *client() const { return m_client; }
    SafetyPolicy &policy() { return m_policy; }
    const SafetyPolicy &policy() const { return m_policy; }

    // What the policy says about `command` for the client's destination, for a face that asks
    // before sending. `practice` names the practice in the question (the GUID when unknown).
    SafetyDecision check(const QueryCommand &command, const QString &practice) const;

    ImmediateQueryCall *runImmediate(const QString &guid, const QueryCommand &command,
                                     const SafetyApproval &approval);
    SubmitAsyncCall *submitAsync(const QString &guid, const QueryCommand &command,
                                 const SafetyApproval &approval);
    CreateRegisteredCall *createRegistered(const QString &guid, const QString &name,
                                           qint64 frequencySeconds, qint64 durationSeconds,
                                           const QueryCommand &command,
                                           const SafetyApproval &approval);

private:
    // Why the approval does not cover the command, as a Refused error; no error otherwise.
    ApiError refusalFor(const QString &guid, const QueryCommand &command,
                        const SafetyApproval &approval) const;

    HaloApiClient *m_client;
    SafetyPolicy m_policy;
};

} // namespace Halo
