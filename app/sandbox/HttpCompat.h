#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <functional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;

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
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);
QByteArray methodName(const QHttpServerRequest &request);

} // namespace Sandbox
