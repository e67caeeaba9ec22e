// The sandbox's sample practices, their databases, the SQL runner and the result encoder.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>
#include <QtTest>

#include <cmath>
#include <limits>

#include "ResultEncoder.h"
#include "SampleDatabase.h"
#include "SampleSites.h"
#include "SqlRunner.h"

using namespace Sandbox;

namespace {

const SampleSite &siteWith(SiteScenario scenario, const QString &pmsType = QString())
{
    for (const SampleSite &site : sampleSites()) {
        if (site.scenario == scenario && (pmsType.isEmpty() || site.pmsType == pmsType))
            return site;
    }
    qFatal("no sample site for the scenario");
}

const SampleSite &onlineBestPractice()
{
    return siteWith(SiteScenario::Online, QStringLiteral("BestPractice"));
}

SqlParameter parameter(const QString &name, const QString &type, const QVariant &value,
                       const QString &direction = QStringLiteral("input"))
{
    SqlParameter p;
    p.name = name;
    p.type = type;
    p.value = value;
    p.direction = direction;
    return p;
}

SqlOutcome run(QSqlDatabase db, const QString &text, const QString &mode = QStringLiteral("reader"),
               const QList<SqlParameter> &parameters = {},
               const QString &type = QStringLiteral("text"))
{
    SqlCommand command;
    command.text = text;
    command.executionMode = mode;
    command.type = type;
    command.parameters = parameters;
    return SqlRunner::run(db, command);
}

qlonglong scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

const QList<SiteScenario> &allScenarios()
{
    static const QList<SiteScenario> scenarios = {
        SiteScenario::Online,      SiteScenario::NonAuthoritative, SiteScenario::Offline,
        SiteScenario::Unreachable, SiteScenario::Renamed,          SiteScenario::Unpaired,
        SiteScenario::PairingFails};
    return scenarios;
}

} // namespace

class TestSampleData : public QObject
{
    Q_OBJECT

private slots:
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

    // SqlRunner
    void readerReturnsColumnsAndTypedRows();
    void scalarReturnsFirstValue();
    void nonQueryCountsAndPersists();
    void inputParametersBindByName();
    void outputParameterConvention();
    void storedProcedures();
    void tsqlConveniences();
    void rewritesLeaveLiteralsAlone();
    void sqlErrorsLookLikeSqlServer();
    void multipleStatementsRunInOrder();
    void cataloguesAreSeparate();
    void millionRows();

    // ResultEncoder
    void encoderKeepsColumnOrder();
    void encoderEscapesStrings();
    void encoderEncodesValueTypes();
    void encoderSlices();
    void encoderIsFast();
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
        if (group.size() < 2)
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

// ---------------------------------------------------------------------------------------------

void TestSampleData::readerReturnsColumnsAndTypedRows()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const SqlOutcome outcome =
        run(db, "SELECT id, first_name, balance, middle_name, x'00ff' AS raw FROM patients "
                "ORDER BY id LIMIT 3");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.columns, QStringList({"id", "first_name", "balance", "middle_name", "raw"}));
    QCOMPARE(outcome.rows.size(), 3);
    const QVariantList &first = outcome.rows.first();
    QCOMPARE(first.at(0).typeId(), QMetaType::LongLong);
    QCOMPARE(first.at(0).toLongLong(), 1);
    QCOMPARE(first.at(1).typeId(), QMetaType::QString);
    QCOMPARE(first.at(2).typeId(), QMetaType::Double);
    QCOMPARE(first.at(2).toDouble(), 37.5);
    QCOMPARE(first.at(3).toString(), QStringLiteral("Mai"));
    QCOMPARE(first.at(4).typeId(), QMetaType::QByteArray);
    QCOMPARE(first.at(4).toByteArray(), QByteArray("\x00\xff", 2));
    QVERIFY(outcome.executionMs >= 0);

    const SqlOutcome nulls = run(db, "SELECT NULL AS empty, 1.0 AS one");
    QVERIFY(nulls.ok);
    QVERIFY(!nulls.rows.first().at(0).isValid());
    QCOMPARE(nulls.rows.first().at(1).typeId(), QMetaType::Double);
}

void TestSampleData::scalarReturnsFirstValue()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    SqlOutcome outcome = run(db, "SELECT COUNT(*) AS n, 'ignored' FROM patients", "scalar");
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.columns, QStringList{"n"});
    QCOMPARE(outcome.rows.size(), 1);
    QCOMPARE(outcome.rows.first(), QVariantList{qlonglong(2000)});

    outcome = run(db, "SELECT id FROM patients WHERE id < 0", "scalar");
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.columns, QStringList{"id"});
    QCOMPARE(outcome.rows.size(), 0);
}

