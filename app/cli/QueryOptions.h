// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "CommandLine.h"

namespace Halo {
struct QueryCommand;
struct QueryParameter;
} // namespace Halo

namespace Cli {

// The options that say what SQL command to send and how, and their reading into a
// QueryCommand. `query` takes them all; `registered create` the command's own (--mode, --type,
// --param, --out-param), since a registered query has no catalogue or queue time.
class QueryOptions
{
public:
    static QList<OptionSpec> commandOptions(); // --mode --type --param --out-param
    static OptionSpec catalogueOption();
    static OptionSpec maxTimeInQueueOption();
    static OptionSpec confirmProductionOption();

    // Fills `command` from the options given; returns what is wrong in one line (a usage
    // error naming the option and the parameter), or an empty string.
    static QString apply(const Invocation &invocation, Halo::QueryCommand *command);

    // --param NAME:TYPE=VALUE: an input parameter whose value fits its SqlDbType.
    static QString parseParameter(const QString &text, Halo::QueryParameter *parameter);
    // --out-param NAME:TYPE[:SIZE]: an output parameter, its value filled in by the site.
    static QString parseOutputParameter(const QString &text, Halo::QueryParameter *parameter);
};

} // namespace Cli
