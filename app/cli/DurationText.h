// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Cli {

// Seconds as people type and read them: 300, 300s, 5m, 2h, 1d.
class DurationText
{
public:
    // A positive whole number of seconds, optionally with s, m, h or d; nullopt otherwise.
    static std::optional<qint64> parse(const QString &text);
    // The largest whole unit: 86400 gives "1d", 900 "15m", 90 "90s".
    static QString format(qint64 seconds);
};

} // namespace Cli
