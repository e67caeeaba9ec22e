// FhirFacade called directly (no HTTP): CapabilityStatement, searches, paging links, POST
// _search, reads, $summary and OperationOutcomes, against the sample Best Practice site.
#include "FhirFacade.h"
#include "SampleSites.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <QtTest>

#include <algorithm>

using namespace Sandbox;

namespace {

const QString MedicareSystem =
    QStringLiteral("http://ns.electronichealth.net.au/id/medicare-number");
const QString IhiSystem = QStringLiteral("http://ns.electronichealth.net.au/id/hi/ihi/1.0");
const QString MrnSystem = QStringLiteral("http://sandbox.haloexplorer.example/patient-id");

const SampleSite *findSite(const QString &pmsType)
{
    for (const SampleSite &site : sampleSites()) {
        if (site.pmsType == pmsType && site.scenario == SiteScenario::Online)
            return &site;
    }
    return nullptr;
}

QString baseFor(const SampleSite &site)
{
    return QStringLiteral("http://127.0.0.1:8123/integrator/sites/%1/fhir/R4").arg(site.guid);
}

QJsonObject parse(const FhirReply &reply)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning() << "not a JSON object:" << reply.body.left(200);
    return document.object();
}

QString linkUrl(const QJsonObject &bundle, const QString &relation)
{
    for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link[QStringLiteral("relation")].toString() == relation)
            return link[QStringLiteral("url")].toString();
    }
    return {};
}

QJsonArray entries(const QJsonObject &bundle)
{
    return bundle.value(QStringLiteral("entry")).toArray();
}

QJsonObject resourceAt(const QJsonObject &bundle, int index)
{
    return entries(bundle).at(index)[QStringLiteral("resource")].toObject();
}

QStringList entryIds(const QJsonObject &bundle)
{
    QStringList ids;
    for (const QJsonValue &entry : entries(bundle))
        ids.append(entry[QStringLiteral("resource")][QStringLiteral("id")].toString());
    return ids;
}

QStringList names(const QJsonArray &array)
{
    QStringList result;
    for (const QJsonValue &value : array)
        result.append(value[QStringLiteral("name")].toString());
    return result;
}

QJsonObject capabilityResource(const QJsonObject &statement, const QString &type)
{
    const QJsonArray resources =
        statement[QStringLiteral("rest")][0][QStringLiteral("resource")].toArray();
    for (const QJsonValue &resource : resources) {
        if (resource[QStringLiteral("type")].toString() == type)
            return resource.toObject();
    }
    return {};
}

QJsonObject identifierWithSystem(const QJsonObject &resource, const QString &system)
{
    for (const QJsonValue &identifier : resource[QStringLiteral("identifier")].toArray()) {
        if (identifier[QStringLiteral("system")].toString() == system)
            return identifier.toObject();
    }
    return {};
}

bool hasFamily(const QJsonObject &resource, const QString &family)
{
    for (const QJsonValue &name : resource[QStringLiteral("name")].toArray()) {
        if (name[QStringLiteral("family")].toString() == family)
            return true;
    }
    return false;
}

} // namespace

class TestFhirFacade : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void capabilityStatement();
    void searchByFamily();
    void stringModifiers();
    void pagingVisitsEveryMatchOnce();
    void postSearchMatchesGet();
    void readAndNotFound();
    void patientSummary();
    void unknownParameter();
    void unknownResource();
    void siteWithoutFhir();
    void badValues_data();
    void badValues();
    void richPatient();
    void birthdatePrefixes_data();
    void birthdatePrefixes();
    void birthdateNotEqual();
    void identifierSearch();
    void otherResourceTypes();
    void sortAndOr();
    void unknownPagingToken();
    void reducedPageSizeNotice();

private:
    FhirReply get(const QString &path, const QString &query = {});
    FhirReply follow(const QString &url);
    QList<QJsonObject> allMatches(const QString &path, const QString &query, qint64 *total);
    void checkOutcome(const FhirReply &reply, int status, const QString &code,
                      const QString &textPart);

    FhirFacade m_fhir;
    const SampleSite *m_bp = nullptr;
    const SampleSite *m_zedmed = nullptr;
    QString m_base;
};

