// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's sample practices and their databases: identifiers, scenarios, row counts, the
// awkward values on purpose, determinism and per-thread connections.
#include "FailOnWarning.h"
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>
#include <QtTest>

#include <cmath>
#include <limits>

#include "SampleData.h"
#include "SampleDatabase.h"
#include "SampleSites.h"

using namespace Sandbox;
using SampleData::onlineBestPractice;
using SampleData::scalar;
using SampleData::siteWith;

namespace {

const QList<SiteScenario> &allScenarios()
{
    static const QList<SiteScenario> scenarios = {
        SiteScenario::Online,       SiteScenario::NonAuthoritative,
        SiteScenario::Offline,      SiteScenario::Unreachable,
        SiteScenario::Renamed,      SiteScenario::Unpaired,
        SiteScenario::PairingFails, SiteScenario::SeveralAuthoritative,
        SiteScenario::PmsUpgraded};
    return scenarios;
}

} // namespace

class TestSampleData : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void cleanup();

    // Sample sites
    void sitesHaveValidUniqueIdentifiers();
    void bestPracticeInstallsShareAPmsId();
    void everyScenarioIsPresent();
    void sitesAreConsistent();
    void findSiteIgnoresCase();

    // Sample databases
    void databaseHasExpectedRowCounts();
    void databaseHasNullsInNullableColumns();
    void databaseKeepsUnicodeAndQuotes();
    void databaseHasRichPatient();
    void databaseValuesHaveDocumentedFormats();
    void databaseIsDeterministicPerSite();
    void catalogueSelection();
    void connectionsArePerThread();
};

void TestSampleData::cleanup()
{
    SampleDatabase::closeAll();
}

// ---------------------------------------------------------------------------------------------

void TestSampleData::sitesHaveValidUniqueIdentifiers()
{
    QSet<QString> guids;
    QSet<quint32> seeds;
    for (const SampleSite &site : sampleSites()) {
        const QUuid uuid = QUuid::fromString(site.guid);
        QVERIFY2(!uuid.isNull(), qPrintable(site.guid));
        QCOMPARE(uuid.toString(QUuid::WithoutBraces), site.guid); // lower-case 8-4-4-4-12
        guids.insert(site.guid);
        seeds.insert(site.dataSeed);
    }
    QCOMPARE(guids.size(), sampleSites().size());
    QCOMPARE(seeds.size(), sampleSites().size());
}

void TestSampleData::bestPracticeInstallsShareAPmsId()
{
    QHash<QString, QList<const SampleSite *>> byPmsId;
    for (const SampleSite &site : sampleSites())
        byPmsId[site.pmsId].append(&site);
    int shared = 0;
    for (const QList<const SampleSite *> &group : std::as_const(byPmsId)) {
        // Two installs both authoritative: the D4w practice that plays several-authoritative.
        if (group.size() < 2 || group.at(0)->scenario == SiteScenario::SeveralAuthoritative)
            continue;
        ++shared;
        QCOMPARE(group.size(), 2);
        const SampleSite *authoritative = group.at(0)->authoritative ? group.at(0) : group.at(1);
        const SampleSite *older = group.at(0)->authoritative ? group.at(1) : group.at(0);
        QVERIFY(authoritative->authoritative);
        QVERIFY(!older->authoritative);
        QCOMPARE(authoritative->pmsType, QStringLiteral("BestPractice"));
        QCOMPARE(older->pmsType, QStringLiteral("BestPractice"));
        QCOMPARE(older->scenario, SiteScenario::NonAuthoritative);
        QVERIFY(older->createdAt < authoritative->createdAt);
    }
    QCOMPARE(shared, 1);
    for (const SampleSite &site : sampleSites())
        QCOMPARE(site.authoritative, site.scenario != SiteScenario::NonAuthoritative);

    QList<const SampleSite *> several;
    for (const SampleSite &site : sampleSites()) {
        if (site.scenario == SiteScenario::SeveralAuthoritative)
            several.append(&site);
    }
    QCOMPARE(several.size(), 2);
    QCOMPARE(several.at(0)->pmsId, several.at(1)->pmsId);
    QCOMPARE(byPmsId.value(several.at(0)->pmsId).size(), 2);
}

