// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Halo {
struct QueryCommand;
struct SafetyApproval;
} // namespace Halo

namespace Cli {

class CommandContext;

namespace AsyncQueryCommands {

// `query GUID --async`: submits through the window's AsyncQueryRunner and follows the query to
// its end (the user's --timeout, else the query's own deadline), then prints every page; with
// --submit-only, prints the query's id alone on standard output instead of waiting.
int submit(CommandContext &c, const QString &guid, const Halo::QueryCommand &command,
           std::optional<qint64> timeoutSeconds, const Halo::SafetyApproval &approval);

} // namespace AsyncQueryCommands
} // namespace Cli
