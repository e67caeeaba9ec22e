// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli at parity with the window, run exactly as scripts run it: async queries submitted
// and read later by id, batch status, re-resolving a GUID, FHIR by GET or POST and refused for a
// PMS without FHIR, the heartbeat's age in site status, and pairing failures without advice
// about GUIDs. Against a halo-sandbox process whose request log shows what reached it.
#include "CliHarness.h"
#include "FailOnWarning.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using CliHarness::CliResult;
using CliHarness::runCli;

namespace {

// Sample sites of the sandbox (halo-sandbox --print-sites).
const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kNonAuthoritative = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kPmsId = QStringLiteral("BP-20431"); // both of the above
const QString kZedmed = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
const QString kOffline = QStringLiteral("58e1a6c3-0d7b-4b29-9c4e-2a6f93d1b785"); // 6 h 17 min
const QString kRenamed = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
const QString kUnpaired = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");
const QString kUnpairedPmsId = QStringLiteral("BP-44019");
const QString kPairingFailsPmsId = QStringLiteral("BP-27603");
const QString kPairingFailsCode = QStringLiteral("R6JM4X");

const QString kRowsSql = QStringLiteral(
    "SELECT id, first_name, surname, middle_name, balance FROM patients ORDER BY id LIMIT 40");

enum Exit { Ok = 0, ApiFailure = 1, Usage = 2 };

bool isOneLine(const QByteArray &err)
{
    const QByteArray trimmed = err.trimmed();
    return !trimmed.isEmpty() && !trimmed.contains('\n');
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QJsonObject jsonOf(const CliResult &result)
{
    return QJsonDocument::fromJson(result.out).object();
}

} // namespace

#define QVERIFY_RUN(result, expectedExit)                                                          \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == (expectedExit), (result).transcript().constData());          \
    } while (false)

class TestCliParity : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();

    void documentsEveryNewCommandInItsHelp_data();
    void documentsEveryNewCommandInItsHelp();

    void submitsOnlyThenReadsStatusAndResultsById();
    void saysThatAnUnfinishedQueryHasNoResultsYet();
    void saysThatAnExpiredResultIsGone();
    void reportsBatchStatusForAFoundAndAnUnknownId();
    void refusesAMalformedQueryIdWithoutARequest();

    void printsTheAuthoritativeGuidOfANonAuthoritativeInstall();
    void saysThatAnAuthoritativeGuidStillIs();
    void failsToReResolveAnUnknownPmsId();

    void refusesFhirForAZedmedSiteWithoutAFhirRequest();
    void sendsFhirSearchesByGetOrPostAsAsked();

    void showsTheHeartbeatsAgeInSiteStatus();
    void adviceAfterAFailedPairingIsAboutPairing();

private:
    CliResult cli(const QStringList &arguments)
    {
        return runCli(QStringList{QStringLiteral("--base-url"), m_sandbox.baseUrl()} + arguments,
                      {{QStringLiteral("HALO_KEY"), m_key}});
    }
    CliResult cliJson(const QStringList &arguments)
    {
        return cli(QStringList{QStringLiteral("--json")} + arguments);
    }
    // The sandbox's request log: "METHOD /path STATUS" lines, as many as it has written.
    QStringList requests() const
    {
        QFile file(m_logPath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return lines(QString::fromUtf8(file.readAll()));
    }
    // Polls `query status --json` until the query ends; returns its last status.
    QString waitUntilEnded(const QString &queryId)
    {
        QElapsedTimer clock;
        clock.start();
        QString status;
        while (clock.elapsed() < 30000) {
            const CliResult result = cliJson({"query", "status", kOnline, queryId});
            if (result.exitCode != Ok)
                return result.errText();
            status = jsonOf(result).value(QStringLiteral("status")).toString();
            if (status == QLatin1String("successful") || status.contains(QLatin1String("Failed")))
                return status;
            QTest::qWait(100);
        }
        return status;
    }

    QTemporaryDir m_dir;
    QString m_logPath;
    CliHarness::SandboxProcess m_sandbox;
    QString m_key;
};

void TestCliParity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_key = QString::number(QRandomGenerator::global()->generate64(), 16);
    m_logPath = m_dir.filePath(QStringLiteral("sandbox.log"));
    QString why;
    QVERIFY2(
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                         m_key, QStringLiteral("--async-step"), QStringLiteral("100")},
                        &why, m_logPath),
        qPrintable(why));
}

