// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ApiCall.h"

#include "net/HugePages.h"
#include "net/ServerText.h"

#include <QFutureWatcher>
#include <QIODevice>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cstring>

namespace Halo {

namespace {

// A request id is a short token; anything longer is cut rather than carried into evidence.
constexpr qsizetype kMaxServerRequestIdBytes = 128;

// Seconds from a Retry-After header: delta-seconds or an HTTP date; -1 when absent.
int parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool isNumber = false;
    const int seconds = value.trimmed().toInt(&isNumber);
    if (isNumber)
        return std::max(0, seconds);
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

// Errors raised before anything reached the server: a query POST that fails this way did not run.
// The proxy errors all come from the proxy handshake (CONNECT closed or timed out before the
// tunnel stood): once the tunnel stands, a closed connection is RemoteHostClosedError.
bool failedBeforeSending(const QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::NetworkSessionFailedError:
        return true;
    default:
        break;
    }
    // Over TLS the request is written only after the handshake, so without the server's
    // certificate not one byte of it reached the server. This covers a proxy that answers
    // CONNECT with 403 or 502, which Qt 6.4 reports as a plain UnknownNetworkError.
    return reply->url().scheme() == QLatin1String("https") &&
           reply->sslConfiguration().peerCertificate().isNull();
}

// A query POST's body, readable once. Qt 6.4 silently sends a request again when the server
// closes the connection before answering, POST included (later Qt sends only idempotent requests
// again); a body that cannot be rewound makes it report ContentReSendError instead, so a query
// runs at most once.
class OneShotBody : public QIODevice
{
public:
    explicit OneShotBody(const QByteArray &data)
        : m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
        memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

// `text` with the key, and any piece of it from its first 8 characters on (a quote cut short),
// replaced by [redacted].
QString redactedKey(QString text, const QString &key)
{
    const QString start = key.left(8);
    const QString redacted = QStringLiteral("[redacted]");
    qsizetype at = 0;
    while ((at = text.indexOf(start, at)) >= 0) {
        qsizetype length = start.size();
        while (length < key.size() && at + length < text.size() &&
               text.at(at + length) == key.at(length))
            ++length;
        text.replace(at, length, redacted);
        at += redacted.size();
    }
    return text;
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

ApiCall::ApiCall(const QByteArray &method, const CallTarget &target, RequestSafety safety,
                 const QByteArray &body, const QByteArray &contentType)
    : m_method(method)
    , m_target(target)
    , m_requestBody(body)
    , m_contentType(contentType)
    , m_safety(safety)
    , m_deadline(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    // A coarse timer may fire up to 5% early, and a retry before Retry-After is over is refused.
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_deadline, &QTimer::timeout, this, [this]() {
        if (m_reply)
            abortReply(ApiError::Kind::Timeout,
                       tr("overall deadline of %1 s").arg(m_policy.deadlineMs / 1000));
        else
            finishWith(m_error.isError() ? m_error : ApiError::ofKind(ApiError::Kind::Timeout));
    });
    connect(m_retryTimer, &QTimer::timeout, this, &ApiCall::sendAttempt);
}

void ApiCall::prepare(QNetworkAccessManager *network, RequestLog *log,
                      const QNetworkRequest &request, const CallPolicy &policy)
{
    m_network = network;
    m_log = log;
    m_request = request;
    m_policy = policy;
    // Qt sets no timeout by default: the inactivity timeout is per transfer, the deadline ours.
    m_request.setTransferTimeout(m_policy.inactivityTimeoutMs);
    // Redirects are checked one by one: Qt's default policy would forward the key header to
    // any host the server names.
    m_request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                           QNetworkRequest::UserVerifiedRedirectPolicy);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QJsonObject ApiCall::jsonObject() const
{
    return QJsonDocument::fromJson(m_body).object();
}

ApiError ApiCall::readAnswer(const QByteArray &)
{
    return ApiError();
}

void ApiCall::readErrorAnswer(const QByteArray &) {}

QByteArray ApiCall::responseHeader(const QByteArray &name) const
{
    for (const auto &header : m_responseHeaders) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString ApiCall::serverRequestId() const
{
    // Not sent by Halo today (REFERENCE.md names none); gateways and proxies in front add them.
    static const QByteArray kNames[] = {"x-request-id", "request-id", "x-ms-request-id",
                                        "apim-request-id", "x-correlation-id"};
    for (const QByteArray &name : kNames) {
        const QByteArray value = responseHeader(name).trimmed();
        if (!value.isEmpty())
            return shownServerText(QString::fromLatin1(value.left(kMaxServerRequestIdBytes)));
    }
    return {};
}

void ApiCall::start()
{
    m_clock.start();
    m_deadline->start(m_policy.deadlineMs);
    sendAttempt();
}

void ApiCall::sendAttempt()
{
    ++m_attempt;
    m_abortReason = ApiError::Kind::None;
    m_abortDetail.clear();
    m_attemptClock.start();
    m_attemptStartedAt = QDateTime::currentDateTimeUtc();
    m_status = 0;
    m_redirects = 0;
    m_body.clear();
    m_responseHeaders.clear();

    QNetworkReply *reply = nullptr;
    if (m_method == "GET") {
        reply = m_network->get(m_request);
    } else if (m_safety == RequestSafety::QueryPost) {
        QNetworkRequest request = m_request;
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_requestBody.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new OneShotBody(m_requestBody);
        reply = m_network->sendCustomRequest(request, m_method, body);
        body->setParent(reply);
    } else {
        reply = m_network->sendCustomRequest(m_request, m_method, m_requestBody);
    }
    m_reply = reply;
    // The answer is taken as it arrives: the size limit holds while it arrives, and the body is
    // copied once into a buffer of its announced size instead of piling up in Qt's buffer.
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onReplyHeaders);
    connect(reply, &QNetworkReply::readyRead, this, &ApiCall::onReplyData);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (received > m_policy.maxResponseBytes || total > m_policy.maxResponseBytes) {
            abortTooLarge();
            return;
        }
        emit downloadProgress(received, total);
    });
    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &target) {
        m_body.clear(); // a redirect's own body is not the answer
        if (!sameOrigin(target, m_request.url()))
            abortReply(ApiError::Kind::Redirect, target.adjusted(QUrl::RemoveQuery).toString());
        else if (++m_redirects > kMaxRedirects)
            abortReply(ApiError::Kind::BadResponse,
                       tr("the server redirects in a loop (%1 redirects from %2)")
                           .arg(m_redirects - 1)
                           .arg(m_request.url().adjusted(QUrl::RemoveQuery).path()));
        else
            emit reply->redirectAllowed();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_abortDetail = texts.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

void ApiCall::onReplyHeaders()
{
    if (!m_reply)
        return;
    const QVariant announced = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (!announced.isValid())
        return;
    const qint64 length = announced.toLongLong();
    if (length > m_policy.maxResponseBytes) {
        abortTooLarge(); // at once: waiting for 2 GB that may never come helps nobody
        return;
    }
    // Compressed answers grow past this; the buffer then grows as usual.
    if (length > m_body.capacity()) {
        m_body.reserve(length);
        adviseHugePages(m_body.constData(), length);
    }
}

void ApiCall::onReplyData()
{
    if (m_reply && !takeArrivedBytes(m_reply))
        abortTooLarge();
}

bool ApiCall::takeArrivedBytes(QNetworkReply *reply)
{
    const qint64 available = reply->bytesAvailable();
    if (available <= 0)
        return true;
    const qint64 had = m_body.size();
    if (had + available > m_policy.maxResponseBytes)
        return false;
    if (had + available > m_body.capacity()) // grow by half at least, never past the limit
        m_body.reserve(std::min(m_policy.maxResponseBytes,
                                std::max(had + available, m_body.capacity() * 3 / 2)));
    m_body.resize(had + available);
    const qint64 read = reply->read(m_body.data() + had, available);
    m_body.resize(had + std::max<qint64>(0, read));
    return true;
}

void ApiCall::abortTooLarge()
{
    abortReply(ApiError::Kind::TooLarge, sizeLimitText());
}

QString ApiCall::sizeLimitText() const
{
    return tr("%1 MB limit").arg(m_policy.maxResponseBytes / (1024 * 1024));
}

void ApiCall::abortReply(ApiError::Kind reason, const QString &detail)
{
    m_abortReason = reason;
    m_abortDetail = detail;
    if (m_reply)
        m_reply->abort(); // finished() follows synchronously
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    if (m_reply)
        abortReply(ApiError::Kind::Cancelled);
    else
        finishWith(ApiError::ofKind(ApiError::Kind::Cancelled));
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_abortReason != ApiError::Kind::TooLarge && reply->isOpen() && !takeArrivedBytes(reply)) {
        m_abortReason = ApiError::Kind::TooLarge;
        m_abortDetail = sizeLimitText();
    }
    if (m_abortReason == ApiError::Kind::TooLarge)
        m_body = QByteArray(); // free what arrived of it
    if (m_body.capacity() > m_body.size() + 4096)
        m_body.squeeze(); // a compressed or cut-off answer reserved more than it used
    m_responseHeaders = reply->rawHeaderPairs();

    ApiError error;
    if (m_abortReason != ApiError::Kind::None) {
        error.kind = m_abortReason;
        error.detail = m_abortDetail;
        if (m_safety == RequestSafety::QueryPost && m_abortReason == ApiError::Kind::Timeout)
            error.kind = ApiError::Kind::OutcomeUnknown;
        if (m_abortReason == ApiError::Kind::Redirect || m_abortReason == ApiError::Kind::TooLarge)
            error.httpStatus = m_status;
    } else if (m_status == 0) {
        const QNetworkReply::NetworkError code = reply->error();
        error.detail = reply->errorString();
        if (code == QNetworkReply::SslHandshakeFailedError) {
            error.kind = ApiError::Kind::Tls;
            if (!m_abortDetail.isEmpty())
                error.detail = m_abortDetail;
        } else if (code == QNetworkReply::OperationCanceledError ||
                   code == QNetworkReply::TimeoutError) {
            // Not cancelled by us: Qt's inactivity timeout fired.
            error.kind = ApiError::Kind::Timeout;
        } else {
            error.kind = ApiError::Kind::Network;
        }
        if (m_safety == RequestSafety::QueryPost && !failedBeforeSending(reply))
            error.kind = ApiError::Kind::OutcomeUnknown;
    } else if (const ApiError broken = transferProblem(reply); broken.isError()) {
        error = broken;
    } else if (m_status < 200 || m_status >= 300) {
        error = ApiError::fromResponse(m_status, m_body,
                                       parseRetryAfter(responseHeader("Retry-After")));
    }

    logExchange(error);
    if (error.isError() && scheduleRetry(error))
        return;
    if (!error.isError()) {
        readAndFinish();
        return;
    }
    // The server's own error answer (not one cut short by us) may say more, e.g. a failed query.
    if (m_abortReason == ApiError::Kind::None && m_status != 0 && !m_body.isEmpty())
        readErrorAnswer(m_body);
    finishWith(withoutKey(error));
}