void TestSampleData::everyScenarioIsPresent()
{
    QSet<QString> names;
    for (SiteScenario scenario : allScenarios()) {
        const QString name = scenarioName(scenario);
        QVERIFY(!name.isEmpty());
        names.insert(name);
        const SampleSite &site = siteWith(scenario);
        QVERIFY(!site.scenarioText.isEmpty());
        QVERIFY(!site.scenarioText.contains(QLatin1Char('\n')));
    }
    QCOMPARE(names.size(), allScenarios().size());
    QCOMPARE(scenarioName(SiteScenario::NonAuthoritative), QStringLiteral("non-authoritative"));
    QCOMPARE(scenarioName(SiteScenario::PairingFails), QStringLiteral("pairing-fails"));

    QCOMPARE(siteWith(SiteScenario::Offline).availability, QStringLiteral("offline"));
    QVERIFY(siteWith(SiteScenario::Offline).heartbeatAgeSeconds >= 3600);
    const SampleSite &unreachable = siteWith(SiteScenario::Unreachable);
    QCOMPARE(unreachable.availability, QStringLiteral("unreachable"));
    QVERIFY(unreachable.heartbeatAgeSeconds >= 120 && unreachable.heartbeatAgeSeconds <= 900);
    const SampleSite &renamed = siteWith(SiteScenario::Renamed);
    QVERIFY(renamed.recordedPracticeName != renamed.practiceName);
    QCOMPARE(siteWith(SiteScenario::Unpaired).pmsType, QStringLiteral("BestPractice"));
    const SampleSite &upgraded = siteWith(SiteScenario::PmsUpgraded);
    QVERIFY(upgraded.installedPmsVersion() != upgraded.pmsVersion);
}

void TestSampleData::sitesAreConsistent()
{
    const QRegularExpression calVer(QStringLiteral("^\\d{2}\\.\\d{4}\\.\\d+\\.0$"));
    QSet<QString> pmsTypes;
    for (const SampleSite &site : sampleSites()) {
        pmsTypes.insert(site.pmsType);
        QVERIFY(!site.practiceName.isEmpty());
        QVERIFY(!site.recordedPracticeName.isEmpty());
        QVERIFY(!site.pmsId.isEmpty());
        QVERIFY(!site.pmsVersion.isEmpty());
        QVERIFY(calVer.match(site.haloLinkVersion).hasMatch());
        QVERIFY(site.createdAt.isValid());
        QVERIFY(QStringList({"online", "offline", "unreachable"}).contains(site.availability));
        QVERIFY(!site.status.isEmpty());
        int defaults = 0;
        for (const SampleCatalogue &catalogue : site.catalogues)
            defaults += catalogue.isDefault ? 1 : 0;
        QCOMPARE(defaults, 1);
        QVERIFY(!site.defaultCatalogue().isEmpty());
        QCOMPARE(site.pairingCode.isEmpty(), site.pmsType != QLatin1String("BestPractice"));
        QCOMPARE(site.hasFhir(), site.pmsType == QLatin1String("BestPractice"));
        QCOMPARE(site.sqlErrorType(), site.pmsType == QLatin1String("Zedmed")
                                          ? QStringLiteral("fbsql")
                                          : QStringLiteral("mssql"));
    }
    QVERIFY(pmsTypes.contains(QStringLiteral("BestPractice")));
    QVERIFY(pmsTypes.contains(QStringLiteral("Zedmed")));
    QVERIFY(pmsTypes.contains(QStringLiteral("D4w")));
    QCOMPARE(onlineBestPractice().defaultCatalogue(), QStringLiteral("BPSPatients"));
}

void TestSampleData::findSiteIgnoresCase()
{
    const SampleSite &site = onlineBestPractice();
    QCOMPARE(findSampleSite(site.guid), &site);
    QCOMPARE(findSampleSite(site.guid.toUpper()), &site);
    QCOMPARE(findSampleSite(QStringLiteral("00000000-0000-4000-8000-000000000000")), nullptr);
    QCOMPARE(findSampleSite(QString()), nullptr);
}

// ---------------------------------------------------------------------------------------------

