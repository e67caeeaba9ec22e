// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli's result formats byte for byte (CSV, JSON and the people's table), from results the
// core's decoder built, written through a Console as main() wires it; and large results through
// the real executable against a halo-sandbox process, where the output is written in chunks.
#include "CliHarness.h"
#include "Console.h"
#include "FailOnWarning.h"
#include "QueryOutput.h"
#include "results/ResultDecoder.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

using Cli::QueryOutcome;
using Cli::ResultFormat;

namespace {

struct Printed {
    QByteArray out;
    QByteArray err;
};

// What QueryOutput prints on a Console whose streams write to buffers; `before` is text a
// command printed first, which must stay first.
Printed print(const QueryOutcome &outcome, ResultFormat format, const QString &before = {})
{
    Printed printed;
    QBuffer in;
    in.open(QIODevice::ReadOnly);
    QTextStream out(&printed.out);
    QTextStream err(&printed.err);
    Cli::Console console(out, err, in);
    console.out() << before;
    Cli::QueryOutput::print(console, outcome, format);
    out.flush();
    err.flush();
    return printed;
}

QueryOutcome outcomeOf(const QByteArray &json, const QString &executionMode = "reader")
{
    return QueryOutcome{QStringLiteral("q-1"),
                        QStringLiteral("successful"),
                        QStringLiteral("immediate"),
                        executionMode,
                        std::nullopt,
                        Cli::decodeResultData(json.toBase64()),
                        {}};
}

// Every kind of cell, and text that needs quoting or escaping in some format.
const QByteArray kMixed = R"([
 {"text":"plain","comma":"a,b","quote":"say \"hi\"","crlf":"l1\r\nl2","lf":"x\ny","tab":"a\tb",
  "unicode":"M\u00fcller \u5f20 \ud83d\ude00","empty":"","nil":null,"int":42,"neg":-7,"real":1.5,
  "whole":3.0,"big":12345678901234567890123,"exp":1e300,"tiny":0.0001,"bool":true,
  "date":"2024-02-29","dt":"2024-01-02T03:04:05.678Z","ctrl":"\u0001x\u007f\\"},
 {"text":" lead","comma":",","quote":"\"","crlf":"\r","lf":"\n","tab":"\t","unicode":"\u65e5",
  "empty":null,"nil":"","int":-9223372036854775808,"neg":0,"real":-0.25,"whole":-2.0,
  "big":-1e-7,"exp":123456789012.5,"tiny":1e21,"bool":false,"date":"2024-02-30",
  "dt":"2024-01-02 03:04:05+10:00","ctrl":"trail "}
])";

// A RFC 4180 reader: an unquoted empty field is NULL (a null QByteArray), a quoted one "".
QList<QList<QByteArray>> parseCsv(const QByteArray &text)
{
    QList<QList<QByteArray>> records;
    QList<QByteArray> record;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"')
                field += text.at(++i);
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = wasQuoted = true;
        } else if (c == ',' || (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n')) {
            record.append(field.isEmpty() && !wasQuoted ? QByteArray() : field);
            field = QByteArray("");
            wasQuoted = false;
            if (c == '\r') {
                records.append(record);
                record.clear();
                ++i;
            }
        } else {
            field += c;
        }
    }
    return records;
}

// Rows of text cells in many lengths and scripts, so that multi-byte characters, quotes and
// line breaks fall on every boundary of the output's chunks.
QByteArray manyRowsJson(int rows)
{
    static const char *const pieces[] = {"a",      ",",        "\\\"",         "\\n",
                                         "\\r\\n", "\xc3\xbc", "\xe5\xbc\xa0", "\xf0\x9f\x98\x80",
                                         " ",      "xyz"};
    QRandomGenerator random(42);
    QByteArray json = "[";
    for (int r = 0; r < rows; ++r) {
        json += r > 0 ? ",{" : "{";
        json += "\"id\":" + QByteArray::number(r) + ",\"note\":";
        if (r % 17 == 0) {
            json += "null";
        } else {
            json += '"';
            const int count = int(random.bounded(40));
            for (int i = 0; i < count; ++i)
                json += pieces[random.bounded(10)];
            json += '"';
        }
        json += ",\"fee\":" + (r % 5 == 0 ? QByteArray("null") : QByteArray::number(r * 0.25));
        json += '}';
    }
    return json + ']';
}

} // namespace

class TestCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }

    void writesCsvAsBefore();
    void writesJsonAsBefore();
    void writesTheTableAsBefore();
    void cutsLongCellsInTheTable();
    void tableShowsTerminalControlsAsEscapes();
    void writesScalarsNonQueriesAndRawResultsAsBefore();
    void dropsALeadingByteOrderMarkAsBefore();
    void keepsTextPrintedBefore();
    void writesLargeResultsWhole();
    void writesPagesWithColumnsTheFirstDidNotHave();
    void writesToAStreamWithoutADevice();
    void largeCliOutputParsesBackToTheSameRows();

private:
    CliHarness::SandboxProcess m_sandbox;
};

void TestCliOutput::writesCsvAsBefore()
{
    const Printed printed = print(outcomeOf(kMixed), ResultFormat::Csv);
    QCOMPARE(printed.err, QByteArray());
    QCOMPARE(printed.out,
             QByteArray(
                 "text,comma,quote,crlf,lf,tab,unicode,empty,nil,int,neg,real,whole,big,exp,tiny,"
                 "bool,date,dt,ctrl\r\n"
                 "plain,\"a,b\",\"say \"\"hi\"\"\",\"l1\r\nl2\",\"x\ny\",a\tb,"
                 "M\xc3\xbcller \xe5\xbc\xa0 \xf0\x9f\x98\x80,\"\",,42,-7,1.5,3.0,"
                 "12345678901234567890123,1e+300,1e-04,true,2024-02-29,2024-01-02T03:04:05.678Z,"
                 "\x01x\x7f\\\r\n"
                 " lead,\",\",\"\"\"\",\"\r\",\"\n\",\t,\xe6\x97\xa5,,\"\",-9223372036854775808,0,"
                 "-0.25,-2.0,-1e-07,123456789012.5,1e+21,false,2024-02-30,"
                 "2024-01-02 03:04:05+10:00,trail \r\n"));
    // Read back, NULL and "" stay apart.
    const QList<QList<QByteArray>> records = parseCsv(printed.out);
    QCOMPARE(records.size(), 3);
    QVERIFY(records.at(1).at(8).isNull());
    QVERIFY(!records.at(1).at(7).isNull() && records.at(1).at(7).isEmpty());
    QVERIFY(records.at(2).at(7).isNull());
    QVERIFY(!records.at(2).at(8).isNull() && records.at(2).at(8).isEmpty());
}

