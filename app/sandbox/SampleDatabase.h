// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Sandbox {

struct SampleSite;

// Per-site, per-catalogue SQLite databases filled with deterministic synthetic data.
//
// Schema of every site's default catalogue (the same for all PMS, to keep the sandbox small):
//   practice(id INTEGER PRIMARY KEY, name TEXT, abn TEXT, address_line1 TEXT, suburb TEXT,
//            state TEXT, postcode TEXT, phone TEXT, email TEXT)                         -- 1 row
//   practitioners(id INTEGER PRIMARY KEY, title TEXT, first_name TEXT, surname TEXT,
//            provider_no TEXT, prescriber_no TEXT NULL, specialty TEXT, email TEXT NULL,
//            gender TEXT, is_active INTEGER)                                          -- ~25 rows
//   patients(id INTEGER PRIMARY KEY, title TEXT NULL, first_name TEXT, middle_name TEXT NULL,
//            surname TEXT, preferred_name TEXT NULL, date_of_birth TEXT /*YYYY-MM-DD*/,
//            sex TEXT /*M F X or NULL*/, medicare_no TEXT NULL /*10 digits*/,
//            medicare_irn INTEGER NULL, ihi TEXT NULL /*16 digits, 800360...*/,
//            dva_no TEXT NULL, address_line1 TEXT NULL, address_line2 TEXT NULL,
//            suburb TEXT NULL, state TEXT NULL, postcode TEXT NULL, phone_mobile TEXT NULL,
//            email TEXT NULL, indigenous_status TEXT NULL, notes TEXT NULL,
//            balance REAL /*two decimals*/, is_active INTEGER /*0 or 1*/,
//            usual_practitioner_id INTEGER NULL, created_at TEXT /*YYYY-MM-DDTHH:MM:SS*/)
//                                                                                    -- ~2000 rows
//   appointments(id INTEGER PRIMARY KEY, patient_id INTEGER, practitioner_id INTEGER,
//            start_time TEXT /*YYYY-MM-DDTHH:MM:SS*/, duration_min INTEGER, status TEXT,
//            reason TEXT NULL, fee REAL NULL)                                        -- ~5000 rows
//   allergies(id INTEGER PRIMARY KEY, patient_id INTEGER, substance TEXT, reaction TEXT NULL,
//            severity TEXT NULL /*mild moderate severe*/,
//            criticality TEXT /*low high unable-to-assess*/, recorded_date TEXT)      -- ~800 rows
//   catalogue_info(name TEXT, description TEXT)                                      -- 1 row
//   stored_procedures(name TEXT PRIMARY KEY, sql TEXT)  -- what type=storedProcedure runs
// Every other catalogue of a site holds catalogue_info plus a small table of its own.
// Patient id 1 of every Best Practice site is the "rich" patient: several names and identifiers,
// an AU indigenous-status extension, a contained resource in FHIR, and allergies.
class SampleDatabase
{
public:
    // Opens (creating and filling on first use) the database for a site's catalogue.
    // An empty catalogue means the site's default. Connections belong to the calling thread.
    // Returns an invalid QSqlDatabase when the site has no such catalogue.
    static QSqlDatabase open(const SampleSite &site, const QString &catalogue = QString());

    // Drops every connection this thread opened (their in-memory data is lost).
    static void closeAll();
};

} // namespace Sandbox
