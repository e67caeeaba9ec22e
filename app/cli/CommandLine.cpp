// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "CommandTable.h"

#include <QCoreApplication>
#include <QUuid>

#include <algorithm>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::CommandLine)
};

const QString kProgram = QStringLiteral("halo-cli");
constexpr int kHelpWidth = 80;
constexpr int kLabelWidth = 24;

// Breaks `text` into lines of at most kHelpWidth columns, each starting with `indent` spaces.
QString wrap(const QString &text, int indent)
{
    QString result;
    QString line;
    const QString pad(indent, QLatin1Char(' '));
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && indent + line.size() + 1 + word.size() > kHelpWidth) {
            result += pad + line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        result += pad + line + QLatin1Char('\n');
    return result;
}

// "  label    help", the help wrapped and aligned at kLabelWidth.
QString labelled(const QString &label, const QString &help)
{
    const QString start = QStringLiteral("  ") + label;
    const QString body = wrap(help, kLabelWidth);
    if (start.size() < kLabelWidth - 1)
        return start.leftJustified(kLabelWidth) + body.mid(kLabelWidth);
    return start + QLatin1Char('\n') + body;
}

// An argument quoted in a message: one line, and short.
QString shown(const QString &argument)
{
    const QString line = argument.simplified();
    return line.size() <= 40 ? line : line.left(39) + QChar(u'\u2026');
}

QString normalisedChoice(const QString &text)
{
    QString folded = text.toLower();
    folded.remove(QLatin1Char(' '));
    return folded;
}

bool isHelp(const QString &argument)
{
    return argument == QLatin1String("-h") || argument == QLatin1String("--help");
}

bool isGlobalOptionName(const QString &name)
{
    return name == QLatin1String("json") || name == QLatin1String("environment") ||
           name == QLatin1String("base-url") || name == QLatin1String("allow-plain-http");
}

ParseResult help(const QString &text)
{
    ParseResult result;
    result.action = ParseResult::Action::Help;
    result.text = text;
    return result;
}

ParseResult usage(const QString &text, const QStringList &words = {})
{
    ParseResult result;
    result.action = ParseResult::Action::Usage;
    result.text = text;
    result.helpCommand = CommandLine::helpCommandFor(words);
    return result;
}

// "--name=value" gives name and value; "--name" only the name.
bool splitOption(const QString &argument, QString *name, QString *value)
{
    const QString body = argument.mid(2);
    const qsizetype equals = body.indexOf(QLatin1Char('='));
    if (equals < 0) {
        *name = body;
        return false;
    }
    *name = body.left(equals);
    *value = body.mid(equals + 1);
    return true;
}

QStringList groupCommands(const QString &group)
{
    QStringList names;
    for (const CommandSpec &spec : CommandLine::commands()) {
        if (spec.words.size() == 2 && spec.words.first() == group)
            names.append(spec.words.at(1));
    }
    return names;
}