void TestCliOutput::writesJsonAsBefore()
{
    const Printed printed = print(outcomeOf(kMixed), ResultFormat::Json);
    QCOMPARE(printed.out,
             QByteArray(
                 "{\n"
                 "  \"id\": \"q-1\",\n"
                 "  \"status\": \"successful\",\n"
                 "  \"mode\": \"immediate\",\n"
                 "  \"executionMode\": \"reader\",\n"
                 "  \"rowCount\": 2,\n"
                 "  \"columns\": [\"text\", \"comma\", \"quote\", \"crlf\", \"lf\", \"tab\", "
                 "\"unicode\", \"empty\", \"nil\", \"int\", \"neg\", \"real\", \"whole\", \"big\", "
                 "\"exp\", \"tiny\", \"bool\", \"date\", \"dt\", \"ctrl\"],\n"
                 "  \"rows\": [\n"
                 "    {\"text\": \"plain\", \"comma\": \"a,b\", \"quote\": \"say \\\"hi\\\"\", "
                 "\"crlf\": \"l1\\r\\nl2\", \"lf\": \"x\\ny\", \"tab\": \"a\\tb\", \"unicode\": "
                 "\"M\xc3\xbcller \xe5\xbc\xa0 \xf0\x9f\x98\x80\", \"empty\": \"\", \"nil\": null, "
                 "\"int\": 42, \"neg\": -7, \"real\": 1.5, \"whole\": 3, \"big\": "
                 "12345678901234567890123, \"exp\": 1e+300, \"tiny\": 1e-04, \"bool\": true, "
                 "\"date\": \"2024-02-29\", \"dt\": \"2024-01-02T03:04:05.678Z\", \"ctrl\": "
                 "\"\\u0001x\x7f\\\\\"},\n"
                 "    {\"text\": \" lead\", \"comma\": \",\", \"quote\": \"\\\"\", \"crlf\": "
                 "\"\\r\", \"lf\": \"\\n\", \"tab\": \"\\t\", \"unicode\": \"\xe6\x97\xa5\", "
                 "\"empty\": null, \"nil\": \"\", \"int\": -9223372036854775808, \"neg\": 0, "
                 "\"real\": -0.25, \"whole\": -2, \"big\": -1e-07, \"exp\": 123456789012.5, "
                 "\"tiny\": 1e+21, \"bool\": false, \"date\": \"2024-02-30\", \"dt\": "
                 "\"2024-01-02 03:04:05+10:00\", \"ctrl\": \"trail \"}\n"
                 "  ]\n"
                 "}\n"));
    // Valid JSON whose rows keep their values.
    QJsonParseError error;
    const QJsonObject document = QJsonDocument::fromJson(printed.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject first = document.value("rows").toArray().at(0).toObject();
    QCOMPARE(first.value("unicode").toString(), QString::fromUtf8("M\u00fcller \u5f20 \U0001F600"));
    QCOMPARE(first.value("ctrl").toString(), QString::fromUtf8("\u0001x\u007f\\"));

    const Printed empty = print(outcomeOf("[]"), ResultFormat::Json);
    QCOMPARE(empty.out, QByteArray("{\n  \"id\": \"q-1\",\n  \"status\": \"successful\",\n  "
                                   "\"mode\": \"immediate\",\n  \"executionMode\": \"reader\",\n"
                                   "  \"rowCount\": 0,\n  \"columns\": [],\n  \"rows\": []\n}\n"));
}

void TestCliOutput::writesTheTableAsBefore()
{
    const QByteArray json = R"([
        {"id":1,"name":"Ann","note":"x\ny","fee":1.5,"when":"2024-01-02","wide":"\u5f20\u5f20"},
        {"id":null,"name":"M\u00fcller ","note":"","fee":null,"when":null,"wide":"a\tb"},
        {"id":-30,"name":"","note":null,"fee":12345678901234567890123,"when":"x","wide":" "}
    ])";
    const Printed printed = print(outcomeOf(json), ResultFormat::Table);
    QCOMPARE(printed.out,
             QByteArray("  id  name     note                      fee  when        wide\n"
                        "----  -------  ----  -----------------------  ----------  ----\n"
                        "   1  Ann      x\\ny                      1.5  2024-01-02  "
                        "\xe5\xbc\xa0\xe5\xbc\xa0\n"
                        "NULL  M\xc3\xbcller                            NULL  NULL        a\\tb\n"
                        " -30           NULL  12345678901234567890123  x\n"
                        "Rows: 3\n"));
}

void TestCliOutput::cutsLongCellsInTheTable()
{
    const QByteArray ascii(80, 'a');
    const QByteArray wide = QString(40, QChar(0x5f20)).toUtf8();
    const QByteArray combining = QString::fromUtf8("e\u0301").repeated(70).toUtf8();
    const QByteArray json = "[{\"ascii\":\"" + ascii + "\"},{\"ascii\":\"" + wide +
                            "\"},{\"ascii\":\"" + combining + "\"},{\"ascii\":\"" +
                            QByteArray(60, 'b') + "\"}]";
    const Printed printed = print(outcomeOf(json), ResultFormat::Table);
    const QByteArray ellipsis = "\xe2\x80\xa6";
    // Cut at 59 columns with an ellipsis; a combining mark takes none, a wide character two.
    QCOMPARE(printed.out, "ascii\n" + QByteArray(60, '-') + "\n" + QByteArray(59, 'a') + ellipsis +
                              "\n" + QString(29, QChar(0x5f20)).toUtf8() + ellipsis + "\n" +
                              combining.first(59 * 3) + ellipsis + "\n" + QByteArray(60, 'b') +
                              "\nRows: 4\n");
}

void TestCliOutput::tableShowsTerminalControlsAsEscapes()
{
    // A cell that would retitle the terminal, recolour it, erase the line and reverse the text.
    const QByteArray json =
        R"([{"note":"\u001b]0;pwned\u0007\u001b[31mred\u009b2K\u202eevil\u007f"}])";
    const Printed printed = print(outcomeOf(json), ResultFormat::Table);
    const QByteArray shown = R"(\x1b]0;pwned\x07\x1b[31mred\x9b2K\u202eevil\x7f)";
    QCOMPARE(printed.out, "note\n" + QByteArray(shown.size(), '-') + "\n" + shown + "\nRows: 1\n");
    // CSV carries the data as it is: it is for programs, not terminals.
    const Printed csv = print(outcomeOf(json), ResultFormat::Csv);
    QVERIFY(csv.out.contains("\x1b]0;pwned"));
}

