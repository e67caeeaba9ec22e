// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli's query options against the sandbox it embeds (--environment sandbox): typed input
// parameters, a value that does not fit its type refused before anything is sent, output
// parameters printed after the rows, stored procedures, and the maximum time in queue reaching
// the request body (the sandbox expires an async query whose allowance is shorter than a step).
#include "CliHarness.h"
#include "FailOnWarning.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using CliHarness::CliResult;

namespace {

const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");

enum Exit { Ok = 0, ApiFailure = 1, Usage = 2 };

CliResult sandbox(const QStringList &arguments)
{
    return CliHarness::runCli(QStringList{"--environment", "sandbox"} + arguments);
}

QJsonObject json(const CliResult &result)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(result.out, &error).object();
    return error.error == QJsonParseError::NoError ? object : QJsonObject();
}

} // namespace

#define QVERIFY_RUN(result, expectedExit)                                                          \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == (expectedExit), (result).transcript().constData());          \
    } while (false)

class TestCliQueryOptions : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void bindsATypedParameter();
    void refusesAValueThatDoesNotFitItsType_data();
    void refusesAValueThatDoesNotFitItsType();
    void printsOutputParametersAfterTheRows();
    void runsAStoredProcedure();
    void sendsTheMaximumTimeInQueue();
    void registeredCreateTakesTheSameOptions();
};

void TestCliQueryOptions::bindsATypedParameter()
{
    const CliResult result = sandbox({"query", kOnline, "--param", "@id:int=2", "--format", "json",
                                      "SELECT id, surname FROM patients WHERE id = @id"});
    QVERIFY_RUN(result, Ok);
    const QJsonArray rows = json(result).value("rows").toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value("id").toInteger(), 2);

    // Repeated, in order; a value may hold ':' and '='.
    const CliResult two =
        sandbox({"query", kOnline, "--param", "@low:Int=2", "--param", "@high:BigInt=4", "--param",
                 "@tag:NVarChar=a:b=c", "--format", "json",
                 "SELECT id, @tag AS tag FROM patients WHERE id BETWEEN @low "
                 "AND @high ORDER BY id"});
    QVERIFY_RUN(two, Ok);
    const QJsonArray range = json(two).value("rows").toArray();
    QCOMPARE(range.size(), 3);
    QCOMPARE(range.at(2).toObject().value("id").toInteger(), 4);
    QCOMPARE(range.at(0).toObject().value("tag").toString(), QStringLiteral("a:b=c"));
}

void TestCliQueryOptions::refusesAValueThatDoesNotFitItsType_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("not a number") << QStringList{"--param", "@id:Int=abc"}
                                  << QStringList{"@id", "'abc'", "Int"};
    QTest::newRow("out of TinyInt's range")
        << QStringList{"--param", "@n:TinyInt=300"} << QStringList{"@n", "TinyInt"};
    QTest::newRow("not a date") << QStringList{"--param", "@day:Date=tomorrow"}
                                << QStringList{"@day", "Date"};
    QTest::newRow("not a GUID") << QStringList{"--param", "@g:UniqueIdentifier=x-1"}
                                << QStringList{"@g", "UniqueIdentifier"};
    QTest::newRow("not a SqlDbType")
        << QStringList{"--param", "@x:Integer=1"} << QStringList{"@x", "'Integer'", "SqlDbType"};
    QTest::newRow("no value") << QStringList{"--param", "@x:Int"} << QStringList{"NAME:TYPE=VALUE"};
    QTest::newRow("output size") << QStringList{"--out-param", "@total:Int:big"}
                                 << QStringList{"@total", "size"};
    QTest::newRow("queue time beyond immediate's")
        << QStringList{"--max-time-in-queue", "60001"}
        << QStringList{"--max-time-in-queue", "60000", "--async"};
    QTest::newRow("unknown type") << QStringList{"--type", "function"}
                                  << QStringList{"--type", "storedProcedure"};
}

void TestCliQueryOptions::refusesAValueThatDoesNotFitItsType()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, expected);
    const CliResult result =
        sandbox(QStringList{"query", kOnline} + options + QStringList{"SELECT 1"});
    QVERIFY_RUN(result, Usage);
    QVERIFY2(!result.err.trimmed().contains('\n'), result.err);
    for (const QString &text : expected)
        QVERIFY2(result.errText().contains(text),
                 qPrintable(text + QLatin1String(": ") + result.errText()));
    QVERIFY2(result.errText().contains(QLatin1String("halo-cli query --help")), result.err);
    QVERIFY2(result.out.isEmpty(), result.out);
}

void TestCliQueryOptions::printsOutputParametersAfterTheRows()
{
    const QStringList query{"query",
                            kOnline,
                            "--param",
                            "@patientId:Int=3",
                            "--out-param",
                            "@balance:Money",
                            "--out-param",
                            "@missing:NVarChar:40",
                            "SELECT id, balance FROM patients WHERE id = @patientId"};
    const CliResult table = sandbox(query);
    QVERIFY_RUN(table, Ok);
    const QString out = table.outText();
    const qsizetype rows = out.indexOf(QLatin1String("Rows: 1"));
    const qsizetype parameters = out.indexOf(QLatin1String("Output parameters:"));
    QVERIFY2(rows > 0 && parameters > rows, table.out);
    QVERIFY2(out.indexOf(QLatin1String("@balance"), parameters) > parameters, table.out);
    QVERIFY2(out.indexOf(QLatin1String("@missing"), parameters) > parameters, table.out);

    // The value is the row's own balance (the sandbox fills an output from the same column).
    const CliResult asJson = sandbox(query + QStringList{"--format", "json"});
    QVERIFY_RUN(asJson, Ok);
    const QJsonObject object = json(asJson);
    const QJsonValue cell = object.value("rows").toArray().first().toObject().value("balance");
    const double balance = cell.isString() ? cell.toString().toDouble() : cell.toDouble(-1);
    const QJsonArray outputs = object.value("parameters").toArray();
    QCOMPARE(outputs.size(), 2);
    QCOMPARE(outputs.at(0).toObject().value("name").toString(), QStringLiteral("@balance"));
    QCOMPARE(outputs.at(0).toObject().value("value").toString().toDouble(), balance);
    QVERIFY(outputs.at(1).toObject().value("value").isNull());
}

