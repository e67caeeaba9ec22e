// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "services/VerificationResult.h"

namespace Halo {

// A bulk run as evidence: who ran it, when, against which environment, and each row.
struct VerificationRun {
    QString environment; // as people read it: "Stage", "Custom (https://proxy.example.net)"
    QString source;      // "saved sites" or the CSV file's name
    QString user;
    QString appVersion;
    QDateTime startedAt;
    QDateTime finishedAt;
    bool cancelled = false;
    int total = 0; // rows asked for; more than rows.size() when the run was cancelled
    QList<VerificationResult> rows;
};

// Writes a run as a self-contained HTML page (no scripts, no outside links; prints on paper) or
// as JSON. Only what verification gathered goes in: identifiers, verdicts and the requests'
// method, path, status, timing and ids. Never a header, so never the key; never query results,
// so never patient data.
class VerificationReport
{
public:
    static QByteArray html(const VerificationRun &run);
    static QByteArray json(const VerificationRun &run);
    // JSON when `path` ends in .json, else HTML; written whole or not at all.
    static bool write(const QString &path, const VerificationRun &run, QString *error = nullptr);
    static QString currentUser(); // the login name, as the environment gives it
};

} // namespace Halo