void TestCliOutput::writesScalarsNonQueriesAndRawResultsAsBefore()
{
    QCOMPARE(print(outcomeOf("[{\"v\":2.0}]", "scalar"), ResultFormat::Table).out,
             QByteArray("2.0\n"));
    QCOMPARE(print(outcomeOf("[{\"v\":null}]", "scalar"), ResultFormat::Table).out,
             QByteArray("NULL\n"));
    QCOMPARE(print(outcomeOf("[{\"v\":\"a\\nb\"}]", "scalar"), ResultFormat::Json).out,
             QByteArray("{\n  \"id\": \"q-1\",\n  \"status\": \"successful\",\n  \"mode\": "
                        "\"immediate\",\n  \"executionMode\": \"scalar\",\n  \"value\": "
                        "\"a\\nb\"\n}\n"));

    QueryOutcome nonQuery = outcomeOf({}, "nonQuery");
    nonQuery.rowsAffected = 12;
    QCOMPARE(print(nonQuery, ResultFormat::Csv).out, QByteArray("rowsAffected\r\n12\r\n"));
    QCOMPARE(print(nonQuery, ResultFormat::Table).out, QByteArray("Rows affected: 12\n"));
    QVERIFY(print(nonQuery, ResultFormat::Json).out.contains("\n  \"rowsAffected\": 12\n}\n"));

    Halo::OutputParameter parameter;
    parameter.name = QStringLiteral("@total");
    parameter.direction = QStringLiteral("output");
    parameter.type = QStringLiteral("Int");
    parameter.value = QStringLiteral("7");
    nonQuery.parameters = {parameter};
    const Printed csv = print(nonQuery, ResultFormat::Csv);
    QCOMPARE(csv.out, QByteArray("rowsAffected\r\n12\r\n"));
    QCOMPARE(csv.err, QByteArray("Output parameters:\n@total  7\n"));
    QCOMPARE(print(nonQuery, ResultFormat::Table).out,
             QByteArray("Rows affected: 12\n\nOutput parameters:\n@total  7\n"));
    QVERIFY(print(nonQuery, ResultFormat::Json)
                .out.endsWith("\"parameters\": [{\"name\": \"@total\", \"direction\": \"output\", "
                              "\"type\": \"Int\", \"value\": \"7\"}]\n}\n"));

    // Not a table: the text as it came, and a note on stderr saying why.
    const QueryOutcome raw = outcomeOf("not json \xc3\xbc");
    const Printed text = print(raw, ResultFormat::Csv);
    QCOMPARE(text.out, QByteArray("not json \xc3\xbc\n"));
    QVERIFY2(text.err.startsWith("Note: "), text.err);
    QVERIFY(print(raw, ResultFormat::Json).out.contains("\"rawText\": \"not json \xc3\xbc\"\n}"));
    const QueryOutcome binary = outcomeOf(QByteArray("\xff\xfe\x00\x01", 4));
    QCOMPARE(binary.result.shape, Halo::DecodedResult::RawBinary);
    QCOMPARE(print(binary, ResultFormat::Table).out, QByteArray("//4AAQ==\n"));
    QVERIFY(print(binary, ResultFormat::Json).out.contains("\n  \"rawBase64\": \"//4AAQ==\"\n}\n"));
}

void TestCliOutput::dropsALeadingByteOrderMarkAsBefore()
{
    // QString::fromUtf8() drops one at the start, so the grid and the output always did.
    const QueryOutcome outcome =
        outcomeOf(R"([{"b":"\ufeffabc","only":"\ufeff","mid":"x\ufeff","two":"\ufeff\ufeff"}])");
    QCOMPARE(print(outcome, ResultFormat::Csv).out,
             QByteArray("b,only,mid,two\r\nabc,\"\",x\xef\xbb\xbf,\xef\xbb\xbf\r\n"));
    QVERIFY(
        print(outcome, ResultFormat::Json)
            .out.contains("{\"b\": \"abc\", \"only\": \"\", \"mid\": \"x\xef\xbb\xbf\", \"two\": "
                          "\"\xef\xbb\xbf\"}\n"));
    QCOMPARE(print(outcome, ResultFormat::Table).out,
             QByteArray("b    only  mid  two\n---  ----  ---  ---\nabc        x\xef\xbb\xbf    "
                        "\xef\xbb\xbf\nRows: 1\n"));
}

