// SPDX-License-Identifier: GPL-3.0-or-later
// The practice, its practitioners and its patients.
#include "SampleFiller_p.h"
#include "SampleWords_p.h"

namespace Sandbox::detail {

void Filler::practice()
{
    const Suburb &where = kSuburbs[site.dataSeed % (sizeof(kSuburbs) / sizeof(kSuburbs[0]))];
    const QString street =
        QStringLiteral("%1 %2").arg(dice.between(1, 240)).arg(utf8(dice.pick(kStreets)));
    QString phone = QStringLiteral("(%1) ").arg(utf8(where.areaCode));
    phone += QString::number(dice.between(3, 9));
    phone += dice.digits(3);
    phone += QLatin1Char(' ') + dice.digits(4);
    QString slug = site.practiceName.toLower();
    slug.remove(QLatin1Char(' '));
    Inserter(this, QStringLiteral("practice"))
        .row({1, site.practiceName, australianBusinessNumber(dice), street, utf8(where.name),
              utf8(where.state), utf8(where.postcode), phone,
              QStringLiteral("reception@%1.example.com").arg(slug)});
}

void Filler::practitioners()
{
    static const char *const medical[] = {"General Practice", "General Practice",
                                          "General Practice", "Practice Nurse",
                                          "Women's Health",   "Skin Cancer Medicine"};
    static const char *const dental[] = {"General Dentistry", "General Dentistry",
                                         "Dental Hygienist",  "Orthodontics",
                                         "Oral Surgery",      "Dental Therapist"};
    Inserter insert(this, QStringLiteral("practitioners"));
    for (int id = 1; id <= kPractitioners; ++id) {
        const bool female = dice.chance(55);
        const QString first = utf8(female ? dice.pick(kFemaleNames) : dice.pick(kMaleNames));
        const QString surname = utf8(dice.pick(kSurnames));
        const QString specialty = utf8(isDental() ? dice.pick(dental) : dice.pick(medical));
        const bool doctor = !specialty.contains(QLatin1String("Nurse")) &&
                            !specialty.contains(QLatin1String("Hygienist")) &&
                            !specialty.contains(QLatin1String("Therapist"));
        const QString title =
            doctor ? QStringLiteral("Dr") : (female ? QStringLiteral("Ms") : QStringLiteral("Mr"));
        const QString email = asciiLetters(first) + QLatin1Char('.') + asciiLetters(surname) +
                              QStringLiteral("@staff.example.com");
        insert.row({id, title, first, surname, providerNumber(dice), orNull(doctor, dice.digits(7)),
                    specialty, orNull(dice.chance(80), email),
                    female ? QStringLiteral("F") : QStringLiteral("M"),
                    id > kPractitioners - 2 ? 0 : 1});
    }
}

// Patient 1: every optional field set, awkward characters included, allergies added later.
QVariantList Filler::richPatient()
{
    return {1,
            QStringLiteral("Mrs"),
            utf8("Zoë"),
            QStringLiteral("Mai"),
            QStringLiteral("O'Brien"),
            QStringLiteral("Zo"),
            QStringLiteral("1984-02-29"),
            QStringLiteral("F"),
            QStringLiteral("2953172071"),
            2,
            QStringLiteral("8003608833357361"),
            QStringLiteral("QX901533"),
            QStringLiteral("Unit 4, 12 O'Connell Street"),
            QStringLiteral("Rear entrance \"B\""),
            QStringLiteral("Manly"),
            QStringLiteral("NSW"),
            QStringLiteral("2095"),
            QStringLiteral("0412 345 678"),
            QStringLiteral("zoe.obrien@example.com"),
            QStringLiteral("1"),
            utf8("Prefers morning appointments.\nHusband \"Dave\" is emergency contact.\t"
                 "Mobile preferred.\nCarries an adrenaline autoinjector 🙂"),
            cents(3750),
            1,
            1,
            QStringLiteral("2012-07-03T09:14:27")};
}

QVariantList Filler::patient(int id)
{
    if (id == 1)
        return richPatient();
    bool female = dice.chance(52);
    QString first = utf8(female ? dice.pick(kFemaleNames) : dice.pick(kMaleNames));
    QString surname = utf8(dice.pick(kSurnames));
    QVariant middle = dice.maybe(45, [&] { return utf8(dice.pick(kMiddleNames)); });
    QVariant preferred;
    if (id % 400 == 2) {
        surname = QStringLiteral("Smith");
    } else if (id == 7) {
        first = utf8("花子");
        surname = utf8("山田");
        female = true;
    } else if (id == 17) {
        first = QStringLiteral("Robert \"Bob\""); // nickname typed into the name field
        surname = QStringLiteral("D'Souza");
        preferred = QStringLiteral("Bob");
        female = false;
    } else if (id == 23) {
        first = utf8("Guðrún");
        surname = utf8("Ólafsdóttir");
        female = true;
    }
    if (preferred.isNull() && dice.chance(12))
        preferred = first.left(3);

    const QDate born = randomDate(dice, QDate(1930, 1, 1), QDate(2024, 6, 30));
    const int sexRoll = dice.below(100);
    const QVariant sex = sexRoll < 2 ? QVariant()
                         : sexRoll < 3
                             ? QVariant(QStringLiteral("X"))
                             : QVariant(female ? QStringLiteral("F") : QStringLiteral("M"));
    QVariant title;
    if (dice.chance(80) && born.year() < 2006)
        title = female ? utf8(dice.chance(50) ? "Ms" : "Mrs") : QStringLiteral("Mr");
    const bool hasMedicare = dice.chance(90);
    const bool hasAddress = dice.chance(97);
    const Suburb &where = dice.pick(kSuburbs);
    const QString local = asciiLetters(first.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') +
                          asciiLetters(surname);
    const QString email = (local.size() > 1 ? local : QStringLiteral("patient")) +
                          QString::number(id) + QStringLiteral("@example.com");
    static const char *const indigenous[] = {"4", "4", "4", "4", "1", "2", "3", "9"};
    const int balanceRoll = dice.below(100);
    const double balance = balanceRoll < 60   ? 0.0
                           : balanceRoll < 90 ? cents(dice.between(500, 25000))
                                              : -cents(dice.between(100, 15000));
    const QDate created = randomDate(dice, QDate(2010, 1, 1), QDate(2026, 10, 31));

    return {
        id,
        title,
        first,
        middle,
        surname,
        preferred,
        isoDate(born),
        sex,
        orNull(hasMedicare, medicareNumber(dice)),
        orNull(hasMedicare, dice.between(1, 5)),
        dice.maybe(75, [&] { return individualHealthcareIdentifier(dice); }),
        dice.maybe(4, [&] { return dvaNumber(dice); }),
        orNull(hasAddress,
               QStringLiteral("%1 %2").arg(dice.between(1, 400)).arg(utf8(dice.pick(kStreets)))),
        hasAddress
            ? dice.maybe(15, [&] { return QStringLiteral("Unit %1").arg(dice.between(1, 30)); })
            : QVariant(),
        orNull(hasAddress, utf8(where.name)),
        orNull(hasAddress, utf8(where.state)),
        orNull(hasAddress, utf8(where.postcode)),
        dice.maybe(90, [&] { return mobileNumber(dice); }),
        orNull(dice.chance(70), email),
        dice.maybe(60, [&] { return utf8(dice.pick(indigenous)); }),
        dice.maybe(30, [&] { return utf8(dice.pick(kNotes)); }),
        balance,
        dice.chance(92) ? 1 : 0,
        dice.maybe(85, [&] { return dice.between(1, kPractitioners); }),
        workingTime(dice, created)};
}

void Filler::patients()
{
    Inserter insert(this, QStringLiteral("patients"));
    for (int id = 1; id <= kPatients; ++id)
        insert.row(patient(id));
}

} // namespace Sandbox::detail
