// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Halo {

// A text the server chose (a message, a practice name, an issue's diagnostics) made safe to
// show in a terminal or a widget: control characters (C0, DEL, C1: escape sequences that would
// retitle a terminal, colour it or erase lines) and bidirectional overrides (which make text
// read in another order than it is stored) are dropped; line breaks and tabs become spaces.
// Data, such as query result cells, is not passed through this: it is shown as data.
QString shownServerText(const QString &text);

} // namespace Halo
