// SPDX-License-Identifier: GPL-3.0-or-later
// The bulk verification CSV: RFC 4180 quoting, PMS names as people write them, a bad row that
// names its line while the others stay, and a header without the required columns refused.
#include "FailOnWarning.h"
#include "sites/VerificationInput.h"

#include <QTemporaryDir>
#include <QtTest>

using Halo::VerificationCsv;
using Halo::VerificationInputs;

class TestVerifyInput : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void readsQuotedFields();
    void acceptsPmsNamesAsPeopleWriteThem_data();
    void acceptsPmsNamesAsPeopleWriteThem();
    void badRowsNameTheirLineAndTheRestStays();
    void refusesAHeaderWithoutRequiredColumns_data();
    void refusesAHeaderWithoutRequiredColumns();
    void readsAFileAndSaysWhenItCannot();
    void takesSavedSitesWithTheirRecord();
};

void TestVerifyInput::readsQuotedFields()
{
    const VerificationInputs inputs =
        VerificationCsv::parse("\xEF\xBB\xBF" // a byte order mark, as spreadsheets write
                               "expected_name, PMS_ID ,pms,notes\n"
                               "\"Smith, Jones \"\"and\"\" Partners\",BP-1,Best Practice,x\n"
                               "\"Two\nlines\",\"ZM-2\",zedmed,\"a, b\"\r\n"
                               "\n"
                               "Plain,D4W-3,D4W,\n");
    QVERIFY2(inputs.usageError.isEmpty(), qPrintable(inputs.usageError));
    QCOMPARE(inputs.rows.size(), 3);
    QCOMPARE(inputs.rows.at(0).expectedName, QStringLiteral("Smith, Jones \"and\" Partners"));
    QCOMPARE(inputs.rows.at(0).pmsId, QStringLiteral("BP-1"));
    QCOMPARE(inputs.rows.at(0).pmsType, QStringLiteral("BestPractice"));
    QCOMPARE(inputs.rows.at(0).line, 2);
    QVERIFY(inputs.rows.at(0).canBeChecked());
    QCOMPARE(inputs.rows.at(1).expectedName, QStringLiteral("Two\nlines"));
    QCOMPARE(inputs.rows.at(1).pmsType, QStringLiteral("Zedmed"));
    QCOMPARE(inputs.rows.at(1).line, 3);
    // The quoted line break counts: the row after the blank line starts on line 6.
    QCOMPARE(inputs.rows.at(2).line, 6);
    QCOMPARE(inputs.rows.at(2).pmsType, QStringLiteral("D4w"));
    QVERIFY(inputs.rows.at(2).expectedGuid.isEmpty());
}

void TestVerifyInput::acceptsPmsNamesAsPeopleWriteThem_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("type");
    QTest::newRow("BestPractice") << "BestPractice"
                                  << "BestPractice";
    QTest::newRow("Best Practice") << "Best Practice"
                                   << "BestPractice";
    QTest::newRow("best  practice") << " best  practice "
                                    << "BestPractice";
    QTest::newRow("ZEDMED") << "ZEDMED"
                            << "Zedmed";
    QTest::newRow("d4w") << "d4w"
                         << "D4w";
    QTest::newRow("Medical Director") << "Medical Director"
                                      << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestVerifyInput::acceptsPmsNamesAsPeopleWriteThem()
{
    QFETCH(QString, given);
    QFETCH(QString, type);
    QCOMPARE(VerificationCsv::pmsTypeFor(given), type);
}

