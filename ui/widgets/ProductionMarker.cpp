// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ProductionMarker.h"

#include "widgets/AccessibleControls.h"
#include "widgets/ThemeColours.h"

ProductionMarker::ProductionMarker(const Halo::Endpoint &destination, QWidget *parent)
    : QLabel(parent)
{
    setText(tr("Production"));
    setAccessibleName(tr("Sends to Production"));
    AccessibleControls::makeSelectable(this);
    setToolTip(tr("Production: this reaches a live practice."));
    // Red in light and dark themes alike; the word itself carries the meaning for everyone else.
    ThemeColours::styleLabel(this, ThemeColours::Role::Bad, QStringLiteral("font-weight: bold; "));
    if (!Halo::isProduction(destination))
        hide();
}
