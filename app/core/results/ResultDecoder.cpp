#include "results/ResultDecoder.h"

#include <QCoreApplication>
#include <QHash>
#include <qalgorithms.h>

#include <charconv>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define HALO_DECODER_SSE2 1
#endif

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

// The end of a plain run of string text: the first '"', '\\' or control character at or after
// `p`, or `end`. Sets *nonAscii when the run holds a byte of a multi-byte UTF-8 sequence.
const char *scanString(const char *p, const char *end, bool *nonAscii)
{
#ifdef HALO_DECODER_SSE2
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
            _mm_cmpeq_epi8(_mm_max_epu8(bytes, control), control));
        const auto stopMask = quint32(_mm_movemask_epi8(stops));
        const auto highMask = quint32(_mm_movemask_epi8(bytes));
        if (stopMask != 0) {
            const quint32 at = qCountTrailingZeroBits(stopMask);
            if ((highMask & ((quint32(1) << at) - 1)) != 0)
                *nonAscii = true;
            return p + at;
        }
        if (highMask != 0)
            *nonAscii = true;
        p += 16;
    }
#endif
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20)
            return p;
        if (c >= 0x80)
            *nonAscii = true;
    }
    return end;
}

// memcmp() for the short keys of row objects, without a library call per key.
bool sameBytes(const char *a, const char *b, qsizetype count)
{
    for (; count >= 8; a += 8, b += 8, count -= 8) {
        quint64 x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y)
            return false;
    }
    for (; count > 0; ++a, ++b, --count) {
        if (*a != *b)
            return false;
    }
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
    qsizetype remaining() const { return m_end - m_pos; }
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
    bool failUtf8(const char *at)
    {
        m_pos = at;
        return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "a string is not UTF-8"));
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
        return readString(key) && readColon();
    }

    // At a '"'. The result points into the input, or into a scratch buffer when it had escapes.
    // Strings are checked to be UTF-8 here: everything outside them is ASCII or an error.
    bool readString(QByteArrayView *out)
    {
        const char *start = ++m_pos;
        bool nonAscii = false;
        const char *p = scanString(start, m_end, &nonAscii);
        if (p < m_end && *p == '"') {
            *out = QByteArrayView(start, p - start);
            m_pos = p + 1;
            return !nonAscii || isValidUtf8(*out) || failUtf8(start);
        }
        m_scratch.assign(start, p);
        while (p < m_end) {
            const char c = *p;
            if (c == '"') {
                *out = QByteArrayView(m_scratch.data(), qsizetype(m_scratch.size()));
                m_pos = p + 1;
                return !nonAscii || isValidUtf8(*out) || failUtf8(start);
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                m_pos = p;
                return fail(
                    QT_TRANSLATE_NOOP("Halo::ResultDecoder", "control character inside a string"));
            }
            if (c != '\\') {
                const char *run = p;
                p = scanString(p, m_end, &nonAscii);
                m_scratch.append(run, p);
                continue;
            }
            if (!readEscape(p))
                return false;
        }
        m_pos = p;
        return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "unterminated string"));
    }

    // At the key of an object member: true, and past the key, when it is exactly `key`, which
    // holds no character that needs an escape. Leaves the position alone otherwise.
    bool tryPlainKey(QByteArrayView key)
    {
        peek();
        const auto length = key.size();
        if (m_end - m_pos < length + 2 || *m_pos != '"' || m_pos[length + 1] != '"' ||
            !sameBytes(m_pos + 1, key.data(), length)) {
            return false;
        }
        m_pos += length + 2;
        return true;
    }

    bool readColon()
    {
        if (peek() != ':')
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "expected a colon"));
        ++m_pos;
        return true;
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
        while (m_pos < m_end && static_cast<unsigned char>(*m_pos) <= ' ' &&
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

    // The digits of a number as it is scanned, so that most numbers are read in one pass.
    struct NumberDigits {
        quint64 mantissa = 0; // wraps when there are more than 19 digits
        int count = 0;
        int fractional = 0;
        bool exponent = false;
    };

    bool scanNumber(const char **start, bool *integral, NumberDigits *digits = nullptr)
    {
        const char *p = m_pos;
        *start = p;
        *integral = true;
        NumberDigits ignored;
        NumberDigits &parts = digits ? *digits : ignored;
        const auto isDigit = [this](const char *q) { return q < m_end && *q >= '0' && *q <= '9'; };
        const auto readDigits = [&](const char *q) {
            for (; isDigit(q); ++q) {
                parts.mantissa = parts.mantissa * 10 + quint64(*q - '0');
                ++parts.count;
            }
            return q;
        };
        if (p < m_end && *p == '-')
            ++p;
        if (p < m_end && *p == '0') {
            ++p;
            ++parts.count;
        } else if (isDigit(p)) {
            p = readDigits(p);
        } else {
            return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid value"));
        }
        if (p < m_end && *p == '.') {
            *integral = false;
            if (!isDigit(++p)) {
                m_pos = p;
                return fail(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "invalid number"));
            }
            const int before = parts.count;
            p = readDigits(p);
            parts.fractional = parts.count - before;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            *integral = false;
            parts.exponent = true;
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
        NumberDigits digits;
        if (!scanNumber(&start, &integral, &digits))
            return false;
        const bool negative = *start == '-';
        const QByteArrayView text(start, m_pos - start);
        if (integral) {
            if (digits.count <= 18) { // cannot overflow
                const auto value = qint64(digits.mantissa);
                table.setInteger(column, negative ? -value : value);
                return true;
            }
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
        // Most reals are short decimals such as 1234.56. With at most 15 digits and no exponent,
        // the digits and the power of ten are exact doubles and one division rounds correctly
        // (Clinger's fast path), so this agrees with a full conversion.
        static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        if (!digits.exponent && digits.count <= 15) {
            const double value = double(digits.mantissa) / kPowersOfTen[digits.fractional];
            table.setReal(column, negative ? -value : value);
            return true;
        }
        double value = 0;
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
        const bool ok = std::from_chars(start, m_pos, value).ec == std::errc();
#else
        bool ok = false;
        value = text.toDouble(&ok);
#endif
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

    // The column of the key at `position` in the previous row, when its key can be matched
    // against the raw text (no escapes needed); -1 otherwise.
    int expectedPlain(int position, QByteArrayView *key) const
    {
        const auto slot = size_t(position);
        if (slot >= m_lastOrder.size())
            return -1;
        const int column = m_lastOrder[slot];
        if (column < 0 || !m_plain[size_t(column)])
            return -1;
        *key = m_keys[size_t(column)];
        return column;
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
        if (m_keys.size() <= size_t(column)) {
            m_keys.resize(size_t(column) + 1);
            m_plain.resize(size_t(column) + 1);
        }
        m_keys[size_t(column)] = key;
        bool plain = true;
        for (const char c : key)
            plain = plain && c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20;
        m_plain[size_t(column)] = plain;
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
    std::vector<bool> m_plain;      // by column index: the key is written without escapes
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
    while (reader.nextItem('}', first)) {
        // Rows nearly always repeat the previous row's keys: compare the raw text first.
        const int expected = columns.expectedPlain(position, &key);
        if (expected >= 0 && reader.tryPlainKey(key)) {
            column = expected;
            if (!reader.readColon())
                return false;
        } else {
            if (reader.peek() != '"')
                return reader.fail(
                    QT_TRANSLATE_NOOP("Halo::ResultDecoder", "expected a quoted key"));
            if (!reader.readString(&key) || !reader.readColon())
                return false;
            column = columns.column(key, position, column);
        }
        ++position;
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
    // Text in cells is never longer than the JSON it came from: one allocation holds it all.
    table.reserveText(reader.remaining());
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

// Decoding tables for one base64 quantum: the four characters' tables OR-ed together give the
// three bytes in the low bytes of a little-endian word; any other character sets kBadBase64.
constexpr quint32 kBadBase64 = 0x01000000;
struct Base64Tables {
    quint32 d[4][256] = {};
    constexpr Base64Tables()
    {
        constexpr char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int k = 0; k < 4; ++k) {
            for (int c = 0; c < 256; ++c)
                d[k][c] = kBadBase64;
        }
        for (quint32 v = 0; v < 64; ++v) {
            const auto c = static_cast<unsigned char>(alphabet[v]);
            d[0][c] = v << 2;
            d[1][c] = (v >> 4) | ((v & 0xF) << 12);
            d[2][c] = ((v >> 2) << 8) | ((v & 0x3) << 22);
            d[3][c] = v << 16;
        }
    }
};
constexpr Base64Tables kBase64;

quint32 base64Quantum(const unsigned char *in)
{
    return kBase64.d[0][in[0]] | kBase64.d[1][in[1]] | kBase64.d[2][in[2]] | kBase64.d[3][in[3]];
}

#ifdef HALO_DECODER_SSE2
// 16 base64 characters to 12 bytes (plus two spare bytes written after them). False when a
// character is not in the alphabet.
bool decodeBase64Block(const unsigned char *in, unsigned char *out)
{
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in));
    const auto between = [c](char low, char high) {
        return _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8(char(low - 1))),
                             _mm_cmplt_epi8(c, _mm_set1_epi8(char(high + 1))));
    };
    // Bytes from 0x80 are negative as signed and fall in no range.
    const __m128i upper = between('A', 'Z');
    const __m128i lower = between('a', 'z');
    const __m128i digit = between('0', '9');
    const __m128i plus = _mm_cmpeq_epi8(c, _mm_set1_epi8('+'));
    const __m128i slash = _mm_cmpeq_epi8(c, _mm_set1_epi8('/'));
    const __m128i valid =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(upper, lower), _mm_or_si128(digit, plus)), slash);
    if (_mm_movemask_epi8(valid) != 0xFFFF)
        return false;
    const __m128i shift =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(upper, _mm_set1_epi8(-65)),
                                  _mm_and_si128(lower, _mm_set1_epi8(-71))),
                     _mm_or_si128(_mm_or_si128(_mm_and_si128(digit, _mm_set1_epi8(4)),
                                               _mm_and_si128(plus, _mm_set1_epi8(19))),
                                  _mm_and_si128(slash, _mm_set1_epi8(16))));
    const __m128i values = _mm_add_epi8(c, shift); // 6 bits per byte
    // Pairs of 6-bit values into 12 bits per 16-bit lane, then pairs of those into 24 bits.
    const __m128i pairs =
        _mm_or_si128(_mm_slli_epi16(_mm_and_si128(values, _mm_set1_epi16(0x00FF)), 6),
                     _mm_srli_epi16(values, 8));
    const __m128i quads = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000));
    // Each 32-bit lane holds its 3 bytes most significant first: put them in memory order...
    const __m128i lowByte = _mm_set1_epi32(0xFF);
    const __m128i ordered =
        _mm_or_si128(_mm_or_si128(_mm_and_si128(_mm_srli_epi32(quads, 16), lowByte),
                                  _mm_and_si128(quads, _mm_set1_epi32(0xFF00))),
                     _mm_slli_epi32(_mm_and_si128(quads, lowByte), 16));
    // ...then close the gap in each 64-bit half: 6 bytes each.
    const __m128i packed =
        _mm_or_si128(_mm_and_si128(ordered, _mm_set1_epi64x(0xFFFFFF)),
                     _mm_srli_epi64(_mm_and_si128(ordered, _mm_set1_epi64x(0xFFFFFF00000000)), 8));
    _mm_storel_epi64(reinterpret_cast<__m128i *>(out), packed);
    _mm_storel_epi64(reinterpret_cast<__m128i *>(out + 6), _mm_unpackhi_epi64(packed, packed));
    return true;
}
#endif

