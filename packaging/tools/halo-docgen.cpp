// SPDX-License-Identifier: GPL-3.0-or-later
// halo-docgen: writes halo-cli's bash and zsh completions and its manual page from the command
// table (Cli::CommandLine::commands()), so they cannot drift from what halo-cli accepts.
//   halo-docgen bash|zsh|man VERSION OUTPUT
#include "CommandLine.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <QSet>
#include <QTextStream>

namespace {

struct GlobalOption {
    QString name;
    QString valueName;
    QString help;
    QStringList choices;
};

// The options before the command; CommandLine::mainHelp() documents the same ones.
QList<GlobalOption> globalOptions()
{
    return {{QStringLiteral("environment"),
             QStringLiteral("NAME"),
             QStringLiteral("production, stage, sandbox or custom. Default: $HALO_ENVIRONMENT "
                            "when set, else sandbox."),
             {QStringLiteral("production"), QStringLiteral("stage"), QStringLiteral("sandbox"),
              QStringLiteral("custom")}},
            {QStringLiteral("base-url"),
             QStringLiteral("URL"),
             QStringLiteral("The base URL of a custom environment (implies custom)."),
             {}},
            {QStringLiteral("allow-plain-http"),
             QString(),
             QStringLiteral("Send the key to an http:// base URL that is not this machine."),
             {}},
            {QStringLiteral("json"),
             QString(),
             QStringLiteral("Machine-readable output: the API's JSON objects as sent."),
             {}},
            {QStringLiteral("help"),
             QString(),
             QStringLiteral("Show help; also after any command."),
             {}},
            {QStringLiteral("version"), QString(), QStringLiteral("Show the version."), {}}};
}

// A word list for a shell: single-quoted words separated by spaces.
QString shellWords(const QStringList &words)
{
    QStringList quoted;
    for (QString word : words)
        quoted << QLatin1Char('\'') + word.replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                      QLatin1Char('\'');
    return quoted.join(QLatin1Char(' '));
}

// A bash $'...' string of words, one a line (for compgen -W with IFS set to a newline).
QString bashLines(const QStringList &words)
{
    QString text = QStringLiteral("$'");
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString word = words.at(i);
        word.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        word.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        text += (i ? QStringLiteral("\\n") : QString()) + word;
    }
    return text + QLatin1Char('\'');
}

struct Model {
    QStringList firstWords;             // in table order, unique
    QMap<QString, QStringList> groups;  // first word -> second words
    QMap<QString, QStringList> options; // command name -> its options, with dashes
    QStringList valueOptions;           // every option that takes a value, with dashes
    QMap<QString, QStringList> choices; // option with dashes -> its choices
    QStringList globals;                // global options, with dashes
};

Model buildModel()
{
    Model m;
    for (const GlobalOption &option : globalOptions()) {
        const QString flag = QStringLiteral("--") + option.name;
        m.globals << flag;
        if (!option.valueName.isEmpty())
            m.valueOptions << flag;
        if (!option.choices.isEmpty())
            m.choices.insert(flag, option.choices);
    }
    for (const Cli::CommandSpec &spec : Cli::CommandLine::commands()) {
        const QString first = spec.words.first();
        if (!m.firstWords.contains(first))
            m.firstWords << first;
        if (spec.words.size() == 2)
            m.groups[first] << spec.words.at(1);
        QStringList flags;
        for (const Cli::OptionSpec &option : spec.options) {
            const QString flag = QStringLiteral("--") + option.name;
            flags << flag;
            if (!option.valueName.isEmpty() && !m.valueOptions.contains(flag))
                m.valueOptions << flag;
            if (!option.choices.isEmpty() && !m.choices.contains(flag))
                m.choices.insert(flag, option.choices);
        }
        flags << QStringLiteral("--help");
        m.options.insert(spec.name(), flags);
    }
    return m;
}

QStringList singleWordCommands(const Model &m)
{
    QStringList names;
    for (auto it = m.options.cbegin(); it != m.options.cend(); ++it)
        if (!it.key().contains(QLatin1Char(' ')))
            names << it.key();
    return names;
}

QStringList twoWordCommands(const Model &m)
{
    QStringList names;
    for (auto it = m.options.cbegin(); it != m.options.cend(); ++it)
        if (it.key().contains(QLatin1Char(' ')))
            names << it.key();
    return names;
}

