// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include "sites/SiteCsv.h"
#include "sites/SiteRecord.h"

namespace Halo {

// The user's site list, kept as JSON in the application's data folder. Every change is written
// at once and atomically (QSaveFile): a crash or a failed write leaves the previous file intact,
// and a failed write also leaves the list in memory as it was.
class SiteStore : public QObject
{
    Q_OBJECT
public:
    explicit SiteStore(const QString &filePath = defaultPath(), QObject *parent = nullptr);

    static QString defaultPath(); // <AppDataLocation>/sites.json
    QString filePath() const { return m_path; }

    // A missing file is an empty list. An unreadable or invalid file is reported and left
    // untouched on disk (it is never overwritten by an empty list).
    bool load(QString *error = nullptr);
    bool isReadOnly() const { return m_readOnly; } // true after a failed load: changes refused

    const QList<SiteRecord> &sites() const { return m_sites; }
    QList<SiteRecord> sitesFor(const QString &environment) const;
    const SiteRecord *find(const QString &environment, const QString &guid) const;

    bool add(const SiteRecord &record, QString *error = nullptr); // refuses a duplicate
    // Replaces the record for (environment, guid), e.g. after a re-resolve changed the GUID.
    bool update(const QString &environment, const QString &guid, const SiteRecord &record,
                QString *error = nullptr);
    // The user's own details of a site: its label, notes and tags.
    bool setDetails(const QString &environment, const QString &guid, const QString &label,
                    const QString &notes, const QStringList &tags, QString *error = nullptr);

    // Removes the sites (matched by environment and GUID) in one write; undoRemove() puts the
    // last removal back where it was. Sites not in the list are an error and nothing is removed.
    bool remove(const QString &environment, const QString &guid, QString *error = nullptr);
    bool remove(const QList<SiteRecord> &sites, QString *error = nullptr);
    bool canUndoRemove() const { return !m_lastRemoval.isEmpty(); }
    int lastRemovalCount() const { return int(m_lastRemoval.size()); }
    // Sites added again since are not doubled; the rest go back at their places.
    bool undoRemove(QString *error = nullptr);

    // A team shares its list by file: export writes all sites (or one environment's);
    // import merges, adding new sites and leaving existing ones as they are.
    bool exportTo(const QString &path, const QString &environment = QString(),
                  QString *error = nullptr) const;
    // Writes these sites: as CSV when the path ends in .csv, else as a JSON site list.
    static bool exportSites(const QString &path, const QList<SiteRecord> &sites,
                            QString *error = nullptr);
    struct ImportResult {
        int added = 0;
        int skipped = 0;      // already in the list
        QStringList problems; // entries that were not valid, with the entry or line and reason
    };
    // A JSON site list or a CSV file (see readSiteCsv; `defaults` for rows without an
    // environment). Bad entries are reported in the result and the good ones still imported.
    bool importFrom(const QString &path, ImportResult *result, QString *error = nullptr,
                    const SiteCsvDefaults &defaults = {});

signals:
    void changed();

private:
    bool save(const QList<SiteRecord> &sites, QString *error) const;
    bool commit(const QList<SiteRecord> &sites, QString *error); // save, then take the list
    bool refuseIfReadOnly(QString *error) const;
    struct ImportEntry {
        QString name; // "Site 3" or "Line 4", for the problems
        SiteRecord record;
        QString problem; // why it could not be read at all
    };
    bool readImport(const QString &path, const SiteCsvDefaults &defaults,
                    QList<ImportEntry> *entries, QString *error) const;

    QString m_path;
    QList<SiteRecord> m_sites;
    bool m_readOnly = false;
    QList<QPair<int, SiteRecord>> m_lastRemoval; // index it had, record; by index
};

} // namespace Halo
