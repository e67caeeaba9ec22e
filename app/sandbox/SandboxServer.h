// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "SandboxOptions.h"

namespace Sandbox {

// A local Halo Cloud (Integrator API) on 127.0.0.1. Create and use it in one thread; the
// embedding GUI runs it in a worker thread so SQL and encoding never stall the window.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxOptions &options, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds to 127.0.0.1 on options.port; returns the port, or 0 with errorString() set.
    quint16 listen();
    quint16 port() const;
    QString baseUrl() const; // http://127.0.0.1:PORT
    QString key() const;     // the subscription key clients must send
    QString errorString() const;

    // Adjusting faults and limits at run time (tests, the GUI's sandbox menu).
    void setOptions(const SandboxOptions &options);
    SandboxOptions options() const;

    // The sample sites as JSON text (what --print-sites prints).
    static QByteArray sitesDirectoryJson();

signals:
    // A request arrived (before the key check, faults or latency): with requestHandled, how
    // many requests are in flight at the server.
    void requestReceived(const QString &method, const QString &path);
    // One line per answered request, for the console; never carries the query string, which
    // may hold a subscription-key.
    void requestHandled(const QString &method, const QString &path, int status);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Sandbox
