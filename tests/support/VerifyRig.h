// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the verification suites share: a sandbox, the client, and one input row per verdict,
// each naming a sample practice that plays it (halo-sandbox --print-sites).
#include "SandboxRig.h"
#include "services/VerificationService.h"
#include "sites/VerificationInput.h"

#include <QByteArray>
#include <QList>
#include <QSignalSpy>
#include <QString>

inline const QString kVerifyKey = QStringLiteral("verify-test-key-7d13b2e9a0c4f856");
inline const int kVerifyWaitMs = 30000;

// The Zedmed status read that verifyRows() makes fail: the API's error gives an `error` row.
inline const QString kFaultyGuid = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");

inline Sandbox::SandboxOptions verifyOptions()
{
    Sandbox::SandboxOptions options = keyedOptions(kVerifyKey, 30);
    Sandbox::FaultRule fault;
    fault.pathPart = QStringLiteral("/integrator/sites/") + kFaultyGuid;
    fault.status = 400;
    options.faults.append(fault);
    return options;
}

// One CSV row per verdict, and the verdict it must get, in the same order.
inline QByteArray verdictCsv()
{
    return "pms,pms_id,expected_guid,expected_name\r\n"
           "Best Practice,BP-20431,3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14,\r\n" // ok
           "BestPractice,BP-20431,a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b,\r\n"  // guid-changed
           "zedmed,ZM-9999,,\r\n"                                             // not-found
           "D4w,D4W-7731,,\r\n" // several-authoritative
           "Best Practice,BP-18254,0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057,\r\n" // name-differs
           "Best Practice,BP-52976,,\r\n"                                     // pms-version-changed
           "Best Practice,BP-31877,,\r\n"                                     // offline
           "ZEDMED,ZM-1142,,\r\n"                                             // unreachable
           "Zedmed,ZM-0716,,\r\n"                                             // error (the API's)
           "Medical Director,MD-1,,\r\n";                                     // error (the row's)
}

inline QStringList verdictCsvExpected()
{
    return {QStringLiteral("ok"),           QStringLiteral("guid-changed"),
            QStringLiteral("not-found"),    QStringLiteral("several-authoritative"),
            QStringLiteral("name-differs"), QStringLiteral("pms-version-changed"),
            QStringLiteral("offline"),      QStringLiteral("unreachable"),
            QStringLiteral("error"),        QStringLiteral("error")};
}

// Runs `inputs` to the end and returns the rows, in input order.
inline QList<Halo::VerificationResult> verifyAll(Halo::HaloApiClient *client,
                                                 const QList<Halo::VerificationInput> &inputs)
{
    Halo::VerificationService service(client);
    QSignalSpy finished(&service, &Halo::VerificationService::finished);
    service.start(inputs);
    if (!finished.wait(kVerifyWaitMs))
        return {};
    return service.results();
}