void TestFhirFacade::initTestCase()
{
    m_bp = findSite(QStringLiteral("BestPractice"));
    m_zedmed = findSite(QStringLiteral("Zedmed"));
    QVERIFY(m_bp);
    QVERIFY(m_zedmed);
    QVERIFY(m_bp->hasFhir());
    QVERIFY(!m_zedmed->hasFhir());
    m_base = baseFor(*m_bp);
}

FhirReply TestFhirFacade::get(const QString &path, const QString &query)
{
    return m_fhir.get(*m_bp, m_base, path, QUrlQuery(query));
}

// Follows a Bundle link the way a client would: same base, the link's query string.
FhirReply TestFhirFacade::follow(const QString &url)
{
    const QUrl link(url);
    const QUrl base(m_base);
    if (link.path() != base.path() || link.host() != base.host())
        qWarning() << "link outside the FHIR base:" << url;
    return m_fhir.get(*m_bp, m_base, QString(), QUrlQuery(link));
}

// Every match of a search, collected by following `next` links.
QList<QJsonObject> TestFhirFacade::allMatches(const QString &path, const QString &query,
                                              qint64 *total)
{
    QList<QJsonObject> resources;
    FhirReply reply = get(path, query);
    for (int guard = 0; guard < 1000; ++guard) {
        const QJsonObject bundle = parse(reply);
        if (reply.httpStatus != 200)
            return {};
        *total = bundle[QStringLiteral("total")].toInteger();
        for (const QJsonValue &entry : entries(bundle))
            resources.append(entry[QStringLiteral("resource")].toObject());
        const QString next = linkUrl(bundle, QStringLiteral("next"));
        if (next.isEmpty())
            break;
        reply = follow(next);
    }
    return resources;
}

