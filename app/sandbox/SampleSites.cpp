// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleSites.h"

#include <QTimeZone>

namespace Sandbox {

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QList<SampleCatalogue> bestPracticeCatalogues()
{
    return {{QStringLiteral("BPSPatients"), true}, {QStringLiteral("BPSSamples"), false}};
}

QList<SampleCatalogue> zedmedCatalogues()
{
    return {{QStringLiteral("ZEDMED"), true}, {QStringLiteral("ZEDMED_AUDIT"), false}};
}

QList<SampleCatalogue> d4wCatalogues()
{
    return {{QStringLiteral("D4W"), true}};
}

// Fields every site of a PMS shares; callers fill in the rest.
SampleSite bestPracticeSite()
{
    SampleSite site;
    site.pmsType = QStringLiteral("BestPractice");
    site.pmsName = QStringLiteral("Best Practice");
    site.pmsVersion = QStringLiteral("Bp Premier Orchid SP1 1.12.0.1010");
    site.catalogues = bestPracticeCatalogues();
    site.availability = QStringLiteral("online");
    site.status = QStringLiteral("active");
    return site;
}

SampleSite zedmedSite()
{
    SampleSite site;
    site.pmsType = QStringLiteral("Zedmed");
    site.pmsName = QStringLiteral("Zedmed");
    site.pmsVersion = QStringLiteral("Zedmed 37.4.1");
    site.catalogues = zedmedCatalogues();
    site.availability = QStringLiteral("online");
    site.status = QStringLiteral("active");
    return site;
}

SampleSite d4wSite()
{
    SampleSite site;
    site.pmsType = QStringLiteral("D4w");
    site.pmsName = QStringLiteral("D4w");
    site.pmsVersion = QStringLiteral("D4w 9.6.2.118");
    site.catalogues = d4wCatalogues();
    site.availability = QStringLiteral("online");
    site.status = QStringLiteral("active");
    return site;
}

SampleSite harbourside()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
    site.pmsId = QStringLiteral("BP-20431");
    site.practiceName = QStringLiteral("Harbourside Family Medical");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.1103.8412.0");
    site.pairingCode = QStringLiteral("HX7K2P");
    site.scenario = SiteScenario::Online;
    site.scenarioText =
        QStringLiteral("Healthy, authoritative Best Practice site: queries and FHIR work.");
    site.createdAt = utc(2025, 3, 12, 1, 22);
    site.heartbeatAgeSeconds = 20;
    site.dataSeed = 20431;
    return site;
}

// An older install on the same practice server: same PMS ID, superseded by harbourside().
SampleSite harboursideOldInstall()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
    site.pmsId = QStringLiteral("BP-20431");
    site.practiceName = QStringLiteral("Harbourside Family Medical");
    site.recordedPracticeName = site.practiceName;
    site.pmsVersion = QStringLiteral("Bp Premier Saffron SP2 1.10.2.880");
    site.haloLinkVersion = QStringLiteral("24.1120.6391.0");
    site.pairingCode = QStringLiteral("M4RQ9T");
    site.scenario = SiteScenario::NonAuthoritative;
    site.scenarioText =
        QStringLiteral("An older install with the same PMS ID as Harbourside Family "
                       "Medical: not authoritative, queries get 403.");
    site.authoritative = false;
    site.createdAt = utc(2023, 8, 1, 4, 5);
    site.heartbeatAgeSeconds = 45;
    site.dataSeed = 20432;
    return site;
}

SampleSite wattleGrove()
{
    SampleSite site = zedmedSite();
    site.guid = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
    site.pmsId = QStringLiteral("ZM-0716");
    site.practiceName = QStringLiteral("Wattle Grove Medical Clinic");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.1021.8297.0");
    site.scenario = SiteScenario::Online;
    site.scenarioText = QStringLiteral("Healthy Zedmed site (Firebird errors): queries work, no "
                                       "FHIR, no pairing needed.");
    site.createdAt = utc(2025, 6, 30, 23, 48);
    site.heartbeatAgeSeconds = 12;
    site.dataSeed = 716;
    return site;
}

