// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ApiError.h"

#include "net/ServerText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::ApiError)
};

bool isFailedQueryStatus(const QString &status)
{
    return status == QLatin1String("executionFailed") ||
           status == QLatin1String("expiredInQueue") || status == QLatin1String("uploadFailed") ||
           status.startsWith(QLatin1String("initialisationFailed"));
}

// "45 s", "20 min", "24 h": a Retry-After in the unit a person would say it in.
QString waitText(int seconds)
{
    if (seconds < 120)
        return Text::tr("%1 s").arg(seconds);
    if (seconds < 2 * 3600)
        return Text::tr("%1 min").arg((seconds + 59) / 60);
    return Text::tr("%1 h").arg((seconds + 3599) / 3600);
}

} // namespace

ApiError ApiError::fromResponse(int httpStatus, const QByteArray &body, int retryAfterSeconds)
{
    ApiError error;
    error.httpStatus = httpStatus;
    error.retryAfterSeconds = retryAfterSeconds;
    const QJsonObject json = QJsonDocument::fromJson(body).object();

    if (json.value(QLatin1String("resourceType")).toString() == QLatin1String("OperationOutcome")) {
        error.kind = Kind::Fhir;
        error.issues = fhirIssuesOf(json);
        if (!error.issues.isEmpty())
            error.serverMessage = error.issues.first().text; // already made safe
        return error;
    }

    const QString status = json.value(QLatin1String("status")).toString();
    const QJsonObject details = json.value(QLatin1String("errorDetails")).toObject();
    if (isFailedQueryStatus(status) || !details.isEmpty()) {
        error.kind = Kind::QueryFailed;
        error.queryStatus = status;
        error.errorType = details.value(QLatin1String("errorType")).toString();
        // The top-level errorCode/errorMessage are deprecated copies; prefer errorDetails.
        error.errorCode = details.value(QLatin1String("errorCode"))
                              .toInt(json.value(QLatin1String("errorCode")).toInt());
        error.serverMessage =
            shownServerText(details.value(QLatin1String("errorMessage"))
                                .toString(json.value(QLatin1String("errorMessage")).toString()));
        return error;
    }
    if (httpStatus >= 200 && httpStatus < 300)
        return error; // success: Kind::None

    // The general envelope, with or without its `error` wrapper; APIM's own {statusCode, message}.
    error.kind = Kind::Http;
    const QJsonObject inner = json.value(QLatin1String("error")).isObject()
                                  ? json.value(QLatin1String("error")).toObject()
                                  : json;
    error.serverMessage = shownServerText(inner.value(QLatin1String("message")).toString());
    return error;
}

ApiError ApiError::badAnswer(const QString &what)
{
    return ofKind(Kind::BadResponse, what);
}

ApiError ApiError::notJson(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return badAnswer(Text::tr("the answer is empty"));
    // Only printable characters, so a binary or hostile answer cannot garble what is shown.
    constexpr qsizetype kShownChars = 60;
    QString shown;
    for (const QChar c : QString::fromUtf8(body.left(kShownChars * 4))) {
        if (shown.size() >= kShownChars)
            break;
        shown += c.isPrint() && c != QChar::ReplacementCharacter ? c : QLatin1Char(' ');
    }
    shown = shown.simplified();
    if (body.size() > kShownChars || shown.size() >= kShownChars)
        shown += QStringLiteral("…");
    return badAnswer(
        Text::tr("the answer is not JSON — a proxy or portal page? It begins “%1”.").arg(shown));
}