ApiError ApiCall::transferProblem(const QNetworkReply *reply) const
{
    const QNetworkReply::NetworkError code = reply->error();
    const bool encoded = !reply->rawHeader("Content-Encoding").isEmpty();
    if (encoded && code != QNetworkReply::NoError && m_status >= 200 && m_status < 300)
        return ApiError::ofKind(
            ApiError::Kind::CutOff,
            tr("the compressed answer could not be unpacked (%1)").arg(reply->errorString()));
    if (m_status < 200 && code == QNetworkReply::NoError) { // an interim status is never the end
        // Seen when a server keeps redirecting to the same place: Qt ends with status 100.
        if (m_redirects > 0)
            return ApiError::badAnswer(
                tr("the server redirects in a loop (%1 redirects from %2)")
                    .arg(m_redirects)
                    .arg(m_request.url().adjusted(QUrl::RemoveQuery).path()));
        return ApiError::badAnswer(tr("the answer ended after an interim status %1").arg(m_status));
    }
    if (code == QNetworkReply::TooManyRedirectsError) {
        // Qt gives up after 50 same-host redirects; the status left over says nothing.
        return ApiError::badAnswer(tr("the server redirects in a loop (%1)")
                                       .arg(m_request.url().adjusted(QUrl::RemoveQuery).path()));
    }
    if (code == QNetworkReply::InsecureRedirectError)
        return ApiError::ofKind(ApiError::Kind::Redirect, reply->errorString());
    // Network-layer errors (below 100) and ProtocolFailure (a body Qt could not read, such as
    // a gzip bomb) mean the answer did not arrive whole; the other codes Qt derives from the
    // HTTP status itself (400 is ProtocolInvalidOperation, 404 ContentNotFound, ...).
    const int value = int(code);
    const bool transfer = (value > 0 && value < 100) || code == QNetworkReply::ProtocolFailure;
    if (transfer) {
        if (code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError)
            return ApiError::ofKind(
                ApiError::Kind::Timeout,
                tr("the answer stopped arriving after %1 bytes").arg(m_body.size()));
        if (encoded)
            return ApiError::ofKind(
                ApiError::Kind::CutOff,
                tr("the compressed answer could not be unpacked (%1)").arg(reply->errorString()));
        return ApiError::ofKind(ApiError::Kind::CutOff,
                                arrivedText(reply) +
                                    QStringLiteral(" (%1)").arg(reply->errorString()));
    }
    // Qt does not always notice a connection closed early: the length it announced says.
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (!encoded && announced.isValid() && m_body.size() < announced.toLongLong())
        return ApiError::ofKind(ApiError::Kind::CutOff, arrivedText(reply));
    return ApiError();
}

