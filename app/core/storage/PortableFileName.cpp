// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/PortableFileName.h"

#include <QRegularExpression>

namespace Halo {

namespace {

// Windows refuses these as a file's name before the first dot, in any case.
bool isWindowsDeviceName(const QString &stem)
{
    static const QRegularExpression device(
        QStringLiteral("^(CON|PRN|AUX|NUL|COM[0-9\\x{00B9}\\x{00B2}\\x{00B3}]|"
                       "LPT[0-9\\x{00B9}\\x{00B2}\\x{00B3}]|CONIN\\$|CONOUT\\$)$"),
        QRegularExpression::CaseInsensitiveOption);
    return device.match(stem.section(QLatin1Char('.'), 0, 0)).hasMatch();
}

} // namespace

QString portableFileName(const QString &stem, const QString &extension, int maxStem)
{
    QString name;
    name.reserve(stem.size());
    for (const QChar c : stem) {
        const bool kept = c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_');
        // One dash for a run of replaced characters: "Patient?name=x" -> "Patient-name-x".
        if (kept)
            name += c;
        else if (!name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    const auto trim = [&name]() {
        while (!name.isEmpty() &&
               (name.front() == QLatin1Char('-') || name.front() == QLatin1Char('_')))
            name.remove(0, 1);
        while (!name.isEmpty() && name.back() == QLatin1Char('-'))
            name.chop(1);
    };
    trim();
    name.truncate(qMax(1, maxStem));
    trim(); // cutting may leave a dash at the end
    if (name.isEmpty())
        name = QStringLiteral("untitled");
    if (isWindowsDeviceName(name))
        name.prepend(QLatin1Char('_'));
    return extension.isEmpty() ? name : name + QLatin1Char('.') + extension;
}

} // namespace Halo
