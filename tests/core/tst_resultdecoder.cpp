// SPDX-License-Identifier: GPL-3.0-or-later
// ResultDecoder: the shapes of a table it reads, the values of its cells, pages appended, volume
// and worker threads; and how parameter values show. What it opens or falls back on when the data
// is not a plain table is tst_resultdecoder_fallbacks.
#include "FailOnWarning.h"
#include "ResultDecoding.h"
#include "results/Base64Decode_p.h"
#include "sql/ParameterValue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <thread>

using Halo::ParameterValue;

class TestResultDecoder : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void readsRowObjectsInTextColumnOrder();
    void readsColumnsAndRows_data();
    void readsColumnsAndRows();
    void keepsDeclaredColumnsWhenThereAreNoRows();
    void namesColumnsOfArrayOfArrays();
    void readsBareScalarsAsOneCell();
    void reportsEmptyArrayAndEmptyInputAsEmpty();
    void keepsNullDistinctFromEmptyString();
    void keepsIntegersDistinctFromReals();
    void keepsBigIntegersAsExactDigits();
    void readsBooleans();
    void decodesUnicodeAndEscapes();
    void recognisesIsoDates_data();
    void recognisesIsoDates();
    void convertsDatesToQtTypes();
    void fillsMissingCellsOfRaggedRowsWithNull();
    void lastDuplicateKeyWins();
    void namesEmptyKeysByPosition();
    void keepsNestedValuesAsJsonText();
    void appendsPagesAndAddsNewColumns();
    void appendMatchesColumnsByNameNotPosition();
    void decodesTwoHundredThousandRows();
    void decodesWithoutGuiOnWorkerThreads();
    void showsParameterValues_data();
    void showsParameterValues();
    void decodesOnTheExpectedPath();
    void takingTheBodyFreesItAndDecodesAlike();
};

void TestResultDecoder::readsRowObjectsInTextColumnOrder()
{
    const DecodedResult result = decodeAsSent(R"([{"z":1,"a":"x","m":null},
                                                  {"z":2,"a":"y","m":true}])");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"z", "a", "m"}));
    QCOMPARE(result.table.rowCount(), 2);
    QCOMPARE(result.table.columnCount(), 3);
    QCOMPARE(result.table.cell(1, 0).toInteger(), 2);
    QCOMPARE(cellText(result, 0, 1), QStringLiteral("x"));
    QVERIFY(result.table.cell(0, 2).isNull());
    QCOMPARE(result.table.cell(1, 2).kind(), Kind::Boolean);
    QVERIFY(result.note.isEmpty());
}

void TestResultDecoder::readsColumnsAndRows_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("columns, rows of arrays")
        << QByteArray(R"({"columns":["id","name"],"rows":[[1,"x"],[2,"y"]]})");
    QTest::newRow("Columns objects, Rows objects")
        << QByteArray(R"({"Columns":[{"ColumnName":"id","DataType":"Int32"},{"name":"name"}],
                          "Rows":[{"name":"x","id":1},{"id":2,"name":"y"}]})");
    QTest::newRow("rows before columns")
        << QByteArray(R"({"rows":[[1,"x"],[2,"y"]],"columns":["id","name"]})");
    QTest::newRow("columns and data")
        << QByteArray(R"({"columns":["id","name"],"data":[[1,"x"],[2,"y"]]})");
}

void TestResultDecoder::readsColumnsAndRows()
{
    QFETCH(QByteArray, json);
    const DecodedResult result = decodeAsSent(json);
    QCOMPARE(result.shape, DecodedResult::ColumnsAndRows);
    QCOMPARE(result.table.columns(), names({"id", "name"}));
    QCOMPARE(result.table.rowCount(), 2);
    QCOMPARE(result.table.cell(0, 0), ResultCell::fromInteger(1));
    QCOMPARE(cellText(result, 0, 1), QStringLiteral("x"));
    QCOMPARE(result.table.cell(1, 0), ResultCell::fromInteger(2));
    QCOMPARE(cellText(result, 1, 1), QStringLiteral("y"));
}

