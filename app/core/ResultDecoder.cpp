#include "ResultDecoder.h"

#include <QCoreApplication>
#include <QHash>

#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace Halo {

namespace {

const char *const kContext = "Halo::ResultDecoder";
// Deep enough for any real payload, shallow enough that recursion cannot exhaust the stack.
constexpr int kMaxDepth = 256;
// How many wrappers (a page envelope, JSON or base64 inside a JSON string) are opened.
constexpr int kUnwrapLevels = 2;

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

bool isValidUtf8(QByteArrayView bytes)
{
    auto p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto end = p + bytes.size();
    while (p < end) {
        if (end - p >= 8) {
            quint64 chunk;
            std::memcpy(&chunk, p, sizeof chunk);
            if ((chunk & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t code = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            code = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            code = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            code = lead & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        if ((extra == 2 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
            (extra == 3 && (code < 0x10000 || code > 0x10FFFF))) {
            return false;
        }
        p += extra + 1;
    }
    return true;
}

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

void appendUtf8(std::string &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

bool readHex4(const char *p, char32_t *value)
{
    char32_t result = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        int digit = 0;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return false;
        result = (result << 4) | char32_t(digit);
    }
    *value = result;
    return true;
}

// A pull reader over UTF-8 JSON text (RFC 8259, strict) that writes values straight into a
// ResultTable: no document tree, and strings without escapes are never copied twice.
class JsonReader
{
public:
    JsonReader(const char *begin, const char *end, const char *origin)
        : m_pos(begin)
        , m_end(end)
        , m_origin(origin)
    {}

    // A reader over part of the same text, for a value found earlier by skipValue().
    JsonReader part(const char *begin, const char *end) const { return {begin, end, m_origin}; }

    const char *position() const { return m_pos; }
    bool failed() const { return m_error != nullptr; }
    bool atEnd()
    {
        skipSpace();
        return m_pos == m_end;
    }
    // The next non-space character, or NUL at the end.
    char peek()
    {
        skipSpace();
        return m_pos < m_end ? *m_pos : '\0';
    }

    bool fail(const char *message)
    {
        if (!m_error) {
            m_error = message;
            m_errorOffset = m_pos - m_origin;
        }
        return false;
    }
    bool failFrom(const JsonReader &other)
    {
        if (!m_error) {
            m_error = other.m_error;
            m_errorOffset = other.m_errorOffset;
        }
        return false;
    }
    QString errorText() const
    {
        return translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "%1 at byte %2"))
            .arg(translated(m_error ? m_error : ""))
            .arg(m_errorOffset);
    }

    bool expect(char c)
    {
        if (peek() != c)
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "unexpected character"));
        ++m_pos;
        return true;
    }

    // Call after the opening bracket; true while another element follows. Check failed() after.
    bool nextItem(char close, bool &first)
    {
        const char c = peek();
        if (c == close) {
            ++m_pos;
            return false;
        }
        if (!first) {
            if (c != ',')
                return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "expected a comma"));
            ++m_pos;
        }
        first = false;
        return true;
    }

    // Like nextItem() for objects; `key` is valid until the next string is read.
    bool nextMember(bool &first, QByteArrayView *key)
    {
        if (!nextItem('}', first))
            return false;
        if (peek() != '"')
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "expected a quoted key"));
        if (!readString(key))
            return false;
        if (peek() != ':')
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "expected a colon"));
        ++m_pos;
        return true;
    }

    // At a '"'. The result points into the input, or into a scratch buffer when it had escapes.
    bool readString(QByteArrayView *out)
    {
        const char *p = ++m_pos;
        while (p < m_end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
            ++p;
        if (p < m_end && *p == '"') {
            *out = QByteArrayView(m_pos, p - m_pos);
            m_pos = p + 1;
            return true;
        }
        m_scratch.assign(m_pos, p);
        while (p < m_end) {
            const char c = *p;
            if (c == '"') {
                *out = QByteArrayView(m_scratch.data(), qsizetype(m_scratch.size()));
                m_pos = p + 1;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                m_pos = p;
                return fail(
                    QT_TRANSLATE_NOOP("Halo::ResultDecoder", "control character inside a string"));
            }
            if (c != '\\') {
                const char *run = p;
                while (p < m_end && *p != '"' && *p != '\\' &&
                       static_cast<unsigned char>(*p) >= 0x20) {
                    ++p;
                }
                m_scratch.append(run, p);
                continue;
            }
            if (!readEscape(p))
                return false;
        }
        m_pos = p;
        return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "unterminated string"));
    }

    // Reads one value into the last row of `table`. Nested arrays and objects are kept as their
    // JSON text.
    bool readCell(ResultTable &table, int column)
    {
        QByteArrayView text;
        switch (peek()) {
        case '"':
            if (!readString(&text))
                return false;
            table.setText(column, text);
            return true;
        case '[':
        case '{': {
            const char *start = m_pos;
            if (!skipValue(1))
                return false;
            table.setText(column, QByteArrayView(start, m_pos - start));
            return true;
        }
        case 't':
            table.setBoolean(column, true);
            return readLiteral("true");
        case 'f':
            table.setBoolean(column, false);
            return readLiteral("false");
        case 'n':
            table.setNull(column);
            return readLiteral("null");
        default:
            return readNumber(table, column);
        }
    }

    bool skipValue(int depth = 0)
    {
        if (depth > kMaxDepth)
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "nested too deeply"));
        QByteArrayView ignored;
        bool first = true;
        switch (peek()) {
        case '"':
            return readString(&ignored);
        case '[':
            ++m_pos;
            while (nextItem(']', first)) {
                if (!skipValue(depth + 1))
                    return false;
            }
            return !failed();
        case '{':
            ++m_pos;
            while (nextMember(first, &ignored)) {
                if (!skipValue(depth + 1))
                    return false;
            }
            return !failed();
        case 't':
            return readLiteral("true");
        case 'f':
            return readLiteral("false");
        case 'n':
            return readLiteral("null");
        default: {
            const char *start = nullptr;
            bool integral = false;
            return scanNumber(&start, &integral);
        }
        }
    }

