// halo-cli end to end, as scripts and CI use it: the real executable against a halo-sandbox
// process (--base-url with HALO_KEY or the keychain) and against the sandbox it embeds
// (--environment sandbox). Checks what reaches stdout, what reaches stderr, and the exit code.
#include "CliHarness.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using CliHarness::CliResult;
using CliHarness::runCli;

namespace {

// Sample sites of the sandbox (halo-sandbox --print-sites).
const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kNonAuthoritative = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kUnpaired = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");
const QString kUnpairedPmsId = QStringLiteral("BP-44019");
const QString kUnpairedCode = QStringLiteral("Q3ZL8W");

enum Exit { Ok = 0, ApiFailure = 1, Usage = 2, KeyProblem = 3 };

QString randomKey()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16) +
           QString::number(QRandomGenerator::global()->generate64(), 16);
}

// Failures are one line on stderr, never a wall of text.
bool isOneLine(const QByteArray &err)
{
    const QByteArray trimmed = err.trimmed();
    return !trimmed.isEmpty() && !trimmed.contains('\n');
}

// RFC 4180 read back: an unquoted empty field is NULL (a null QString), a quoted one "".
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    const auto endField = [&]() {
        record.append(field.isEmpty() && !wasQuoted ? QString() : field);
        field = QLatin1String("");
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            endField();
            records.append(record);
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

#define QVERIFY_RUN(result, expectedExit)                                                          \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == (expectedExit), (result).transcript().constData());          \
    } while (false)

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void showsHelpAtEveryLevel_data();
    void showsHelpAtEveryLevel();
    void rejectsAWrongCommandLineWithExitTwo_data();
    void rejectsAWrongCommandLineWithExitTwo();

    void findsBothSitesThatShareAPmsId();
    void showsSiteStatusAsTextAndJson();
    void pairsOnlyWithTheRightCode();

    void printsReaderRowsAsAnAlignedTable();
    void writesRfc4180Csv();
    void printsJsonRowsInColumnOrder();
    void reportsRowsAffectedForNonQuery();
    void printsAScalarAlone();
    void followsAnAsyncQueryAndPrintsItsRows();
    void reportsASqlErrorInOneLineWithExitOne();
    void reportsAnUnavailableSiteInOneLine();
    void stopsWaitingForAnAsyncQueryAtTheTimeout();

    void managesARegisteredQueryFromCreateToCancel();
    void readsFhirWithGetAndWithPost();

    void explainsAWrongKeyWithExitOne();
    void worksOnTheEmbeddedSandboxWithoutAKey();

    void usesTheKeychainKeyUntilItIsForgotten();
    void refusesToStoreAnEmptyKey();
    void needsAKeyForStageAndProduction();
    void explainsAMissingKeychainWithExitThree();

private:
    CliResult cli(const QStringList &arguments, const QByteArray &input = {})
    {
        return runCli(QStringList{QStringLiteral("--base-url"), m_sandbox.baseUrl()} + arguments,
                      {{QStringLiteral("HALO_KEY"), m_key}}, input);
    }

    // Keychain tests store keys and read what is stored: only in isolated.sh's private keyring.
    bool skipUnlessIsolated()
    {
        const QString home = qEnvironmentVariable("HALO_TEST_HOME");
        return home.isEmpty() || QDir(home) != QDir::home();
    }

    CliHarness::SandboxProcess m_sandbox;
    QString m_key;
};

void TestCli::initTestCase()
{
    m_key = randomKey();
    QString why;
    QVERIFY2(
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                         m_key, QStringLiteral("--async-step"), QStringLiteral("100")},
                        &why),
        qPrintable(why));
}

