// SPDX-License-Identifier: GPL-3.0-or-later
// A loopback HTTP server that misbehaves on purpose, as a broken proxy, a captive portal or a
// hostile network would: answers cut short, connections reset mid-body, stalls after the
// headers, endless streams, gzip bombs, redirect loops, absurd Retry-After values. It runs on a
// thread of its own, so a test can also drive a blocking child process (halo-cli) against it.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

#include <sys/socket.h>

namespace Hostile {

// How one request is answered.
struct Reply {
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    QByteArray body;
    // Content-Length sent: -1 = the body's size; -2 = none (the body ends when the connection
    // closes).
    qint64 declaredLength = -1;
    // Body bytes sent before `end`: -1 = all of them.
    qint64 sendBytes = -1;
    enum class End { Close, Reset, Stall } end = End::Close;
    // After the body, this many more bytes of 'A' (no Content-Length), sent as the client reads.
    qint64 streamBytes = 0;

    static Reply json(int status, const QByteArray &body)
    {
        Reply reply;
        reply.status = status;
        reply.reason = status < 300 ? "OK" : "Hostile";
        reply.body = body;
        return reply;
    }
    Reply &header(const QByteArray &name, const QByteArray &value)
    {
        for (auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0) {
                pair.second = value;
                return *this;
            }
        }
        headers.append({name, value});
        return *this;
    }
};

// One request as it arrived.
struct Request {
    QByteArray method;
    QByteArray path; // with its query
    QByteArray key;  // the Ocp-Apim-Subscription-Key header
    QByteArray body;
};

using Script = std::function<Reply(const Request &request, int index)>;

// Whether a text shown to people still holds something a terminal or a widget would act on:
// C0/C1 controls (escape sequences start with one) or bidirectional overrides and isolates.
inline bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || (u >= 0x202a && u <= 0x202e) ||
            (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

// `bytes` compressed with gzip (the system's gzip program): a bomb is a lot of zeros.
inline QByteArray gzipped(const QByteArray &bytes)
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c"), QStringLiteral("-9")});
    if (!gzip.waitForStarted())
        return {};
    gzip.write(bytes);
    gzip.closeWriteChannel();
    gzip.waitForFinished(60000);
    return gzip.readAllStandardOutput();
}

namespace detail {

// Lives on the server's thread.
class Core : public QObject
{
public:
    Core(Script script, QMutex *mutex, QList<Request> *requests, qint64 *streamed)
        : m_script(std::move(script))
        , m_mutex(mutex)
        , m_requests(requests)
        , m_streamed(streamed)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this,
                        [this, socket]() { onReadyRead(socket); });
            }
        });
    }
    quint16 listen()
    {
        return m_server.listen(QHostAddress::LocalHost) ? m_server.serverPort() : 0;
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &pending = m_pending[socket];
        pending += socket->readAll();
        const qsizetype headerEnd = pending.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        qsizetype length = 0;
        const QList<QByteArray> lines = pending.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "ocp-apim-subscription-key")
                request.key = value;
        }
        if (pending.size() < headerEnd + 4 + length)
            return;
        request.body = pending.mid(headerEnd + 4, length);
        m_pending.remove(socket);
        int index = 0;
        {
            QMutexLocker lock(m_mutex);
            index = int(m_requests->size());
            m_requests->append(request);
        }
        send(socket, m_script(request, index));
    }

    void send(QTcpSocket *socket, const Reply &reply)
    {
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reply.reason + "\r\n";
        for (const auto &header : reply.headers)
            head += header.first + ": " + header.second + "\r\n";
        if (reply.declaredLength != -2) {
            const qint64 length =
                reply.declaredLength >= 0 ? reply.declaredLength : reply.body.size();
            head += "Content-Length: " + QByteArray::number(length) + "\r\n";
        }
        head += "Connection: close\r\n\r\n";
        socket->write(head);
        socket->write(reply.sendBytes >= 0 ? reply.body.left(reply.sendBytes) : reply.body);
        if (reply.streamBytes > 0) {
            stream(socket, reply.streamBytes);
            return;
        }
        finish(socket, reply.end);
    }

    // Writes filler as the client takes it, so the client's reading sets the pace.
    void stream(QTcpSocket *socket, qint64 bytes)
    {
        auto left = std::make_shared<qint64>(bytes);
        const QByteArray chunk(64 * 1024, 'A');
        auto more = [this, socket, left, chunk]() {
            while (*left > 0 && socket->bytesToWrite() < 4 * chunk.size()) {
                const qint64 n = qMin<qint64>(*left, chunk.size());
                socket->write(chunk.constData(), n);
                *left -= n;
                QMutexLocker lock(m_mutex);
                *m_streamed += n;
            }
            if (*left == 0) {
                *left = -1;
                socket->disconnectFromHost();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
    }

    static void finish(QTcpSocket *socket, Reply::End end)
    {
        switch (end) {
        case Reply::End::Close:
            socket->disconnectFromHost();
            break;
        case Reply::End::Reset: {
            socket->flush();
            // SO_LINGER with a zero timeout: close() sends RST instead of FIN.
            const struct linger hard = {1, 0};
            ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
            socket->abort();
            break;
        }
        case Reply::End::Stall:
            break; // the connection stays open and silent until the client gives up
        }
    }

    QTcpServer m_server{this}; // a child, so it moves to the server's thread with its core
    Script m_script;
    QMutex *m_mutex;
    QList<Request> *m_requests;
    qint64 *m_streamed;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

} // namespace detail

// The server; `script` is called on the server's thread for every request.
class Server
{
public:
    explicit Server(Script script)
    {
        m_core = new detail::Core(std::move(script), &m_mutex, &m_requests, &m_streamed);
        m_core->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_core, &QObject::deleteLater);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_core, [this]() { m_port = m_core->listen(); }, Qt::BlockingQueuedConnection);
    }
    ~Server()
    {
        m_thread.quit();
        m_thread.wait();
    }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    bool listening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QList<Request> requests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    int requestCount() const { return int(requests().size()); }
    // Filler bytes written by streamed replies so far.
    qint64 streamed() const
    {
        QMutexLocker lock(&m_mutex);
        return m_streamed;
    }

private:
    QThread m_thread;
    detail::Core *m_core = nullptr;
    mutable QMutex m_mutex;
    QList<Request> m_requests;
    qint64 m_streamed = 0;
    quint16 m_port = 0;
};

// The same reply to every request.
inline Script always(const Reply &reply)
{
    return [reply](const Request &, int) { return reply; };
}

} // namespace Hostile
