// SPDX-License-Identifier: GPL-3.0-or-later
// The small tables of a site's other catalogues: a drug list, an audit trail, notes.
#include "SampleFiller_p.h"
#include "SampleWords_p.h"

namespace Sandbox::detail {

void Filler::drugs()
{
    struct Drug {
        const char *name;
        const char *strengths[2];
        const char *form;
    };
    static const Drug list[] = {
        {"Amoxicillin", {"250 mg", "500 mg"}, "capsule"},
        {"Paracetamol", {"500 mg", "665 mg"}, "tablet"},
        {"Ibuprofen", {"200 mg", "400 mg"}, "tablet"},
        {"Atorvastatin", {"20 mg", "40 mg"}, "tablet"},
        {"Metformin", {"500 mg", "1 g"}, "tablet"},
        {"Salbutamol", {"100 microgram/dose", "5 mg/2.5 mL"}, "inhaler"},
        {"Cephalexin", {"250 mg", "500 mg"}, "capsule"},
        {"Amlodipine", {"5 mg", "10 mg"}, "tablet"},
        {"Perindopril", {"5 mg", "10 mg"}, "tablet"},
        {"Sertraline", {"50 mg", "100 mg"}, "tablet"},
        {"Pantoprazole", {"20 mg", "40 mg"}, "enteric tablet"},
        {"Prednisolone", {"5 mg", "25 mg"}, "tablet"},
        {"Doxycycline", {"50 mg", "100 mg"}, "tablet"},
        {"Levothyroxine", {"50 microgram", "100 microgram"}, "tablet"},
        {"Rosuvastatin", {"10 mg", "20 mg"}, "tablet"},
        {"Esomeprazole", {"20 mg", "40 mg"}, "enteric capsule"},
        {"Fluticasone + salmeterol", {"125/25 microgram", "250/25 microgram"}, "inhaler"},
        {"Candesartan", {"8 mg", "16 mg"}, "tablet"},
        {"Escitalopram", {"10 mg", "20 mg"}, "tablet"},
        {"Trimethoprim", {"150 mg", "300 mg"}, "tablet"},
        {"Metoprolol", {"50 mg", "100 mg"}, "tablet"},
        {"Warfarin", {"1 mg", "5 mg"}, "tablet"},
        {"Hydrocortisone", {"0.5%", "1%"}, "cream"},
        {"Mometasone", {"0.1%", "50 microgram/spray"}, "ointment"},
        {"Ondansetron", {"4 mg", "8 mg"}, "wafer"},
    };
    run(QStringLiteral("CREATE TABLE drugs(id INTEGER PRIMARY KEY, name TEXT, strength TEXT, "
                       "form TEXT)"));
    Inserter insert(this, QStringLiteral("drugs"));
    int id = 0;
    for (const Drug &drug : list) {
        for (const char *strength : drug.strengths)
            insert.row({++id, utf8(drug.name), utf8(strength), utf8(drug.form)});
    }
}

void Filler::auditLog()
{
    static const char *const users[] = {"reception", "dr.chen", "nurse.kelly", "admin"};
    run(QStringLiteral("CREATE TABLE audit_log(id INTEGER PRIMARY KEY, at TEXT, action TEXT)"));
    Inserter insert(this, QStringLiteral("audit_log"));
    QDate day(2026, 9, 1);
    for (int id = 1; id <= 200; ++id) {
        day = day.addDays(dice.chance(30) ? 1 : 0);
        const QString user = utf8(dice.pick(users));
        QString action;
        switch (dice.below(4)) {
        case 0:
            action = QStringLiteral("Login: %1").arg(user);
            break;
        case 1:
            action = QStringLiteral("Patient %1 record opened by %2")
                         .arg(dice.between(1, kPatients))
                         .arg(user);
            break;
        case 2:
            action = QStringLiteral("Invoice %1 printed").arg(dice.between(10000, 99999));
            break;
        default:
            action = QStringLiteral("Logout: %1").arg(user);
            break;
        }
        insert.row({id, workingTime(dice, day), action});
    }
}

void Filler::genericNotes()
{
    run(QStringLiteral("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)"));
    Inserter insert(this, QStringLiteral("notes"));
    for (int id = 1; id <= 10; ++id)
        insert.row({id, utf8(kNotes[id - 1])});
}

} // namespace Sandbox::detail
