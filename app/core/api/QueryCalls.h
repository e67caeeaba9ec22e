// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "net/ApiCall.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

namespace Halo {

// POST /integrator/sites/{guid}/queries/immediate -> the query object with its result. The rows
// (up to 8 MB of base64) are decoded on a worker; the envelope is parsed without them.
class ImmediateQueryCall : public ApiCall
{
    Q_OBJECT
public:
    ImmediateQueryCall(const QString &guid, const QueryCommand &command);
    // The query object, also of a failed query (in a 200 answer or an error answer). Its `data`
    // is empty: the rows are in result().
    QueryInfo info() const { return m_answer.info; }
    DecodedResult result() const { return m_answer.result; } // Empty when there were no data

protected:
    ApiError readAnswer(const QByteArray &body) override;
    bool readsAnswerOffThread() const override { return true; }
    void readErrorAnswer(const QByteArray &body) override;
    DetachedReader detachedReader() override;

private:
    struct Answer {
        QueryInfo info;
        DecodedResult result;
    };
    // Takes the body (leaves it empty) once its data is decoded.
    static ApiError read(QByteArray &body, Answer &answer);
    Answer m_answer;
};

// POST /integrator/sites/{guid}/queries/async -> the new query (201). An answer without a
// usable query id is an error: the query could not be followed.
class SubmitAsyncCall : public ApiCall
{
    Q_OBJECT
public:
    SubmitAsyncCall(const QString &guid, const QueryCommand &command);
    QueryInfo info() const { return m_info; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    QueryInfo m_info;
};

// GET /integrator/sites/{guid}/queries/{queryId} -> the query object as it stands.
class QueryStatusCall : public ApiCall
{
    Q_OBJECT
public:
    QueryStatusCall(const QString &guid, const QString &queryId);
    QueryInfo info() const { return m_info; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    QueryInfo m_info;
};

// One entry of a batch status answer: an async query Halo knows (found), or one it does not.
struct BatchQueryStatus {
    QString queryId;
    bool found = false;
    QueryInfo query; // found only
};

// POST /integrator/sites/{guid}/queries/status {queryIds} -> {results: [...]}
class BatchStatusCall : public ApiCall
{
    Q_OBJECT
public:
    BatchStatusCall(const QString &guid, const QStringList &queryIds);
    QList<BatchQueryStatus> statuses() const { return m_statuses; }

protected:
    ApiError readAnswer(const QByteArray &body) override;

private:
    QList<BatchQueryStatus> m_statuses;
};

// GET .../queries/{queryId}/results/{n} -> {data, parameters}, or with Form::Stream
// GET .../results/{n}/stream -> the page's JSON itself (REFERENCE §2.5; an envelope is read
// too). Decoded on a worker: a page is about a megabyte.
class ResultPageCall : public ApiCall
{
    Q_OBJECT
public:
    enum class Form { Page, Stream };
    ResultPageCall(const QString &guid, const QString &queryId, int pageNumber,
                   Form form = Form::Page);
    int pageNumber() const { return m_pageNumber; }
    Form form() const { return m_form; }
    // Output parameters and counts; `data` is empty: the rows are in result().
    ResultData page() const { return m_answer.page; }
    DecodedResult result() const { return m_answer.result; }

protected:
    ApiError readAnswer(const QByteArray &body) override;
    bool readsAnswerOffThread() const override { return true; }
    DetachedReader detachedReader() override;

private:
    struct Answer {
        ResultData page;
        DecodedResult result;
    };
    static ApiError readPage(const QByteArray &body, Answer &answer);
    static ApiError readStream(const QByteArray &body, Answer &answer);
    int m_pageNumber;
    Form m_form;
    Answer m_answer;
};

} // namespace Halo