void TestCli::showsHelpAtEveryLevel_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("main") << QStringList{"--help"} << "Exit status:";
    QTest::newRow("main -h") << QStringList{"-h"} << "HALO_KEY";
    QTest::newRow("main after globals")
        << QStringList{"--environment", "stage", "--help"} << "Commands:";
    QTest::newRow("help command") << QStringList{"help", "query"} << "--async";
    QTest::newRow("key") << QStringList{"key", "--help"} << "forget";
    QTest::newRow("key set") << QStringList{"key", "set", "--help"} << "standard input";
    QTest::newRow("key forget") << QStringList{"key", "forget", "--help"} << "keychain";
    QTest::newRow("sites") << QStringList{"sites", "--help"} << "find";
    QTest::newRow("sites find") << QStringList{"sites", "find", "--help"} << "--pms-id";
    QTest::newRow("site") << QStringList{"site", "--help"} << "status";
    QTest::newRow("site status") << QStringList{"site", "status", "--help"} << "GUID";
    QTest::newRow("pair") << QStringList{"pair", "--help"} << "--code";
    QTest::newRow("query") << QStringList{"query", "--help"} << "--format";
    QTest::newRow("query, help among arguments")
        << QStringList{"query", kOnline, "--help", "SELECT 1"} << "--catalogue";
    QTest::newRow("fhir") << QStringList{"fhir", "-h"} << "--post";
    QTest::newRow("registered") << QStringList{"registered", "--help"} << "cancel";
    for (const char *sub : {"list", "create", "show", "results", "cancel"})
        QTest::newRow(qPrintable(QStringLiteral("registered %1").arg(QLatin1String(sub))))
            << QStringList{"registered", QLatin1String(sub), "--help"} << "Usage:";
}

void TestCli::showsHelpAtEveryLevel()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliResult result = runCli(arguments);
    QVERIFY_RUN(result, Ok);
    QVERIFY2(result.outText().startsWith(QLatin1String("Usage: halo-cli")), result.out);
    QVERIFY2(result.outText().contains(expected), result.out);
    QVERIFY2(result.err.isEmpty(), result.err);
}

void TestCli::rejectsAWrongCommandLineWithExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no command") << QStringList{} << "no command";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command";
    QTest::newRow("group without command") << QStringList{"registered"} << "needs a command";
    QTest::newRow("unknown subcommand") << QStringList{"key", "show"} << "unknown command";
    QTest::newRow("unknown global option") << QStringList{"--verbose", "sites"} << "--verbose";
    QTest::newRow("global option after the command")
        << QStringList{"site", "status", kOnline, "--json"} << "global option";
    QTest::newRow("missing SQL") << QStringList{"query", kOnline} << "missing SQL";
    QTest::newRow("not a GUID") << QStringList{"query", "SELECT 1", kOnline} << "not a Halo GUID";
    QTest::newRow("unquoted SQL") << QStringList{"query", kOnline, "SELECT", "1"}
                                  << "unexpected argument";
    QTest::newRow("missing required option")
        << QStringList{"sites", "find", "--pms-id", "BP-20431"} << "--pms PMS is required";
    QTest::newRow("unknown PMS") << QStringList{"sites", "find",  "--pms-id",
                                                "1",     "--pms", "Medtech"}
                                 << "must be one of";
    QTest::newRow("unknown mode") << QStringList{"query", kOnline, "--mode", "writer", "SELECT 1"}
                                  << "--mode";
    QTest::newRow("unknown option")
        << QStringList{"query", kOnline, "--fast", "SELECT 1"} << "unknown option";
    QTest::newRow("option without value")
        << QStringList{"query", kOnline, "SELECT 1", "--mode"} << "needs a value";
    QTest::newRow("bad frequency")
        << QStringList{"registered",  "create", kOnline,      "--name", "n",
                       "--frequency", "often",  "--duration", "1h",     "SELECT 1"}
        << "--frequency";
    QTest::newRow("timeout without async")
        << QStringList{"query", kOnline, "--timeout", "5s", "SELECT 1"} << "--async";
    QTest::newRow("post without a resource type")
        << QStringList{"fhir", kOnline, "--post", "Patient/12"} << "--post";
    QTest::newRow("unknown environment")
        << QStringList{"--environment", "mars", "site", "status", kOnline} << "mars";
    QTest::newRow("custom without URL")
        << QStringList{"--environment", "custom", "site", "status", kOnline} << "--base-url";
    QTest::newRow("base URL that is not http")
        << QStringList{"--base-url", "ftp://example.net", "site", "status", kOnline} << "http";
    QTest::newRow("key for the sandbox")
        << QStringList{"--environment", "sandbox", "key", "set"} << "sandbox";
    // Production's guard refuses with exit 1, not as a usage error: see tst_cli_safety.
}

void TestCli::rejectsAWrongCommandLineWithExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliResult result = runCli(arguments);
    QVERIFY_RUN(result, Usage);
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(result.errText().contains(expected), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("--help")), result.err);
    QVERIFY2(result.out.isEmpty(), result.out);
}

