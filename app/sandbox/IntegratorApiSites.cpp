// SPDX-License-Identifier: GPL-3.0-or-later
// The sites endpoints: finding sites by PMS ID, reading one, and pairing.
#include "IntegratorApi.h"

#include "IntegratorApi_p.h"
#include "SampleSites.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Sandbox {

using detail::isoMs;
using detail::jsonReply;

namespace {

// Query values as form clients send them: '+' also means a space ("Best+Practice").
QString formValue(const QUrlQuery &query, const QString &key)
{
    QString value = query.queryItemValue(key, QUrl::FullyDecoded);
    return value.replace(QLatin1Char('+'), QLatin1Char(' '));
}

QString isoSeconds(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

QJsonObject IntegratorApi::siteJson(const SampleSite &site) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray catalogues;
    for (const SampleCatalogue &c : site.catalogues)
        catalogues.append(QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("isDefault"), c.isDefault}});
    const QJsonObject metadata{{QStringLiteral("pmsType"), site.pmsType},
                               {QStringLiteral("practiceName"), site.practiceName},
                               {QStringLiteral("practiceManagementSiteId"), site.pmsId},
                               {QStringLiteral("practiceManagementVersion"), site.pmsVersion}};
    const QDateTime heartbeat = now.addSecs(-site.heartbeatAgeSeconds);
    return {
        {QStringLiteral("id"), site.guid},
        {QStringLiteral("pmsType"), site.pmsType},
        {QStringLiteral("availability"), site.availability},
        {QStringLiteral("status"), site.status},
        {QStringLiteral("haloLinkVersion"), site.haloLinkVersion},
        {QStringLiteral("enrichedAt"), isoMs(heartbeat.addSecs(-600))},
        {QStringLiteral("catalogue"), catalogues},
        {QStringLiteral("practiceMetadata"), metadata},
        // The deprecated name is what was recorded at install, as Halo kept it.
        {QStringLiteral("name"), site.recordedPracticeName},
        {QStringLiteral("practiceManagementSiteId"), site.pmsId},
        {QStringLiteral("practiceManagementName"), site.pmsName},
        // Like the name: the version at install, not updated since (REFERENCE §3.1).
        {QStringLiteral("practiceManagementVersion"), site.installedPmsVersion()},
        {QStringLiteral("createdAt"), isoMs(site.createdAt)},
        {QStringLiteral("authoritative"), site.authoritative},
        {QStringLiteral("clientTimestampUTC"), isoSeconds(heartbeat.addSecs(-3))},
        {QStringLiteral("heartbeatTimestampUTC"), isoSeconds(heartbeat)},
    };
}

ApiReply IntegratorApi::findSites(const ApiRequest &request)
{
    const QString pmsId = request.query.queryItemValue(QStringLiteral("practiceManagementSiteId"),
                                                       QUrl::FullyDecoded);
    const QString pmsName = formValue(request.query, QStringLiteral("practiceManagementName"));
    if (pmsId.trimmed().isEmpty())
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementSiteId' is missing."));
    if (pmsName.isEmpty())
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementName' is missing."));
    if (pmsName != QLatin1String("Best Practice") && pmsName != QLatin1String("Zedmed") &&
        pmsName != QLatin1String("D4w"))
        return error(400, QStringLiteral("'practiceManagementName' must be one of Best Practice, "
                                         "Zedmed, D4w."));
    QJsonArray sites;
    for (const SampleSite &site : sampleSites()) {
        if (site.pmsName == pmsName &&
            site.pmsId.compare(pmsId.trimmed(), Qt::CaseInsensitive) == 0)
            sites.append(siteJson(site));
    }
    return jsonReply(200, QJsonObject{{QStringLiteral("sites"), sites}});
}

ApiReply IntegratorApi::getSite(const SampleSite &site)
{
    return jsonReply(200, siteJson(site));
}

ApiReply IntegratorApi::pairSite(const ApiRequest &request)
{
    const QString pmsId =
        request.query.queryItemValue(QStringLiteral("practiceManagementSiteId"), QUrl::FullyDecoded)
            .trimmed();
    const QString pmsName = formValue(request.query, QStringLiteral("practiceManagementName"));
    const QString code =
        request.query.queryItemValue(QStringLiteral("pairingCode"), QUrl::FullyDecoded).trimmed();
    if (pmsId.isEmpty())
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementSiteId' is missing."));
    if (pmsName != QLatin1String("Best Practice") && pmsName != QLatin1String("Zedmed") &&
        pmsName != QLatin1String("D4w"))
        return error(400,
                     QStringLiteral("Required parameter 'practiceManagementName' is missing or "
                                    "not one of Best Practice, Zedmed, D4w."));
    const SampleSite *target = nullptr;
    for (const SampleSite &site : sampleSites()) {
        if (site.pmsName == pmsName && site.pmsId.compare(pmsId, Qt::CaseInsensitive) == 0 &&
            (!target || site.authoritative))
            target = &site;
    }
    if (!target)
        return error(404,
                     QStringLiteral("No %1 site with PMS ID %2 was found.").arg(pmsName, pmsId));
    if (pmsName == QLatin1String("Best Practice")) {
        if (code.isEmpty())
            return error(400,
                         QStringLiteral("Required parameter 'pairingCode' is missing: Best "
                                        "Practice sites need a pairing code from the practice."));
        if (code.compare(target->pairingCode, Qt::CaseInsensitive) != 0)
            return error(403, QStringLiteral("The pairing code is not valid for this practice. Ask "
                                             "the practice for a new code."));
    }
    if (target->scenario == SiteScenario::PairingFails)
        return error(502, QStringLiteral("The practice management software returned an "
                                         "unexpected result code."));
    m_pairedSites.insert(target->guid);
    return jsonReply(200, siteJson(*target));
}

} // namespace Sandbox