void TestResultDecoder::keepsDeclaredColumnsWhenThereAreNoRows()
{
    const DecodedResult result = decodeAsSent(R"({"columns":["b","a"],"rows":[]})");
    QCOMPARE(result.shape, DecodedResult::ColumnsAndRows);
    QCOMPARE(result.table.columns(), names({"b", "a"}));
    QCOMPARE(result.table.rowCount(), 0);
}

void TestResultDecoder::namesColumnsOfArrayOfArrays()
{
    const DecodedResult result = decodeAsSent(R"([[1,"a"],[2],[3,"c",false]])");
    QCOMPARE(result.shape, DecodedResult::ArrayOfArrays);
    QCOMPARE(result.table.columns(), names({"Column1", "Column2", "Column3"}));
    QCOMPARE(result.table.rowCount(), 3);
    QVERIFY(result.table.cell(1, 1).isNull());
    QVERIFY(result.table.cell(0, 2).isNull());
    QCOMPARE(result.table.cell(2, 2), ResultCell::fromBoolean(false));
}

void TestResultDecoder::readsBareScalarsAsOneCell()
{
    const struct {
        const char *json;
        Kind kind;
        const char *display;
    } cases[] = {{"42", Kind::Integer, "42"},
                 {" \"hello\" ", Kind::String, "hello"},
                 {"true", Kind::Boolean, "true"},
                 {"null", Kind::Null, ""},
                 {"-2.5", Kind::Real, "-2.5"}};
    for (const auto &c : cases) {
        const DecodedResult result = decodeAsSent(c.json);
        QCOMPARE(result.shape, DecodedResult::Scalar);
        QCOMPARE(result.table.columns(), names({"Value"}));
        QCOMPARE(result.table.rowCount(), 1);
        QCOMPARE(result.table.cell(0, 0).kind(), c.kind);
        QCOMPARE(cellText(result, 0, 0), QString::fromUtf8(c.display));
    }
}

void TestResultDecoder::reportsEmptyArrayAndEmptyInputAsEmpty()
{
    DecodedResult result = decodeAsSent("[ ]");
    QCOMPARE(result.shape, DecodedResult::Empty);
    QCOMPARE(result.table.rowCount(), 0);
    QCOMPARE(result.table.columnCount(), 0);

    result = ResultDecoder::decode(QByteArray());
    QCOMPARE(result.shape, DecodedResult::Empty);
    QCOMPARE(result.table.rowCount(), 0);
    QVERIFY(!result.note.isEmpty());

    result = decodeAsSent(R"({"Table":[]})");
    QCOMPARE(result.shape, DecodedResult::Empty);
}

void TestResultDecoder::keepsNullDistinctFromEmptyString()
{
    const DecodedResult result = decodeAsSent(R"([{"a":null,"b":""}])");
    const ResultCell null = result.table.cell(0, 0);
    const ResultCell empty = result.table.cell(0, 1);
    QCOMPARE(null.kind(), Kind::Null);
    QVERIFY(!null.toVariant().isValid());
    QVERIFY(null.toDisplayString().isNull());
    QCOMPARE(empty.kind(), Kind::String);
    QCOMPARE(empty.toVariant(), QVariant(QString()));
    QVERIFY(empty.toVariant().isValid());
    QVERIFY(null != empty);
}

