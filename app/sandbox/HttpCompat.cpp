// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpCompat.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
#include <QHttpHeaders>
#endif

namespace Sandbox {

void installCatchAllHandler(QHttpServer &server, QObject *context, RequestHandler handler)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server.setMissingHandler(
        context, [handler](const QHttpServerRequest &request, QHttpServerResponder &responder) {
            handler(request, std::move(responder));
        });
#else
    Q_UNUSED(context);
    server.setMissingHandler(handler);
#endif
}

void sendResponse(QHttpServerResponder &responder, int status, const QByteArray &body,
                  const QByteArray &contentType, const HeaderPairs &headers)
{
    const auto code = static_cast<QHttpServerResponder::StatusCode>(status);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all;
    if (!contentType.isEmpty())
        all.append(QHttpHeaders::WellKnownHeader::ContentType, contentType);
    for (const auto &header : headers)
        all.append(header.first, header.second);
    responder.write(body, all, code);
#else
    // 6.4's HeaderList is an initializer_list, so write the parts one by one.
    responder.writeStatusLine(code);
    if (!contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    responder.writeBody(body);
#endif
}

bool dropConnection(QHttpServerResponder &responder)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    if (QTcpSocket *socket = responder.socket()) {
        socket->abort();
        return true;
    }
#else
    Q_UNUSED(responder);
#endif
    return false;
}

HeldResponder::HeldResponder(QHttpServerResponder &&responder)
    : m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
{
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    m_socket = m_responder->socket();
#endif
}

HeldResponder::~HeldResponder() = default;

bool HeldResponder::isConnected() const
{
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
#else
    return true; // 6.8's responder tracks its connection itself
#endif
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return request.headers().value(name).toByteArray();
#else
    for (const auto &header : request.headers()) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
#endif
}

QByteArray methodName(const QHttpServerRequest &request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

} // namespace Sandbox
