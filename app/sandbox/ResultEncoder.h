// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace Sandbox {

// The one place that decides what a result's `data` holds once base64-decoded.
// REFERENCE.md §2.7: the public material has no decoded example. Working assumption: a JSON
// array of row objects keyed by column name, in select order; NULL as null, integers and reals
// as JSON numbers, text as strings (dates are ISO-8601 text), blobs as base64 strings.
// Change this file, and only this file, when the real shape is confirmed.
class ResultEncoder
{
public:
    // The decoded JSON text for rows [first, first + count) (count < 0: to the end).
    static QByteArray encodeRows(const QStringList &columns, const QList<QVariantList> &rows,
                                 qsizetype first = 0, qsizetype count = -1);
    // base64 of encodeRows(): the value of `data`.
    static QByteArray encodeData(const QStringList &columns, const QList<QVariantList> &rows,
                                 qsizetype first = 0, qsizetype count = -1);
};

} // namespace Sandbox
