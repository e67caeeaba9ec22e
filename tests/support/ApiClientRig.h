// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the HaloApiClient suites (tst_apiclient*.cpp) share: the sandbox they start, faults it
// plays, a count of the requests it handled, and a listener that stands for another host.
#include "ClientCalls.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxSamples.h"
#include "SandboxServer.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

using Halo::ApiCall;
using Halo::ApiError;
using Kind = Halo::ApiError::Kind;
using Sandbox::SiteScenario;

inline const QString kKey = QStringLiteral("apiclient-test-key-7d41c9e05b2a");

inline Sandbox::SandboxOptions sandboxOptions()
{
    return keyedOptions(kKey, 30);
}

inline Sandbox::FaultRule fault(const QString &pathPart, int status, int remaining,
                                const QString &location = QString())
{
    Sandbox::FaultRule rule;
    rule.pathPart = pathPart;
    rule.status = status;
    rule.remaining = remaining;
    rule.location = location;
    return rule;
}

// Counts the requests the sandbox answered (or dropped) whose path contains `pathPart`.
class HandledCounter : public QObject
{
public:
    HandledCounter(Sandbox::SandboxServer *server, const QString &pathPart)
    {
        connect(server, &Sandbox::SandboxServer::requestHandled, this,
                [this, pathPart](const QString &method, const QString &path, int status) {
                    if (path.contains(pathPart)) {
                        requests.append(method + QLatin1Char(' ') + path + QLatin1Char(' ') +
                                        QString::number(status));
                        statuses.append(status);
                    }
                });
    }
    qsizetype count() const { return statuses.size(); }
    QStringList requests; // "GET /path 200"
    QList<int> statuses;
};

// A bare TCP listener on localhost (IPv4 and, where available, IPv6) that records every
// connection and every byte sent to it, and never answers: the "other host" of redirect tests.
class RawRecorder : public QObject
{
public:
    bool listen()
    {
        if (!m_v4.listen(QHostAddress::LocalHost))
            return false;
        m_v6.listen(QHostAddress::LocalHostIPv6, m_v4.serverPort()); // optional
        for (QTcpServer *server : {&m_v4, &m_v6}) {
            connect(server, &QTcpServer::newConnection, this, [this, server]() {
                while (QTcpSocket *socket = server->nextPendingConnection()) {
                    ++connections;
                    connect(socket, &QTcpSocket::readyRead, this,
                            [this, socket]() { bytes += socket->readAll(); });
                }
            });
        }
        return true;
    }
    quint16 port() const { return m_v4.serverPort(); }
    int connections = 0;
    QByteArray bytes;

private:
    QTcpServer m_v4;
    QTcpServer m_v6;
};
