// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sandbox {

// The part a sample practice plays, so tests and users can pick the right one.
enum class SiteScenario {
    Online,           // healthy, authoritative, queries work
    NonAuthoritative, // an older install with the same PMS ID: queries get 403
    Offline,          // Halo Link has not been heard from: queries get 503
    Unreachable,      // heard from a while ago: immediate queries get 504
    Renamed,          // practice name changed since the site was first recorded
    Unpaired,         // queries get 403 until POST /integrator/pair-site succeeds
    PairingFails,     // pairing returns 502 (PMS answered unexpectedly)
    // Halo names two authoritative installs for one PMS ID: which is the practice is unclear.
    SeveralAuthoritative,
    PmsUpgraded, // the PMS was upgraded since Halo Link was installed
};

struct SampleCatalogue {
    QString name;
    bool isDefault = false;
};

// One practice known to the sandbox. Values are synthetic.
struct SampleSite {
    QString guid;                 // Halo GUID, lower-case 8-4-4-4-12
    QString pmsType;              // BestPractice | Zedmed | D4w
    QString pmsName;              // Best Practice | Zedmed | D4w
    QString pmsId;                // practiceManagementSiteId
    QString practiceName;         // the name the practice database reports now
    QString recordedPracticeName; // the name at onboarding (differs only for Renamed)
    QString pmsVersion;
    QString recordedPmsVersion; // the version at install (deprecated field); empty: pmsVersion
    QString haloLinkVersion;
    QString pairingCode; // Best Practice only; empty otherwise
    SiteScenario scenario = SiteScenario::Online;
    QString scenarioText; // one line for --print-sites and the README
    QList<SampleCatalogue> catalogues;
    bool authoritative = true;
    QString availability; // online | offline | unreachable
    QString status;       // initialising | active | removed | uninstalled
    QDateTime createdAt;
    qint64 heartbeatAgeSeconds = 20; // how long ago Halo last heard from the site
    quint32 dataSeed = 1;            // seed for the site's sample database

    QString defaultCatalogue() const;
    bool hasFhir() const { return pmsType == QLatin1String("BestPractice"); }
    QString sqlErrorType() const; // mssql for BP and D4w, fbsql for Zedmed (Firebird)
    QString installedPmsVersion() const
    {
        return recordedPmsVersion.isEmpty() ? pmsVersion : recordedPmsVersion;
    }
};

// The fixed list of sample practices; the same on every run.
const QList<SampleSite> &sampleSites();
const SampleSite *findSampleSite(const QString &guid);
QString scenarioName(SiteScenario scenario);

} // namespace Sandbox