void TestCliParity::documentsEveryNewCommandInItsHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("query") << QStringList{"query", "--help"}
                           << QStringList{"--submit-only", "--timeout",     "deadline",
                                          "query status",  "query results", "query batch-status"};
    QTest::newRow("query status") << QStringList{"query", "status", "--help"}
                                  << QStringList{"GUID QUERY_ID", "--json"};
    QTest::newRow("query results")
        << QStringList{"query", "results", "--help"}
        << QStringList{"GUID QUERY_ID", "--format", "not finished", "410"};
    QTest::newRow("query batch-status") << QStringList{"query", "batch-status", "--help"}
                                        << QStringList{"GUID QUERY_ID...", "found", "--json"};
    QTest::newRow("site reresolve")
        << QStringList{"site", "reresolve", "--help"}
        << QStringList{"--pms-id ID --pms PMS", "standard output", "Nothing is changed"};
    QTest::newRow("fhir") << QStringList{"fhir", "--help"}
                          << QStringList{"--get", "--post", "Production", "Zedmed"};
    QTest::newRow("site status") << QStringList{"help", "site"} << QStringList{"reresolve"};
    QTest::newRow("main") << QStringList{"--help"}
                          << QStringList{"query status", "query results", "query batch-status",
                                         "site reresolve"};
}

void TestCliParity::documentsEveryNewCommandInItsHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const CliResult result = runCli(arguments);
    QVERIFY_RUN(result, Ok);
    QVERIFY2(result.outText().startsWith(QLatin1String("Usage: halo-cli")), result.out);
    // Help is wrapped: a phrase may be broken across lines.
    const QString text = result.outText().simplified();
    for (const QString &phrase : expected)
        QVERIFY2(text.contains(phrase), qPrintable(phrase + QStringLiteral(" in:\n") + text));
}

void TestCliParity::submitsOnlyThenReadsStatusAndResultsById()
{
    const CliResult immediate = cli({"query", kOnline, "--format", "json", kRowsSql});
    QVERIFY_RUN(immediate, Ok);
    const QJsonArray rows = jsonOf(immediate).value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 40);

    const CliResult submitted = cli({"query", kOnline, "--async", "--submit-only", kRowsSql});
    QVERIFY_RUN(submitted, Ok);
    // The id alone on standard output, for ID=$(...).
    const QString queryId = submitted.outText().trimmed();
    QVERIFY2(!QUuid::fromString(queryId).isNull(), submitted.out);
    QCOMPARE(submitted.outText(), queryId + QLatin1Char('\n'));
    QVERIFY2(submitted.errText().contains(QLatin1String("query status")), submitted.err);

    QCOMPARE(waitUntilEnded(queryId), QStringLiteral("successful"));
    const CliResult status = cli({"query", "status", kOnline, queryId});
    QVERIFY_RUN(status, Ok);
    const QString text = status.outText();
    for (const char *expected : {"successful", "initialising", "queued", "executing", "uploading",
                                 "Page", "cached", "bytes", "40 rows"})
        QVERIFY2(text.contains(QLatin1String(expected)), qPrintable(expected + text));
    QVERIFY2(text.contains(queryId), status.out);

    const CliResult json = cliJson({"query", "status", kOnline, queryId});
    QVERIFY_RUN(json, Ok);
    QCOMPARE(jsonOf(json).value(QStringLiteral("id")).toString(), queryId);
    QVERIFY(jsonOf(json).value(QStringLiteral("statusTiming")).isObject());

    const CliResult results = cli({"query", "results", kOnline, queryId, "--format", "json"});
    QVERIFY_RUN(results, Ok);
    QCOMPARE(jsonOf(results).value(QStringLiteral("rows")).toArray(), rows);
    QCOMPARE(jsonOf(results).value(QStringLiteral("id")).toString(), queryId);
    QCOMPARE(jsonOf(results).value(QStringLiteral("mode")).toString(), QStringLiteral("async"));

    // The same rows as text and CSV as the immediate query prints them.
    for (const char *format : {"table", "csv"}) {
        const CliResult again = cli({"query", kOnline, "--format", format, kRowsSql});
        const CliResult byId = cli({"query", "results", kOnline, queryId, "--format", format});
        QVERIFY_RUN(byId, Ok);
        QCOMPARE(byId.outText(), again.outText());
    }
}

