// SPDX-License-Identifier: GPL-3.0-or-later
// What a result's data holds: the shape of the top-level value (rows, columns and rows, a
// DataSet, a page envelope, a scalar) and the fallbacks when it is no table. The JSON reader is
// JsonReader_p.h, the rows ResultRows_p.h, base64 Base64Decode.cpp.
#include "results/ResultDecoder.h"

#include "results/Base64Decode_p.h"
#include "results/JsonReader_p.h"
#include "results/ResultRows_p.h"

#include <vector>

namespace Halo {

namespace {

using detail::strictBase64;

// How many wrappers (a page envelope, JSON or base64 inside a JSON string) are opened.
constexpr int kUnwrapLevels = 2;

// Text a person can read: UTF-8 without control characters other than tab, line breaks and
// form feed. NUL and friends are valid UTF-8 but mean the payload is binary.
bool looksLikeText(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7F)
            return false;
    }
    return isValidUtf8(bytes);
}

bool isTableShape(DecodedResult::Shape shape)
{
    return shape != DecodedResult::Scalar && shape != DecodedResult::RawText &&
           shape != DecodedResult::RawBinary;
}

DecodedResult rawResult(QByteArrayView bytes, const QString &note)
{
    DecodedResult result;
    result.note = note;
    if (looksLikeText(bytes)) {
        result.shape = DecodedResult::RawText;
        result.rawText = QString::fromUtf8(bytes);
    } else {
        result.shape = DecodedResult::RawBinary;
        result.rawBytes = bytes.toByteArray();
    }
    return result;
}

DecodedResult decodeText(QByteArrayView text, int unwrapLevels);

void prependNote(DecodedResult &result, const QString &note)
{
    result.note = result.note.isEmpty() ? note : note + QLatin1Char(' ') + result.note;
}

// A top-level string: usually a scalar, but a JSON document or base64 inside a JSON string is
// opened when that yields a table.
bool readTopString(JsonReader &reader, DecodedResult &result, int unwrapLevels)
{
    QByteArrayView text;
    if (!reader.readString(&text))
        return false;
    const QByteArray value = text.toByteArray();
    if (unwrapLevels > 0 && reader.atEnd()) {
        const QByteArray trimmed = value.trimmed();
        DecodedResult inner;
        const char *note = nullptr;
        bool isBase64 = false;
        if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
            inner = decodeText(trimmed, unwrapLevels - 1);
            note = QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                     "The data was JSON text inside a JSON string.");
        } else if (const QByteArray bytes = strictBase64(trimmed, &isBase64);
                   isBase64 && !trimmed.isEmpty()) {
            inner = decodeText(bytes, unwrapLevels - 1);
            note = QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                     "The data was base64 inside a JSON string.");
        }
        if (note && isTableShape(inner.shape)) {
            result = inner;
            prependNote(result, translated(note));
            return true;
        }
    }
    result.shape = DecodedResult::Scalar;
    result.table.addColumn(QStringLiteral("Value"));
    result.table.addRow();
    result.table.setText(0, value);
    return true;
}

