// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/IsoDateTime_p.h"

#include <QTimeZone>

namespace Halo::detail {

namespace {

bool readDigits(const char *p, int count, int *value)
{
    int result = 0;
    for (int i = 0; i < count; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        result = result * 10 + (p[i] - '0');
    }
    *value = result;
    return true;
}

// QDate::isValid() for years 0 to 9999 (there is no year 0), without going through a calendar.
bool isValidDate(int year, int month, int day)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year == 0 || month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

} // namespace

ResultCell::Kind parseIso(QByteArrayView text, IsoParts *parts)
{
    const char *p = text.data();
    const qsizetype n = text.size();
    int year = 0, month = 0, day = 0;
    if ((n != 10 && n < 19) || p[4] != '-' || p[7] != '-' || !readDigits(p, 4, &year) ||
        !readDigits(p + 5, 2, &month) || !readDigits(p + 8, 2, &day) ||
        !isValidDate(year, month, day)) {
        return ResultCell::Kind::String;
    }
    if (parts)
        parts->date = QDate(year, month, day);
    if (n == 10)
        return ResultCell::Kind::Date;

    int hour = 0, minute = 0, second = 0;
    if ((p[10] != 'T' && p[10] != ' ') || p[13] != ':' || p[16] != ':' ||
        !readDigits(p + 11, 2, &hour) || !readDigits(p + 14, 2, &minute) ||
        !readDigits(p + 17, 2, &second) || hour > 23 || minute > 59 || second > 59) {
        return ResultCell::Kind::String;
    }
    qsizetype i = 19;
    int millis = 0;
    if (i < n && p[i] == '.') {
        const qsizetype start = ++i;
        while (i < n && p[i] >= '0' && p[i] <= '9') {
            if (i - start < 3)
                millis = millis * 10 + (p[i] - '0');
            ++i;
        }
        if (i == start)
            return ResultCell::Kind::String;
        for (qsizetype digits = i - start; digits < 3; ++digits)
            millis *= 10;
    }
    IsoParts::Zone zone = IsoParts::Zone::None;
    int offset = 0;
    if (i < n && p[i] == 'Z') {
        zone = IsoParts::Zone::Utc;
        ++i;
    } else if (i < n && (p[i] == '+' || p[i] == '-')) {
        int offsetHours = 0, offsetMinutes = 0;
        if (n - i != 6 || p[i + 3] != ':' || !readDigits(p + i + 1, 2, &offsetHours) ||
            !readDigits(p + i + 4, 2, &offsetMinutes) || offsetHours > 23 || offsetMinutes > 59) {
            return ResultCell::Kind::String;
        }
        offset = (offsetHours * 60 + offsetMinutes) * 60 * (p[i] == '-' ? -1 : 1);
        zone = IsoParts::Zone::Offset;
        i += 6;
    }
    if (i != n)
        return ResultCell::Kind::String;
    if (parts) {
        parts->time = QTime(hour, minute, second, millis);
        parts->zone = zone;
        parts->offsetSeconds = offset;
    }
    return ResultCell::Kind::DateTime;
}

QDateTime toDateTime(const IsoParts &parts)
{
    // QTimeZone's UTC and fixed-offset factories arrived in 6.5; the TimeSpec forms are
    // deprecated from 6.9.
    switch (parts.zone) {
    case IsoParts::Zone::None:
        return QDateTime(parts.date, parts.time);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    case IsoParts::Zone::Utc:
        return QDateTime(parts.date, parts.time, QTimeZone(QTimeZone::UTC));
    case IsoParts::Zone::Offset:
        return QDateTime(parts.date, parts.time,
                         QTimeZone::fromSecondsAheadOfUtc(parts.offsetSeconds));
#else
    case IsoParts::Zone::Utc:
        return QDateTime(parts.date, parts.time, Qt::UTC);
    case IsoParts::Zone::Offset:
        return QDateTime(parts.date, parts.time, Qt::OffsetFromUTC, parts.offsetSeconds);
#endif
    }
    return {};
}

} // namespace Halo::detail