void TestCliOutput::keepsTextPrintedBefore()
{
    const Printed printed =
        print(outcomeOf("[{\"a\":1}]"), ResultFormat::Csv, QString::fromUtf8("\u00e9arlier\n"));
    QCOMPARE(printed.out, QByteArray("\xc3\xa9"
                                     "arlier\na\r\n1\r\n"));
}

void TestCliOutput::writesLargeResultsWhole()
{
    const int rows = 20000;
    const QueryOutcome outcome = outcomeOf(manyRowsJson(rows));
    const Halo::ResultTable &table = outcome.result.table;
    QCOMPARE(table.rowCount(), rows);

    const QByteArray csv = print(outcome, ResultFormat::Csv).out;
    const QList<QList<QByteArray>> records = parseCsv(csv);
    QCOMPARE(records.size(), rows + 1);
    QCOMPARE(records.at(0), (QList<QByteArray>{"id", "note", "fee"}));
    const QByteArray json = print(outcome, ResultFormat::Json).out;
    QJsonParseError error;
    const QJsonArray objects =
        QJsonDocument::fromJson(json, &error).object().value("rows").toArray();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(objects.size(), rows);
    const QByteArray text = print(outcome, ResultFormat::Table).out;
    const QList<QByteArray> lines = text.split('\n');
    // Byte for byte what the formatter this one replaced (a QString per cell) printed.
    const auto sha256 = [](const QByteArray &bytes) {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    };
    QCOMPARE(sha256(csv),
             QByteArray("71b9e136e9dad4bd94b4f2587d901a3ea4d4d825956ab5aa7cd988bb99367c2e"));
    QCOMPARE(sha256(json),
             QByteArray("4849fc4f0df5ef6263c239f05a02d9c7a61ff8ec1b410a81f87422e31e0232e1"));
    QCOMPARE(sha256(text),
             QByteArray("332f4185f637d0c8fdfc57d3cc8acba13a6be8ba29e4be4856e92de549db3abf"));
    QCOMPARE(lines.size(), rows + 4); // header, rule, rows, count, and the rest after the last \n
    for (int r = 0; r < rows; ++r) {
        const QList<QByteArray> &record = records.at(r + 1);
        const QJsonObject object = objects.at(r).toObject();
        QCOMPARE(record.size(), 3);
        for (int c = 0; c < 3; ++c) {
            const Halo::ResultCell cell = table.cell(r, c);
            const QString name = table.columns().at(c);
            QCOMPARE(record.at(c).isNull(), cell.isNull());
            QCOMPARE(object.value(name).isNull(), cell.isNull());
            if (cell.isNull())
                continue;
            QCOMPARE(QString::fromUtf8(record.at(c)), cell.toDisplayString());
            if (cell.kind() == Halo::ResultCell::Kind::String)
                QCOMPARE(object.value(name).toString(), cell.text());
            else
                QCOMPARE(object.value(name).toDouble(), cell.toReal());
        }
        // The table shows line breaks as \n and \r: one line per row.
        QVERIFY2(lines.at(r + 2).trimmed().startsWith(QByteArray::number(r)), lines.at(r + 2));
    }
}

void TestCliOutput::writesPagesWithColumnsTheFirstDidNotHave()
{
    // As an async query's pages arrive: the second page brings a column, the first page's rows
    // have no cells for it (segments shared, not copied).
    QByteArray first = "[";
    QByteArray second = "[";
    for (int r = 0; r < 1500; ++r) {
        first += (r > 0 ? "," : "") + QByteArray("{\"a\":") + QByteArray::number(r) + "}";
        second += (r > 0 ? "," : "") + QByteArray("{\"a\":") + QByteArray::number(1500 + r) +
                  ",\"b\":\"" + QByteArray::number(r) + "\"}";
    }
    QueryOutcome outcome = outcomeOf(first + "]");
    outcome.result.table.append(outcomeOf(second + "]").result.table);
    const QList<QList<QByteArray>> records = parseCsv(print(outcome, ResultFormat::Csv).out);
    QCOMPARE(records.size(), 3001);
    QCOMPARE(records.at(0), (QList<QByteArray>{"a", "b"}));
    for (int r = 0; r < 3000; ++r) {
        QCOMPARE(records.at(r + 1).at(0), QByteArray::number(r));
        QCOMPARE(records.at(r + 1).at(1).isNull(), r < 1500);
        if (r >= 1500)
            QCOMPARE(records.at(r + 1).at(1), QByteArray::number(r - 1500));
    }
    const QByteArray text = print(outcome, ResultFormat::Table).out;
    QVERIFY2(text.contains("\n1499  NULL\n1500  0\n"), text.mid(text.indexOf("\n1499"), 40));
}