void TestSampleData::nonQueryCountsAndPersists()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    SqlOutcome outcome =
        run(db, "UPDATE patients SET phone_mobile = '0400 000 000' WHERE id <= 3", "nonQuery");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rowsAffected, 3);
    QVERIFY(outcome.columns.isEmpty());
    QVERIFY(outcome.rows.isEmpty());

    outcome = run(SampleDatabase::open(onlineBestPractice()),
                  "SELECT COUNT(*) FROM patients WHERE phone_mobile = '0400 000 000'", "scalar");
    QCOMPARE(outcome.rows.first().first().toLongLong(), 3);

    outcome = run(db, "DELETE FROM allergies WHERE id < 0", "nonQuery");
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.rowsAffected, 0);
    outcome = run(db, "SELECT 1", "nonQuery");
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.rowsAffected, -1); // like ADO.NET for a statement that changes nothing
    QVERIFY(outcome.rows.isEmpty());
    outcome = run(db, "CREATE TABLE scratch(x INTEGER)", "nonQuery");
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.rowsAffected, -1);
    outcome = run(db, "INSERT INTO scratch VALUES (1), (2)", "nonQuery");
    QCOMPARE(outcome.rowsAffected, 2);
}

void TestSampleData::inputParametersBindByName()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const SqlOutcome outcome =
        run(db, "SELECT @a AS a, @b AS b, @c AS c, @A + 1 AS a1, @d AS d, @flag AS flag, @e AS e",
            "reader",
            {parameter("@a", "Int", QStringLiteral("42")), parameter("@b", "NVarChar", QVariant()),
             parameter("c", "Decimal", QStringLiteral("12.50")),
             parameter("@d", "NVarChar", QString::fromUtf8("O'Brien \"Zoë\"")),
             parameter("@flag", "Bit", QStringLiteral("true")),
             parameter("@e", "BigInt", QStringLiteral("not a number"))});
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    const QVariantList row = outcome.rows.first();
    QCOMPARE(row.at(0).typeId(), QMetaType::LongLong);
    QCOMPARE(row.at(0).toLongLong(), 42);
    QVERIFY(!row.at(1).isValid());
    QCOMPARE(row.at(2).typeId(), QMetaType::Double);
    QCOMPARE(row.at(2).toDouble(), 12.5);
    QCOMPARE(row.at(3).toLongLong(), 43); // names are case-insensitive, as in T-SQL
    QCOMPARE(row.at(4).toString(), QString::fromUtf8("O'Brien \"Zoë\""));
    QCOMPARE(row.at(5).toLongLong(), 1);
    QCOMPARE(row.at(6).toString(), QStringLiteral("not a number"));

    const SqlOutcome filtered =
        run(db, "SELECT id FROM patients WHERE surname = @surname AND (@id IS NULL OR id = @id)",
            "reader",
            {parameter("@surname", "NVarChar", QStringLiteral("Smith")),
             parameter("@id", "Int", QVariant())});
    QVERIFY2(filtered.ok, qPrintable(filtered.errorMessage));
    QCOMPARE(filtered.rows.size(), 5);
}

void TestSampleData::outputParameterConvention()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const SqlOutcome outcome =
        run(db, "GetPatientBalance", "nonQuery",
            {parameter("@patientId", "Int", QStringLiteral("1")),
             parameter("@balance", "Decimal", QVariant(), "output"),
             parameter("@missing", "Int", QVariant(), "output"),
             parameter("@kept", "NVarChar", QStringLiteral("in"), "inputOutput"),
             parameter("@RETURN_VALUE", "Int", QVariant(), "returnValue")},
            "storedProcedure");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.outputParameters.size(), 4);
    QCOMPARE(outcome.outputParameters.at(0).name, QStringLiteral("@balance"));
    QCOMPARE(outcome.outputParameters.at(0).value.toDouble(), 37.5);
    QVERIFY(!outcome.outputParameters.at(1).value.isValid());
    QCOMPARE(outcome.outputParameters.at(2).value.toString(), QStringLiteral("in"));
    QCOMPARE(outcome.outputParameters.at(3).value, QVariant(qlonglong(0)));

    // The last row of the result wins; a column may be named with or without the @.
    const SqlOutcome last =
        run(db, "SELECT id AS [@lastId] FROM patients WHERE id <= 4 ORDER BY id", "reader",
            {parameter("@lastId", "Int", QVariant(), "output")});
    QVERIFY2(last.ok, qPrintable(last.errorMessage));
    QCOMPARE(last.rows.size(), 4);
    QCOMPARE(last.outputParameters.first().value.toLongLong(), 4);
}

