#include "EnvironmentBanner.h"

#include "widgets/AccessibleControls.h"

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
    // Colours chosen to read well in light and dark themes; Production is red on purpose.
    QColor background;
    // Any Production destination is red, a custom base URL on its host included.
    switch (Halo::safetyEnvironment(endpoint)) {
    case Halo::Environment::Production:
        background = QColor(0xb3, 0x1b, 0x1b);
        break;
    case Halo::Environment::Stage:
        background = QColor(0x1f, 0x5f, 0xa8);
        break;
    case Halo::Environment::Sandbox:
        background = QColor(0x2e, 0x7d, 0x32);
        break;
    case Halo::Environment::Custom:
        background = QColor(0x6a, 0x4c, 0x93);
        break;
    }
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, Qt::white);
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
