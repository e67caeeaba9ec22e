// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteInfo.h"

#include "net/ServerText.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Halo {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    return parseHaloTime(value.toString());
}

SiteInfo::Availability parseAvailability(const QString &text)
{
    if (text == QLatin1String("online"))
        return SiteInfo::Availability::Online;
    if (text == QLatin1String("offline"))
        return SiteInfo::Availability::Offline;
    if (text == QLatin1String("unreachable"))
        return SiteInfo::Availability::Unreachable;
    return SiteInfo::Availability::Unknown;
}

// The current field, else its deprecated twin.
QString either(const QJsonObject &current, const char *key, const QJsonObject &legacy,
               const char *legacyKey)
{
    const QString value = current.value(QLatin1String(key)).toString();
    return shownServerText(value.isEmpty() ? legacy.value(QLatin1String(legacyKey)).toString()
                                           : value);
}

} // namespace

SiteInfo SiteInfo::fromJson(const QJsonObject &json)
{
    const QJsonObject metadata = json.value(QLatin1String("practiceMetadata")).toObject();
    SiteInfo site;
    site.guid = json.value(QLatin1String("id")).toString();
    site.pmsType = either(json, "pmsType", metadata, "pmsType");
    site.pmsId = either(metadata, "practiceManagementSiteId", json, "practiceManagementSiteId");
    site.practiceName = either(metadata, "practiceName", json, "name");
    site.pmsVersion =
        either(metadata, "practiceManagementVersion", json, "practiceManagementVersion");
    site.haloLinkVersion = shownServerText(json.value(QLatin1String("haloLinkVersion")).toString());
    site.status = json.value(QLatin1String("status")).toString();
    site.availability = parseAvailability(json.value(QLatin1String("availability")).toString());
    for (const QJsonValue &entry : json.value(QLatin1String("catalogue")).toArray()) {
        const QJsonObject c = entry.toObject();
        site.catalogues.append({shownServerText(c.value(QLatin1String("name")).toString()),
                                c.value(QLatin1String("isDefault")).toBool()});
    }
    const QJsonValue authoritative = json.value(QLatin1String("authoritative"));
    site.authoritativeKnown = authoritative.isBool();
    site.authoritative = authoritative.toBool(true);
    site.createdAt = parseTime(json.value(QLatin1String("createdAt")));
    site.enrichedAt = parseTime(json.value(QLatin1String("enrichedAt")));
    site.heartbeatAt = parseTime(json.value(QLatin1String("heartbeatTimestampUTC")));
    site.clientTimestamp = parseTime(json.value(QLatin1String("clientTimestampUTC")));
    site.legacyName = shownServerText(json.value(QLatin1String("name")).toString());
    site.legacyPmsVersion =
        shownServerText(json.value(QLatin1String("practiceManagementVersion")).toString());
    if (site.pmsType.isEmpty()) {
        // Older payloads only carry the display name ("Best Practice").
        const QString name = json.value(QLatin1String("practiceManagementName")).toString();
        site.pmsType =
            name == QLatin1String("Best Practice") ? QStringLiteral("BestPractice") : name;
    }
    return site;
}

QDateTime parseHaloTime(const QString &text)
{
    // Halo writes both "...Z" with and without milliseconds.
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString SiteInfo::defaultCatalogue() const
{
    for (const Catalogue &c : catalogues) {
        if (c.isDefault)
            return c.name;
    }
    return catalogues.isEmpty() ? QString() : catalogues.first().name;
}

QString availabilityText(SiteInfo::Availability availability)
{
    switch (availability) {
    case SiteInfo::Availability::Online:
        return QCoreApplication::translate("Halo::SiteInfo", "Online");
    case SiteInfo::Availability::Offline:
        return QCoreApplication::translate("Halo::SiteInfo", "Offline");
    case SiteInfo::Availability::Unreachable:
        return QCoreApplication::translate("Halo::SiteInfo", "Unreachable");
    case SiteInfo::Availability::Unknown:
        break;
    }
    return QCoreApplication::translate("Halo::SiteInfo", "Unknown");
}

QString pmsDisplayName(const QString &pmsType)
{
    if (pmsType == QLatin1String("BestPractice"))
        return QStringLiteral("Best Practice");
    return pmsType;
}

bool pmsHasFhir(const QString &pmsType)
{
    return pmsType == QLatin1String("BestPractice");
}

} // namespace Halo
