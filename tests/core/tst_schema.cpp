// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a practice's schema through the API against a sandbox on loopback: an SQL Server-style
// site (Best Practice, INFORMATION_SCHEMA), a Firebird-style site (Zedmed, RDB$ tables, names
// padded to CHAR(31)) and D4w (SQL Anywhere, SYS.SYSCOLUMNS), each compared with what the sample
// database itself holds; the cache on disk (round trip, a failed write keeps the old file);
// nothing sent without a key; a failed read says why; completion from a schema read so.
#include "FailOnWarning.h"
#include "SampleDatabase.h"
#include "SandboxRig.h"
#include "SandboxSamples.h"
#include "net/RequestLog.h"
#include "schema/SchemaCache.h"
#include "schema/SchemaDialect.h"
#include "schema/SchemaReader.h"
#include "schema/SqlCompletion.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using Halo::SchemaCache;
using Halo::SchemaDialect;
using Halo::SchemaReader;
using Halo::SchemaSnapshot;
using Halo::SqlCompletion;

namespace {

const QString kKey = QStringLiteral("schema-test-key-5d1f0e2a");
constexpr int kTimeoutMs = 15000;

const Sandbox::SampleSite &site(const char *pmsType)
{
    return sampleSite(Sandbox::SiteScenario::Online, QString::fromLatin1(pmsType));
}

SchemaReader::Target target(const Sandbox::SampleSite &sample, const QString &catalogue = {})
{
    return {QStringLiteral("sandbox"), QString(), sample.guid, sample.pmsType, catalogue};
}

// What the sample database holds: user tables and views, and a table's columns in order.
QStringList relationsOf(const Sandbox::SampleSite &sample)
{
    QSqlQuery query(Sandbox::SampleDatabase::open(sample));
    query.exec(QStringLiteral(
        "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE "
        "'sqlite!_%' ESCAPE '!' AND name <> 'stored_procedures'"));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QStringList columnsOf(const Sandbox::SampleSite &sample, const QString &table)
{
    QSqlQuery query(Sandbox::SampleDatabase::open(sample));
    query.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QStringList sortedCaseless(QStringList names)
{
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

QStringList tableNames(const SchemaSnapshot &schema)
{
    QStringList names;
    for (const Halo::SchemaTable &table : schema.tables)
        names.append(table.name);
    return names;
}

QStringList columnNames(const Halo::SchemaTable &table)
{
    QStringList names;
    for (const Halo::SchemaColumn &column : table.columns)
        names.append(column.name);
    return names;
}

QStringList upper(const QStringList &names)
{
    QStringList result;
    for (const QString &name : names)
        result.append(name.toUpper());
    return result;
}

struct Read {
    bool ok = false;
    SchemaSnapshot schema;
    QString cacheError;
    QString error;
};

Read readSchema(SchemaReader &reader, const SchemaReader::Target &what)
{
    QSignalSpy done(&reader, &SchemaReader::schemaRead);
    QSignalSpy failed(&reader, &SchemaReader::failed);
    reader.read(what);
    Read read;
    if (!QTest::qWaitFor([&]() { return !done.isEmpty() || !failed.isEmpty(); }, kTimeoutMs)) {
        read.error = QStringLiteral("timed out");
        return read;
    }
    if (!failed.isEmpty()) {
        read.error = failed.first().first().toString();
        return read;
    }
    read.ok = true;
    read.schema = done.first().at(0).value<SchemaSnapshot>();
    read.cacheError = done.first().at(1).toString();
    return read;
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void cleanup() { Sandbox::SampleDatabase::closeAll(); }

    void sqlServerSiteSchemaMatchesItsDatabase();
    void firebirdSiteSchemaIsTrimmedAndLeavesSystemTablesOut();
    void d4wSchemaComesFromSqlAnywhereCatalogue();
    void firstRowsQueryRunsOnEachEngine_data();
    void firstRowsQueryRunsOnEachEngine();
    void cacheRoundTripsPerSiteAndCatalogue();
    void failedCacheWriteKeepsTheOldFile();
    void nothingIsSentWithoutAKey();
    void failedReadSaysWhy();
    void completionFromSchemasReadFromTheSandbox();
};

void TestSchema::sqlServerSiteSchemaMatchesItsDatabase()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    QTemporaryDir dir;
    SchemaCache cache(dir.path());
    SchemaReader reader(&queries, &cache);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &bp = site("BestPractice");
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const Read read = readSchema(reader, target(bp));
    QVERIFY2(read.ok, qPrintable(read.error));
    QVERIFY2(read.cacheError.isEmpty(), qPrintable(read.cacheError));

    // It went as an async query, the engine's catalogue query.
    bool submitted = false;
    for (const Halo::LoggedExchange &exchange : rig.client.requestLog()->exchanges())
        submitted |= exchange.method == "POST" &&
                     exchange.url.path().endsWith(QLatin1String("/queries/async"));
    QVERIFY(submitted);

    const SchemaSnapshot &schema = read.schema;
    QCOMPARE(schema.engine, QStringLiteral("SQL Server"));
    QVERIFY(schema.readAt >= before && schema.readAt <= QDateTime::currentDateTimeUtc());
    QCOMPARE(tableNames(schema), sortedCaseless(relationsOf(bp)));
    const Halo::SchemaTable *patients = schema.table(QStringLiteral("dbo.patients"));
    QVERIFY(patients);
    QCOMPARE(patients->schema, QStringLiteral("dbo"));
    QVERIFY(!patients->isView);
    QCOMPARE(columnNames(*patients), columnsOf(bp, QStringLiteral("patients")));
    QCOMPARE(patients->columns.first().type, QStringLiteral("int"));
    QVERIFY(!patients->columns.first().nullable); // the primary key
    const Halo::SchemaTable *view = schema.table(QStringLiteral("BPS_Patients"));
    QVERIFY(view);
    QVERIFY(view->isView);
    QCOMPARE(columnNames(*view), columnsOf(bp, QStringLiteral("BPS_Patients")));
}

void TestSchema::firebirdSiteSchemaIsTrimmedAndLeavesSystemTablesOut()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    SchemaReader reader(&queries, nullptr);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &zedmed = site("Zedmed");
    const Read read = readSchema(reader, target(zedmed));
    QVERIFY2(read.ok, qPrintable(read.error));
    const SchemaSnapshot &schema = read.schema;
    QCOMPARE(schema.engine, QStringLiteral("Firebird"));
    // Upper case as Firebird keeps them, without the CHAR(31) padding, no RDB$ tables.
    QCOMPARE(tableNames(schema), sortedCaseless(upper(relationsOf(zedmed))));
    const Halo::SchemaTable *patients = schema.table(QStringLiteral("PATIENTS"));
    QVERIFY(patients);
    QCOMPARE(columnNames(*patients), upper(columnsOf(zedmed, QStringLiteral("patients"))));
    QHash<QString, Halo::SchemaColumn> byName;
    for (const Halo::SchemaColumn &column : patients->columns)
        byName.insert(column.name, column);
    QCOMPARE(byName.value(QStringLiteral("ID")).type, QStringLiteral("INTEGER"));
    QVERIFY(!byName.value(QStringLiteral("ID")).nullable);
    QCOMPARE(byName.value(QStringLiteral("SURNAME")).type, QStringLiteral("VARCHAR"));
    QVERIFY(byName.value(QStringLiteral("SURNAME")).nullable);
    QCOMPARE(byName.value(QStringLiteral("BALANCE")).type, QStringLiteral("DOUBLE PRECISION"));
}

void TestSchema::d4wSchemaComesFromSqlAnywhereCatalogue()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    SchemaReader reader(&queries, nullptr);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &d4w = site("D4w");
    const Read read = readSchema(reader, target(d4w));
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(read.schema.engine, QStringLiteral("SQL Anywhere"));
    QCOMPARE(tableNames(read.schema), sortedCaseless(relationsOf(d4w))); // no SYS tables
    const Halo::SchemaTable *appointments = read.schema.table(QStringLiteral("appointments"));
    QVERIFY(appointments);
    QCOMPARE(appointments->schema, QStringLiteral("DBA"));
    QCOMPARE(columnNames(*appointments), columnsOf(d4w, QStringLiteral("appointments")));
    QCOMPARE(appointments->columns.first().type, QStringLiteral("integer"));
    QVERIFY(!appointments->columns.first().nullable);
}

void TestSchema::firstRowsQueryRunsOnEachEngine_data()
{
    QTest::addColumn<QString>("pmsType");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Best Practice") << "BestPractice"
                                   << "SELECT TOP 100 * FROM patients";
    QTest::newRow("Zedmed") << "Zedmed"
                            << "SELECT FIRST 100 * FROM PATIENTS";
    QTest::newRow("D4w") << "D4w"
                         << "SELECT TOP 100 * FROM DBA.patients";
}

void TestSchema::firstRowsQueryRunsOnEachEngine()
{
    QFETCH(QString, pmsType);
    QFETCH(QString, expected);
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    SchemaReader reader(&queries, nullptr);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &sample = site(pmsType.toLatin1().constData());
    const Read read = readSchema(reader, target(sample));
    QVERIFY2(read.ok, qPrintable(read.error));
    const Halo::SchemaTable *patients = read.schema.table(QStringLiteral("patients"));
    QVERIFY(patients);
    const SchemaDialect::Engine engine = SchemaDialect::engineFor(pmsType);
    const QString sql = SchemaDialect::firstRowsQuery(engine, *patients);
    QCOMPARE(sql, expected);

    // The practice runs it and gives its first 100 rows.
    Halo::AsyncQueryRunner runner(&queries);
    runner.setPollIntervals(10, 40);
    qsizetype rows = 0;
    QStringList columns;
    connect(&runner, &Halo::AsyncQueryRunner::pageReady, this,
            [&](const Halo::ResultPageInfo &, const Halo::DecodedResult &result) {
                rows += result.table.rowCount();
                columns = result.table.columns();
            });
    QSignalSpy finished(&runner, &Halo::AsyncQueryRunner::finished);
    QSignalSpy failed(&runner, &Halo::AsyncQueryRunner::failed);
    runner.submit(sample.guid, ::sql(sql));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kTimeoutMs);
    QVERIFY(failed.isEmpty());
    QVERIFY2(runner.lastInfo().isSuccessful(), qPrintable(runner.lastInfo().failure.oneLine()));
    QCOMPARE(rows, 100);
    QCOMPARE(upper(columns), upper(columnNames(*patients)));
}