QString bash(const Model &m)
{
    QString s;
    QTextStream out(&s);
    out << "# SPDX-License-Identifier: GPL-3.0-or-later\n"
           "# bash completion for halo-cli, generated from its command table by halo-docgen.\n\n"
           "_halo_cli_reply()\n{\n    local IFS=$'\\n'\n"
           "    COMPREPLY=($(compgen -W \"$1\" -- \"$2\"))\n}\n\n"
           "_halo_cli()\n{\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
           "    local i w command=\n    local -a words=()\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n        w=${COMP_WORDS[i]}\n"
           "        case $w in\n            "
        << m.valueOptions.join(QStringLiteral(" | "))
        << ") ((i++)) ;;\n            -*) ;;\n            *) words+=(\"$w\") ;;\n        esac\n"
           "    done\n\n    case $prev in\n";
    for (auto it = m.choices.cbegin(); it != m.choices.cend(); ++it)
        out << "        " << it.key() << ")\n            _halo_cli_reply " << bashLines(it.value())
            << " \"$cur\"\n            return\n            ;;\n";
    QStringList free = m.valueOptions;
    for (const QString &flag : m.choices.keys())
        free.removeAll(flag);
    if (!free.isEmpty())
        out << "        " << free.join(QStringLiteral(" | ")) << ") return ;;\n";
    out << "    esac\n\n    local n=${#words[@]}\n"
           "    if ((n >= 2)); then\n        case \"${words[0]} ${words[1]}\" in\n            "
        << shellWords(twoWordCommands(m)).replace(QStringLiteral("' '"), QStringLiteral("' | '"))
        << ") command=\"${words[0]} ${words[1]}\" ;;\n        esac\n    fi\n"
           "    if [[ -z $command ]] && ((n >= 1)); then\n        case ${words[0]} in\n"
           "            "
        << singleWordCommands(m).join(QStringLiteral(" | "))
        << ") command=${words[0]} ;;\n        esac\n    fi\n\n"
           "    if [[ $cur == -* ]]; then\n        case $command in\n";
    for (auto it = m.options.cbegin(); it != m.options.cend(); ++it)
        out << "            '" << it.key() << "') _halo_cli_reply " << bashLines(it.value())
            << " \"$cur\" ;;\n";
    out << "            *) _halo_cli_reply " << bashLines(m.globals) << " \"$cur\" ;;\n"
        << "        esac\n        return\n    fi\n"
           "    if ((n == 0)); then\n        _halo_cli_reply "
        << bashLines(m.firstWords)
        << " \"$cur\"\n    elif ((n == 1)); then\n"
           "        case ${words[0]} in\n";
    for (auto it = m.groups.cbegin(); it != m.groups.cend(); ++it)
        out << "            " << it.key() << ") _halo_cli_reply " << bashLines(it.value())
            << " \"$cur\" ;;\n";
    out << "        esac\n    fi\n}\ncomplete -F _halo_cli halo-cli\n";
    return s;
}

QString zsh(const Model &m)
{
    QString s;
    QTextStream out(&s);
    out << "#compdef halo-cli\n"
           "# SPDX-License-Identifier: GPL-3.0-or-later\n"
           "# zsh completion for halo-cli, generated from its command table by halo-docgen.\n\n"
           "local -a plain\nlocal i w n command\n"
           "for ((i = 2; i < CURRENT; i++)); do\n    w=${words[i]}\n    case $w in\n"
           "        ("
        << m.valueOptions.join(QLatin1Char('|'))
        << ") ((i++)) ;;\n        (-*) ;;\n        (*) plain+=(\"$w\") ;;\n    esac\ndone\n\n"
           "case ${words[CURRENT-1]} in\n";
    for (auto it = m.choices.cbegin(); it != m.choices.cend(); ++it)
        out << "    (" << it.key() << ") compadd -- " << shellWords(it.value()) << "; return ;;\n";
    QStringList free = m.valueOptions;
    for (const QString &flag : m.choices.keys())
        free.removeAll(flag);
    if (!free.isEmpty())
        out << "    (" << free.join(QLatin1Char('|')) << ") _message 'value'; return ;;\n";
    out << "esac\n\nn=${#plain}\ncommand=\n"
           "if (( n >= 2 )); then\n    case \"${plain[1]} ${plain[2]}\" in\n        ("
        << shellWords(twoWordCommands(m)).replace(QStringLiteral("' '"), QStringLiteral("'|'"))
        << ") command=\"${plain[1]} ${plain[2]}\" ;;\n    esac\nfi\n"
           "if [[ -z $command ]] && (( n >= 1 )); then\n    case ${plain[1]} in\n        ("
        << singleWordCommands(m).join(QLatin1Char('|'))
        << ") command=${plain[1]} ;;\n    esac\nfi\n\n"
           "if [[ $PREFIX == -* ]]; then\n    case $command in\n";
    for (auto it = m.options.cbegin(); it != m.options.cend(); ++it)
        out << "        ('" << it.key() << "') compadd -- " << shellWords(it.value()) << " ;;\n";
    out << "        (*) compadd -- " << shellWords(m.globals) << " ;;\n    esac\n    return\nfi\n"
        << "if (( n == 0 )); then\n    compadd -- " << shellWords(m.firstWords)
        << "\nelif (( n == 1 )); then\n    case ${plain[1]} in\n";
    for (auto it = m.groups.cbegin(); it != m.groups.cend(); ++it)
        out << "        (" << it.key() << ") compadd -- " << shellWords(it.value()) << " ;;\n";
    out << "    esac\nfi\n";
    return s;
}

