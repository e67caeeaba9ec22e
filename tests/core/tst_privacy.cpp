// SPDX-License-Identifier: GPL-3.0-or-later
// Privacy mode's rules: which SQL columns and FHIR elements are patient data; the mask model
// hides those columns' cells and nothing else, leaving the source as it is; JSON shown as text
// and logged bodies hide patient values (or the whole body when it cannot be masked member by
// member); the mode is remembered per environment.
#include "FailOnWarning.h"
#include "ResultTables.h"
#include "fhir/FhirEntryTableModel.h"
#include "fhir/FhirResponse.h"
#include "net/RequestLog.h"
#include "net/RequestLogModel.h"
#include "privacy/JsonMasking.h"
#include "privacy/PatientDataMaskModel.h"
#include "privacy/PatientDataRules.h"
#include "privacy/PrivacyMode.h"
#include "results/ResultTable.h"
#include "results/ResultTableModel.h"
#include "storage/AppSettings.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Halo;

namespace {

const QString kSurname = QStringLiteral("Quexley-Marchbanks");

ResultTable patientTable()
{
    return tableFrom("[{\"id\": 7, \"Surname\": \"Quexley-Marchbanks\", \"DOB\": \"1984-02-29\", "
                     "\"balance\": 12.5, \"MedicareNo\": \"2953172071\"}]");
}

QJsonObject patientResource()
{
    const QJsonObject medicare{{"system", "http://ns.electronichealth.net.au/id/medicare-number"},
                               {"value", "2953172071"}};
    return QJsonObject{
        {"resourceType", "Patient"},
        {"id", "7"},
        {"gender", "female"},
        {"name", QJsonArray{QJsonObject{{"family", kSurname},
                                        {"given", QJsonArray{QStringLiteral("Zo\u00eb")}}}}},
        {"birthDate", "1984-02-29"},
        {"identifier", QJsonArray{medicare}},
        {"text", QJsonObject{{"status", "generated"},
                             {"div", QStringLiteral("<div>%1</div>").arg(kSurname)}}},
    };
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void columnNamesThatArePatientData_data();
    void columnNamesThatArePatientData();
    void fhirElementsThatArePatientData_data();
    void fhirElementsThatArePatientData();
    void summariesThatMayShowPatientData();
    void maskModelHidesOnlyPatientColumns();
    void maskModelFollowsColumnsOfANewResult();
    void fhirTableSaysWhichColumnsArePatientData();
    void fhirJsonIsMaskedUnderPatientElements();
    void logBodiesAreMaskedOrHiddenWhole();
    void searchUrlsHidePatientValues();
    void privacyModeIsRememberedPerEnvironment();

private:
    QTemporaryDir m_dir;
};

void TestPrivacy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorerTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_privacy"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
}

void TestPrivacy::init()
{
    HaloTest::failOnWarnings();
    QSettings().clear();
}

void TestPrivacy::columnNamesThatArePatientData_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("patient");
    const QStringList patient{"first_name",  "FirstName",     "FIRSTNAME",    "surname",
                              "Surname",     "given_name",    "familyName",   "preferred_name",
                              "middle_name", "name",          "PatientName",  "dob",
                              "DOB",         "date_of_birth", "DateOfBirth",  "birthdate",
                              "BirthDate",   "address_line1", "Address",      "street",
                              "suburb",      "postcode",      "phone_mobile", "HomePhone",
                              "workphone",   "mobile",        "email",        "EmailAddress",
                              "medicare_no", "MedicareNo",    "medicare_irn", "ihi",
                              "IHI",         "dva_no",        "notes",        "Comment"};
    for (const QString &name : patient)
        QTest::addRow("%s", qPrintable(name)) << name << true;
    const QStringList other{"id",          "patient_id",   "balance",      "is_active",
                            "created_at",  "sex",          "status",       "table_name",
                            "column_name", "PracticeName", "duration_min", "provider_no"};
    for (const QString &name : other)
        QTest::addRow("%s", qPrintable(name)) << name << false;
}

void TestPrivacy::columnNamesThatArePatientData()
{
    QFETCH(QString, column);
    QFETCH(bool, patient);
    QCOMPARE(PatientDataRules::isPatientColumn(column), patient);
}

void TestPrivacy::fhirElementsThatArePatientData_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("patient");
    QTest::newRow("family") << "Patient.name[0].family" << true;
    QTest::newRow("name") << "Patient.name" << true;
    QTest::newRow("birthDate") << "Patient.birthDate" << true;
    QTest::newRow("address") << "Patient.address[0].line[1]" << true;
    QTest::newRow("telecom") << "Patient.telecom[0].value" << true;
    QTest::newRow("identifier") << "Patient.identifier[1].value" << true;
    QTest::newRow("note") << "AllergyIntolerance.note[0].text" << true;
    QTest::newRow("narrative") << "Patient.text.div" << true;
    QTest::newRow("in a bundle") << "Bundle.entry[0].resource.name[0].given[0]" << true;
    QTest::newRow("extension") << "Patient.extension[1].extension[1].valuePeriod.start" << true;
    QTest::newRow("id") << "Patient.id" << false;
    QTest::newRow("gender") << "Patient.gender" << false;
    QTest::newRow("reference") << "AllergyIntolerance.patient.reference" << false;
    QTest::newRow("bundle total") << "Bundle.total" << false;
}

