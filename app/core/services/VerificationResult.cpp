// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/VerificationResult.h"

#include "net/ApiCall.h"
#include "net/RequestLog.h"

#include <QJsonArray>

namespace Halo {

VerificationRequest VerificationRequest::of(const ApiCall &call, const QDateTime &startedAt)
{
    VerificationRequest request;
    request.method = call.method();
    const QUrl url = RequestLog::redactedUrl(call.url());
    request.path = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        request.path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    request.httpStatus = call.httpStatus();
    request.durationMs = call.elapsedMs();
    request.attempts = qMax(1, call.attempts());
    request.startedAt = startedAt;
    request.logId = call.loggedExchangeId();
    request.serverRequestId = call.serverRequestId();
    return request;
}

QStringList VerificationResult::jsonFields()
{
    return {QStringLiteral("pms"),
            QStringLiteral("pms_id"),
            QStringLiteral("expected_guid"),
            QStringLiteral("guid"),
            QStringLiteral("verdict"),
            QStringLiteral("practice_name"),
            QStringLiteral("recorded_name"),
            QStringLiteral("pms_version"),
            QStringLiteral("halo_link_version"),
            QStringLiteral("availability"),
            QStringLiteral("heartbeat_age_seconds"),
            QStringLiteral("message")};
}

QJsonObject VerificationResult::toJson(bool withEvidence) const
{
    QJsonObject json{
        {QStringLiteral("pms"), input.pms},
        {QStringLiteral("pms_id"), input.pmsId},
        {QStringLiteral("expected_guid"), input.expectedGuid},
        {QStringLiteral("guid"), guid},
        {QStringLiteral("verdict"), verdictId(verdict)},
        {QStringLiteral("practice_name"), practiceName},
        {QStringLiteral("recorded_name"), recordedName},
        {QStringLiteral("pms_version"), pmsVersion},
        {QStringLiteral("halo_link_version"), haloLinkVersion},
        {QStringLiteral("availability"), availability},
        {QStringLiteral("heartbeat_age_seconds"),
         heartbeatAgeSeconds < 0 ? QJsonValue() : QJsonValue(heartbeatAgeSeconds)},
        {QStringLiteral("message"), message},
    };
    if (!withEvidence)
        return json;
    if (input.line > 0)
        json.insert(QStringLiteral("line"), input.line);
    json.insert(QStringLiteral("recorded_pms_version"), recordedPmsVersion);
    json.insert(QStringLiteral("recorded_halo_link_version"), recordedHaloLinkVersion);
    json.insert(QStringLiteral("status"), status);
    json.insert(QStringLiteral("heartbeat"),
                heartbeatAt.isValid() ? heartbeatAt.toString(Qt::ISODate) : QString());
    json.insert(QStringLiteral("checked_at"),
                checkedAt.isValid() ? checkedAt.toString(Qt::ISODate) : QString());
    QJsonArray calls;
    for (const VerificationRequest &request : requests)
        calls.append(QJsonObject{
            {QStringLiteral("method"), QString::fromLatin1(request.method)},
            {QStringLiteral("path"), request.path},
            {QStringLiteral("http_status"), request.httpStatus},
            {QStringLiteral("duration_ms"), request.durationMs},
            {QStringLiteral("attempts"), request.attempts},
            {QStringLiteral("started_at"), request.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("log_id"),
             request.logId ? QJsonValue(qint64(request.logId)) : QJsonValue()},
            {QStringLiteral("server_request_id"), request.serverRequestId}});
    json.insert(QStringLiteral("requests"), calls);
    return json;
}

} // namespace Halo
