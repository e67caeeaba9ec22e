// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include "CommandLine.h"

namespace Cli {

// Every halo-cli command: its words, arguments, options and help, in the order --help lists
// them. CommandLine parses against it; CliCommands maps each command to its handler.
QList<CommandSpec> buildCommandTable();

} // namespace Cli
