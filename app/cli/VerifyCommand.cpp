// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "AnswerWait.h"
#include "CommandContext.h"
#include "Console.h"
#include "VerifyOutput.h"
#include "services/VerificationReport.h"
#include "services/VerificationService.h"
#include "sites/SiteStore.h"
#include "sites/VerificationInput.h"
#include "sql/WriteGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::VerifyCommand)
};

// The window's site list: halo-cli's own data folder would be another one, and empty. The
// folder comes from the application name, so it is asked for under the window's name.
QString windowSiteFile()
{
    const QString ownName = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(QString::fromLatin1(Halo::ReadOnlySettings::kApplication));
    const QString path = Halo::SiteStore::defaultPath();
    QCoreApplication::setApplicationName(ownName);
    return path;
}

bool sameBaseUrl(const QString &saved, const QUrl &endpoint)
{
    const auto adjust = QUrl::StripTrailingSlash | QUrl::NormalizePathSegments;
    return QUrl(saved.trimmed()).adjusted(adjust) == endpoint.adjusted(adjust);
}

// The saved sites of the environment asked for (for a custom base URL, of that URL only).
QList<Halo::SiteRecord> savedSitesFor(const Halo::SiteStore &store, const Halo::Endpoint &endpoint)
{
    QList<Halo::SiteRecord> sites;
    for (const Halo::SiteRecord &site : store.sitesFor(Halo::environmentId(endpoint.environment))) {
        if (endpoint.environment != Halo::Environment::Custom ||
            sameBaseUrl(site.baseUrl, endpoint.baseUrl))
            sites.append(site);
    }
    return sites;
}

// The one saved site --site names, as the window's status panel reports it.
int readSavedSite(CommandContext &c, const QList<Halo::SiteRecord> &saved,
                  QList<Halo::VerificationInput> *inputs, QString *source)
{
    const QString asked = c.value(QStringLiteral("site"));
    const QString guid = Halo::normalisedGuid(asked);
    if (guid.isEmpty())
        return c.usage(
            Text::tr("--site needs a Halo GUID, e.g. 3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"));
    for (const Halo::SiteRecord &site : saved) {
        if (Halo::normalisedGuid(site.guid) != guid)
            continue;
        *inputs = Halo::verificationInputsFrom({site});
        const QString name =
            site.recorded.practiceName.isEmpty() ? site.guid : site.recorded.practiceName;
        *source = Text::tr("saved site %1 (%2)").arg(name, site.guid);
        return Success;
    }
    return c.usage(Text::tr("no saved site of %1 has the Halo GUID %2; add it in Halo Explorer, or "
                            "verify it with --sites and a CSV file")
                       .arg(CliSession::describe(c.endpoint()), guid));
}

// The rows to check, or a usage error (exit 2) for input that cannot be used at all.
int readInputs(CommandContext &c, QList<Halo::VerificationInput> *inputs, QString *source)
{
    if (c.isSet(QStringLiteral("sites")) && c.isSet(QStringLiteral("site")))
        return c.usage(Text::tr("--site and --sites cannot be used together"));
    if (c.isSet(QStringLiteral("sites"))) {
        const QString path = c.value(QStringLiteral("sites"));
        const Halo::VerificationInputs read = Halo::VerificationCsv::readFile(path);
        if (!read.usageError.isEmpty())
            return c.usage(Text::tr("%1: %2").arg(QDir::toNativeSeparators(path), read.usageError));
        *inputs = read.rows;
        *source = QFileInfo(path).fileName();
        return Success;
    }
    Halo::SiteStore store(windowSiteFile());
    QString error;
    if (!store.load(&error))
        return c.usage(Text::tr("the saved sites cannot be read: %1").arg(error));
    if (c.isSet(QStringLiteral("site")))
        return readSavedSite(c, savedSitesFor(store, c.endpoint()), inputs, source);
    *inputs = Halo::verificationInputsFrom(savedSitesFor(store, c.endpoint()));
    *source = Text::tr("saved sites (%1)").arg(QDir::toNativeSeparators(store.filePath()));
    return Success;
}

QString output(CommandContext &c, const QList<Halo::VerificationResult> &rows)
{
    switch (c.format()) {
    case ResultFormat::Csv:
        return VerifyOutput::csv(rows);
    case ResultFormat::Json:
        return VerifyOutput::json(rows);
    case ResultFormat::Table:
        break;
    }
    return rows.isEmpty() ? QString() : VerifyOutput::table(rows);
}

} // namespace

namespace CommandHandlers {

int verify(CommandContext &c)
{
    const QString reportPath = c.value(QStringLiteral("report"));
    if (c.isSet(QStringLiteral("report")) &&
        (reportPath.trimmed().isEmpty() || !QFileInfo(reportPath).absoluteDir().exists()))
        return c.usage(Text::tr("--report needs a file in a folder that exists"));
    QList<Halo::VerificationInput> inputs;
    Halo::VerificationRun run;
    if (const int status = readInputs(c, &inputs, &run.source); status != Success)
        return status;
    if (inputs.isEmpty())
        c.console().note(Text::tr("No sites to verify in %1.").arg(run.source));
    else if (const int status = c.connect(); status != Success)
        return status;

    Halo::VerificationService service(&c.session().client());
    AnswerWait wait;
    QObject::connect(&service, &Halo::VerificationService::rowFinished, wait.context(),
                     [&c, &service](int, const Halo::VerificationResult &row) {
                         c.console().note(
                             VerifyOutput::progressLine(service.done(), service.total(), row));
                     });
    QObject::connect(&service, &Halo::VerificationService::finished, wait.context(),
                     [&wait](bool) { wait.done(); });
    run.startedAt = QDateTime::currentDateTimeUtc();
    service.start(inputs);
    wait.wait();
    run.finishedAt = QDateTime::currentDateTimeUtc();
    run.rows = service.results();
    run.total = service.total();
    run.cancelled = service.wasCancelled();

    c.console().out() << output(c, run.rows);
    if (c.isSet(QStringLiteral("report"))) {
        run.environment = CliSession::describe(c.endpoint());
        run.user = Halo::VerificationReport::currentUser();
        run.appVersion = QCoreApplication::applicationVersion();
        QString error;
        if (!Halo::VerificationReport::write(reportPath, run, &error))
            return c.console().fail(ApiFailure,
                                    Text::tr("The report was not written: %1").arg(error));
        c.console().note(
            Text::tr("Report written to %1.").arg(QDir::toNativeSeparators(reportPath)));
    }
    for (const Halo::VerificationResult &row : std::as_const(run.rows)) {
        if (!row.isOk())
            return ApiFailure;
    }
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