void TestResultDecoder::keepsIntegersDistinctFromReals()
{
    const DecodedResult result =
        decodeAsSent(R"([{"i":3,"r":3.0,"e":1e3,"n":-12,"f":0.1,"z":-0}])");
    const ResultTable &table = result.table;
    QCOMPARE(table.cell(0, 0).kind(), Kind::Integer);
    QCOMPARE(table.cell(0, 0).toVariant().typeId(), QMetaType::LongLong);
    QCOMPARE(table.cell(0, 0).toDisplayString(), QStringLiteral("3"));
    QCOMPARE(table.cell(0, 1).kind(), Kind::Real);
    QCOMPARE(table.cell(0, 1).toVariant().typeId(), QMetaType::Double);
    QCOMPARE(table.cell(0, 1).toReal(), 3.0);
    QCOMPARE(table.cell(0, 1).toDisplayString(), QStringLiteral("3.0"));
    QCOMPARE(table.cell(0, 2).kind(), Kind::Real);
    QCOMPARE(table.cell(0, 2).toReal(), 1000.0);
    QCOMPARE(table.cell(0, 3), ResultCell::fromInteger(-12));
    QCOMPARE(table.cell(0, 4).toDisplayString(), QStringLiteral("0.1"));
    QCOMPARE(table.cell(0, 5), ResultCell::fromInteger(0));
}

void TestResultDecoder::keepsBigIntegersAsExactDigits()
{
    const DecodedResult result = decodeAsSent(
        R"([[9223372036854775807,-9223372036854775808,9223372036854775808,
             -123456789012345678901234567890]])");
    const ResultTable &table = result.table;
    QCOMPARE(table.cell(0, 0), ResultCell::fromInteger(std::numeric_limits<qint64>::max()));
    QCOMPARE(table.cell(0, 1), ResultCell::fromInteger(std::numeric_limits<qint64>::min()));
    QCOMPARE(table.cell(0, 2).kind(), Kind::Real);
    QCOMPARE(table.cell(0, 2).toDisplayString(), QStringLiteral("9223372036854775808"));
    QCOMPARE(table.cell(0, 2).toReal(), 9223372036854775808.0);
    QCOMPARE(table.cell(0, 3).kind(), Kind::Real);
    QCOMPARE(table.cell(0, 3).toDisplayString(), QStringLiteral("-123456789012345678901234567890"));
    QCOMPARE(table.cell(0, 3).toVariant().typeId(), QMetaType::Double);
}

void TestResultDecoder::readsBooleans()
{
    const DecodedResult result = decodeAsSent(R"([{"yes":true,"no":false,"text":"true"}])");
    QCOMPARE(result.table.cell(0, 0).kind(), Kind::Boolean);
    QCOMPARE(result.table.cell(0, 0).toVariant(), QVariant(true));
    QCOMPARE(result.table.cell(0, 1).toVariant(), QVariant(false));
    QCOMPARE(result.table.cell(0, 1).toDisplayString(), QStringLiteral("false"));
    QCOMPARE(result.table.cell(0, 2).kind(), Kind::String);
}

void TestResultDecoder::decodesUnicodeAndEscapes()
{
    const QByteArray json = "[{\"caf\\u00e9\":\"caf\\u00e9\",\"raw\":\"caf\xc3\xa9 \xe6\x97\xa5\","
                            "\"smile\":\"\\ud83d\\ude00\",\"lone\":\"a\\ud800b\","
                            "\"escapes\":\"line1\\nline2\\t\\\"q\\\" \\\\ \\/\","
                            "\"nul\":\"a\\u0000b\"}]";
    const DecodedResult result = decodeAsSent(json);
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns().first(), QStringLiteral("caf\u00e9"));
    QCOMPARE(cellText(result, 0, 0), QStringLiteral("caf\u00e9"));
    QCOMPARE(cellText(result, 0, 1), QStringLiteral("caf\u00e9 \u65e5"));
    QCOMPARE(cellText(result, 0, 2), QString::fromUtf8("\xf0\x9f\x98\x80"));
    QCOMPARE(cellText(result, 0, 3), QStringLiteral("a\ufffdb"));
    QCOMPARE(cellText(result, 0, 4), QStringLiteral("line1\nline2\t\"q\" \\ /"));
    QCOMPARE(cellText(result, 0, 5), QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")));
}

