// SPDX-License-Identifier: GPL-3.0-or-later
// The result decoder on arbitrary bytes, as a response body, as `data` and as decoded text, with
// two differential checks: our fast base64 against Qt's decoder, and our JSON table reading
// against QJsonDocument's reading of the same text. Any disagreement aborts.
#include "FuzzSupport.h"

#include "results/Base64Decode_p.h"
#include "results/ResultDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

using Halo::DecodedResult;
using Halo::ResultCell;
using Halo::ResultDecoder;
using Halo::ResultTable;
using HaloFuzz::check;

constexpr qint64 kMaxCellsVisited = 200000;

// Reads every cell (up to a limit) the ways the grid and the exporters do.
void walk(const DecodedResult &result)
{
    const ResultTable &table = result.table;
    std::vector<ResultTable::CellView> cells;
    qint64 visited = 0;
    for (int row = 0; row < table.rowCount() && visited < kMaxCellsVisited; ++row) {
        table.viewRow(row, cells);
        check(int(cells.size()) == table.columnCount(), "viewRow gave a wrong cell count");
        for (int column = 0; column < table.columnCount(); ++column, ++visited) {
            const ResultCell cell = table.cell(row, column);
            check(cell.kind() == table.kind(row, column), "cell() and kind() disagree");
            check(cell.kind() == cells[size_t(column)].kind, "cell() and viewRow() disagree");
            (void)cell.toDisplayString();
        }
    }
    (void)table.cell(table.rowCount(), table.columnCount()); // out of range: a null
    (void)table.memoryUsed();
}

bool sameResult(const DecodedResult &a, const DecodedResult &b)
{
    if (a.shape != b.shape || a.note != b.note || a.rawText != b.rawText ||
        a.rawBytes != b.rawBytes || a.table.columns() != b.table.columns() ||
        a.table.rowCount() != b.table.rowCount()) {
        return false;
    }
    qint64 visited = 0;
    for (int row = 0; row < a.table.rowCount() && visited < kMaxCellsVisited; ++row) {
        for (int column = 0; column < a.table.columnCount(); ++column, ++visited) {
            if (a.table.cell(row, column) != b.table.cell(row, column))
                return false;
        }
    }
    return true;
}

// Our base64 (fast path, then Qt with line breaks removed) must agree with Qt's strict decoder.
void checkBase64(QByteArrayView text)
{
    bool ok = false;
    const QByteArray ours = Halo::detail::strictBase64(text, &ok);
    QByteArray compact = text.toByteArray();
    compact.replace('\n', QByteArray()).replace('\r', QByteArray());
    compact.replace(' ', QByteArray()).replace('\t', QByteArray());
    const auto qt =
        QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    check(ok == bool(qt), "strictBase64 and Qt disagree on whether this is base64",
          text.toByteArray().left(200));
    if (ok)
        check(ours == *qt, "strictBase64 and Qt decode to different bytes",
              text.toByteArray().left(200));
}

int depthOf(const QJsonValue &value)
{
    int deepest = 0;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            deepest = std::max(deepest, depthOf(item));
        return deepest + 1;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            deepest = std::max(deepest, depthOf(it.value()));
        return deepest + 1;
    }
    return 0;
}

// Qt takes control characters and unknown escapes ("\8") inside strings, which RFC 8259 (and
// our reader) refuses.
bool laxString(const QByteArray &text)
{
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString && static_cast<unsigned char>(c) < 0x20)
            return true;
        if (inString && c == '\\') {
            if (i + 1 < text.size() && !std::strchr("\"\\/bfnrtu", text.at(i + 1)))
                return true;
            ++i;
        } else if (c == '"') {
            inString = !inString;
        }
    }
    return false;
}

// Unpaired surrogates as U+FFFD, as our reader writes them (Qt keeps them in some form).
QString pairedSurrogates(const QString &text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c.isHighSurrogate() && i + 1 < out.size() && out.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            out[i] = QChar(QChar::ReplacementCharacter);
    }
    return out;
}

