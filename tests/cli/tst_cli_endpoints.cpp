// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli end to end against a halo-sandbox process (--base-url with HALO_KEY): sites found
// by PMS ID, site status as text and JSON, pairing, a registered query from create to cancel,
// FHIR by GET and by POST. Checks what reaches stdout, what reaches stderr, and the exit code.
#include "CliSuite.h"
#include "FailOnWarning.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

namespace {

// Sample sites of the sandbox (halo-sandbox --print-sites).
const QString kNonAuthoritative = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kUnpaired = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");
const QString kUnpairedPmsId = QStringLiteral("BP-44019");
const QString kUnpairedCode = QStringLiteral("Q3ZL8W");

} // namespace

class TestCliEndpoints : public QObject, protected CliSuite
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();

    void findsBothSitesThatShareAPmsId();
    void showsSiteStatusAsTextAndJson();
    void pairsOnlyWithTheRightCode();
    void managesARegisteredQueryFromCreateToCancel();
    void readsFhirWithGetAndWithPost();
};

void TestCliEndpoints::initTestCase()
{
    QString why;
    QVERIFY2(startSandbox(&why), qPrintable(why));
}

void TestCliEndpoints::findsBothSitesThatShareAPmsId()
{
    const QStringList find{"sites", "find", "--pms-id", "BP-20431", "--pms", "best practice"};
    const CliResult table = cli(find);
    QVERIFY_RUN(table, Ok);
    QVERIFY2(table.outText().contains(kOnline), table.out);
    QVERIFY2(table.outText().contains(kNonAuthoritative), table.out);
    QVERIFY2(table.outText().contains(QLatin1String("Harbourside Family Medical")), table.out);
    QCOMPARE(lines(table.outText()).size(), 4); // header, rule, two sites
    QVERIFY2(table.errText().contains(QLatin1String("authoritative")), table.err);

    const CliResult json = runCli(QStringList{"--json", "--base-url", m_sandbox.baseUrl()} + find,
                                  {{QStringLiteral("HALO_KEY"), m_key}});
    QVERIFY_RUN(json, Ok);
    const QJsonArray sites = QJsonDocument::fromJson(json.out).object().value("sites").toArray();
    QCOMPARE(sites.size(), 2);

    const CliResult none = cli({"sites", "find", "--pms-id", "NOPE-1", "--pms", "Zedmed"});
    QVERIFY_RUN(none, Ok);
    QVERIFY(none.out.isEmpty());
    QVERIFY2(none.errText().contains(QLatin1String("No Zedmed site")), none.err);
}

