// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

class Console;

// halo-cli from its arguments (without the program name) to its exit code: parses, runs the
// command over the app/core model, prints, and reports failures in one line on the console.
int run(const QStringList &arguments, Console &console);

} // namespace Cli
