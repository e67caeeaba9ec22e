// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Environment.h"

#include <QMenu>

#include <functional>

// Help: Report a Problem (the versions and the environment in use, copied to the clipboard;
// never the key) and About Halo Explorer.
class HelpMenu : public QMenu
{
    Q_OBJECT
public:
    struct State {
        Halo::Endpoint endpoint;
        bool privacyOn = false;
    };
    // `state` is read when a report is made; `notify` tells the user it was copied.
    HelpMenu(std::function<State()> state, std::function<void(const QString &)> notify,
             QWidget *parent);

private:
    void reportProblem();

    std::function<State()> m_state;
    std::function<void(const QString &)> m_notify;
};
