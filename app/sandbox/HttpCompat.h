// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;
class QTcpSocket;

namespace Sandbox {

// Qt HttpServer changed its responder and handler signatures between 6.4 and 6.8; the rest of
// the sandbox calls these instead, so the version differences stay in one file.
using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;
using RequestHandler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &&)>;

void installCatchAllHandler(QHttpServer &server, QObject *context, RequestHandler handler);
void sendResponse(QHttpServerResponder &responder, int status, const QByteArray &body,
                  const QByteArray &contentType, const HeaderPairs &headers = {});
// Closes the connection without an answer (a lost response, for tests). Returns false where the
// Qt version offers no way to do it; the caller then answers 502.
bool dropConnection(QHttpServerResponder &responder);
// Whether a responder held for a delayed answer can still be written to: the client may have
// gone meanwhile, and writing to its closed socket crashes Qt 6.4.
class HeldResponder
{
public:
    explicit HeldResponder(QHttpServerResponder &&responder);
    ~HeldResponder();
    QHttpServerResponder *get() { return m_responder.get(); }
    bool isConnected() const;

private:
    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
};

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);
QByteArray methodName(const QHttpServerRequest &request);

} // namespace Sandbox