void TestResultDecoder::recognisesIsoDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("date") << QStringLiteral("2024-02-29") << Kind::Date;
    QTest::newRow("not a leap day") << QStringLiteral("2023-02-29") << Kind::String;
    QTest::newRow("month 13") << QStringLiteral("2024-13-01") << Kind::String;
    QTest::newRow("datetime") << QStringLiteral("2024-01-02T03:04:05") << Kind::DateTime;
    QTest::newRow(".NET ticks and Z")
        << QStringLiteral("2024-01-02T03:04:05.1234567Z") << Kind::DateTime;
    QTest::newRow("offset") << QStringLiteral("2024-01-02T03:04:05.123+10:00") << Kind::DateTime;
    QTest::newRow("negative offset")
        << QStringLiteral("2024-01-02T03:04:05-05:30") << Kind::DateTime;
    QTest::newRow("space separator") << QStringLiteral("2024-01-02 03:04:05") << Kind::DateTime;
    QTest::newRow("hour 25") << QStringLiteral("2024-01-02T25:00:00") << Kind::String;
    QTest::newRow("no seconds") << QStringLiteral("2024-01-02T03:04") << Kind::String;
    QTest::newRow("empty fraction") << QStringLiteral("2024-01-02T03:04:05.Z") << Kind::String;
    QTest::newRow("trailing text") << QStringLiteral("2024-01-02T03:04:05 UTC") << Kind::String;
    QTest::newRow("short offset") << QStringLiteral("2024-01-02T03:04:05+10") << Kind::String;
    QTest::newRow("phone number") << QStringLiteral("0412-345-678") << Kind::String;
}

void TestResultDecoder::recognisesIsoDates()
{
    QFETCH(QString, text);
    QFETCH(Kind, kind);
    const QByteArray json = "[[\"" + text.toUtf8() + "\"]]";
    const DecodedResult result = decodeAsSent(json);
    QCOMPARE(result.table.cell(0, 0).kind(), kind);
    QCOMPARE(result.table.cell(0, 0).toDisplayString(), text); // the text as sent
    QCOMPARE(result.table.cell(0, 0).text(), text);
    QCOMPARE(ResultCell::fromText(text).kind(), kind);
}

void TestResultDecoder::convertsDatesToQtTypes()
{
    const DecodedResult result = decodeAsSent(R"([["1946-07-15","2024-01-02T03:04:05.1234567Z",
                          "2024-01-02T13:04:05+10:00","2024-01-02T03:04:05"]])");
    const ResultTable &table = result.table;
    QCOMPARE(table.cell(0, 0).toVariant(), QVariant(QDate(1946, 7, 15)));
    const QDateTime utc = table.cell(0, 1).toVariant().toDateTime();
    QCOMPARE(utc.toUTC().date(), QDate(2024, 1, 2));
    QCOMPARE(utc.toUTC().time(), QTime(3, 4, 5, 123));
    QCOMPARE(utc.offsetFromUtc(), 0);
    const QDateTime offset = table.cell(0, 2).toVariant().toDateTime();
    QCOMPARE(offset.offsetFromUtc(), 10 * 3600);
    QCOMPARE(offset.toUTC(), utc.addMSecs(-123));
    const QDateTime unspecified = table.cell(0, 3).toVariant().toDateTime();
    QCOMPARE(unspecified.date(), QDate(2024, 1, 2));
    QCOMPARE(unspecified.time(), QTime(3, 4, 5));
}

void TestResultDecoder::fillsMissingCellsOfRaggedRowsWithNull()
{
    const DecodedResult result = decodeAsSent(R"([{"a":1,"b":2},{"a":3},{"b":4,"c":5},{}])");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"a", "b", "c"}));
    QCOMPARE(result.table.rowCount(), 4);
    QVERIFY(result.table.cell(1, 1).isNull());
    QVERIFY(result.table.cell(2, 0).isNull());
    QCOMPARE(result.table.cell(2, 1), ResultCell::fromInteger(4));
    QCOMPARE(result.table.cell(2, 2), ResultCell::fromInteger(5));
    QVERIFY(result.table.cell(0, 2).isNull());
    for (int column = 0; column < 3; ++column)
        QVERIFY(result.table.cell(3, column).isNull());
    QVERIFY(result.table.cell(99, 0).isNull()); // out of range reads as null too
    QVERIFY(result.table.cell(0, -1).isNull());
}

