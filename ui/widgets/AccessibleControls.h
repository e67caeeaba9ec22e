// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Screen readers see controls through Qt's accessibility interfaces. Two of Qt's own fall short
// on Linux (AT-SPI), so Halo Explorer puts its own in front of them:
// - a QLabel with an accessible name reports only that name: its text ("Online" under
//   "Availability") never reaches the reader. Labels here report the name and expose the text
//   as AT-SPI text (and as the value), selectable as the label allows;
// - a QComboBox reports its current text as its name, so "PMS" reads as "Best Practice". Combo
//   boxes here report their accessible name as the name and the current text as the value.
class QComboBox;
class QLabel;

namespace AccessibleControls {

// Installs the interface factory; safe to call more than once. Call it before the first
// accessibility query (widgets that rely on it call it in their constructors).
void install();

// A label that shows a value: reachable with the keys (it takes focus), selectable and copyable.
void makeSelectable(QLabel *label);

// An editable combo box's line edit is a control of its own to assistive technology: it is
// named after the combo box ("Catalogue text"), which keeps the combo box's name its own.
// Call again after the combo box is renamed or made editable.
void nameEditor(QComboBox *combo);

} // namespace AccessibleControls