QString ApiCall::arrivedText(const QNetworkReply *reply) const
{
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (announced.isValid())
        return tr("%1 of %2 bytes arrived").arg(m_body.size()).arg(announced.toLongLong());
    return tr("%1 bytes arrived").arg(m_body.size());
}

void ApiCall::readAndFinish()
{
    // What is left is work on this machine: the deadline is for Halo Cloud's part.
    m_deadline->stop();
    const DetachedReader reader = readsAnswerOffThread() ? detachedReader() : DetachedReader();
    if (!reader) {
        finishWith(withoutKey(readAnswer(m_body)));
        return;
    }
    auto *watcher = new QFutureWatcher<DetachedRead>(this);
    connect(watcher, &QFutureWatcher<DetachedRead>::finished, this, [this, watcher]() {
        watcher->deleteLater();
        if (m_finished)
            return; // cancelled while the worker read: what it read is dropped
        const DetachedRead read = watcher->result();
        if (!read.error.isError() && read.adopt)
            read.adopt(); // a broken answer leaves the typed value empty
        finishWith(withoutKey(read.error));
    });
    const qint64 size = m_body.size();
    // One shared holder, whatever QtConcurrent copies: a reader that takes the body frees it.
    const auto body =
        std::make_shared<QByteArray>(m_dropBodyOnceRead ? std::exchange(m_body, {}) : m_body);
    watcher->setFuture(QtConcurrent::run([reader, body]() { return reader(*body); }));
    emit readingAnswer(size);
}

