// SPDX-License-Identifier: GPL-3.0-or-later
// FhirFacade called directly (no HTTP): the CapabilityStatement, reads, $summary and the shapes
// of the resources, and what a site without FHIR or an unknown resource gets. Searches are
// tst_fhirfacade_search, paging tst_fhirfacade_paging.
#include "FailOnWarning.h"
#include "FhirFacadeRig.h"

using namespace Sandbox;
using namespace FhirFacadeTesting;

class TestFhirFacade : public QObject, public FhirFacadeRig
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void capabilityStatement();
    void readAndNotFound();
    void patientSummary();
    void unknownResource();
    void siteWithoutFhir();
    void richPatient();
    void otherResourceTypes();
};

void TestFhirFacade::initTestCase()
{
    findSites();
}

void TestFhirFacade::capabilityStatement()
{
    const FhirReply reply = get(QStringLiteral("metadata"));
    QCOMPARE(reply.httpStatus, 200);
    QVERIFY(!reply.body.contains('\n')); // compact
    const QJsonObject statement = parse(reply);
    QCOMPARE(statement[QStringLiteral("resourceType")].toString(),
             QStringLiteral("CapabilityStatement"));
    QCOMPARE(statement[QStringLiteral("id")].toString(), m_bp->guid);
    QCOMPARE(statement[QStringLiteral("version")].toString(), m_bp->haloLinkVersion);
    QCOMPARE(statement[QStringLiteral("fhirVersion")].toString(), QStringLiteral("4.0.1"));
    QCOMPARE(statement[QStringLiteral("kind")].toString(), QStringLiteral("instance"));
    QVERIFY(statement[QStringLiteral("publisher")].toString() !=
            QLatin1String("Halo Connect Pty Ltd"));
    QCOMPARE(statement[QStringLiteral("rest")][0][QStringLiteral("mode")].toString(),
             QStringLiteral("server"));

    const QHash<QString, QStringList> expected{
        {QStringLiteral("Patient"),
         {"_id", "family", "given", "name", "birthdate", "gender", "identifier", "active", "_count",
          "_sort"}},
        {QStringLiteral("Practitioner"),
         {"_id", "family", "given", "name", "identifier", "active", "_count"}},
        {QStringLiteral("Organization"), {"_id", "name", "_count"}},
        {QStringLiteral("AllergyIntolerance"), {"_id", "patient", "criticality", "_count"}},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QJsonObject resource = capabilityResource(statement, it.key());
        QVERIFY2(!resource.isEmpty(), qPrintable(it.key()));
        QVERIFY(resource[QStringLiteral("profile")].toString().startsWith(
            QLatin1String("http://hl7.org.au/fhir/")));
        const QStringList params = names(resource[QStringLiteral("searchParam")].toArray());
        for (const QString &param : it.value())
            QVERIFY2(params.contains(param), qPrintable(it.key() + QLatin1Char(' ') + param));
        for (const QJsonValue &param : resource[QStringLiteral("searchParam")].toArray())
            QVERIFY(!param[QStringLiteral("type")].toString().isEmpty());
        QStringList interactions;
        for (const QJsonValue &interaction : resource[QStringLiteral("interaction")].toArray())
            interactions.append(interaction[QStringLiteral("code")].toString());
        QCOMPARE(interactions, (QStringList{"read", "search-type"}));
    }
    const QJsonObject patient = capabilityResource(statement, QStringLiteral("Patient"));
    QCOMPARE(patient[QStringLiteral("profile")].toString(),
             QStringLiteral("http://hl7.org.au/fhir/StructureDefinition/au-patient"));
    QCOMPARE(patient[QStringLiteral("operation")][0][QStringLiteral("name")].toString(),
             QStringLiteral("summary"));
}

void TestFhirFacade::readAndNotFound()
{
    const FhirReply reply = get(QStringLiteral("Patient/2"));
    QCOMPARE(reply.httpStatus, 200);
    const QJsonObject patient = parse(reply);
    QCOMPARE(patient[QStringLiteral("resourceType")].toString(), QStringLiteral("Patient"));
    QCOMPARE(patient[QStringLiteral("id")].toString(), QStringLiteral("2"));
    QCOMPARE(patient[QStringLiteral("meta")][QStringLiteral("profile")][0].toString(),
             QStringLiteral("http://hl7.org.au/fhir/StructureDefinition/au-patient"));
    QVERIFY(!identifierWithSystem(patient, MrnSystem).isEmpty());

    checkOutcome(get(QStringLiteral("Patient/999999")), 404, QStringLiteral("not-found"),
                 QStringLiteral("Patient/999999"));
    checkOutcome(get(QStringLiteral("Patient/abc")), 404, QStringLiteral("not-found"),
                 QStringLiteral("abc"));
    checkOutcome(get(QStringLiteral("Patient/1/$everything")), 400, QStringLiteral("not-supported"),
                 QStringLiteral("$everything"));
    checkOutcome(get(QString()), 400, QStringLiteral("processing"),
                 QStringLiteral("Unable to parse Resource URL"));
    checkOutcome(get(QStringLiteral("Patient/$summary")), 400, QStringLiteral("not-supported"),
                 QStringLiteral("Patient/{id}/$summary"));
    checkOutcome(get(QStringLiteral("Patient/_search"), QStringLiteral("family=Smith")), 405,
                 QStringLiteral("not-supported"), QStringLiteral("POST"));
    checkOutcome(get(QStringLiteral("Patient/1"), QStringLiteral("_format=xml")), 406,
                 QStringLiteral("not-supported"), QStringLiteral("JSON"));
    QCOMPARE(get(QStringLiteral("Patient/1/"), QStringLiteral("_format=json")).httpStatus, 200);
}