// What follows the command's words: arguments and options in any order.
ParseResult parseCommandArguments(const CommandSpec &spec, const QStringList &rest,
                                  ParseResult result)
{
    const QString context = spec.name();
    Invocation &invocation = result.invocation;
    invocation.command = &spec;
    bool optionsEnded = false;
    for (int i = 0; i < rest.size(); ++i) {
        const QString &argument = rest.at(i);
        if (optionsEnded || !argument.startsWith(QLatin1String("--")) ||
            argument == QLatin1String("-")) {
            if (!optionsEnded && argument.startsWith(QLatin1Char('-')) && argument.size() > 1)
                return usage(Text::tr("%1: unknown option '%2' (put '--' before an argument that "
                                      "starts with '-')")
                                 .arg(context, shown(argument)),
                             spec.words);
            invocation.arguments.append(argument);
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        QString name;
        QString value;
        const bool hasValue = splitOption(argument, &name, &value);
        const OptionSpec *option = spec.option(name);
        if (!option) {
            if (isGlobalOptionName(name))
                return usage(Text::tr("%1 is a global option: put it before the command "
                                      "(halo-cli %1 %2 ...)")
                                 .arg(QStringLiteral("--") + name, context),
                             spec.words);
            return usage(Text::tr("%1: unknown option '%2' (put '--' before an argument that "
                                  "starts with '-')")
                             .arg(context, shown(argument)),
                         spec.words);
        }
        if (option->valueName.isEmpty()) {
            if (hasValue)
                return usage(Text::tr("%1: --%2 takes no value").arg(context, name), spec.words);
            invocation.options.insert(name, QString());
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= rest.size())
                return usage(
                    Text::tr("%1: --%2 needs a value (%3)").arg(context, name, option->valueName),
                    spec.words);
            value = rest.at(++i);
        }
        if (!option->choices.isEmpty()) {
            const auto match = std::find_if(
                option->choices.cbegin(), option->choices.cend(), [&value](const QString &choice) {
                    return normalisedChoice(choice) == normalisedChoice(value);
                });
            if (match == option->choices.cend())
                return usage(Text::tr("%1: --%2 must be one of %3, not '%4'")
                                 .arg(context, name, option->choices.join(QStringLiteral(", ")),
                                      shown(value)),
                             spec.words);
            value = *match;
        }
        invocation.options.insert(name, value);
        if (option->repeatable)
            invocation.repeated[name].append(value);
    }

    for (const OptionSpec &option : spec.options) {
        if (option.required && !invocation.options.contains(option.name))
            return usage(
                Text::tr("%1: --%2 %3 is required").arg(context, option.name, option.valueName),
                spec.words);
    }
    const auto requiredArguments =
        std::count_if(spec.arguments.cbegin(), spec.arguments.cend(),
                      [](const ArgumentSpec &argument) { return !argument.optional; });
    if (invocation.arguments.size() < requiredArguments)
        return usage(Text::tr("%1: missing %2")
                         .arg(context, spec.arguments.at(invocation.arguments.size()).name),
                     spec.words);
    const bool repeats = !spec.arguments.isEmpty() && spec.arguments.last().repeats;
    if (invocation.arguments.size() > spec.arguments.size() && !repeats)
        return usage(
            Text::tr("%1: unexpected argument '%2' (quote SQL and FHIR requests as one argument)")
                .arg(context, shown(invocation.arguments.at(spec.arguments.size()))),
            spec.words);
    for (int i = 0; i < invocation.arguments.size(); ++i) {
        if (spec.arguments.at(std::min<qsizetype>(i, spec.arguments.size() - 1)).isGuid &&
            QUuid::fromString(invocation.arguments.at(i).trimmed()).isNull())
            return usage(Text::tr("%1: '%2' is not a Halo GUID (like "
                                  "3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14)")
                             .arg(context, shown(invocation.arguments.at(i))),
                         spec.words);
    }
    result.action = ParseResult::Action::Run;
    return result;
}

// `halo-cli help [WORDS]`: the help of a command, a group or the whole program.
ParseResult helpFor(const QStringList &words)
{
    if (words.isEmpty())
        return help(CommandLine::mainHelp());
    for (const CommandSpec &spec : CommandLine::commands()) {
        if (spec.words == words)
            return help(CommandLine::commandHelp(spec));
    }
    if (words.size() == 1 && !groupCommands(words.first()).isEmpty())
        return help(CommandLine::groupHelp(words.first()));
    return usage(Text::tr("no command '%1'").arg(words.join(QLatin1Char(' '))));
}

} // namespace

const OptionSpec *CommandSpec::option(const QString &optionName) const
{
    for (const OptionSpec &spec : options) {
        if (spec.name == optionName)
            return &spec;
    }
    return nullptr;
}

const QList<CommandSpec> &CommandLine::commands()
{
    // Built on first use, after QCoreApplication exists, so the help is translated.
    static const QList<CommandSpec> list = buildCommandTable();
    return list;
}