private:
    void skipSpace()
    {
        while (m_pos < m_end &&
               (*m_pos == ' ' || *m_pos == '\n' || *m_pos == '\r' || *m_pos == '\t')) {
            ++m_pos;
        }
    }

    bool readLiteral(const char *word)
    {
        const auto length = qsizetype(std::strlen(word));
        if (m_end - m_pos < length || std::memcmp(m_pos, word, size_t(length)) != 0)
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid value"));
        m_pos += length;
        return true;
    }

    // At a backslash inside a string; appends the character it stands for to the scratch.
    bool readEscape(const char *&p)
    {
        if (m_end - p < 2) {
            m_pos = p;
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "unterminated string"));
        }
        static constexpr char kEscapes[] = "\"\\/bfnrt";
        static constexpr char kMeanings[] = "\"\\/\b\f\n\r\t";
        const char c = p[1];
        const char *simple = c != '\0' ? std::strchr(kEscapes, c) : nullptr;
        if (simple) {
            m_scratch += kMeanings[simple - kEscapes];
            p += 2;
            return true;
        }
        char32_t unit = 0;
        if (c != 'u' || m_end - p < 6 || !readHex4(p + 2, &unit)) {
            m_pos = p;
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid escape in a string"));
        }
        p += 6;
        char32_t code = unit;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            char32_t low = 0;
            if (m_end - p >= 6 && p[0] == '\\' && p[1] == 'u' && readHex4(p + 2, &low) &&
                low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            } else {
                code = 0xFFFD; // a lone high surrogate has no character
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            code = 0xFFFD;
        }
        appendUtf8(m_scratch, code);
        return true;
    }

    bool scanNumber(const char **start, bool *integral)
    {
        const char *p = m_pos;
        *start = p;
        *integral = true;
        auto isDigit = [this](const char *q) { return q < m_end && *q >= '0' && *q <= '9'; };
        if (p < m_end && *p == '-')
            ++p;
        if (p < m_end && *p == '0') {
            ++p;
        } else if (isDigit(p)) {
            while (isDigit(p))
                ++p;
        } else {
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid value"));
        }
        if (p < m_end && *p == '.') {
            *integral = false;
            if (!isDigit(++p)) {
                m_pos = p;
                return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid number"));
            }
            while (isDigit(p))
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            *integral = false;
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (!isDigit(p)) {
                m_pos = p;
                return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid number"));
            }
            while (isDigit(p))
                ++p;
        }
        m_pos = p;
        return true;
    }

    // Integers that fit qint64 stay integers; larger ones, and reals beyond double's range, keep
    // their exact text (kind Real).
    bool readNumber(ResultTable &table, int column)
    {
        const char *start = nullptr;
        bool integral = false;
        if (!scanNumber(&start, &integral))
            return false;
        const QByteArrayView text(start, m_pos - start);
        if (integral) {
            const bool negative = *start == '-';
            const quint64 limit = negative ? quint64(1) << 63 : (quint64(1) << 63) - 1;
            quint64 value = 0;
            for (const char *p = start + (negative ? 1 : 0); p < m_pos; ++p) {
                const auto digit = quint64(*p - '0');
                if (value > (limit - digit) / 10) {
                    table.setNumberText(column, text);
                    return true;
                }
                value = value * 10 + digit;
            }
            if (!negative)
                table.setInteger(column, qint64(value));
            else if (value == limit)
                table.setInteger(column, std::numeric_limits<qint64>::min());
            else
                table.setInteger(column, -qint64(value));
            return true;
        }
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (ok)
            table.setReal(column, value);
        else
            table.setNumberText(column, text);
        return true;
    }

    const char *m_pos;
    const char *m_end;
    const char *m_origin;
    const char *m_error = nullptr;
    qsizetype m_errorOffset = 0;
    std::string m_scratch; // keeps its capacity, so escaped strings reuse one buffer
};

