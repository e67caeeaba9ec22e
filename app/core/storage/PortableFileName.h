// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Halo {

// A file name made from what the user typed (a FHIR request line, a report's title) that every
// platform accepts: letters and digits of any script, '-' and '_' kept; anything else (path
// separators, Windows' < > : " | ? * and control characters, spaces) becomes '-'; no leading
// or trailing dots, dashes or spaces; never a Windows device name (CON, NUL, COM1, ...,
// whatever the extension); the stem cut to `maxStem` characters. "untitled" when nothing is
// left. `extension` is without its dot ("json").
QString portableFileName(const QString &stem, const QString &extension, int maxStem = 60);

} // namespace Halo