// A top-level object: columns + rows, {"rows": [...]}, a DataSet ({"Table": [...]}), or a page
// envelope ({"data": "<base64>"}). Members are located first, as `rows` may precede `columns`.
bool readTopObject(JsonReader &reader, DecodedResult &result, int unwrapLevels)
{
    struct Span {
        const char *begin = nullptr;
        const char *end = nullptr;
    };
    Span columnsSpan, rowsSpan, dataSpan;
    std::vector<Span> tables;
    QStringList tableNames;

    reader.expect('{');
    bool first = true;
    QByteArrayView key;
    while (reader.nextMember(first, &key)) {
        Span *target = nullptr;
        if (key.compare("columns", Qt::CaseInsensitive) == 0) {
            target = &columnsSpan;
        } else if (key.compare("rows", Qt::CaseInsensitive) == 0) {
            target = &rowsSpan;
        } else if (key.compare("data", Qt::CaseInsensitive) == 0) {
            target = &dataSpan;
        } else if (key.startsWith("Table")) {
            bool digitsOnly = true;
            for (const char c : key.sliced(5))
                digitsOnly = digitsOnly && c >= '0' && c <= '9';
            if (digitsOnly) {
                tableNames.append(QString::fromUtf8(key));
                tables.emplace_back();
                target = &tables.back();
            }
        }
        reader.peek();
        const char *begin = reader.position();
        if (!reader.skipValue(1))
            return false;
        if (target)
            *target = {begin, reader.position()};
    }
    if (reader.failed())
        return false;

    auto startsWith = [](const Span &span, char c) { return span.begin && *span.begin == c; };
    KeyedColumns columns(result.table);
    if (startsWith(columnsSpan, '[')) {
        JsonReader names = reader.part(columnsSpan.begin, columnsSpan.end);
        if (!readColumnNames(names, result.table, columns))
            return reader.failFrom(names);
        const Span rows = rowsSpan.begin ? rowsSpan : dataSpan;
        if (startsWith(rows, '[')) {
            JsonReader rowReader = reader.part(rows.begin, rows.end);
            DecodedResult::Shape ignored = DecodedResult::Empty;
            if (!readRows(rowReader, result.table, columns, &ignored))
                return reader.failFrom(rowReader);
        }
        result.shape = DecodedResult::ColumnsAndRows;
        return true;
    }
    const Span rows = startsWith(rowsSpan, '[') ? rowsSpan : dataSpan;
    if (startsWith(rows, '[')) {
        JsonReader rowReader = reader.part(rows.begin, rows.end);
        return readRows(rowReader, result.table, columns, &result.shape) ||
               reader.failFrom(rowReader);
    }
    if (startsWith(dataSpan, '"') && unwrapLevels > 0) {
        JsonReader dataReader = reader.part(dataSpan.begin, dataSpan.end);
        QByteArrayView text;
        dataReader.readString(&text);
        bool isBase64 = false;
        const QByteArray bytes = strictBase64(text, &isBase64);
        if (isBase64) {
            result = decodeText(bytes, unwrapLevels - 1);
            prependNote(result, translated(QT_TRANSLATE_NOOP(
                                    "Halo::ResultDecoder",
                                    "Opened the page envelope and decoded its base64 data.")));
            return true;
        }
    }
    if (!tables.empty() && startsWith(tables.front(), '[')) {
        JsonReader tableReader = reader.part(tables.front().begin, tables.front().end);
        if (!readRows(tableReader, result.table, columns, &result.shape))
            return reader.failFrom(tableReader);
        if (tables.size() > 1) {
            result.note =
                translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                             "The data holds %1 tables (%2); showing %3."))
                    .arg(tables.size())
                    .arg(tableNames.join(QLatin1String(", ")), tableNames.first());
        }
        return true;
    }
    return reader.fail(
        QT_TRANSLATE_NOOP("Halo::ResultDecoder", "an object without columns, rows or a table"));
}

DecodedResult decodeText(QByteArrayView text, int unwrapLevels)
{
    if (text.startsWith("\xEF\xBB\xBF")) // a byte-order mark, as .NET writers may add
        text = text.sliced(3);
    // UTF-8 is checked inside strings as they are read (JSON outside strings is ASCII), so
    // well-formed input is read in one pass; the whole text is checked only after a failure.
    const auto notUtf8 = [text] {
        return rawResult(text, translated(QT_TRANSLATE_NOOP(
                                   "Halo::ResultDecoder",
                                   "The data is not UTF-8 text, so it is shown as bytes.")));
    };
    JsonReader reader(text.data(), text.data() + text.size(), text.data());
    DecodedResult result;
    if (reader.atEnd()) {
        result.shape = DecodedResult::Empty;
        result.note =
            translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "The result holds no data."));
        return result;
    }
    bool ok = false;
    switch (reader.peek()) {
    case '[': {
        KeyedColumns columns(result.table);
        ok = readRows(reader, result.table, columns, &result.shape);
        break;
    }
    case '{':
        ok = readTopObject(reader, result, unwrapLevels);
        break;
    case '"':
        ok = readTopString(reader, result, unwrapLevels);
        break;
    default:
        result.shape = DecodedResult::Scalar;
        result.table.addColumn(QStringLiteral("Value"));
        result.table.addRow();
        ok = reader.readCell(result.table, 0);
        break;
    }
    if (ok && !reader.atEnd())
        ok = reader.fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "more text after the value"));
    if (!ok) {
        if (!isValidUtf8(text))
            return notUtf8();
        return rawResult(text,
                         translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                                      "The data is not a JSON table (%1), so it is "
                                                      "shown as it came."))
                             .arg(reader.errorText()));
    }
    result.table.squeeze();
    return result;
}