void TestSampleData::storedProcedures()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    SqlOutcome outcome =
        run(db, "GetPatientsBySurname", "reader",
            {parameter("@surname", "NVarChar", QStringLiteral("Smith"))}, "storedProcedure");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.columns, QStringList({"id", "first_name", "surname", "date_of_birth"}));
    QCOMPARE(outcome.rows.size(), 5);

    outcome = run(db, "[dbo].[countactivepatients]", "scalar", {}, "storedProcedure");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.columns, QStringList{"active_patients"});
    QCOMPARE(outcome.rows.first().first(),
             QVariant(scalar(db, "SELECT COUNT(*) FROM patients WHERE is_active = 1")));

    QSqlQuery day(db);
    QVERIFY(day.exec("SELECT substr(start_time, 1, 10) FROM appointments ORDER BY id LIMIT 1"));
    QVERIFY(day.next());
    outcome = run(db, "GetAppointmentsForDay", "reader",
                  {parameter("@day", "Date", day.value(0).toString())}, "storedProcedure");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QVERIFY(!outcome.rows.isEmpty());

    outcome = run(db, "NoSuchProc", "reader", {}, "storedProcedure");
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, 2812);
    QCOMPARE(outcome.errorMessage, QStringLiteral("Could not find stored procedure 'NoSuchProc'."));

    // Other catalogues have no procedures at all.
    outcome = run(SampleDatabase::open(onlineBestPractice(), "BPSSamples"), "CountActivePatients",
                  "scalar", {}, "storedProcedure");
    QCOMPARE(outcome.errorCode, 2812);
}

void TestSampleData::tsqlConveniences()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    SqlOutcome outcome = run(db, "SELECT TOP 5 id FROM patients ORDER BY id DESC");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rows.size(), 5);
    QCOMPARE(outcome.rows.first().first().toLongLong(), 2000);

    outcome = run(db, "select distinct top (3) [surname] FROM [patients] WHERE [id] > 100;");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rows.size(), 3);
    QCOMPARE(outcome.columns, QStringList{"surname"});

    outcome = run(db,
                  "SELECT COUNT(*) FROM patients WHERE id IN "
                  "(SELECT TOP 7 patient_id FROM appointments ORDER BY id)",
                  "scalar");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QVERIFY(outcome.rows.first().first().toLongLong() <= 7);

    outcome = run(db, "SELECT GETDATE() AS now, N'Zoë' AS name", "reader");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QVERIFY(QDateTime::fromString(outcome.rows.first().at(0).toString(), "yyyy-MM-dd HH:mm:ss")
                .isValid());
    QCOMPARE(outcome.rows.first().at(1).toString(), QString::fromUtf8("Zoë"));

    outcome = run(db, "SELECT TOP 10 PERCENT id FROM patients");
    QVERIFY(!outcome.ok); // not rewritten: SQLite reports it
}

void TestSampleData::rewritesLeaveLiteralsAlone()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const SqlOutcome outcome =
        run(db,
            "SELECT '@notAParam [x] GETDATE() TOP 1' AS text, -- it's a comment with @p and :q\n"
            "  \"odd \"\"name\" AS quoted, /* @c ' */ @p AS p, 'a:b' AS colon\n",
            "reader", {parameter("@p", "Int", QStringLiteral("5"))});
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rows.first().at(0).toString(),
             QStringLiteral("@notAParam [x] GETDATE() TOP 1"));
    QCOMPARE(outcome.rows.first().at(2).toLongLong(), 5);
    QCOMPARE(outcome.rows.first().at(3).toString(), QStringLiteral("a:b"));
    QCOMPARE(outcome.columns.at(1), QStringLiteral("quoted"));

    // (QSQLITE drops double quotes from column names, so none are tried here.)
    const SqlOutcome brackets = run(db, "SELECT 1 AS [a]]b], 2 AS [with space]");
    QVERIFY2(brackets.ok, qPrintable(brackets.errorMessage));
    QCOMPARE(brackets.columns, QStringList({"a]b", "with space"}));
}