void TestFhirFacade::patientSummary()
{
    const FhirReply reply = get(QStringLiteral("Patient/1/$summary"));
    QCOMPARE(reply.httpStatus, 200);
    const QJsonObject bundle = parse(reply);
    QCOMPARE(bundle[QStringLiteral("resourceType")].toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle[QStringLiteral("type")].toString(), QStringLiteral("collection"));
    const QJsonObject patient = resourceAt(bundle, 0);
    QCOMPARE(patient[QStringLiteral("resourceType")].toString(), QStringLiteral("Patient"));
    QCOMPARE(patient[QStringLiteral("id")].toString(), QStringLiteral("1"));
    int allergies = 0;
    bool practitioner = false;
    for (const QJsonValue &entry : entries(bundle)) {
        const QJsonObject resource = entry[QStringLiteral("resource")].toObject();
        const QString type = resource[QStringLiteral("resourceType")].toString();
        if (type == QLatin1String("AllergyIntolerance")) {
            ++allergies;
            QCOMPARE(resource[QStringLiteral("patient")][QStringLiteral("reference")].toString(),
                     QStringLiteral("Patient/1"));
        }
        practitioner = practitioner || type == QLatin1String("Practitioner");
    }
    QVERIFY(allergies >= 1);
    QVERIFY(practitioner);
    checkOutcome(get(QStringLiteral("Patient/999999/$summary")), 404, QStringLiteral("not-found"),
                 QStringLiteral("999999"));
}

void TestFhirFacade::richPatient()
{
    const FhirReply reply = get(QStringLiteral("Patient/1"));
    QCOMPARE(reply.httpStatus, 200);
    const QJsonObject patient = parse(reply);
    QVERIFY(patient[QStringLiteral("name")].toArray().size() >= 2);
    QVERIFY(patient[QStringLiteral("identifier")].toArray().size() >= 3);
    QVERIFY(!patient[QStringLiteral("contained")].toArray().isEmpty());
    QVERIFY(patient[QStringLiteral("text")][QStringLiteral("div")].toString().startsWith(
        QLatin1String("<div xmlns=\"http://www.w3.org/1999/xhtml\">")));

    // The contained resource is referenced from the patient.
    const QString containedId =
        patient[QStringLiteral("contained")][0][QStringLiteral("id")].toString();
    bool referenced = false;
    for (const QJsonValue &gp : patient[QStringLiteral("generalPractitioner")].toArray())
        referenced = referenced ||
                     gp[QStringLiteral("reference")].toString() == QLatin1Char('#') + containedId;
    QVERIFY(referenced);

    bool indigenous = false;
    bool nested = false;
    for (const QJsonValue &extension : patient[QStringLiteral("extension")].toArray()) {
        const QString url = extension[QStringLiteral("url")].toString();
        if (url == QLatin1String("http://hl7.org.au/fhir/StructureDefinition/indigenous-status")) {
            indigenous = true;
            QCOMPARE(extension[QStringLiteral("valueCoding")][QStringLiteral("system")].toString(),
                     QStringLiteral("https://healthterminologies.gov.au/fhir/CodeSystem/"
                                    "australian-indigenous-status-1"));
        }
        nested = nested || !extension[QStringLiteral("extension")].toArray().isEmpty();
    }
    QVERIFY(indigenous);
    QVERIFY(nested);

    const QJsonObject medicare = identifierWithSystem(patient, MedicareSystem);
    QCOMPARE(medicare[QStringLiteral("type")][QStringLiteral("coding")][0][QStringLiteral("code")]
                 .toString(),
             QStringLiteral("MC"));
    QCOMPARE(medicare[QStringLiteral("value")].toString().size(), 11); // card number + IRN
    QCOMPARE(patient[QStringLiteral("gender")].toString(), QStringLiteral("female"));
    QCOMPARE(patient[QStringLiteral("address")][0][QStringLiteral("country")].toString(),
             QStringLiteral("AU"));
}

