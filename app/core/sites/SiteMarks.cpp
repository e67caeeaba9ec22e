// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteMarks.h"

#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"

#include <QCoreApplication>

namespace Halo {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Halo::SiteMarks", text);
}

} // namespace

bool SiteMarks::needsAttention() const
{
    return nonAuthoritative || !drift.isEmpty() || offline || unreachable ||
           heartbeat == Heartbeat::Amber || heartbeat == Heartbeat::Red;
}

QStringList SiteMarks::labels() const
{
    QStringList labels;
    if (unreachable)
        labels << translated("Unreachable");
    else if (offline)
        labels << translated("Offline");
    if (nonAuthoritative)
        labels << translated("Not authoritative");
    if (!drift.isEmpty())
        labels << translated("Changed since onboarding: %1").arg(drift.join(QStringLiteral(", ")));
    if (heartbeat == Heartbeat::Red)
        labels << translated("Not heard from for long (%1)")
                      .arg(heartbeatAgeText(heartbeatAgeSeconds));
    else if (heartbeat == Heartbeat::Amber)
        labels
            << translated("Not heard from lately (%1)").arg(heartbeatAgeText(heartbeatAgeSeconds));
    return labels;
}

QString SiteMarks::summary() const
{
    const QStringList all = labels();
    return all.isEmpty() ? translated("No marks") : all.join(QStringLiteral("; "));
}

SiteMarks siteMarks(const SiteRecord &record, const SiteInfo *live, const QString &problem,
                    const QDateTime &now, const HeartbeatThresholds &thresholds)
{
    SiteMarks marks;
    marks.problem = problem;
    marks.unreachable = !problem.isEmpty();
    if (!live)
        return marks;
    marks.nonAuthoritative = live->authoritativeKnown && !live->authoritative;
    marks.offline = live->availability == SiteInfo::Availability::Offline;
    marks.unreachable =
        marks.unreachable || live->availability == SiteInfo::Availability::Unreachable;
    // Only a value Halo reports now and that differs is drift; one it did not report is not.
    for (const IdentityDifference &difference : compareIdentity(record.recorded, *live)) {
        if (!difference.current.isEmpty())
            marks.drift.append(difference.field);
    }
    marks.heartbeatAt = live->heartbeatAt;
    if (live->heartbeatAt.isValid()) {
        marks.heartbeatAgeSeconds = std::max<qint64>(0, live->heartbeatAt.secsTo(now));
        if (marks.heartbeatAgeSeconds > thresholds.redSeconds)
            marks.heartbeat = SiteMarks::Heartbeat::Red;
        else if (marks.heartbeatAgeSeconds > thresholds.amberSeconds)
            marks.heartbeat = SiteMarks::Heartbeat::Amber;
        else
            marks.heartbeat = SiteMarks::Heartbeat::Fresh;
    }
    return marks;
}

QString heartbeatAgeText(qint64 ageSeconds)
{
    if (ageSeconds < 0)
        return {};
    if (ageSeconds < 60)
        return translated("%1 s ago").arg(ageSeconds);
    if (ageSeconds < 3600)
        return translated("%1 min ago").arg(ageSeconds / 60);
    if (ageSeconds < 24 * 3600)
        return translated("%1 h ago").arg(ageSeconds / 3600);
    return translated("%1 d ago").arg(ageSeconds / (24 * 3600));
}

} // namespace Halo