void TestCliOutput::writesToAStreamWithoutADevice()
{
    // A QTextStream on a QString has no device: the chunks are decoded into it instead.
    const QueryOutcome outcome = outcomeOf(manyRowsJson(12000));
    QString text;
    QString errors;
    QTextStream out(&text);
    QTextStream err(&errors);
    QBuffer in;
    in.open(QIODevice::ReadOnly);
    Cli::Console console(out, err, in);
    Cli::QueryOutput::print(console, outcome, ResultFormat::Csv);
    out.flush();
    const QByteArray expected = print(outcome, ResultFormat::Csv).out;
    QVERIFY(expected.size() > 2 * Cli::OutputBuffer::kChunkBytes);
    QCOMPARE(text.toUtf8(), expected);
}

void TestCliOutput::largeCliOutputParsesBackToTheSameRows()
{
    const QString key = QStringLiteral("output-test-key");
    QString why;
    QVERIFY2(m_sandbox.start({"--key", key}, &why), qPrintable(why));
    // Every appointment three times, with its patient: megabytes of CSV with quotes, line breaks,
    // Unicode and NULLs, written in many chunks.
    const QString sql = QStringLiteral(
        "SELECT a.id AS appointment, k.n, a.start_time, a.duration_min, a.status, a.reason, "
        "a.fee, p.surname, p.first_name, p.notes, p.balance, p.date_of_birth FROM appointments a "
        "JOIN patients p ON p.id = a.patient_id CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION "
        "ALL SELECT 3) k "
        "ORDER BY a.id, k.n");
    const QStringList common{"--base-url", m_sandbox.baseUrl(), "query",
                             "3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"};
    const QMap<QString, QString> environment{{QStringLiteral("HALO_KEY"), key}};
    const CliHarness::CliResult csv =
        CliHarness::runCli(common + QStringList{"--format", "csv", sql}, environment);
    const CliHarness::CliResult json =
        CliHarness::runCli(common + QStringList{"--format", "json", sql}, environment);
    m_sandbox.stop();
    QVERIFY2(csv.finished && csv.exitCode == 0, csv.transcript());
    QVERIFY2(json.finished && json.exitCode == 0, json.transcript());
    QVERIFY2(csv.out.size() > 1024 * 1024, QByteArray::number(csv.out.size()));

    const QList<QList<QByteArray>> records = parseCsv(csv.out);
    const QJsonObject document = QJsonDocument::fromJson(json.out).object();
    const QJsonArray rows = document.value("rows").toArray();
    const QJsonArray columns = document.value("columns").toArray();
    QVERIFY(rows.size() > 5000);
    QCOMPARE(records.size(), rows.size() + 1);
    QCOMPARE(records.at(0).size(), columns.size());
    int nulls = 0;
    int quoted = 0;
    for (int r = 0; r < rows.size(); ++r) {
        const QList<QByteArray> &record = records.at(r + 1);
        QCOMPARE(record.size(), columns.size());
        const QJsonObject row = rows.at(r).toObject();
        for (int c = 0; c < columns.size(); ++c) {
            const QJsonValue value = row.value(columns.at(c).toString());
            QCOMPARE(record.at(c).isNull(), value.isNull());
            nulls += value.isNull() ? 1 : 0;
            if (value.isString()) {
                QCOMPARE(QString::fromUtf8(record.at(c)), value.toString());
                quoted += record.at(c).contains('"') || record.at(c).contains('\n') ? 1 : 0;
            } else if (!value.isNull()) {
                QCOMPARE(record.at(c).toDouble(), value.toDouble());
            }
        }
    }
    QVERIFY2(nulls > 0 && quoted > 0, "the sample covers NULLs, quotes and line breaks");
}

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