QString withoutBom(QString name)
{
    if (name.startsWith(QChar(0xFEFF)))
        name.remove(0, 1);
    return name;
}

// One of our cells against the value QJsonDocument read for it.
void checkCell(const ResultCell &cell, const QJsonValue &value, const QByteArray &where)
{
    using Kind = ResultCell::Kind;
    switch (value.type()) {
    case QJsonValue::Null:
        check(cell.kind() == Kind::Null, "Qt read null, we did not", where);
        return;
    case QJsonValue::Bool:
        check(cell.kind() == Kind::Boolean && cell.toBoolean() == value.toBool(),
              "Qt read a boolean, we read something else", where);
        return;
    case QJsonValue::Double: {
        const double expected = value.toDouble();
        if (!std::isfinite(expected))
            return;
        if (cell.kind() == Kind::Integer) {
            check(double(cell.toInteger()) == expected, "an integer differs from Qt's", where);
        } else if (cell.kind() == Kind::Real && cell.text().isEmpty()) {
            check(cell.toReal() == expected, "a real differs from Qt's", where);
        } else if (cell.kind() == Kind::Real) { // exact digits kept as text
            bool ok = false;
            const double ours = cell.text().toDouble(&ok);
            check(!ok || ours == expected, "a number kept as text differs from Qt's", where);
        } else {
            HaloFuzz::fail("Qt read a number, we read something else", where);
        }
        return;
    }
    case QJsonValue::String:
        check(cell.kind() == Kind::String || cell.kind() == Kind::Date ||
                  cell.kind() == Kind::DateTime,
              "Qt read a string, we read something else", where);
        check(cell.text() == pairedSurrogates(value.toString()), "a string differs from Qt's",
              where);
        return;
    case QJsonValue::Array:
    case QJsonValue::Object: {
        // Nested values are kept as their JSON text.
        check(cell.kind() == Kind::String, "Qt read a nested value, we did not keep its text",
              where);
        const QJsonDocument inner = QJsonDocument::fromJson(cell.text().toUtf8());
        const QJsonValue ours =
            inner.isArray() ? QJsonValue(inner.array()) : QJsonValue(inner.object());
        check(ours == value, "a nested value differs from Qt's", where);
        return;
    }
    case QJsonValue::Undefined:
        return;
    }
}

void checkRowObjects(const QJsonArray &rows, const ResultTable &table, const QByteArray &text)
{
    QStringList keys; // distinct, any order
    QSet<QString> seen;
    bool plainKeys = true;
    for (const QJsonValue &row : rows) {
        const QJsonObject object = row.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            plainKeys = plainKeys && !it.key().isEmpty() && !it.key().startsWith(QChar(0xFEFF));
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                keys.append(it.key());
            }
        }
    }
    if (!plainKeys) // empty keys get made-up names; a BOM in a key may be dropped
        return;
    check(table.columnCount() == keys.size(), "column count differs from Qt's", text.left(200));
    QHash<QString, int> columnOf;
    for (int column = 0; column < table.columnCount(); ++column)
        columnOf.insert(withoutBom(table.columns().at(column)), column);
    for (const QString &key : keys)
        check(columnOf.contains(key), "Qt read a column we do not have", key.toUtf8());
    qint64 visited = 0;
    for (int r = 0; r < rows.size() && visited < kMaxCellsVisited; ++r) {
        const QJsonObject object = rows.at(r).toObject();
        for (const QString &key : keys) {
            ++visited;
            const int column = columnOf.value(key);
            const QByteArray where = "row " + QByteArray::number(r) + " column " + key.toUtf8();
            if (object.contains(key))
                checkCell(table.cell(r, column), object.value(key), where);
            else
                check(table.cell(r, column).isNull(), "a missing key is not null", where);
        }
    }
}

