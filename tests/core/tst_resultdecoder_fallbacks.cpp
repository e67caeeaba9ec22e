// SPDX-License-Identifier: GPL-3.0-or-later
// ResultDecoder on data that is not a plain table: the wrappers it opens (a DataSet, a page
// envelope, JSON or base64 inside a JSON string, a byte-order mark) and what it shows as raw text
// or bytes instead of failing.
#include "FailOnWarning.h"
#include "ResultDecoding.h"

class TestResultDecoderFallbacks : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void opensDataSetTableWrapper();
    void notesExtraDataSetTables();
    void opensPageEnvelopeInDecodedJson();
    void opensJsonInsideAJsonString();
    void skipsUtf8ByteOrderMark();
    void columnKeyWithByteOrderMarkIsTheSameColumn();
    void showsInvalidBase64AsText();
    void readsJsonThatWasNotBase64();
    void showsNonJsonTextAsRawText();
    void showsMalformedJsonAsRawText_data();
    void showsMalformedJsonAsRawText();
    void showsBinaryGarbageAsRawBinary();
    void survivesVeryDeepNesting();
};

void TestResultDecoderFallbacks::opensDataSetTableWrapper()
{
    const DecodedResult result = decodeAsSent(R"({"Table":[{"y":1,"x":2}]})");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"y", "x"}));
    QCOMPARE(result.table.cell(0, 1), ResultCell::fromInteger(2));

    const DecodedResult table1 = decodeAsSent(R"({"Table1":[[7]]})");
    QCOMPARE(table1.shape, DecodedResult::ArrayOfArrays);
    QCOMPARE(table1.table.cell(0, 0), ResultCell::fromInteger(7));
}

void TestResultDecoderFallbacks::notesExtraDataSetTables()
{
    const DecodedResult result = decodeAsSent(R"({"Table":[{"a":1}],"Table1":[{"b":2}]})");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"a"}));
    QVERIFY2(result.note.contains(QStringLiteral("Table1")), qPrintable(result.note));
}

void TestResultDecoderFallbacks::opensPageEnvelopeInDecodedJson()
{
    const QByteArray page = R"([{"b":1,"a":2}])";
    const QByteArray envelope = R"({"data":")" + page.toBase64() + R"(","parameters":[]})";
    const DecodedResult result = ResultDecoder::decodeJson(envelope);
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"b", "a"}));
    QVERIFY(!result.note.isEmpty());
}

