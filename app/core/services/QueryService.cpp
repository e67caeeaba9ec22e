// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/QueryService.h"

#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "api/RegisteredCalls.h"

namespace Halo {

QueryService::QueryService(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

SafetyDecision QueryService::check(const QueryCommand &command, const QString &practice) const
{
    return m_policy.decide(command, m_client->endpoint(), practice);
}

ApiError QueryService::refusalFor(const QString &guid, const QueryCommand &command,
                                  const SafetyApproval &approval) const
{
    const QString refusal = m_policy.refusal(check(command, guid), approval);
    if (refusal.isEmpty())
        return {};
    return ApiError::ofKind(ApiError::Kind::Refused, refusal);
}

ImmediateQueryCall *QueryService::runImmediate(const QString &guid, const QueryCommand &command,
                                               const SafetyApproval &approval)
{
    if (const ApiError refused = refusalFor(guid, command, approval); refused.isError())
        return m_client->refuse(new ImmediateQueryCall(guid, command), refused);
    ImmediateQueryCall *call = m_client->runImmediate(guid, command);
    call->dropBodyOnceRead(); // both faces read the typed answer only; large results are freed
    return call;
}

SubmitAsyncCall *QueryService::submitAsync(const QString &guid, const QueryCommand &command,
                                           const SafetyApproval &approval)
{
    if (const ApiError refused = refusalFor(guid, command, approval); refused.isError())
        return m_client->refuse(new SubmitAsyncCall(guid, command), refused);
    return m_client->submitAsync(guid, command);
}

CreateRegisteredCall *QueryService::createRegistered(const QString &guid, const QString &name,
                                                     qint64 frequencySeconds,
                                                     qint64 durationSeconds,
                                                     const QueryCommand &command,
                                                     const SafetyApproval &approval)
{
    // A registered query runs again every `frequency`: the same rules as running it once.
    if (const ApiError refused = refusalFor(guid, command, approval); refused.isError())
        return m_client->refuse(
            new CreateRegisteredCall(guid, name, frequencySeconds, durationSeconds, command),
            refused);
    return m_client->createRegistered(guid, name, frequencySeconds, durationSeconds, command);
}

} // namespace Halo
