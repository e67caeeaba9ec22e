// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace Halo {

// One query the user ran on a site: what and how, and how it went. Result data is never part of
// it (the file format has no place for it), so the history holds no patient data beyond the SQL
// text the user typed.
struct HistoryEntry {
    QString sql;
    QDateTime at;                                     // when it was sent (UTC)
    QString mode;                                     // immediate | async | registered
    QString executionMode = QStringLiteral("reader"); // reader | nonQuery | scalar
    QString status;                                   // e.g. successful, executionFailed
    qint64 rows = -1;                                 // -1: not known
    qint64 durationMs = -1;                           // -1: not known

    friend bool operator==(const HistoryEntry &a, const HistoryEntry &b);
};

// A query status as a person reads it ("executionFailed" -> "Failed in the database"); statuses
// it does not know come back as they are.
QString queryStatusText(const QString &status);

// The queries run on each site, per environment and site GUID, newest first, kept as JSON in
// the application's data folder. Every change is written at once and atomically (QSaveFile): a
// failed write leaves the previous file, and the history in memory, as they were.
class QueryHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntriesPerSite = 500; // the oldest go first

    explicit QueryHistory(const QString &filePath = defaultPath(), QObject *parent = nullptr);

    static QString defaultPath();     // <AppDataLocation>/history.json (SQL)
    static QString defaultFhirPath(); // <AppDataLocation>/fhir-history.json (FHIR query lines)
    QString filePath() const { return m_path; }

    // Loads at construction too. A missing file is an empty history. An unreadable or invalid
    // file is reported and never overwritten: until a load succeeds, record() and clear() refuse.
    bool load(QString *error = nullptr);
    bool isReadOnly() const { return m_readOnly; }
    QString loadError() const { return m_loadError; } // of the last load; empty if it worked

    QList<HistoryEntry> entries(const QString &environment, const QString &siteGuid) const;
    // Entries whose SQL, status or mode contains `text` (case-insensitive); all for empty text.
    QList<HistoryEntry> search(const QString &environment, const QString &siteGuid,
                               const QString &text) const;

    // Adds an entry, unless history is turned off for `environment` (AppSettings::keepsHistory):
    // then nothing is recorded, nothing changes, and the answer is true.
    bool record(const QString &environment, const QString &siteGuid, const HistoryEntry &entry,
                QString *error = nullptr);
    bool clear(const QString &environment, const QString &siteGuid, QString *error = nullptr);

signals:
    void changed(const QString &environment, const QString &siteGuid);

private:
    using Sites = QHash<QString, QList<HistoryEntry>>; // site key -> entries, newest first

    static QString siteKey(const QString &environment, const QString &siteGuid);
    bool commit(const Sites &sites, QString *error);

    QString m_path;
    Sites m_sites;
    bool m_readOnly = false;
    QString m_loadError;
};

} // namespace Halo
