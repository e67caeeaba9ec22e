// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "about/BuildInfo.h"

#include <QDialog>

class QPlainTextEdit;

// Help > About: the version of every part (Halo Explorer, Qt, QtKeychain, QScintilla), the
// licence and the third-party notices, each as text that can be read, selected and copied.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The window's parts and versions: the core's list plus what only the widgets know.
    static Halo::BuildInfo buildInfo();

private:
    QPlainTextEdit *textPage(const QString &name, const QString &text);
};
