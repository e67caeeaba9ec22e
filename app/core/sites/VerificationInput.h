// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

#include "sites/SiteRecord.h"

namespace Halo {

// One practice to verify: from a saved site (its recorded identity) or a CSV row (what the
// person expects). A row that cannot be checked carries the reason in `problem`.
struct VerificationInput {
    int line = 0;         // the CSV line the row starts on (the header is line 1); 0: a saved site
    QString pms;          // as given, for the output; the PMS type when it is known
    QString pmsType;      // BestPractice | Zedmed | D4w; empty when `pms` names none
    QString pmsId;        // practiceManagementSiteId
    QString expectedGuid; // lower case; may be empty (then no GUID is expected)
    QString expectedName; // may be empty
    std::optional<RecordedIdentity> recorded; // saved sites: what was true at onboarding
    QString problem;                          // not empty: the row is an `error` without a request

    bool canBeChecked() const { return problem.isEmpty(); }
};

// The rows of a verification CSV, or why the file cannot be used at all.
struct VerificationInputs {
    QList<VerificationInput> rows;
    QString usageError; // not empty: unreadable file, or no header with pms and pms_id
};

// Reads the bulk verification CSV: a header row naming the columns `pms,pms_id` and optionally
// `expected_guid,expected_name` (in any order; other columns are ignored), then one practice per
// row. RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes; CRLF or
// LF line ends. A row that is wrong becomes a row with a problem naming its line, so the others
// are still checked; only a missing header or required column stops the whole file.
class VerificationCsv
{
public:
    static VerificationInputs parse(const QByteArray &csv);
    static VerificationInputs readFile(const QString &path);
    // The PMS type for "Best Practice", "bestpractice", "ZEDMED", "d4w", ...; empty for others.
    static QString pmsTypeFor(const QString &pms);
};

// The saved sites as rows: the GUID, name and versions recorded when each was onboarded.
QList<VerificationInput> verificationInputsFrom(const QList<SiteRecord> &sites);

} // namespace Halo