void TestResultDecoderFallbacks::opensJsonInsideAJsonString()
{
    const DecodedResult result = ResultDecoder::decodeJson(R"("[{\"q\":1,\"p\":\"x\"}]")");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"q", "p"}));
    QVERIFY(!result.note.isEmpty());

    // A string that merely looks like a bracket stays a scalar.
    const DecodedResult scalar = ResultDecoder::decodeJson(R"("[not json")");
    QCOMPARE(scalar.shape, DecodedResult::Scalar);
    QCOMPARE(cellText(scalar, 0, 0), QStringLiteral("[not json"));
    // So does a string that happens to be base64 of something that is not a table.
    const DecodedResult word = ResultDecoder::decodeJson(R"("abcd")");
    QCOMPARE(word.shape, DecodedResult::Scalar);
    QCOMPARE(cellText(word, 0, 0), QStringLiteral("abcd"));
}

void TestResultDecoderFallbacks::skipsUtf8ByteOrderMark()
{
    const DecodedResult result = decodeAsSent("\xEF\xBB\xBF[{\"a\":1}]");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.columns(), names({"a"}));
}

void TestResultDecoderFallbacks::columnKeyWithByteOrderMarkIsTheSameColumn()
{
    // U+FEFF before the first key of the first row, as raw UTF-8, and escaped in a later row.
    const DecodedResult rows = decodeAsSent("[{\"\xEF\xBB\xBFid\":1,\"name\":\"a\"},"
                                            "{\"id\":2,\"name\":\"b\"},"
                                            "{\"\\ufeffid\":3,\"name\":\"c\"}]");
    QCOMPARE(rows.shape, DecodedResult::RowObjects);
    QCOMPARE(rows.table.columns(), names({"id", "name"}));
    QCOMPARE(rows.table.rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(rows.table.cell(row, 0), ResultCell::fromInteger(row + 1));

    // In a columns list too.
    const DecodedResult listed =
        decodeAsSent("{\"columns\":[\"\xEF\xBB\xBFid\",\"name\"],\"rows\":[[7,\"x\"]]}");
    QCOMPARE(listed.table.columns(), names({"id", "name"}));
    QCOMPARE(listed.table.cell(0, 0), ResultCell::fromInteger(7));

    // Only at the start: a mark inside a name is part of it.
    const DecodedResult inside = decodeAsSent("[{\"i\xEF\xBB\xBF"
                                              "d\":1,\"id\":2}]");
    QCOMPARE(inside.table.columnCount(), 2);
}

void TestResultDecoderFallbacks::showsInvalidBase64AsText()
{
    const QByteArray input = "this is not base64!";
    const DecodedResult result = ResultDecoder::decode(input);
    QCOMPARE(result.shape, DecodedResult::RawText);
    QCOMPARE(result.rawText, QString::fromUtf8(input));
    QVERIFY(!result.note.isEmpty());
    QCOMPARE(result.table.rowCount(), 0);

    // Line-wrapped base64 is still base64.
    QByteArray wrapped = QByteArray(R"([{"a":"a fairly long value to wrap"}])").toBase64();
    wrapped.insert(20, "\r\n");
    QCOMPARE(ResultDecoder::decode(wrapped).shape, DecodedResult::RowObjects);
}

void TestResultDecoderFallbacks::readsJsonThatWasNotBase64()
{
    const DecodedResult result = ResultDecoder::decode(R"([{"n":1}])");
    QCOMPARE(result.shape, DecodedResult::RowObjects);
    QCOMPARE(result.table.cell(0, 0), ResultCell::fromInteger(1));
    QVERIFY(!result.note.isEmpty());
}

void TestResultDecoderFallbacks::showsNonJsonTextAsRawText()
{
    const QByteArray text = "id,name\n1,caf\xc3\xa9\n";
    const DecodedResult result = decodeAsSent(text);
    QCOMPARE(result.shape, DecodedResult::RawText);
    QCOMPARE(result.rawText, QString::fromUtf8(text));
    QVERIFY(!result.note.isEmpty());
    QVERIFY(!result.isTable());

    const DecodedResult object = decodeAsSent(R"({"id":1,"name":"x"})");
    QCOMPARE(object.shape, DecodedResult::RawText);
    QVERIFY(!object.note.isEmpty());
}

void TestResultDecoderFallbacks::showsMalformedJsonAsRawText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("trailing comma") << QByteArray(R"([{"a":1},])");
    QTest::newRow("unterminated string") << QByteArray(R"([{"a":"x}])");
    QTest::newRow("unterminated array") << QByteArray(R"([{"a":1})");
    QTest::newRow("text after value") << QByteArray(R"([{"a":1}] [])");
    QTest::newRow("single quotes") << QByteArray(R"([{'a':1}])");
    QTest::newRow("leading zero") << QByteArray(R"([[01]])");
    QTest::newRow("bad escape") << QByteArray(R"([["\x41"]])");
    QTest::newRow("raw newline in string") << QByteArray("[[\"a\nb\"]]");
    QTest::newRow("rows mix objects and arrays") << QByteArray(R"([{"a":1},[2]])");
    QTest::newRow("array of plain values") << QByteArray(R"([1,2,3])");
    QTest::newRow("bare word") << QByteArray("nothing");
}

void TestResultDecoderFallbacks::showsMalformedJsonAsRawText()
{
    QFETCH(QByteArray, json);
    const DecodedResult result = decodeAsSent(json);
    QCOMPARE(result.shape, DecodedResult::RawText);
    QCOMPARE(result.rawText, QString::fromUtf8(json));
    QVERIFY(!result.note.isEmpty());
    QCOMPARE(result.table.columnCount(), 0);
}

void TestResultDecoderFallbacks::showsBinaryGarbageAsRawBinary()
{
    const QByteArray garbage("\xff\xfe\x00\x01\x80\x9f garbage", 14);
    DecodedResult result = decodeAsSent(garbage);
    QCOMPARE(result.shape, DecodedResult::RawBinary);
    QCOMPARE(result.rawBytes, garbage);
    QVERIFY(!result.note.isEmpty());

    // Valid UTF-8 full of control characters is binary too.
    const QByteArray controls("\x00\x01\x02\x03\x04", 5);
    result = decodeAsSent(controls);
    QCOMPARE(result.shape, DecodedResult::RawBinary);
    QCOMPARE(result.rawBytes, controls);
}

void TestResultDecoderFallbacks::survivesVeryDeepNesting()
{
    const QByteArray deep = "[[" + QByteArray(100000, '[') + QByteArray(100000, ']') + "]]";
    const DecodedResult result = decodeAsSent(deep);
    QCOMPARE(result.shape, DecodedResult::RawText);
    QVERIFY(!result.note.isEmpty());
}

QTEST_GUILESS_MAIN(TestResultDecoderFallbacks)
#include "tst_resultdecoder_fallbacks.moc"