void TestSchema::cacheRoundTripsPerSiteAndCatalogue()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    QTemporaryDir dir;
    SchemaCache cache(dir.path());
    SchemaReader reader(&queries, &cache);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &bp = site("BestPractice");
    QVERIFY(!cache.load(QStringLiteral("sandbox"), {}, bp.guid, {}));
    const Read read = readSchema(reader, target(bp));
    QVERIFY2(read.ok, qPrintable(read.error));

    const auto loaded = cache.load(QStringLiteral("sandbox"), {}, bp.guid, {});
    QVERIFY(loaded);
    const QString key = SchemaCache::keyFor(QStringLiteral("sandbox"), {}, bp.guid, {});
    QCOMPARE(SchemaCache::toJson(key, *loaded), SchemaCache::toJson(key, read.schema));
    QCOMPARE(loaded->readAt, read.schema.readAt);
    // Structure only: no value of any row is in the file.
    QFile file(cache.fileFor(QStringLiteral("sandbox"), bp.guid, {}));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QSqlQuery query(Sandbox::SampleDatabase::open(bp));
    QVERIFY(query.exec(QStringLiteral("SELECT surname FROM patients WHERE id = 1")) &&
            query.next());
    QVERIFY(!stored.contains(query.value(0).toString().toUtf8()));
    QVERIFY(QFile::permissions(file.fileName()) & QFile::ReadOwner);
    QVERIFY(!(QFile::permissions(file.fileName()) & QFile::ReadOther));

    // Another catalogue, another site, another environment: each its own entry.
    const QString other = bp.catalogues.last().name;
    QVERIFY(other != bp.defaultCatalogue());
    QVERIFY(!cache.load(QStringLiteral("sandbox"), {}, bp.guid, other));
    QVERIFY(!cache.load(QStringLiteral("stage"), {}, bp.guid, {}));
    QVERIFY(!cache.load(QStringLiteral("sandbox"), {}, site("Zedmed").guid, {}));
    const Read second = readSchema(reader, target(bp, other));
    QVERIFY2(second.ok, qPrintable(second.error));
    const auto otherLoaded = cache.load(QStringLiteral("sandbox"), {}, bp.guid, other);
    QVERIFY(otherLoaded);
    QCOMPARE(otherLoaded->catalogue, other);
    QVERIFY(tableNames(*otherLoaded) != tableNames(*loaded));
    QCOMPARE(tableNames(*cache.load(QStringLiteral("sandbox"), {}, bp.guid, {})),
             tableNames(*loaded));
}

