// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/RegisteredCalls.h"

#include "api/AnswerReading.h"
#include "api/ApiPaths.h"

#include <QJsonArray>

namespace Halo {

namespace {

CallTarget registered(const QString &guid, const QString &rest = QString())
{
    return ApiPaths::site(guid, QStringLiteral("/queries/registered") + rest);
}

CallTarget registered(const QString &guid, const QString &queryId, const QString &rest)
{
    return registered(guid, QLatin1Char('/') + ApiPaths::segment(queryId) + rest);
}

QByteArray createBody(const QString &name, qint64 frequencySeconds, qint64 durationSeconds,
                      const QueryCommand &command)
{
    return ApiPaths::compact(
        QJsonObject{{QStringLiteral("name"), name},
                    {QStringLiteral("registeredQueryType"), QStringLiteral("query")},
                    {QStringLiteral("frequency"), frequencySeconds},
                    {QStringLiteral("duration"), durationSeconds},
                    {QStringLiteral("registerCommand"),
                     QJsonObject{{QStringLiteral("command"), command.commandJson()}}}});
}

} // namespace

CreateRegisteredCall::CreateRegisteredCall(const QString &guid, const QString &name,
                                           qint64 frequencySeconds, qint64 durationSeconds,
                                           const QueryCommand &command)
    : ApiCall("POST", registered(guid), RequestSafety::QueryPost,
              createBody(name, frequencySeconds, durationSeconds, command), ApiPaths::kJson)
{}

ApiError CreateRegisteredCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    const QJsonValue id = json.value(QLatin1String("id"));
    if (!id.isString() || !AnswerReading::isWellFormedId(id.toString()))
        return ApiError::badAnswer(
            tr("the registered query was sent, but the answer has no usable id (“%1”); look for "
               "it in the list before creating it again")
                .arg(id.toVariant().toString().left(80)));
    m_id = id.toString();
    return ApiError();
}

RegisteredListCall::RegisteredListCall(const QString &guid)
    : ApiCall("GET", registered(guid), RequestSafety::Idempotent)
{}

ApiError RegisteredListCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    const QJsonValue list = json.value(QLatin1String("registeredQueries"));
    if (!list.isArray())
        return AnswerReading::missing(QStringLiteral("registeredQueries"));
    QList<RegisteredQueryInfo> queries;
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject entry = value.toObject();
        if (!AnswerReading::hasText(entry, "id"))
            return ApiError::badAnswer(tr("an entry of “registeredQueries” has no id"));
        queries.append(RegisteredQueryInfo::fromJson(entry));
    }
    m_queries = queries;
    return ApiError();
}

RegisteredQueryCall::RegisteredQueryCall(const QString &guid, const QString &queryId)
    : ApiCall("GET", registered(guid, queryId, QString()), RequestSafety::Idempotent)
{}

ApiError RegisteredQueryCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    if (!AnswerReading::hasText(json, "id"))
        return AnswerReading::missing(QStringLiteral("id"));
    m_query = RegisteredQueryInfo::fromJson(json);
    return ApiError();
}

CancelRegisteredCall::CancelRegisteredCall(const QString &guid, const QString &queryId)
    : ApiCall("DELETE", registered(guid, queryId, QString()), RequestSafety::QueryPost)
{}

RegisteredResultsCall::RegisteredResultsCall(const QString &guid, const QString &queryId)
    : ApiCall("GET", registered(guid, queryId, QStringLiteral("/results")),
              RequestSafety::Idempotent)
{}

ApiError RegisteredResultsCall::read(const QByteArray &body, Answer &answer)
{
    return AnswerReading::readResultEnvelope(body, true, &answer.data, &answer.result);
}

ApiError RegisteredResultsCall::readAnswer(const QByteArray &body)
{
    return read(body, m_answer);
}

ApiCall::DetachedReader RegisteredResultsCall::detachedReader()
{
    return readerInto(&m_answer, &RegisteredResultsCall::read);
}

} // namespace Halo
