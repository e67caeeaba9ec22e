// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-written shape checks for Halo Cloud Integrator API responses, taken from the OpenAPI
// description ("Halo Cloud API for Integrators"): required fields, JSON types and enum values.
// Deliberately shares nothing with the sandbox, so a misreading of the description on either
// side shows up as a failing test instead of passing on both.
//
// Every check returns a list of problems, empty when the value has the expected shape; each
// problem names the JSON path it is about, e.g. "result.pages[2].status: 'done' is not one of
// queued, uploading, cached".
//
// This file holds the enumerations, the object walker and the checks of errors and sites;
// ApiShapesQueries.h and ApiShapesFhir.h build on it.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cmath>

namespace ApiShapes {

// Enumerations, as the description spells them.
inline const QStringList &pmsTypes()
{
    static const QStringList values = {QStringLiteral("BestPractice"), QStringLiteral("Zedmed"),
                                       QStringLiteral("D4w")};
    return values;
}

inline const QStringList &pmsNames()
{
    static const QStringList values = {QStringLiteral("Best Practice"), QStringLiteral("Zedmed"),
                                       QStringLiteral("D4w")};
    return values;
}

inline const QStringList &siteAvailabilities()
{
    static const QStringList values = {QStringLiteral("online"), QStringLiteral("offline"),
                                       QStringLiteral("unreachable")};
    return values;
}

inline const QStringList &siteStatuses()
{
    static const QStringList values = {QStringLiteral("initialising"), QStringLiteral("active"),
                                       QStringLiteral("removed"), QStringLiteral("uninstalled")};
    return values;
}

inline const QStringList &asyncStatuses()
{
    static const QStringList values = {QStringLiteral("initialising"),
                                       QStringLiteral("initialisationFailedCacheError"),
                                       QStringLiteral("initialisationFailedSiteOffline"),
                                       QStringLiteral("initialisationFailedSiteUnreachable"),
                                       QStringLiteral("queued"),
                                       QStringLiteral("expiredInQueue"),
                                       QStringLiteral("executing"),
                                       QStringLiteral("executionFailed"),
                                       QStringLiteral("uploading"),
                                       QStringLiteral("uploadFailed"),
                                       QStringLiteral("successful")};
    return values;
}

// The async statuses after which nothing changes any more.
inline bool isTerminalAsyncStatus(const QString &status)
{
    return status == QLatin1String("successful") || status == QLatin1String("expiredInQueue") ||
           status == QLatin1String("executionFailed") || status == QLatin1String("uploadFailed") ||
           status.startsWith(QLatin1String("initialisationFailed"));
}

inline const QStringList &pageStatuses()
{
    static const QStringList values = {QStringLiteral("queued"), QStringLiteral("uploading"),
                                       QStringLiteral("cached")};
    return values;
}

inline const QStringList &errorTypes()
{
    static const QStringList values = {QStringLiteral("http"), QStringLiteral("mssql"),
                                       QStringLiteral("fbsql"), QStringLiteral("haloLink")};
    return values;
}

inline const QStringList &registeredStatuses()
{
    static const QStringList values = {QStringLiteral("initialisationFailedCacheError"),
                                       QStringLiteral("enabled"), QStringLiteral("cancelled"),
                                       QStringLiteral("completed")};
    return values;
}

inline const QStringList &directions()
{
    static const QStringList values = {QStringLiteral("output"), QStringLiteral("input"),
                                       QStringLiteral("inputOutput"),
                                       QStringLiteral("returnValue")};
    return values;
}

inline const QStringList &sqlDbTypes()
{
    static const QStringList values = {QStringLiteral("BigInt"),
                                       QStringLiteral("Binary"),
                                       QStringLiteral("Bit"),
                                       QStringLiteral("Char"),
                                       QStringLiteral("String"),
                                       QStringLiteral("Date"),
                                       QStringLiteral("DateTime"),
                                       QStringLiteral("DateTime2"),
                                       QStringLiteral("DateTimeOffset"),
                                       QStringLiteral("Decimal"),
                                       QStringLiteral("Float"),
                                       QStringLiteral("Image"),
                                       QStringLiteral("Int"),
                                       QStringLiteral("Money"),
                                       QStringLiteral("NChar"),
                                       QStringLiteral("NText"),
                                       QStringLiteral("NVarChar"),
                                       QStringLiteral("Real"),
                                       QStringLiteral("SmallDateTime"),
                                       QStringLiteral("SmallInt"),
                                       QStringLiteral("SmallMoney"),
                                       QStringLiteral("Structured"),
                                       QStringLiteral("Text"),
                                       QStringLiteral("Time"),
                                       QStringLiteral("Timestamp"),
                                       QStringLiteral("TinyInt"),
                                       QStringLiteral("Udt"),
                                       QStringLiteral("UniqueIdentifier"),
                                       QStringLiteral("VarBinary"),
                                       QStringLiteral("VarChar"),
                                       QStringLiteral("Variant"),
                                       QStringLiteral("Xml")};
    return values;
}

// The timing states of an async query, in the order a query passes through them.
inline const QStringList &timingStates()
{
    static const QStringList values = {QStringLiteral("initialising"), QStringLiteral("queued"),
                                       QStringLiteral("executing"), QStringLiteral("uploading")};
    return values;
}

// format: uuid
inline bool isUuid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return pattern.match(text).hasMatch();
}

