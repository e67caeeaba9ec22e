// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli's command line, as scripts and CI use it: help at every level of commands, and a
// wrong command line refused with exit 2 in one line on stderr.
#include "CliSuite.h"
#include "FailOnWarning.h"

#include <QString>
#include <QStringList>
#include <QtTest>

class TestCliUsage : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void showsHelpAtEveryLevel_data();
    void showsHelpAtEveryLevel();
    void rejectsAWrongCommandLineWithExitTwo_data();
    void rejectsAWrongCommandLineWithExitTwo();
};

void TestCliUsage::showsHelpAtEveryLevel_data()
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

void TestCliUsage::showsHelpAtEveryLevel()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliResult result = runCli(arguments);
    QVERIFY_RUN(result, Ok);
    QVERIFY2(result.outText().startsWith(QLatin1String("Usage: halo-cli")), result.out);
    QVERIFY2(result.outText().contains(expected), result.out);
    QVERIFY2(result.err.isEmpty(), result.err);
}

void TestCliUsage::rejectsAWrongCommandLineWithExitTwo_data()
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

void TestCliUsage::rejectsAWrongCommandLineWithExitTwo()
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

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"
