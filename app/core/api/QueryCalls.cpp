// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/QueryCalls.h"

#include "api/AnswerReading.h"
#include "api/ApiPaths.h"

#include <QJsonArray>

namespace Halo {

namespace {

QString queryPath(const QString &queryId)
{
    return QStringLiteral("/queries/") + ApiPaths::segment(queryId);
}

} // namespace

ImmediateQueryCall::ImmediateQueryCall(const QString &guid, const QueryCommand &command)
    : ApiCall("POST", ApiPaths::site(guid, QStringLiteral("/queries/immediate")),
              RequestSafety::QueryPost, ApiPaths::compact(command.bodyJson()), ApiPaths::kJson)
{}

ApiError ImmediateQueryCall::read(QByteArray &body, Answer &answer)
{
    // Megabytes of base64 stay out of the JSON parse: the envelope is read without them.
    const AnswerReading::Span data = AnswerReading::findString(body, {"result", "data"});
    QJsonObject json;
    if (const ApiError error =
            AnswerReading::readObject(AnswerReading::withEmptyString(body, data), &json);
        error.isError())
        return error;
    if (const ApiError error = AnswerReading::readQuery(json, &answer.info); error.isError())
        return error;
    if (answer.info.isSuccessful() && !json.value(QLatin1String("result")).isObject())
        return AnswerReading::missing(QStringLiteral("result"));
    if (data.found())
        answer.result = ResultDecoder::takeResponseBody(body);
    return ApiError();
}

ApiError ImmediateQueryCall::readAnswer(const QByteArray &body)
{
    QByteArray shared = body; // the call keeps its own: nothing is freed early on this path
    return read(shared, m_answer);
}

ApiCall::DetachedReader ImmediateQueryCall::detachedReader()
{
    return readerInto(&m_answer, &ImmediateQueryCall::read);
}

void ImmediateQueryCall::readErrorAnswer(const QByteArray &body)
{
    // A failed query may come as an error answer with the query object; whatever else came
    // (the general envelope) leaves info() mostly empty, and error() says what happened.
    QJsonObject json;
    if (!AnswerReading::readObject(body, &json).isError())
        m_answer.info = QueryInfo::fromJson(json);
}

SubmitAsyncCall::SubmitAsyncCall(const QString &guid, const QueryCommand &command)
    : ApiCall("POST", ApiPaths::site(guid, QStringLiteral("/queries/async")),
              RequestSafety::QueryPost, ApiPaths::compact(command.bodyJson()), ApiPaths::kJson)
{}

ApiError SubmitAsyncCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    // The id is all there is to follow the query by: without it the query is lost to us.
    const QJsonValue id = json.value(QLatin1String("id"));
    if (!id.isString() || !AnswerReading::isWellFormedId(id.toString()))
        return ApiError::badAnswer(
            tr("the query was sent, but the answer has no usable query id (“%1”); look for it "
               "in the site's recent queries before running it again")
                .arg(id.toVariant().toString().left(80)));
    return AnswerReading::readQuery(json, &m_info);
}

QueryStatusCall::QueryStatusCall(const QString &guid, const QString &queryId)
    : ApiCall("GET", ApiPaths::site(guid, queryPath(queryId)), RequestSafety::Idempotent)
{}

ApiError QueryStatusCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    return AnswerReading::readQuery(json, &m_info);
}

BatchStatusCall::BatchStatusCall(const QString &guid, const QStringList &queryIds)
    : ApiCall("POST", ApiPaths::site(guid, QStringLiteral("/queries/status")),
              RequestSafety::Idempotent,
              ApiPaths::compact(
                  QJsonObject{{QStringLiteral("queryIds"), QJsonArray::fromStringList(queryIds)}}),
              ApiPaths::kJson)
{}

ApiError BatchStatusCall::readAnswer(const QByteArray &body)
{
    QJsonObject json;
    if (const ApiError error = AnswerReading::readObject(body, &json); error.isError())
        return error;
    const QJsonValue results = json.value(QLatin1String("results"));
    if (!results.isArray())
        return AnswerReading::missing(QStringLiteral("results"));
    QList<BatchQueryStatus> statuses;
    for (const QJsonValue &value : results.toArray()) {
        const QJsonObject entry = value.toObject();
        const QString status = entry.value(QLatin1String("status")).toString();
        BatchQueryStatus read;
        read.queryId = entry.value(QLatin1String("queryId")).toString();
        read.found = status == QLatin1String("found");
        if (read.queryId.isEmpty() || (!read.found && status != QLatin1String("notFound")))
            return ApiError::badAnswer(tr("an entry of “results” is not a query status"));
        if (read.found) {
            const ApiError error = AnswerReading::readQuery(
                entry.value(QLatin1String("query")).toObject(), &read.query);
            if (error.isError())
                return error;
        }
        statuses.append(read);
    }
    m_statuses = statuses;
    return ApiError();
}

ResultPageCall::ResultPageCall(const QString &guid, const QString &queryId, int pageNumber,
                               Form form)
    : ApiCall(
          "GET",
          ApiPaths::site(guid, queryPath(queryId) + QStringLiteral("/results/") +
                                   QString::number(pageNumber) +
                                   (form == Form::Stream ? QStringLiteral("/stream") : QString())),
          RequestSafety::Idempotent)
    , m_pageNumber(pageNumber)
    , m_form(form)
{}

ApiError ResultPageCall::readPage(const QByteArray &body, Answer &answer)
{
    // A nonQuery's pages carry only output parameters.
    return AnswerReading::readResultEnvelope(body, false, &answer.page, &answer.result);
}

ApiError ResultPageCall::readStream(const QByteArray &body, Answer &answer)
{
    // The spec says only "the JSON content of a single page": the page itself (what `data`
    // holds once decoded), or perhaps the envelope of the other endpoint. Both are read.
    if (AnswerReading::findString(body, {"data"}).found())
        return readPage(body, answer);
    if (!AnswerReading::looksLikeJson(body))
        return ApiError::notJson(body);
    answer.result = ResultDecoder::decodeJson(body);
    return ApiError();
}

ApiError ResultPageCall::readAnswer(const QByteArray &body)
{
    return m_form == Form::Stream ? readStream(body, m_answer) : readPage(body, m_answer);
}

ApiCall::DetachedReader ResultPageCall::detachedReader()
{
    return readerInto(&m_answer, m_form == Form::Stream ? &ResultPageCall::readStream
                                                        : &ResultPageCall::readPage);
}

} // namespace Halo
