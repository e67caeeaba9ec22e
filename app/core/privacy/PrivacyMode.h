// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include "net/Environment.h"

namespace Halo {

// Whether patient data is hidden on screen (for screen sharing), remembered per environment in
// AppSettings: switching environment brings back that environment's choice.
class PrivacyMode : public QObject
{
    Q_OBJECT
public:
    explicit PrivacyMode(QObject *parent = nullptr);

    bool isOn() const { return m_on; }
    Environment environment() const { return m_environment; }
    // The environment in use now: its remembered state applies (off unless turned on there).
    void setEnvironment(Environment environment);
    // On or off for the environment in use, remembered for it.
    void setOn(bool on);

signals:
    void changed(bool on);

private:
    void apply(bool on);

    Environment m_environment = Environment::Sandbox;
    bool m_on = false;
};

} // namespace Halo
