// SPDX-License-Identifier: GPL-3.0-or-later
// Finding a query answer's base64 `data` without parsing it: the scanner must step over strings
// with escaped quotes and backslashes exactly as a JSON parser would, or it would cut the
// envelope in the wrong place. Each case is checked against QJsonDocument's reading.
#include "FailOnWarning.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "api/AnswerReading.h"

using namespace Halo;

class TestAnswerReading : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void findsTheStringAsAParserDoes_data();
    void findsTheStringAsAParserDoes();
    void brokenStringsAreNotFound_data();
    void brokenStringsAreNotFound();
};

void TestAnswerReading::findsTheStringAsAParserDoes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("plain") << QByteArray(R"({"result":{"data":"QUJD"}})");
    QTest::newRow("escaped quote before")
        << QByteArray(R"({"note":"say \"data\":","result":{"data":"QUJD"}})");
    QTest::newRow("escaped backslash ends a string")
        << QByteArray(R"({"note":"C:\\","result":{"data":"QUJD"}})");
    QTest::newRow("three backslashes and a quote")
        << QByteArray(R"({"note":"a\\\"b","result":{"x":"\\\\","data":"QU\/JD"}})");
    QTest::newRow("escaped slash in data") << QByteArray(R"({"result":{"data":"QU\/J\/D"}})");
    QTest::newRow("data after nested values")
        << QByteArray(R"({"result":{"rows":[{"a":"]}\""}],"size":3,"data":"QUJD"}})");
    QTest::newRow("empty data") << QByteArray(R"({"result":{"data":""}})");
    QTest::newRow("spaces") << QByteArray("{ \"result\" : {\n\t\"data\" :\r\n \"QUJD\" } }");
}

void TestAnswerReading::findsTheStringAsAParserDoes()
{
    QFETCH(QByteArray, body);
    const AnswerReading::Span span = AnswerReading::findString(body, {"result", "data"});
    QVERIFY(span.found());
    const QByteArray quoted = body.mid(span.begin, span.end - span.begin);
    // The span, parsed as a JSON string on its own, is the parser's value of result.data.
    const QJsonObject expected = QJsonDocument::fromJson(body).object();
    const QJsonDocument alone = QJsonDocument::fromJson("[" + quoted + "]");
    QVERIFY2(alone.isArray(), quoted.constData());
    QCOMPARE(alone.array().at(0).toString(),
             expected.value("result").toObject().value("data").toString());
    // And the envelope without it still parses, with an empty data.
    const QJsonObject envelope =
        QJsonDocument::fromJson(AnswerReading::withEmptyString(body, span)).object();
    QCOMPARE(envelope.value("result").toObject().value("data").toString(), QString());
}

void TestAnswerReading::brokenStringsAreNotFound_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("unterminated") << QByteArray(R"({"result":{"data":"QUJD)");
    QTest::newRow("ends in a backslash") << QByteArray(R"({"result":{"data":"QUJD\)");
    QTest::newRow("quote escaped at the end") << QByteArray(R"({"result":{"data":"QUJD\")");
    QTest::newRow("not a string") << QByteArray(R"({"result":{"data":42}})");
    QTest::newRow("absent") << QByteArray(R"({"result":{"rows":[]}})");
    QTest::newRow("key cut off") << QByteArray(R"({"result":{"da)");
}

void TestAnswerReading::brokenStringsAreNotFound()
{
    QFETCH(QByteArray, body);
    QVERIFY(!AnswerReading::findString(body, {"result", "data"}).found());
}

QTEST_GUILESS_MAIN(TestAnswerReading)
#include "tst_answerreading.moc"
