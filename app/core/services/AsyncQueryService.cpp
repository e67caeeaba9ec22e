// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/AsyncQueryService.h"

#include "api/HaloApiClient.h"

#include <QCoreApplication>
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
    QueryStatusCall *call = m_client->queryStatus(guid, queryId.trimmed());
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        emit statusRead(call->info(), call->body());
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
    BatchStatusCall *call = m_client->batchStatus(guid, ids);
    track(call);
    connect(call, &ApiCall::finished, this, [this, call]() {
        m_call.clear();
        if (!call->ok()) {
            emit failed(call->error());
            return;
        }
        emit batchStatusRead(call->statuses(), call->body());
    });
}

} // namespace Halo