// Text for roff: backslashes and minus signs escaped, no line starting with a control character.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QString man(const QString &version)
{
    QString s;
    QTextStream out(&s);
    out << ".\\\" SPDX-License-Identifier: GPL-3.0-or-later\n"
           ".\\\" Generated from halo-cli's command table by halo-docgen.\n"
        << ".TH HALO\\-CLI 1 \"\" \"halo-cli " << version << "\" \"User Commands\"\n"
        << ".SH NAME\nhalo\\-cli \\- the Halo Cloud Integrator API from the command line\n"
           ".SH SYNOPSIS\n.B halo\\-cli\n[\\fIglobal options\\fR] \\fICOMMAND\\fR "
           "[\\fIarguments\\fR]\n"
           ".SH DESCRIPTION\nThe command\\-line twin of Halo Explorer: the Halo Cloud "
           "Integrator API for scripts, CI and support work.\nRun\n.B halo\\-cli COMMAND "
           "\\-\\-help\nfor a command's arguments and options.\n"
           ".SH GLOBAL OPTIONS\nThese come before the command.\n";
    for (const GlobalOption &option : globalOptions()) {
        out << ".TP\n.B \\-\\-" << roff(option.name);
        if (!option.valueName.isEmpty())
            out << " \\fI" << roff(option.valueName) << "\\fR";
        out << '\n' << roff(option.help) << '\n';
    }
    out << ".SH COMMANDS\n";
    for (const Cli::CommandSpec &spec : Cli::CommandLine::commands()) {
        // The command and its synopsis on one line, the summary under it.
        out << ".TP\n\\fB" << roff(spec.name()) << "\\fR";
        if (!spec.synopsis.isEmpty())
            out << " \\fI" << roff(spec.synopsis) << "\\fR";
        out << '\n' << roff(spec.summary) << '\n';
        if (!spec.description.isEmpty())
            out << ".br\n" << roff(spec.description) << '\n';
        for (const Cli::ArgumentSpec &argument : spec.arguments)
            out << ".RS\n.TP\n.I " << roff(argument.name) << '\n'
                << roff(argument.help) << "\n.RE\n";
        for (const Cli::OptionSpec &option : spec.options) {
            out << ".RS\n.TP\n.B \\-\\-" << roff(option.name);
            if (!option.valueName.isEmpty())
                out << " \\fI" << roff(option.valueName) << "\\fR";
            out << '\n' << roff(option.help);
            if (option.required)
                out << " (required)";
            out << "\n.RE\n";
        }
    }
    out << ".SH ENVIRONMENT\n"
           ".TP\n.B HALO_KEY\nThe subscription key (for CI); else the keychain's key for the "
           "environment, saved with\n.BR \"key set\" .\n"
           ".TP\n.B HALO_ENVIRONMENT\nThe environment when \\-\\-environment is not given.\n"
           ".SH EXIT STATUS\n"
           ".TP\n.B 0\nSuccess.\n"
           ".TP\n.B 1\nHalo Cloud, the network or the sandbox reported an error, or the safety "
           "rules refused to send a command.\n"
           ".TP\n.B 2\nThe command line is wrong.\n"
           ".TP\n.B 3\nNo subscription key, or the keychain failed.\n"
           ".SH SEE ALSO\n.BR halo\\-explorer (1),\n.BR halo\\-sandbox (1)\n";
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) {
        QTextStream(stderr) << "usage: halo-docgen bash|zsh|man VERSION OUTPUT" << Qt::endl;
        return 2;
    }
    const QString kind = arguments.at(1);
    QString text;
    if (kind == QLatin1String("bash"))
        text = bash(buildModel());
    else if (kind == QLatin1String("zsh"))
        text = zsh(buildModel());
    else if (kind == QLatin1String("man"))
        text = man(arguments.at(2));
    else {
        QTextStream(stderr) << "halo-docgen: unknown kind " << kind << Qt::endl;
        return 2;
    }
    QFile file(arguments.at(3));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0 ||
        !file.flush()) {
        QTextStream(stderr) << "halo-docgen: " << arguments.at(3) << ": " << file.errorString()
                            << Qt::endl;
        return 1;
    }
    return 0;
}