void TestCli::findsBothSitesThatShareAPmsId()
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

void TestCli::showsSiteStatusAsTextAndJson()
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

void TestCli::pairsOnlyWithTheRightCode()
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

void TestCli::printsReaderRowsAsAnAlignedTable()
{
    const CliResult result =
        cli({"query", kOnline, "SELECT TOP 3 id, first_name FROM patients ORDER BY id"});
    QVERIFY_RUN(result, Ok);
    const QStringList output = lines(result.outText());
    QCOMPARE(output.size(), 6); // header, rule, three rows, count
    QVERIFY2(output.at(0).startsWith(QLatin1String("id")), result.out);
    QVERIFY2(output.at(0).contains(QLatin1String("first_name")), result.out);
    QVERIFY2(output.at(1).startsWith(QLatin1String("--")), result.out);
    // Aligned: every row's second column starts where the header's does.
    const qsizetype column = output.at(0).indexOf(QLatin1String("first_name"));
    for (int row = 2; row < 5; ++row) {
        QVERIFY2(output.at(row).at(column - 1) == QLatin1Char(' '), result.out);
        QVERIFY2(output.at(row).at(column) != QLatin1Char(' '), result.out);
    }
    QCOMPARE(output.at(5), QStringLiteral("Rows: 3"));
}

void TestCli::writesRfc4180Csv()
{
    const CliResult result =
        cli({"query", kOnline, "--format", "csv",
             "SELECT 'a,b' AS comma, 'say \"hi\"' AS quote, 'line1' || char(10) || 'line2' AS "
             "newline, NULL AS nil, '' AS empty, 42 AS answer, 'plain' AS \"odd,name\""});
    QVERIFY_RUN(result, Ok);
    QCOMPARE(result.out,
             QByteArray("comma,quote,newline,nil,empty,answer,\"odd,name\"\r\n"
                        "\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",,\"\",42,plain\r\n"));

    // The sample notes hold quotes, tabs, CRLF, LF and emoji: the CSV parses back to exactly
    // what the JSON output holds, NULLs included.
    const QString sql = QStringLiteral("SELECT TOP 200 id, notes FROM patients ORDER BY id");
    const CliResult csv = cli({"query", kOnline, "--format", "csv", sql});
    const CliResult json = cli({"query", kOnline, "--format", "json", sql});
    QVERIFY_RUN(csv, Ok);
    QVERIFY_RUN(json, Ok);
    const QList<QStringList> records = parseCsv(csv.outText());
    const QJsonArray rows = QJsonDocument::fromJson(json.out).object().value("rows").toArray();
    QCOMPARE(records.size(), rows.size() + 1);
    QCOMPARE(records.first(), (QStringList{"id", "notes"}));
    int quoted = 0;
    int multiline = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QStringList &record = records.at(i + 1);
        QCOMPARE(record.size(), 2);
        QCOMPARE(record.at(0), QString::number(row.value("id").toInt()));
        if (row.value("notes").isNull()) {
            QVERIFY2(record.at(1).isNull(), qPrintable(record.at(1)));
            continue;
        }
        QCOMPARE(record.at(1), row.value("notes").toString());
        quoted += record.at(1).contains(QLatin1Char('"')) ? 1 : 0;
        multiline += record.at(1).contains(QLatin1Char('\n')) ? 1 : 0;
    }
    QVERIFY2(quoted > 0 && multiline > 0, "the sample covers quotes and line breaks");
}

