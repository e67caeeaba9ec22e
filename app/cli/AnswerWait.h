// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QObject>

namespace Cli {

// How a command waits for a service: the service's answer signals, connected with context()
// as their context, call done(); wait() runs the event loop until one has. Declare it after
// the variables the answers are written into, so its connections end before they do.
class AnswerWait
{
public:
    QObject *context() { return &m_loop; }
    void done()
    {
        m_done = true;
        m_loop.quit();
    }
    void wait()
    {
        if (!m_done)
            m_loop.exec();
    }

private:
    QEventLoop m_loop;
    bool m_done = false;
};

} // namespace Cli
