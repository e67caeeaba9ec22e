// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QString;
class QWidget;

// Asks, in privacy mode, before a copy or a save writes out values hidden on screen. `question`
// says what would be revealed ("This copies 12 values from 3 hidden columns (Surname, DOB,
// Medicare)."). True only when the user chooses Reveal; the default is to keep them hidden.
bool askToReveal(QWidget *parent, const QString &title, const QString &question);
