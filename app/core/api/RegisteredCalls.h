// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "net/ApiCall.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

namespace Halo {

// POST /integrator/sites/{guid}/queries/registered -> 202 {id}. No usable id is an error.
class CreateRegisteredCall : public ApiCall
{
    Q_OBJECT
public:
    CreateRegisteredCall(const QString &guid, const QString &name, qint64 frequencySeconds,
                         qint64 durationSeconds, const QueryCommand &command);
    QString id() const { return m_id; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    QString m_id;
};

// GET /integrator/sites/{guid}/queries/registered -> {registeredQueries: [...]}
class RegisteredListCall : public ApiCall
{
    Q_OBJECT
public:
    explicit RegisteredListCall(const QString &guid);
    QList<RegisteredQueryInfo> queries() const { return m_queries; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    QList<RegisteredQueryInfo> m_queries;
};

// GET /integrator/sites/{guid}/queries/registered/{id} -> the registered query
class RegisteredQueryCall : public ApiCall
{
    Q_OBJECT
public:
    RegisteredQueryCall(const QString &guid, const QString &queryId);
    RegisteredQueryInfo query() const { return m_query; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    RegisteredQueryInfo m_query;
};

// DELETE /integrator/sites/{guid}/queries/registered/{id} -> 204, no body. Never re-sent:
// cancelling twice gains nothing.
class CancelRegisteredCall : public ApiCall
{
    Q_OBJECT
public:
    CancelRegisteredCall(const QString &guid, const QString &queryId);
};

// GET /integrator/sites/{guid}/queries/registered/{id}/results -> the latest run's result,
// decoded on a worker (up to 8 MB).
class RegisteredResultsCall : public ApiCall
{
    Q_OBJECT
public:
    RegisteredResultsCall(const QString &guid, const QString &queryId);
    // Output parameters and counts; `data` is empty: the rows are in result().
    ResultData data() const { return m_answer.data; }
    DecodedResult result() const { return m_answer.result; }

protected:
    ApiError readAnswer(const QByteArray &body) override;
    bool readsAnswerOffThread() const override { return true; }
    DetachedReader detachedReader() override;

private:
    struct Answer {
        ResultData data;
        DecodedResult result;
    };
    static ApiError read(const QByteArray &body, Answer &answer);
    Answer m_answer;
};

} // namespace Halo
