// SPDX-License-Identifier: GPL-3.0-or-later
// How long a FHIR answer takes from bytes to what the FHIR tab shows, and which part of it runs
// on the GUI thread. Pages come from the sandbox (100 Patients, its largest page) and are
// repeated to make Bundles larger than any server page, to see where the time goes.
//   build/tests/bench/bench_fhir [--runs N]
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirEntryTableModel.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirResponse.h"
#include "net/ApiCall.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        work();
        times.append(clock.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

QByteArray fetch(Halo::HaloApiClient &client, const QString &guid, const QString &relative)
{
    Halo::ApiCall *call = client.fhirGet(guid, relative);
    call->setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(call, &Halo::ApiCall::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = call->body();
    delete call;
    return body;
}

// The page's entries repeated until the Bundle holds `count` of them.
QByteArray bundleOf(const QJsonObject &page, int count)
{
    const QJsonArray entries = page.value(QStringLiteral("entry")).toArray();
    QJsonArray grown;
    for (int i = 0; i < count; ++i)
        grown.append(entries.at(i % entries.size()));
    QJsonObject bundle = page;
    bundle.insert(QStringLiteral("entry"), grown);
    bundle.insert(QStringLiteral("total"), count);
    return QJsonDocument(bundle).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 9;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs"));
        at >= 0 && at + 1 < args.size())
        runs = std::max(1, args.at(at + 1).toInt());

    Sandbox::SandboxOptions options;
    options.key = QStringLiteral("bench-key");
    Sandbox::SandboxServer server(options);
    if (server.listen() == 0) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
    client.setSubscriptionKey(options.key);
    const QString guid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
    const QJsonObject page =
        QJsonDocument::fromJson(fetch(client, guid, QStringLiteral("Patient?_count=100"))).object();
    const QByteArray patient = fetch(client, guid, QStringLiteral("Patient/1"));

    std::printf("FHIR answers from bytes to screen (median of %d runs, ms)\n", runs);
    std::printf("%-22s %9s %8s | %8s %8s %8s | %8s %8s %8s\n", "", "", "", "worker", "", "", "GUI",
                "", "");
    std::printf("%-22s %9s %8s | %8s %8s %8s | %8s %8s %8s\n", "answer", "bytes", "entries",
                "parse", "tree", "total", "table", "tree", "1 entry");
    std::fflush(stdout);
    const auto report = [&](const char *name, const QByteArray &body) {
        const Halo::FhirResponse response = Halo::FhirResponse::parse(body);
        const double parse = medianMs(runs, [&] { Halo::FhirResponse::parse(body); });
        std::shared_ptr<const Halo::FhirJsonTreeModel::Tree> built;
        const double build = medianMs(runs, [&] {
            built = Halo::FhirJsonTreeModel::buildTree(response.root, QStringLiteral("Bundle"));
        });
        QList<std::shared_ptr<const Halo::FhirJsonTreeModel::Tree>> spares;
        for (int i = 0; i < runs; ++i)
            spares.append(
                Halo::FhirJsonTreeModel::buildTree(response.root, QStringLiteral("Bundle")));
        const double free = medianMs(runs, [&] { spares.takeLast().reset(); });
        Halo::FhirEntryTableModel table;
        const double fill = medianMs(runs, [&] { table.setEntries(response.entries); });
        Halo::FhirJsonTreeModel tree;
        const double show = medianMs(runs, [&] { tree.setTree(built); });
        const QJsonObject first =
            response.entries.isEmpty() ? response.root : response.entries.first().resource;
        const double one = medianMs(runs, [&] { tree.setJson(first, QStringLiteral("Patient")); });
        QPlainTextEdit text;
        const double pretty = medianMs(runs, [&] { text.setPlainText(response.prettyJson); });
        std::printf("%-22s %9lld %8lld | %8.2f %8.2f %8.2f | %8.2f %8.2f %8.2f\n", name,
                    static_cast<long long>(body.size()),
                    static_cast<long long>(response.entries.size()), parse, build, parse + build,
                    fill, show, one);
        std::printf("%-22s freeing the whole tree: %.2f ms (a worker's, above 2,000 nodes); the "
                    "whole answer's pretty text into the text view: %.2f ms (GUI)\n",
                    "", free, pretty);
    };
    report("Patient/1 (rich)", patient);
    report("page of 100 Patients", bundleOf(page, 100));
    report("Bundle of 1,000", bundleOf(page, 1000));
    report("Bundle of 10,000", bundleOf(page, 10000));
    std::printf("worker: what the FHIR tab does off the GUI thread for every answer (JSON, issues, "
                "pretty text, the whole answer's tree). GUI: filling the table, showing the "
                "prebuilt tree, building one selected entry's tree.\n");
    return 0;
}