SampleSite southbankDental()
{
    SampleSite site = d4wSite();
    site.guid = QStringLiteral("d07c3b92-4e1f-4a68-a5d3-9f8b26c4e710");
    site.pmsId = QStringLiteral("D4W-5528");
    site.practiceName = QStringLiteral("Southbank Smiles Dental");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.0915.8034.0");
    site.scenario = SiteScenario::Online;
    site.scenarioText =
        QStringLiteral("Healthy D4w dental site with one catalogue: queries work, no FHIR.");
    site.createdAt = utc(2024, 11, 18, 2, 10);
    site.heartbeatAgeSeconds = 31;
    site.dataSeed = 5528;
    return site;
}

SampleSite kookaburraCreek()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("58e1a6c3-0d7b-4b29-9c4e-2a6f93d1b785");
    site.pmsId = QStringLiteral("BP-31877");
    site.practiceName = QStringLiteral("Kookaburra Creek Medical Practice");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.0812.7911.0");
    site.pairingCode = QStringLiteral("T8WD3N");
    site.scenario = SiteScenario::Offline;
    site.scenarioText =
        QStringLiteral("Halo Link has not been heard from for hours: queries get 503.");
    site.availability = QStringLiteral("offline");
    site.createdAt = utc(2024, 5, 7, 6, 31);
    site.heartbeatAgeSeconds = 6 * 3600 + 17 * 60;
    site.dataSeed = 31877;
    return site;
}

SampleSite riverbend()
{
    SampleSite site = zedmedSite();
    site.guid = QStringLiteral("c94f27d8-6a13-4e5b-8d70-b1e5c382f64a");
    site.pmsId = QStringLiteral("ZM-1142");
    site.practiceName = QStringLiteral("Riverbend GP Centre");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.1021.8297.0");
    site.scenario = SiteScenario::Unreachable;
    site.scenarioText = QStringLiteral("Last heard from five minutes ago: immediate queries get "
                                       "504, async queries never finish.");
    site.availability = QStringLiteral("unreachable");
    site.createdAt = utc(2025, 1, 20, 21, 3);
    site.heartbeatAgeSeconds = 5 * 60;
    site.dataSeed = 1142;
    return site;
}

SampleSite eastwood()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
    site.pmsId = QStringLiteral("BP-18254");
    site.practiceName = QStringLiteral("Eastwood Family Doctors");
    site.recordedPracticeName = QStringLiteral("Eastwood Medical Centre");
    site.haloLinkVersion = QStringLiteral("26.1103.8412.0");
    site.pairingCode = QStringLiteral("K2FV7C");
    site.scenario = SiteScenario::Renamed;
    site.scenarioText = QStringLiteral("Renamed since onboarding (was Eastwood Medical Centre): "
                                       "the practice table reports the new name.");
    site.createdAt = utc(2024, 2, 26, 0, 54);
    site.heartbeatAgeSeconds = 18;
    site.dataSeed = 18254;
    return site;
}

SampleSite bellbird()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");
    site.pmsId = QStringLiteral("BP-44019");
    site.practiceName = QStringLiteral("Bellbird Health Hub");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.1103.8412.0");
    site.pairingCode = QStringLiteral("Q3ZL8W");
    site.scenario = SiteScenario::Unpaired;
    site.scenarioText = QStringLiteral(
        "Not paired yet: queries get 403 until pair-site is called with pairing code Q3ZL8W.");
    site.createdAt = utc(2026, 10, 29, 3, 15);
    site.heartbeatAgeSeconds = 25;
    site.dataSeed = 44019;
    return site;
}

SampleSite coralCoast()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("f2b76d08-3c59-4a1e-b4f3-8e0a57c2d916");
    site.pmsId = QStringLiteral("BP-27603");
    site.practiceName = QStringLiteral("Coral Coast Medical");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.0812.7911.0");
    site.pairingCode = QStringLiteral("R6JM4X");
    site.scenario = SiteScenario::PairingFails;
    site.scenarioText =
        QStringLiteral("Pairing always fails with 502 (the PMS answers unexpectedly).");
    site.createdAt = utc(2025, 9, 2, 22, 40);
    site.heartbeatAgeSeconds = 40;
    site.dataSeed = 27603;
    return site;
}

