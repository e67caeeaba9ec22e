// SPDX-License-Identifier: GPL-3.0-or-later
#include "DurationText.h"

namespace Cli {

namespace {

struct Unit {
    char suffix;
    qint64 seconds;
};
constexpr Unit kUnits[] = {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};

} // namespace

std::optional<qint64> DurationText::parse(const QString &text)
{
    QString digits = text.trimmed().toLower();
    qint64 factor = 1;
    for (const Unit &unit : kUnits) {
        if (digits.endsWith(QLatin1Char(unit.suffix))) {
            digits.chop(1);
            factor = unit.seconds;
            break;
        }
    }
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    // A year in seconds is far beyond anything Halo accepts, and keeps the product in range.
    if (!ok || number <= 0 || number > 366 * 86400)
        return std::nullopt;
    return number * factor;
}

QString DurationText::format(qint64 seconds)
{
    for (const Unit &unit : kUnits) {
        if (seconds > 0 && seconds % unit.seconds == 0)
            return QString::number(seconds / unit.seconds) + QLatin1Char(unit.suffix);
    }
    return QString::number(seconds) + QLatin1Char('s');
}

} // namespace Cli
