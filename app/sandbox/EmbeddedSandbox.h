// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include "SandboxOptions.h"

namespace Sandbox {

// Runs a SandboxServer on its own thread, so the sandbox's SQL and encoding never stall the
// window that embeds it. Everything crosses threads through queued signals.
class EmbeddedSandbox : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedSandbox(const SandboxOptions &options, QObject *parent = nullptr);
    ~EmbeddedSandbox() override;

    void start();

signals:
    void ready(const QString &baseUrl, const QString &key);
    void failed(const QString &message);

private:
    QThread m_thread;
    SandboxOptions m_options;
};

} // namespace Sandbox
