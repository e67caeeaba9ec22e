// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHandlers.h"

#include "AnswerWait.h"
#include "CommandContext.h"
#include "Console.h"
#include "api/HaloApiClient.h"
#include "services/FhirService.h"

#include <QCoreApplication>
#include <optional>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::FhirCommand)
};

Halo::FhirMethod methodChosen(const CommandContext &c)
{
    if (c.isSet(QStringLiteral("post")))
        return Halo::FhirMethod::Post;
    if (c.isSet(QStringLiteral("get")))
        return Halo::FhirMethod::Get;
    return Halo::FhirMethod::Default;
}

} // namespace

namespace CommandHandlers {

int fhir(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    if (c.isSet(QStringLiteral("get")) && c.isSet(QStringLiteral("post")))
        return c.usage(Text::tr("--get and --post exclude each other"));
    // The window's reading of a query line, so both encode values alike ('+', '&', Unicode...)
    // and choose GET or POST alike.
    const Halo::FhirPlan plan =
        Halo::FhirService::plan(c.arguments().at(1), methodChosen(c), c.endpoint());
    if (!plan.isSendable())
        return c.usage(plan.line.isEmpty() || !c.isSet(QStringLiteral("post"))
                           ? plan.problem
                           : Text::tr("--post needs a search on a resource type, like "
                                      "'Patient?family=Smith', not '%1'")
                                 .arg(plan.line));
    if (const int status = c.connect(); status != Success)
        return status;

    Halo::FhirService service(&c.session().client());
    std::optional<Halo::FhirResponse> response;
    QByteArray body;
    QString refusal;
    Halo::ApiError error;
    AnswerWait wait;
    QObject::connect(&service, &Halo::FhirService::answered, wait.context(),
                     [&](const Halo::FhirResponse &answer, const QByteArray &answerBody) {
                         response = answer;
                         body = answerBody;
                         wait.done();
                     });
    QObject::connect(&service, &Halo::FhirService::refused, wait.context(),
                     [&](const QString &message) {
                         refusal = message;
                         wait.done();
                     });
    QObject::connect(&service, &Halo::FhirService::failed, wait.context(),
                     [&](const Halo::ApiError &failure) {
                         error = failure;
                         wait.done();
                     });
    service.send(guid, plan);
    wait.wait();
    if (!refusal.isEmpty())
        return c.console().fail(
            ApiFailure, refusal + QLatin1Char(' ') +
                            Text::tr("Query it with SQL instead: halo-cli query %1 SQL").arg(guid));
    if (!response)
        return c.failed(error);
    c.printJson(body);

    // A Bundle with more pages: say how to fetch the next one (an embedded sandbox is gone by
    // then, so there is nothing to say for it).
    const QString next = response->link(QStringLiteral("next"));
    if (!next.isEmpty() && c.endpoint().environment != Halo::Environment::Sandbox)
        c.console().note(Text::tr("More results: halo-cli %1 fhir %2 '%3'")
                             .arg(CliSession::selector(c.endpoint()), guid, next));
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