// format: date-time (RFC 3339: a time zone is mandatory)
inline bool isDateTime(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
    return pattern.match(text).hasMatch() &&
           QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

inline QDateTime dateTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

inline bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::isfinite(number) && std::floor(number) == number;
}

enum class Need { Required, Optional };

// Walks one JSON object and collects what does not match.
class ObjectCheck
{
public:
    ObjectCheck(const QJsonValue &value, const QString &path, QStringList *problems)
        : m_path(path)
        , m_problems(problems)
        , m_isObject(value.isObject())
        , m_json(value.toObject())
    {
        if (!m_isObject)
            problem(QString(), QStringLiteral("expected an object, got %1").arg(typeName(value)));
    }

    bool isObject() const { return m_isObject; }
    const QJsonObject &json() const { return m_json; }
    bool has(const QString &key) const { return m_json.contains(key); }

    ObjectCheck &string(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("a string"),
                     [](const QJsonValue &v) { return v.isString(); });
    }
    ObjectCheck &nonEmptyString(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("a non-empty string"),
                     [](const QJsonValue &v) { return v.isString() && !v.toString().isEmpty(); });
    }
    ObjectCheck &stringOrNull(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("a string or null"),
                     [](const QJsonValue &v) { return v.isString() || v.isNull(); });
    }
    ObjectCheck &integer(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("an integer"), isInteger);
    }
    ObjectCheck &nonNegative(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("an integer >= 0"),
                     [](const QJsonValue &v) { return isInteger(v) && v.toDouble() >= 0; });
    }
    ObjectCheck &boolean(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("a boolean"),
                     [](const QJsonValue &v) { return v.isBool(); });
    }
    ObjectCheck &uuid(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("a uuid"),
                     [](const QJsonValue &v) { return v.isString() && isUuid(v.toString()); });
    }
    ObjectCheck &dateTimeField(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("an RFC 3339 date-time"),
                     [](const QJsonValue &v) { return v.isString() && isDateTime(v.toString()); });
    }
    ObjectCheck &object(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("an object"),
                     [](const QJsonValue &v) { return v.isObject(); });
    }
    ObjectCheck &array(const QString &key, Need need = Need::Required)
    {
        return typed(key, need, QStringLiteral("an array"),
                     [](const QJsonValue &v) { return v.isArray(); });
    }
    ObjectCheck &oneOf(const QString &key, const QStringList &values, Need need = Need::Required)
    {
        if (!present(key, need))
            return *this;
        const QJsonValue v = m_json.value(key);
        if (!v.isString() || !values.contains(v.toString()))
            problem(key, QStringLiteral("%1 is not one of %2")
                             .arg(describe(v), values.join(QStringLiteral(", "))));
        return *this;
    }
    ObjectCheck &equals(const QString &key, const QJsonValue &expected)
    {
        if (!present(key, Need::Required))
            return *this;
        const QJsonValue v = m_json.value(key);
        if (v != expected)
            problem(key, QStringLiteral("%1, expected %2").arg(describe(v), describe(expected)));
        return *this;
    }
    ObjectCheck &absent(const QString &key)
    {
        if (m_json.contains(key))
            problem(key,
                    QStringLiteral("should be absent, got %1").arg(describe(m_json.value(key))));
        return *this;
    }
    // The description sets no additionalProperties: false, but a property it does not list is
    // most likely a misspelt one, so the checks insist on listed names.
    ObjectCheck &onlyKnown(const QStringList &known)
    {
        for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it) {
            if (!known.contains(it.key()))
                problem(it.key(), QStringLiteral("is not a property the description lists"));
        }
        return *this;
    }

    QString pathOf(const QString &key) const
    {
        if (key.isEmpty())
            return m_path.isEmpty() ? QStringLiteral("(root)") : m_path;
        if (key.startsWith(QLatin1Char('[')))
            return m_path + key;
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }
    void problem(const QString &key, const QString &what) const
    {
        m_problems->append(pathOf(key) + QStringLiteral(": ") + what);
    }

    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("a boolean");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        case QJsonValue::Undefined:
            break;
        }
        return QStringLiteral("nothing");
    }
    static QString describe(const QJsonValue &value)
    {
        if (value.isString())
            return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 17);
        if (value.isBool())
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return typeName(value);
    }

private:
    bool present(const QString &key, Need need)
    {
        if (!m_isObject)
            return false;
        if (m_json.contains(key))
            return true;
        if (need == Need::Required)
            problem(key, QStringLiteral("required property is missing"));
        return false;
    }
    template <typename Test>
    ObjectCheck &typed(const QString &key, Need need, const QString &expected, Test test)
    {
        if (!present(key, need))
            return *this;
        const QJsonValue v = m_json.value(key);
        if (!test(v))
            problem(key, QStringLiteral("expected %1, got %2").arg(expected, describe(v)));
        return *this;
    }

    QString m_path;
    QStringList *m_problems;
    bool m_isObject;
    QJsonObject m_json;
};