void TestPrivacy::fhirElementsThatArePatientData()
{
    QFETCH(QString, path);
    QFETCH(bool, patient);
    QCOMPARE(PatientDataRules::isPatientElement(path), patient);
}

void TestPrivacy::summariesThatMayShowPatientData()
{
    // A reference with its display, a HumanName: their one-line summaries name the patient.
    QVERIFY(PatientDataRules::summaryMayShowPatientData(
        QJsonObject{{"reference", "Patient/7"}, {"display", kSurname}}));
    QVERIFY(PatientDataRules::summaryMayShowPatientData(QJsonObject{{"family", kSurname}}));
    // A resource is summarised as Type/id; a coding without a display says nothing of anyone.
    QVERIFY(!PatientDataRules::summaryMayShowPatientData(patientResource()));
    QVERIFY(
        !PatientDataRules::summaryMayShowPatientData(QJsonObject{{"reference", "Practitioner/2"}}));
}

void TestPrivacy::maskModelHidesOnlyPatientColumns()
{
    ResultTableModel source;
    PatientDataMaskModel mask;
    QAbstractItemModelTester tester(&mask, QAbstractItemModelTester::FailureReportingMode::QtTest);
    mask.setSourceModel(&source);
    source.setTable(patientTable());
    QCOMPARE(mask.patientColumnNames(),
             (QStringList{QStringLiteral("Surname"), QStringLiteral("DOB"),
                          QStringLiteral("MedicareNo")}));
    QCOMPARE(mask.patientColumnNames({0, 1, 3}), QStringList{QStringLiteral("Surname")});

    // Off: every value as the source has it.
    QCOMPARE(mask.index(0, 1).data().toString(), kSurname);

    QSignalSpy changed(&mask, &QAbstractItemModel::dataChanged);
    mask.setMasking(true);
    QCOMPARE(changed.count(), 1);
    for (int column : {1, 2, 4}) {
        for (int role : {int(Qt::DisplayRole), int(Qt::EditRole), int(Qt::ToolTipRole)})
            QCOMPARE(mask.index(0, column).data(role).toString(), PatientDataRules::maskedText());
    }
    QCOMPARE(mask.index(0, 0).data().toString(), QStringLiteral("7"));
    QCOMPARE(mask.index(0, 3).data().toString(), source.index(0, 3).data().toString());
    // The source is untouched: copies and exports read it.
    QCOMPARE(source.index(0, 1).data().toString(), kSurname);

    mask.setMasking(false);
    QCOMPARE(mask.index(0, 1).data().toString(), kSurname);
}

void TestPrivacy::maskModelFollowsColumnsOfANewResult()
{
    ResultTableModel source;
    PatientDataMaskModel mask;
    mask.setSourceModel(&source);
    mask.setMasking(true);
    source.setTable(tableFrom("[{\"status\": \"Booked\"}]"));
    QCOMPARE(mask.index(0, 0).data().toString(), QStringLiteral("Booked"));

    source.setTable(patientTable());
    QVERIFY(mask.isPatientColumn(1));
    QVERIFY(!mask.isPatientColumn(0));
    QCOMPARE(mask.index(0, 1).data().toString(), PatientDataRules::maskedText());
}

void TestPrivacy::fhirTableSaysWhichColumnsArePatientData()
{
    FhirEntry entry;
    entry.resourceType = QStringLiteral("Patient");
    entry.id = QStringLiteral("7");
    entry.resource = patientResource();
    FhirEntryTableModel source;
    source.setEntries({entry});
    PatientDataMaskModel mask;
    mask.setSourceModel(&source);
    mask.setMasking(true);
    QStringList shown;
    for (int column = 0; column < mask.columnCount(); ++column)
        shown << mask.index(0, column).data().toString();
    QVERIFY2(!shown.join(QLatin1Char(' ')).contains(kSurname), qPrintable(shown.join('|')));
    QVERIFY(!shown.contains(QStringLiteral("1984-02-29")));
    QVERIFY(shown.contains(QStringLiteral("7")));      // the id
    QVERIFY(shown.contains(QStringLiteral("female"))); // the gender
    QVERIFY(mask.patientColumnNames().contains(source.headerData(1, Qt::Horizontal).toString()));
}

void TestPrivacy::fhirJsonIsMaskedUnderPatientElements()
{
    int masked = 0;
    const QJsonObject json = JsonMasking::maskFhir(patientResource(), &masked).toObject();
    const QString text = QString::fromUtf8(QJsonDocument(json).toJson());
    QVERIFY2(!text.contains(kSurname), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("1984-02-29")));
    QVERIFY(!text.contains(QStringLiteral("2953172071")));
    QVERIFY(masked >= 5);
    QCOMPARE(json.value(QLatin1String("gender")).toString(), QStringLiteral("female"));
    QCOMPARE(json.value(QLatin1String("id")).toString(), QStringLiteral("7"));
    QCOMPARE(json.value(QLatin1String("name")).toArray().first().toObject().value("family"),
             QJsonValue(PatientDataRules::maskedText()));
}