void TestSchema::failedCacheWriteKeepsTheOldFile()
{
    // Works for every user, root included: a catalogue name so long that the file's name is as
    // long as the file system allows, so the temporary file written first cannot exist.
    QTemporaryDir dir;
    SchemaCache cache(dir.path());
    const QString guid = site("BestPractice").guid;
    const QString catalogue(240, QLatin1Char('c'));
    const QString path = cache.fileFor(QStringLiteral("sandbox"), guid, catalogue);
    SchemaSnapshot old;
    old.engine = QStringLiteral("SQL Server");
    old.catalogue = catalogue;
    old.readAt = QDateTime::currentDateTimeUtc().addDays(-2);
    old.tables.append({QStringLiteral("dbo"),
                       QStringLiteral("old_table"),
                       false,
                       {{QStringLiteral("id"), QStringLiteral("int"), false}}});
    const QByteArray oldBytes = SchemaCache::toJson(
        SchemaCache::keyFor(QStringLiteral("sandbox"), {}, guid, catalogue), old);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(oldBytes) != oldBytes.size())
            QSKIP("This file system does not take 250-character file names.");
    }
    QVERIFY(cache.load(QStringLiteral("sandbox"), {}, guid, catalogue));

    SchemaSnapshot newer = old;
    newer.readAt = QDateTime::currentDateTimeUtc();
    newer.tables.first().name = QStringLiteral("new_table");
    QString error;
    if (cache.store(QStringLiteral("sandbox"), {}, guid, catalogue, newer, &error))
        QSKIP("This file system takes names longer than 255 bytes; nothing failed.");
    QVERIFY(!error.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), oldBytes);
    const auto loaded = cache.load(QStringLiteral("sandbox"), {}, guid, catalogue);
    QVERIFY(loaded);
    QCOMPARE(tableNames(*loaded), QStringList{QStringLiteral("old_table")});
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no leftovers
}