QString CommandLine::helpCommandFor(const QStringList &words)
{
    QStringList parts{kProgram};
    parts << words << QStringLiteral("--help");
    return parts.join(QLatin1Char(' '));
}

ParseResult CommandLine::parse(const QStringList &arguments)
{
    ParseResult result;
    GlobalOptions &global = result.invocation.global;
    int i = 0;
    for (; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            ++i;
            break;
        }
        if (!argument.startsWith(QLatin1Char('-')))
            break;
        if (isHelp(argument))
            return help(mainHelp());
        if (argument == QLatin1String("--version")) {
            result.action = ParseResult::Action::Version;
            return result;
        }
        if (argument == QLatin1String("--json")) {
            global.json = true;
            continue;
        }
        if (argument == QLatin1String("--allow-plain-http")) {
            global.allowPlainHttp = true;
            continue;
        }
        QString name;
        QString value;
        const bool hasValue =
            argument.startsWith(QLatin1String("--")) && splitOption(argument, &name, &value);
        if (name != QLatin1String("environment") && name != QLatin1String("base-url"))
            return usage(QCoreApplication::translate(
                             "Cli::CommandLine",
                             "unknown global option '%1' (a command's options go after the "
                             "command)")
                             .arg(shown(argument)));
        if (!hasValue) {
            if (i + 1 >= arguments.size())
                return usage(QCoreApplication::translate("Cli::CommandLine", "--%1 needs a value")
                                 .arg(name));
            value = arguments.at(++i);
        }
        (name == QLatin1String("environment") ? global.environment : global.baseUrl) = value;
    }
    if (i >= arguments.size())
        return usage(QCoreApplication::translate("Cli::CommandLine", "no command given"));

    const QString first = arguments.at(i++);
    if (first == QLatin1String("help"))
        return helpFor(arguments.mid(i));
    const CommandSpec *spec = nullptr;
    for (const CommandSpec &candidate : commands()) {
        if (candidate.words.size() == 1 && candidate.words.first() == first)
            spec = &candidate;
    }
    // A command can also name a group ("query GUID ..." and "query status ..."): its
    // sub-commands' words are never GUIDs, so the next argument tells them apart.
    if (spec && i < arguments.size() && groupCommands(first).contains(arguments.at(i))) {
        const QStringList words{first, arguments.at(i++)};
        for (const CommandSpec &candidate : commands()) {
            if (candidate.words == words)
                spec = &candidate;
        }
    }
    if (!spec) {
        const QStringList sub = groupCommands(first);
        if (sub.isEmpty())
            return usage(
                QCoreApplication::translate("Cli::CommandLine", "unknown command '%1'").arg(first));
        if (i >= arguments.size())
            return usage(QCoreApplication::translate("Cli::CommandLine", "'%1' needs a command: %2")
                             .arg(first, sub.join(QStringLiteral(", "))),
                         {first});
        const QString second = arguments.at(i++);
        if (isHelp(second))
            return help(groupHelp(first));
        for (const CommandSpec &candidate : commands()) {
            if (candidate.words == QStringList{first, second})
                spec = &candidate;
        }
        if (!spec)
            return usage(QCoreApplication::translate("Cli::CommandLine",
                                                     "unknown command '%1 %2' (%1 has: %3)")
                             .arg(first, second, sub.join(QStringLiteral(", "))),
                         {first});
    }

    const QStringList rest = arguments.mid(i);
    for (const QString &argument : rest) {
        if (argument == QLatin1String("--"))
            break;
        if (isHelp(argument))
            return help(commandHelp(*spec));
    }
    return parseCommandArguments(*spec, rest, result);
}

