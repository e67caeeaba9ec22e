// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Cli {

class CommandContext;

// One function per command; each validates its arguments before anything is sent and returns
// an ExitCode. CliCommands.cpp maps command names to them.
namespace CommandHandlers {

int keySet(CommandContext &c); // KeyCommands.cpp
int keyForget(CommandContext &c);

int sitesFind(CommandContext &c); // SiteCommands.cpp
int siteStatus(CommandContext &c);
int siteReresolve(CommandContext &c);
int pair(CommandContext &c);

int query(CommandContext &c);            // QueryCommand.cpp
int queryStatus(CommandContext &c);      // AsyncQueryCommands.cpp
int queryResults(CommandContext &c);     // AsyncQueryCommands.cpp
int queryBatchStatus(CommandContext &c); // AsyncQueryCommands.cpp
int fhir(CommandContext &c);             // FhirCommand.cpp

int registeredList(CommandContext &c); // RegisteredCommands.cpp
int registeredCreate(CommandContext &c);
int registeredShow(CommandContext &c);
int registeredResults(CommandContext &c);
int registeredCancel(CommandContext &c);

int readOnly(CommandContext &c); // SafetyCommands.cpp

int verify(CommandContext &c); // VerifyCommand.cpp

} // namespace CommandHandlers
} // namespace Cli