void TestSampleData::databaseHasExpectedRowCounts()
{
    const SampleSite &site = onlineBestPractice();
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = SampleDatabase::open(site);
    qInfo("filling the default catalogue took %lld ms", timer.elapsed());
    QVERIFY(db.isValid() && db.isOpen());
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM practice"), 1);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM practitioners"), 25);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM patients"), 2000);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM appointments"), 5000);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM allergies"), 800);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM stored_procedures") >= 3);

    QSqlQuery query(db);
    QVERIFY(query.exec("SELECT name FROM practice"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), site.practiceName);
    QVERIFY(query.exec("SELECT name FROM catalogue_info"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("BPSPatients"));
}

void TestSampleData::databaseHasNullsInNullableColumns()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const QStringList nullable = {"title",
                                  "middle_name",
                                  "preferred_name",
                                  "sex",
                                  "medicare_no",
                                  "medicare_irn",
                                  "ihi",
                                  "dva_no",
                                  "address_line1",
                                  "address_line2",
                                  "suburb",
                                  "state",
                                  "postcode",
                                  "phone_mobile",
                                  "email",
                                  "indigenous_status",
                                  "notes",
                                  "usual_practitioner_id"};
    for (const QString &column : nullable) {
        const qlonglong nulls = scalar(
            db, QStringLiteral("SELECT COUNT(*) FROM patients WHERE %1 IS NULL").arg(column));
        QVERIFY2(nulls > 0 && nulls < 2000, qPrintable(column));
    }
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM patients WHERE dva_no IS NOT NULL") > 10);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM appointments WHERE reason IS NULL") > 100);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM appointments WHERE fee IS NULL") > 100);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM allergies WHERE severity IS NULL") > 10);
}

void TestSampleData::databaseKeepsUnicodeAndQuotes()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    QSqlQuery query(db);
    QVERIFY(query.exec("SELECT first_name, surname FROM patients WHERE id = 7"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QString::fromUtf8("花子"));
    QCOMPARE(query.value(1).toString(), QString::fromUtf8("山田"));
    QVERIFY(scalar(db, QString::fromUtf8(
                           "SELECT COUNT(*) FROM patients WHERE surname = 'Nguyễn'")) > 0);
    QVERIFY(scalar(db, QString::fromUtf8(
                           "SELECT COUNT(*) FROM patients WHERE surname = 'Ólafsdóttir'")) > 0);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM patients WHERE surname LIKE '%''%'") > 10);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM patients WHERE first_name LIKE '%\"%'") > 0);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM patients WHERE notes LIKE '%' || char(9) || '%'") > 0);
    QVERIFY(scalar(db, QString::fromUtf8(
                           "SELECT COUNT(*) FROM patients WHERE notes LIKE '%🙂%'")) > 0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM patients WHERE surname = 'Smith'"), 5);
}

void TestSampleData::databaseHasRichPatient()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    QSqlQuery query(db);
    QVERIFY(query.exec("SELECT * FROM patients WHERE id = 1"));
    QVERIFY(query.next());
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i)
        QVERIFY2(!query.value(i).isNull(), qPrintable(record.fieldName(i)));
    QCOMPARE(query.value("first_name").toString(), QString::fromUtf8("Zoë"));
    QCOMPARE(query.value("surname").toString(), QStringLiteral("O'Brien"));
    QVERIFY(query.value("notes").toString().contains(QLatin1Char('\n')));
    QCOMPARE(query.value("ihi").toString().left(6), QStringLiteral("800360"));
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM allergies WHERE patient_id = 1") >= 2);
}

void TestSampleData::databaseValuesHaveDocumentedFormats()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const QString digits = QStringLiteral("[0-9]");
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM patients WHERE date_of_birth NOT GLOB "
                        "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"),
             0);
    QCOMPARE(scalar(db,
                    "SELECT COUNT(*) FROM patients WHERE created_at NOT GLOB "
                    "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'"),
             0);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT COUNT(*) FROM patients WHERE medicare_no NOT GLOB '%1'")
                       .arg(digits.repeated(10))),
        0);
    QCOMPARE(
        scalar(db, QStringLiteral("SELECT COUNT(*) FROM patients WHERE ihi NOT GLOB '800360%1'")
                       .arg(digits.repeated(10))),
        0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM patients WHERE is_active NOT IN (0, 1)"), 0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM patients WHERE sex NOT IN ('M', 'F', 'X')"), 0);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM patients WHERE balance < 0") > 0);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM patients WHERE balance = 0") > 0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM patients "
                        "WHERE abs(round(balance * 100) - balance * 100) > 0.000001"),
             0);
    QCOMPARE(scalar(db, "SELECT MIN(substr(start_time, 1, 4)) FROM appointments"), 2024);
    QCOMPARE(scalar(db, "SELECT MAX(substr(start_time, 1, 4)) FROM appointments"), 2027);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM allergies WHERE criticality NOT IN "
                        "('low', 'high', 'unable-to-assess')"),
             0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM allergies WHERE severity NOT IN "
                        "('mild', 'moderate', 'severe')"),
             0);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM appointments a LEFT JOIN patients p "
                        "ON p.id = a.patient_id WHERE p.id IS NULL"),
             0);
}

