#pragma once

// Hand-written shape checks for Halo Cloud Integrator API responses, taken from the OpenAPI
// description ("Halo Cloud API for Integrators"): required fields, JSON types and enum values.
// Deliberately shares nothing with the sandbox, so a misreading of the description on either
// side shows up as a failing test instead of passing on both.
//
// Every check returns a list of problems, empty when the value has the expected shape; each
// problem names the JSON path it is about, e.g. "result.pages[2].status: 'done' is not one of
// queued, uploading, cached".

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

// ------------------------------------------------------------------------------------------
// Queries

// Parameter: {name, direction (enum), type (SqlDbType), value (string|null), size (int)}.
inline void parameter(const QJsonValue &value, const QString &path, QStringList *problems)
{
    ObjectCheck p(value, path, problems);
    p.nonEmptyString(QStringLiteral("name"))
        .oneOf(QStringLiteral("direction"), directions())
        .oneOf(QStringLiteral("type"), sqlDbTypes())
        .stringOrNull(QStringLiteral("value"))
        .integer(QStringLiteral("size"), Need::Optional)
        .onlyKnown({QStringLiteral("name"), QStringLiteral("direction"), QStringLiteral("type"),
                    QStringLiteral("value"), QStringLiteral("size")});
}

inline void parameterList(const QJsonValue &value, const QString &path, QStringList *problems)
{
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i)
        parameter(list.at(i), path + QStringLiteral("[%1]").arg(i), problems);
}

// The fields every query object (immediate and async) must carry.
inline void queryBase(ObjectCheck &q, const QString &mode, qint64 maxQueueMs)
{
    q.uuid(QStringLiteral("id"))
        .uuid(QStringLiteral("integratorId"))
        .uuid(QStringLiteral("siteId"))
        .equals(QStringLiteral("mode"), mode)
        .nonNegative(QStringLiteral("maxTimeInQueue"))
        .nonNegative(QStringLiteral("commandSize"))
        .nonNegative(QStringLiteral("requestSize"))
        .dateTimeField(QStringLiteral("createdAt"))
        .dateTimeField(QStringLiteral("updatedAt"));
    const double queue = q.json().value(QStringLiteral("maxTimeInQueue")).toDouble();
    if (queue > double(maxQueueMs))
        q.problem(QStringLiteral("maxTimeInQueue"),
                  QStringLiteral("%1 is above the maximum %2").arg(queue).arg(maxQueueMs));
}

inline const QStringList &queryProperties()
{
    static const QStringList values = {
        QStringLiteral("id"),           QStringLiteral("integratorId"),
        QStringLiteral("siteId"),       QStringLiteral("mode"),
        QStringLiteral("status"),       QStringLiteral("maxTimeInQueue"),
        QStringLiteral("commandSize"),  QStringLiteral("requestSize"),
        QStringLiteral("createdAt"),    QStringLiteral("updatedAt"),
        QStringLiteral("statusTiming"), QStringLiteral("metrics"),
        QStringLiteral("result"),       QStringLiteral("resultSize"),
        QStringLiteral("completedAt"),  QStringLiteral("errorCode"),
        QStringLiteral("errorMessage"), QStringLiteral("errorDetails")};
    return values;
}

// statusTiming: each state an object with a startTime (required) and an optional endTime.
// StatusTimingImmediate lists startTime only, but the docs' immediate example shows endTime too.
inline void statusTiming(const QJsonValue &value, const QString &path, bool immediate,
                         const QStringList &required, QStringList *problems)
{
    ObjectCheck timing(value, path, problems);
    QStringList known = timingStates();
    if (immediate)
        known.append(QStringLiteral("downloading")); // StatusTimingImmediate only
    timing.onlyKnown(known);
    for (const QString &state : required) {
        if (!timing.has(state))
            timing.problem(state, QStringLiteral("required property is missing"));
    }
    for (auto it = timing.json().constBegin(); it != timing.json().constEnd(); ++it) {
        ObjectCheck state(it.value(), joinPath(path, it.key()), problems);
        state.dateTimeField(QStringLiteral("startTime"))
            .dateTimeField(QStringLiteral("endTime"), Need::Optional)
            .onlyKnown({QStringLiteral("startTime"), QStringLiteral("endTime")});
    }
}

