// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirRequest.h"

#include "fhir/FhirCapabilities.h"

#include <QStringView>

namespace Halo {

namespace {

const QLatin1String kCount("_count");
const QLatin1String kSearch("_search");
const QLatin1String kMetadata("metadata");

// ---- encoding ---------------------------------------------------------------------------------

// For the line: only what would change the meaning when read back is encoded, so values stay
// readable. Whitespace at either end is encoded too, since the line is trimmed when read.
QString encodeForLine(const QString &text, QLatin1String special, bool encodeAllSpace)
{
    qsizetype first = 0;
    while (first < text.size() && text.at(first).isSpace())
        ++first;
    qsizetype last = text.size();
    while (last > first && text.at(last - 1).isSpace())
        --last;

    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool edgeSpace = c.isSpace() && (i < first || i >= last || encodeAllSpace);
        // Only ASCII and spaces are ever encoded here, so one QChar is one character.
        if (edgeSpace || c.unicode() < 0x20 || c.unicode() == 0x7f || special.contains(c))
            out += QString::fromLatin1(QString(c).toUtf8().toPercentEncoding());
        else
            out += c;
    }
    return out;
}

QString lineName(const QString &name)
{
    return encodeForLine(name, QLatin1String("%&=#+:"), true);
}

QString lineModifier(const QString &modifier)
{
    return encodeForLine(modifier, QLatin1String("%&=#+"), true);
}

QString lineValue(const QString &value)
{
    return encodeForLine(value, QLatin1String("%&=#+"), false);
}

// For a URL query (RFC 3986): unreserved characters and a few delimiters that read well and
// mean nothing special inside a query value; everything else, '|' and '\'' included, encoded.
QString urlEncoded(const QString &text, const QByteArray &keep)
{
    return QString::fromLatin1(text.toUtf8().toPercentEncoding(keep));
}

QString urlKey(const FhirSearchTerm &term)
{
    // ':' separates the modifier, so inside the name it must be encoded.
    QString key = urlEncoded(term.name, QByteArray());
    if (!term.modifier.isEmpty())
        key += QLatin1Char(':') + urlEncoded(term.modifier, QByteArrayLiteral(":"));
    return key;
}

// QUrlQuery leaves '+' as it is (a form reader takes it for a space) and reads "%XX" in its
// input as already encoded; encoding those two first makes every character arrive as typed.
QString formSafe(QString text)
{
    text.replace(QLatin1Char('%'), QLatin1String("%25"));
    text.replace(QLatin1Char('+'), QLatin1String("%2B"));
    return text;
}

// ---- decoding ---------------------------------------------------------------------------------

int hexValue(QChar c)
{
    const ushort u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// %XX sequences are decoded as UTF-8; a '%' that starts no such sequence is a plain '%', and
// '+' is a plus.
QString decodeFromLine(QStringView text)
{
    QByteArray bytes;
    qsizetype literalStart = 0;
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('%'))
            continue;
        const int high = hexValue(text.at(i + 1));
        const int low = hexValue(text.at(i + 2));
        if (high < 0 || low < 0)
            continue;
        bytes += text.mid(literalStart, i - literalStart).toUtf8();
        bytes += char(high * 16 + low);
        i += 2;
        literalStart = i + 1;
    }
    bytes += text.mid(literalStart).toUtf8();
    return QString::fromUtf8(bytes);
}

// ---- the line's path --------------------------------------------------------------------------

struct ParseFailure {
    QString message;
    int position;
};

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// The first character that `allowed` refuses, or -1.
template <typename Allowed> qsizetype firstRefused(QStringView text, Allowed allowed)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!allowed(text.at(i)))
            return i;
    }
    return -1;
}

std::optional<ParseFailure> checkResourceType(QStringView type, int at)
{
    const qsizetype bad =
        firstRefused(type, [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c); });
    if (type.isEmpty() || bad >= 0 || !isAsciiLetter(type.at(0))) {
        return ParseFailure{
            QStringLiteral("'%1' is not a resource type: it is letters and digits, e.g. Patient")
                .arg(type),
            int(at + qMax<qsizetype>(bad, 0))};
    }
    return std::nullopt;
}

