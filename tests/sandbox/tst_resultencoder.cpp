// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's ResultEncoder: the decoded JSON of result data, its order, escapes, value types and
// slices, and its speed.
#include "FailOnWarning.h"
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <limits>

#include "ResultEncoder.h"

using namespace Sandbox;

class TestResultEncoder : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // ResultEncoder
    void encoderKeepsColumnOrder();
    void encoderEscapesStrings();
    void encoderEncodesValueTypes();
    void encoderSlices();
    void encoderIsFast();
};

// ---------------------------------------------------------------------------------------------

void TestResultEncoder::encoderKeepsColumnOrder()
{
    const QStringList columns = {"zeta", "alpha", "mid"};
    const QList<QVariantList> rows = {{qlonglong(1), qlonglong(2), qlonglong(3)}};
    QCOMPARE(ResultEncoder::encodeRows(columns, rows),
             QByteArray(R"([{"zeta":1,"alpha":2,"mid":3}])"));
    QCOMPARE(ResultEncoder::encodeRows(columns, {}), QByteArray("[]"));
    // A short row is padded with nulls rather than read past its end.
    QCOMPARE(ResultEncoder::encodeRows(columns, {{qlonglong(1)}}),
             QByteArray(R"([{"zeta":1,"alpha":null,"mid":null}])"));
}

void TestResultEncoder::encoderEscapesStrings()
{
    const QString awkward = QString::fromUtf8("He said \"hi\"\n\t\\ ") + QChar(0x01) + QChar(0x1f) +
                            QString::fromUtf8(" Zoë 山田 😀 \r\b\f/");
    const QStringList columns = {QStringLiteral("na\"me"), QString::fromUtf8("ünï")};
    const QByteArray json = ResultEncoder::encodeRows(columns, {{awkward, QVariant()}});
    QVERIFY(json.contains(R"(He said \"hi\"\n\t\\ \u0001\u001f)"));
    QVERIFY(json.contains("\\r\\b\\f/"));
    QVERIFY(json.contains(QString::fromUtf8(" Zoë 山田 😀 ").toUtf8())); // UTF-8 kept as is
    QVERIFY(json.contains(R"("na\"me":)"));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject object = document.array().first().toObject();
    QCOMPARE(object.value(QStringLiteral("na\"me")).toString(), awkward);
    QVERIFY(object.value(QString::fromUtf8("ünï")).isNull());
    // Only an invalid QVariant is NULL; a null QString is still a string.
    QCOMPARE(ResultEncoder::encodeRows({"s"}, {{QString()}}), QByteArray(R"([{"s":""}])"));
}

void TestResultEncoder::encoderEncodesValueTypes()
{
    const QStringList columns = {"i", "neg", "d", "whole", "tiny", "nan", "blob", "null", "big"};
    const QList<QVariantList> rows = {
        {qlonglong(42), qlonglong(-7), 12.5, 3.0, 0.1, std::numeric_limits<double>::quiet_NaN(),
         QByteArray("\x00\xff hi", 5), QVariant(), qlonglong(9007199254740993LL)}};
    const QByteArray json = ResultEncoder::encodeRows(columns, rows);
    QCOMPARE(json, QByteArray(R"([{"i":42,"neg":-7,"d":12.5,"whole":3.0,"tiny":0.1,"nan":null,)"
                              R"("blob":"AP8gaGk=","null":null,"big":9007199254740993}])"));
    const QJsonObject object = QJsonDocument::fromJson(json).array().first().toObject();
    QCOMPARE(object.value("d").toDouble(), 12.5);
    QCOMPARE(QByteArray::fromBase64(object.value("blob").toString().toLatin1()),
             QByteArray("\x00\xff hi", 5));
    QCOMPARE(object.value("big").toInteger(), 9007199254740993LL);

    // Doubles read back exactly.
    const double values[] = {1.0 / 3.0, -0.07, 1e21, 5e-324, 123456789.125};
    for (double value : values) {
        const QByteArray one = ResultEncoder::encodeRows({"v"}, {{value}});
        QCOMPARE(QJsonDocument::fromJson(one).array().first().toObject().value("v").toDouble(),
                 value);
    }
}

void TestResultEncoder::encoderSlices()
{
    QList<QVariantList> rows;
    for (int i = 0; i < 10; ++i)
        rows.append(QVariantList{qlonglong(i)});
    QCOMPARE(ResultEncoder::encodeRows({"n"}, rows, 2, 3),
             QByteArray(R"([{"n":2},{"n":3},{"n":4}])"));
    QCOMPARE(ResultEncoder::encodeRows({"n"}, rows, 8), QByteArray(R"([{"n":8},{"n":9}])"));
    QCOMPARE(ResultEncoder::encodeRows({"n"}, rows, 8, 100), QByteArray(R"([{"n":8},{"n":9}])"));
    QCOMPARE(ResultEncoder::encodeRows({"n"}, rows, 10, 5), QByteArray("[]"));
    QCOMPARE(ResultEncoder::encodeRows({"n"}, rows, 3, 0), QByteArray("[]"));
    QCOMPARE(ResultEncoder::encodeData({"n"}, rows, 2, 3),
             ResultEncoder::encodeRows({"n"}, rows, 2, 3).toBase64());
    QCOMPARE(QByteArray::fromBase64(ResultEncoder::encodeData({"n"}, rows)),
             ResultEncoder::encodeRows({"n"}, rows));
}

void TestResultEncoder::encoderIsFast()
{
    QList<QVariantList> rows;
    rows.reserve(1000000);
    for (int i = 0; i < 1000000; ++i)
        rows.append(QVariantList{qlonglong(i), QStringLiteral("row %1").arg(i)});
    QElapsedTimer timer;
    timer.start();
    const QByteArray data = ResultEncoder::encodeData({"x", "label"}, rows);
    const qint64 ms = timer.elapsed();
    qInfo("encodeData, 1,000,000 rows x 2 columns: %lld ms", ms);
    QVERIFY(data.size() > 30000000);
    QVERIFY(ms < 10000);
}

QTEST_GUILESS_MAIN(TestResultEncoder)
#include "tst_resultencoder.moc"
