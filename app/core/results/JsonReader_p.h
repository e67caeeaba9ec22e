// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The result decoder's JSON reader: a pull reader over UTF-8 JSON text that writes cells straight
// into a ResultTable.
// Included by ResultDecoder.cpp alone, in an anonymous namespace on purpose: the reader, the
// row loops and the shape detection are one translation unit, so the compiler inlines the inner
// loop as it did when they were one file (external linkage measured ~2% more instructions).
#include "results/ResultTable.h"
#include "results/Utf8Scan_p.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <charconv>
#include <cstring>
#include <limits>
#include <string>

namespace Halo {

namespace {

const char *const kContext = "Halo::ResultDecoder";
// Deep enough for any real payload, shallow enough that recursion cannot exhaust the stack.
constexpr int kMaxDepth = 256;

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
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

} // namespace

} // namespace Halo
