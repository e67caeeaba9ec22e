// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include "sql/SnippetStore.h"

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class ProblemLabel;

// Named SQL to insert into the editor: the built-in examples for the site's PMS (read-only) and
// the user's own, which are saved from the editor's current SQL and can be deleted.
class SnippetsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SnippetsPanel(Halo::SnippetStore *store, QWidget *parent = nullptr);

    void setPmsType(const QString &pmsType); // BestPractice | Zedmed | D4w; empty: all
    // What "Save snippet" saves: the tab passes its editor's text as it changes.
    void setCurrentSql(const QString &sql);
    bool selectSnippet(const QString &name); // false if not listed

    void insertCurrent();
    void saveSnippet();   // under the name typed, for this PMS or any
    void deleteCurrent(); // a user snippet; asks first

signals:
    void insertRequested(const QString &sql);

private:
    void reload();
    void showCurrent();
    void updateButtons();
    const Halo::Snippet *currentSnippet() const;

    Halo::SnippetStore *m_store;
    QString m_pmsType;
    QString m_currentSql;
    QList<Halo::Snippet> m_shown; // in the list's order
    QTreeWidget *m_list;
    QPlainTextEdit *m_preview;
    QPushButton *m_insert;
    QPushButton *m_delete;
    QLineEdit *m_name;
    QCheckBox *m_forThisPms;
    QPushButton *m_save;
    ProblemLabel *m_problem;
};
