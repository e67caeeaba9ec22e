// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's SqlRunner on the sample databases: execution modes, parameters, stored procedures,
// the T-SQL it accepts, SQL Server-like errors and batches.
#include "FailOnWarning.h"
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QtTest>

#include "ResultEncoder.h"
#include "SampleData.h"
#include "SampleDatabase.h"
#include "SampleSites.h"
#include "SqlRunner.h"

using namespace Sandbox;
using SampleData::onlineBestPractice;
using SampleData::scalar;

namespace {

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

} // namespace

class TestSqlRunner : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void cleanup();

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
};

void TestSqlRunner::cleanup()
{
    SampleDatabase::closeAll();
}

// ---------------------------------------------------------------------------------------------

void TestSqlRunner::readerReturnsColumnsAndTypedRows()
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

void TestSqlRunner::scalarReturnsFirstValue()
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

void TestSqlRunner::nonQueryCountsAndPersists()
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

void TestSqlRunner::inputParametersBindByName()
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

void TestSqlRunner::outputParameterConvention()
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

void TestSqlRunner::storedProcedures()
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

void TestSqlRunner::tsqlConveniences()
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

void TestSqlRunner::rewritesLeaveLiteralsAlone()
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

void TestSqlRunner::sqlErrorsLookLikeSqlServer()
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

void TestSqlRunner::multipleStatementsRunInOrder()
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

void TestSqlRunner::cataloguesAreSeparate()
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

void TestSqlRunner::millionRows()
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

QTEST_GUILESS_MAIN(TestSqlRunner)
#include "tst_sqlrunner.moc"