void TestResultDecoder::lastDuplicateKeyWins()
{
    const DecodedResult result = decodeAsSent(R"([{"a":1,"a":"two"},{"a":null,"a":null}])");
    QCOMPARE(result.table.columns(), names({"a"}));
    QCOMPARE(cellText(result, 0, 0), QStringLiteral("two"));
    QVERIFY(result.table.cell(1, 0).isNull());
}

void TestResultDecoder::namesEmptyKeysByPosition()
{
    const DecodedResult result = decodeAsSent(R"([{"id":1,"":2}])");
    QCOMPARE(result.table.columns(), names({"id", "Column2"}));
    QCOMPARE(result.table.cell(0, 1), ResultCell::fromInteger(2));
}

void TestResultDecoder::keepsNestedValuesAsJsonText()
{
    const DecodedResult result = decodeAsSent(R"([{"tags":["a", 1],"meta":{"k":{"x":null}}}])");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(cellText(result, 0, 0), QStringLiteral(R"(["a", 1])"));
    QCOMPARE(cellText(result, 0, 1), QStringLiteral(R"({"k":{"x":null}})"));
}

void TestResultDecoder::appendsPagesAndAddsNewColumns()
{
    ResultTable table = decodeAsSent(R"([{"a":1,"b":"x"},{"a":2,"b":"y"}])").table;
    const ResultTable page2 = decodeAsSent(R"([{"a":3,"b":"z","c":"2024-05-06"}])").table;
    const ResultTable page3 = decodeAsSent(R"([{"a":4}])").table;
    table.append(page2);
    table.append(page3);
    table.append(ResultTable());
    QCOMPARE(table.columns(), names({"a", "b", "c"}));
    QCOMPARE(table.rowCount(), 4);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(table.cell(row, 0), ResultCell::fromInteger(row + 1));
    QCOMPARE(table.cell(1, 1).toDisplayString(), QStringLiteral("y"));
    QCOMPARE(table.cell(2, 1).toDisplayString(), QStringLiteral("z"));
    QVERIFY(table.cell(0, 2).isNull());
    QVERIFY(table.cell(1, 2).isNull());
    QCOMPARE(table.cell(2, 2).kind(), Kind::Date);
    QCOMPARE(table.cell(2, 2).toDisplayString(), QStringLiteral("2024-05-06"));
    QVERIFY(table.cell(3, 1).isNull());
    QVERIFY(table.cell(3, 2).isNull());

    ResultTable fresh;
    fresh.append(page2);
    QCOMPARE(fresh.columns(), names({"a", "b", "c"}));
    QCOMPARE(fresh.cell(0, 1).toDisplayString(), QStringLiteral("z"));

    fresh.append(fresh); // appending a table to itself doubles it
    QCOMPARE(fresh.rowCount(), 2);
    QCOMPARE(fresh.cell(1, 1).toDisplayString(), QStringLiteral("z"));
}

void TestResultDecoder::appendMatchesColumnsByNameNotPosition()
{
    ResultTable table = decodeAsSent(R"({"columns":["x","y","x"],"rows":[[1,2,3]]})").table;
    table.append(decodeAsSent(R"({"columns":["y","x","x"],"rows":[[20,10,30]]})").table);
    QCOMPARE(table.columns(), names({"x", "y", "x"}));
    QCOMPARE(table.cell(1, 0), ResultCell::fromInteger(10));
    QCOMPARE(table.cell(1, 1), ResultCell::fromInteger(20));
    QCOMPARE(table.cell(1, 2), ResultCell::fromInteger(30));
}

