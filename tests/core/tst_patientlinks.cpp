// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of the SQL <-> FHIR hop for one patient: which columns hold the id, what counts as a
// FHIR id, the SQL for a patient's row, and the user's own column names kept in the settings.
#include "FailOnWarning.h"
#include "sql/PatientLinks.h"

#include <QCoreApplication>
#include <QSettings>
#include <QtTest>

using Halo::PatientLinks;

class TestPatientLinks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("halo-explorer-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_patientlinks"));
    }
    void init()
    {
        HaloTest::failOnWarnings();
        QSettings().clear();
    }

    void idColumnsMatchIgnoringCaseAndUnderscores();
    void onlyBestPracticeLinks();
    void cellsThatCannotBeAFhirIdAreRefused();
    void theSqlNamesTheRowByNumberOnly();
    void theUsersColumnNamesAreKept();
};

void TestPatientLinks::idColumnsMatchIgnoringCaseAndUnderscores()
{
    QVERIFY(PatientLinks::isIdColumn(QStringLiteral("InternalID")));
    QVERIFY(PatientLinks::isIdColumn(QStringLiteral("internalid")));
    QVERIFY(PatientLinks::isIdColumn(QStringLiteral("PATIENT_ID")));
    QVERIFY(PatientLinks::isIdColumn(QStringLiteral(" PatientID ")));
    QVERIFY(!PatientLinks::isIdColumn(QStringLiteral("id")));
    QVERIFY(!PatientLinks::isIdColumn(QStringLiteral("PatientIDs")));
    QVERIFY(!PatientLinks::isIdColumn(QStringLiteral("Surname")));
    QVERIFY(!PatientLinks::isIdColumn(QString()));
}

void TestPatientLinks::onlyBestPracticeLinks()
{
    QVERIFY(PatientLinks::linksPatients(QStringLiteral("BestPractice")));
    QVERIFY(!PatientLinks::linksPatients(QStringLiteral("Zedmed")));
    QVERIFY(!PatientLinks::linksPatients(QStringLiteral("D4w")));
    QVERIFY(PatientLinks::sqlForPatient(QStringLiteral("Zedmed"), QStringLiteral("7")).isEmpty());
}

void TestPatientLinks::cellsThatCannotBeAFhirIdAreRefused()
{
    QCOMPARE(PatientLinks::fhirIdFromCell(QStringLiteral(" 42 ")), QStringLiteral("42"));
    QCOMPARE(PatientLinks::fhirIdFromCell(QStringLiteral("a-1.B")), QStringLiteral("a-1.B"));
    QVERIFY(PatientLinks::fhirIdFromCell(QString()).isEmpty());
    QVERIFY(PatientLinks::fhirIdFromCell(QStringLiteral("1/2")).isEmpty());
    QVERIFY(PatientLinks::fhirIdFromCell(QStringLiteral("1?x=2")).isEmpty());
    QVERIFY(PatientLinks::fhirIdFromCell(QString(65, QLatin1Char('1'))).isEmpty());
}

void TestPatientLinks::theSqlNamesTheRowByNumberOnly()
{
    QCOMPARE(PatientLinks::sqlForPatient(QStringLiteral("BestPractice"), QStringLiteral("7")),
             QStringLiteral("SELECT * FROM BPS_Patients WHERE InternalID = 7"));
    QVERIFY(PatientLinks::sqlForPatient(QStringLiteral("BestPractice"), QStringLiteral("7 OR 1=1"))
                .isEmpty());
    QVERIFY(PatientLinks::sqlForPatient(QStringLiteral("BestPractice"), QStringLiteral("abc"))
                .isEmpty());
    QVERIFY(PatientLinks::sqlForPatient(QStringLiteral("BestPractice"), QStringLiteral("-3"))
                .isEmpty());
}

void TestPatientLinks::theUsersColumnNamesAreKept()
{
    QCOMPARE(PatientLinks::idColumns(), PatientLinks::defaultIdColumns());
    PatientLinks::setIdColumns({QStringLiteral(" PatNo, InternalID ,, patno")});
    QCOMPARE(PatientLinks::idColumns(),
             QStringList({QStringLiteral("PatNo"), QStringLiteral("InternalID")}));
    QVERIFY(PatientLinks::isIdColumn(QStringLiteral("pat_no")));
    QVERIFY(!PatientLinks::isIdColumn(QStringLiteral("PatientID")));
    PatientLinks::setIdColumns({QStringLiteral("  ")});
    QCOMPARE(PatientLinks::idColumns(), PatientLinks::defaultIdColumns());
}

QTEST_MAIN(TestPatientLinks)
#include "tst_patientlinks.moc"