QString columnName(QByteArrayView key, int index)
{
    return key.isEmpty() ? QStringLiteral("Column%1").arg(index + 1) : QString::fromUtf8(key);
}

// Maps the keys of row objects to table columns. Rows nearly always repeat the same key order,
// so the column used at the same position in the previous row is tried before the hash.
class KeyedColumns
{
public:
    explicit KeyedColumns(ResultTable &table)
        : m_table(table)
    {}

    // A column named up front (a `columns` list); rows are expected in that order.
    void add(QByteArrayView key, int column)
    {
        remember(key.toByteArray(), column);
        m_lastOrder.push_back(column);
    }

    int column(QByteArrayView key, int position, int previousColumn)
    {
        const auto slot = size_t(position);
        if (slot < m_lastOrder.size() && matches(m_lastOrder[slot], key))
            return m_lastOrder[slot];
        int found = matches(previousColumn + 1, key) ? previousColumn + 1 : -1;
        if (found < 0) {
            const QByteArray owned = key.toByteArray();
            found = m_index.value(owned, -1);
            if (found < 0) {
                found = m_table.addColumn(columnName(key, m_table.columnCount()));
                remember(owned, found);
            }
        }
        if (slot >= m_lastOrder.size())
            m_lastOrder.resize(slot + 1, -1);
        m_lastOrder[slot] = found;
        return found;
    }

private:
    void remember(const QByteArray &key, int column)
    {
        if (m_keys.size() <= size_t(column))
            m_keys.resize(size_t(column) + 1);
        m_keys[size_t(column)] = key;
        if (!m_index.contains(key))
            m_index.insert(key, column); // a repeated name maps to its first column
    }

    bool matches(int column, QByteArrayView key) const
    {
        return column >= 0 && size_t(column) < m_keys.size() &&
               QByteArrayView(m_keys[size_t(column)]) == key;
    }

    ResultTable &m_table;
    std::vector<QByteArray> m_keys; // by column index
    QHash<QByteArray, int> m_index;
    std::vector<int> m_lastOrder; // the column of the n-th key of the previous row
};