// Two installs that Halo both calls authoritative for one PMS ID: a backup server restored and
// started while the practice's own server still runs.
SampleSite jacarandaDental()
{
    SampleSite site = d4wSite();
    site.guid = QStringLiteral("4c8e2b17-9d35-4a62-b0f8-7e1d63a5c290");
    site.pmsId = QStringLiteral("D4W-7731");
    site.practiceName = QStringLiteral("Jacaranda Dental Studio");
    site.recordedPracticeName = site.practiceName;
    site.haloLinkVersion = QStringLiteral("26.1103.8412.0");
    site.scenario = SiteScenario::SeveralAuthoritative;
    site.scenarioText = QStringLiteral("One of two installs Halo calls authoritative for PMS ID "
                                       "D4W-7731: which one is the practice is unclear.");
    site.createdAt = utc(2025, 4, 14, 0, 37);
    site.heartbeatAgeSeconds = 16;
    site.dataSeed = 7731;
    return site;
}

SampleSite jacarandaDentalRestored()
{
    SampleSite site = jacarandaDental();
    site.guid = QStringLiteral("e5a09f3c-61b4-4d78-93c2-0b7f4e8d1a56");
    site.practiceName = QStringLiteral("Jacaranda Dental Studio (restored copy)");
    site.recordedPracticeName = site.practiceName;
    site.scenarioText = QStringLiteral("The other authoritative install of PMS ID D4W-7731: a "
                                       "restored backup that is running too.");
    site.createdAt = utc(2026, 9, 8, 5, 12);
    site.heartbeatAgeSeconds = 22;
    site.dataSeed = 7732;
    return site;
}

SampleSite banksiaBay()
{
    SampleSite site = bestPracticeSite();
    site.guid = QStringLiteral("91d3f6a8-2e47-4b05-8c1a-d6e02b7f4c38");
    site.pmsId = QStringLiteral("BP-52976");
    site.practiceName = QStringLiteral("Banksia Bay Medical Centre");
    site.recordedPracticeName = site.practiceName;
    site.recordedPmsVersion = QStringLiteral("Bp Premier Saffron SP2 1.10.2.880");
    site.haloLinkVersion = QStringLiteral("26.1103.8412.0");
    site.pairingCode = QStringLiteral("W5NB2H");
    site.scenario = SiteScenario::PmsUpgraded;
    site.scenarioText = QStringLiteral("Best Practice was upgraded since Halo Link was installed "
                                       "(was Saffron SP2): queries and FHIR work.");
    site.createdAt = utc(2024, 7, 3, 23, 5);
    site.heartbeatAgeSeconds = 27;
    site.dataSeed = 52976;
    return site;
}

} // namespace

QString SampleSite::defaultCatalogue() const
{
    for (const SampleCatalogue &catalogue : catalogues) {
        if (catalogue.isDefault)
            return catalogue.name;
    }
    return catalogues.isEmpty() ? QString() : catalogues.first().name;
}

QString SampleSite::sqlErrorType() const
{
    // Zedmed runs on Firebird; Best Practice and D4w on SQL Server.
    return pmsType == QLatin1String("Zedmed") ? QStringLiteral("fbsql") : QStringLiteral("mssql");
}

const QList<SampleSite> &sampleSites()
{
    static const QList<SampleSite> sites = {
        harbourside(),
        harboursideOldInstall(),
        wattleGrove(),
        southbankDental(),
        kookaburraCreek(),
        riverbend(),
        eastwood(),
        bellbird(),
        coralCoast(),
        jacarandaDental(),
        jacarandaDentalRestored(),
        banksiaBay(),
    };
    return sites;
}

const SampleSite *findSampleSite(const QString &guid)
{
    const QString wanted = guid.trimmed();
    for (const SampleSite &site : sampleSites()) {
        if (site.guid.compare(wanted, Qt::CaseInsensitive) == 0)
            return &site;
    }
    return nullptr;
}

QString scenarioName(SiteScenario scenario)
{
    switch (scenario) {
    case SiteScenario::Online:
        return QStringLiteral("online");
    case SiteScenario::NonAuthoritative:
        return QStringLiteral("non-authoritative");
    case SiteScenario::Offline:
        return QStringLiteral("offline");
    case SiteScenario::Unreachable:
        return QStringLiteral("unreachable");
    case SiteScenario::Renamed:
        return QStringLiteral("renamed");
    case SiteScenario::Unpaired:
        return QStringLiteral("unpaired");
    case SiteScenario::PairingFails:
        return QStringLiteral("pairing-fails");
    case SiteScenario::SeveralAuthoritative:
        return QStringLiteral("several-authoritative");
    case SiteScenario::PmsUpgraded:
        return QStringLiteral("pms-upgraded");
    }
    return QString();
}

} // namespace Sandbox