// FHIR R4 ids: [A-Za-z0-9\-\.]{1,64}.
std::optional<ParseFailure> checkId(QStringView id, int at)
{
    const qsizetype bad = firstRefused(id, [](QChar c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == QLatin1Char('-') ||
               c == QLatin1Char('.');
    });
    if (bad >= 0) {
        return ParseFailure{
            QStringLiteral("an id has only letters, digits, '-' and '.', not '%1'").arg(id.at(bad)),
            int(at + bad)};
    }
    if (id.size() > 64)
        return ParseFailure{QStringLiteral("an id has at most 64 characters"), at + 64};
    return std::nullopt;
}

// `segment` starts with '$'.
std::optional<ParseFailure> checkOperation(QStringView segment, int at)
{
    if (segment.size() == 1)
        return ParseFailure{QStringLiteral("an operation name is needed after '$', e.g. $summary"),
                            at + 1};
    const qsizetype bad = firstRefused(segment.mid(1), [](QChar c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == QLatin1Char('-') ||
               c == QLatin1Char('_') || c == QLatin1Char('.');
    });
    if (bad >= 0) {
        return ParseFailure{QStringLiteral("an operation name has only letters, digits, '-', '_' "
                                           "and '.', not '%1'")
                                .arg(segment.at(bad + 1)),
                            int(at + 1 + bad)};
    }
    return std::nullopt;
}

struct Segment {
    QStringView text;
    int position; // in the original line
};

QList<Segment> segmentsOf(QStringView path, int at)
{
    QList<Segment> segments;
    qsizetype start = 0;
    for (;;) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), start);
        const qsizetype end = slash < 0 ? path.size() : slash;
        segments.append({path.mid(start, end - start), int(at + start)});
        if (slash < 0)
            return segments;
        start = slash + 1;
    }
}

ParseFailure nothingMayFollow(const Segment &last, const Segment &extra)
{
    return {QStringLiteral("nothing may follow '%1'").arg(last.text), extra.position - 1};
}

// Fills kind, resourceType, id, operation and usePost from the part before '?'.
std::optional<ParseFailure> parsePath(QStringView path, int at, FhirRequest *request)
{
    const QList<Segment> segments = segmentsOf(path, at);
    const Segment &first = segments.first();

    if (first.text == kMetadata) {
        request->kind = FhirRequest::Kind::Capabilities;
        return segments.size() > 1 ? std::optional(nothingMayFollow(first, segments.at(1)))
                                   : std::nullopt;
    }
    if (first.text.startsWith(QLatin1Char('$'))) {
        request->kind = FhirRequest::Kind::Operation;
        request->operation = first.text.mid(1).toString();
        if (auto failure = checkOperation(first.text, first.position))
            return failure;
        return segments.size() > 1 ? std::optional(nothingMayFollow(first, segments.at(1)))
                                   : std::nullopt;
    }
    if (auto failure = checkResourceType(first.text, first.position))
        return failure;
    request->resourceType = first.text.toString();
    request->kind = FhirRequest::Kind::Search;
    if (segments.size() == 1)
        return std::nullopt;

    const Segment &second = segments.at(1);
    if (second.text.isEmpty()) {
        return ParseFailure{
            QStringLiteral("'%1/' needs an id after the slash, e.g. %1/1").arg(first.text),
            second.position};
    }
    if (second.text == kSearch) {
        request->usePost = true;
    } else if (second.text.startsWith(QLatin1Char('$'))) {
        request->kind = FhirRequest::Kind::Operation;
        request->operation = second.text.mid(1).toString();
        if (auto failure = checkOperation(second.text, second.position))
            return failure;
    } else if (second.text.startsWith(QLatin1Char('_'))) {
        return ParseFailure{QStringLiteral("'%1' is not supported here: only read, search and "
                                           "$operations are")
                                .arg(second.text),
                            second.position};
    } else {
        request->kind = FhirRequest::Kind::Read;
        request->id = second.text.toString();
        if (auto failure = checkId(second.text, second.position))
            return failure;
    }
    if (segments.size() == 2)
        return std::nullopt;
    if (request->kind != FhirRequest::Kind::Read)
        return nothingMayFollow(second, segments.at(2));

    const Segment &third = segments.at(2);
    if (!third.text.startsWith(QLatin1Char('$'))) {
        return ParseFailure{QStringLiteral("after '%1/%2/' only an operation can follow, e.g. "
                                           "$summary")
                                .arg(first.text, second.text),
                            third.position};
    }
    request->kind = FhirRequest::Kind::Operation;
    request->operation = third.text.mid(1).toString();
    if (auto failure = checkOperation(third.text, third.position))
        return failure;
    return segments.size() > 3 ? std::optional(nothingMayFollow(third, segments.at(3)))
                               : std::nullopt;
}

