// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Waiting for HaloApiClient calls in tests, and saying what came back when a check fails.
#include "net/ApiCall.h"
#include "net/ApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include <iterator>
#include <memory>

namespace Halo {

inline const char *kindName(ApiError::Kind kind)
{
    static const char *const names[] = {
        "None",     "Http",      "QueryFailed",    "Fhir",     "Network",     "Timeout", "Tls",
        "Redirect", "Cancelled", "OutcomeUnknown", "TooLarge", "BadResponse", "CutOff",  "Refused"};
    const auto index = std::size_t(kind);
    return index < std::size(names) ? names[index] : "?";
}

// Readable QCOMPARE failures for error kinds.
inline char *toString(ApiError::Kind kind)
{
    return qstrdup(kindName(kind));
}

} // namespace Halo

using CallPtr = std::unique_ptr<Halo::ApiCall>;

inline constexpr int kCallTimeoutMs = 15000;

// Keeps a call past finished() and waits for it; from here on the test owns it.
inline CallPtr await(Halo::ApiCall *call, int timeoutMs = kCallTimeoutMs)
{
    call->setAutoDelete(false);
    CallPtr kept(call);
    if (!call->isFinished()) {
        QSignalSpy finished(call, &Halo::ApiCall::finished);
        finished.wait(timeoutMs);
    }
    return kept;
}

inline QString describe(const Halo::ApiCall &call)
{
    return QStringLiteral("%1 %2 -> finished %3, HTTP %4, kind %5: %6; body: %7")
        .arg(QString::fromLatin1(call.method()), call.url().toString(QUrl::FullyEncoded))
        .arg(call.isFinished())
        .arg(call.httpStatus())
        .arg(QString::fromLatin1(Halo::kindName(call.error().kind)), call.error().oneLine(),
             QString::fromUtf8(call.body().left(400)));
}

#define VERIFY_OK(call) QVERIFY2((call)->ok(), qPrintable(describe(*(call))))
#define VERIFY_FINISHED(call) QVERIFY2((call)->isFinished(), qPrintable(describe(*(call))))

// The ids of a FHIR Bundle's entries, in order (read here, not with the app's parser).
inline QStringList entryIds(const QJsonObject &bundle)
{
    QStringList ids;
    for (const QJsonValue &entry : bundle.value(QLatin1String("entry")).toArray())
        ids.append(entry.toObject()
                       .value(QLatin1String("resource"))
                       .toObject()
                       .value(QLatin1String("id"))
                       .toString());
    return ids;
}
