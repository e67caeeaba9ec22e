// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A ResultTable from JSON text, for the result grid and export tests.
#include "results/ResultDecoder.h"
#include "results/ResultTable.h"

#include <QByteArray>
#include <QtGlobal>

inline Halo::ResultTable tableFrom(const char *json)
{
    const Halo::DecodedResult decoded = Halo::ResultDecoder::decodeJson(QByteArray(json));
    if (!decoded.isTable())
        qFatal("not a table: %s", json);
    return decoded.table;
}
