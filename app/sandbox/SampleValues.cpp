// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic values for the sample data: dates in ISO form and Australian identifiers with valid
// check digits.
#include "SampleFiller_p.h"

namespace Sandbox::detail {

namespace {

// Hand-formatted: QString::asprintf costs more than the rest of a row.
char *twoDigits(char *out, int value)
{
    *out++ = char('0' + value / 10 % 10);
    *out++ = char('0' + value % 10);
    return out;
}

char *dateDigits(char *out, const QDate &date)
{
    out = twoDigits(out, date.year() / 100);
    out = twoDigits(out, date.year() % 100);
    *out++ = '-';
    out = twoDigits(out, date.month());
    *out++ = '-';
    return twoDigits(out, date.day());
}

} // namespace

QString isoDate(const QDate &date)
{
    char text[10];
    dateDigits(text, date);
    return QString::fromLatin1(text, sizeof(text));
}

QString isoDateTime(const QDate &date, int hour, int minute, int second)
{
    char text[19];
    char *out = dateDigits(text, date);
    *out++ = 'T';
    out = twoDigits(out, hour);
    *out++ = ':';
    out = twoDigits(out, minute);
    *out++ = ':';
    twoDigits(out, second);
    return QString::fromLatin1(text, sizeof(text));
}

// A moment between 07:00 and 18:59 on `day`, one draw per statement.
QString workingTime(Dice &dice, const QDate &day)
{
    const int hour = dice.between(7, 18);
    const int minute = dice.below(60);
    const int second = dice.below(60);
    return isoDateTime(day, hour, minute, second);
}

QDate randomDate(Dice &dice, const QDate &from, const QDate &to)
{
    return from.addDays(dice.below(int(from.daysTo(to)) + 1));
}

QString medicareNumber(Dice &dice)
{
    static const int weights[] = {1, 3, 7, 9, 1, 3, 7, 9};
    QString number = QString::number(dice.between(2, 6));
    number += dice.digits(7);
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += number.at(i).digitValue() * weights[i];
    number += QString::number(sum % 10);
    return number + QString::number(dice.between(1, 9)); // issue number
}

QString luhnCompleted(const QString &body)
{
    int sum = 0;
    bool doubleIt = true; // the digit next to the check digit is doubled
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        int digit = body.at(i).digitValue();
        if (doubleIt)
            digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        sum += digit;
        doubleIt = !doubleIt;
    }
    return body + QString::number((10 - sum % 10) % 10);
}

QString individualHealthcareIdentifier(Dice &dice)
{
    return luhnCompleted(QStringLiteral("800360") + dice.digits(9));
}

QString dvaNumber(Dice &dice)
{
    static const char *const states[] = {"N", "V", "Q", "W", "S", "T"};
    QString number = utf8(dice.pick(states)) + QStringLiteral("X");
    number += dice.digits(6);
    if (dice.chance(30))
        number += QLatin1Char(char('A' + dice.below(26)));
    return number;
}

QString providerNumber(Dice &dice)
{
    static const int weights[] = {3, 5, 8, 4, 2, 1};
    static const char locations[] = "0123456789ABCDEFGHJKLMNPQRTUVWXY";
    static const char checks[] = "YXWTLKJHFBA";
    QString stem = QString::number(dice.between(1, 9));
    stem += dice.digits(5);
    const int location = dice.below(int(sizeof(locations)) - 1);
    int sum = location * 6;
    for (int i = 0; i < 6; ++i)
        sum += stem.at(i).digitValue() * weights[i];
    return stem + QLatin1Char(locations[location]) + QLatin1Char(checks[sum % 11]);
}

QString australianBusinessNumber(Dice &dice)
{
    static const int weights[] = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    for (;;) {
        const QString tail = dice.digits(9);
        for (int prefix = 10; prefix <= 99; ++prefix) {
            const QString abn = QString::number(prefix) + tail;
            int sum = 0;
            for (int i = 0; i < 11; ++i)
                sum += (abn.at(i).digitValue() - (i == 0 ? 1 : 0)) * weights[i];
            if (sum % 89 == 0)
                return abn.left(2) + QLatin1Char(' ') + abn.mid(2, 3) + QLatin1Char(' ') +
                       abn.mid(5, 3) + QLatin1Char(' ') + abn.mid(8, 3);
        }
    }
}

QString mobileNumber(Dice &dice)
{
    // One draw per statement: argument evaluation order is unspecified, the data must not be.
    QString number = QStringLiteral("04") + dice.digits(2);
    number += QLatin1Char(' ') + dice.digits(3);
    return number + QLatin1Char(' ') + dice.digits(3);
}

// "Zoë O'Brien" -> "zoe", "obrien": for e-mail addresses.
QString asciiLetters(const QString &text)
{
    QString result;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() < 128 && c.isLetter())
            result += c.toLower();
    }
    return result;
}

} // namespace Sandbox::detail