void TestResultDecoder::decodesTwoHundredThousandRows()
{
    const int rows = 200000;
    QByteArray json;
    json.reserve(rows * 120);
    json += '[';
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            json += ",\n";
        json += R"({"id":)" + QByteArray::number(i) + R"(,"name":"Patient \")" +
                QByteArray::number(i) + R"(\" caf\u00e9","balance":)" + QByteArray::number(i) +
                ".5" + R"(,"dob":"1980-01-)" + QByteArray::number(10 + i % 19) + R"(","notes":)" +
                (i % 3 == 0 ? QByteArray("null") : QByteArray(R"("")")) + "}";
    }
    json += ']';

    const DecodedResult result = decodeAsSent(json);
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"id", "name", "balance", "dob", "notes"}));
    QCOMPARE(result.table.rowCount(), rows);
    for (int i : {0, 1, 2, 12345, rows - 1}) {
        QCOMPARE(result.table.cell(i, 0), ResultCell::fromInteger(i));
        QCOMPARE(cellText(result, i, 1), QStringLiteral("Patient \"%1\" caf\u00e9").arg(i));
        QCOMPARE(result.table.cell(i, 2), ResultCell::fromReal(i + 0.5));
        QCOMPARE(result.table.cell(i, 3).kind(), Kind::Date);
        QCOMPARE(result.table.cell(i, 4).kind(), i % 3 == 0 ? Kind::Null : Kind::String);
    }
}

void TestResultDecoder::decodesWithoutGuiOnWorkerThreads()
{
    // The decoder lives in halo_core, which must not need a GUI application or the GUI thread.
    QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
    const QByteArray data = QByteArray(R"([{"b":1,"a":"two","d":"2024-01-02"}])").toBase64();
    DecodedResult results[4];
    std::vector<std::thread> workers;
    for (DecodedResult &result : results)
        workers.emplace_back([&result, &data] {
            for (int i = 0; i < 200; ++i)
                result = ResultDecoder::decode(data);
        });
    for (std::thread &worker : workers)
        worker.join();
    for (const DecodedResult &result : results) {
        QCOMPARE(result.shape, DecodedResult::RowObjects);
        QCOMPARE(result.table.columns(), names({"b", "a", "d"}));
        QCOMPARE(result.table.cell(0, 2).kind(), Kind::Date);
    }
}

void TestResultDecoder::showsParameterValues_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain int, as the examples show")
        << QStringLiteral("66") << QStringLiteral("Int") << QStringLiteral("66");
    QTest::newRow("plain zero") << QStringLiteral("0") << QStringLiteral("Int")
                                << QStringLiteral("0");
    QTest::newRow("base64 int, as the spec says")
        << QStringLiteral("NjY=") << QStringLiteral("Int") << QStringLiteral("66");
    QTest::newRow("base64 date") << QString::fromLatin1(QByteArray("2024-01-02").toBase64())
                                 << QStringLiteral("Date") << QStringLiteral("2024-01-02");
    QTest::newRow("plain varchar that is also base64")
        << QStringLiteral("abcd") << QStringLiteral("VarChar") << QStringLiteral("abcd");
    QTest::newRow("base64 varbinary")
        << QStringLiteral("AQL/") << QStringLiteral("VarBinary") << QStringLiteral("0x0102FF");
    QTest::newRow("hex varbinary as it came")
        << QStringLiteral("0x0102") << QStringLiteral("varbinary") << QStringLiteral("0x0102");
    QTest::newRow("timestamp") << QStringLiteral("AAAAAAAAB9E=") << QStringLiteral("Timestamp")
                               << QStringLiteral("0x00000000000007D1");
    QTest::newRow("int that is neither")
        << QStringLiteral("n/a") << QStringLiteral("Int") << QStringLiteral("n/a");
    QTest::newRow("bit") << QStringLiteral("true") << QStringLiteral("Bit")
                         << QStringLiteral("true");
    QTest::newRow("empty") << QString() << QStringLiteral("Int") << QString();
}

void TestResultDecoder::showsParameterValues()
{
    QFETCH(QString, raw);
    QFETCH(QString, type);
    QFETCH(QString, shown);
    QCOMPARE(ParameterValue::displayValue(raw, type), shown);
}

