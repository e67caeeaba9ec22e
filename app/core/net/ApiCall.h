#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

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

// One call to Halo Cloud: sends, waits, retries where that is safe, and finishes exactly once
// with either an answer or an ApiError. Deletes itself later if nobody keeps it.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;

    QByteArray method() const { return m_method; }
    QUrl url() const { return m_request.url(); }
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    QJsonObject jsonObject() const;
    QByteArray responseHeader(const QByteArray &name) const;
    const ApiError &error() const { return m_error; }
    int attempts() const { return m_attempt; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

    void cancel();
    // By default a call deletes itself after finished(); keep it to read it later.
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

signals:
    void finished();
    void retryScheduled(int nextAttempt, int delayMs, const Halo::ApiError &reason);
    void downloadProgress(qint64 received, qint64 total);

private:
    friend class HaloApiClient;
    friend class QueryService; // refuses calls the safety policy stops, without sending
    ApiCall(QNetworkAccessManager *network, RequestLog *log, const QNetworkRequest &request,
            const QByteArray &method, const QByteArray &body, RequestSafety safety,
            const CallPolicy &policy, QObject *parent);
    void start();
    void sendAttempt();
    void onReplyFinished();
    void finishWith(const ApiError &error);
    void abortReply(ApiError::Kind reason, const QString &detail = QString());
    bool scheduleRetry(const ApiError &reason);
    void logExchange(const ApiError &error);

    QNetworkAccessManager *m_network;
    QPointer<RequestLog> m_log;
    QNetworkRequest m_request;
    QByteArray m_method;
    QByteArray m_requestBody;
    RequestSafety m_safety;
    CallPolicy m_policy;

    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline;
    QTimer *m_retryTimer;
    QElapsedTimer m_clock;
    QElapsedTimer m_attemptClock;
    QDateTime m_attemptStartedAt;
    int m_attempt = 0;
    bool m_finished = false;
    bool m_autoDelete = true;
    bool m_requestSent = false; // the body left the machine (matters for lost query POSTs)
    ApiError::Kind m_abortReason = ApiError::Kind::None;
    QString m_abortDetail;

    int m_status = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_responseHeaders;
    ApiError m_error;
};

} // namespace Halo