DecodedResult decodeData(QByteArrayView base64Data)
{
    bool isBase64 = false;
    const QByteArray bytes = strictBase64(base64Data, &isBase64);
    if (isBase64)
        return decodeText(bytes, kUnwrapLevels);

    // The decoded form is undocumented; if this is a JSON table already, show it as one.
    DecodedResult asJson = decodeText(base64Data, 0);
    if (isTableShape(asJson.shape) && asJson.shape != DecodedResult::Empty) {
        prependNote(asJson, translated(QT_TRANSLATE_NOOP(
                                "Halo::ResultDecoder",
                                "The data is not base64; it was read as JSON text.")));
        return asJson;
    }
    return rawResult(base64Data,
                     translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                                  "The data is not valid base64, so it is shown "
                                                  "as it came.")));
}

// In an object: the string value of `key`, or false when there is none (or the text is not
// JSON). `key` is matched case-sensitively, as Halo writes it.
bool findMember(JsonReader &reader, const char *key, char type, const char **begin,
                const char **end)
{
    if (!reader.expect('{'))
        return false;
    bool first = true;
    QByteArrayView name;
    while (reader.nextMember(first, &name)) {
        const bool wanted = name == QByteArrayView(key) && reader.peek() == type;
        const char *start = reader.position();
        if (!reader.skipValue(1))
            return false;
        if (wanted) {
            *begin = start;
            *end = reader.position();
            return true;
        }
    }
    return false;
}

} // namespace

DecodedResult ResultDecoder::decode(const QByteArray &base64Data)
{
    return decodeData(base64Data);
}

namespace {

DecodedResult noData()
{
    DecodedResult decoded;
    decoded.shape = DecodedResult::Empty;
    decoded.note =
        translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "The result holds no data."));
    return decoded;
}

// Runs `use` on the `data` string of an answer body (an immediate query's result or a page):
// a view that lives only during the call (an escaped string is unescaped into the reader's own
// buffer, which dies with it). noData() when there is none.
template <typename Use> DecodedResult withResponseData(const QByteArray &body, Use &&use)
{
    const char *origin = body.constData();
    JsonReader top(origin, origin + body.size(), origin);
    const char *begin = nullptr;
    const char *end = nullptr;
    bool found = false;
    if (top.peek() == '{') {
        JsonReader result = top;
        found = findMember(result, "result", '{', &begin, &end);
        if (found) {
            JsonReader inner = top.part(begin, end);
            found = findMember(inner, "data", '"', &begin, &end);
        } else {
            JsonReader page = top;
            found = findMember(page, "data", '"', &begin, &end);
        }
    }
    if (!found)
        return noData();
    JsonReader dataReader = top.part(begin, end);
    QByteArrayView data;
    dataReader.readString(&data);
    return use(data);
}

} // namespace

DecodedResult ResultDecoder::decodeResponseBody(const QByteArray &body)
{
    return withResponseData(body, [](QByteArrayView data) { return decodeData(data); });
}

DecodedResult ResultDecoder::takeResponseBody(QByteArray &body)
{
    return withResponseData(body, [&body](QByteArrayView data) {
        bool isBase64 = false;
        const QByteArray bytes = strictBase64(data, &isBase64);
        if (!isBase64)
            return decodeData(data); // the fallbacks read the text itself
        body = QByteArray(); // `data` is not read again: the decoded bytes are all that is left
        return decodeText(bytes, kUnwrapLevels);
    });
}

DecodedResult ResultDecoder::decodeJson(const QByteArray &json)
{
    return decodeText(json, kUnwrapLevels);
}

} // namespace Halo