void TestSchema::nothingIsSentWithoutAKey()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    rig.client.setSubscriptionKey(QString());
    Halo::QueryService queries(&rig.client);
    SchemaReader reader(&queries, nullptr);
    const Read read = readSchema(reader, target(site("BestPractice")));
    QVERIFY(!read.ok);
    QVERIFY2(read.error.contains(QLatin1String("key")), qPrintable(read.error));
    QVERIFY(rig.client.requestLog()->exchanges().isEmpty());
    QVERIFY(!reader.isReading());
}

void TestSchema::failedReadSaysWhy()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    QTemporaryDir dir;
    SchemaCache cache(dir.path());
    SchemaReader reader(&queries, &cache);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &bp = site("BestPractice");
    const Read read = readSchema(reader, target(bp, QStringLiteral("NoSuchCatalogue")));
    QVERIFY(!read.ok);
    QVERIFY(!read.error.isEmpty());
    QVERIFY(!cache.load(QStringLiteral("sandbox"), {}, bp.guid, QStringLiteral("NoSuchCatalogue")));

    // Rows that are no schema are an error, not an empty schema.
    Halo::ResultTable rows;
    rows.addColumn(QStringLiteral("x"));
    rows.addRow();
    rows.setInteger(0, 1);
    SchemaSnapshot schema;
    QString error;
    QVERIFY(!SchemaDialect::read(SchemaDialect::Engine::SqlServer, rows, &schema, &error));
    QVERIFY(error.contains(QLatin1String("TABLE_NAME")));
}