void TestSampleData::databaseIsDeterministicPerSite()
{
    const QString sql = QStringLiteral("SELECT group_concat(first_name || surname || "
                                       "ifnull(medicare_no, '-'), ',') FROM patients "
                                       "WHERE id BETWEEN 2 AND 40");
    auto fingerprint = [&](const SampleSite &site) {
        QSqlQuery query(SampleDatabase::open(site));
        query.exec(sql);
        query.next();
        return query.value(0).toString();
    };
    const QString first = fingerprint(onlineBestPractice());
    SampleDatabase::closeAll();
    QCOMPARE(fingerprint(onlineBestPractice()), first);
    QVERIFY(fingerprint(siteWith(SiteScenario::Renamed)) != first);

    const SampleSite &renamed = siteWith(SiteScenario::Renamed);
    QSqlQuery query(SampleDatabase::open(renamed));
    QVERIFY(query.exec("SELECT name FROM practice"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), renamed.practiceName);
}

void TestSampleData::catalogueSelection()
{
    const SampleSite &site = onlineBestPractice();
    QVERIFY(SampleDatabase::open(site, QStringLiteral("BPSPatients")).isValid());
    QSqlDatabase samples = SampleDatabase::open(site, QStringLiteral("bpssamples"));
    QVERIFY(samples.isValid());
    QCOMPARE(scalar(samples, "SELECT COUNT(*) FROM drugs"), 50);
    QCOMPARE(scalar(samples, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'patients'"), 0);
    QSqlQuery query(samples);
    QVERIFY(query.exec("SELECT name FROM catalogue_info"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("BPSSamples"));
    QVERIFY(!SampleDatabase::open(site, QStringLiteral("NoSuchCatalogue")).isValid());
    QVERIFY(!SampleDatabase::open(site, QStringLiteral("ZEDMED")).isValid());

    const SampleSite &zedmed = siteWith(SiteScenario::Online, QStringLiteral("Zedmed"));
    QSqlDatabase audit = SampleDatabase::open(zedmed, QStringLiteral("ZEDMED_AUDIT"));
    QVERIFY(audit.isValid());
    QVERIFY(scalar(audit, "SELECT COUNT(*) FROM audit_log") > 0);
    QCOMPARE(scalar(SampleDatabase::open(zedmed), "SELECT COUNT(*) FROM patients"), 2000);
    const SampleSite &dental = siteWith(SiteScenario::Online, QStringLiteral("D4w"));
    QCOMPARE(scalar(SampleDatabase::open(dental), "SELECT COUNT(*) FROM patients"), 2000);
}

void TestSampleData::connectionsArePerThread()
{
    const SampleSite &site = onlineBestPractice();
    QSqlDatabase mine = SampleDatabase::open(site);
    QSqlQuery update(mine);
    QVERIFY(update.exec("UPDATE patients SET surname = 'Changed' WHERE id = 3"));
    qlonglong otherCount = -1;
    QString otherName;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        {
            QSqlDatabase other = SampleDatabase::open(site);
            otherName = other.connectionName();
            otherCount = scalar(other, "SELECT COUNT(*) FROM patients WHERE surname = 'Changed'");
        }
        SampleDatabase::closeAll();
    }));
    thread->start();
    QVERIFY(thread->wait(30000));
    QCOMPARE(otherCount, 0); // each thread has its own copy
    QVERIFY(otherName != mine.connectionName());
    QVERIFY(!QSqlDatabase::contains(otherName));
}

QTEST_GUILESS_MAIN(TestSampleData)
#include "tst_sampledata.moc"
