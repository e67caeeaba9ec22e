// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Cli {

class OutputBuffer;

// JSON as text, for output where the order of keys carries meaning: a result's columns, or an
// API object printed as Halo sent it (QJsonObject would sort the keys).
class JsonText
{
public:
    // A JSON string literal: quoted, with quotes, backslashes and control characters escaped.
    static QString quoted(const QString &text);
    // The same literal for UTF-8 text, written to `out`: quoted() of the same string, as UTF-8.
    static void writeQuoted(QByteArrayView utf8, OutputBuffer &out);
    // The same document indented by two spaces per level, keys and numbers exactly as sent.
    // Text that is not JSON comes back unchanged.
    static QByteArray indented(const QByteArray &json);
};

} // namespace Cli
