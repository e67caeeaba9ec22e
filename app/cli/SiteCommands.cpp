// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "AnswerWait.h"
#include "CommandContext.h"
#include "Console.h"
#include "api/HaloApiClient.h"
#include "services/SiteService.h"
#include "sites/HeartbeatText.h"
#include "sites/SiteInfo.h"

#include <QCoreApplication>
#include <optional>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::SiteCommands)
};

QString yesNo(bool value)
{
    return value ? Text::tr("yes") : Text::tr("no");
}

QString authoritativeText(const Halo::SiteInfo &site)
{
    return site.authoritativeKnown ? yesNo(site.authoritative) : QStringLiteral("?");
}

QString catalogueText(const Halo::SiteInfo &site)
{
    QStringList names;
    for (const Halo::SiteInfo::Catalogue &catalogue : site.catalogues)
        names.append(catalogue.isDefault ? Text::tr("%1 (default)").arg(catalogue.name)
                                         : catalogue.name);
    return names.join(QStringLiteral(", "));
}

QString practiceName(const Halo::SiteInfo &site)
{
    return site.practiceName.isEmpty() ? site.legacyName : site.practiceName;
}

// The heartbeat's time and its age, as the window's status panel says it.
QString heartbeatText(const QDateTime &heartbeat)
{
    const QString age = Halo::lastHeardText(heartbeat, QDateTime::currentDateTimeUtc());
    return heartbeat.isValid() ? Text::tr("%1 (%2)").arg(timeText(heartbeat), age) : age;
}

QString differenceText(const Halo::IdentityDifference &difference)
{
    return Text::tr("%1 changed: recorded “%2”, now “%3”. %4")
        .arg(difference.field, difference.recorded,
             difference.current.isEmpty() ? Text::tr("not reported") : difference.current,
             difference.explanation);
}

// The PMS as the lookup endpoint names it, for a command line to paste.
QString pmsArgument(const QString &pmsType)
{
    const QString name = Halo::pmsDisplayName(pmsType);
    return name.contains(QLatin1Char(' ')) ? QLatin1Char('"') + name + QLatin1Char('"') : name;
}

} // namespace

