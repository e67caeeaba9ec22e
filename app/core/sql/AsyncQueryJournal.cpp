// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/AsyncQueryJournal.h"

#include "storage/AppSettings.h"
#include "storage/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <algorithm>

namespace Halo {

AsyncQueryJournal::AsyncQueryJournal(const QString &filePath)
    : m_path(filePath)
{}

QString AsyncQueryJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/async-queries.json");
}

bool AsyncQueryJournal::isExpired(const JournalEntry &entry, const QDateTime &now)
{
    return entry.submittedAt.secsTo(now) > qint64(kResultLifetimeHours) * 3600;
}

QList<JournalEntry> AsyncQueryJournal::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<JournalEntry> entries;
    const QJsonArray array =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("queries")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        JournalEntry entry;
        entry.environment = o.value(QLatin1String("environment")).toString();
        entry.siteGuid = o.value(QLatin1String("siteGuid")).toString();
        entry.queryId = o.value(QLatin1String("queryId")).toString();
        entry.sql = o.value(QLatin1String("sql")).toString();
        entry.submittedAt = QDateTime::fromString(o.value(QLatin1String("submittedAt")).toString(),
                                                  Qt::ISODateWithMs);
        entry.lastStatus = o.value(QLatin1String("lastStatus")).toString();
        if (!entry.queryId.isEmpty())
            entries.append(entry);
    }
    return entries;
}

bool AsyncQueryJournal::save(const QList<JournalEntry> &entries, QString *error) const
{
    QJsonArray array;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const JournalEntry &entry : entries) {
        if (isExpired(entry, now))
            continue;
        array.append(QJsonObject{
            {QStringLiteral("environment"), entry.environment},
            {QStringLiteral("siteGuid"), entry.siteGuid},
            {QStringLiteral("queryId"), entry.queryId},
            {QStringLiteral("sql"), entry.sql},
            {QStringLiteral("submittedAt"), entry.submittedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("lastStatus"), entry.lastStatus}});
    }
    return writeFileAtomically(m_path,
                               QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                         {QStringLiteral("queries"), array}})
                                   .toJson(QJsonDocument::Indented),
                               error);
}

QList<JournalEntry> AsyncQueryJournal::entries() const
{
    QList<JournalEntry> all = load();
    std::sort(all.begin(), all.end(), [](const JournalEntry &a, const JournalEntry &b) {
        return a.submittedAt > b.submittedAt;
    });
    return all;
}

QList<JournalEntry> AsyncQueryJournal::entriesForSite(const QString &environment,
                                                      const QString &siteGuid) const
{
    QList<JournalEntry> result;
    for (const JournalEntry &entry : entries()) {
        if (entry.environment == environment &&
            entry.siteGuid.compare(siteGuid, Qt::CaseInsensitive) == 0)
            result.append(entry);
    }
    return result;
}

bool AsyncQueryJournal::record(const JournalEntry &entry, QString *error)
{
    JournalEntry kept = entry;
    // Without a history for its environment, the id is kept (to resume the query) but not the SQL.
    if (!AppSettings::keepsHistoryFor(entry.environment))
        kept.sql.clear();
    QList<JournalEntry> all = load();
    auto it = std::find_if(all.begin(), all.end(),
                           [&entry](const JournalEntry &e) { return e.queryId == entry.queryId; });
    if (it != all.end())
        *it = kept;
    else
        all.append(kept);
    return save(all, error);
}

bool AsyncQueryJournal::remove(const QString &queryId, QString *error)
{
    QList<JournalEntry> all = load();
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&queryId](const JournalEntry &e) { return e.queryId == queryId; }),
              all.end());
    return save(all, error);
}

} // namespace Halo
