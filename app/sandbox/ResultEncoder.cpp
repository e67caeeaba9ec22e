// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultEncoder.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace Sandbox {

namespace {

// Appends into one growing buffer through a raw pointer: a QByteArray::append per character
// costs several times more, and a result can hold millions of values.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype expected) { m_buffer.resize(qMax<qsizetype>(expected, 64)); }

    void raw(const char *text, qsizetype length)
    {
        reserve(length);
        memcpy(m_buffer.data() + m_size, text, size_t(length));
        m_size += length;
    }
    void raw(const QByteArray &text) { raw(text.constData(), text.size()); }
    void raw(char c)
    {
        reserve(1);
        m_buffer.data()[m_size++] = c;
    }

    void string(QStringView text);
    void bytes(const QByteArray &utf8);
    void integer(qlonglong value);
    void number(double value);
    void value(const QVariant &value);

    QByteArray take()
    {
        m_buffer.resize(m_size);
        return std::move(m_buffer);
    }

private:
    void reserve(qsizetype extra)
    {
        if (m_size + extra > m_buffer.size())
            m_buffer.resize(qMax(m_buffer.size() * 2, m_size + extra));
    }
    char *cursor(qsizetype extra)
    {
        reserve(extra);
        return m_buffer.data() + m_size;
    }
    void escapeControl(char16_t c);

    QByteArray m_buffer;
    qsizetype m_size = 0;
};

void JsonWriter::escapeControl(char16_t c)
{
    static const char hex[] = "0123456789abcdef";
    switch (c) {
    case '\n':
        raw("\\n", 2);
        return;
    case '\r':
        raw("\\r", 2);
        return;
    case '\t':
        raw("\\t", 2);
        return;
    case '\b':
        raw("\\b", 2);
        return;
    case '\f':
        raw("\\f", 2);
        return;
    default: {
        const char escaped[6] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
        raw(escaped, 6);
    }
    }
}

// UTF-16 straight to escaped UTF-8, without an intermediate QByteArray per value.
void JsonWriter::string(QStringView text)
{
    raw('"');
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char16_t c = text[i].unicode();
        if (c < 0x80) {
            if (c < 0x20) {
                escapeControl(c);
            } else {
                if (c == '"' || c == '\\')
                    raw('\\');
                raw(char(c));
            }
            continue;
        }
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode()))
            code = QChar::surrogateToUcs4(c, text[++i].unicode());
        else if (QChar::isSurrogate(c))
            code = 0xfffd; // a lone surrogate cannot be written as UTF-8
        char *out = cursor(4);
        if (code < 0x800) {
            out[0] = char(0xc0 | (code >> 6));
            out[1] = char(0x80 | (code & 0x3f));
            m_size += 2;
        } else if (code < 0x10000) {
            out[0] = char(0xe0 | (code >> 12));
            out[1] = char(0x80 | ((code >> 6) & 0x3f));
            out[2] = char(0x80 | (code & 0x3f));
            m_size += 3;
        } else {
            out[0] = char(0xf0 | (code >> 18));
            out[1] = char(0x80 | ((code >> 12) & 0x3f));
            out[2] = char(0x80 | ((code >> 6) & 0x3f));
            out[3] = char(0x80 | (code & 0x3f));
            m_size += 4;
        }
    }
    raw('"');
}

// Already plain ASCII (base64 text): only the quotes are needed.
void JsonWriter::bytes(const QByteArray &ascii)
{
    raw('"');
    raw(ascii);
    raw('"');
}

void JsonWriter::integer(qlonglong value)
{
    char *out = cursor(24);
    m_size += std::to_chars(out, out + 24, value).ptr - out;
}

// Shortest text that reads back as the same double. Integral values keep a ".0" so a JSON
// reader that tells integers from reals (QJsonValue does) sees a REAL column consistently.
void JsonWriter::number(double value)
{
    if (!std::isfinite(value)) {
        raw("null", 4);
        return;
    }
    char *out = cursor(40);
    char *end = std::to_chars(out, out + 32, value).ptr;
    if (std::find_if(out, end, [](char c) { return c == '.' || c == 'e' || c == 'n'; }) == end) {
        *end++ = '.';
        *end++ = '0';
    }
    m_size += end - out;
}

void JsonWriter::value(const QVariant &value)
{
    if (value.isNull()) {
        raw("null", 4);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
        integer(value.toLongLong());
        return;
    case QMetaType::ULongLong:
    case QMetaType::ULong: {
        char *out = cursor(24);
        m_size += std::to_chars(out, out + 24, value.toULongLong()).ptr - out;
        return;
    }
    case QMetaType::Double:
    case QMetaType::Float:
        number(value.toDouble());
        return;
    case QMetaType::Bool:
        value.toBool() ? raw("true", 4) : raw("false", 5);
        return;
    case QMetaType::QString:
        string(*static_cast<const QString *>(value.constData()));
        return;
    case QMetaType::QByteArray:
        bytes(value.toByteArray().toBase64());
        return;
    case QMetaType::QDate:
        string(value.toDate().toString(Qt::ISODate));
        return;
    case QMetaType::QDateTime:
        string(value.toDateTime().toString(Qt::ISODateWithMs));
        return;
    case QMetaType::QTime:
        string(value.toTime().toString(Qt::ISODateWithMs));
        return;
    default:
        string(value.toString());
        return;
    }
}

} // namespace

QByteArray ResultEncoder::encodeRows(const QStringList &columns, const QList<QVariantList> &rows,
                                     qsizetype first, qsizetype count)
{
    const qsizetype begin = qBound<qsizetype>(0, first, rows.size());
    const qsizetype end = count < 0 ? rows.size() : qMin(rows.size(), begin + count);

    // Each row repeats the keys: encode `"name":` once.
    QList<QByteArray> keys;
    qsizetype keyBytes = 0;
    for (const QString &column : columns) {
        JsonWriter key(column.size() * 3 + 4);
        key.string(column);
        key.raw(':');
        keys.append(key.take());
        keyBytes += keys.last().size() + 12;
    }

    JsonWriter writer((end - begin) * (keyBytes + 4) + 2);
    writer.raw('[');
    for (qsizetype r = begin; r < end; ++r) {
        if (r > begin)
            writer.raw(',');
        writer.raw('{');
        const QVariantList &row = rows.at(r);
        for (qsizetype c = 0; c < keys.size(); ++c) {
            if (c > 0)
                writer.raw(',');
            writer.raw(keys.at(c));
            writer.value(c < row.size() ? row.at(c) : QVariant());
        }
        writer.raw('}');
    }
    writer.raw(']');
    return writer.take();
}

QByteArray ResultEncoder::encodeData(const QStringList &columns, const QList<QVariantList> &rows,
                                     qsizetype first, qsizetype count)
{
    return encodeRows(columns, rows, first, count).toBase64();
}

} // namespace Sandbox