void TestCliParity::saysThatAnUnfinishedQueryHasNoResultsYet()
{
    const CliResult submitted = cli({"query", kOnline, "--async", "--submit-only",
                                     "WAITFOR DELAY '00:00:20'; SELECT 1 AS one"});
    QVERIFY_RUN(submitted, Ok);
    const QString queryId = submitted.outText().trimmed();
    const int pagesBefore = int(requests().filter(QStringLiteral("/results/")).size());

    const CliResult results = cli({"query", "results", kOnline, queryId});
    QVERIFY_RUN(results, ApiFailure);
    QVERIFY2(isOneLine(results.err), results.err);
    QVERIFY2(results.errText().contains(QLatin1String("has not finished")), results.err);
    QVERIFY2(results.errText().contains(QLatin1String("executing")) ||
                 results.errText().contains(QLatin1String("queued")) ||
                 results.errText().contains(QLatin1String("initialising")),
             results.err);
    QVERIFY(results.out.isEmpty());
    QCOMPARE(int(requests().filter(QStringLiteral("/results/")).size()), pagesBefore);
}

void TestCliParity::saysThatAnExpiredResultIsGone()
{
    // A sandbox that keeps results for a second only.
    CliHarness::SandboxProcess brief;
    QString why;
    QVERIFY2(brief.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                          m_key, QStringLiteral("--async-step"), QStringLiteral("20"),
                          QStringLiteral("--result-ttl"), QStringLiteral("1")},
                         &why),
             qPrintable(why));
    const QStringList base{QStringLiteral("--base-url"), brief.baseUrl()};
    const QMap<QString, QString> key{{QStringLiteral("HALO_KEY"), m_key}};
    const CliResult submitted = runCli(
        base + QStringList{"query", kOnline, "--async", "--submit-only", "SELECT 1 AS one"}, key);
    QVERIFY_RUN(submitted, Ok);
    const QString queryId = submitted.outText().trimmed();
    QTRY_VERIFY_WITH_TIMEOUT(runCli(base + QStringList{"query", "status", kOnline, queryId}, key)
                                 .outText()
                                 .contains(QLatin1String("successful")),
                             10000);
    QTest::qWait(1500);
    const CliResult results = runCli(base + QStringList{"query", "results", kOnline, queryId}, key);
    QVERIFY_RUN(results, ApiFailure);
    QVERIFY2(isOneLine(results.err), results.err);
    QVERIFY2(results.errText().contains(QLatin1String("HTTP 410")), results.err);
    QVERIFY2(results.errText().contains(QLatin1String("no longer available")), results.err);
    QVERIFY(results.out.isEmpty());
}

void TestCliParity::reportsBatchStatusForAFoundAndAnUnknownId()
{
    const CliResult submitted =
        cli({"query", kOnline, "--async", "--submit-only", "SELECT 1 AS one"});
    QVERIFY_RUN(submitted, Ok);
    const QString found = submitted.outText().trimmed();
    QCOMPARE(waitUntilEnded(found), QStringLiteral("successful"));
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);

    const CliResult text = cli({"query", "batch-status", kOnline, found, unknown});
    QVERIFY_RUN(text, Ok);
    const QStringList output = lines(text.outText());
    QCOMPARE(output.size(), 2); // one line per id, in the order given
    QVERIFY2(output.at(0).startsWith(found), text.out);
    QVERIFY2(output.at(0).contains(QLatin1String(" found")), text.out);
    QVERIFY2(output.at(0).contains(QLatin1String("successful")), text.out);
    QVERIFY2(output.at(1).startsWith(unknown), text.out);
    QVERIFY2(output.at(1).contains(QLatin1String("not found")), text.out);

    const CliResult json = cliJson({"query", "batch-status", kOnline, found, unknown});
    QVERIFY_RUN(json, Ok);
    const QJsonArray results = jsonOf(json).value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("found"));
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(),
             QStringLiteral("notFound"));
}

void TestCliParity::refusesAMalformedQueryIdWithoutARequest()
{
    const qsizetype before = requests().size();
    for (const QStringList &command :
         {QStringList{"query", "status", kOnline, "not-a-query-id"},
          QStringList{"query", "results", kOnline, "1234"},
          QStringList{"query", "batch-status", kOnline,
                      QUuid::createUuid().toString(QUuid::WithoutBraces), "x"},
          QStringList{"query", "status", kOnline, ""}}) {
        const CliResult result = cli(command);
        QVERIFY_RUN(result, Usage);
        QVERIFY2(isOneLine(result.err), result.err);
        QVERIFY2(result.errText().contains(QLatin1String("not an async query id")), result.err);
    }
    const CliResult missing = cli({"query", "batch-status", kOnline});
    QVERIFY_RUN(missing, Usage);
    QVERIFY2(missing.errText().contains(QLatin1String("missing QUERY_ID")), missing.err);
    QTest::qWait(200);
    QCOMPARE(requests().size(), before);
}