// SuccessfulImmediateQuery (200 from POST .../queries/immediate).
inline QStringList successfulImmediateQuery(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck q(value, QString(), &problems);
    queryBase(q, QStringLiteral("immediate"), 60000);
    q.equals(QStringLiteral("status"), QStringLiteral("successful"))
        .object(QStringLiteral("statusTiming"))
        .object(QStringLiteral("metrics"))
        .object(QStringLiteral("result"))
        .dateTimeField(QStringLiteral("completedAt"))
        .nonNegative(QStringLiteral("resultSize"), Need::Optional)
        .onlyKnown(queryProperties());
    statusTiming(q.json().value(QStringLiteral("statusTiming")), QStringLiteral("statusTiming"),
                 true, {QStringLiteral("initialising"), QStringLiteral("executing")}, &problems);
    ObjectCheck metrics(q.json().value(QStringLiteral("metrics")), QStringLiteral("metrics"),
                        &problems);
    metrics.nonNegative(QStringLiteral("sqlExecutionDuration"))
        .onlyKnown({QStringLiteral("sqlExecutionDuration")});

    // result: QueryResult {rows, size, data, parameters?} or NonQueryResult {rowsAffected, size,
    // parameters?}.
    ObjectCheck result(q.json().value(QStringLiteral("result")), QStringLiteral("result"),
                       &problems);
    if (result.has(QStringLiteral("rowsAffected"))) {
        result.integer(QStringLiteral("rowsAffected"))
            .nonNegative(QStringLiteral("size"))
            .absent(QStringLiteral("data"))
            .array(QStringLiteral("parameters"), Need::Optional)
            .onlyKnown({QStringLiteral("rowsAffected"), QStringLiteral("size"),
                        QStringLiteral("parameters")});
    } else {
        result.nonNegative(QStringLiteral("rows"))
            .nonNegative(QStringLiteral("size"))
            .string(QStringLiteral("data"))
            .array(QStringLiteral("parameters"), Need::Optional)
            .onlyKnown({QStringLiteral("rows"), QStringLiteral("size"), QStringLiteral("data"),
                        QStringLiteral("parameters")});
    }
    parameterList(result.json().value(QStringLiteral("parameters")),
                  QStringLiteral("result.parameters"), &problems);
    return problems;
}

// ExecutionFailedImmediateQuery: the query object with status executionFailed, errorDetails and
// the deprecated top-level errorCode / errorMessage copies.
inline QStringList executionFailedImmediateQuery(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck q(value, QString(), &problems);
    queryBase(q, QStringLiteral("immediate"), 60000);
    q.equals(QStringLiteral("status"), QStringLiteral("executionFailed"))
        .object(QStringLiteral("statusTiming"))
        .object(QStringLiteral("errorDetails"))
        .integer(QStringLiteral("errorCode"))
        .string(QStringLiteral("errorMessage"))
        .dateTimeField(QStringLiteral("completedAt"))
        .absent(QStringLiteral("result"))
        .onlyKnown(queryProperties());
    statusTiming(q.json().value(QStringLiteral("statusTiming")), QStringLiteral("statusTiming"),
                 false, {QStringLiteral("initialising")}, &problems);
    errorDetails(q.json().value(QStringLiteral("errorDetails")), QStringLiteral("errorDetails"),
                 &problems);
    const QJsonObject details = q.json().value(QStringLiteral("errorDetails")).toObject();
    if (q.json().value(QStringLiteral("errorCode")) != details.value(QStringLiteral("errorCode")))
        q.problem(QStringLiteral("errorCode"), QStringLiteral("differs from errorDetails"));
    if (q.json().value(QStringLiteral("errorMessage")) !=
        details.value(QStringLiteral("errorMessage")))
        q.problem(QStringLiteral("errorMessage"), QStringLiteral("differs from errorDetails"));
    return problems;
}

// Page: {pageNumber, status (queued|uploading|cached), size, rows {count, rangeStart, rangeEnd}}.
inline void page(const QJsonValue &value, const QString &path, QStringList *problems)
{
    ObjectCheck p(value, path, problems);
    p.integer(QStringLiteral("pageNumber"))
        .oneOf(QStringLiteral("status"), pageStatuses())
        .nonNegative(QStringLiteral("size"))
        .object(QStringLiteral("rows"))
        .onlyKnown({QStringLiteral("pageNumber"), QStringLiteral("status"), QStringLiteral("size"),
                    QStringLiteral("rows")});
    if (p.json().value(QStringLiteral("pageNumber")).toDouble() < 1)
        p.problem(QStringLiteral("pageNumber"), QStringLiteral("pages are numbered from 1"));
    ObjectCheck rows(p.json().value(QStringLiteral("rows")), joinPath(path, QStringLiteral("rows")),
                     problems);
    rows.nonNegative(QStringLiteral("count"))
        .integer(QStringLiteral("rangeStart"))
        .integer(QStringLiteral("rangeEnd"))
        .onlyKnown(
            {QStringLiteral("count"), QStringLiteral("rangeStart"), QStringLiteral("rangeEnd")});
}

