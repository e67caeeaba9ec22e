// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ServerText.h"

namespace Halo {

namespace {

bool isDropped(char16_t c)
{
    return (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || (c >= 0x7f && c < 0xa0) ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString shownServerText(const QString &text)
{
    qsizetype first = 0;
    while (first < text.size()) { // most texts are clean: no copy for them
        const char16_t c = text.at(first).unicode();
        if (isDropped(c) || c == u'\t' || c == u'\n' || c == u'\r')
            break;
        ++first;
    }
    if (first == text.size())
        return text;
    QString shown = text.left(first);
    shown.reserve(text.size());
    for (qsizetype i = first; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            continue; // CR LF is one break
        if (c == u'\t' || c == u'\n' || c == u'\r')
            shown += QLatin1Char(' ');
        else if (!isDropped(c))
            shown += text.at(i);
    }
    return shown;
}

} // namespace Halo
