// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/PrivacyMode.h"

#include "storage/AppSettings.h"

namespace Halo {

PrivacyMode::PrivacyMode(QObject *parent)
    : QObject(parent)
    , m_on(AppSettings().privacyMode(m_environment))
{}

void PrivacyMode::setEnvironment(Environment environment)
{
    m_environment = environment;
    apply(AppSettings().privacyMode(environment));
}

void PrivacyMode::setOn(bool on)
{
    AppSettings().setPrivacyMode(m_environment, on);
    apply(on);
}

void PrivacyMode::apply(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    emit changed(on);
}

} // namespace Halo