void TestFhirFacade::otherResourceTypes()
{
    const QJsonObject practitioner = parse(get(QStringLiteral("Practitioner/1")));
    QCOMPARE(practitioner[QStringLiteral("resourceType")].toString(),
             QStringLiteral("Practitioner"));
    const QJsonObject providerNumber = identifierWithSystem(
        practitioner,
        QStringLiteral("http://ns.electronichealth.net.au/id/medicare-provider-number"));
    QVERIFY(!providerNumber.isEmpty());
    const QString family =
        practitioner[QStringLiteral("name")][0][QStringLiteral("family")].toString();
    const QJsonObject byFamily = parse(get(
        QStringLiteral("Practitioner"),
        QStringLiteral("family:exact=") + QString::fromLatin1(QUrl::toPercentEncoding(family))));
    QVERIFY(entryIds(byFamily).contains(QStringLiteral("1")));
    for (const QJsonValue &entry : entries(byFamily))
        QVERIFY(hasFamily(entry[QStringLiteral("resource")].toObject(), family));
    const QJsonObject byNumber = parse(
        get(QStringLiteral("Practitioner"),
            QStringLiteral("identifier=") + providerNumber[QStringLiteral("value")].toString()));
    QCOMPARE(entryIds(byNumber), QStringList{QStringLiteral("1")});

    const QJsonObject inactive =
        parse(get(QStringLiteral("Practitioner"), QStringLiteral("active=false&_count=100")));
    QVERIFY(inactive[QStringLiteral("total")].toInteger() >= 1);
    for (const QJsonValue &entry : entries(inactive))
        QCOMPARE(entry[QStringLiteral("resource")][QStringLiteral("active")].toBool(), false);

    const QJsonObject organization = parse(get(QStringLiteral("Organization/1")));
    QCOMPARE(organization[QStringLiteral("resourceType")].toString(),
             QStringLiteral("Organization"));
    QCOMPARE(organization[QStringLiteral("name")].toString(), m_bp->practiceName);
    QCOMPARE(organization[QStringLiteral("identifier")][0][QStringLiteral("system")].toString(),
             QStringLiteral("http://hl7.org.au/id/abn"));
    const QString word = m_bp->practiceName.section(QLatin1Char(' '), -1).toLower();
    QCOMPARE(entryIds(parse(get(QStringLiteral("Organization"),
                                QStringLiteral("name=") +
                                    QString::fromLatin1(QUrl::toPercentEncoding(word))))),
             QStringList{QStringLiteral("1")});

    const QJsonObject allergies =
        parse(get(QStringLiteral("AllergyIntolerance"), QStringLiteral("patient=Patient/1")));
    QVERIFY(allergies[QStringLiteral("total")].toInteger() >= 1);
    for (const QJsonValue &entry : entries(allergies)) {
        QCOMPARE(entry[QStringLiteral("resource")][QStringLiteral("patient")]
                      [QStringLiteral("reference")]
                          .toString(),
                 QStringLiteral("Patient/1"));
    }
    const QJsonObject high = parse(
        get(QStringLiteral("AllergyIntolerance"), QStringLiteral("patient=1&criticality=high")));
    QVERIFY(high[QStringLiteral("total")].toInteger() >= 1);
    QVERIFY(high[QStringLiteral("total")].toInteger() <=
            allergies[QStringLiteral("total")].toInteger());
    for (const QJsonValue &entry : entries(high)) {
        QCOMPARE(entry[QStringLiteral("resource")][QStringLiteral("criticality")].toString(),
                 QStringLiteral("high"));
    }
    const QJsonObject allergy = resourceAt(allergies, 0);
    QCOMPARE(allergy[QStringLiteral("clinicalStatus")][QStringLiteral("coding")][0]
                    [QStringLiteral("code")]
                        .toString(),
             QStringLiteral("active"));
    QVERIFY(!allergy[QStringLiteral("code")][QStringLiteral("text")].toString().isEmpty());
}

void TestFhirFacade::unknownResource()
{
    checkOutcome(get(QStringLiteral("Foo")), 404, QStringLiteral("not-supported"),
                 QStringLiteral("Resource type 'Foo' is not supported"));
    checkOutcome(get(QStringLiteral("Foo/1")), 404, QStringLiteral("not-supported"),
                 QStringLiteral("'Foo'"));
    checkOutcome(m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Foo"), QByteArray()), 404,
                 QStringLiteral("not-supported"), QStringLiteral("'Foo'"));
}

void TestFhirFacade::siteWithoutFhir()
{
    const QString base = baseFor(*m_zedmed);
    checkOutcome(m_fhir.get(*m_zedmed, base, QStringLiteral("metadata"), QUrlQuery()), 400,
                 QStringLiteral("not-supported"), QStringLiteral("Best Practice"));
    checkOutcome(m_fhir.get(*m_zedmed, base, QStringLiteral("Patient"), QUrlQuery()), 400,
                 QStringLiteral("not-supported"), QStringLiteral("Best Practice"));
    checkOutcome(m_fhir.postSearch(*m_zedmed, base, QStringLiteral("Patient"), "family=Smith"), 400,
                 QStringLiteral("not-supported"), QStringLiteral("Best Practice"));
}

QTEST_GUILESS_MAIN(TestFhirFacade)
#include "tst_fhirfacade.moc"
