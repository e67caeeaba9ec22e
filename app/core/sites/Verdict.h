// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace Halo {

// What a bulk verification says of one practice: one of a fixed set, named by stable ids that
// scripts and reports rely on. The enum order is the precedence: when several apply, the first
// wins (an error hides everything, an unchanged identity is only `ok` when nothing else applies).
enum class Verdict {
    Error,                // the row could not be checked: a bad input row or the API's error
    NotFound,             // Halo knows no authoritative install of the PMS ID
    SeveralAuthoritative, // Halo names more than one authoritative install
    GuidChanged,          // the expected GUID is no longer the authoritative install
    Offline,              // the authoritative install is offline
    Unreachable,          // the authoritative install is unreachable
    NameDiffers,          // the practice name is not the one expected or recorded
    PmsVersionChanged,    // the PMS version is not the one recorded
    Ok,
};

QString verdictId(Verdict verdict); // "ok", "guid-changed", ...
std::optional<Verdict> verdictFromId(const QString &id);
// Every verdict, in the order of precedence.
QList<Verdict> allVerdicts();
// The verdict that wins among those that apply; Ok when none does.
Verdict firstByPrecedence(const QList<Verdict> &applicable);

} // namespace Halo