void TestVerifyInput::badRowsNameTheirLineAndTheRestStays()
{
    const VerificationInputs inputs = VerificationCsv::parse(
        "pms,pms_id,expected_guid,expected_name\n"
        "Best Practice,BP-1,3F6C2A1E-8B4D-4C7A-9E21-5D0B7F3A9C14,\n" // 2: fine, GUID normalised
        "Medical Director,MD-9,,\n"                                  // 3: unknown PMS
        "Zedmed,,,\n"                                                // 4: empty PMS ID
        "Zedmed,ZM-1,not-a-guid,\n"                                  // 5: bad GUID
        "Zedmed,Z\"M,,\n"                                            // 6: stray quote
        "D4w,D4W-1,,name,extra\n"                                    // 7: too many fields
        ",D4W-2,,\n"                                                 // 8: no PMS
        "D4w,D4W-3,,\"last\n");                                      // 9: never closed
    QVERIFY(inputs.usageError.isEmpty());
    QCOMPARE(inputs.rows.size(), 8);
    QVERIFY(inputs.rows.at(0).canBeChecked());
    QCOMPARE(inputs.rows.at(0).expectedGuid,
             QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"));
    const QStringList words{QStringLiteral("is not a PMS"),    QStringLiteral("PMS ID is empty"),
                            QStringLiteral("not a Halo GUID"), QStringLiteral("double quote"),
                            QStringLiteral("5 fields"),        QStringLiteral("PMS is empty"),
                            QStringLiteral("never closed")};
    for (int i = 1; i < inputs.rows.size(); ++i) {
        const Halo::VerificationInput &row = inputs.rows.at(i);
        QVERIFY(!row.canBeChecked());
        QCOMPARE(row.line, i + 2);
        QVERIFY2(row.problem.startsWith(QStringLiteral("line %1: ").arg(i + 2)),
                 qPrintable(row.problem));
        QVERIFY2(row.problem.contains(words.at(i - 1)), qPrintable(row.problem));
    }
    QCOMPARE(inputs.rows.at(1).pms, QStringLiteral("Medical Director")); // kept for the output
}

void TestVerifyInput::refusesAHeaderWithoutRequiredColumns_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("blank lines") << QByteArray("\n\r\n") << "empty";
    QTest::newRow("no pms_id") << QByteArray("pms,expected_guid\nZedmed,\n") << "pms_id";
    QTest::newRow("no header") << QByteArray("Zedmed,ZM-1\n") << "pms";
    QTest::newRow("broken header") << QByteArray("pms,\"pms_id\n") << "header";
}

void TestVerifyInput::refusesAHeaderWithoutRequiredColumns()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, says);
    const VerificationInputs inputs = VerificationCsv::parse(csv);
    QVERIFY(inputs.rows.isEmpty());
    QVERIFY2(inputs.usageError.contains(says), qPrintable(inputs.usageError));
}

void TestVerifyInput::readsAFileAndSaysWhenItCannot()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sites.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("pms,pms_id\nZedmed,ZM-0716\n");
    file.close();
    const VerificationInputs inputs = VerificationCsv::readFile(path);
    QCOMPARE(inputs.rows.size(), 1);
    QCOMPARE(inputs.rows.first().pmsId, QStringLiteral("ZM-0716"));
    const VerificationInputs missing = VerificationCsv::readFile(dir.filePath("nope.csv"));
    QVERIFY(missing.usageError.contains(QLatin1String("nope.csv")));
}

void TestVerifyInput::takesSavedSitesWithTheirRecord()
{
    Halo::SiteRecord site;
    site.environment = QStringLiteral("stage");
    site.guid = QStringLiteral("3F6C2A1E-8B4D-4C7A-9E21-5D0B7F3A9C14");
    site.pmsType = QStringLiteral("BestPractice");
    site.pmsId = QStringLiteral(" BP-20431 ");
    site.recorded.practiceName = QStringLiteral("Harbourside Family Medical");
    site.recorded.pmsVersion = QStringLiteral("1.2");
    Halo::SiteRecord broken = site;
    broken.pmsId.clear();
    const QList<Halo::VerificationInput> rows = Halo::verificationInputsFrom({site, broken});
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).pmsId, QStringLiteral("BP-20431"));
    QCOMPARE(rows.at(0).expectedGuid, QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"));
    QCOMPARE(rows.at(0).expectedName, site.recorded.practiceName);
    QVERIFY(rows.at(0).recorded.has_value());
    QCOMPARE(rows.at(0).recorded->pmsVersion, QStringLiteral("1.2"));
    QVERIFY(rows.at(0).canBeChecked());
    QVERIFY(!rows.at(1).canBeChecked());
    QVERIFY(rows.at(1).problem.contains(QLatin1String("no PMS ID")));
}

QTEST_GUILESS_MAIN(TestVerifyInput)
#include "tst_verify_input.moc"