QString CommandLine::mainHelp()
{
    QString text = QCoreApplication::translate(
                       "Cli::CommandLine", "Usage: halo-cli [global options] COMMAND [arguments]") +
                   QStringLiteral("\n\n");
    text += wrap(QCoreApplication::translate(
                     "Cli::CommandLine",
                     "The command-line twin of Halo Explorer: the Halo Cloud Integrator API for "
                     "scripts, CI and support work."),
                 0);
    text +=
        QLatin1Char('\n') +
        QCoreApplication::translate("Cli::CommandLine", "Global options (before the command):") +
        QLatin1Char('\n');
    text += labelled(QStringLiteral("--environment NAME"),
                     QCoreApplication::translate(
                         "Cli::CommandLine",
                         "production, stage, sandbox or custom. Default: $HALO_ENVIRONMENT when "
                         "set, else sandbox"));
    text +=
        labelled(QStringLiteral("--base-url URL"),
                 QCoreApplication::translate(
                     "Cli::CommandLine", "the base URL of a custom environment (implies custom)"));
    text += labelled(QStringLiteral("--allow-plain-http"),
                     QCoreApplication::translate(
                         "Cli::CommandLine",
                         "send the key to an http:// base URL that is not this machine (the key "
                         "then crosses the network unencrypted). Without it such a command is "
                         "refused and sends nothing; https:// and http:// to 127.0.0.1, ::1 or "
                         "localhost need no flag"));
    text += labelled(QStringLiteral("--json"),
                     QCoreApplication::translate(
                         "Cli::CommandLine",
                         "machine-readable output: the API's JSON objects as sent; query results "
                         "as JSON rows"));
    text += labelled(
        QStringLiteral("-h, --help"),
        QCoreApplication::translate("Cli::CommandLine", "show help; also after any command"));
    text += labelled(QStringLiteral("--version"),
                     QCoreApplication::translate("Cli::CommandLine", "show the version"));

    text += QLatin1Char('\n') + QCoreApplication::translate("Cli::CommandLine", "Commands:") +
            QLatin1Char('\n');
    for (const CommandSpec &spec : commands()) {
        text += QStringLiteral("  ") + spec.name() +
                (spec.synopsis.isEmpty() ? QString() : QLatin1Char(' ') + spec.synopsis) +
                QLatin1Char('\n');
        text += wrap(spec.summary, 6);
    }

    text += QLatin1Char('\n') +
            QCoreApplication::translate("Cli::CommandLine", "Subscription key:") +
            QLatin1Char('\n');
    text += wrap(QCoreApplication::translate(
                     "Cli::CommandLine",
                     "$HALO_KEY when set (for CI), else the keychain's key for the environment "
                     "(for --base-url: for its scheme, host and port), saved there with 'key set'. "
                     "The sandbox "
                     "needs none: halo-cli starts one inside itself, on a free port with a key of "
                     "its own, and it ends when halo-cli does. To keep a sandbox between "
                     "commands, run halo-sandbox and use --base-url with HALO_KEY. The key is "
                     "never printed, and halo-cli writes no files but the read-only switch "
                     "('read-only on|off'), which it shares with Halo Explorer's window."),
                 2);

    text += QLatin1Char('\n') + QCoreApplication::translate("Cli::CommandLine", "Exit status:") +
            QLatin1Char('\n');
    text +=
        labelled(QStringLiteral("0"), QCoreApplication::translate("Cli::CommandLine", "success"));
    text += labelled(QStringLiteral("1"),
                     QCoreApplication::translate(
                         "Cli::CommandLine",
                         "Halo Cloud or the network reported an error, or the safety rules "
                         "refused to send a command (--confirm-production, read-only); one line "
                         "on standard error"));
    text += labelled(QStringLiteral("2"),
                     QCoreApplication::translate("Cli::CommandLine", "the command line is wrong"));
    text += labelled(QStringLiteral("3"),
                     QCoreApplication::translate("Cli::CommandLine",
                                                 "no subscription key, or the keychain failed"));

    text += QLatin1Char('\n') + QCoreApplication::translate("Cli::CommandLine", "Examples:") +
            QLatin1Char('\n');
    text += QStringLiteral("  halo-cli sites find --pms-id BP-20431 --pms \"Best Practice\"\n"
                           "  halo-cli --environment stage site status GUID\n"
                           "  halo-cli query GUID --format csv \"SELECT TOP 10 * FROM patients\"\n"
                           "  halo-cli query GUID --param @id:Int=66 \"SELECT * FROM patients "
                           "WHERE id = @id\"\n"
                           "  halo-cli fhir GUID 'Patient?family=Smith&_count=20'\n");
    text += QLatin1Char('\n') +
            QCoreApplication::translate(
                "Cli::CommandLine",
                "Run 'halo-cli COMMAND --help' for a command's arguments and options.") +
            QLatin1Char('\n');
    return text;
}