void TestFhirFacade::checkOutcome(const FhirReply &reply, int status, const QString &code,
                                  const QString &textPart)
{
    QCOMPARE(reply.httpStatus, status);
    const QJsonObject outcome = parse(reply);
    QCOMPARE(outcome[QStringLiteral("resourceType")].toString(),
             QStringLiteral("OperationOutcome"));
    const QJsonObject issue = outcome[QStringLiteral("issue")][0].toObject();
    QCOMPARE(issue[QStringLiteral("severity")].toString(), QStringLiteral("error"));
    QCOMPARE(issue[QStringLiteral("code")].toString(), code);
    const QJsonObject details = issue[QStringLiteral("details")].toObject();
    QCOMPARE(details[QStringLiteral("coding")][0][QStringLiteral("system")].toString(),
             QStringLiteral("http://hl7.org/fhir/dotnet-api-operation-outcome"));
    QVERIFY(!details[QStringLiteral("coding")][0][QStringLiteral("code")].toString().isEmpty());
    const QString text = details[QStringLiteral("text")].toString();
    QVERIFY2(text.contains(textPart, Qt::CaseInsensitive), qPrintable(text));
    QVERIFY(!issue.contains(QStringLiteral("diagnostics")));
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

void TestFhirFacade::searchByFamily()
{
    const FhirReply reply = get(QStringLiteral("Patient"), QStringLiteral("family=Smith"));
    QCOMPARE(reply.httpStatus, 200);
    const QJsonObject bundle = parse(reply);
    QCOMPARE(bundle[QStringLiteral("resourceType")].toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle[QStringLiteral("type")].toString(), QStringLiteral("searchset"));
    QVERIFY(!bundle[QStringLiteral("id")].toString().isEmpty());
    QVERIFY(!bundle[QStringLiteral("meta")][QStringLiteral("lastUpdated")].toString().isEmpty());
    const qint64 total = bundle[QStringLiteral("total")].toInteger();
    QVERIFY(total >= 3);
    QCOMPARE(entries(bundle).size(), int(std::min<qint64>(total, 20)));
    for (const QJsonValue &entry : entries(bundle)) {
        const QJsonObject resource = entry[QStringLiteral("resource")].toObject();
        QCOMPARE(resource[QStringLiteral("resourceType")].toString(), QStringLiteral("Patient"));
        QVERIFY(resource[QStringLiteral("name")][0][QStringLiteral("family")].toString().startsWith(
            QLatin1String("Smith"), Qt::CaseInsensitive));
        QCOMPARE(entry[QStringLiteral("fullUrl")].toString(),
                 m_base + QStringLiteral("/Patient/") + resource[QStringLiteral("id")].toString());
        QCOMPARE(entry[QStringLiteral("search")][QStringLiteral("mode")].toString(),
                 QStringLiteral("match"));
    }
    QVERIFY(!linkUrl(bundle, QStringLiteral("self")).isEmpty());

    // Case-insensitive starts-with.
    const QJsonObject lower = parse(get(QStringLiteral("Patient"), QStringLiteral("family=smi")));
    QVERIFY(lower[QStringLiteral("total")].toInteger() >= total);
}

void TestFhirFacade::stringModifiers()
{
    const qint64 smiths =
        parse(get(QStringLiteral("Patient"), QStringLiteral("family=Smith")))["total"].toInteger();
    QCOMPARE(parse(get(QStringLiteral("Patient"), QStringLiteral("family:exact=Smith")))["total"]
                 .toInteger(),
             smiths);
    QCOMPARE(parse(get(QStringLiteral("Patient"), QStringLiteral("family:exact=smith")))["total"]
                 .toInteger(),
             0);
    QVERIFY(parse(get(QStringLiteral("Patient"), QStringLiteral("family:contains=mit")))["total"]
                .toInteger() >= smiths);
    // Apostrophes are data, not SQL.
    const QJsonObject obrien =
        parse(get(QStringLiteral("Patient"), QStringLiteral("family:exact=O%27Brien")));
    QVERIFY(entryIds(obrien).contains(QStringLiteral("1")));
    // Values are bound, never spliced into SQL.
    QCOMPARE(parse(get(QStringLiteral("Patient"),
                       QStringLiteral("family=x%27%20OR%201%3D1%20--")))["total"]
                 .toInteger(),
             0);
    // given also matches middle and preferred names; name matches any part.
    QVERIFY(entryIds(parse(get(QStringLiteral("Patient"), QStringLiteral("given=Mai"))))
                .contains(QStringLiteral("1")));
    QVERIFY(entryIds(parse(get(QStringLiteral("Patient"), QStringLiteral("name=o%27bri"))))
                .contains(QStringLiteral("1")));
    checkOutcome(get(QStringLiteral("Patient"), QStringLiteral("family:missing=true")), 400,
                 QStringLiteral("not-supported"), QStringLiteral("missing"));
}

void TestFhirFacade::pagingVisitsEveryMatchOnce()
{
    FhirReply reply = get(QStringLiteral("Patient"), QStringLiteral("gender=female&_count=37"));
    QCOMPARE(reply.httpStatus, 200);
    QJsonObject bundle = parse(reply);
    const qint64 total = bundle[QStringLiteral("total")].toInteger();
    QVERIFY(total > 37 * 3);
    QVERIFY(linkUrl(bundle, QStringLiteral("previous")).isEmpty());

    QList<QStringList> pages;
    QSet<QString> seen;
    for (int guard = 0; guard < 100; ++guard) {
        QCOMPARE(bundle[QStringLiteral("total")].toInteger(), total);
        const QStringList ids = entryIds(bundle);
        QVERIFY(ids.size() <= 37);
        for (const QString &id : ids) {
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
        }
        for (const QJsonValue &entry : entries(bundle)) {
            QCOMPARE(entry[QStringLiteral("resource")][QStringLiteral("gender")].toString(),
                     QStringLiteral("female"));
        }
        pages.append(ids);
        const QString next = linkUrl(bundle, QStringLiteral("next"));
        if (next.isEmpty())
            break;
        QVERIFY(next.startsWith(m_base + QLatin1Char('?')));
        QVERIFY(!next.contains(QLatin1String("female")));
        reply = follow(next);
        QCOMPARE(reply.httpStatus, 200);
        bundle = parse(reply);
    }
    QCOMPARE(qint64(seen.size()), total);
    QCOMPARE(pages.size(), int((total + 36) / 37));

    // Default order is by id, so the pages concatenate to ascending ids.
    QStringList all;
    for (const QStringList &page : pages)
        all += page;
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).toLongLong() < all.at(i).toLongLong());

    // Walk back with `previous`: the same pages in reverse.
    for (int index = pages.size() - 2; index >= 0; --index) {
        const QString previous = linkUrl(bundle, QStringLiteral("previous"));
        QVERIFY(!previous.isEmpty());
        reply = follow(previous);
        QCOMPARE(reply.httpStatus, 200);
        bundle = parse(reply);
        QCOMPARE(entryIds(bundle), pages.at(index));
    }
    QVERIFY(linkUrl(bundle, QStringLiteral("previous")).isEmpty());
}

