// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

#include "net/Environment.h"

class QWidget;

// Every colour the window uses beyond its palette, in one place. Each role has a light and a
// dark variant, chosen by the lightness of the palette's Window colour, and is then made to read
// at least 4.5:1 (WCAG AA) against the background it is drawn on; so a dark desktop theme never
// shows dark text on a dark background. Widgets ask again on QEvent::PaletteChange.
// (The verification report, HTML/PDF printed on white paper, keeps its own fixed colours.)
namespace ThemeColours {

// WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// `colour`, made lighter or darker until it reads `minimum`:1 on `background`.
QColor readableOn(const QColor &colour, const QColor &background, double minimum = 4.5);

bool isDark(const QPalette &palette);

// Status text, readable on the palette's `background` role (Window for labels, Base for views).
QColor good(const QPalette &palette, QPalette::ColorRole background = QPalette::Window);
QColor warning(const QPalette &palette, QPalette::ColorRole background = QPalette::Window);
QColor bad(const QPalette &palette, QPalette::ColorRole background = QPalette::Window);
QColor muted(const QPalette &palette, QPalette::ColorRole background = QPalette::Window);

// A band with its own background: the environment banner (Production red, Stage blue, Sandbox
// green, Custom purple) and the status panel's notice.
struct Band {
    QColor background;
    QColor text;
};
Band environmentBand(Halo::Environment environment);
Band notice(const QPalette &palette);

// The background of a search field that found nothing.
QColor notFoundBackground(const QPalette &palette);

// The async status timeline's bars.
enum class TimelineState { Initialising, Queued, Executing, Downloading, Uploading, Other };
QColor timeline(TimelineState state, const QPalette &palette);

// The SQL editor (QScintilla) beyond paper, text, caret and margins (taken from the palette).
struct SqlColours {
    QColor keyword;
    QColor string;
    QColor comment;
    QColor number;
    QColor caretLine;
};
SqlColours sql(const QPalette &palette);

enum class Role { Good, Warning, Bad, Muted };
QColor colour(Role role, const QPalette &palette,
              QPalette::ColorRole background = QPalette::Window);

// "QLabel { color: #rrggbb; }" plus `extra` declarations: for labels styled by a sheet.
QString labelStyleSheet(const QColor &colour, const QString &extra = QString());
// Gives `label` the text colour of `role` (and `extra` declarations, e.g. "font-weight: bold;")
// now and again whenever its palette changes (a dark theme switched on while it runs).
void styleLabel(QWidget *label, Role role, const QString &extra = QString());

} // namespace ThemeColours
