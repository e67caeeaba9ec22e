// halo-sandbox: the local Halo Cloud as a standalone program.
#include "SandboxOptions.h"
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("halo-sandbox"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out << Sandbox::SandboxOptions::helpText();
        return 0;
    }
    Sandbox::SandboxOptions options;
    bool printSites = false;
    const QString problem = Sandbox::SandboxOptions::parse(arguments, &options, &printSites);
    if (!problem.isEmpty()) {
        err << "halo-sandbox: " << problem << Qt::endl;
        return 2;
    }
    if (printSites) {
        out << Sandbox::SandboxServer::sitesDirectoryJson();
        return 0;
    }

    const bool generatedKey = options.key.isEmpty();
    Sandbox::SandboxServer server(options);
    if (server.listen() == 0) {
        err << "halo-sandbox: cannot listen on 127.0.0.1:" << options.port << ": "
            << server.errorString() << Qt::endl;
        return 1;
    }
    QObject::connect(&server, &Sandbox::SandboxServer::requestHandled, &server,
                     [&err](const QString &method, const QString &path, int status) {
                         err << method << ' ' << path << ' ' << status << Qt::endl;
                     });
    // A key the user chose is theirs to know; only a generated one is shown.
    if (generatedKey)
        out << "subscription key: " << server.key() << '\n';
    out << "listening on " << server.baseUrl() << Qt::endl;
    return app.exec();
}