namespace CommandHandlers {

int sitesFind(CommandContext &c)
{
    const QString pmsId = c.value(QStringLiteral("pms-id")).trimmed();
    const QString pms = c.value(QStringLiteral("pms"));
    if (pmsId.isEmpty())
        return c.usage(Text::tr("--pms-id is empty"));
    if (const int status = c.connect(); status != Success)
        return status;
    Halo::SiteService service(&c.session().client());
    std::optional<QList<Halo::SiteInfo>> sites;
    QByteArray body;
    Halo::ApiError error;
    AnswerWait wait;
    QObject::connect(&service, &Halo::SiteService::sitesFound, wait.context(),
                     [&](const QList<Halo::SiteInfo> &found, const QByteArray &answer) {
                         sites = found;
                         body = answer;
                         wait.done();
                     });
    QObject::connect(&service, &Halo::SiteService::failed, wait.context(),
                     [&](const Halo::ApiError &failure) {
                         error = failure;
                         wait.done();
                     });
    service.findSites(pmsId, pms);
    wait.wait();
    if (!sites)
        return c.failed(error);
    if (c.json()) {
        c.printJson(body);
        return Success;
    }
    if (sites->isEmpty()) {
        c.console().note(Text::tr("No %1 site has PMS ID %2.").arg(pms, pmsId));
        return Success;
    }
    TextTable table({Text::tr("Halo GUID"), Text::tr("Practice"), Text::tr("PMS ID"),
                     Text::tr("PMS"), Text::tr("Availability"), Text::tr("Authoritative"),
                     Text::tr("Last heartbeat")});
    for (const Halo::SiteInfo &site : std::as_const(*sites)) {
        table.addRow({site.guid, practiceName(site), site.pmsId, Halo::pmsDisplayName(site.pmsType),
                      Halo::availabilityText(site.availability), authoritativeText(site),
                      timeText(site.heartbeatAt)});
    }
    c.console().out() << table.render();
    if (sites->size() > 1)
        c.console().note(Text::tr("%1 sites share this PMS ID; only the authoritative one answers "
                                  "queries.")
                             .arg(sites->size()));
    return Success;
}

int siteStatus(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    if (const int status = c.connect(); status != Success)
        return status;
    Halo::SiteService service(&c.session().client());
    std::optional<Halo::SiteStatusReport> report;
    Halo::ApiError error;
    AnswerWait wait;
    QObject::connect(&service, &Halo::SiteService::statusRead, wait.context(),
                     [&](const Halo::SiteStatusReport &answer) {
                         report = answer;
                         wait.done();
                     });
    QObject::connect(&service, &Halo::SiteService::failed, wait.context(),
                     [&](const Halo::ApiError &failure) {
                         error = failure;
                         wait.done();
                     });
    service.readStatus(guid);
    wait.wait();
    if (!report)
        return c.failed(error);
    if (c.json()) {
        c.printJson(report->body);
        return Success;
    }
    const Halo::SiteInfo &site = report->site;
    QList<QPair<QString, QString>> rows{
        {Text::tr("Halo GUID"), site.guid},
        {Text::tr("Practice"), practiceName(site)},
        {Text::tr("PMS"), Halo::pmsDisplayName(site.pmsType)},
        {Text::tr("PMS ID"), site.pmsId},
        {Text::tr("PMS version"), site.pmsVersion},
        {Text::tr("Halo Link version"), site.haloLinkVersion},
        {Text::tr("Status"), site.status},
        {Text::tr("Availability"), Halo::availabilityText(site.availability)},
        {Text::tr("Authoritative"), authoritativeText(site)},
        {Text::tr("Catalogues"), catalogueText(site)},
        {Text::tr("Last heartbeat"), heartbeatText(site.heartbeatAt)},
        {Text::tr("Last update from the site"), timeText(site.clientTimestamp)},
        {Text::tr("Details read from the practice"), timeText(site.enrichedAt)},
        {Text::tr("Created"), timeText(site.createdAt)},
    };
    if (!site.legacyName.isEmpty() && site.legacyName != site.practiceName)
        rows.append({Text::tr("Name at install"), site.legacyName});
    c.console().out() << keyValueList(rows);
    for (const Halo::IdentityDifference &difference : report->differences)
        c.console().out() << differenceText(difference) << '\n';
    if (site.authoritativeKnown && !site.authoritative)
        c.console().note(
            Text::tr("This install is not authoritative: queries to it are refused (403). "
                     "Find the one that is: halo-cli %1 site reresolve %2 --pms-id %3 "
                     "--pms %4")
                .arg(CliSession::selector(c.endpoint()), site.guid, site.pmsId,
                     pmsArgument(site.pmsType)));
    return Success;
}

int siteReresolve(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString pmsId = c.value(QStringLiteral("pms-id")).trimmed();
    const QString pms = c.value(QStringLiteral("pms"));
    if (pmsId.isEmpty())
        return c.usage(Text::tr("--pms-id is empty"));
    if (const int status = c.connect(); status != Success)
        return status;
    Halo::SiteService service(&c.session().client());
    std::optional<Halo::ReResolveDecision> decision;
    Halo::ApiError error;
    AnswerWait wait;
    QObject::connect(&service, &Halo::SiteService::reResolved, wait.context(),
                     [&](const Halo::ReResolveDecision &answer) {
                         decision = answer;
                         wait.done();
                     });
    QObject::connect(&service, &Halo::SiteService::failed, wait.context(),
                     [&](const Halo::ApiError &failure) {
                         error = failure;
                         wait.done();
                     });
    service.reResolve(guid, pmsId, pms);
    wait.wait();
    if (!decision)
        return c.failed(error);

    using Outcome = Halo::ReResolveDecision::Outcome;
    Console &console = c.console();
    const QString unchanged = Text::tr("Nothing was changed: halo-cli keeps no site list.");
    switch (decision->outcome) {
    case Outcome::StillAuthoritative:
        console.note(decision->message + QLatin1Char(' ') + unchanged);
        return Success;
    case Outcome::Moved:
        console.note(decision->message);
        for (const Halo::IdentityDifference &difference : decision->differences)
            console.note(differenceText(difference));
        console.note(
            Text::tr("Confirm with the practice that it is the same practice before you use "
                     "the new GUID. %1")
                .arg(unchanged));
        // Alone on standard output, so NEW=$(halo-cli site reresolve ...) works.
        console.out() << Halo::normalisedGuid(decision->authoritative.guid) << '\n';
        return Success;
    case Outcome::NotFound:
    case Outcome::NoneAuthoritative:
    case Outcome::SeveralAuthoritative:
    case Outcome::InvalidGuid:
        break;
    }
    return console.fail(ApiFailure, decision->message);
}

int pair(CommandContext &c)
{
    const QString pmsId = c.value(QStringLiteral("pms-id")).trimmed();
    const QString pms = c.value(QStringLiteral("pms"));
    if (pmsId.isEmpty())
        return c.usage(Text::tr("--pms-id is empty"));
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
    c.console().out() << Text::tr("Paired with %1 (%2, PMS ID %3). Halo GUID: %4")
                             .arg(practiceName(site), Halo::pmsDisplayName(site.pmsType),
                                  site.pmsId, site.guid)
                      << '\n';
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
