// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace Sandbox {

namespace {

bool toInt(const QString &text, qint64 minimum, qint64 maximum, qint64 *out)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return false;
    *out = value;
    return true;
}

// PATHPART=STATUS[xCOUNT][>LOCATION], STATUS being an HTTP status or "drop".
bool parseFault(const QString &text, FaultRule *rule)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([^=]*)=(drop|[1-5][0-9][0-9])(?:x([0-9]+))?(?:>(.+))?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    rule->pathPart = match.captured(1);
    rule->status = match.captured(2) == QLatin1String("drop") ? 0 : match.captured(2).toInt();
    rule->remaining = match.captured(3).isEmpty() ? -1 : match.captured(3).toInt();
    rule->location = match.captured(4);
    return rule->location.isEmpty() || (rule->status >= 300 && rule->status < 400);
}

} // namespace

QString SandboxOptions::helpText()
{
    return QStringLiteral(
        "Usage: halo-sandbox [options]\n"
        "A local Halo Cloud (Integrator API) for Halo Explorer, its tests and new users.\n"
        "Listens on 127.0.0.1 only. Sample practices and data are synthetic.\n\n"
        "Options:\n"
        "  --port N                 port to listen on (0 = pick a free one; default 0)\n"
        "  --key KEY                subscription key clients must send (default: generated)\n"
        "  --print-sites            print the sample sites as JSON and exit\n"
        "  --latency MS             delay every response by MS milliseconds\n"
        "  --rate-limit N[/S]       allow N requests per S seconds (default 60), then 429\n"
        "                           with Retry-After\n"
        "  --fault PATH=STATUS[xN]  answer requests whose path contains PATH with STATUS\n"
        "                           (an HTTP status, or 'drop' to close the connection\n"
        "                           unanswered), N times or always; repeatable;\n"
        "                           PATH=307>URL redirects to URL\n"
        "  --immediate-timeout MS   immediate queries slower than this get 504 (default 30000)\n"
        "  --immediate-limit BYTES  immediate results larger than this get 413 (default 8 MiB)\n"
        "  --async-step MS          time an async query spends in each state (default 500)\n"
        "  --page-bytes BYTES       approximate size of an async result page (default 1 MiB)\n"
        "  --result-ttl S           seconds async results stay cached, then 410 (default 86400)\n"
        "  --fhir-page-size N       default FHIR _count (default 20)\n"
        "  -h, --help               show this help\n"
        "  --version                show the version\n\n"
        "Options take their value as --port 8080 or --port=8080.\n"
        "Exit status: 0 ok, 1 failure (e.g. the port is taken), 2 usage error.\n");
}

QString SandboxOptions::parse(const QStringList &arguments, SandboxOptions *options,
                              bool *printSites, Request *request)
{
    *printSites = false;
    if (request)
        *request = Request::Run;
    QCommandLineParser parser;
    // --port=8080 and --port 8080 alike; single-dash words are not bundles of short options.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version(QStringLiteral("version"), QString());
    const QCommandLineOption sites(QStringLiteral("print-sites"), QString());
    parser.addOptions({help, version, sites});
    const QStringList valued{QStringLiteral("port"),
                             QStringLiteral("key"),
                             QStringLiteral("latency"),
                             QStringLiteral("rate-limit"),
                             QStringLiteral("fault"),
                             QStringLiteral("immediate-timeout"),
                             QStringLiteral("immediate-limit"),
                             QStringLiteral("async-step"),
                             QStringLiteral("page-bytes"),
                             QStringLiteral("result-ttl"),
                             QStringLiteral("fhir-page-size")};
    for (const QString &name : valued)
        parser.addOption(QCommandLineOption(name, QString(), QStringLiteral("value")));

    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString dashes =
                unknown.first().size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
            return QStringLiteral("unknown option %1 (see --help)").arg(dashes + unknown.first());
        }
        return QStringLiteral("%1 (see --help)").arg(parser.errorText());
    }
    if (request && parser.isSet(help)) {
        *request = Request::Help;
        return {};
    }
    if (request && parser.isSet(version)) {
        *request = Request::Version;
        return {};
    }
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument '%1' (see --help)")
            .arg(parser.positionalArguments().first());
    *printSites = parser.isSet(sites);

    for (const QString &name : valued) {
        const QString flag = QStringLiteral("--") + name;
        const QStringList values = parser.values(name);
        // Repeatable: --fault. Every other option: the last one given wins.
        const QStringList used =
            name == QLatin1String("fault")
                ? values
                : (values.isEmpty() ? QStringList() : values.mid(values.size() - 1));
        for (const QString &value : used) {
            qint64 number = 0;
            auto bad = [&flag, &value]() {
                return QStringLiteral("invalid value '%1' for %2").arg(value, flag);
            };
            if (name == QLatin1String("port")) {
                if (!toInt(value, 0, 65535, &number))
                    return bad();
                options->port = static_cast<quint16>(number);
            } else if (name == QLatin1String("key")) {
                if (value.trimmed().isEmpty())
                    return bad();
                options->key = value;
            } else if (name == QLatin1String("latency")) {
                if (!toInt(value, 0, 600000, &number))
                    return bad();
                options->latencyMs = static_cast<int>(number);
            } else if (name == QLatin1String("rate-limit")) {
                const QStringList parts = value.split(QLatin1Char('/'));
                qint64 window = 60;
                if (parts.size() > 2 || !toInt(parts.at(0), 1, 1000000, &number) ||
                    (parts.size() == 2 && !toInt(parts.at(1), 1, 86400, &window)))
                    return bad();
                options->rateLimitRequests = static_cast<int>(number);
                options->rateLimitWindowSeconds = static_cast<int>(window);
            } else if (name == QLatin1String("fault")) {
                FaultRule rule;
                if (!parseFault(value, &rule))
                    return bad();
                options->faults.append(rule);
            } else if (name == QLatin1String("immediate-timeout")) {
                if (!toInt(value, 1, 600000, &number))
                    return bad();
                options->immediateTimeoutMs = static_cast<int>(number);
            } else if (name == QLatin1String("immediate-limit")) {
                if (!toInt(value, 1, qint64(1) << 34, &number))
                    return bad();
                options->immediateLimitBytes = number;
            } else if (name == QLatin1String("async-step")) {
                if (!toInt(value, 0, 600000, &number))
                    return bad();
                options->asyncStepMs = static_cast<int>(number);
            } else if (name == QLatin1String("page-bytes")) {
                if (!toInt(value, 256, qint64(1) << 32, &number))
                    return bad();
                options->pageBytes = number;
            } else if (name == QLatin1String("result-ttl")) {
                if (!toInt(value, 1, 7 * 86400, &number))
                    return bad();
                options->resultTtlSeconds = static_cast<int>(number);
            } else if (name == QLatin1String("fhir-page-size")) {
                if (!toInt(value, 1, 1000, &number))
                    return bad();
                options->fhirPageSize = static_cast<int>(number);
            }
        }
    }
    return {};
}

} // namespace Sandbox
