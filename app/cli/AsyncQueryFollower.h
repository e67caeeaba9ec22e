// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>
#include <optional>

#include "QueryOutput.h"
#include "net/ApiError.h"
#include "sql/QueryTypes.h"

namespace Halo {
class AsyncQueryRunner;
class QueryService;
struct SafetyApproval;
struct QueryCommand;
struct SafetyApproval;
} // namespace Halo

namespace Cli {

class Console;

// Waits for the window's AsyncQueryRunner on behalf of a program that blocks: submits a query
// (and follows it, noting each state change with the time since submitting on standard error,
// or only submits it), or gathers a finished query's pages by its id. The runner does the
// work and keeps the query's own deadline; this adds the user's --timeout.
class AsyncQueryFollower
{
public:
    struct Result {
        enum class End {
            Finished,     // the query ended; outcome holds it and all its rows
            Failed,       // a call failed, or the query ended in a failed status
            TimedOut,     // --timeout passed; the query carries on at Halo
            PastDeadline, // the query outlived its own deadline; it may still finish
            Submitted,    // submit only: the query id is known
            NotFinished,  // gathering results of a query that has not finished: lastStatus
        };
        End end = End::Failed;
        QueryOutcome outcome;
        Halo::ApiError error;
        QString queryId;       // empty when the submission was never confirmed
        QString lastStatus;    // the status when waiting stopped
        qint64 deadlineMs = 0; // PastDeadline: how long the query's own deadline allowed
    };

    AsyncQueryFollower(Halo::QueryService &queries, Console &console);

    // Submits through the QueryService's safety policy: a refusal is a Failed result.
    Result run(const QString &guid, const Halo::QueryCommand &command,
               std::optional<qint64> timeoutSeconds, const Halo::SafetyApproval &approval);
    Result submitOnly(const QString &guid, const Halo::QueryCommand &command,
                      const Halo::SafetyApproval &approval);
    Result collect(const QString &guid, const QString &queryId);

private:
    enum class Mode { Follow, SubmitOnly, Collect };
    Result wait(Halo::AsyncQueryRunner &runner, Mode mode, std::optional<qint64> timeoutSeconds,
                const std::function<void()> &start);

    Halo::QueryService &m_queries;
    Console &m_console;
};

} // namespace Cli
