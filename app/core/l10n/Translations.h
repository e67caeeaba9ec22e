// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Halo {

// Installs the translators for `locale` (the default locale, QLocale(), by default): Qt's own
// catalogue (qtbase_<lang> from Qt's translations folder) and Halo Explorer's, embedded under
// :/i18n by the programs that link halo_translations. English plurals ("1 row", "2 rows") come
// from halo_explorer_en, which is installed under every other catalogue of ours. Called once by
// each main right after the application object; calling it again replaces the translators.
// Returns whether a catalogue of ours for the locale's language was found.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace Halo
