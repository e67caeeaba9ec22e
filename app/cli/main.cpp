// halo-cli: the command-line twin of Halo Explorer, over the same app/core model.
#include "CliCommands.h"
#include "Console.h"

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
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("halo-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HALO_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    Cli::Console console(out, err, in);
    console.setInputIsTerminal(HALO_ISATTY(fileno(stdin)) != 0);

    const int exitCode = Cli::run(QCoreApplication::arguments().mid(1), console);
    out.flush();
    err.flush();
    return exitCode;
}