// AsyncQuery, checked against the schema its `status` discriminator selects.
inline QStringList asyncQuery(const QJsonValue &value, const QString &path = QString())
{
    QStringList problems;
    ObjectCheck q(value, path, &problems);
    queryBase(q, QStringLiteral("async"), 7200000);
    q.oneOf(QStringLiteral("status"), asyncStatuses())
        .object(QStringLiteral("statusTiming"))
        .onlyKnown(queryProperties());
    statusTiming(q.json().value(QStringLiteral("statusTiming")),
                 joinPath(path, QStringLiteral("statusTiming")), false,
                 {QStringLiteral("initialising")}, &problems);

    const QString status = q.json().value(QStringLiteral("status")).toString();
    if (isTerminalAsyncStatus(status))
        q.dateTimeField(QStringLiteral("completedAt"));
    else
        q.absent(QStringLiteral("completedAt"));

    if (status == QLatin1String("executionFailed") || status == QLatin1String("uploadFailed")) {
        // FailedQueryErrorProperties: errorCode and errorMessage are required.
        q.integer(QStringLiteral("errorCode")).string(QStringLiteral("errorMessage"));
    }
    if (q.has(QStringLiteral("errorDetails")))
        errorDetails(q.json().value(QStringLiteral("errorDetails")),
                     joinPath(path, QStringLiteral("errorDetails")), &problems);

    if (status == QLatin1String("uploading") || status == QLatin1String("successful")) {
        q.object(QStringLiteral("metrics"));
        ObjectCheck metrics(q.json().value(QStringLiteral("metrics")),
                            joinPath(path, QStringLiteral("metrics")), &problems);
        metrics.nonNegative(QStringLiteral("sqlExecutionDuration"))
            .onlyKnown({QStringLiteral("sqlExecutionDuration")});
    }
    if (status == QLatin1String("successful")) {
        q.object(QStringLiteral("result")).nonNegative(QStringLiteral("resultSize"));
    }
    if (q.has(QStringLiteral("result"))) {
        // AsyncQueryResult {rows, size, pages} or AsyncNonQueryResult {rowsAffected, size, pages}.
        const QString resultPath = joinPath(path, QStringLiteral("result"));
        ObjectCheck result(q.json().value(QStringLiteral("result")), resultPath, &problems);
        if (result.has(QStringLiteral("rowsAffected")))
            result.integer(QStringLiteral("rowsAffected"));
        else
            result.nonNegative(QStringLiteral("rows"));
        result.nonNegative(QStringLiteral("size"))
            .array(QStringLiteral("pages"))
            .array(QStringLiteral("parameters"), Need::Optional)
            .onlyKnown({QStringLiteral("rows"), QStringLiteral("rowsAffected"),
                        QStringLiteral("size"), QStringLiteral("pages"),
                        QStringLiteral("parameters")});
        const QJsonArray pages = result.json().value(QStringLiteral("pages")).toArray();
        for (qsizetype i = 0; i < pages.size(); ++i)
            page(pages.at(i), resultPath + QStringLiteral(".pages[%1]").arg(i), &problems);
        parameterList(result.json().value(QStringLiteral("parameters")),
                      resultPath + QStringLiteral(".parameters"), &problems);
    }
    return problems;
}

// Body of GET .../results/{pageNumber}: {data (base64, required), parameters} or, for a
// nonQuery, {parameters}.
inline QStringList resultPage(const QJsonValue &value, bool nonQuery)
{
    QStringList problems;
    ObjectCheck p(value, QString(), &problems);
    if (nonQuery)
        p.absent(QStringLiteral("data"));
    else
        p.string(QStringLiteral("data"));
    p.array(QStringLiteral("parameters"), Need::Optional)
        .onlyKnown({QStringLiteral("data"), QStringLiteral("parameters")});
    parameterList(p.json().value(QStringLiteral("parameters")), QStringLiteral("parameters"),
                  &problems);
    return problems;
}

