// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/AnswerReading.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cstring>

namespace Halo::AnswerReading {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::AnswerReading)
};

// Just enough JSON to step over values: strings (with escapes), objects and arrays (by depth)
// and scalars. Never builds anything, so megabytes of base64 cost one pass over the bytes.
struct Scanner {
    const char *p;
    const char *end;

    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            ++p;
    }
    // At '"': moves past the closing quote. memchr finds the quotes (megabytes of base64 have
    // none); a quote after an odd run of backslashes is escaped and the search goes on.
    bool skipString()
    {
        ++p;
        for (;;) {
            const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
            if (!quote) {
                p = end;
                return false;
            }
            const char *run = quote;
            while (run > p && run[-1] == '\\')
                --run;
            p = quote + 1;
            if ((quote - run) % 2 == 0)
                return true;
        }
    }
    bool skipValue()
    {
        if (p >= end)
            return false;
        if (*p == '"')
            return skipString();
        if (*p == '{' || *p == '[') {
            int depth = 0;
            while (p < end) {
                const char c = *p;
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    ++p;
                    return true;
                }
                ++p;
            }
            return false;
        }
        const char *start = p;
        while (p < end && !std::strchr(",}] \t\r\n", *p))
            ++p;
        return p > start;
    }
    // At '{': moves to the value of member `key`.
    bool findMember(const char *key)
    {
        if (p >= end || *p != '{')
            return false;
        ++p;
        const size_t keyLength = std::strlen(key);
        for (;;) {
            skipSpace();
            if (p >= end || *p != '"')
                return false;
            const char *name = p + 1;
            if (!skipString())
                return false;
            const bool match =
                size_t(p - 1 - name) == keyLength && std::memcmp(name, key, keyLength) == 0;
            skipSpace();
            if (p >= end || *p != ':')
                return false;
            ++p;
            skipSpace();
            if (match)
                return true;
            if (!skipValue())
                return false;
            skipSpace();
            if (p >= end || *p != ',')
                return false;
            ++p;
        }
    }
};

} // namespace

ApiError readObject(const QByteArray &body, QJsonObject *object)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray start = body.trimmed().left(1);
        if (start == "{" || start == "[")
            return ApiError::badAnswer(Text::tr("the answer is broken JSON (%1 at byte %2)")
                                           .arg(error.errorString())
                                           .arg(error.offset));
        return ApiError::notJson(body);
    }
    if (!document.isObject())
        return ApiError::badAnswer(Text::tr("the answer is JSON but not an object"));
    *object = document.object();
    return ApiError();
}

bool looksLikeJson(const QByteArray &body)
{
    const char *origin = body.constData();
    Scanner scanner{origin, origin + body.size()};
    scanner.skipSpace();
    if (scanner.p >= scanner.end || !std::strchr("{[\"-0123456789tfn", *scanner.p))
        return false;
    if (!scanner.skipValue())
        return false;
    scanner.skipSpace();
    return scanner.p == scanner.end;
}

ApiError missing(const QString &field)
{
    return ApiError::badAnswer(Text::tr("the answer has no usable “%1”").arg(field));
}

bool isWellFormedId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        const bool unreserved = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                                (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                                c == QLatin1Char('-') || c == QLatin1Char('_') ||
                                c == QLatin1Char('.') || c == QLatin1Char('~');
        if (!unreserved)
            return false;
    }
    return true;
}

bool hasText(const QJsonObject &object, const char *key)
{
    return !object.value(QLatin1String(key)).toString().isEmpty();
}

Span findString(const QByteArray &body, std::initializer_list<const char *> path)
{
    const char *origin = body.constData();
    Scanner scanner{origin, origin + body.size()};
    scanner.skipSpace();
    for (const char *key : path) {
        if (!scanner.findMember(key))
            return {};
    }
    if (scanner.p >= scanner.end || *scanner.p != '"')
        return {};
    const char *begin = scanner.p;
    if (!scanner.skipString())
        return {};
    return {begin - origin, scanner.p - origin};
}

QByteArray withEmptyString(const QByteArray &body, Span span)
{
    if (!span.found())
        return body;
    QByteArray envelope;
    envelope.reserve(body.size() - (span.end - span.begin) + 2);
    envelope.append(body.constData(), span.begin);
    envelope.append("\"\"");
    envelope.append(body.constData() + span.end, body.size() - span.end);
    return envelope;
}

} // namespace Halo::AnswerReading

namespace Halo::AnswerReading {

ApiError readQuery(const QJsonObject &json, QueryInfo *info)
{
    if (!hasText(json, "id"))
        return missing(QStringLiteral("id"));
    if (!hasText(json, "status"))
        return missing(QStringLiteral("status"));
    *info = QueryInfo::fromJson(json);
    return ApiError();
}

ApiError readResultEnvelope(const QByteArray &body, bool dataRequired, ResultData *data,
                            DecodedResult *result)
{
    const Span span = findString(body, {"data"});
    QJsonObject json;
    if (const ApiError error = readObject(withEmptyString(body, span), &json); error.isError())
        return error;
    const QJsonValue dataValue = json.value(QLatin1String("data"));
    if (dataValue.isUndefined() ? dataRequired : !dataValue.isString())
        return missing(QStringLiteral("data"));
    const QJsonValue parameters = json.value(QLatin1String("parameters"));
    if (!parameters.isUndefined() && !parameters.isNull() && !parameters.isArray())
        return missing(QStringLiteral("parameters"));
    *data = ResultData::fromJson(json);
    if (span.found())
        *result = ResultDecoder::decodeResponseBody(body);
    return ApiError();
}

} // namespace Halo::AnswerReading
