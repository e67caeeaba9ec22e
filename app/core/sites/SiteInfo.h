// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Halo {

// A Halo site as Get site status describes it (the SiteForIntegrator schema). The spec marks no
// field as required, so every field may be empty; practiceMetadata wins over deprecated copies.
struct SiteInfo {
    struct Catalogue {
        QString name;
        bool isDefault = false;
    };
    enum class Availability { Unknown, Online, Offline, Unreachable };

    QString guid;
    QString pmsType; // BestPractice | Zedmed | D4w
    QString pmsId;   // practiceManagementSiteId
    QString practiceName;
    QString pmsVersion;
    QString haloLinkVersion;
    QString status; // initialising | active | removed | uninstalled
    Availability availability = Availability::Unknown;
    QList<Catalogue> catalogues;
    bool authoritative = true;
    bool authoritativeKnown = false;
    QDateTime createdAt;
    QDateTime enrichedAt;
    QDateTime heartbeatAt;
    QDateTime clientTimestamp;
    QString legacyName; // the deprecated `name`
    // The deprecated practiceManagementVersion: the PMS version at install, never updated.
    QString legacyPmsVersion;

    static SiteInfo fromJson(const QJsonObject &json);
    QString defaultCatalogue() const;
};

QString availabilityText(SiteInfo::Availability availability); // translated
// A Halo timestamp ("...Z", with or without milliseconds) in UTC; invalid when absent or bad.
QDateTime parseHaloTime(const QString &text);
// The PMS type in words: "Best Practice" for BestPractice.
QString pmsDisplayName(const QString &pmsType);
// Whether Halo's FHIR facade serves practices of this PMS: Best Practice only (REFERENCE §4).
bool pmsHasFhir(const QString &pmsType);

} // namespace Halo