void TestCliEndpoints::showsSiteStatusAsTextAndJson()
{
    const CliResult text = cli({"site", "status", kOnline});
    QVERIFY_RUN(text, Ok);
    QVERIFY2(text.outText().contains(QLatin1String("Harbourside Family Medical")), text.out);
    QVERIFY2(text.outText().contains(QLatin1String("BPSPatients (default)")), text.out);
    QVERIFY2(text.outText().contains(QLatin1String("BP-20431")), text.out);

    const CliResult json =
        runCli({"--json", "--base-url", m_sandbox.baseUrl(), "site", "status", kOnline},
               {{QStringLiteral("HALO_KEY"), m_key}});
    QVERIFY_RUN(json, Ok);
    QJsonParseError error;
    const QJsonObject site = QJsonDocument::fromJson(json.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(site.value("id").toString(), kOnline);

    const CliResult unknown = cli({"site", "status", "00000000-0000-4000-8000-000000000000"});
    QVERIFY_RUN(unknown, ApiFailure);
    QVERIFY2(isOneLine(unknown.err), unknown.err);
    QVERIFY2(unknown.errText().contains(QLatin1String("404")), unknown.err);
}

void TestCliEndpoints::pairsOnlyWithTheRightCode()
{
    const CliResult before = cli({"query", kUnpaired, "SELECT 1 AS one"});
    QVERIFY_RUN(before, ApiFailure);
    QVERIFY2(before.errText().contains(QLatin1String("403")), before.err);

    const QStringList pair{"pair", "--pms-id", kUnpairedPmsId, "--pms", "Best Practice", "--code"};
    const CliResult wrong = cli(pair + QStringList{"WRONG1"});
    QVERIFY_RUN(wrong, ApiFailure);
    QVERIFY2(isOneLine(wrong.err), wrong.err);
    QVERIFY2(wrong.errText().contains(QLatin1String("pairing code")), wrong.err);

    const CliResult right = cli(pair + QStringList{kUnpairedCode});
    QVERIFY_RUN(right, Ok);
    QVERIFY2(right.outText().contains(kUnpaired), right.out);
    QVERIFY2(right.outText().contains(QLatin1String("Bellbird Health Hub")), right.out);

    const CliResult after = cli({"query", kUnpaired, "--mode", "scalar", "SELECT 1 AS one"});
    QVERIFY_RUN(after, Ok);
    QCOMPARE(after.outText(), QStringLiteral("1\n"));
}

void TestCliEndpoints::managesARegisteredQueryFromCreateToCancel()
{
    const CliResult created =
        cli({"registered", "create", kOnline, "--name", "Active practitioners", "--frequency", "5m",
             "--duration", "1h", "SELECT id, surname FROM practitioners WHERE is_active = 1"});
    QVERIFY_RUN(created, Ok);
    const QString id = created.outText().trimmed();
    QVERIFY2(!id.isEmpty() && !id.contains(QLatin1Char('\n')), created.out);
    QVERIFY2(created.errText().contains(QLatin1String("every 5m for 1h")), created.err);

    const CliResult list = cli({"registered", "list", kOnline});
    QVERIFY_RUN(list, Ok);
    QVERIFY2(list.outText().contains(id), list.out);
    QVERIFY2(list.outText().contains(QLatin1String("Active practitioners")), list.out);

    const CliResult listJson =
        runCli({"--json", "--base-url", m_sandbox.baseUrl(), "registered", "list", kOnline},
               {{QStringLiteral("HALO_KEY"), m_key}});
    QVERIFY_RUN(listJson, Ok);
    QVERIFY(!QJsonDocument::fromJson(listJson.out)
                 .object()
                 .value("registeredQueries")
                 .toArray()
                 .isEmpty());

    const CliResult shown = cli({"registered", "show", kOnline, id});
    QVERIFY_RUN(shown, Ok);
    QVERIFY2(shown.outText().contains(QLatin1String("enabled")), shown.out);
    QVERIFY2(shown.outText().contains(QLatin1String("5m")), shown.out);

    const CliResult results = cli({"registered", "results", kOnline, id});
    QVERIFY_RUN(results, Ok);
    QVERIFY2(results.outText().startsWith(QLatin1String("id")), results.out);
    QVERIFY2(results.outText().contains(QLatin1String("surname")), results.out);

    const CliResult csv = cli({"registered", "results", kOnline, id, "--format", "csv"});
    QVERIFY_RUN(csv, Ok);
    QVERIFY2(csv.out.startsWith("id,surname\r\n"), csv.out);

    const CliResult cancelled = cli({"registered", "cancel", kOnline, id});
    QVERIFY_RUN(cancelled, Ok);
    QVERIFY2(cancelled.outText().contains(id), cancelled.out);
    const CliResult after = cli({"registered", "show", kOnline, id});
    QVERIFY_RUN(after, Ok);
    QVERIFY2(after.outText().contains(QLatin1String("cancelled")), after.out);

    const CliResult missing =
        cli({"registered", "show", kOnline, "00000000-0000-4000-8000-000000000000"});
    QVERIFY_RUN(missing, ApiFailure);
    QVERIFY2(isOneLine(missing.err), missing.err);
}

void TestCliEndpoints::readsFhirWithGetAndWithPost()
{
    for (const QStringList &extra : {QStringList{}, QStringList{"--post"}}) {
        const CliResult result =
            cli(QStringList{"fhir", kOnline} + extra + QStringList{"Patient?_count=2"});
        QVERIFY_RUN(result, Ok);
        QJsonParseError error;
        const QJsonObject bundle = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(bundle.value("resourceType").toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value("entry").toArray().size(), 2);
        QVERIFY2(result.out.contains("\n  \""), "printed indented");
        // More pages: the command for the next one, with the same environment.
        QVERIFY2(result.errText().contains(QLatin1String("More results: halo-cli --base-url")),
                 result.err);
    }

    // The suggested command fetches the next page.
    const CliResult first = cli({"fhir", kOnline, "Patient?_count=2"});
    static const QRegularExpression next(QStringLiteral("fhir \\S+ '([^']+)'"));
    const auto match = next.match(first.errText());
    QVERIFY2(match.hasMatch(), first.err);
    const CliResult second = cli({"fhir", kOnline, match.captured(1)});
    QVERIFY_RUN(second, Ok);
    const QJsonArray entries =
        QJsonDocument::fromJson(second.out).object().value("entry").toArray();
    QCOMPARE(entries.size(), 2);
    QVERIFY(!first.out.contains(entries.at(0).toObject().value("fullUrl").toString().toUtf8()));

    const CliResult one = cli({"fhir", kOnline, "metadata"});
    QVERIFY_RUN(one, Ok);
    QCOMPARE(QJsonDocument::fromJson(one.out).object().value("resourceType").toString(),
             QStringLiteral("CapabilityStatement"));

    // Values reach the server as typed, by GET and by POST: a '+' stays a plus (the sandbox
    // repeats an unknown _sort value in its answer), Unicode and '|' survive.
    for (const QStringList &extra : {QStringList{}, QStringList{"--post"}}) {
        const CliResult plus =
            cli(QStringList{"fhir", kOnline} + extra + QStringList{"Patient?_sort=odd+value"});
        QVERIFY_RUN(plus, ApiFailure);
        QVERIFY2(plus.errText().contains(QLatin1String("odd+value")), plus.err);
        const CliResult medicare =
            cli(QStringList{"fhir", kOnline} + extra +
                QStringList{"Patient?identifier=http://ns.electronichealth.net.au/id/"
                            "medicare-number|29531720712&given=Zoë"});
        QVERIFY_RUN(medicare, Ok);
        QCOMPARE(QJsonDocument::fromJson(medicare.out).object().value("total").toInt(), 1);
    }

    const CliResult unsupported = cli({"fhir", kOnline, "Spaceship?_count=1"});
    QVERIFY_RUN(unsupported, ApiFailure);
    QVERIFY2(isOneLine(unsupported.err), unsupported.err);
    QVERIFY2(unsupported.errText().contains(QLatin1String("FHIR")), unsupported.err);
}

QTEST_GUILESS_MAIN(TestCliEndpoints)
#include "tst_cli_endpoints.moc"
