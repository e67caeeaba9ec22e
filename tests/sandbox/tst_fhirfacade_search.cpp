// SPDX-License-Identifier: GPL-3.0-or-later
// FhirFacade searches: string modifiers, dates with prefixes, identifiers, sort and OR, and the
// OperationOutcomes of unknown parameters and bad values.
#include "FailOnWarning.h"
#include "FhirFacadeRig.h"

#include <algorithm>

using namespace Sandbox;
using namespace FhirFacadeTesting;

class TestFhirFacadeSearch : public QObject, public FhirFacadeRig
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void searchByFamily();
    void stringModifiers();
    void unknownParameter();
    void badValues_data();
    void badValues();
    void birthdatePrefixes_data();
    void birthdatePrefixes();
    void birthdateNotEqual();
    void identifierSearch();
    void sortAndOr();
};

void TestFhirFacadeSearch::initTestCase()
{
    findSites();
}

void TestFhirFacadeSearch::searchByFamily()
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

void TestFhirFacadeSearch::stringModifiers()
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

void TestFhirFacadeSearch::unknownParameter()
{
    checkOutcome(get(QStringLiteral("Patient"), QStringLiteral("favouriteColour=blue")), 400,
                 QStringLiteral("not-supported"), QStringLiteral("favouriteColour"));
    checkOutcome(get(QStringLiteral("Organization"), QStringLiteral("family=Smith")), 400,
                 QStringLiteral("not-supported"), QStringLiteral("family"));
}

void TestFhirFacadeSearch::badValues_data()
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

void TestFhirFacadeSearch::badValues()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QString, mentioned);
    checkOutcome(get(path, query), 400, QStringLiteral("invalid"), mentioned);
}

void TestFhirFacadeSearch::birthdatePrefixes_data()
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

void TestFhirFacadeSearch::birthdatePrefixes()
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

void TestFhirFacadeSearch::birthdateNotEqual()
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

void TestFhirFacadeSearch::identifierSearch()
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

void TestFhirFacadeSearch::sortAndOr()
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

QTEST_GUILESS_MAIN(TestFhirFacadeSearch)
#include "tst_fhirfacade_search.moc"