void checkArrayRows(const QJsonArray &rows, const ResultTable &table, const QByteArray &text)
{
    qsizetype width = 0;
    for (const QJsonValue &row : rows)
        width = std::max(width, row.toArray().size());
    check(table.columnCount() == width, "column count differs from Qt's", text.left(200));
    qint64 visited = 0;
    for (int r = 0; r < rows.size() && visited < kMaxCellsVisited; ++r) {
        const QJsonArray row = rows.at(r).toArray();
        for (int column = 0; column < width; ++column, ++visited) {
            const QByteArray where =
                "row " + QByteArray::number(r) + " column " + QByteArray::number(column);
            if (column < row.size())
                checkCell(table.cell(r, column), row.at(column), where);
            else
                check(table.cell(r, column).isNull(), "a missing cell is not null", where);
        }
    }
}

// Decoded text that is a top-level array: our reading against QJsonDocument's.
void checkAgainstQt(QByteArray text, const DecodedResult &ours)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    if (!text.trimmed().startsWith('['))
        return;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    const bool oursRead = ours.isTable() && ours.shape != DecodedResult::Scalar;
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        // Numbers beyond double's range are kept as their digits; Qt refuses them.
        check(!oursRead || error.error == QJsonParseError::IllegalNumber,
              "we read a table where Qt finds no JSON", text.left(200));
        return;
    }
    // Qt drops a byte-order mark inside a key in some places and not in others (and this
    // decoder's handling of one is changing): such texts are not compared.
    if (text.contains("\xEF\xBB\xBF"))
        return;
    const QJsonArray rows = document.array();
    bool allObjects = true, allArrays = true;
    for (const QJsonValue &row : rows) {
        allObjects = allObjects && row.isObject();
        allArrays = allArrays && row.isArray();
    }
    const bool aTable = allObjects || allArrays;
    // Qt reads deeper nesting than we do (256 levels); below that, a table must be read.
    if (aTable && depthOf(document.array()) < 200 && !laxString(text))
        check(oursRead, "Qt reads a table that we do not", text.left(200));
    if (!oursRead)
        return;
    check(ours.table.rowCount() == rows.size(), "row count differs from Qt's", text.left(200));
    if (rows.isEmpty())
        check(ours.shape == DecodedResult::Empty, "an empty array is not Empty");
    else if (allObjects)
        checkRowObjects(rows, ours.table, text);
    else
        checkArrayRows(rows, ours.table, text);
}

// The `data` string of an envelope ({"data": ...} or {"result": {"data": ...}}), if any.
bool envelopeData(const QByteArray &body, QString *data)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return false;
    QJsonObject object = document.object();
    if (object.value(QLatin1String("result")).isObject())
        object = object.value(QLatin1String("result")).toObject();
    const QJsonValue value = object.value(QLatin1String("data"));
    if (!value.isString())
        return false;
    *data = value.toString();
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    const QByteArray input =
        HaloFuzz::expandRecipe(QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)));

    const DecodedResult fromBody = ResultDecoder::decodeResponseBody(input);
    walk(fromBody);
    const DecodedResult fromData = ResultDecoder::decode(input);
    walk(fromData);
    const DecodedResult fromJson = ResultDecoder::decodeJson(input);
    walk(fromJson);
    checkBase64(input);

    // The same text as base64 decodes exactly as the text itself.
    const DecodedResult viaBase64 = ResultDecoder::decode(input.toBase64());
    check(sameResult(viaBase64, fromJson), "decode(base64(x)) differs from decodeJson(x)",
          input.left(200));
    checkAgainstQt(input, fromJson);

    // A valid envelope: its base64 against Qt's, its decoded text against QJsonDocument.
    QString data;
    if (envelopeData(input, &data)) {
        const QByteArray utf8 = data.toUtf8();
        checkBase64(utf8);
        bool ok = false;
        const QByteArray decoded = Halo::detail::strictBase64(utf8, &ok);
        if (ok) {
            const DecodedResult inner = ResultDecoder::decodeJson(decoded);
            check(sameResult(ResultDecoder::decodeResponseBody(input), fromBody),
                  "decodeResponseBody is not deterministic");
            checkAgainstQt(decoded, inner);
        }
    }
    return 0;
}
