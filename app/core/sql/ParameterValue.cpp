// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/ParameterValue.h"

#include "results/ResultTable.h"

#include <QByteArray>
#include <QTime>
#include <QUuid>

#include <limits>

namespace Halo {

namespace {

bool isOneOf(const QString &type, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (type.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isBinaryType(const QString &type)
{
    return isOneOf(type, {"Binary", "VarBinary", "Image", "Timestamp", "RowVersion"});
}

// Whether `text` is a plain rendering of a value of `type`; unknown and text types accept all.
bool readsAsType(const QString &text, const QString &type)
{
    bool ok = false;
    if (isOneOf(type, {"BigInt", "Int", "SmallInt", "TinyInt"})) {
        text.toLongLong(&ok);
        return ok;
    }
    if (isOneOf(type, {"Decimal", "Numeric", "Float", "Real", "Money", "SmallMoney"})) {
        text.toDouble(&ok);
        return ok;
    }
    if (isOneOf(type, {"Bit", "Boolean"}))
        return isOneOf(text, {"0", "1", "true", "false"});
    if (isOneOf(type, {"Date", "DateTime", "DateTime2", "SmallDateTime", "DateTimeOffset"}))
        return ResultCell::fromText(text).kind() != ResultCell::Kind::String;
    if (isOneOf(type, {"Time"})) {
        return QTime::fromString(text, Qt::ISODateWithMs).isValid() ||
               QTime::fromString(text, Qt::ISODate).isValid();
    }
    if (isOneOf(type, {"UniqueIdentifier"}))
        return !QUuid::fromString(text).isNull();
    return true;
}

// Decodes `text` only if it is canonical base64: whole quads of the alphabet, '=' only as
// padding. Anything looser would mistake ordinary words for base64.
bool decodeStrictBase64(const QString &text, QByteArray *bytes)
{
    if (text.isEmpty() || text.size() % 4 != 0)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool alphabet = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                              (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                              (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                              c == QLatin1Char('+') || c == QLatin1Char('/');
        const bool padding = c == QLatin1Char('=') && i >= text.size() - 2 &&
                             (i == text.size() - 1 || text.at(i + 1) == QLatin1Char('='));
        if (!alphabet && !padding)
            return false;
    }
    auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *bytes = *decoded;
    return true;
}

bool isPrintableUtf8(const QByteArray &bytes, QString *text)
{
    *text = QString::fromUtf8(bytes);
    if (text->toUtf8() != bytes) // invalid UTF-8 came back as U+FFFD
        return false;
    for (const QChar c : *text) {
        if (!c.isPrint() && !c.isSpace() && !c.isSurrogate())
            return false;
    }
    return true;
}

} // namespace

bool ParameterValue::isValidInput(const QString &text, const QString &sqlDbType)
{
    struct Range {
        const char *type;
        qint64 min;
        qint64 max;
    };
    static const Range ranges[] = {
        {"TinyInt", 0, 255},
        {"SmallInt", -32768, 32767},
        {"Int", -2147483648LL, 2147483647LL},
        {"BigInt", std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}};
    for (const Range &range : ranges) {
        if (sqlDbType.compare(QLatin1String(range.type), Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        return ok && value >= range.min && value <= range.max;
    }
    return readsAsType(text.trimmed(), sqlDbType);
}

QString ParameterValue::displayValue(const QString &raw, const QString &sqlDbType)
{
    QByteArray bytes;
    if (isBinaryType(sqlDbType)) {
        if (decodeStrictBase64(raw, &bytes))
            return QLatin1String("0x") + QString::fromLatin1(bytes.toHex().toUpper());
        return raw;
    }
    if (readsAsType(raw, sqlDbType))
        return raw;
    QString decoded;
    if (decodeStrictBase64(raw, &bytes) && isPrintableUtf8(bytes, &decoded) &&
        readsAsType(decoded, sqlDbType)) {
        return decoded;
    }
    return raw;
}

} // namespace Halo
