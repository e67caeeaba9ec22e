// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny HTTP server on 127.0.0.1 that gives one canned answer to every request, once the
// request (headers and Content-Length bytes of body) is in: for answers a sandbox cannot give.
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class CannedServer : public QObject
{
public:
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    // `headers`: more header lines, each ending in CRLF ("X-Request-Id: 17\r\n").
    void answer(int status, const QByteArray &body,
                const QByteArray &contentType = QByteArrayLiteral("application/json"),
                const QByteArray &headers = QByteArray())
    {
        m_response = "HTTP/1.1 " + QByteArray::number(status) +
                     " Canned\r\nContent-Type: " + contentType + "\r\n" + headers +
                     "Content-Length: " + QByteArray::number(body.size()) +
                     "\r\nConnection: close\r\n\r\n" + body;
    }
    int requests = 0;

    CannedServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this,
                        [this, socket]() { onReadyRead(socket); });
            }
        });
    }

private:
    // Answers once the request (headers and Content-Length bytes of body) is in.
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &request = m_pending[socket];
        request += socket->readAll();
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : request.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (request.size() < headerEnd + 4 + length)
            return;
        m_pending.remove(socket);
        ++requests;
        socket->write(m_response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_response;
    QHash<QTcpSocket *, QByteArray> m_pending;
};
