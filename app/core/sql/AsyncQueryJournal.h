// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Halo {

// A note that an async query was submitted, so it can be picked up again after a restart while
// Halo still caches its results (about 24 hours). Holds ids and the SQL text, never result data.
struct JournalEntry {
    QString environment; // environmentId()
    QString siteGuid;
    QString queryId;
    QString sql;
    QDateTime submittedAt;
    QString lastStatus;
};

// Stores journal entries as JSON in the application's data folder, written atomically so a
// crash mid-write leaves the previous file intact.
class AsyncQueryJournal
{
public:
    explicit AsyncQueryJournal(const QString &filePath = defaultPath());

    static QString defaultPath();
    static constexpr int kResultLifetimeHours = 24;

    QList<JournalEntry> entries() const; // newest first
    QList<JournalEntry> entriesForSite(const QString &environment, const QString &siteGuid) const;
    // Adds or updates the entry with the same query id; without the SQL when history is turned
    // off for its environment (AppSettings::keepsHistory). Returns false with *error set when
    // the file could not be written (the previous file stays as it was).
    bool record(const JournalEntry &entry, QString *error = nullptr);
    bool remove(const QString &queryId, QString *error = nullptr);
    // Entries whose results can no longer exist are dropped on save.
    static bool isExpired(const JournalEntry &entry, const QDateTime &now);

private:
    QList<JournalEntry> load() const;
    bool save(const QList<JournalEntry> &entries, QString *error) const;

    QString m_path;
};

} // namespace Halo