void TestFhirFacade::postSearchMatchesGet()
{
    const QString query = QStringLiteral("family=Smith&given=&_count=2");
    const QJsonObject viaGet = parse(get(QStringLiteral("Patient"), query));
    const FhirReply postReply =
        m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Patient"), query.toUtf8());
    QCOMPARE(postReply.httpStatus, 200);
    const QJsonObject viaPost = parse(postReply);
    QCOMPARE(viaPost[QStringLiteral("total")].toInteger(),
             viaGet[QStringLiteral("total")].toInteger());
    QCOMPARE(entryIds(viaPost), entryIds(viaGet));

    for (const QJsonValue &link : viaPost[QStringLiteral("link")].toArray()) {
        const QString url = link[QStringLiteral("url")].toString();
        QVERIFY2(!url.contains(QLatin1String("Smith"), Qt::CaseInsensitive), qPrintable(url));
        QVERIFY2(!url.contains(QLatin1String("family")), qPrintable(url));
        QVERIFY2(url.contains(QLatin1String("_getpages=")), qPrintable(url));
    }

    // All pages of the POST search equal all pages of the GET search.
    QStringList postIds = entryIds(viaPost);
    QJsonObject bundle = viaPost;
    while (!linkUrl(bundle, QStringLiteral("next")).isEmpty()) {
        bundle = parse(follow(linkUrl(bundle, QStringLiteral("next"))));
        postIds += entryIds(bundle);
    }
    qint64 total = 0;
    QStringList getIds;
    for (const QJsonObject &resource :
         allMatches(QStringLiteral("Patient"), QStringLiteral("family=Smith"), &total))
        getIds.append(resource[QStringLiteral("id")].toString());
    QCOMPARE(postIds, getIds);
    QCOMPARE(qint64(postIds.size()), total);

    // Form encoding: '+' is a space and percent-escapes are decoded.
    const FhirReply encoded =
        m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Patient"),
                          QByteArrayLiteral("family=O%27Brien&given=Zo%C3%AB"));
    QCOMPARE(entryIds(parse(encoded)), QStringList{QStringLiteral("1")});
    checkOutcome(m_fhir.postSearch(*m_bp, m_base, QStringLiteral("Patient"),
                                   QByteArrayLiteral("colour+scheme=blue")),
                 400, QStringLiteral("not-supported"), QStringLiteral("colour scheme"));
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

void TestFhirFacade::unknownParameter()
{
    checkOutcome(get(QStringLiteral("Patient"), QStringLiteral("favouriteColour=blue")), 400,
                 QStringLiteral("not-supported"), QStringLiteral("favouriteColour"));
    checkOutcome(get(QStringLiteral("Organization"), QStringLiteral("family=Smith")), 400,
                 QStringLiteral("not-supported"), QStringLiteral("family"));
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

void TestFhirFacade::badValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("mentioned");
    QTest::newRow("birthdate text") << "Patient"
                                    << "birthdate=notadate"
                                    << "birthdate";
    QTest::newRow("birthdate month 13") << "Patient"
                                        << "birthdate=1980-13"
                                        << "birthdate";
    QTest::newRow("birthdate 30 Feb") << "Patient"
                                      << "birthdate=ge1980-02-30"
                                      << "birthdate";
    QTest::newRow("count text") << "Patient"
                                << "_count=abc"
                                << "_count";
    QTest::newRow("count negative") << "Patient"
                                    << "_count=-1"
                                    << "_count";
    QTest::newRow("gender") << "Patient"
                            << "gender=mal"
                            << "gender";
    QTest::newRow("active") << "Practitioner"
                            << "active=yes"
                            << "active";
    QTest::newRow("criticality") << "AllergyIntolerance"
                                 << "criticality=extreme"
                                 << "criticality";
}

void TestFhirFacade::badValues()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QString, mentioned);
    checkOutcome(get(path, query), 400, QStringLiteral("invalid"), mentioned);
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

