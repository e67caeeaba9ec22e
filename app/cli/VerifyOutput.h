// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "services/VerificationResult.h"

namespace Cli {

// `halo-cli verify` rows as a people's table, RFC 4180 CSV or JSON; CSV and JSON use the
// fields of VerificationResult::jsonFields(), in that order.
class VerifyOutput
{
public:
    static QString table(const QList<Halo::VerificationResult> &rows);
    static QString csv(const QList<Halo::VerificationResult> &rows);
    static QString json(const QList<Halo::VerificationResult> &rows);
    // One line for standard error as a row finishes: "[3/10] BP-20431 (Best Practice): ok".
    static QString progressLine(int done, int total, const Halo::VerificationResult &row);
};

} // namespace Cli
