// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli: the command-line twin of Halo Explorer, over the same app/core model.
#include "CliCommands.h"
#include "CommandLine.h"
#include "Console.h"
#include "l10n/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define HALO_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define HALO_ISATTY(fd) isatty(fd)
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Halo::installTranslations(app);
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("halo-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HALO_VERSION));

    // Results go to standard output's file descriptor unbuffered: OutputBuffer writes them in
    // large chunks, which stdio's buffer would only copy once more.
    QFile standardOutput;
    standardOutput.open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered);
    QTextStream out(&standardOutput);
    QTextStream err(stderr);
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    Cli::Console console(out, err, in);
    console.setInputIsTerminal(HALO_ISATTY(fileno(stdin)) != 0);

    int exitCode = Cli::run(QCoreApplication::arguments().mid(1), console);
    out.flush();
    // A full disk, say: what was printed is not whole, and a script must know (exit code 1).
    if (console.outputFailed() && exitCode == 0)
        exitCode = console.fail(Cli::ApiFailure,
                                QCoreApplication::translate("Cli", "Could not write the output: %1")
                                    .arg(standardOutput.errorString()));
    err.flush();
    return exitCode;
}
