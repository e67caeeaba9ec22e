// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <memory>

#include "net/ApiError.h"
#include "net/RequestLog.h"

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Halo {

// How patient a call is and when it may be sent again. Defaults follow REFERENCE.md: retry 5xx
// with doubling back-off, honour Retry-After on 429 (capped).
struct CallPolicy {
    int inactivityTimeoutMs = 30000; // no byte received for this long: give up
    int deadlineMs = 120000;         // the whole call, retries included
    qint64 maxResponseBytes = 512ll * 1024 * 1024;
    int maxRetries = 3;
    int initialBackoffMs = 500;
    int maxBackoffMs = 8000;
    int maxRetryAfterSeconds = 60; // a longer Retry-After is reported instead of waited for
};

// What sending a request again would do to the practice.
enum class RequestSafety {
    Idempotent, // GET, batch status, FHIR _search: safe to retry
    QueryPost,  // runs SQL or pairs: never re-sent automatically
};

// Who a call is for. ByUser: the user asked (a button, a query); retried as the policy says
// and reported by HaloApiClient::callFinished. ByView: a view filling itself because it was
// shown (the registered-queries list); sent once, never retried, and not reported by
// callFinished: the view shows its own outcome in place.
enum class Asked { ByUser, ByView };

// Where a call goes: a path below the API's base URL (segments already percent-encoded) with
// its query, or an absolute URL the client has checked (a FHIR Bundle's links).
struct CallTarget {
    QString path;
    QUrlQuery query;
    QUrl absoluteUrl;
};

// One call to Halo Cloud: sends, waits, retries where that is safe, reads the answer and
// finishes exactly once with either an answer or an ApiError. Deletes itself later if nobody
// keeps it. Each endpoint is a subclass (api/) that builds its request and reads its answer into
// a typed value; HaloApiClient adds the base URL, the key header and the policy, and sends it.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;

    QByteArray method() const { return m_method; }
    QUrl url() const { return m_request.url(); }
    // What the call sends, as built (before HaloApiClient adds the base URL and the key).
    const CallTarget &target() const { return m_target; }
    const QByteArray &requestBody() const { return m_requestBody; }
    const QByteArray &requestContentType() const { return m_contentType; }
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    // For a caller that never looks at body(): an off-thread reader that takes the body (an
    // immediate query's) gets the only copy and frees it as soon as its data is decoded, so
    // the body, the decoded data and the table are never in memory all at once. body() is
    // then empty. Call it before the call finishes.
    void dropBodyOnceRead() { m_dropBodyOnceRead = true; }
    // For the core only: outside app/core, answers are read through the typed calls.
    QJsonObject jsonObject() const;
    QByteArray responseHeader(const QByteArray &name) const;
    const ApiError &error() const { return m_error; }
    int attempts() const { return m_attempt; }
    // The request log's id of the last attempt ("#17" in the log); 0 when it was not logged.
    quint64 loggedExchangeId() const { return m_loggedExchangeId; }
    // The server's own id of the last answer, from the first request-id header it carries
    // (x-request-id, request-id, x-ms-request-id, apim-request-id, x-correlation-id), made
    // safe to show; empty when it carries none.
    QString serverRequestId() const;
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

    void cancel();
    // By default a call deletes itself after finished(); keep it to read it later.
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

signals:
    void finished();
    void retryScheduled(int nextAttempt, int delayMs, const Halo::ApiError &reason);
    void downloadProgress(qint64 received, qint64 total);
    // The answer has arrived and is being read on a worker; finished() follows.
    void readingAnswer(qint64 bytes);

protected:
    // A call of `method` to `target`, sent once HaloApiClient starts it.
    ApiCall(const QByteArray &method, const CallTarget &target, RequestSafety safety,
            const QByteArray &body = QByteArray(), const QByteArray &contentType = QByteArray());

    // Reads a 2xx answer into the subclass's typed value. An answer of the wrong shape (not JSON,
    // a required field missing, an async query id that is empty) returns an ApiError and the
    // call finishes with it instead of succeeding: a broken answer is an error, never an empty
    // success. Default: accepts anything.
    virtual ApiError readAnswer(const QByteArray &body);
    // true for answers that can be megabytes (query results, result pages, FHIR answers):
    // readAnswer then runs on a worker thread (QtConcurrent) and finished() is emitted after it.
    virtual bool readsAnswerOffThread() const { return false; }
    // Error answers (non-2xx) are small; read on the calling thread, e.g. a failed query's body.
    virtual void readErrorAnswer(const QByteArray &body);

    // What the worker of an off-thread read returns: the verdict, and the step that hands the
    // value read to the call, taken on the call's thread only while the call still exists.
    struct DetachedRead {
        ApiError error;
        std::function<void()> adopt;
    };
    // The reader may take the body (leave it empty) once it no longer needs it: see
    // dropBodyOnceRead().
    using DetachedReader = std::function<DetachedRead(QByteArray &body)>;
    // The worker never touches the call, which may be cancelled or deleted while it reads: it
    // runs this reader, which reads into a value of its own. readerInto() makes one from the
    // same function readAnswer() uses. Without one, readAnswer() runs on the calling thread.
    virtual DetachedReader detachedReader() { return {}; }

    // A reader that fills a fresh Value with `read(body, value)` and, adopted, moves it to
    // `*target` (a member of the call).
    template <typename Value>
    static DetachedReader readerInto(Value *target, ApiError (*read)(const QByteArray &, Value &))
    {
        return [target, read](const QByteArray &body) {
            auto value = std::make_shared<Value>();
            const ApiError error = read(body, *value);
            return DetachedRead{error, [target, value]() { *target = std::move(*value); }};
        };
    }
    // The same for a `read` that may take the body.
    template <typename Value>
    static DetachedReader readerInto(Value *target, ApiError (*read)(QByteArray &, Value &))
    {
        return [target, read](QByteArray &body) {
            auto value = std::make_shared<Value>();
            const ApiError error = read(body, *value);
            return DetachedRead{error, [target, value]() { *target = std::move(*value); }};
        };
    }

private:
    friend class HaloApiClient;
    // Called by HaloApiClient: where and how patiently; then start() or refuse().
    void prepare(QNetworkAccessManager *network, RequestLog *log, const QNetworkRequest &request,
                 const CallPolicy &policy);
    void start();
    void readAndFinish();
    ApiError withoutKey(ApiError error) const;
    void sendAttempt();
    void onReplyHeaders();
    void onReplyData();
    void onReplyFinished();
    // An answer with a status that still did not arrive whole (cut off, reset, stalled, a
    // redirect loop, a compressed answer Qt refused to unpack); no error when it is whole.
    ApiError transferProblem(const QNetworkReply *reply) const;
    QString arrivedText(const QNetworkReply *reply) const;
    void abortTooLarge();
    QString sizeLimitText() const;
    // Moves what has arrived into m_body; false when that would pass the size limit.
    bool takeArrivedBytes(QNetworkReply *reply);
    void finishWith(const ApiError &error);
    void abortReply(ApiError::Kind reason, const QString &detail = QString());
    bool scheduleRetry(const ApiError &reason);
    void logExchange(const ApiError &error);

    QNetworkAccessManager *m_network = nullptr;
    QPointer<RequestLog> m_log;
    QNetworkRequest m_request;
    QByteArray m_method;
    CallTarget m_target;
    QByteArray m_requestBody;
    QByteArray m_contentType;
    RequestSafety m_safety;
    CallPolicy m_policy;

    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline;
    QTimer *m_retryTimer;
    QElapsedTimer m_clock;
    QElapsedTimer m_attemptClock;
    QDateTime m_attemptStartedAt;
    int m_attempt = 0;
    quint64 m_loggedExchangeId = 0;
    int m_redirects = 0; // same-host redirects followed in this attempt
    static constexpr int kMaxRedirects = 10;
    bool m_finished = false;
    bool m_autoDelete = true;
    bool m_requestSent = false; // the body left the machine (matters for lost query POSTs)
    ApiError::Kind m_abortReason = ApiError::Kind::None;
    QString m_abortDetail;

    int m_status = 0;
    QByteArray m_body;
    bool m_dropBodyOnceRead = false;
    QList<QPair<QByteArray, QByteArray>> m_responseHeaders;
    ApiError m_error;
};

} // namespace Halo
