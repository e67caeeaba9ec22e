// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Halo {

struct SiteInfo;

// What was true of a practice when it was onboarded: compared with what Halo says now, it tells
// support staff whether a GUID really is the practice they think.
struct RecordedIdentity {
    QString practiceName;
    QString pmsVersion;
    QString haloLinkVersion;
    QDateTime recordedAt;
};

// A site the user works with, as saved in the site list. Nothing secret is in it.
struct SiteRecord {
    QString environment; // environmentId(): production | stage | sandbox | custom
    QString baseUrl;     // custom only: which service the GUID belongs to
    QString guid;        // Halo GUID, lower case
    QString pmsType;     // BestPractice | Zedmed | D4w
    QString pmsId;       // practiceManagementSiteId
    RecordedIdentity recorded;
    QString label; // the user's own name for the site; the recorded name stays as recorded
    QString notes;
    QStringList tags; // the user's, e.g. "pilot"; trimmed, no repeats
    QDateTime addedAt;
    QStringList previousGuids; // GUIDs it had before a re-resolve, newest last

    bool sameSite(const SiteRecord &other) const; // same environment (and base URL) and GUID
};

// One secondary identifier that differs between the record and Halo's answer now.
struct IdentityDifference {
    QString field; // translated label, e.g. "Practice name"
    QString recorded;
    QString current;
    QString explanation; // translated, e.g. a changed name can mean a merger or split
};

QList<IdentityDifference> compareIdentity(const RecordedIdentity &recorded,
                                          const SiteInfo &current);
RecordedIdentity identityOf(const SiteInfo &site, const QDateTime &at);
// The difference for one field (by its translated label), or nullptr when it did not change.
const IdentityDifference *findDifference(const QList<IdentityDifference> &differences,
                                         const QString &field);

// The name the site list shows: the user's label when set, else `currentName` (what Halo says
// now) when known, else the name recorded at onboarding.
QString shownName(const SiteRecord &site, const QString &currentName = QString());
// Tags as stored: each trimmed, empties and repeats (ignoring case) dropped, order kept.
QStringList cleanedTags(const QStringList &tags);
QStringList tagsFromText(const QString &text); // "pilot, rural" -> {pilot, rural}
QString tagsText(const QStringList &tags);     // {pilot, rural} -> "pilot, rural"

// Halo GUIDs are UUIDs: 8-4-4-4-12 hexadecimal digits (braces and case tolerated).
bool isValidHaloGuid(const QString &text);
QString normalisedGuid(const QString &text); // lower case, no braces or spaces; empty if invalid

} // namespace Halo
