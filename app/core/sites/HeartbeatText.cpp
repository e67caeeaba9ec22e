// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/HeartbeatText.h"

#include <QCoreApplication>

namespace Halo {

namespace {

// Strings are marked with QT_TRANSLATE_NOOP so lupdate finds them under one context.
QString translated(const char *text)
{
    return QCoreApplication::translate("Halo::HeartbeatText", text);
}

// Qt only picks plural forms from a loaded translation, so English singulars are spelt out.
QString ago(qint64 count, const char *one, const char *many)
{
    return count == 1 ? translated(one) : translated(many).arg(count);
}

} // namespace

QString lastHeardText(const QDateTime &heartbeat, const QDateTime &now)
{
    if (!heartbeat.isValid())
        return translated(QT_TRANSLATE_NOOP("Halo::HeartbeatText", "never heard from"));
    const qint64 seconds = heartbeat.secsTo(now);
    if (seconds < 1)
        return translated(QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard just now"));
    if (seconds < 60)
        return ago(seconds, QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard 1 second ago"),
                   QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard %1 seconds ago"));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return ago(minutes, QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard 1 minute ago"),
                   QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard %1 minutes ago"));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return ago(hours, QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard 1 hour ago"),
                   QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard %1 hours ago"));
    return ago(hours / 24, QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard 1 day ago"),
               QT_TRANSLATE_NOOP("Halo::HeartbeatText", "last heard %1 days ago"));
}

} // namespace Halo
