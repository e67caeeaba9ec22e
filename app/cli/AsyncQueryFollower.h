#pragma once

#include <QString>
#include <optional>

#include "QueryOutput.h"
#include "net/ApiError.h"

namespace Halo {
class QueryService;
struct QueryCommand;
struct SafetyApproval;
} // namespace Halo

namespace Cli {

class Console;

// Follows one async query to its end for a program that waits for it: submits it, notes each
// state change with the time since submitting on standard error, gathers every page into one
// result, and gives up waiting at an optional deadline (the query carries on at Halo).
class AsyncQueryFollower
{
public:
    struct Result {
        enum class End { Finished, Failed, TimedOut };
        End end = End::Failed;
        QueryOutcome outcome; // Finished: the query and all its rows
        Halo::ApiError error; // Failed: a call failed, or the query ended in a failed status
        QString queryId;      // empty when the submission was never confirmed
        QString lastStatus;   // TimedOut: the status when waiting stopped
    };

    AsyncQueryFollower(Halo::QueryService &queries, Console &console);

    // Submits through the QueryService's safety policy: a refusal is a Failed result.
    Result run(const QString &guid, const Halo::QueryCommand &command,
               std::optional<qint64> timeoutSeconds, const Halo::SafetyApproval &approval);

private:
    Halo::QueryService &m_queries;
    Console &m_console;
};

} // namespace Cli
