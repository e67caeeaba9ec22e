// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/Verdict.h"

#include <algorithm>

namespace Halo {

QString verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Error:
        return QStringLiteral("error");
    case Verdict::NotFound:
        return QStringLiteral("not-found");
    case Verdict::SeveralAuthoritative:
        return QStringLiteral("several-authoritative");
    case Verdict::GuidChanged:
        return QStringLiteral("guid-changed");
    case Verdict::Offline:
        return QStringLiteral("offline");
    case Verdict::Unreachable:
        return QStringLiteral("unreachable");
    case Verdict::NameDiffers:
        return QStringLiteral("name-differs");
    case Verdict::PmsVersionChanged:
        return QStringLiteral("pms-version-changed");
    case Verdict::Ok:
        break;
    }
    return QStringLiteral("ok");
}

std::optional<Verdict> verdictFromId(const QString &id)
{
    for (Verdict verdict : allVerdicts()) {
        if (verdictId(verdict) == id)
            return verdict;
    }
    return std::nullopt;
}

QList<Verdict> allVerdicts()
{
    return {Verdict::Error,       Verdict::NotFound,          Verdict::SeveralAuthoritative,
            Verdict::GuidChanged, Verdict::Offline,           Verdict::Unreachable,
            Verdict::NameDiffers, Verdict::PmsVersionChanged, Verdict::Ok};
}

Verdict firstByPrecedence(const QList<Verdict> &applicable)
{
    // The enum is declared in the order of precedence.
    if (applicable.isEmpty())
        return Verdict::Ok;
    return *std::min_element(applicable.cbegin(), applicable.cend());
}

} // namespace Halo
