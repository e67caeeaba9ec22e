// SPDX-License-Identifier: GPL-3.0-or-later
// What happened to the patients: appointments and recorded allergies.
#include "SampleFiller_p.h"
#include "SampleWords_p.h"

namespace Sandbox::detail {

void Filler::appointments()
{
    static const int durations[] = {15, 15, 15, 30, 30, 45, 60};
    static const int fees[] = {0, 0, 4140, 8010, 9500, 12050, 13500, 21000};
    Inserter insert(this, QStringLiteral("appointments"));
    for (int id = 1; id <= kAppointments; ++id) {
        QDate day = randomDate(dice, QDate(2024, 1, 1), QDate(2027, 12, 31));
        if (day.dayOfWeek() == 7)
            day = day.addDays(1);        // closed on Sundays
        const int slot = dice.below(40); // 08:00 to 17:45
        const bool past = day < kToday;
        const int roll = dice.below(100);
        QString status;
        QVariant fee;
        if (past) {
            status = roll < 84   ? QStringLiteral("Completed")
                     : roll < 94 ? QStringLiteral("Cancelled")
                                 : QStringLiteral("DNA");
            if (status == QLatin1String("Completed"))
                fee = dice.chance(2) ? -cents(dice.between(500, 5000)) : cents(dice.pick(fees));
            else if (status == QLatin1String("DNA"))
                fee = cents(dice.chance(50) ? 0 : 3500);
        } else {
            status = roll < 90 ? QStringLiteral("Booked") : QStringLiteral("Cancelled");
        }
        const QString reason = utf8(isDental() ? dice.pick(kDentalReasons) : dice.pick(kReasons));
        insert.row({id, dice.between(1, kPatients), dice.between(1, kPractitioners - 2),
                    isoDateTime(day, 8 + slot / 4, (slot % 4) * 15, 0), dice.pick(durations),
                    status, orNull(dice.chance(75), reason), fee});
    }
}

void Filler::allergies()
{
    static const char *const severities[] = {"mild", "mild", "moderate", "moderate", "severe"};
    static const char *const criticalities[] = {"low", "low",  "low",  "low",  "low",
                                                "low", "high", "high", "high", "unable-to-assess"};
    Inserter insert(this, QStringLiteral("allergies"));
    insert.row({1, 1, QStringLiteral("Penicillin"), QStringLiteral("Anaphylaxis"),
                QStringLiteral("severe"), QStringLiteral("high"), QStringLiteral("1999-06-14")});
    insert.row({2, 1, QStringLiteral("Peanut"), QStringLiteral("Hives"), QStringLiteral("moderate"),
                QStringLiteral("high"), QStringLiteral("2008-11-02")});
    insert.row({3, 1, QStringLiteral("Latex"), QVariant(), QVariant(),
                QStringLiteral("unable-to-assess"), QStringLiteral("2019-03-21")});
    for (int id = 4; id <= kAllergies; ++id) {
        insert.row({id, dice.between(2, kPatients), utf8(dice.pick(kSubstances)),
                    dice.maybe(85, [&] { return utf8(dice.pick(kReactions)); }),
                    dice.maybe(80, [&] { return utf8(dice.pick(severities)); }),
                    utf8(dice.pick(criticalities)),
                    isoDate(randomDate(dice, QDate(2005, 1, 1), QDate(2026, 10, 31)))});
    }
}

} // namespace Sandbox::detail
