// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// A line above the site list that says what just happened to it (sites removed, a file
// imported, a change refused) without a dialog in the way; for a removal it offers Undo.
class SiteListNotice : public QFrame
{
    Q_OBJECT
public:
    explicit SiteListNotice(QWidget *parent = nullptr);

    void showText(const QString &text, bool offerUndo = false);
    QString text() const;

signals:
    void undoRequested();

private:
    QLabel *m_text;
    QPushButton *m_undo;
    QPushButton *m_dismiss;
};
