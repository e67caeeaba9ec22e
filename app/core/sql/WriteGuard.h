// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "net/Environment.h"
#include "sql/QueryTypes.h"

namespace Halo {

// Whether a SQL command could change a practice's database, and what that means before it is
// sent. The check is lexical and deliberately cautious: a statement it cannot prove to be a plain
// read counts as a write (a SELECT that calls a writing function is beyond what it can see).
class WriteGuard
{
public:
    // One statement that starts with SELECT (or WITH … SELECT), holds one SELECT of its own (the
    // others in subqueries or after UNION), and whose reserved keywords, outside comments,
    // string literals and quoted identifiers, are all on an allow-list of what a read uses. Any
    // other (INSERT, EXEC, INTO, SET, DECLARE, WAITFOR, …) and the statements T-SQL starts with
    // unreserved words (DISABLE/ENABLE TRIGGER, RECEIVE, …) make it a write. Words are read as
    // T-SQL reads them: "1e5delete", "$1delete" and "--c<CR>delete" all hold DELETE. Text that
    // could be read two ways (a comment that never ends, or opens another) is a write.
    static bool isPlainSelect(const QString &sql);

    // A nonQuery, a stored procedure, or text that is not a plain SELECT.
    static bool mayWrite(const QueryCommand &command);
    // On Production, anything that may write is sent only after explicit confirmation.
    static bool needsConfirmation(const QueryCommand &command, Environment environment);

    // Why the command counts as a write, in words ("it is a nonQuery"); empty if it does not.
    static QString writeReason(const QueryCommand &command);
    // The question to confirm, naming the practice and the environment.
    static QString confirmationText(const QueryCommand &command, const QString &practiceName,
                                    Environment environment);
};

// A read-only switch per environment, kept in QSettings: on by default for Production, off
// elsewhere. While it is on, commands that may write are not sent at all. The window and
// halo-cli read and set the same switches (the window's settings file, kApplication).
class ReadOnlySettings
{
public:
    static constexpr const char *kApplication = "halo-explorer";

    static bool defaultFor(Environment environment) { return isProduction(environment); }
    bool isReadOnly(Environment environment) const;
    void setReadOnly(Environment environment, bool readOnly);

    bool blocks(const QueryCommand &command, Environment environment) const
    {
        return isReadOnly(environment) && WriteGuard::mayWrite(command);
    }
    // Says what was blocked and how to allow it.
    static QString blockedText(const QueryCommand &command, Environment environment);
};

inline bool blockedByReadOnly(const QueryCommand &command, Environment environment)
{
    return ReadOnlySettings().blocks(command, environment);
}

} // namespace Halo
