#include "CommandHandlers.h"

#include "CommandContext.h"
#include "Console.h"
#include "api/FhirCalls.h"
#include "fhir/FhirRequest.h"

#include <QCoreApplication>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::FhirCommand", text);
}

} // namespace

namespace CommandHandlers {

int fhir(CommandContext &c)
{
    const QString guid = c.arguments().at(0);
    const QString request = c.arguments().at(1).trimmed();
    if (request.isEmpty())
        return c.usage(tr("the FHIR request is empty"));
    // The window's reading of a query line, so both encode values alike ('+', '&', Unicode...).
    // A Bundle's next link is absolute and goes as it is; a line the reader refuses goes as
    // typed, for the server to judge.
    const bool isLink = request.startsWith(QLatin1String("http://")) ||
                        request.startsWith(QLatin1String("https://"));
    const Halo::FhirLineParse parsed =
        isLink ? Halo::FhirLineParse{} : Halo::parseFhirLine(request);
    const bool post =
        c.isSet(QStringLiteral("post")) || (parsed.request && parsed.request->usePost);
    if (post && !(parsed.request && parsed.request->canPost()))
        return c.usage(tr("--post needs a search on a resource type, like "
                          "'Patient?family=Smith', not '%1'")
                           .arg(request));
    if (const int status = c.connect(); status != Success)
        return status;

    Halo::HaloApiClient &client = c.session().client();
    const auto reply = c.session().await(
        post ? client.fhirSearch(guid, parsed.request->resourceType, parsed.request->form())
             : client.fhirGet(guid, parsed.request ? parsed.request->relativeUrl() : request));
    if (!reply->ok())
        return c.failed(reply->error());
    c.printJson(reply->body());

    // A Bundle with more pages: say how to fetch the next one (an embedded sandbox is gone by
    // then, so there is nothing to say for it).
    const Halo::FhirResponse response = reply->response();
    const QString next = response.link(QStringLiteral("next"));
    if (response.kind == Halo::FhirResponse::Kind::Bundle && !next.isEmpty() &&
        c.endpoint().environment != Halo::Environment::Sandbox)
        c.console().note(tr("More results: halo-cli %1 fhir %2 '%3'")
                             .arg(CliSession::selector(c.endpoint()), guid, next));
    return Success;
}

} // namespace CommandHandlers
} // namespace Cli
