// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "results/ResultTable.h"

#include <QByteArray>
#include <QString>

namespace Halo {

// What a result page's `data` turned out to hold. Nothing is ever a failure: what is not a table
// comes back as text or bytes, with a note saying why.
struct DecodedResult {
    enum Shape {
        RowObjects,     // [{"a":1,"b":2}, ...]; also inside {"rows":[...]} or {"Table":[...]}
        ColumnsAndRows, // {"columns":["a","b"],"rows":[[1,2],...]}
        ArrayOfArrays,  // [[1,2],...]; columns are named Column1, Column2, ...
        Scalar,         // a bare JSON value: one row, one column named Value
        Empty,          // [] or no data at all
        RawText,        // not a table; rawText holds the text
        RawBinary       // not UTF-8 text; rawBytes holds the bytes
    };

    ResultTable table;
    Shape shape = Empty;
    QString rawText;
    QByteArray rawBytes;
    QString note; // translated; why it fell back, or what was unwrapped on the way

    bool isTable() const { return shape != RawText && shape != RawBinary; }
};

// Decodes SQL query results as Halo sends them: base64 of (probably) JSON. The decoded
// structure is not documented (REFERENCE §2.7), so several plausible shapes are accepted. Column
// order follows the text, as a JSON object's key order carries the SELECT list's order.
// Reentrant: call it from any thread.
class ResultDecoder
{
public:
    // `data` of a result, a result page or a registered query's latest run. Input that is not
    // base64 but is a JSON table is read as JSON (with a note); otherwise it comes back RawText.
    static DecodedResult decode(const QByteArray &base64Data);
    // The body of an answer as it came over the wire: an immediate query's {"result": {"data":
    // ...}} or a result page's {"data": ...}. Finds `data` without building a JSON document
    // around megabytes of base64, then decodes it as decode() does. Empty when there is none.
    static DecodedResult decodeResponseBody(const QByteArray &body);
    // The same, and `body` is cleared as soon as its data is decoded from base64: when the
    // caller held the only copy, the body is freed before the table is built.
    static DecodedResult takeResponseBody(QByteArray &body);
    // Text that is already decoded, such as the body of a page's /stream endpoint. A {"data":
    // "<base64>"} envelope and a JSON document inside a JSON string are unwrapped.
    static DecodedResult decodeJson(const QByteArray &json);
};

} // namespace Halo