// ---- the line's query -------------------------------------------------------------------------

std::optional<ParseFailure> parseCount(QStringView value, int at, FhirRequest *request)
{
    bool ok = false;
    const int count = value.toInt(&ok);
    const bool digitsOnly = !value.isEmpty() && firstRefused(value, isAsciiDigit) < 0;
    if (!digitsOnly || !ok) {
        return ParseFailure{
            QStringLiteral("_count must be a whole number, 0 or more, not '%1'").arg(value), at};
    }
    request->count = count;
    return std::nullopt;
}

std::optional<ParseFailure> parseParameter(QStringView pair, int at, FhirRequest *request)
{
    const qsizetype equals = pair.indexOf(QLatin1Char('='));
    if (equals < 0) {
        return ParseFailure{QStringLiteral("'%1' needs '=' and a value, e.g. %1=Smith").arg(pair),
                            int(at + pair.size())};
    }
    const QStringView key = pair.left(equals);
    const QStringView rawValue = pair.mid(equals + 1);
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    const QStringView rawName = colon < 0 ? key : key.left(colon);
    if (rawName.isEmpty())
        return ParseFailure{QStringLiteral("empty parameter name before '='"), at};
    if (colon >= 0 && colon + 1 == key.size()) {
        return ParseFailure{QStringLiteral("a modifier is needed after ':', e.g. family:exact"),
                            int(at + colon + 1)};
    }

    FhirSearchTerm term;
    term.name = decodeFromLine(rawName);
    term.modifier = colon < 0 ? QString() : decodeFromLine(key.mid(colon + 1));
    term.value = decodeFromLine(rawValue);
    if (term.name != kCount) {
        request->terms.append(term);
        return std::nullopt;
    }
    if (colon >= 0)
        return ParseFailure{QStringLiteral("_count takes no modifier"), int(at + colon)};
    if (request->count)
        return ParseFailure{QStringLiteral("_count is given twice"), at};
    return parseCount(term.value, int(at + equals + 1), request);
}

std::optional<ParseFailure> parseQuery(QStringView query, int at, FhirRequest *request)
{
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf(QLatin1Char('&'), start);
        if (end < 0)
            end = query.size();
        // Empty pairs ("a=1&&b=2", a trailing '&') are what typing leaves behind: skipped.
        if (end > start) {
            if (auto failure =
                    parseParameter(query.mid(start, end - start), int(at + start), request))
                return failure;
        }
        start = end + 1;
    }
    return std::nullopt;
}

QString pathOf(const FhirRequest &request, bool forLine)
{
    switch (request.kind) {
    case FhirRequest::Kind::Capabilities:
        return kMetadata;
    case FhirRequest::Kind::Read:
        return request.resourceType + QLatin1Char('/') + request.id;
    case FhirRequest::Kind::Operation: {
        QString path;
        if (!request.resourceType.isEmpty())
            path += request.resourceType + QLatin1Char('/');
        if (!request.id.isEmpty())
            path += request.id + QLatin1Char('/');
        return path + QLatin1Char('$') + request.operation;
    }
    case FhirRequest::Kind::Search:
        break;
    }
    // The line shows how a search is sent; GET never goes to _search.
    if (forLine && request.usePost && request.canPost())
        return request.resourceType + QLatin1Char('/') + kSearch;
    return request.resourceType;
}

