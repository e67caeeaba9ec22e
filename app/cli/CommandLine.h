// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cli {

// How halo-cli ends; scripts rely on these, and --help lists them.
enum ExitCode : int {
    Success = 0,
    ApiFailure = 1, // Halo Cloud, the network or the sandbox reported an error
    UsageError = 2, // the command line is wrong
    KeyProblem = 3, // no subscription key, or the keychain failed
};

struct OptionSpec {
    QString name;        // without the leading dashes
    QString valueName;   // empty: a switch
    QString help;        // translated
    QStringList choices; // empty: any value; matched ignoring case and spaces
    bool required = false;
    bool repeatable = false; // may be given more than once; every value is kept, in order
};

struct ArgumentSpec {
    QString name; // GUID, SQL, ...
    QString help; // translated
    bool isGuid = false;
    bool optional = false; // only the last arguments may be optional
    bool repeats = false;  // the last argument only: one or more values
};

// One command: the words that name it, its arguments and options, and its help.
struct CommandSpec {
    QStringList words;   // {"registered", "create"}
    QString synopsis;    // what follows the words in the usage line
    QString summary;     // translated; one line
    QString description; // translated; may be empty
    QList<ArgumentSpec> arguments;
    QList<OptionSpec> options;

    QString name() const { return words.join(QLatin1Char(' ')); }
    const OptionSpec *option(const QString &optionName) const;
};

// Options that come before the command.
struct GlobalOptions {
    QString environment; // empty when not given
    QString baseUrl;     // empty when not given
    bool json = false;
    bool allowPlainHttp = false; // --allow-plain-http
};

// A command line that parsed: the command and what was given to it.
struct Invocation {
    GlobalOptions global;
    const CommandSpec *command = nullptr;
    QStringList arguments;                // in the order of command->arguments
    QHash<QString, QString> options;      // by name; a switch that is set maps to an empty string
    QHash<QString, QStringList> repeated; // a repeatable option's values, in the order given

    bool isSet(const QString &option) const { return options.contains(option); }
    QString value(const QString &option, const QString &fallback = QString()) const
    {
        return options.value(option, fallback);
    }
    QStringList values(const QString &option) const { return repeated.value(option); }
};

struct ParseResult {
    enum class Action { Run, Help, Version, Usage };
    Action action = Action::Usage;
    Invocation invocation;
    QString text;        // the help text, or (Usage) what is wrong, in one line
    QString helpCommand; // Usage: where to read more, e.g. "halo-cli query --help"
};

// Reads halo-cli's command line: global options, then the command's words, then its
// arguments and options in any order ("--" ends the options). Knows every command's help.
class CommandLine
{
public:
    // `arguments` without the program name.
    static ParseResult parse(const QStringList &arguments);

    static const QList<CommandSpec> &commands();
    static QString mainHelp();
    static QString groupHelp(const QString &group); // e.g. "registered"
    static QString commandHelp(const CommandSpec &command);
    static QString helpCommandFor(const QStringList &words); // "halo-cli WORDS --help"
};

} // namespace Cli