QString CommandLine::groupHelp(const QString &group)
{
    QString text =
        QCoreApplication::translate("Cli::CommandLine",
                                    "Usage: halo-cli [global options] %1 COMMAND [arguments]")
            .arg(group) +
        QLatin1Char('\n');
    text += QLatin1Char('\n') + QCoreApplication::translate("Cli::CommandLine", "Commands:") +
            QLatin1Char('\n');
    for (const CommandSpec &spec : commands()) {
        if (spec.words.size() == 2 && spec.words.first() == group)
            text += labelled(spec.words.at(1), spec.summary);
    }
    text += QLatin1Char('\n') +
            QCoreApplication::translate(
                "Cli::CommandLine",
                "Run 'halo-cli %1 COMMAND --help' for a command's arguments and options.")
                .arg(group) +
            QLatin1Char('\n');
    return text;
}

QString CommandLine::commandHelp(const CommandSpec &command)
{
    QString usageLine = QStringLiteral("halo-cli [global options] ") + command.name();
    if (!command.synopsis.isEmpty())
        usageLine += QLatin1Char(' ') + command.synopsis;
    QString text = QCoreApplication::translate("Cli::CommandLine", "Usage: %1").arg(usageLine) +
                   QStringLiteral("\n\n");
    text += wrap(command.summary, 0);
    if (!command.description.isEmpty())
        text += wrap(command.description, 0);
    if (!command.arguments.isEmpty()) {
        text += QLatin1Char('\n') + QCoreApplication::translate("Cli::CommandLine", "Arguments:") +
                QLatin1Char('\n');
        for (const ArgumentSpec &argument : command.arguments)
            text += labelled(argument.name, argument.help);
    }
    text += QLatin1Char('\n') + QCoreApplication::translate("Cli::CommandLine", "Options:") +
            QLatin1Char('\n');
    for (const OptionSpec &option : command.options) {
        QString label = QStringLiteral("--") + option.name;
        if (!option.valueName.isEmpty())
            label += QLatin1Char(' ') + option.valueName;
        text += labelled(label, option.required ? QCoreApplication::translate("Cli::CommandLine",
                                                                              "(required) ") +
                                                      option.help
                                                : option.help);
    }
    text += labelled(QStringLiteral("-h, --help"),
                     QCoreApplication::translate("Cli::CommandLine", "show this help"));
    if (command.words.size() == 1 && !groupCommands(command.words.first()).isEmpty()) {
        text += QLatin1Char('\n') +
                QCoreApplication::translate("Cli::CommandLine", "Related commands:") +
                QLatin1Char('\n');
        for (const CommandSpec &spec : commands()) {
            if (spec.words.size() == 2 && spec.words.first() == command.words.first())
                text += labelled(spec.name(), spec.summary);
        }
    }
    text += QLatin1Char('\n') +
            wrap(QCoreApplication::translate("Cli::CommandLine",
                                             "Global options such as --environment and --json go "
                                             "before the command; see 'halo-cli --help'."),
                 0);
    return text;
}

} // namespace Cli
