// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "schema/SchemaDialect.h"
#include "schema/SchemaSnapshot.h"

class QLineEdit;
class QToolButton;
class QsciScintilla;
class SqlCompletionApis;

// The SQL editor: QScintilla with SQL highlighting, line numbers, brace matching, undo and redo,
// plus a find bar (Ctrl+F) and completion from the site's schema (Ctrl+Space). Ctrl+Enter asks to
// run everything, Ctrl+Shift+Enter the selection. Tab indents; Ctrl+Tab and Ctrl+Shift+Tab leave
// the editor for keyboard users.
class SqlEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    QString selectedText() const;
    bool hasSelectedText() const;
    // The selection when there is one, otherwise the whole text.
    QString selectedOrAllText() const;
    QsciScintilla *editor() const { return m_editor; }
    // Inserts `text` at the cursor (over the selection, if any) and puts the cursor after it.
    void insertAtCursor(const QString &text);
    // Completion from this schema (Ctrl+Space; by itself after "alias." and, once there is a
    // schema, after three letters of a word).
    void setCompletionSchema(const Halo::SchemaSnapshot &schema,
                             Halo::SchemaDialect::Engine engine);
    SqlCompletionApis *completion() const { return m_completion; }

    void showFindBar();
    bool findNext(bool backwards = false); // the find bar's text from the cursor, wrapping

signals:
    void runAllRequested();
    void runSelectionRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpEditor();
    void releaseTabKeys();
    void applyPalette(); // the editor's colours from the current palette
    void hideFindBar();

    QsciScintilla *m_editor;
    SqlCompletionApis *m_completion = nullptr;
    QWidget *m_findBar;
    QLineEdit *m_findText;
    QToolButton *m_findPrevious;
    QToolButton *m_findNext;
    QToolButton *m_closeFind;
    QString m_lastFind;
};