void TestCli::printsJsonRowsInColumnOrder()
{
    const QString sql = QStringLiteral("SELECT 2 AS zeta, 'x' AS alpha, NULL AS mid, 1.5 AS num");
    for (const QStringList &arguments :
         {QStringList{"--json", "--base-url", m_sandbox.baseUrl(), "query", kOnline, sql},
          QStringList{"--base-url", m_sandbox.baseUrl(), "query", kOnline, "--format", "json",
                      sql}}) {
        const CliResult result = runCli(arguments, {{QStringLiteral("HALO_KEY"), m_key}});
        QVERIFY_RUN(result, Ok);
        QJsonParseError error;
        const QJsonObject document = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.value("status").toString(), QStringLiteral("successful"));
        QCOMPARE(document.value("rowCount").toInt(), 1);
        QCOMPARE(document.value("columns").toArray(), (QJsonArray{"zeta", "alpha", "mid", "num"}));
        const QJsonObject row = document.value("rows").toArray().at(0).toObject();
        QCOMPARE(row.value("zeta").toInt(), 2);
        QCOMPARE(row.value("alpha").toString(), QStringLiteral("x"));
        QVERIFY(row.value("mid").isNull());
        QCOMPARE(row.value("num").toDouble(), 1.5);
        // The row object keeps the SELECT order in the text itself.
        const qsizetype zeta = result.out.indexOf("{\"zeta\": 2");
        QVERIFY2(zeta > 0 && result.out.indexOf("\"alpha\": ", zeta) > zeta, result.out);
    }
}

void TestCli::reportsRowsAffectedForNonQuery()
{
    const QString sql = QStringLiteral("UPDATE patients SET notes = notes WHERE id <= 3");
    const CliResult text = cli({"query", kOnline, "--mode", "nonQuery", sql});
    QVERIFY_RUN(text, Ok);
    QCOMPARE(text.outText(), QStringLiteral("Rows affected: 3\n"));

    const CliResult csv = cli({"query", kOnline, "--mode", "nonQuery", "--format", "csv", sql});
    QVERIFY_RUN(csv, Ok);
    QCOMPARE(csv.out, QByteArray("rowsAffected\r\n3\r\n"));

    const CliResult json = cli({"query", kOnline, "--mode", "nonquery", "--format", "json", sql});
    QVERIFY_RUN(json, Ok);
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value("rowsAffected").toInt(), 3);
}

void TestCli::printsAScalarAlone()
{
    const CliResult count =
        cli({"query", kOnline, "--mode", "scalar", "SELECT COUNT(*) FROM practitioners"});
    QVERIFY_RUN(count, Ok);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\n$")).match(count.outText()).hasMatch(),
             count.out);

    const CliResult fromStdin =
        cli({"query", kOnline, "--mode", "scalar", "-"}, QByteArray("SELECT 6 * 7 AS answer\n"));
    QVERIFY_RUN(fromStdin, Ok);
    QCOMPARE(fromStdin.out, QByteArray("42\n"));

    const CliResult json =
        cli({"query", kOnline, "--mode", "scalar", "--format", "json", "SELECT 'text' AS v"});
    QVERIFY_RUN(json, Ok);
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value("value").toString(),
             QStringLiteral("text"));
}

void TestCli::followsAnAsyncQueryAndPrintsItsRows()
{
    const CliResult result = cli({"query", kOnline, "--async", "--format", "csv",
                                  "SELECT TOP 5 id, surname FROM patients ORDER BY id"});
    QVERIFY_RUN(result, Ok);
    const QStringList progress = lines(result.errText());
    QVERIFY2(progress.first().startsWith(QLatin1String("Submitted async query ")), result.err);
    static const QRegularExpression state(QStringLiteral("^[a-zA-Z]+ \\(\\d+\\.\\d s\\)$"));
    for (int i = 1; i < progress.size(); ++i)
        QVERIFY2(state.match(progress.at(i)).hasMatch(), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("executing (")), result.err);
    QVERIFY2(progress.last().startsWith(QLatin1String("successful (")), result.err);
    const QList<QByteArray> records = result.out.split('\n');
    QCOMPARE(records.size(), 7); // header, five rows, and the empty rest after the last CRLF
    QCOMPARE(records.at(0), QByteArray("id,surname\r"));
    QVERIFY(records.at(1).startsWith("1,"));
    QVERIFY(records.at(5).startsWith("5,"));

    const CliResult json = cli({"query", kOnline, "--async", "--format", "json",
                                "SELECT TOP 3 id FROM patients ORDER BY id"});
    QVERIFY_RUN(json, Ok);
    const QJsonObject document = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(document.value("mode").toString(), QStringLiteral("async"));
    QCOMPARE(document.value("rowCount").toInt(), 3);
}