// Response of POST .../queries/status: {results: [{queryId, status (found|notFound), query?}]}.
inline QStringList batchStatus(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck root(value, QString(), &problems);
    root.array(QStringLiteral("results")).onlyKnown({QStringLiteral("results")});
    const QJsonArray results = root.json().value(QStringLiteral("results")).toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QString path = QStringLiteral("results[%1]").arg(i);
        ObjectCheck entry(results.at(i), path, &problems);
        entry.uuid(QStringLiteral("queryId"))
            .oneOf(QStringLiteral("status"), {QStringLiteral("found"), QStringLiteral("notFound")})
            .onlyKnown(
                {QStringLiteral("queryId"), QStringLiteral("status"), QStringLiteral("query")});
        if (entry.json().value(QStringLiteral("status")) == QLatin1String("found"))
            problems += asyncQuery(entry.json().value(QStringLiteral("query")),
                                   path + QStringLiteral(".query"));
        else
            entry.absent(QStringLiteral("query"));
    }
    return problems;
}

// ------------------------------------------------------------------------------------------
// Registered queries

inline QStringList registeredQuery(const QJsonValue &value, const QString &path = QString())
{
    QStringList problems;
    ObjectCheck q(value, path, &problems);
    q.uuid(QStringLiteral("id"))
        .nonEmptyString(QStringLiteral("name"))
        .equals(QStringLiteral("registeredQueryType"), QStringLiteral("query"))
        .oneOf(QStringLiteral("status"), registeredStatuses())
        .integer(QStringLiteral("frequency"))
        .integer(QStringLiteral("duration"))
        .dateTimeField(QStringLiteral("createdAt"))
        .object(QStringLiteral("metrics"))
        .string(QStringLiteral("lastHash"), Need::Optional)
        .object(QStringLiteral("lastErrorDetails"), Need::Optional)
        .dateTimeField(QStringLiteral("completedAt"), Need::Optional)
        .onlyKnown({QStringLiteral("id"), QStringLiteral("name"),
                    QStringLiteral("registeredQueryType"), QStringLiteral("status"),
                    QStringLiteral("frequency"), QStringLiteral("duration"),
                    QStringLiteral("lastHash"), QStringLiteral("lastErrorDetails"),
                    QStringLiteral("metrics"), QStringLiteral("createdAt"),
                    QStringLiteral("completedAt")});
    if (q.has(QStringLiteral("lastErrorDetails")))
        errorDetails(q.json().value(QStringLiteral("lastErrorDetails")),
                     joinPath(path, QStringLiteral("lastErrorDetails")), &problems);
    ObjectCheck metrics(q.json().value(QStringLiteral("metrics")),
                        joinPath(path, QStringLiteral("metrics")), &problems);
    metrics.string(QStringLiteral("lastSucceededAt"), Need::Optional)
        .string(QStringLiteral("lastFailedAt"), Need::Optional)
        .integer(QStringLiteral("lastExecutionDuration"), Need::Optional)
        .integer(QStringLiteral("executionSucceededCount"), Need::Optional)
        .integer(QStringLiteral("executionFailedCount"), Need::Optional)
        .integer(QStringLiteral("resultSizeSum"), Need::Optional)
        .integer(QStringLiteral("requestSize"), Need::Optional)
        .onlyKnown({QStringLiteral("lastSucceededAt"), QStringLiteral("lastFailedAt"),
                    QStringLiteral("lastExecutionDuration"),
                    QStringLiteral("executionSucceededCount"),
                    QStringLiteral("executionFailedCount"), QStringLiteral("resultSizeSum"),
                    QStringLiteral("requestSize")});
    return problems;
}

// RegisteredQueryResult: {data, parameters (array or null), rows, size}, all required.
inline QStringList registeredQueryResult(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck r(value, QString(), &problems);
    r.string(QStringLiteral("data"))
        .nonNegative(QStringLiteral("rows"))
        .nonNegative(QStringLiteral("size"))
        .onlyKnown({QStringLiteral("data"), QStringLiteral("parameters"), QStringLiteral("rows"),
                    QStringLiteral("size")});
    const QJsonValue parameters = r.json().value(QStringLiteral("parameters"));
    if (!r.has(QStringLiteral("parameters")))
        r.problem(QStringLiteral("parameters"), QStringLiteral("required property is missing"));
    else if (!parameters.isArray() && !parameters.isNull())
        r.problem(QStringLiteral("parameters"), QStringLiteral("expected an array or null"));
    parameterList(parameters, QStringLiteral("parameters"), &problems);
    return problems;
}