// scheme "://" (RFC 3986 scheme characters), e.g. https://api.example/...
bool isAbsoluteUrl(QStringView line)
{
    const qsizetype separator = line.indexOf(QLatin1String("://"));
    if (separator < 1 || !isAsciiLetter(line.at(0)))
        return false;
    return firstRefused(line.left(separator), [](QChar c) {
               return isAsciiLetter(c) || isAsciiDigit(c) || c == QLatin1Char('+') ||
                      c == QLatin1Char('-') || c == QLatin1Char('.');
           }) < 0;
}

} // namespace

QString FhirRequest::toLine() const
{
    QStringList pairs;
    for (const FhirSearchTerm &term : terms) {
        QString key = lineName(term.name);
        if (!term.modifier.isEmpty())
            key += QLatin1Char(':') + lineModifier(term.modifier);
        pairs.append(key + QLatin1Char('=') + lineValue(term.value));
    }
    if (count)
        pairs.append(QString(kCount) + QLatin1Char('=') + QString::number(*count));
    const QString path = pathOf(*this, true);
    return pairs.isEmpty() ? path : path + QLatin1Char('?') + pairs.join(QLatin1Char('&'));
}

QString FhirRequest::relativeUrl() const
{
    QStringList pairs;
    for (const FhirSearchTerm &term : terms)
        pairs.append(urlKey(term) + QLatin1Char('=') + urlEncoded(term.value, ":,$/@"));
    if (count)
        pairs.append(QString(kCount) + QLatin1Char('=') + QString::number(*count));
    const QString path = pathOf(*this, false);
    return pairs.isEmpty() ? path : path + QLatin1Char('?') + pairs.join(QLatin1Char('&'));
}

QUrlQuery FhirRequest::form() const
{
    QUrlQuery query;
    for (const FhirSearchTerm &term : terms)
        query.addQueryItem(formSafe(term.key()), formSafe(term.value));
    if (count)
        query.addQueryItem(kCount, QString::number(*count));
    return query;
}

bool operator==(const FhirRequest &a, const FhirRequest &b)
{
    return a.kind == b.kind && a.resourceType == b.resourceType && a.id == b.id &&
           a.operation == b.operation && a.terms == b.terms && a.count == b.count &&
           a.usePost == b.usePost;
}

FhirLineParse parseFhirLine(const QString &line)
{
    FhirLineParse result;
    const auto fail = [&result](const ParseFailure &failure) {
        result.error = failure.message;
        result.errorPosition = failure.position;
        return result;
    };

    qsizetype start = 0;
    while (start < line.size() && (line.at(start).isSpace() || line.at(start) == QLatin1Char('/')))
        ++start;
    qsizetype end = line.size();
    while (end > start && line.at(end - 1).isSpace())
        --end;
    const QStringView text = QStringView(line).mid(start, end - start);
    const int at = int(start);

    if (text.isEmpty())
        return fail(
            {QStringLiteral("the line is empty: type a request, e.g. Patient?family=Smith"), at});
    if (isAbsoluteUrl(text)) {
        return fail({QStringLiteral("type only what follows fhir/R4/, e.g. Patient?family=Smith; "
                                    "a full URL is not typed here (links in answers are followed "
                                    "by clicking them)"),
                     at});
    }
    if (text.startsWith(QLatin1String("fhir/R4/"), Qt::CaseInsensitive))
        return fail({QStringLiteral("leave out 'fhir/R4/': type only what follows it"), at});

    const qsizetype question = text.indexOf(QLatin1Char('?'));
    const QStringView path = question < 0 ? text : text.left(question);
    if (path.isEmpty())
        return fail({QStringLiteral("a resource type is needed before '?', e.g. Patient?"), at});

    FhirRequest request;
    if (auto failure = parsePath(path, at, &request))
        return fail(*failure);
    if (question >= 0) {
        if (auto failure = parseQuery(text.mid(question + 1), int(at + question + 1), &request))
            return fail(*failure);
    }
    result.request = request;
    return result;
}

