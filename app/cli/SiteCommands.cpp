#include "CommandHandlers.h"

#include "CommandContext.h"
#include "Console.h"
#include "api/SiteCalls.h"
#include "sites/SiteInfo.h"

#include <QCoreApplication>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::SiteCommands", text);
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString catalogueText(const Halo::SiteInfo &site)
{
    QStringList names;
    for (const Halo::SiteInfo::Catalogue &catalogue : site.catalogues)
        names.append(catalogue.isDefault ? tr("%1 (default)").arg(catalogue.name) : catalogue.name);
    return names.join(QStringLiteral(", "));
}

QString practiceName(const Halo::SiteInfo &site)
{
    return site.practiceName.isEmpty() ? site.legacyName : site.practiceName;
}

} // namespace

namespace CommandHandlers {

int sitesFind(CommandContext &c)
{
    const QString pmsId = c.value(QStringLiteral("pms-id")).trimmed();
    const QString pms = c.value(QStringLiteral("pms"));
    if (pmsId.isEmpty())
        return c.usage(tr("--pms-id is empty"));
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(c.session().client().findSites(pmsId, pms));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json()) {
        c.printJson(reply->body());
        return Success;
    }
    const QList<Halo::SiteInfo> sites = reply->sites();
    if (sites.isEmpty()) {
        c.console().note(tr("No %1 site has PMS ID %2.").arg(pms, pmsId));
        return Success;
    }
    TextTable table({tr("Halo GUID"), tr("Practice"), tr("PMS ID"), tr("PMS"), tr("Availability"),
                     tr("Authoritative"), tr("Last heartbeat")});
    for (const Halo::SiteInfo &site : sites) {
        table.addRow({site.guid, practiceName(site), site.pmsId, Halo::pmsDisplayName(site.pmsType),
                      Halo::availabilityText(site.availability),
                      site.authoritativeKnown ? yesNo(site.authoritative) : QStringLiteral("?"),
                      timeText(site.heartbeatAt)});
    }
    c.console().out() << table.render();
    if (sites.size() > 1)
        c.console().note(tr("%1 sites share this PMS ID; only the authoritative one answers "
                            "queries.")
                             .arg(sites.size()));
    return Success;
}

int siteStatus(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(c.session().client().siteStatus(guid));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json()) {
        c.printJson(reply->body());
        return Success;
    }
    const Halo::SiteInfo site = reply->site();
    QList<QPair<QString, QString>> rows{
        {tr("Halo GUID"), site.guid},
        {tr("Practice"), practiceName(site)},
        {tr("PMS"), Halo::pmsDisplayName(site.pmsType)},
        {tr("PMS ID"), site.pmsId},
        {tr("PMS version"), site.pmsVersion},
        {tr("Halo Link version"), site.haloLinkVersion},
        {tr("Status"), site.status},
        {tr("Availability"), Halo::availabilityText(site.availability)},
        {tr("Authoritative"),
         site.authoritativeKnown ? yesNo(site.authoritative) : QStringLiteral("?")},
        {tr("Catalogues"), catalogueText(site)},
        {tr("Last heartbeat"), timeText(site.heartbeatAt)},
        {tr("Created"), timeText(site.createdAt)},
    };
    if (!site.legacyName.isEmpty() && site.legacyName != site.practiceName)
        rows.append({tr("Name at install"), site.legacyName});
    c.console().out() << keyValueList(rows);
    return Success;
}

int pair(CommandContext &c)
{
    const QString pmsId = c.value(QStringLiteral("pms-id")).trimmed();
    const QString pms = c.value(QStringLiteral("pms"));
    if (pmsId.isEmpty())
        return c.usage(tr("--pms-id is empty"));
    if (const int status = c.connect(); status != Success)
        return status;
    const auto reply = c.session().await(
        c.session().client().pairSite(pmsId, pms, c.value(QStringLiteral("code"))));
    if (!reply->ok())
        return c.failed(reply->error());
    if (c.json()) {
        c.printJson(reply->body());
        return Success;
    }
    const Halo::SiteInfo site = reply->site();
    c.console().out() << tr("Paired with %1 (%2, PMS ID %3). Halo GUID: %4")
                             .arg(practiceName(site), Halo::pmsDisplayName(site.pmsType),
                                  site.pmsId, site.guid)
                      << '\n';
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