void TestPrivacy::logBodiesAreMaskedOrHiddenWhole()
{
    // A query's request: the SQL and parameter values may name a patient.
    const QByteArray request =
        QJsonDocument(QJsonObject{{"command",
                                   QJsonObject{{"text", "SELECT * FROM patients WHERE surname = '" +
                                                            kSurname + "'"},
                                               {"executionMode", "immediate"},
                                               {"type", "sql"}}}})
            .toJson(QJsonDocument::Compact);
    const std::optional<QString> shownRequest = JsonMasking::maskedLogBody(request);
    QVERIFY(shownRequest);
    QVERIFY(!shownRequest->contains(kSurname));
    QVERIFY(shownRequest->contains(QStringLiteral("immediate")));

    // A FHIR answer: patient elements masked, the rest shown.
    const std::optional<QString> shownPatient =
        JsonMasking::maskedLogBody(QJsonDocument(patientResource()).toJson());
    QVERIFY(shownPatient);
    QVERIFY(!shownPatient->contains(kSurname));
    QVERIFY(shownPatient->contains(QStringLiteral("female")));

    // Encoded rows, even short ones, cannot be masked member by member; nor can a cut-off body.
    const QByteArray rows = QJsonDocument(QJsonArray{QJsonObject{{"surname", kSurname}}}).toJson();
    const QByteArray answer =
        QJsonDocument(QJsonObject{
                          {"queryId", "2b1f8c1e-7d7e-4f7a-9a0c-1c6f6f0b2d11"},
                          {"result", QJsonObject{{"data", QString::fromLatin1(rows.toBase64())}}},
                      })
            .toJson();
    QVERIFY(!JsonMasking::maskedLogBody(answer));
    QVERIFY(!JsonMasking::maskedLogBody(request.left(40)));
    QVERIFY(!JsonMasking::maskedLogBody("Quexley-Marchbanks"));
}

void TestPrivacy::searchUrlsHidePatientValues()
{
    using namespace Halo::PatientDataRules;
    const QUrl search(QStringLiteral("https://api.example.net/integrator/sites/g/fhir/R4/"
                                     "Patient?family:exact=Quokkason&given=Zephyrine&birthdate="
                                     "ge1970-01-01&address-city=Wagga&_count=20&gender=female"));
    const QString shown = maskedUrl(search);
    for (const char *secret : {"Quokkason", "Zephyrine", "1970", "Wagga"})
        QVERIFY2(!shown.contains(QLatin1String(secret)), qPrintable(shown));
    for (const char *kept : {"_count=20", "gender=female", "/fhir/R4/Patient", "family:exact="})
        QVERIFY2(shown.contains(QLatin1String(kept)), qPrintable(shown));
    QVERIFY(shown.contains(maskedText()));
    // Nothing to hide: shown as it is.
    const QUrl read(QStringLiteral("https://api.example.net/integrator/sites/g/fhir/R4/Patient/1"));
    QCOMPARE(maskedUrl(read), read.toDisplayString());
    const QUrl lookUp(
        QStringLiteral("https://api.example.net/integrator/sites?"
                       "practiceManagementSiteId=BP-1&practiceManagementName=Zedmed"));
    QCOMPARE(maskedUrl(lookUp), lookUp.toDisplayString());

    // The log's URL column hides them while privacy mode is on, and only then.
    Halo::RequestLog log;
    Halo::LoggedExchange exchange;
    exchange.method = "GET";
    exchange.url = search;
    log.record(exchange);
    Halo::RequestLogModel model(&log);
    const QModelIndex url = model.index(0, Halo::RequestLogModel::UrlColumn);
    QVERIFY(url.data().toString().contains(QLatin1String("Quokkason")));
    model.setMasksPatientData(true);
    QVERIFY(!url.data().toString().contains(QLatin1String("Quokkason")));
    model.setMasksPatientData(false);
    QVERIFY(url.data().toString().contains(QLatin1String("Quokkason")));
}

void TestPrivacy::privacyModeIsRememberedPerEnvironment()
{
    {
        PrivacyMode mode;
        QVERIFY(!mode.isOn());
        QSignalSpy changed(&mode, &PrivacyMode::changed);
        mode.setEnvironment(Environment::Production);
        QCOMPARE(changed.count(), 0);
        mode.setOn(true);
        QCOMPARE(changed.count(), 1);
        QVERIFY(mode.isOn());
        mode.setEnvironment(Environment::Stage);
        QVERIFY(!mode.isOn());
        QCOMPARE(changed.count(), 2);
    }
    QSettings().sync();
    QVERIFY(AppSettings().privacyMode(Environment::Production));
    QVERIFY(!AppSettings().privacyMode(Environment::Stage));
    PrivacyMode later;
    later.setEnvironment(Environment::Production);
    QVERIFY(later.isOn());
}

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
