// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteRecord.h"

#include "sites/SiteInfo.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace Halo {

namespace {

// Base URLs differ only in case of scheme or host, or a trailing slash, name the same service.
bool sameBaseUrl(const QString &a, const QString &b)
{
    if (a.trimmed().isEmpty() || b.trimmed().isEmpty())
        return a.trimmed().isEmpty() && b.trimmed().isEmpty();
    const auto adjust = QUrl::StripTrailingSlash | QUrl::NormalizePathSegments;
    return QUrl(a.trimmed()).adjusted(adjust) == QUrl(b.trimmed()).adjusted(adjust);
}

// Practice names are typed by people: a change of case or spacing is not a different practice.
bool sameName(const QString &a, const QString &b)
{
    return a.simplified().compare(b.simplified(), Qt::CaseInsensitive) == 0;
}

bool sameVersion(const QString &a, const QString &b)
{
    return a.trimmed() == b.trimmed();
}

void compareField(QList<IdentityDifference> *differences, const QString &label,
                  const QString &recorded, const QString &current,
                  bool (*same)(const QString &, const QString &), const QString &explanation)
{
    if (recorded.trimmed().isEmpty())
        return; // not recorded at onboarding: nothing to compare with
    if (current.trimmed().isEmpty()) {
        // Unknown now is not the same as unchanged: say so rather than report a match.
        differences->append(
            {label, recorded.trimmed(), QString(),
             QCoreApplication::translate("Halo::SiteRecord",
                                         "Halo did not report this detail now, so it could not be "
                                         "checked against the record.")});
        return;
    }
    if (!same(recorded, current))
        differences->append({label, recorded.trimmed(), current.trimmed(), explanation});
}

} // namespace

bool SiteRecord::sameSite(const SiteRecord &other) const
{
    return environment == other.environment && sameBaseUrl(baseUrl, other.baseUrl) &&
           normalisedGuid(guid) == normalisedGuid(other.guid) && !normalisedGuid(guid).isEmpty();
}

QList<IdentityDifference> compareIdentity(const RecordedIdentity &recorded, const SiteInfo &current)
{
    QList<IdentityDifference> differences;
    compareField(&differences, QCoreApplication::translate("Halo::SiteRecord", "Practice name"),
                 recorded.practiceName, current.practiceName, sameName,
                 QCoreApplication::translate(
                     "Halo::SiteRecord",
                     "The practice database reports a different name. A changed name can mean a "
                     "merger, a split, a rebrand — or that this GUID now points at another "
                     "practice. Confirm with the practice before trusting it."));
    compareField(&differences, QCoreApplication::translate("Halo::SiteRecord", "PMS version"),
                 recorded.pmsVersion, current.pmsVersion, sameVersion,
                 QCoreApplication::translate(
                     "Halo::SiteRecord",
                     "The practice management software reports a different version. This is "
                     "usually an upgrade at the practice and is expected."));
    compareField(&differences, QCoreApplication::translate("Halo::SiteRecord", "Halo Link version"),
                 recorded.haloLinkVersion, current.haloLinkVersion, sameVersion,
                 QCoreApplication::translate(
                     "Halo::SiteRecord",
                     "Halo Link has been updated since the site was recorded. This is "
                     "expected."));
    return differences;
}

const IdentityDifference *findDifference(const QList<IdentityDifference> &differences,
                                         const QString &field)
{
    for (const IdentityDifference &difference : differences) {
        if (difference.field == field)
            return &difference;
    }
    return nullptr;
}

RecordedIdentity identityOf(const SiteInfo &site, const QDateTime &at)
{
    return {site.practiceName.trimmed(), site.pmsVersion.trimmed(), site.haloLinkVersion.trimmed(),
            at.toUTC()};
}

QString shownName(const SiteRecord &site, const QString &currentName)
{
    if (!site.label.trimmed().isEmpty())
        return site.label.trimmed();
    return currentName.trimmed().isEmpty() ? site.recorded.practiceName : currentName.trimmed();
}

QStringList cleanedTags(const QStringList &tags)
{
    QStringList cleaned;
    for (const QString &tag : tags) {
        const QString simplified = tag.simplified();
        if (!simplified.isEmpty() && !cleaned.contains(simplified, Qt::CaseInsensitive))
            cleaned.append(simplified);
    }
    return cleaned;
}

QStringList tagsFromText(const QString &text)
{
    return cleanedTags(text.split(QLatin1Char(',')));
}

QString tagsText(const QStringList &tags)
{
    return tags.join(QStringLiteral(", "));
}

bool isValidHaloGuid(const QString &text)
{
    return !normalisedGuid(text).isEmpty();
}

QString normalisedGuid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?$"));
    const QString trimmed = text.trimmed();
    // Braces come in pairs or not at all.
    if (trimmed.startsWith(QLatin1Char('{')) != trimmed.endsWith(QLatin1Char('}')))
        return {};
    const QRegularExpressionMatch match = pattern.match(trimmed);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

} // namespace Halo