void TestCliParity::printsTheAuthoritativeGuidOfANonAuthoritativeInstall()
{
    const CliResult result =
        cli({"site", "reresolve", kNonAuthoritative, "--pms-id", kPmsId, "--pms", "Best Practice"});
    QVERIFY_RUN(result, Ok);
    QCOMPARE(result.outText(), kOnline + QLatin1Char('\n'));
    QVERIFY2(result.errText().contains(QLatin1String("not the authoritative")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("PMS version")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("Nothing was changed")), result.err);
    // One lookup, nothing else.
    QCOMPARE(requests().last(), QStringLiteral("GET /integrator/sites 200"));
}

void TestCliParity::saysThatAnAuthoritativeGuidStillIs()
{
    const CliResult result =
        cli({"site", "reresolve", kOnline, "--pms-id", kPmsId, "--pms", "best practice"});
    QVERIFY_RUN(result, Ok);
    QVERIFY2(result.out.isEmpty(), result.out);
    QVERIFY2(result.errText().contains(QLatin1String("still the authoritative install")),
             result.err);
    QVERIFY2(result.errText().contains(QLatin1String("Nothing was changed")), result.err);
}

void TestCliParity::failsToReResolveAnUnknownPmsId()
{
    const CliResult result =
        cli({"site", "reresolve", kOnline, "--pms-id", "BP-99999", "--pms", "Best Practice"});
    QVERIFY_RUN(result, ApiFailure);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("No authoritative install")), result.err);

    const CliResult usage = cli({"site", "reresolve", kOnline, "--pms", "Zedmed"});
    QVERIFY_RUN(usage, Usage);
}

void TestCliParity::refusesFhirForAZedmedSiteWithoutAFhirRequest()
{
    const qsizetype before = requests().size();
    for (const QStringList &method : {QStringList{}, QStringList{"--get"}, QStringList{"--post"}}) {
        const CliResult result =
            cli(QStringList{"fhir", kZedmed} + method + QStringList{"Patient?family=Smith"});
        QVERIFY_RUN(result, ApiFailure);
        QVERIFY2(isOneLine(result.err), result.err);
        QVERIFY2(result.errText().contains(QLatin1String("has no FHIR API.")), result.err);
        QVERIFY2(
            result.errText().contains(QLatin1String("Halo Cloud offers FHIR R4 for Best Practice")),
            result.err);
        QVERIFY2(result.errText().contains(QLatin1String("Zedmed")), result.err);
        QVERIFY(result.out.isEmpty());
    }
    QTest::qWait(200);
    const QStringList sent = requests().mid(before);
    QCOMPARE(sent.size(), 3); // the site's status, once per run
    for (const QString &request : sent) {
        QVERIFY2(request.startsWith(QLatin1String("GET /integrator/sites/") + kZedmed + " 200"),
                 qPrintable(request));
        QVERIFY2(!request.contains(QLatin1String("/fhir/")), qPrintable(request));
    }
}

