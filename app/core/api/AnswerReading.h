// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <initializer_list>

#include "net/ApiError.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

namespace Halo {

// What the typed calls share to read answers: JSON checks, and finding the one big string of a
// query answer (its base64 `data`) without parsing it. Reentrant: used on workers.
namespace AnswerReading {

// The answer as a JSON object; not JSON, or JSON that is not an object, is an error.
ApiError readObject(const QByteArray &body, QJsonObject *object);
// Whether the body is one JSON value and nothing else, by its structure (not a full parse).
bool looksLikeJson(const QByteArray &body);
// "the answer has no usable “field”": missing, or of the wrong type.
ApiError missing(const QString &field);
// A query id as Halo sends them (a UUID in the spec): URL-safe characters only, not empty.
bool isWellFormedId(const QString &id);
// A non-empty string member.
bool hasText(const QJsonObject &object, const char *key);

// Where a string value sits in a body: from its opening to past its closing quote.
struct Span {
    qsizetype begin = -1;
    qsizetype end = -1;
    bool found() const { return begin >= 0; }
};
// The string value of the member at `path` below the top-level object (e.g. {"result", "data"}),
// found by skipping over everything else; not found when absent, not a string, or malformed.
Span findString(const QByteArray &body, std::initializer_list<const char *> path);
// `body` with the string at `span` replaced by "": the small envelope, cheap to parse.
QByteArray withEmptyString(const QByteArray &body, Span span);

// A query object (immediate, async, or in a batch answer): `id` and `status` are required.
ApiError readQuery(const QJsonObject &json, QueryInfo *info);

// A result envelope, {data: "<base64>", parameters, rows?, size?} (a result page, a registered
// query's latest result): parameters and counts into `data` (its base64 left empty), the rows
// decoded into `result`. `data` may be absent only where `dataRequired` is false (nonQuery
// pages). Runs on a worker: the base64 is decoded, never parsed as JSON.
ApiError readResultEnvelope(const QByteArray &body, bool dataRequired, ResultData *data,
                            DecodedResult *result);

} // namespace AnswerReading
} // namespace Halo
