// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli's queries end to end, as scripts and CI use them: the real executable against a
// halo-sandbox process (--base-url with HALO_KEY), in every format and mode, async, and failing.
// Checks what reaches stdout, what reaches stderr, and the exit code. The command line itself:
// tst_cli_usage; sites, pairing, registered queries and FHIR: tst_cli_endpoints; the key:
// tst_cli_keys.
#include "CliSuite.h"
#include "FailOnWarning.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

namespace {

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

} // namespace

class TestCli : public QObject, protected CliSuite
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();

    void printsReaderRowsAsAnAlignedTable();
    void writesRfc4180Csv();
    void printsJsonRowsInColumnOrder();
    void reportsRowsAffectedForNonQuery();
    void printsAScalarAlone();
    void followsAnAsyncQueryAndPrintsItsRows();
    void reportsASqlErrorInOneLineWithExitOne();
    void reportsAnUnavailableSiteInOneLine();
    void stopsWaitingForAnAsyncQueryAtTheTimeout();
};

void TestCli::initTestCase()
{
    QString why;
    QVERIFY2(startSandbox(&why), qPrintable(why));
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