void TestSchema::completionFromSchemasReadFromTheSandbox()
{
    START_RIG(rig, keyedOptions(kKey, 10));
    Halo::QueryService queries(&rig.client);
    SchemaReader reader(&queries, nullptr);
    reader.setPollIntervals(10, 40);
    const Sandbox::SampleSite &bp = site("BestPractice");
    const Sandbox::SampleSite &zedmed = site("Zedmed");
    const Read bpRead = readSchema(reader, target(bp));
    QVERIFY2(bpRead.ok, qPrintable(bpRead.error));
    const Read fbRead = readSchema(reader, target(zedmed));
    QVERIFY2(fbRead.ok, qPrintable(fbRead.error));

    // SQL Server-style: tables after FROM, the aliased view's columns after "p.".
    const QString bpText = QStringLiteral("SELECT p. FROM BPS_Patients p JOIN BPS_App");
    SqlCompletion::Result result = SqlCompletion::complete(
        bpText, int(bpText.size()), bpRead.schema, SchemaDialect::Engine::SqlServer);
    QCOMPARE(result.kind, SqlCompletion::Kind::Tables);
    QCOMPARE(result.candidates, QStringList{QStringLiteral("BPS_Appointments")});
    result = SqlCompletion::complete(bpText, 9, bpRead.schema, SchemaDialect::Engine::SqlServer);
    QCOMPARE(result.kind, SqlCompletion::Kind::Columns);
    QCOMPARE(sortedCaseless(result.candidates),
             sortedCaseless(columnsOf(bp, QStringLiteral("BPS_Patients"))));
    const QString top = QStringLiteral("SELECT TO");
    QVERIFY(SqlCompletion::complete(top, int(top.size()), bpRead.schema,
                                    SchemaDialect::Engine::SqlServer)
                .candidates.contains(QStringLiteral("TOP")));

    // Firebird-style: upper-case names; FIRST is a keyword, TOP is not.
    const QString fbText = QStringLiteral("SELECT FI a.SUR FROM PATIENTS a");
    result = SqlCompletion::complete(fbText, 9, fbRead.schema, SchemaDialect::Engine::Firebird);
    QVERIFY(result.candidates.contains(QStringLiteral("FIRST")));
    QVERIFY(result.candidates.contains(QStringLiteral("FIRST_NAME")));
    result = SqlCompletion::complete(fbText, 15, fbRead.schema, SchemaDialect::Engine::Firebird);
    QCOMPARE(result.qualifier, QStringLiteral("a"));
    QCOMPARE(result.candidates, QStringList{QStringLiteral("SURNAME")});
    const QString fbTop = QStringLiteral("SELECT TO");
    QVERIFY(!SqlCompletion::complete(fbTop, int(fbTop.size()), fbRead.schema,
                                     SchemaDialect::Engine::Firebird)
                 .candidates.contains(QStringLiteral("TOP")));
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
