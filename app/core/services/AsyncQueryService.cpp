#include "services/AsyncQueryService.h"

#include "api/HaloApiClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

namespace Halo {

AsyncQueryService::AsyncQueryService(HaloApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

AsyncQueryService::~AsyncQueryService()
{
    cancel();
}

bool AsyncQueryService::isValidQueryId(const QString &queryId)
{
    const QString id = queryId.trimmed();
    // Without braces: a query id goes into a URL path as it is.
    return !id.startsWith(QLatin1Char('{')) && !QUuid::fromString(id).isNull();
}

ApiError AsyncQueryService::invalidQueryId(const QString &queryId)
{
    return ApiError::ofKind(
        ApiError::Kind::BadResponse,
        QCoreApplication::translate("Halo::AsyncQueryService",
                                    "“%1” is not a Halo query id (a UUID), so it was not asked for")
            .arg(queryId));
}

void AsyncQueryService::track(ApiCall *call)
{
    cancel();
    m_call = call;
}

void AsyncQueryService::cancel()
{
    ++m_generation;
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    call->disconnect(this);
    call->cancel();
}

void AsyncQueryService::failLater(const ApiError &error)
{
    cancel();
    // On the next turn of the event loop, as an answer would come.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, error]() {
            if (generation == m_generation)
                emit failed(error);
        },
        Qt::QueuedConnection);
}

void AsyncQueryService::readStatus(const QString &guid, const QString &queryId)
{
    if (!isValidQueryId(queryId)) {
        failLater(invalidQueryId(queryId));
        return;
    }
    ApiCall *call = m_client->queryStatus(guid, queryId.trimmed());
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        emit statusRead(QueryInfo::fromJson(call->jsonObject()), call->body()); // TODO(calls)
    });
}

void AsyncQueryService::readBatchStatus(const QString &guid, const QStringList &queryIds)
{
    QStringList ids;
    for (const QString &id : queryIds) {
        if (!isValidQueryId(id)) {
            failLater(invalidQueryId(id));
            return;
        }
        ids.append(id.trimmed());
    }
    if (ids.isEmpty()) {
        failLater(invalidQueryId(QString()));
        return;
    }
    ApiCall *call = m_client->batchStatus(guid, ids);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        QList<BatchQueryStatus> statuses; // TODO(calls)
        for (const QJsonValue &value :
             call->jsonObject().value(QLatin1String("results")).toArray()) {
            const QJsonObject entry = value.toObject();
            const bool found =
                entry.value(QLatin1String("status")).toString() == QLatin1String("found");
            statuses.append({entry.value(QLatin1String("queryId")).toString(), found,
                             QueryInfo::fromJson(entry.value(QLatin1String("query")).toObject())});
        }
        emit batchStatusRead(statuses, call->body());
    });
}

} // namespace Halo