void TestCliParity::sendsFhirSearchesByGetOrPostAsAsked()
{
    struct Case {
        QStringList options;
        QString request;
        QString expected; // the FHIR request's line in the sandbox's log (paths only)
    };
    const QString base =
        QStringLiteral("/integrator/sites/") + kOnline + QStringLiteral("/fhir/R4/");
    // --base-url is not Production: GET unless asked, or unless "_search" is typed.
    const QList<Case> cases{
        {{}, QStringLiteral("Patient?family=Smith"), QStringLiteral("GET ") + base + "Patient 200"},
        {{"--get"},
         QStringLiteral("Patient?family=Smith"),
         QStringLiteral("GET ") + base + "Patient 200"},
        {{"--post"},
         QStringLiteral("Patient?family=Smith"),
         QStringLiteral("POST ") + base + "Patient/_search 200"},
        {{},
         QStringLiteral("Patient/_search?family=Smith"),
         QStringLiteral("POST ") + base + "Patient/_search 200"},
        {{"--get"},
         QStringLiteral("Patient/_search?family=Smith"),
         QStringLiteral("GET ") + base + "Patient 200"},
    };
    for (const Case &c : cases) {
        const CliResult result =
            cli(QStringList{"fhir", kOnline} + c.options + QStringList{c.request});
        QVERIFY_RUN(result, Ok);
        QCOMPARE(jsonOf(result).value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Bundle"));
        QTest::qWait(50);
        const QStringList fhir = requests().filter(QStringLiteral("/fhir/"));
        QVERIFY(!fhir.isEmpty());
        QVERIFY2(fhir.last() == c.expected,
                 qPrintable(c.options.join(' ') + ' ' + c.request + ": " + fhir.last()));
    }
    const CliResult both = cli({"fhir", kOnline, "--get", "--post", "Patient"});
    QVERIFY_RUN(both, Usage);
}

void TestCliParity::showsTheHeartbeatsAgeInSiteStatus()
{
    const CliResult online = cli({"site", "status", kOnline});
    QVERIFY_RUN(online, Ok);
    const QString heartbeat =
        lines(online.outText()).filter(QStringLiteral("Last heartbeat")).value(0);
    // The sandbox's Harbourside was heard 20 s before the answer.
    QVERIFY2(heartbeat.contains(QLatin1String("(last heard 2")) &&
                 heartbeat.contains(QLatin1String("seconds ago)")),
             online.out);
    for (const char *row :
         {"Last update from the site", "Details read from the practice", "Created"})
        QVERIFY2(online.outText().contains(QLatin1String(row)), online.out);

    const CliResult offline = cli({"site", "status", kOffline});
    QVERIFY_RUN(offline, Ok);
    QVERIFY2(offline.outText().contains(QLatin1String("last heard 6 hours ago")), offline.out);

    // What changed since the install is said, with what it may mean.
    const CliResult renamed = cli({"site", "status", kRenamed});
    QVERIFY_RUN(renamed, Ok);
    QVERIFY2(renamed.outText().contains(
                 QStringLiteral("Practice name changed: recorded “Eastwood Medical Centre”")),
             renamed.out);

    // A non-authoritative install says how to find the one that is.
    const CliResult old = cli({"site", "status", kNonAuthoritative});
    QVERIFY_RUN(old, Ok);
    QVERIFY2(old.errText().contains(QLatin1String("site reresolve ") + kNonAuthoritative +
                                    QLatin1String(" --pms-id BP-20431 --pms \"Best Practice\"")),
             old.err);
}

void TestCliParity::adviceAfterAFailedPairingIsAboutPairing()
{
    const CliResult wrongCode =
        cli({"pair", "--pms-id", kUnpairedPmsId, "--pms", "Best Practice", "--code", "WRONG1"});
    QVERIFY_RUN(wrongCode, ApiFailure);
    QVERIFY2(isOneLine(wrongCode.err), wrongCode.err);
    QVERIFY2(wrongCode.errText().contains(QLatin1String("403")), wrongCode.err);
    QVERIFY2(wrongCode.errText().contains(QLatin1String("pairing code")), wrongCode.err);
    QVERIFY2(!wrongCode.errText().contains(QLatin1String("e-resolve")), wrongCode.err);

    const CliResult failing = cli({"pair", "--pms-id", kPairingFailsPmsId, "--pms", "Best Practice",
                                   "--code", kPairingFailsCode});
    QVERIFY_RUN(failing, ApiFailure);
    QVERIFY2(failing.errText().contains(QLatin1String("502")), failing.err);
    QVERIFY2(!failing.errText().contains(QLatin1String("e-resolve")), failing.err);
    QVERIFY2(!failing.errText().contains(QLatin1String("GUID")), failing.err);

    // A query to a site that is not paired yet: pair it, not re-resolve it.
    const CliResult unpaired = cli({"query", kUnpaired, "SELECT 1 AS one"});
    QVERIFY_RUN(unpaired, ApiFailure);
    QVERIFY2(unpaired.errText().contains(QLatin1String("halo-cli pair")), unpaired.err);
    QVERIFY2(!unpaired.errText().contains(QLatin1String("e-resolve")), unpaired.err);

    // A 403 that is not about pairing keeps its advice.
    const CliResult old = cli({"query", kNonAuthoritative, "SELECT 1 AS one"});
    QVERIFY_RUN(old, ApiFailure);
    QVERIFY2(old.errText().contains(QLatin1String("Re-resolve")), old.err);
}

QTEST_GUILESS_MAIN(TestCliParity)
#include "tst_cli_parity.moc"