void TestFhirFacade::birthdatePrefixes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("low");  // inclusive bound every match must satisfy
    QTest::addColumn<QString>("high"); // inclusive
    QTest::newRow("day") << "1984-02-29"
                         << "1984-02-29"
                         << "1984-02-29";
    QTest::newRow("eq month") << "eq1984-02"
                              << "1984-02-01"
                              << "1984-02-29";
    QTest::newRow("year") << "1984"
                          << "1984-01-01"
                          << "1984-12-31";
    QTest::newRow("lt") << "lt1932"
                        << "0000"
                        << "1931-12-31";
    QTest::newRow("le") << "le1932-03"
                        << "0000"
                        << "1932-03-31";
    QTest::newRow("gt") << "gt2024-05"
                        << "2024-06-01"
                        << "9999";
    QTest::newRow("ge") << "ge2024-05-15"
                        << "2024-05-15"
                        << "9999";
}

void TestFhirFacade::birthdatePrefixes()
{
    QFETCH(QString, value);
    QFETCH(QString, low);
    QFETCH(QString, high);
    qint64 total = -1;
    const QList<QJsonObject> matches =
        allMatches(QStringLiteral("Patient"), QStringLiteral("birthdate=") + value, &total);
    QVERIFY(total > 0);
    QCOMPARE(qint64(matches.size()), total);
    for (const QJsonObject &patient : matches) {
        const QString born = patient[QStringLiteral("birthDate")].toString();
        QVERIFY2(born >= low && born <= high, qPrintable(born));
    }
    if (value.endsWith(QLatin1String("1984-02-29")) || value == QLatin1String("1984")) {
        QVERIFY(std::any_of(matches.cbegin(), matches.cend(), [](const QJsonObject &p) {
            return p[QStringLiteral("id")].toString() == QLatin1String("1");
        }));
    }
}

void TestFhirFacade::birthdateNotEqual()
{
    const auto totalOf = [this](const QString &query) {
        return parse(get(QStringLiteral("Patient"), query))[QStringLiteral("total")].toInteger();
    };
    const qint64 in1984 = totalOf(QStringLiteral("birthdate=1984"));
    const qint64 notIn1984 = totalOf(QStringLiteral("birthdate=ne1984"));
    const qint64 all = totalOf(QString());
    QVERIFY(in1984 > 0);
    QCOMPARE(in1984 + notIn1984, all); // every sample patient has a birth date
    // Repeated parameters AND together: a range.
    const qint64 eighties = totalOf(QStringLiteral("birthdate=ge1980&birthdate=lt1990"));
    qint64 sum = 0;
    for (int year = 1980; year < 1990; ++year)
        sum += totalOf(QStringLiteral("birthdate=%1").arg(year));
    QCOMPARE(eighties, sum);
}

void TestFhirFacade::identifierSearch()
{
    const QJsonObject patient = parse(get(QStringLiteral("Patient/1")));
    const QString medicare =
        identifierWithSystem(patient, MedicareSystem)[QStringLiteral("value")].toString();
    const QString ihi =
        identifierWithSystem(patient, IhiSystem)[QStringLiteral("value")].toString();
    QCOMPARE(medicare.size(), 11);

    const auto ids = [this](const QString &identifier) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("identifier"),
                           QString::fromLatin1(QUrl::toPercentEncoding(identifier)));
        return entryIds(parse(m_fhir.get(*m_bp, m_base, QStringLiteral("Patient"), query)));
    };
    QVERIFY(ids(MedicareSystem + QLatin1Char('|') + medicare).contains(QStringLiteral("1")));
    QVERIFY(
        ids(MedicareSystem + QLatin1Char('|') + medicare.left(10)).contains(QStringLiteral("1")));
    QVERIFY(ids(medicare.left(10)).contains(QStringLiteral("1")));
    QCOMPARE(ids(IhiSystem + QLatin1Char('|') + ihi), QStringList{QStringLiteral("1")});
    QCOMPARE(ids(MrnSystem + QStringLiteral("|1")), QStringList{QStringLiteral("1")});
    QVERIFY(ids(QStringLiteral("http://example.org/other|") + medicare).isEmpty());
    QVERIFY(ids(IhiSystem + QLatin1Char('|') + medicare).isEmpty());
    // Each match carries the identifier searched for.
    for (const QString &id : ids(MedicareSystem + QLatin1Char('|') + medicare.left(10))) {
        const QJsonObject match = parse(get(QStringLiteral("Patient/") + id));
        QVERIFY(identifierWithSystem(match, MedicareSystem)[QStringLiteral("value")]
                    .toString()
                    .startsWith(medicare.left(10)));
    }
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

