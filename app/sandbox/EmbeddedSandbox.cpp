// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmbeddedSandbox.h"

#include "SandboxServer.h"

namespace Sandbox {

EmbeddedSandbox::EmbeddedSandbox(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("halo-sandbox"));
}

EmbeddedSandbox::~EmbeddedSandbox()
{
    m_thread.quit();
    m_thread.wait();
}

void EmbeddedSandbox::start()
{
    // The server and its QHttpServer must be created inside the thread they serve from; an
    // anchor object living there creates them and owns them until the thread finishes.
    auto *anchor = new QObject;
    anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, anchor, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(anchor, [this, anchor, options = m_options]() {
        auto *server = new SandboxServer(options, anchor);
        if (server->listen() == 0)
            emit failed(server->errorString());
        else
            emit ready(server->baseUrl(), server->key());
    });
}

} // namespace Sandbox
