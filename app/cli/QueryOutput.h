// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <optional>

#include "OutputFormatter.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

namespace Cli {

class Console;

// A finished query, from an immediate answer, an async query's pages or a registered query.
struct QueryOutcome {
    QString id;
    QString status;        // successful, ...
    QString mode;          // immediate | async | registered
    QString executionMode; // reader | nonQuery | scalar
    std::optional<qint64> rowsAffected;
    Halo::DecodedResult result;
    QList<Halo::OutputParameter> parameters;
};

// Decodes a result's base64 `data`. No data is no rows (and what a nonQuery answers), not
// something to explain.
Halo::DecodedResult decodeResultData(const QByteArray &base64);

// Prints a finished query in the chosen format: rows for reader, the value alone for scalar
// (for scripts), the count for nonQuery.
class QueryOutput
{
public:
    static void print(Console &console, const QueryOutcome &outcome, ResultFormat format);

private:
    static void printJson(Console &console, const QueryOutcome &outcome);
    static void printText(Console &console, const QueryOutcome &outcome, ResultFormat format);
};

} // namespace Cli
