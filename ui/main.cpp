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
    QApplication app(argc, argv);
    Halo::installTranslations(app);
    // Before any widget: with a screen reader running, interfaces are made as widgets are built.
    AccessibleControls::install();
    QApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QApplication::setApplicationName(QStringLiteral("halo-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Halo Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(HALO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/halo-explorer.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explore the Halo Cloud API."));
    parser.addHelpOption();
    parser.addVersionOption();
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
    parser.process(app);

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
