// SPDX-License-Identifier: GPL-3.0-or-later
// Turning search parameters into SQL: one condition per value, ORed within a parameter and
// ANDed across parameters, with every value bound.
#include "FhirSearch.h"

#include "FhirResources.h"

#include <QDate>
#include <QRegularExpression>

#include <algorithm>

namespace Sandbox::Fhir {

namespace {

// FHIR search values escape ',', '|', '$' and '\' with a backslash; split at unescaped
// separators only, keeping the escapes for a later split.
QStringList splitUnescaped(const QString &value, QChar separator)
{
    QStringList parts;
    QString current;
    for (int i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == QLatin1Char('\\') && i + 1 < value.size()) {
            current += c;
            current += value.at(++i);
        } else if (c == separator) {
            parts.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.append(current);
    return parts;
}

QString unescape(const QString &value)
{
    QString result;
    for (int i = 0; i < value.size(); ++i) {
        if (value.at(i) == QLatin1Char('\\') && i + 1 < value.size())
            ++i;
        result += value.at(i);
    }
    return result;
}

struct Token {
    bool hasSystem = false;
    QString system;
    QString code;
};

Token parseToken(const QString &rawValue)
{
    const QStringList parts = splitUnescaped(rawValue, QLatin1Char('|'));
    if (parts.size() < 2)
        return {false, {}, unescape(rawValue).trimmed()};
    return {true, unescape(parts.at(0)).trimmed(), unescape(parts.mid(1).join(QLatin1Char('|')))};
}

struct Condition {
    QString sql;
    QVariantList binds;
};

const Condition NoMatch{QStringLiteral("0"), {}};

QString likePattern(const QString &value, bool contains)
{
    QString escaped = value.toLower();
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return (contains ? QStringLiteral("%") : QString()) + escaped + QLatin1Char('%');
}

Condition textCondition(const ParamSpec &param, const QString &modifier, const QString &value)
{
    Condition condition;
    QStringList alternatives;
    for (const QString &column : param.columns) {
        if (modifier == QLatin1String("exact")) {
            alternatives.append(column + QStringLiteral(" = ?"));
            condition.binds.append(value);
        } else {
            const bool contains = modifier == QLatin1String("contains") || param.containsByDefault;
            alternatives.append(QStringLiteral("lower(%1) LIKE ? ESCAPE '\\'").arg(column));
            condition.binds.append(likePattern(value, contains));
        }
    }
    condition.sql = alternatives.join(QStringLiteral(" OR "));
    return condition;
}

std::optional<Problem> dateCondition(const ParamSpec &param, const QString &raw,
                                     Condition &condition)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(eq|ne|lt|le|gt|ge|sa|eb|ap)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const QRegularExpressionMatch match = pattern.match(raw.trimmed());
    const auto bad = [&] {
        return invalid(QStringLiteral("Invalid value for '%1': '%2'. Expected YYYY, YYYY-MM or "
                                      "YYYY-MM-DD, optionally prefixed by eq, ne, lt, le, gt "
                                      "or ge")
                           .arg(param.name, raw));
    };
    if (!match.hasMatch())
        return bad();
    const QString prefix = match.captured(1).isEmpty() ? QStringLiteral("eq") : match.captured(1);
    if (prefix == QLatin1String("sa") || prefix == QLatin1String("eb") ||
        prefix == QLatin1String("ap")) {
        return notSupported(
            QStringLiteral("Prefix '%1' is not supported for '%2'").arg(prefix, param.name));
    }
    const int year = match.captured(2).toInt();
    const bool hasMonth = !match.captured(3).isEmpty();
    const bool hasDay = !match.captured(4).isEmpty();
    const int month = hasMonth ? match.captured(3).toInt() : 1;
    const QDate low(year, month, hasDay ? match.captured(4).toInt() : 1);
    if (!low.isValid())
        return bad();
    const QDate high = hasDay ? low : hasMonth ? low.addMonths(1).addDays(-1) : QDate(year, 12, 31);
    const QString lo = low.toString(Qt::ISODate);
    const QString hi = high.toString(Qt::ISODate);
    // The stored value is a day: compare its YYYY-MM-DD part with the searched range.
    const QString column = QStringLiteral("substr(%1, 1, 10)").arg(param.columns.first());
    if (prefix == QLatin1String("eq"))
        condition = {QStringLiteral("(%1 >= ? AND %1 <= ?)").arg(column), {lo, hi}};
    else if (prefix == QLatin1String("ne"))
        condition = {QStringLiteral("(%1 < ? OR %1 > ?)").arg(column), {lo, hi}};
    else if (prefix == QLatin1String("lt"))
        condition = {column + QStringLiteral(" < ?"), {lo}};
    else if (prefix == QLatin1String("le"))
        condition = {column + QStringLiteral(" <= ?"), {hi}};
    else if (prefix == QLatin1String("gt"))
        condition = {column + QStringLiteral(" > ?"), {hi}};
    else
        condition = {column + QStringLiteral(" >= ?"), {lo}};
    return std::nullopt;
}

// A code from a fixed list, optionally with its code system.
std::optional<Problem> codeCondition(const ParamSpec &param, const QString &raw, const char *system,
                                     const QStringList &codes, QString &code)
{
    const Token token = parseToken(raw);
    if (token.hasSystem && !token.system.isEmpty() && token.system != QLatin1String(system)) {
        return invalid(QStringLiteral("Unknown code system '%1' for '%2'; expected %3")
                           .arg(token.system, param.name, QLatin1String(system)));
    }
    if (!codes.contains(token.code)) {
        return invalid(QStringLiteral("Invalid value for '%1': '%2'. Expected one of: %3")
                           .arg(param.name, token.code, codes.join(QStringLiteral(", "))));
    }
    code = token.code;
    return std::nullopt;
}

std::optional<Problem> genderCondition(const ParamSpec &param, const QString &raw,
                                       Condition &condition)
{
    QString code;
    const QStringList codes{QStringLiteral("male"), QStringLiteral("female"),
                            QStringLiteral("other"), QStringLiteral("unknown")};
    if (auto problem = codeCondition(param, raw, GenderSystem, codes, code))
        return problem;
    if (code == QLatin1String("unknown")) {
        condition = {QStringLiteral("(sex IS NULL OR upper(sex) NOT IN ('M', 'F', 'X'))"), {}};
    } else {
        const QString sex = code == QLatin1String("male")     ? QStringLiteral("M")
                            : code == QLatin1String("female") ? QStringLiteral("F")
                                                              : QStringLiteral("X");
        condition = {QStringLiteral("upper(sex) = ?"), {sex}};
    }
    return std::nullopt;
}

Condition patientIdentifierCondition(const QString &raw)
{
    const Token token = parseToken(raw);
    const QString value = token.code.trimmed();
    const QString digits = QString(value).remove(QLatin1Char(' '));
    const auto medicare = [&]() -> Condition {
        if (value.isEmpty())
            return {QStringLiteral("medicare_no IS NOT NULL"), {}};
        return {QStringLiteral("(medicare_no = ? OR medicare_no || medicare_irn = ?)"),
                {digits, digits}};
    };
    const auto column = [&](const char *name, const QString &bound) -> Condition {
        if (value.isEmpty())
            return {QLatin1String(name) + QStringLiteral(" IS NOT NULL"), {}};
        return {QLatin1String(name) + QStringLiteral(" = ?"), {bound}};
    };
    const auto localId = [&]() -> Condition {
        if (value.isEmpty())
            return {QStringLiteral("1"), {}};
        const std::optional<qint64> id = parseId(value);
        return id ? Condition{QStringLiteral("id = ?"), {*id}} : NoMatch;
    };

    const QString &system = token.system;
    if (system == QLatin1String(MedicareSystem))
        return medicare();
    if (system == QLatin1String(IhiSystem))
        return column("ihi", digits);
    if (system == QLatin1String(DvaSystem))
        return column("dva_no", value);
    if (system == QLatin1String(MrnSystem))
        return localId();
    if (!system.isEmpty())
        return NoMatch;
    if (value.isEmpty())
        return NoMatch;
    // No system ("value" or "|value"): every identifier we hold has a system, so the
    // sandbox is lenient and treats both as "any system".
    Condition any;
    for (const Condition &part :
         {medicare(), column("ihi", digits), column("dva_no", value), localId()}) {
        any.sql += (any.sql.isEmpty() ? QString() : QStringLiteral(" OR ")) + part.sql;
        any.binds += part.binds;
    }
    return any;
}

Condition providerIdentifierCondition(const QString &raw)
{
    const Token token = parseToken(raw);
    if (!token.system.isEmpty() && token.system != QLatin1String(ProviderNumberSystem))
        return NoMatch;
    if (token.code.isEmpty())
        return token.hasSystem ? Condition{QStringLiteral("provider_no IS NOT NULL"), {}} : NoMatch;
    return {QStringLiteral("provider_no = ?"), {token.code.trimmed()}};
}

std::optional<Problem> activeCondition(const ParamSpec &param, const QString &raw,
                                       Condition &condition)
{
    const QString value = parseToken(raw).code;
    if (value != QLatin1String("true") && value != QLatin1String("false")) {
        return invalid(QStringLiteral("Invalid value for '%1': '%2'. Expected true or false")
                           .arg(param.name, value));
    }
    condition = {param.columns.first() + QStringLiteral(" = ?"),
                 {value == QLatin1String("true") ? 1 : 0}};
    return std::nullopt;
}

std::optional<Problem> patientReferenceCondition(const ParamSpec &param, const QString &raw,
                                                 Condition &condition)
{
    QString value = unescape(raw).trimmed();
    // Accept "123", "Patient/123" and an absolute "{base}/Patient/123".
    const int typeAt = value.lastIndexOf(QLatin1String("Patient/"));
    if (typeAt >= 0)
        value = value.mid(typeAt + 8);
    else if (value.contains(QLatin1Char('/')))
        return invalid(QStringLiteral("Invalid value for '%1': '%2' is not a Patient reference")
                           .arg(param.name, raw));
    const std::optional<qint64> id = parseId(value);
    condition = id ? Condition{param.columns.first() + QStringLiteral(" = ?"), {*id}} : NoMatch;
    return std::nullopt;
}

std::optional<Problem> valueCondition(const ParamSpec &param, const QString &modifier,
                                      const QString &raw, Condition &condition)
{
    switch (param.kind) {
    case ParamKind::Id: {
        const std::optional<qint64> id = parseId(unescape(raw).trimmed());
        condition = id ? Condition{QStringLiteral("id = ?"), {*id}} : NoMatch;
        return std::nullopt;
    }
    case ParamKind::Text:
        condition = textCondition(param, modifier, unescape(raw));
        return std::nullopt;
    case ParamKind::Date:
        return dateCondition(param, raw, condition);
    case ParamKind::Gender:
        return genderCondition(param, raw, condition);
    case ParamKind::PatientIdentifier:
        condition = patientIdentifierCondition(raw);
        return std::nullopt;
    case ParamKind::ProviderIdentifier:
        condition = providerIdentifierCondition(raw);
        return std::nullopt;
    case ParamKind::Active:
        return activeCondition(param, raw, condition);
    case ParamKind::PatientReference:
        return patientReferenceCondition(param, raw, condition);
    case ParamKind::Criticality: {
        QString code;
        const QStringList codes{QStringLiteral("low"), QStringLiteral("high"),
                                QStringLiteral("unable-to-assess")};
        if (auto problem = codeCondition(param, raw, CriticalitySystem, codes, code))
            return problem;
        condition = {QStringLiteral("criticality = ?"), {code}};
        return std::nullopt;
    }
    }
    return std::nullopt;
}

bool modifierAllowed(const ParamSpec &param, const QString &modifier)
{
    if (modifier.isEmpty())
        return true;
    if (param.kind == ParamKind::Text)
        return modifier == QLatin1String("exact") || modifier == QLatin1String("contains");
    return param.kind == ParamKind::PatientReference && modifier == QLatin1String("Patient");
}

// One parameter occurrence: comma-separated values are ORed, and the result is ANDed with
// the other parameters.
std::optional<Problem> addParameter(const ResourceSpec &spec, const QString &key,
                                    const QString &value, Filter &filter)
{
    const int colon = key.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? key : key.left(colon);
    const QString modifier = colon < 0 ? QString() : key.mid(colon + 1);
    const ParamSpec *param = spec.param(name);
    if (!param) {
        return notSupported(QStringLiteral("Unknown search parameter '%1' for resource type "
                                           "'%2'. Supported: %3")
                                .arg(name, spec.type,
                                     [&spec] {
                                         QStringList names;
                                         for (const ParamSpec &p : spec.params)
                                             names.append(p.name);
                                         names << QStringLiteral("_count")
                                               << QStringLiteral("_sort");
                                         return names.join(QStringLiteral(", "));
                                     }()),
                            UnknownParameter);
    }
    if (!modifierAllowed(*param, modifier)) {
        return notSupported(QStringLiteral("Modifier ':%1' is not supported for parameter '%2'")
                                .arg(modifier, name));
    }
    QStringList alternatives;
    for (const QString &part : splitUnescaped(value, QLatin1Char(','))) {
        Condition condition;
        if (auto problem = valueCondition(*param, modifier, part, condition))
            return problem;
        alternatives.append(QLatin1Char('(') + condition.sql + QLatin1Char(')'));
        filter.binds += condition.binds;
    }
    filter.where.append(QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) +
                        QLatin1Char(')'));
    return std::nullopt;
}

std::optional<Problem> addSort(const ResourceSpec &spec, const QString &value, Filter &filter)
{
    for (QString key : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        key = key.trimmed();
        const bool descending = key.startsWith(QLatin1Char('-'));
        if (descending)
            key.remove(0, 1);
        const auto it = std::find_if(spec.sortKeys.cbegin(), spec.sortKeys.cend(),
                                     [&key](const auto &sortKey) { return sortKey.first == key; });
        if (it == spec.sortKeys.cend()) {
            QStringList keys;
            for (const auto &sortKey : spec.sortKeys)
                keys.append(sortKey.first);
            return notSupported(QStringLiteral("Sorting %1 by '%2' is not supported. Supported: %3")
                                    .arg(spec.type, key, keys.join(QStringLiteral(", "))));
        }
        filter.orderBy.append(it->second +
                              (descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC")));
    }
    return std::nullopt;
}

} // namespace

std::optional<Problem> compileFilter(const ResourceSpec &spec, const Parameters &parameters,
                                     Filter &filter)
{
    for (const auto &[key, value] : parameters) {
        if (isResultParameter(key))
            continue;
        if (key == QLatin1String("_sort")) {
            if (auto problem = addSort(spec, value, filter))
                return problem;
            continue;
        }
        if (auto problem = addParameter(spec, key, value, filter))
            return problem;
    }
    // id last (and unique) so every page boundary is stable.
    if (!filter.orderBy.contains(QStringLiteral("id ASC")) &&
        !filter.orderBy.contains(QStringLiteral("id DESC")))
        filter.orderBy.append(QStringLiteral("id ASC"));
    return std::nullopt;
}

} // namespace Sandbox::Fhir