ApiError ApiCall::withoutKey(ApiError error) const
{
    // An answer quoted in an error (a page that echoes the request) must not show the key.
    const QString key = QString::fromUtf8(m_request.rawHeader("Ocp-Apim-Subscription-Key"));
    if (!error.isError() || key.isEmpty())
        return error;
    error.detail = redactedKey(error.detail, key);
    error.serverMessage = redactedKey(error.serverMessage, key);
    return error;
}

bool ApiCall::scheduleRetry(const ApiError &reason)
{
    if (m_attempt > m_policy.maxRetries || reason.kind != ApiError::Kind::Http)
        return false;
    int delayMs = 0;
    if (reason.httpStatus == 429) {
        if (m_safety != RequestSafety::Idempotent ||
            reason.retryAfterSeconds > m_policy.maxRetryAfterSeconds)
            return false;
        delayMs =
            reason.retryAfterSeconds >= 0
                ? reason.retryAfterSeconds * 1000
                : std::min(m_policy.maxBackoffMs, m_policy.initialBackoffMs << (m_attempt - 1));
    } else if (reason.httpStatus >= 500 && reason.httpStatus <= 504 && reason.httpStatus != 501) {
        // Reads only (GET, batch status, FHIR _search): a query POST is never sent twice.
        if (m_safety != RequestSafety::Idempotent)
            return false;
        // Half the back-off fixed, half random: clients failed together do not return together.
        const int backoff =
            std::min(m_policy.maxBackoffMs, m_policy.initialBackoffMs << (m_attempt - 1));
        delayMs = backoff - int(QRandomGenerator::global()->bounded(backoff / 2 + 1));
    } else {
        return false;
    }
    if (m_clock.elapsed() + delayMs >= m_policy.deadlineMs)
        return false;
    m_error = reason; // reported if the deadline ends the wait
    emit retryScheduled(m_attempt + 1, delayMs, reason);
    m_retryTimer->start(delayMs);
    return true;
}

void ApiCall::finishWith(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_deadline->stop();
    m_retryTimer->stop();
    emit finished();
    if (m_autoDelete)
        deleteLater();
}

void ApiCall::logExchange(const ApiError &error)
{
    if (!m_log)
        return;
    LoggedExchange exchange;
    exchange.startedAt = m_attemptStartedAt;
    exchange.method = m_method;
    exchange.url = m_request.url();
    for (const QByteArray &name : m_request.rawHeaderList())
        exchange.requestHeaders.append({name, m_request.rawHeader(name)});
    exchange.requestBody = m_requestBody;
    exchange.httpStatus = m_status;
    exchange.outcome = error.isError() ? error.oneLine() : QStringLiteral("OK");
    exchange.durationMs = m_attemptClock.elapsed();
    exchange.bytesSent = m_requestBody.size();
    exchange.bytesReceived = m_body.size();
    exchange.attempt = m_attempt;
    exchange.responseHeaders = m_responseHeaders;
    exchange.responseBodyPreview = m_body.left(RequestLog::kPreviewBytes);
    m_loggedExchangeId = m_log->record(std::move(exchange));
}

} // namespace Halo
