// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTimer;

namespace Halo {

// One SQL editor of a site as it is kept between sessions: its title and its text. Results are
// never kept.
struct SqlEditorText {
    QString title;
    QString sql;
    bool operator==(const SqlEditorText &other) const
    {
        return title == other.title && sql == other.sql;
    }
};

// The editors open on each site (per environment and site GUID), so that they come back after a
// restart. Kept as JSON in the application's data folder, the owner's alone, written atomically
// a moment after the last change (and at once by flush()). An unreadable file is reported and
// never overwritten: until a load succeeds nothing is saved.
class SqlEditorSession : public QObject
{
    Q_OBJECT
public:
    explicit SqlEditorSession(const QString &filePath = defaultPath(), QObject *parent = nullptr);
    ~SqlEditorSession() override; // saves what is pending

    static QString defaultPath(); // <AppDataLocation>/sql-editors.json
    QString filePath() const { return m_path; }

    bool load(QString *error = nullptr);
    QString loadError() const { return m_loadError; }

    // The editors last open on a site, in tab order (empty: none kept), and which was current.
    QList<SqlEditorText> editors(const QString &environment, const QString &siteGuid) const;
    int currentIndex(const QString &environment, const QString &siteGuid) const;
    // Replaces what is kept for a site; a single empty editor keeps nothing. Saved a moment
    // later, so typing does not write the file at every key.
    void setEditors(const QString &environment, const QString &siteGuid,
                    const QList<SqlEditorText> &editors, int current);
    // Writes what is pending now. False with the reason when the file could not be written (the
    // old one is left as it was).
    bool flush(QString *error = nullptr);
    bool hasPendingChanges() const { return m_dirty; }

signals:
    void saveFailed(const QString &error);

private:
    struct SiteEditors {
        QList<SqlEditorText> editors;
        int current = 0;
    };
    static QString keyOf(const QString &environment, const QString &siteGuid);

    QString m_path;
    QHash<QString, SiteEditors> m_sites; // by "environment/guid"
    QTimer *m_saveTimer;
    bool m_dirty = false;
    bool m_readOnly = false;
    QString m_loadError;
};

} // namespace Halo
