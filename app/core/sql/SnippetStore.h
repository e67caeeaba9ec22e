// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace Halo {

// A named piece of SQL the user can insert into the editor.
struct Snippet {
    QString name;
    QString sql;
    QString pmsType;            // BestPractice | Zedmed | D4w; empty: any PMS
    bool builtIn = false;       // shipped with the program: read-only
    bool runsOnSandbox = false; // built-ins only: uses the sandbox's sample schema
};

// The user's snippets, kept as JSON in the application's data folder and written atomically,
// plus a few read-only examples per PMS that ship with the program.
class SnippetStore : public QObject
{
    Q_OBJECT
public:
    explicit SnippetStore(const QString &filePath = defaultPath(), QObject *parent = nullptr);

    static QString defaultPath(); // <AppDataLocation>/snippets.json
    QString filePath() const { return m_path; }

    // Loads at construction too. A missing file means no user snippets; an unreadable or
    // invalid file is reported and never overwritten (saving and removing refuse until a load
    // succeeds).
    bool load(QString *error = nullptr);
    bool isReadOnly() const { return m_readOnly; }
    QString loadError() const { return m_loadError; }

    // The examples for one PMS (all of them for an empty pmsType), in a fixed order.
    static QList<Snippet> builtIns(const QString &pmsType = QString());
    const QList<Snippet> &userSnippets() const { return m_snippets; }
    // What to offer on a site of this PMS: its built-ins, then user snippets for it or for any
    // PMS, each group sorted by name.
    QList<Snippet> snippetsFor(const QString &pmsType) const;

    // Adds a user snippet, or replaces the one with the same name (case-insensitive). Refuses an
    // empty name or SQL and the name of a built-in.
    bool save(const Snippet &snippet, QString *error = nullptr);
    bool contains(const QString &name) const;
    // Removes a user snippet; built-ins cannot be removed.
    bool remove(const QString &name, QString *error = nullptr);

signals:
    void changed();

private:
    bool commit(const QList<Snippet> &snippets, QString *error);

    QString m_path;
    QList<Snippet> m_snippets;
    bool m_readOnly = false;
    QString m_loadError;
};

} // namespace Halo