bool readObjectRow(JsonReader &reader, ResultTable &table, KeyedColumns &columns)
{
    reader.expect('{');
    bool first = true;
    QByteArrayView key;
    int position = 0;
    int column = -1;
    while (reader.nextMember(first, &key)) {
        column = columns.column(key, position++, column);
        if (!reader.readCell(table, column))
            return false;
    }
    return !reader.failed();
}

bool readArrayRow(JsonReader &reader, ResultTable &table)
{
    reader.expect('[');
    bool first = true;
    int column = 0;
    while (reader.nextItem(']', first)) {
        if (column >= table.columnCount())
            table.addColumn(columnName({}, column));
        if (!reader.readCell(table, column++))
            return false;
    }
    return !reader.failed();
}

// An array of rows: all objects (keyed) or all arrays (positional).
bool readRows(JsonReader &reader, ResultTable &table, KeyedColumns &columns,
              DecodedResult::Shape *shape)
{
    if (!reader.expect('['))
        return false;
    bool first = true;
    char rowStart = '\0';
    while (reader.nextItem(']', first)) {
        const char c = reader.peek();
        if (rowStart == '\0')
            rowStart = c;
        if (c != rowStart || (c != '{' && c != '[')) {
            return reader.fail(
                QT_TRANSLATE_NOOP("Halo::ResultDecoder", "rows are not all objects or all arrays"));
        }
        table.addRow();
        const bool ok =
            c == '{' ? readObjectRow(reader, table, columns) : readArrayRow(reader, table);
        if (!ok)
            return false;
    }
    if (rowStart == '\0')
        *shape = DecodedResult::Empty;
    else
        *shape = rowStart == '{' ? DecodedResult::RowObjects : DecodedResult::ArrayOfArrays;
    return !reader.failed();
}

// `columns`: names, or objects with a name / ColumnName member.
bool readColumnNames(JsonReader &reader, ResultTable &table, KeyedColumns &columns)
{
    reader.expect('[');
    bool first = true;
    while (reader.nextItem(']', first)) {
        QByteArray name;
        QByteArrayView text;
        if (reader.peek() == '"') {
            if (!reader.readString(&text))
                return false;
            name = text.toByteArray();
        } else if (reader.peek() == '{') {
            reader.expect('{');
            bool firstMember = true;
            QByteArrayView key;
            while (reader.nextMember(firstMember, &key)) {
                const bool isName = key.compare("name", Qt::CaseInsensitive) == 0 ||
                                    key.compare("columnname", Qt::CaseInsensitive) == 0;
                if (isName && reader.peek() == '"') {
                    if (!reader.readString(&text))
                        return false;
                    name = text.toByteArray();
                } else if (!reader.skipValue(1)) {
                    return false;
                }
            }
            if (reader.failed())
                return false;
        } else {
            return reader.fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                                 "a column is neither a name nor an object"));
        }
        columns.add(name, table.addColumn(columnName(name, table.columnCount())));
    }
    return !reader.failed();
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

QByteArray strictBase64(const QByteArray &text, bool *ok)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        // Line-wrapped base64 (MIME style) is still base64.
        QByteArray compact = text;
        compact.replace('\n', QByteArray()).replace('\r', QByteArray());
        compact.replace(' ', QByteArray()).replace('\t', QByteArray());
        if (compact.size() != text.size())
            decoded =
                QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    }
    *ok = bool(decoded);
    return decoded ? *decoded : QByteArray();
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
        const QByteArray bytes = strictBase64(text.toByteArray(), &isBase64);
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
    if (!isValidUtf8(text)) {
        return rawResult(text, translated(QT_TRANSLATE_NOOP(
                                   "Halo::ResultDecoder",
                                   "The data is not UTF-8 text, so it is shown as bytes.")));
    }
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
        return rawResult(text,
                         translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder",
                                                      "The data is not a JSON table (%1), so it is "
                                                      "shown as it came."))
                             .arg(reader.errorText()));
    }
    return result;
}

} // namespace

DecodedResult ResultDecoder::decode(const QByteArray &base64Data)
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

DecodedResult ResultDecoder::decodeJson(const QByteArray &json)
{
    return decodeText(json, kUnwrapLevels);
}

} // namespace Halo