QString ApiError::title() const
{
    switch (kind) {
    case Kind::None:
        return Text::tr("No error");
    case Kind::QueryFailed:
        if (errorType == QLatin1String("mssql") || errorType == QLatin1String("fbsql"))
            return Text::tr("The database rejected the query");
        if (errorCode == 413)
            return Text::tr("The result is too large for an immediate query");
        if (queryStatus == QLatin1String("expiredInQueue"))
            return Text::tr("The query waited too long in the queue");
        if (queryStatus.startsWith(QLatin1String("initialisationFailed")))
            return Text::tr("The query could not start at the site");
        return Text::tr("The query failed");
    case Kind::Fhir:
        return Text::tr("The FHIR server reported a problem");
    case Kind::Network:
        return Text::tr("Could not reach Halo Cloud");
    case Kind::Timeout:
        return Text::tr("No answer in time");
    case Kind::Tls:
        return Text::tr("Secure connection failed");
    case Kind::Redirect:
        return Text::tr("Redirected to another host");
    case Kind::Cancelled:
        return Text::tr("Cancelled");
    case Kind::OutcomeUnknown:
        return Text::tr("Outcome unknown");
    case Kind::TooLarge:
        return Text::tr("The answer is too large");
    case Kind::BadResponse:
        return Text::tr("Unexpected answer");
    case Kind::CutOff:
        return Text::tr("The answer was cut off");
    case Kind::Refused:
        return Text::tr("Not sent");
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 400:
        return Text::tr("Bad request");
    case 401:
        return Text::tr("Wrong key or wrong environment");
    case 403:
        return Text::tr("Access refused");
    case 404:
        return Text::tr("Not found");
    case 410:
        return Text::tr("Results no longer available");
    case 413:
        return Text::tr("The result is too large for an immediate query");
    case 429:
        return Text::tr("Rate limit reached");
    case 500:
        return Text::tr("Halo Cloud had an internal error");
    case 502:
        return Text::tr("The practice software answered unexpectedly");
    case 503:
        return Text::tr("Site offline");
    case 504:
        return Text::tr("Site unreachable or query too slow");
    default:
        return Text::tr("HTTP error %1").arg(httpStatus);
    }
}

QString ApiError::explanation() const
{
    switch (kind) {
    case Kind::QueryFailed:
        if (errorType == QLatin1String("mssql"))
            return Text::tr("SQL Server reported an error in the query.");
        if (errorType == QLatin1String("fbsql"))
            return Text::tr("Firebird reported an error in the query.");
        if (errorType == QLatin1String("haloLink"))
            return Text::tr("Halo Link hit an unexpected error while transferring the query.");
        return Text::tr("The site could not complete the query.");
    case Kind::Fhir:
        return Text::tr("The practice's FHIR facade could not answer this request.");
    case Kind::Network:
        return Text::tr("The connection could not be made (%1).").arg(detail);
    case Kind::Timeout:
        return Text::tr("Halo Cloud did not answer within the time allowed.");
    case Kind::Tls:
        return Text::tr("The server's certificate or the TLS handshake failed: %1").arg(detail);
    case Kind::Redirect:
        return Text::tr(
                   "The server asked to continue at %1. Following it would send the subscription "
                   "key to another host.")
            .arg(detail);
    case Kind::Cancelled:
        return Text::tr("The request was cancelled before it completed.");
    case Kind::OutcomeUnknown:
        return Text::tr(
            "The connection was lost after the query was sent, so it may or may not have "
            "run. It was not sent again, because that could run it twice.");
    case Kind::TooLarge:
        return Text::tr("The answer is larger than Halo Explorer accepts (%1).").arg(detail);
    case Kind::BadResponse:
        return Text::tr("The answer does not match the Halo Cloud API description: %1").arg(detail);
    case Kind::CutOff:
        return Text::tr("Only part of the answer arrived: %1").arg(detail);
    case Kind::Refused:
        return detail; // the safety policy's own words: what was refused and how to allow it
    case Kind::None:
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 400:
        return Text::tr("Halo Cloud rejected the request as invalid.");
    case 401:
        return Text::tr("The subscription key is missing, wrong, or belongs to another environment "
                        "(Production keys do not work on Stage, and the reverse).");
    case 403:
        return Text::tr(
            "Halo Cloud refused access: your IP address may not be allowed, the site may not "
            "be paired, or this Halo GUID is no longer authoritative for the practice (after "
            "a reinstall or server move).");
    case 404:
        return Text::tr("The site, query or resource does not exist.");
    case 410:
        return Text::tr("Async results are cached for about 24 hours; these have expired.");
    case 413:
        return Text::tr("Immediate query results are limited to 8 MB.");
    case 429:
        return retryAfterSeconds >= 0 ? Text::tr("Too many requests; Halo Cloud asks to wait %1 s.")
                                            .arg(retryAfterSeconds)
                                      : Text::tr("Too many requests in a short time.");
    case 500:
        return Text::tr("Something failed inside Halo Cloud.");
    case 502:
        return Text::tr("The practice management software returned an unexpected result.");
    case 503:
        return Text::tr(
            "The practice's server could not be contacted; it may be switched off or offline.");
    case 504:
        return Text::tr(
            "The site went offline during the request, or the query took longer than about "
            "30 seconds.");
    default:
        return Text::tr("Halo Cloud answered with HTTP status %1.").arg(httpStatus);
    }
}

