// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "sites/Verdict.h"
#include "sites/VerificationInput.h"

namespace Halo {

class ApiCall;

// One request a verification made, as evidence: never its headers, so never the key.
struct VerificationRequest {
    QByteArray method;
    QString path;       // path and query below the base URL, redacted as the request log does
    int httpStatus = 0; // 0: no HTTP answer
    qint64 durationMs = 0;
    int attempts = 1; // more than one: retried (after a 429, say)
    QDateTime startedAt;
    quint64 logId = 0;       // the request log's id ("#17" in the window); 0: not logged
    QString serverRequestId; // the server's own id of its answer; empty when it gave none

    static VerificationRequest of(const ApiCall &call, const QDateTime &startedAt);
};

// What verifying one practice found: the verdict, why, and the evidence (identifiers expected
// or recorded and now, heartbeat age, the requests made). Server text is already made safe to
// show (shownServerText).
struct VerificationResult {
    VerificationInput input;
    Verdict verdict = Verdict::Error;
    QString message;
    QString guid; // the authoritative install now; empty when there is none (or several)

    // What it was compared with: the expected name, the record, else what Halo kept at install.
    QString recordedName;
    QString recordedPmsVersion;
    QString recordedHaloLinkVersion;
    // What Halo says now, of the authoritative install.
    QString practiceName;
    QString pmsVersion;
    QString haloLinkVersion;
    QString availability; // online | offline | unreachable | unknown; empty: not read
    QString status;       // initialising | active | removed | uninstalled
    QDateTime heartbeatAt;
    qint64 heartbeatAgeSeconds = -1; // -1: not known
    QDateTime checkedAt;
    QList<VerificationRequest> requests;

    bool isOk() const { return verdict == Verdict::Ok; }
    // The row's object with the fields scripts rely on (pms, pms_id, expected_guid, guid,
    // verdict, practice_name, recorded_name, pms_version, halo_link_version, availability,
    // heartbeat_age_seconds, message); `withEvidence` adds recorded versions and requests.
    QJsonObject toJson(bool withEvidence = false) const;
    static QStringList jsonFields(); // the fields above, in their order
};

} // namespace Halo
