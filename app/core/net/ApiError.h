// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "fhir/FhirIssue.h"

namespace Halo {

// Everything that can go wrong with a request, from the three error shapes Halo sends (the
// general envelope, a failed query's errorDetails, a FHIR OperationOutcome) to network, TLS and
// timeout failures. Each comes with a plain-language explanation and the next step.
struct ApiError {
    enum class Kind {
        None,
        Http,           // an HTTP error status with the general envelope (or no body)
        QueryFailed,    // the query object came back with a failed status and errorDetails
        Fhir,           // an OperationOutcome
        Network,        // nothing was exchanged: refused, host not found, proxy, ...
        Timeout,        // no answer within the inactivity timeout or the overall deadline
        Tls,            // certificate or handshake problem; never ignored
        Redirect,       // the server redirected to another host; not followed (key stays here)
        Cancelled,      // the user cancelled
        OutcomeUnknown, // a query POST whose answer was lost: it may or may not have run
        TooLarge,       // the answer exceeded the client's size limit
        BadResponse,    // an answer that is not what the API describes
        CutOff,         // the answer began but did not arrive whole (closed, reset, stalled)
        Refused,        // not sent: the safety policy refused it (detail says why, and how)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString serverMessage; // the service's own words, if any
    QString errorType;     // errorDetails.errorType: mssql | fbsql | http | haloLink
    int errorCode = 0;     // errorDetails.errorCode
    QString queryStatus;   // the failed query's status, e.g. executionFailed
    QList<FhirIssue> issues;
    int retryAfterSeconds = -1;
    QString detail; // network or TLS detail

    bool isError() const { return kind != Kind::None; }
    QString title() const;       // short: "Wrong key or wrong environment"
    QString explanation() const; // what it means, in plain words
    QString nextStep() const;    // what to do now
    QString oneLine() const;     // "HTTP 401 — title: server message. next step"

    // Reads an error answer in any of the three shapes; a 2xx query object with a failed status
    // also counts (Halo may answer 200 with executionFailed).
    static ApiError ofKind(Kind kind, const QString &detail = QString())
    {
        ApiError error;
        error.kind = kind;
        error.detail = detail;
        return error;
    }
    static ApiError fromResponse(int httpStatus, const QByteArray &body, int retryAfterSeconds);
    // A 2xx answer that cannot be read as the API describes it (Kind::BadResponse): `what`
    // says what is wrong, e.g. "no “sites” list in the answer".
    static ApiError badAnswer(const QString &what);
    // A 2xx answer that is not JSON at all, quoting its first bytes (printable ones only).
    static ApiError notJson(const QByteArray &body);
};

} // namespace Halo