QString ApiError::nextStep() const
{
    switch (kind) {
    case Kind::QueryFailed:
        if (queryStatus.startsWith(QLatin1String("initialisationFailed")))
            return Text::tr("Check that the site is online, then run the query again.");
        if (queryStatus == QLatin1String("expiredInQueue"))
            return Text::tr(
                "Run it again with a longer maximum time in queue, or when the site is less "
                "busy.");
        if (queryStatus == QLatin1String("uploadFailed"))
            return Text::tr("Run the query again; narrow it if it keeps failing.");
        if (errorCode == 413)
            return Text::tr("Narrow the query, or run it as an async query.");
        if (errorType == QLatin1String("mssql") || errorType == QLatin1String("fbsql"))
            return Text::tr("Correct the SQL and run it again.");
        if (errorType == QLatin1String("haloLink"))
            return Text::tr("Try again later; contact Halo support if it persists.");
        return Text::tr("Try again later, or run it as an async query.");
    case Kind::Fhir:
        return Text::tr("Check the resource type and search parameters against the site's "
                        "CapabilityStatement.");
    case Kind::Network:
        return Text::tr("Check the network, proxy settings and the base URL.");
    case Kind::Timeout:
        return Text::tr("Try again; for long queries use an async query.");
    case Kind::Tls:
        return Text::tr(
            "Check the system clock, proxy and certificates; Halo Explorer never ignores "
            "certificate errors.");
    case Kind::Redirect:
        return Text::tr(
            "Check the base URL; use the address the redirect points to if you trust it.");
    case Kind::Cancelled:
        return QString();
    case Kind::OutcomeUnknown:
        return Text::tr("Check the site's recent queries before running it again.");
    case Kind::TooLarge:
        return Text::tr("Narrow the query or fetch the results page by page.");
    case Kind::BadResponse:
        return Text::tr("Look at the request log for the exact answer.");
    case Kind::CutOff:
        return Text::tr(
            "Try again; if it keeps happening, a proxy or the network is cutting answers "
            "short.");
    case Kind::Refused:
        return QString(); // the detail already says how
    case Kind::None:
    case Kind::Http:
        break;
    }
    switch (httpStatus) {
    case 400:
        return Text::tr("Correct the request and send it again.");
    case 401:
        return Text::tr("Check that the key is for this environment, or set it again.");
    case 403:
        return Text::tr(
            "Re-resolve the Halo GUID from the practice's PMS ID; if it has not changed, "
            "check pairing and your IP allow-list.");
    case 404:
        return Text::tr("Check the Halo GUID or id.");
    case 410:
        return Text::tr("Run the query again.");
    case 413:
        return Text::tr("Narrow the query, or run it as an async query.");
    case 429:
        // Only a statement of what Halo asked: whether anything waits is the caller's business.
        return retryAfterSeconds >= 0
                   ? Text::tr("Try again in %1.").arg(waitText(retryAfterSeconds))
                   : Text::tr("Wait a little and try again.");
    case 500:
        return Text::tr("Try again later; contact Halo support if it persists.");
    case 502:
        return Text::tr("Check the pairing details with the practice and try again.");
    case 503:
        return Text::tr("Try again later, or ask the practice whether the server is on.");
    case 504:
        return Text::tr("Try again later, or run the query as an async query.");
    default:
        return QString();
    }
}

QString ApiError::oneLine() const
{
    // A failed query can arrive in a 200 answer: the HTTP status then says nothing useful.
    const bool httpFailed = httpStatus >= 300 || (httpStatus > 0 && httpStatus < 200);
    QString line = httpFailed ? Text::tr("HTTP %1 — %2").arg(httpStatus).arg(title()) : title();
    if (!serverMessage.isEmpty())
        line += QStringLiteral(": ") + serverMessage;
    else if (kind != Kind::Http && kind != Kind::Cancelled)
        line += QStringLiteral(": ") + explanation();
    const QString next = nextStep();
    if (!next.isEmpty()) {
        // Server messages and explanations mostly end with a full stop already.
        line = line.trimmed();
        if (!line.endsWith(QLatin1Char('.')) && !line.endsWith(QLatin1Char('?')) &&
            !line.endsWith(QLatin1Char('!')))
            line += QLatin1Char('.');
        line += QLatin1Char(' ') + next;
    }
    return line.simplified();
}

} // namespace Halo