void TestCliQueryOptions::runsAStoredProcedure()
{
    const CliResult surname = sandbox(
        {"query", kOnline, "--mode", "scalar", "SELECT surname FROM patients WHERE id = 5"});
    QVERIFY_RUN(surname, Ok);
    const QString name = surname.outText().trimmed();
    QVERIFY(!name.isEmpty());

    const CliResult procedure = sandbox({"query", kOnline, "--type", "storedProcedure", "--param",
                                         QStringLiteral("@surname:nvarchar=%1").arg(name),
                                         "--format", "json", "GetPatientsBySurname"});
    QVERIFY_RUN(procedure, Ok);
    const QJsonArray rows = json(procedure).value("rows").toArray();
    QVERIFY(!rows.isEmpty());
    bool sawFive = false;
    for (const QJsonValue &row : rows) {
        QCOMPARE(row.toObject().value("surname").toString(), name);
        sawFive = sawFive || row.toObject().value("id").toInteger() == 5;
    }
    QVERIFY(sawFive);

    const CliResult balance =
        sandbox({"query", kOnline, "--type", "storedProcedure", "--param", "@patientId:Int=5",
                 "--out-param", "@balance:Money", "GetPatientBalance"});
    QVERIFY_RUN(balance, Ok);
    QVERIFY2(balance.outText().contains(QLatin1String("Output parameters:")), balance.out);

    const CliResult missing =
        sandbox({"query", kOnline, "--type", "storedProcedure", "NoSuchProcedure"});
    QVERIFY_RUN(missing, ApiFailure);
    QVERIFY2(missing.errText().contains(QLatin1String("NoSuchProcedure")), missing.err);
}

void TestCliQueryOptions::sendsTheMaximumTimeInQueue()
{
    // No time in queue at all: the sandbox lets it expire there, as Halo would.
    const CliResult expired =
        sandbox({"query", kOnline, "--async", "--max-time-in-queue", "0", "SELECT 1 AS ok"});
    QVERIFY_RUN(expired, ApiFailure);
    QVERIFY2(expired.errText().contains(QLatin1String("maxTimeInQueue (0 ms)")), expired.err);

    // Beyond what an immediate query may wait, but within async's two hours.
    const CliResult patient =
        sandbox({"query", kOnline, "--async", "--max-time-in-queue", "7200000", "SELECT 1 AS ok"});
    QVERIFY_RUN(patient, Ok);
    QVERIFY2(patient.outText().contains(QLatin1String("Rows: 1")), patient.out);

    const CliResult immediate =
        sandbox({"query", kOnline, "--max-time-in-queue", "60000", "SELECT 1 AS ok"});
    QVERIFY_RUN(immediate, Ok);
}

void TestCliQueryOptions::registeredCreateTakesTheSameOptions()
{
    // A sandbox process, so the query created by one halo-cli is there for the next.
    CliHarness::SandboxProcess server;
    const QString key = QStringLiteral("queryoptions-test-key-42c7");
    QString why;
    QVERIFY2(
        server.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"), key},
                     &why),
        qPrintable(why));
    const auto cli = [&server, &key](const QStringList &arguments) {
        return CliHarness::runCli(QStringList{QStringLiteral("--base-url"), server.baseUrl()} +
                                      arguments,
                                  {{QStringLiteral("HALO_KEY"), key}});
    };

    const CliResult bad =
        cli({"registered", "create", kOnline, "--name", "n", "--frequency", "5m", "--duration",
             "1h", "--param", "@id:SmallInt=70000", "SELECT id FROM patients WHERE id = @id"});
    QVERIFY_RUN(bad, Usage);
    QVERIFY2(bad.errText().contains(QLatin1String("@id")), bad.err);

    const CliResult created =
        cli({"registered", "create", kOnline, "--name", "balance of 3", "--frequency", "5m",
             "--duration", "1h", "--type", "storedProcedure", "--param", "@patientId:Int=3",
             "--out-param", "@balance:Money", "GetPatientBalance"});
    QVERIFY_RUN(created, Ok);
    const QString id = created.outText().trimmed();
    QVERIFY2(!id.isEmpty() && !id.contains(QLatin1Char('\n')), created.out);

    // Its result is the procedure's, run with the parameter, the output after the rows.
    const CliResult results = cli({"registered", "results", kOnline, id, "--format", "json"});
    QVERIFY_RUN(results, Ok);
    const QJsonObject object = json(results);
    QCOMPARE(object.value("rows").toArray().size(), 1);
    const QJsonArray outputs = object.value("parameters").toArray();
    QCOMPARE(outputs.size(), 1);
    QCOMPARE(outputs.first().toObject().value("name").toString(), QStringLiteral("@balance"));
}

QTEST_GUILESS_MAIN(TestCliQueryOptions)
#include "tst_cli_queryoptions.moc"