inline QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// ------------------------------------------------------------------------------------------
// Errors

// Error: {"error": {"status": <int>, "statusText": <string>, "message": <string>}}.
// `status` must also be the HTTP status the body came with.
inline QStringList errorEnvelope(const QJsonValue &value, int httpStatus)
{
    QStringList problems;
    ObjectCheck root(value, QString(), &problems);
    root.object(QStringLiteral("error")).onlyKnown({QStringLiteral("error")});
    ObjectCheck error(root.json().value(QStringLiteral("error")), QStringLiteral("error"),
                      &problems);
    error.equals(QStringLiteral("status"), httpStatus)
        .nonEmptyString(QStringLiteral("statusText"))
        .nonEmptyString(QStringLiteral("message"))
        .onlyKnown(
            {QStringLiteral("status"), QStringLiteral("statusText"), QStringLiteral("message")});
    return problems;
}

// ErrorDetails: {errorType (enum), errorCode (int), errorMessage (string)}.
inline void errorDetails(const QJsonValue &value, const QString &path, QStringList *problems)
{
    ObjectCheck details(value, path, problems);
    details.oneOf(QStringLiteral("errorType"), errorTypes())
        .integer(QStringLiteral("errorCode"))
        .nonEmptyString(QStringLiteral("errorMessage"))
        .onlyKnown({QStringLiteral("errorType"), QStringLiteral("errorCode"),
                    QStringLiteral("errorMessage")});
}

// ------------------------------------------------------------------------------------------
// Sites

// SiteForIntegrator. The description marks no field as required; the sandbox is expected to
// send every one of them, so they are all checked as required here.
inline QStringList site(const QJsonValue &value, const QString &path = QString())
{
    QStringList problems;
    ObjectCheck s(value, path, &problems);
    s.uuid(QStringLiteral("id"))
        .oneOf(QStringLiteral("pmsType"), pmsTypes())
        .oneOf(QStringLiteral("availability"), siteAvailabilities())
        .oneOf(QStringLiteral("status"), siteStatuses())
        .nonEmptyString(QStringLiteral("haloLinkVersion"))
        .dateTimeField(QStringLiteral("enrichedAt"))
        .array(QStringLiteral("catalogue"))
        .object(QStringLiteral("practiceMetadata"))
        .string(QStringLiteral("name"))
        .nonEmptyString(QStringLiteral("practiceManagementSiteId"))
        .oneOf(QStringLiteral("practiceManagementName"), pmsNames())
        .string(QStringLiteral("practiceManagementVersion"))
        .dateTimeField(QStringLiteral("createdAt"))
        .boolean(QStringLiteral("authoritative"))
        .dateTimeField(QStringLiteral("clientTimestampUTC"))
        .dateTimeField(QStringLiteral("heartbeatTimestampUTC"))
        .onlyKnown({QStringLiteral("id"), QStringLiteral("pmsType"), QStringLiteral("availability"),
                    QStringLiteral("status"), QStringLiteral("haloLinkVersion"),
                    QStringLiteral("enrichedAt"), QStringLiteral("catalogue"),
                    QStringLiteral("practiceMetadata"), QStringLiteral("name"),
                    QStringLiteral("practiceManagementSiteId"),
                    QStringLiteral("practiceManagementName"),
                    QStringLiteral("practiceManagementVersion"), QStringLiteral("createdAt"),
                    QStringLiteral("authoritative"), QStringLiteral("clientTimestampUTC"),
                    QStringLiteral("heartbeatTimestampUTC")});

    const QJsonArray catalogues = s.json().value(QStringLiteral("catalogue")).toArray();
    for (qsizetype i = 0; i < catalogues.size(); ++i) {
        ObjectCheck c(catalogues.at(i), joinPath(path, QStringLiteral("catalogue[%1]").arg(i)),
                      &problems);
        c.nonEmptyString(QStringLiteral("name"))
            .boolean(QStringLiteral("isDefault"))
            .onlyKnown({QStringLiteral("name"), QStringLiteral("isDefault")});
    }
    ObjectCheck metadata(s.json().value(QStringLiteral("practiceMetadata")),
                         joinPath(path, QStringLiteral("practiceMetadata")), &problems);
    metadata.oneOf(QStringLiteral("pmsType"), pmsTypes())
        .nonEmptyString(QStringLiteral("practiceName"))
        .nonEmptyString(QStringLiteral("practiceManagementSiteId"))
        .string(QStringLiteral("practiceManagementVersion"))
        .onlyKnown({QStringLiteral("pmsType"), QStringLiteral("practiceName"),
                    QStringLiteral("practiceManagementSiteId"),
                    QStringLiteral("practiceManagementVersion")});
    return problems;
}

} // namespace ApiShapes
