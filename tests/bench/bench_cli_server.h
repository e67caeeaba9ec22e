// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// bench_cli's answer: asked of halo-sandbox once, then served, as sent, by a canned server.
#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace BenchCli {

// A sample site of the sandbox, and the key of the sandbox and the canned server.
inline constexpr char kSite[] = "3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14";
inline constexpr char kKey[] = "bench-cli-key";

// The answer, once, from halo-sandbox: the body of an immediate query, or empty with `why`.
QByteArray askSandbox(const QString &baseUrl, const QString &sql, QString *why);

// A server that answers every POST to .../queries/immediate with one canned body, on its
// own thread with blocking sockets, so that it never waits for the bench's main thread.

class CannedServer
{
public:
    ~CannedServer() { stop(); }

    bool listen()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_listener < 0 ||
            ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::listen(m_listener, 16) != 0)
            return false;
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
        return true;
    }

    void stop()
    {
        if (m_listener < 0)
            return;
        m_stopping = true;
        ::shutdown(m_listener, SHUT_RDWR); // wakes accept()
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_listener);
        m_listener = -1;
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    void setBody(const QByteArray &body)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_body = body;
    }
    int refused() const { return m_refused; }

private:
    void serve()
    {
        while (!m_stopping) {
            const int connection = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection < 0)
                continue;
            answer(connection);
            ::shutdown(connection, SHUT_WR);
            char rest[256];
            while (::recv(connection, rest, sizeof rest, 0) > 0) {
            }
            ::close(connection);
        }
    }

    void answer(int connection)
    {
        QByteArray request;
        char chunk[16384];
        qsizetype headerEnd = -1;
        qsizetype contentLength = 0;
        while (true) {
            if (headerEnd < 0 && (headerEnd = request.indexOf("\r\n\r\n")) >= 0) {
                const QList<QByteArray> lines = request.left(headerEnd).split('\n');
                for (const QByteArray &line : lines) {
                    if (line.toLower().startsWith("content-length:"))
                        contentLength = line.mid(15).trimmed().toLongLong();
                }
            }
            if (headerEnd >= 0 && request.size() >= headerEnd + 4 + contentLength)
                break;
            const ssize_t got = ::recv(connection, chunk, sizeof chunk, 0);
            if (got <= 0)
                return;
            request.append(chunk, got);
        }
        const QList<QByteArray> lines = request.left(headerEnd).split('\n');
        bool keyed = false;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            keyed = keyed || (colon > 0 &&
                              line.left(colon).trimmed().toLower() == "ocp-apim-subscription-key" &&
                              line.mid(colon + 1).trimmed() == kKey);
        }
        const bool immediate =
            lines.first().startsWith("POST ") && lines.first().contains("/queries/immediate ");
        QByteArray body;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            body = m_body;
        }
        QByteArray status = "200 OK";
        if (!keyed || !immediate) {
            ++m_refused;
            status = keyed ? "404 Not Found" : "401 Unauthorized";
            body = "{\"message\":\"refused by bench_cli's server\"}";
        }
        const QByteArray head = "HTTP/1.1 " + status +
                                "\r\nContent-Type: application/json; charset=utf-8\r\n"
                                "Content-Length: " +
                                QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        sendAll(connection, head) && sendAll(connection, body);
    }

    static bool sendAll(int connection, const QByteArray &bytes)
    {
        for (qsizetype sent = 0; sent < bytes.size();) {
            const ssize_t n = ::send(connection, bytes.constData() + sent,
                                     size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    int m_listener = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_refused{0};
    std::mutex m_mutex;
    QByteArray m_body;
};

} // namespace BenchCli