void TestFhirFacade::sortAndOr()
{
    qint64 total = 0;
    const QList<QJsonObject> sorted =
        allMatches(QStringLiteral("Patient"),
                   QStringLiteral("family=Smith&_sort=-birthdate&_count=2"), &total);
    QCOMPARE(qint64(sorted.size()), total);
    for (int i = 1; i < sorted.size(); ++i) {
        QVERIFY(sorted.at(i - 1)[QStringLiteral("birthDate")].toString() >=
                sorted.at(i)[QStringLiteral("birthDate")].toString());
    }
    checkOutcome(get(QStringLiteral("Patient"), QStringLiteral("_sort=colour")), 400,
                 QStringLiteral("not-supported"), QStringLiteral("colour"));

    const QJsonObject either =
        parse(get(QStringLiteral("Patient"), QStringLiteral("_id=1,2,99999")));
    QCOMPARE(entryIds(either), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    const QJsonObject none = parse(get(QStringLiteral("Patient"), QStringLiteral("_count=0")));
    QVERIFY(none[QStringLiteral("total")].toInteger() > 0);
    QVERIFY(entries(none).isEmpty());
}

void TestFhirFacade::unknownPagingToken()
{
    checkOutcome(
        get(QString(), QStringLiteral("_getpages=not-a-token&_getpagesoffset=20&_count=20")), 410,
        QStringLiteral("not-found"), QStringLiteral("expired"));

    // A token is only good for the site that made it.
    const QJsonObject bundle = parse(get(QStringLiteral("Patient"), QStringLiteral("_count=5")));
    const QUrl next(linkUrl(bundle, QStringLiteral("next")));
    QVERIFY(next.isValid());
    checkOutcome(m_fhir.get(*m_zedmed, baseFor(*m_zedmed), QString(), QUrlQuery(next)), 400,
                 QStringLiteral("not-supported"), QStringLiteral("Best Practice"));
    SampleSite otherBp = *m_bp;
    otherBp.guid = QStringLiteral("00000000-0000-0000-0000-000000000000");
    checkOutcome(m_fhir.get(otherBp, m_base, QString(), QUrlQuery(next)), 410,
                 QStringLiteral("not-found"), QStringLiteral("expired"));
}

// A search that runs, but not as asked, says so in an OperationOutcome entry of the Bundle.
void TestFhirFacade::reducedPageSizeNotice()
{
    const QJsonObject bundle =
        parse(get(QStringLiteral("Patient"), QStringLiteral("gender=female&_count=500")));
    const QJsonArray all = entries(bundle);
    QJsonObject notice;
    int matches = 0;
    for (const QJsonValue &entry : all) {
        const QString mode = entry[QStringLiteral("search")][QStringLiteral("mode")].toString();
        if (mode == QLatin1String("outcome"))
            notice = entry[QStringLiteral("resource")].toObject();
        else if (mode == QLatin1String("match"))
            ++matches;
    }
    QCOMPARE(matches, 100);
    QCOMPARE(notice[QStringLiteral("resourceType")].toString(), QStringLiteral("OperationOutcome"));
    const QJsonObject issue = notice[QStringLiteral("issue")][0].toObject();
    QCOMPARE(issue[QStringLiteral("severity")].toString(), QStringLiteral("information"));
    QCOMPARE(issue[QStringLiteral("code")].toString(), QStringLiteral("informational"));
    QVERIFY(issue[QStringLiteral("details")][QStringLiteral("text")].toString().contains(
        QLatin1String("_count=500")));

    // The next page is an ordinary one: the links carry the reduced size.
    const QString next = linkUrl(bundle, QStringLiteral("next"));
    QVERIFY(next.contains(QLatin1String("_count=100")));
    const QJsonObject second = parse(follow(next));
    for (const QJsonValue &entry : entries(second))
        QCOMPARE(entry[QStringLiteral("search")][QStringLiteral("mode")].toString(),
                 QStringLiteral("match"));
}

QTEST_GUILESS_MAIN(TestFhirFacade)
#include "tst_fhirfacade.moc"
