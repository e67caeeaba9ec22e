// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/JsonMasking.h"

#include "privacy/PatientDataRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Halo::JsonMasking {

namespace {

// Longer strings than this may be an encoded result that cannot be masked member by member.
constexpr qsizetype kOpaqueLength = 200;

QJsonValue maskedScalar(const QJsonValue &value, int *masked)
{
    if (value.isNull() || value.isUndefined())
        return value;
    if (masked)
        ++*masked;
    return PatientDataRules::maskedText();
}

// Every scalar under `value` masked (objects and arrays keep their shape).
QJsonValue maskAll(const QJsonValue &value, int *masked)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = maskAll(it.value(), masked);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = maskAll(array.at(i), masked);
        return array;
    }
    return maskedScalar(value, masked);
}

// Members of a query's request whose values are free text a user typed: the SQL and the values
// of its parameters may name a patient.
bool isFreeTextMember(const QString &key)
{
    static const QSet<QString> keys{QStringLiteral("text"), QStringLiteral("value"),
                                    QStringLiteral("sql"), QStringLiteral("query")};
    return keys.contains(key);
}

// A query answer's rows travel base64-encoded: even a short one may hold a patient's name.
bool looksEncoded(const QString &text)
{
    if (text.size() > kOpaqueLength)
        return true;
    if (text.size() < 16)
        return false;
    bool digitOrSymbol = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool letter = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        const bool other = (u >= '0' && u <= '9') || u == '+' || u == '/' || u == '=';
        if (!letter && !other)
            return false;
        digitOrSymbol = digitOrSymbol || other;
    }
    return digitOrSymbol;
}

bool isLogPatientMember(const QString &key)
{
    return PatientDataRules::isPatientColumn(key) || PatientDataRules::isPatientElementName(key) ||
           isFreeTextMember(key);
}

// Masks a log body's JSON; false when a member cannot be judged (an opaque long string).
bool maskLog(QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isLogPatientMember(it.key())) {
                it.value() = maskAll(it.value(), nullptr);
                continue;
            }
            QJsonValue member = it.value();
            if (!maskLog(member))
                return false;
            it.value() = member;
        }
        value = object;
        return true;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            if (!maskLog(item))
                return false;
            array[i] = item;
        }
        value = array;
        return true;
    }
    return !(value.isString() && looksEncoded(value.toString()));
}

} // namespace

QJsonValue maskFhir(const QJsonValue &value, int *masked)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = PatientDataRules::isPatientElementName(it.key())
                             ? maskAll(it.value(), masked)
                             : maskFhir(it.value(), masked);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = maskFhir(array.at(i), masked);
        return array;
    }
    return value;
}

std::optional<QString> maskedLogBody(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    QJsonValue value =
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    if (!maskLog(value))
        return std::nullopt;
    const QJsonDocument masked =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(masked.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace Halo::JsonMasking
