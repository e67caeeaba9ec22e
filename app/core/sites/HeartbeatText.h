// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Halo {

// "last heard 3 minutes ago" from a site's heartbeat time, in whole seconds, minutes, hours or
// days (rounded down). `now` is passed in so the text can be tested against a fixed clock.
// A heartbeat a little in the future (clock skew) reads as "just now"; none at all says so.
QString lastHeardText(const QDateTime &heartbeat, const QDateTime &now);

} // namespace Halo
