#include "services/QueryService.h"

#include "api/HaloApiClient.h"
#include "net/ApiCall.h"

namespace Halo {

QueryService::QueryService(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

SafetyDecision QueryService::check(const QueryCommand &command, const QString &practice) const
{
    return m_policy.decide(command, m_client->endpoint(), practice);
}

ApiCall *QueryService::refuseUnlessPermitted(const QString &guid, const QueryCommand &command,
                                             const SafetyApproval &approval)
{
    const QString refusal = m_policy.refusal(check(command, guid), approval);
    if (refusal.isEmpty())
        return nullptr;
    // Never started: no request, no connection, nothing in the request log.
    auto *call =
        new ApiCall(m_client->network(), nullptr, QNetworkRequest(m_client->endpoint().baseUrl),
                    "POST", {}, RequestSafety::QueryPost, m_client->policy(), this);
    const ApiError error = ApiError::ofKind(ApiError::Kind::Refused, refusal);
    QMetaObject::invokeMethod(
        call, [call, error]() { call->finishWith(error); }, Qt::QueuedConnection);
    return call;
}

ApiCall *QueryService::runImmediate(const QString &guid, const QueryCommand &command,
                                    const SafetyApproval &approval)
{
    if (ApiCall *refused = refuseUnlessPermitted(guid, command, approval))
        return refused;
    return m_client->runImmediate(guid, command);
}

ApiCall *QueryService::submitAsync(const QString &guid, const QueryCommand &command,
                                   const SafetyApproval &approval)
{
    if (ApiCall *refused = refuseUnlessPermitted(guid, command, approval))
        return refused;
    return m_client->submitAsync(guid, command);
}

ApiCall *QueryService::createRegistered(const QString &guid, const QString &name,
                                        qint64 frequencySeconds, qint64 durationSeconds,
                                        const QueryCommand &command, const SafetyApproval &approval)
{
    // A registered query runs again every `frequency`: the same rules as running it once.
    if (ApiCall *refused = refuseUnlessPermitted(guid, command, approval))
        return refused;
    return m_client->createRegistered(guid, name, frequencySeconds, durationSeconds, command);
}

} // namespace Halo