void TestCli::reportsASqlErrorInOneLineWithExitOne()
{
    for (const QStringList &extra : {QStringList{}, QStringList{"--async"}}) {
        const CliResult result =
            cli(QStringList{"query", kOnline} + extra + QStringList{"SELECT * FROM no_such_table"});
        QVERIFY_RUN(result, ApiFailure);
        QVERIFY2(result.out.isEmpty(), result.out);
        // The async run shows its progress first; the failure is the one last line.
        const QStringList errLines = lines(result.errText());
        const QString failure = errLines.last();
        QVERIFY2(failure.startsWith(QLatin1String("halo-cli: ")), result.err);
        QVERIFY2(failure.contains(QLatin1String("no_such_table")), result.err);
        QVERIFY2(failure.contains(QLatin1String("database rejected the query")), result.err);
        if (extra.isEmpty())
            QVERIFY2(isOneLine(result.err), result.err);
    }
}

void TestCli::reportsAnUnavailableSiteInOneLine()
{
    // Kookaburra Creek is offline: 503, retried a few times, then explained.
    const CliResult offline =
        cli({"query", "58e1a6c3-0d7b-4b29-9c4e-2a6f93d1b785", "SELECT 1 AS one"});
    QVERIFY_RUN(offline, ApiFailure);
    QVERIFY2(isOneLine(offline.err), offline.err);
    QVERIFY2(offline.errText().contains(QLatin1String("503")), offline.err);

    // Riverbend is unreachable: its async query ends in a failed status, answered with 200.
    const CliResult unreachable =
        cli({"query", "c94f27d8-6a13-4e5b-8d70-b1e5c382f64a", "--async", "SELECT 1 AS one"});
    QVERIFY_RUN(unreachable, ApiFailure);
    const QString failure = lines(unreachable.errText()).last();
    QVERIFY2(failure.contains(QLatin1String("could not start")), unreachable.err);
    QVERIFY2(!failure.contains(QLatin1String("HTTP 200")), unreachable.err);
}

void TestCli::stopsWaitingForAnAsyncQueryAtTheTimeout()
{
    const CliResult result = cli({"query", kOnline, "--async", "--timeout", "2s",
                                  "WAITFOR DELAY '00:01:00'; SELECT 1 AS one"});
    QVERIFY_RUN(result, ApiFailure);
    QVERIFY(result.out.isEmpty());
    const QString failure = lines(result.errText()).last();
    QVERIFY2(failure.startsWith(QLatin1String("halo-cli: Stopped waiting after 2s")), result.err);
    QVERIFY2(failure.contains(QLatin1String("carries on at Halo")), result.err);
}

void TestCli::managesARegisteredQueryFromCreateToCancel()
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

void TestCli::readsFhirWithGetAndWithPost()
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

void TestCli::explainsAWrongKeyWithExitOne()
{
    const CliResult result = runCli({"--base-url", m_sandbox.baseUrl(), "site", "status", kOnline},
                                    {{QStringLiteral("HALO_KEY"), QStringLiteral("not-the-key")}});
    QVERIFY_RUN(result, ApiFailure);
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("401")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("key")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("environment")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("HALO_KEY")), result.err);
    QVERIFY2(!result.errText().contains(QLatin1String("not-the-key")), result.err);
}

void TestCli::worksOnTheEmbeddedSandboxWithoutAKey()
{
    const CliResult status = runCli({"--environment", "sandbox", "site", "status", kOnline});
    QVERIFY_RUN(status, Ok);
    QVERIFY2(status.outText().contains(QLatin1String("Harbourside Family Medical")), status.out);

    // The default environment is the sandbox, unless HALO_ENVIRONMENT names another.
    const CliResult byDefault =
        runCli({"query", kOnline, "--async", "SELECT TOP 2 id FROM patients ORDER BY id"});
    QVERIFY_RUN(byDefault, Ok);
    QVERIFY2(byDefault.outText().contains(QLatin1String("Rows: 2")), byDefault.out);

    const CliResult named =
        runCli({"fhir", kOnline, "Patient?_count=1"},
               {{QStringLiteral("HALO_ENVIRONMENT"), QStringLiteral("sandbox")}});
    QVERIFY_RUN(named, Ok);
    // The embedded sandbox ends with the run: no next-page command that could not work.
    QVERIFY2(!named.errText().contains(QLatin1String("More results")), named.err);

    if (skipUnlessIsolated())
        return;
    const CliResult stage = runCli({"site", "status", kOnline},
                                   {{QStringLiteral("HALO_ENVIRONMENT"), QStringLiteral("stage")}});
    QVERIFY_RUN(stage, KeyProblem);
}