// The common case fast: unbroken base64 with its padding. False for anything else (whitespace,
// missing padding, stray characters), which Qt's own decoder then judges.
bool fastBase64(QByteArrayView text, QByteArray *decoded)
{
    const qsizetype n = text.size();
    if (Q_BYTE_ORDER != Q_LITTLE_ENDIAN || n == 0 || n % 4 != 0)
        return false;
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    const int padding = in[n - 1] == '=' ? (in[n - 2] == '=' ? 2 : 1) : 0;
    decoded->resize(n / 4 * 3 - padding);
    auto *out = reinterpret_cast<unsigned char *>(decoded->data());
    const unsigned char *last = in + n - 4; // decoded bytewise, for its padding
    quint32 bad = 0;
#ifdef HALO_DECODER_SSE2
    while (last - in >= 20) { // the spare bytes land on output still to come
        if (!decodeBase64Block(in, out))
            return false;
        in += 16;
        out += 12;
    }
#endif
    for (; in < last; in += 4, out += 3) {
        const quint32 word = base64Quantum(in);
        bad |= word;
        std::memcpy(out, &word, 4); // the fourth byte is overwritten next
    }
    constexpr unsigned char zero = 'A';
    const unsigned char final[4] = {last[0], last[1], padding == 2 ? zero : last[2],
                                    padding >= 1 ? zero : last[3]};
    const quint32 word = base64Quantum(final);
    bad |= word;
    for (int i = 0; i < 3 - padding; ++i)
        out[i] = static_cast<unsigned char>(word >> (8 * i));
    return (bad & kBadBase64) == 0;
}

QByteArray strictBase64(QByteArrayView text, bool *ok)
{
    QByteArray fast;
    if (fastBase64(text, &fast)) {
        *ok = true;
        return fast;
    }
    const QByteArray input = QByteArray::fromRawData(text.data(), text.size());
    auto decoded = QByteArray::fromBase64Encoding(input, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        // Line-wrapped base64 (MIME style) is still base64.
        QByteArray compact = input;
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

DecodedResult ResultDecoder::decodeResponseBody(const QByteArray &body)
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
    DecodedResult decoded;
    if (!found) {
        decoded.shape = DecodedResult::Empty;
        decoded.note =
            translated(QT_TRANSLATE_NOOP("Halo::ResultDecoder", "The result holds no data."));
        return decoded;
    }
    JsonReader dataReader = top.part(begin, end);
    QByteArrayView data;
    dataReader.readString(&data);
    return decodeData(data);
}

DecodedResult ResultDecoder::decodeJson(const QByteArray &json)
{
    return decodeText(json, kUnwrapLevels);
}

} // namespace Halo