// ------------------------------------------------------------------------------------------
// FHIR (the description only says "object"; these follow FHIR R4 itself)

inline QStringList operationOutcome(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck o(value, QString(), &problems);
    o.equals(QStringLiteral("resourceType"), QStringLiteral("OperationOutcome"))
        .array(QStringLiteral("issue"));
    const QJsonArray issues = o.json().value(QStringLiteral("issue")).toArray();
    if (issues.isEmpty())
        o.problem(QStringLiteral("issue"), QStringLiteral("needs at least one issue"));
    static const QStringList severities = {QStringLiteral("fatal"), QStringLiteral("error"),
                                           QStringLiteral("warning"),
                                           QStringLiteral("information")};
    for (qsizetype i = 0; i < issues.size(); ++i) {
        ObjectCheck issue(issues.at(i), QStringLiteral("issue[%1]").arg(i), &problems);
        issue.oneOf(QStringLiteral("severity"), severities).nonEmptyString(QStringLiteral("code"));
    }
    return problems;
}

inline QStringList searchsetBundle(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck b(value, QString(), &problems);
    b.equals(QStringLiteral("resourceType"), QStringLiteral("Bundle"))
        .equals(QStringLiteral("type"), QStringLiteral("searchset"))
        .nonNegative(QStringLiteral("total"))
        .array(QStringLiteral("link"))
        .array(QStringLiteral("entry"), Need::Optional);
    const QJsonArray links = b.json().value(QStringLiteral("link")).toArray();
    for (qsizetype i = 0; i < links.size(); ++i) {
        ObjectCheck link(links.at(i), QStringLiteral("link[%1]").arg(i), &problems);
        link.nonEmptyString(QStringLiteral("relation")).nonEmptyString(QStringLiteral("url"));
    }
    const QJsonArray entries = b.json().value(QStringLiteral("entry")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        ObjectCheck entry(entries.at(i), QStringLiteral("entry[%1]").arg(i), &problems);
        entry.nonEmptyString(QStringLiteral("fullUrl")).object(QStringLiteral("resource"));
        ObjectCheck resource(entry.json().value(QStringLiteral("resource")),
                             QStringLiteral("entry[%1].resource").arg(i), &problems);
        resource.nonEmptyString(QStringLiteral("resourceType"))
            .nonEmptyString(QStringLiteral("id"));
    }
    return problems;
}

inline QStringList capabilityStatement(const QJsonValue &value)
{
    QStringList problems;
    ObjectCheck c(value, QString(), &problems);
    c.equals(QStringLiteral("resourceType"), QStringLiteral("CapabilityStatement"))
        .oneOf(QStringLiteral("status"), {QStringLiteral("draft"), QStringLiteral("active"),
                                          QStringLiteral("retired"), QStringLiteral("unknown")})
        .oneOf(QStringLiteral("kind"), {QStringLiteral("instance"), QStringLiteral("capability"),
                                        QStringLiteral("requirements")})
        .equals(QStringLiteral("fhirVersion"), QStringLiteral("4.0.1"))
        .array(QStringLiteral("format"))
        .array(QStringLiteral("rest"));
    const QJsonArray rest = c.json().value(QStringLiteral("rest")).toArray();
    if (rest.isEmpty()) {
        c.problem(QStringLiteral("rest"), QStringLiteral("needs at least one entry"));
        return problems;
    }
    ObjectCheck server(rest.at(0), QStringLiteral("rest[0]"), &problems);
    server.equals(QStringLiteral("mode"), QStringLiteral("server"))
        .array(QStringLiteral("resource"));
    const QJsonArray resources = server.json().value(QStringLiteral("resource")).toArray();
    for (qsizetype i = 0; i < resources.size(); ++i) {
        ObjectCheck resource(resources.at(i), QStringLiteral("rest[0].resource[%1]").arg(i),
                             &problems);
        resource.nonEmptyString(QStringLiteral("type")).array(QStringLiteral("interaction"));
    }
    return problems;
}

} // namespace ApiShapes