QTEST_GUILESS_MAIN(TestResultDecoder)
// Built twice: with SSE2 where the CPU has it, and as tst_resultdecoder_portable with the
// portable loops alone (HALO_NO_SIMD), so ARM64's path is tested here too.
void TestResultDecoder::decodesOnTheExpectedPath()
{
#ifdef HALO_EXPECT_PORTABLE_DECODER
    QVERIFY(!Halo::detail::decoderUsesSse2());
#elif defined(__SSE2__)
    QVERIFY(Halo::detail::decoderUsesSse2());
#else
    QSKIP("no SSE2 on this CPU: the portable loops are the only path");
#endif
    // Long enough for the 16-byte loops, with escapes and multi-byte UTF-8 in most strings.
    const QByteArray accented = "\xc3\xa9t\xc3\xa9 "; // UTF-8 as sent, not escaped
    QByteArray json = "[";
    for (int i = 0; i < 200; ++i) {
        json += R"({"n":)" + QByteArray::number(i) + R"(,"t":"caf\u00e9 \"q\" )" +
                accented.repeated(i % 7) + R"(end"})" + (i < 199 ? "," : "]");
    }
    const DecodedResult result = decodeAsSent(json);
    QCOMPARE(result.table.rowCount(), 200);
    for (int row : {0, 6, 199}) {
        QCOMPARE(cellText(result, row, 1), QStringLiteral("caf\u00e9 \"q\" ") +
                                               QString::fromUtf8(accented.repeated(row % 7)) +
                                               QStringLiteral("end"));
    }
}

// takeResponseBody decodes as decodeResponseBody does, and lets go of the body once its data
// is decoded (so a caller with the only copy frees it before the table is built).
void TestResultDecoder::takingTheBodyFreesItAndDecodesAlike()
{
    const QByteArray rows = R"([{"id":1,"name":"Ann"},{"id":2,"name":null}])";
    const QByteArray answer = R"({"id":"q1","result":{"rows":2,"data":")" + rows.toBase64() +
                              R"("},"status":"successful"})";
    QByteArray body = answer;
    const Halo::DecodedResult taken = Halo::ResultDecoder::takeResponseBody(body);
    QVERIFY(body.isEmpty());
    const Halo::DecodedResult read = Halo::ResultDecoder::decodeResponseBody(answer);
    QCOMPARE(taken.shape, read.shape);
    QCOMPARE(taken.table.rowCount(), 2);
    QCOMPARE(taken.table.columns(), read.table.columns());
    QCOMPARE(taken.table.cell(0, 0).toInteger(), 1);
    QVERIFY(taken.table.cell(1, 1).isNull());

    // Escaped in the JSON string (line-wrapped base64, an escaped slash): the reader unescapes
    // it into a buffer of its own, which must outlive the decoding (ASan caught a view of it
    // used after the reader was gone).
    QByteArray wrapped = rows.toBase64();
    wrapped.insert(16, "\\n");
    wrapped.replace("/", "\\/");
    const QByteArray escaped = R"({"result":{"data":")" + wrapped + R"("}})";
    QByteArray escapedBody = escaped;
    QCOMPARE(Halo::ResultDecoder::takeResponseBody(escapedBody).table.rowCount(), 2);
    QCOMPARE(Halo::ResultDecoder::decodeResponseBody(escaped).table.rowCount(), 2);

    // Without data, or with data that is not base64, nothing is taken and the fallbacks apply.
    QByteArray empty = R"({"result":{"rows":0}})";
    QCOMPARE(Halo::ResultDecoder::takeResponseBody(empty).shape, Halo::DecodedResult::Empty);
    QByteArray plain = R"({"result":{"data":"not base64!"}})";
    const Halo::DecodedResult raw = Halo::ResultDecoder::takeResponseBody(plain);
    QCOMPARE(raw.shape, Halo::ResultDecoder::decodeResponseBody(plain).shape);
    QVERIFY(!plain.isEmpty());
}

#include "tst_resultdecoder.moc"
