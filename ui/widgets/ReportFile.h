// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Halo {
struct VerificationRun;
}

// Where the window saves an evidence report: HTML or JSON as the core writes them, or PDF by
// printing the same HTML page through Qt's printing (its print stylesheet applies). Chosen by
// the file's ending; written whole or not at all, so a failed write leaves an old file intact.
class ReportFile
{
public:
    static bool write(const QString &path, const Halo::VerificationRun &run,
                      QString *error = nullptr);
    // For a save dialog: HTML, JSON and PDF, HTML first.
    static QString fileFilters();
    // A file name for the run, e.g. "verification-20261202-0930.html".
    static QString suggestedName(const Halo::VerificationRun &run, const QString &what);
};
