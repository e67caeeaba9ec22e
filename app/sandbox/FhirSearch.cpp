// SPDX-License-Identifier: GPL-3.0-or-later
// Request parameters: decoding them, the page size and format they ask for, and the problems a
// search can meet. The resources are in FhirSearchSpecs.cpp, the SQL in FhirSearchFilter.cpp.
#include "FhirSearch.h"

#include <QRegularExpression>

#include <algorithm>

namespace Sandbox::Fhir {

Problem invalid(const QString &text)
{
    return {400, QStringLiteral("invalid"), InvalidValue, text};
}

Problem notSupported(const QString &text, int number, int status)
{
    return {status, QStringLiteral("not-supported"), number, text};
}

// application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
Parameters parseForm(const QByteArray &body)
{
    Parameters parameters;
    const QList<QByteArray> pairs = body.trimmed().split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const int equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        parameters.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                           QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return parameters;
}

QString lastValue(const Parameters &parameters, const QString &name)
{
    QString value;
    for (const auto &[key, parameterValue] : parameters) {
        if (key == name)
            value = parameterValue;
    }
    return value;
}

bool hasParameter(const Parameters &parameters, const QString &name)
{
    return std::any_of(parameters.cbegin(), parameters.cend(),
                       [&name](const auto &parameter) { return parameter.first == name; });
}

// Empty values are ignored, as the FHIR search rules ask.
Parameters withoutEmptyValues(const Parameters &parameters)
{
    Parameters kept;
    for (const auto &parameter : parameters) {
        if (!parameter.second.trimmed().isEmpty())
            kept.append(parameter);
    }
    return kept;
}

std::optional<qint64> parseId(const QString &value)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(value).hasMatch())
        return std::nullopt;
    return value.toLongLong();
}

std::optional<int> parseCount(const QString &value)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,9}$"));
    if (!digits.match(value).hasMatch())
        return std::nullopt;
    return value.toInt();
}

// Parameters that shape the result rather than select it; not part of the stored search
// except _sort.
bool isResultParameter(const QString &name)
{
    return name == QLatin1String("_count") || name == QLatin1String("_total") ||
           name == QLatin1String("_format") || name == QLatin1String("_pretty");
}

std::optional<Problem> pageSize(const Parameters &parameters, int defaultCount, int &count)
{
    count = std::min(defaultCount, MaxPageSize);
    if (!hasParameter(parameters, QStringLiteral("_count")))
        return std::nullopt;
    const QString value = lastValue(parameters, QStringLiteral("_count"));
    const std::optional<int> parsed = parseCount(value.trimmed());
    if (!parsed)
        return invalid(QStringLiteral("Invalid value for '_count': '%1'. Expected a whole number "
                                      "from 0 to %2")
                           .arg(value)
                           .arg(MaxPageSize));
    count = std::min(*parsed, MaxPageSize); // larger pages are clamped, as HAPI does
    return std::nullopt;
}

std::optional<Problem> checkFormat(const Parameters &parameters)
{
    const QString format = lastValue(parameters, QStringLiteral("_format")).toLower();
    if (format.isEmpty() || format.contains(QLatin1String("json")))
        return std::nullopt;
    return Problem{406, QStringLiteral("not-supported"), NotSupported,
                   QStringLiteral("Only JSON is supported (_format=%1)").arg(format)};
}

} // namespace Sandbox::Fhir