void TestSampleData::sqlErrorsLookLikeSqlServer()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    SqlOutcome outcome = run(db, "SELEC 1");
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, 102);
    QVERIFY2(outcome.errorMessage.contains("syntax error"), qPrintable(outcome.errorMessage));
    outcome = run(db, "SELECT * FROM nowhere");
    QCOMPARE(outcome.errorCode, 208);
    QVERIFY(outcome.errorMessage.contains("nowhere"));
    outcome = run(db, "SELECT nosuchcolumn FROM patients");
    QCOMPARE(outcome.errorCode, 207);
    outcome = run(db, "INSERT INTO practice(id, name) VALUES (1, 'again')", "nonQuery");
    QCOMPARE(outcome.errorCode, 2627);
    outcome = run(db, "   -- nothing\n");
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.rows.isEmpty());
}

void TestSampleData::multipleStatementsRunInOrder()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    SqlOutcome outcome =
        run(db, "UPDATE patients SET title = 'Dr' WHERE id IN (2, 3); "
                "SELECT id, title FROM patients WHERE id IN (2, 3) ORDER BY id; SELECT 'second';");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rowsAffected, 2);
    QCOMPARE(outcome.columns, QStringList({"id", "title"}));
    QCOMPARE(outcome.rows.size(), 2);
    QCOMPARE(outcome.rows.at(1).at(1).toString(), QStringLiteral("Dr"));

    // A trigger body keeps its own semicolons.
    outcome = run(db,
                  "CREATE TABLE log(x); CREATE TABLE log2(y); "
                  "CREATE TRIGGER t AFTER INSERT ON log BEGIN INSERT INTO log2 VALUES (NEW.x); "
                  "INSERT INTO log2 VALUES (NEW.x * 10); END; "
                  "INSERT INTO log VALUES (4); SELECT SUM(y) FROM log2",
                  "scalar");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rows.first().first().toLongLong(), 44);

    outcome = run(db,
                  "UPDATE patients SET title = 'Prof' WHERE id = 2; SELECT * FROM nowhere; "
                  "UPDATE patients SET title = 'Sir' WHERE id = 2",
                  "nonQuery");
    QVERIFY(!outcome.ok);
    QCOMPARE(run(db, "SELECT title FROM patients WHERE id = 2", "scalar").rows.first().first(),
             QVariant(QStringLiteral("Prof")));
}

void TestSampleData::cataloguesAreSeparate()
{
    const SampleSite &site = onlineBestPractice();
    SqlOutcome outcome = run(SampleDatabase::open(site, "BPSSamples"),
                             "SELECT TOP 3 name, strength FROM drugs ORDER BY id");
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rows.size(), 3);
    outcome = run(SampleDatabase::open(site), "SELECT * FROM drugs");
    QCOMPARE(outcome.errorCode, 208);
    outcome = run(SampleDatabase::open(site, "BPSSamples"), "SELECT * FROM patients");
    QCOMPARE(outcome.errorCode, 208);
    outcome = run(SampleDatabase::open(site, "NoSuchCatalogue"), "SELECT 1");
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, 4060);
}

void TestSampleData::millionRows()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    QElapsedTimer timer;
    timer.start();
    const SqlOutcome outcome =
        run(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 1000000) "
                "SELECT x, 'row ' || x AS label FROM c");
    const qint64 runMs = timer.restart();
    QVERIFY2(outcome.ok, qPrintable(outcome.errorMessage));
    QCOMPARE(outcome.rows.size(), 1000000);
    QCOMPARE(outcome.rows.last().at(1).toString(), QStringLiteral("row 1000000"));
    const QByteArray json = ResultEncoder::encodeRows(outcome.columns, outcome.rows);
    const qint64 encodeMs = timer.elapsed();
    qInfo("1,000,000 rows: run %lld ms, encode %lld ms (%lld bytes)", runMs, encodeMs,
          qlonglong(json.size()));
    QVERIFY(json.endsWith("{\"x\":1000000,\"label\":\"row 1000000\"}]"));
    QVERIFY(runMs < 20000);
}

// ---------------------------------------------------------------------------------------------

void TestSampleData::encoderKeepsColumnOrder()
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

void TestSampleData::encoderEscapesStrings()
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

void TestSampleData::encoderEncodesValueTypes()
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

void TestSampleData::encoderSlices()
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

void TestSampleData::encoderIsFast()
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

QTEST_GUILESS_MAIN(TestSampleData)
#include "tst_sampledata.moc"
