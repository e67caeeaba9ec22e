// SPDX-License-Identifier: GPL-3.0-or-later
#include "EnvironmentBanner.h"

#include "widgets/AccessibleControls.h"
#include "widgets/ThemeColours.h"

#include <QHBoxLayout>
#include <QLabel>

EnvironmentBanner::EnvironmentBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentBanner"));
    setAccessibleName(tr("Environment banner"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    AccessibleControls::makeSelectable(m_label);
    layout->addWidget(m_label);
}

void EnvironmentBanner::setEndpoint(const Halo::Endpoint &endpoint)
{
    // Colours that read in light and dark themes (ThemeColours::environmentBand); Production is
    // red on purpose, and any Production destination is, a custom base URL on its host included.
    const ThemeColours::Band band =
        ThemeColours::environmentBand(Halo::safetyEnvironment(endpoint));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, band.background);
    palette.setColor(QPalette::WindowText, band.text);
    palette.setColor(QPalette::Text, band.text);
    setPalette(palette);
    const QString name = Halo::endpointDisplayName(endpoint);
    const QString url = endpoint.baseUrl.toDisplayString();
    m_label->setText(url.isEmpty()
                         ? tr("<b>%1</b>").arg(name.toHtmlEscaped())
                         : tr("<b>%1</b> — %2").arg(name.toHtmlEscaped(), url.toHtmlEscaped()));
    m_label->setAccessibleName(tr("Environment: %1").arg(name));
    setToolTip(Halo::isProduction(endpoint)
                   ? tr("Production: queries reach live practice databases.")
                   : QString());
}
