// SPDX-License-Identifier: GPL-3.0-or-later
// halo-explorer: parses the command line and starts a session.
#include "ExplorerSession.h"
#include "MainWindow.h"
#include "l10n/Translations.h"
#include "net/Environment.h"
#include "storage/AppSettings.h"
#include "widgets/AccessibleControls.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // --help and --version only print, so they need no display (over ssh, in a build script).
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if ((argument == "--help" || argument == "-h" || argument == "--help-all" ||
             argument == "--version" || argument == "-v") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    Halo::installTranslations(app);
    // Before any widget: with a screen reader running, interfaces are made as widgets are built.
    AccessibleControls::install();
    QApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QApplication::setApplicationName(QStringLiteral("halo-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Halo Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(HALO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/halo-explorer.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.haloexplorer.HaloExplorer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explore the Halo Cloud API."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QApplication::translate("main", "Start the embedded sandbox and connect to it."));
    const QCommandLineOption environmentOption(
        QStringLiteral("environment"),
        QApplication::translate("main", "Environment: production, stage, sandbox or custom."),
        QStringLiteral("name"));
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        QApplication::translate("main", "Base URL of a custom environment (implies custom)."),
        QStringLiteral("url"));
    parser.addOptions({sandboxOption, environmentOption, baseUrlOption});
    // Exit codes as halo-cli's: 0 ok, 1 failure, 2 usage (an unknown option too), 3 key.
    if (!parser.parse(QApplication::arguments())) {
        QTextStream(stderr) << "halo-explorer: " << parser.errorText() << '\n'
                            << "Try 'halo-explorer --help' for more information." << Qt::endl;
        return 2;
    }
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        QTextStream(stdout) << parser.helpText() << "\nExit status: 0 ok, 1 failure, 2 usage error."
                            << Qt::endl;
        return 0;
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << "halo-explorer " << QApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "halo-explorer: unexpected argument '"
                            << parser.positionalArguments().first() << "'\n"
                            << "Try 'halo-explorer --help' for more information." << Qt::endl;
        return 2;
    }

    // Without options, the environment used last time (the sandbox on a first run).
    Halo::Endpoint endpoint = Halo::AppSettings().lastEndpoint();
    if (parser.isSet(sandboxOption) || parser.isSet(environmentOption) ||
        parser.isSet(baseUrlOption)) {
        QString problem;
        const auto chosen =
            Halo::resolveEndpoint(parser.isSet(sandboxOption), parser.value(environmentOption),
                                  parser.value(baseUrlOption), &problem);
        if (!chosen) {
            QTextStream(stderr) << "halo-explorer: " << problem << Qt::endl;
            return 2;
        }
        endpoint = *chosen;
    }

    ExplorerSession session;
    session.start(endpoint);
    session.window()->show();
    return app.exec();
}
