// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the result decoder tests share (tst_resultdecoder*.cpp): readable cells in QCOMPARE
// failures, data encoded as Halo sends it, and short ways to name columns and read cells.
#include "results/ResultDecoder.h"
#include "results/ResultTable.h"

#include <QStringList>
#include <QtTest>

#include <initializer_list>

using Halo::DecodedResult;
using Halo::ResultCell;
using Halo::ResultDecoder;
using Halo::ResultTable;
using Kind = Halo::ResultCell::Kind;

namespace Halo {

// Readable QCOMPARE failures.
inline char *toString(const ResultCell &cell)
{
    return QTest::toString(
        QStringLiteral("%1(%2)").arg(int(cell.kind())).arg(cell.toDisplayString()));
}

} // namespace Halo

// As Halo sends it: base64 of the JSON text.
inline DecodedResult decodeAsSent(const QByteArray &json)
{
    return ResultDecoder::decode(json.toBase64());
}

inline QStringList names(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *name : list)
        result.append(QString::fromUtf8(name));
    return result;
}

inline QString cellText(const DecodedResult &result, int row, int column)
{
    return result.table.cell(row, column).toDisplayString();
}