void TestCli::usesTheKeychainKeyUntilItIsForgotten()
{
    if (skipUnlessIsolated())
        QSKIP("Run through ctest: this test needs the private keyring of isolated.sh.");
    const QStringList custom{"--base-url", m_sandbox.baseUrl()};
    const CliResult saved = runCli(custom + QStringList{"key", "set"}, {}, m_key.toUtf8() + '\n');
    QVERIFY_RUN(saved, Ok);
    QVERIFY2(saved.outText().contains(QLatin1String("Saved")), saved.out);
    QVERIFY2(!saved.outText().contains(m_key) && !saved.errText().contains(m_key),
             "the key is never printed");

    // No HALO_KEY: the key comes from the keychain entry for this host.
    const CliResult status = runCli(custom + QStringList{"site", "status", kOnline});
    QVERIFY_RUN(status, Ok);
    QVERIFY2(status.outText().contains(QLatin1String("Harbourside")), status.out);

    const CliResult forgotten = runCli(custom + QStringList{"key", "forget"});
    QVERIFY_RUN(forgotten, Ok);

    const CliResult after = runCli(custom + QStringList{"site", "status", kOnline});
    QVERIFY_RUN(after, KeyProblem);
    QVERIFY2(isOneLine(after.err), after.err);
    QVERIFY2(after.errText().contains(QLatin1String("key set")), after.err);
    QVERIFY2(after.errText().contains(QLatin1String("HALO_KEY")), after.err);

    // Stage keeps a key of its own; storing and forgetting it needs no network.
    const QStringList stage{"--environment", "stage"};
    const CliResult stageSaved =
        runCli(stage + QStringList{"--json", "key", "set"}, {}, QByteArray("stage-key-123"));
    QVERIFY_RUN(stageSaved, Ok);
    QCOMPARE(QJsonDocument::fromJson(stageSaved.out).object().value("environment").toString(),
             QStringLiteral("stage"));
    QVERIFY_RUN(runCli(stage + QStringList{"key", "forget"}), Ok);
}

void TestCli::refusesToStoreAnEmptyKey()
{
    if (skipUnlessIsolated())
        QSKIP("Run through ctest: this test needs the private keyring of isolated.sh.");
    const CliResult result =
        runCli({"--environment", "stage", "key", "set"}, {}, QByteArray("  \n"));
    QVERIFY_RUN(result, KeyProblem);
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("nothing was saved")), result.err);
}

void TestCli::needsAKeyForStageAndProduction()
{
    if (skipUnlessIsolated())
        QSKIP("Run through ctest: this test needs the private keyring of isolated.sh.");
    for (const char *environment : {"stage", "production"}) {
        const CliResult result =
            runCli({"--environment", QLatin1String(environment), "site", "status", kOnline});
        QVERIFY_RUN(result, KeyProblem);
        QVERIFY2(isOneLine(result.err), result.err);
        QVERIFY2(result.errText().contains(QLatin1String("No subscription key")), result.err);
    }
}

void TestCli::explainsAMissingKeychainWithExitThree()
{
    const QMap<QString, QString> noBus{
        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}};
    const CliResult saved =
        runCli({"--environment", "stage", "key", "set"}, noBus, QByteArray("some-key\n"));
    QVERIFY_RUN(saved, KeyProblem);
    QVERIFY2(isOneLine(saved.err), saved.err);
    QVERIFY2(saved.errText().contains(QLatin1String("No keychain is available")), saved.err);
    QVERIFY2(saved.errText().contains(QLatin1String("HALO_KEY")), saved.err);

    const CliResult read = runCli({"--environment", "stage", "site", "status", kOnline}, noBus);
    QVERIFY_RUN(read, KeyProblem);
    QVERIFY2(read.errText().contains(QLatin1String("No keychain is available")), read.err);

    // HALO_KEY needs no keychain at all, as on a CI runner.
    QMap<QString, QString> ci = noBus;
    ci.insert(QStringLiteral("HALO_KEY"), m_key);
    const CliResult status =
        runCli({"--base-url", m_sandbox.baseUrl(), "site", "status", kOnline}, ci);
    QVERIFY_RUN(status, Ok);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
