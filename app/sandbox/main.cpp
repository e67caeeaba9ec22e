// SPDX-License-Identifier: GPL-3.0-or-later
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
    QCoreApplication::setApplicationVersion(QStringLiteral(HALO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    Sandbox::SandboxOptions options;
    bool printSites = false;
    auto request = Sandbox::SandboxOptions::Request::Run;
    const QString problem = Sandbox::SandboxOptions::parse(QCoreApplication::arguments(), &options,
                                                           &printSites, &request);
    if (!problem.isEmpty()) {
        err << "halo-sandbox: " << problem << Qt::endl;
        return 2;
    }
    if (request == Sandbox::SandboxOptions::Request::Help) {
        out << Sandbox::SandboxOptions::helpText();
        return 0;
    }
    if (request == Sandbox::SandboxOptions::Request::Version) {
        out << "halo-sandbox " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
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
