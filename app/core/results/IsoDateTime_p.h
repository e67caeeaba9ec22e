// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// ISO-8601 dates and datetimes in result text: what ResultTable classifies as Date or DateTime
// while it is filled, and what ResultCell turns into QDate and QDateTime. IsoDateTime.cpp.
#include "results/ResultTable.h"

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QTime>

namespace Halo::detail {

// The parts of an ISO-8601 date or datetime: YYYY-MM-DD, optionally followed by T (or a space,
// as SQL tools write it) hh:mm:ss, a fraction of any length, and Z or ±hh:mm.
struct IsoParts {
    QDate date;
    QTime time;
    enum class Zone { None, Utc, Offset } zone = Zone::None;
    int offsetSeconds = 0;
};

// Date, DateTime, or String when `text` is neither; fills `parts` (when given) for the first two.
ResultCell::Kind parseIso(QByteArrayView text, IsoParts *parts);
QDateTime toDateTime(const IsoParts &parts);

} // namespace Halo::detail
