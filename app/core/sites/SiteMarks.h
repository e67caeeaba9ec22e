// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Halo {

struct SiteInfo;
struct SiteRecord;

// How long Halo may go without hearing from a site before the list warns: amber past the first,
// red past the second. The user chooses them (AppSettings keeps them).
struct HeartbeatThresholds {
    qint64 amberSeconds = 3600;
    qint64 redSeconds = 24 * 3600;
};

// What the site list marks on a site, from its record and the last status read: everything a
// support person should look at before trusting it. Each mark has words, never colour alone.
struct SiteMarks {
    enum class Heartbeat { Unknown, Fresh, Amber, Red };

    bool nonAuthoritative = false;
    QStringList drift; // translated labels of recorded fields that differ now ("PMS version")
    bool offline = false;
    bool unreachable = false; // Halo says so, or the status request itself failed
    QString problem;          // why the status request failed, if it did
    QDateTime heartbeatAt;
    qint64 heartbeatAgeSeconds = -1; // -1: no heartbeat known
    Heartbeat heartbeat = Heartbeat::Unknown;

    bool needsAttention() const; // any mark; a fresh or unknown heartbeat is none
    QStringList labels() const;  // one short translated phrase per mark, e.g. "Offline"
    QString summary() const;     // the labels joined, or "No marks"
};

// `live` is null until a status answer arrived; `problem` is why the last request failed.
SiteMarks siteMarks(const SiteRecord &record, const SiteInfo *live, const QString &problem,
                    const QDateTime &now, const HeartbeatThresholds &thresholds);

// A heartbeat's age in a few characters: "45 s ago", "3 h ago", "2 d ago"; empty when unknown.
QString heartbeatAgeText(qint64 ageSeconds);

} // namespace Halo
