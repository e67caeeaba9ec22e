// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "api/QueryCalls.h"
#include "net/ApiError.h"
#include "sql/QueryTypes.h"

namespace Halo {

class ApiCall;
class HaloApiClient;

// Async queries read by id, for both faces: one query's status, or several in one request.
// Following a query to its end and fetching its pages is AsyncQueryRunner's job. Every id is
// checked before anything is sent. One request at a time: a new one cancels the last.
class AsyncQueryService : public QObject
{
    Q_OBJECT
public:
    explicit AsyncQueryService(HaloApiClient *client, QObject *parent = nullptr);
    ~AsyncQueryService() override;

    // Halo's query ids are UUIDs. An empty one would ask for GET .../queries/ instead.
    static bool isValidQueryId(const QString &queryId);
    // The error for an id that is not one; nothing is sent for it.
    static ApiError invalidQueryId(const QString &queryId);

    // Answers with statusRead() or failed().
    void readStatus(const QString &guid, const QString &queryId);
    // Answers with batchStatusRead() (one entry per id, found or not) or failed().
    void readBatchStatus(const QString &guid, const QStringList &queryIds);
    void cancel();

signals:
    void statusRead(const Halo::QueryInfo &info, const QByteArray &body);
    void batchStatusRead(const QList<Halo::BatchQueryStatus> &statuses, const QByteArray &body);
    void failed(const Halo::ApiError &error);

private:
    void track(ApiCall *call);
    void failLater(const ApiError &error);

    HaloApiClient *m_client;
    QPointer<ApiCall> m_call;
    quint64 m_generation = 0; // a failure queued before cancel() is not reported
};

} // namespace Halo