// ---- warnings ---------------------------------------------------------------------------------

namespace {

QString warnParameter(const FhirSearchTerm &term, const FhirResourceCapability &resource,
                      const FhirCapabilities &capabilities)
{
    // A chain (subject.name, subject:Patient.name) is checked on its first link.
    const QString name = term.name.section(QLatin1Char('.'), 0, 0);
    const FhirSearchParam *param = resource.param(name);
    if (!param) {
        return QStringLiteral("The site does not list the search parameter '%1' for %2.")
            .arg(name, resource.type);
    }
    if (term.modifier.isEmpty())
        return QString();
    const QString modifier = term.modifier.section(QLatin1Char('.'), 0, 0);
    const QStringList known = fhirModifiersFor(param->type);
    if (known.isEmpty() || known.contains(modifier))
        return QString();
    if (param->type == QLatin1String("reference") && capabilities.resource(modifier))
        return QString(); // subject:Patient
    if ((name == QLatin1String("_include") || name == QLatin1String("_revinclude")) &&
        (modifier == QLatin1String("iterate") || modifier == QLatin1String("recurse")))
        return QString();
    return QStringLiteral("':%1' is not a modifier for %2 parameters such as '%3' (FHIR R4 "
                          "allows: %4).")
        .arg(modifier, param->type, name, known.join(QLatin1String(", ")));
}

bool listsOperation(const QList<FhirOperation> &operations, const QString &name)
{
    for (const FhirOperation &operation : operations) {
        if (operation.name == name)
            return true;
    }
    return false;
}

} // namespace

QStringList fhirRequestWarnings(const FhirRequest &request, const FhirCapabilities &capabilities)
{
    QStringList warnings;
    // Nothing known about the site: nothing to predict.
    if (capabilities.isEmpty() || request.kind == FhirRequest::Kind::Capabilities)
        return warnings;

    if (request.kind == FhirRequest::Kind::Operation && request.resourceType.isEmpty()) {
        if (!listsOperation(capabilities.systemOperations, request.operation))
            warnings.append(QStringLiteral("The site does not list the system operation $%1.")
                                .arg(request.operation));
        return warnings;
    }

    const FhirResourceCapability *resource = capabilities.resource(request.resourceType);
    if (!resource) {
        warnings.append(QStringLiteral("The site does not list the resource type '%1'.")
                            .arg(request.resourceType));
        return warnings;
    }

    switch (request.kind) {
    case FhirRequest::Kind::Read:
        if (!resource->supports(QStringLiteral("read")))
            warnings.append(
                QStringLiteral("The site does not offer read for %1.").arg(resource->type));
        break;
    case FhirRequest::Kind::Operation:
        if (!listsOperation(resource->operations, request.operation))
            warnings.append(QStringLiteral("The site does not list the operation $%1 for %2.")
                                .arg(request.operation, resource->type));
        break;
    case FhirRequest::Kind::Search:
        if (!resource->supports(QStringLiteral("search-type")))
            warnings.append(
                QStringLiteral("The site does not offer search for %1.").arg(resource->type));
        for (const FhirSearchTerm &term : request.terms) {
            const QString warning = warnParameter(term, *resource, capabilities);
            if (!warning.isEmpty())
                warnings.append(warning);
        }
        if (request.count && !resource->param(kCount))
            warnings.append(QStringLiteral("The site does not list _count for %1, so it may "
                                           "ignore the page size.")
                                .arg(resource->type));
        break;
    case FhirRequest::Kind::Capabilities:
        break;
    }
    warnings.removeDuplicates();
    return warnings;
}

} // namespace Halo
