// SPDX-License-Identifier: GPL-3.0-or-later
// The catalogue queries each engine understands, answered by the sandbox's SqlRunner from
// SQLite's own catalogue: INFORMATION_SCHEMA on SQL Server-style sites (Best Practice, D4w),
// SYS.SYSCOLUMNS on D4w (SQL Anywhere), RDB$RELATIONS / RDB$RELATION_FIELDS / RDB$FIELDS on
// Zedmed (Firebird, names padded to CHAR(31)); and the SQL those engines' users write around
// them: dbo.table, SELECT FIRST n SKIP m.
#include "FailOnWarning.h"
#include "SampleData.h"
#include "SampleDatabase.h"
#include "SampleSites.h"
#include "SqlRunner.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Sandbox;
using SampleData::onlineBestPractice;
using SampleData::siteWith;

namespace {

SqlOutcome run(QSqlDatabase db, const QString &text)
{
    SqlCommand command;
    command.text = text;
    return SqlRunner::run(db, command);
}

const SampleSite &zedmed()
{
    return siteWith(SiteScenario::Online, QStringLiteral("Zedmed"));
}

const SampleSite &d4w()
{
    return siteWith(SiteScenario::Online, QStringLiteral("D4w"));
}

// What SQLite itself says: the user tables and views, and a table's columns in order.
QStringList sqliteRelations(QSqlDatabase db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral(
        "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE "
        "'sqlite!_%' ESCAPE '!' AND name <> 'stored_procedures' ORDER BY name"));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QStringList sqliteColumns(QSqlDatabase db, const QString &table)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

int columnIndex(const SqlOutcome &outcome, const char *name)
{
    return int(outcome.columns.indexOf(QString::fromLatin1(name)));
}

QStringList column(const SqlOutcome &outcome, const char *name)
{
    const int index = columnIndex(outcome, name);
    QStringList values;
    for (const QVariantList &row : outcome.rows)
        values.append(row.value(index).toString());
    return values;
}

QString describe(const SqlOutcome &outcome)
{
    return QStringLiteral("%1 %2").arg(outcome.errorCode).arg(outcome.errorMessage);
}

} // namespace

class TestCatalogueViews : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void cleanup() { SampleDatabase::closeAll(); }

    void informationSchemaTablesListsTablesAndViews();
    void informationSchemaColumnsGivesTypesAndNullability();
    void bracketedNamesAndLaterTablesWork();
    void firebirdRelationsArePaddedAndFlagged();
    void firebirdFieldsGiveTypeCodesAndNullFlags();
    void sqlAnywhereSysColumnsOnD4w();
    void eachEngineAnswersOnlyItsOwnCatalogue();
    void ownerPrefixAndFirstSkipAreRewritten();
};

void TestCatalogueViews::informationSchemaTablesListsTablesAndViews()
{
    const SampleSite &site = onlineBestPractice();
    QSqlDatabase db = SampleDatabase::open(site);
    const SqlOutcome outcome =
        run(db, QStringLiteral("SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE "
                               "FROM INFORMATION_SCHEMA.TABLES ORDER BY TABLE_NAME"));
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(outcome.columns,
             (QStringList{QStringLiteral("TABLE_CATALOG"), QStringLiteral("TABLE_SCHEMA"),
                          QStringLiteral("TABLE_NAME"), QStringLiteral("TABLE_TYPE")}));
    QCOMPARE(column(outcome, "TABLE_NAME"), sqliteRelations(db));
    QVERIFY(!column(outcome, "TABLE_NAME").contains(QStringLiteral("stored_procedures")));
    for (const QVariantList &row : outcome.rows) {
        QCOMPARE(row.at(0).toString(), site.defaultCatalogue());
        QCOMPARE(row.at(1).toString(), QStringLiteral("dbo"));
        const QString name = row.at(2).toString();
        QCOMPARE(row.at(3).toString(), name.startsWith(QLatin1String("BPS_"))
                                           ? QStringLiteral("VIEW")
                                           : QStringLiteral("BASE TABLE"));
    }
    QVERIFY(column(outcome, "TABLE_NAME").contains(QStringLiteral("BPS_Patients")));
}

void TestCatalogueViews::informationSchemaColumnsGivesTypesAndNullability()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    const SqlOutcome outcome =
        run(db, QStringLiteral("SELECT c.COLUMN_NAME, c.ORDINAL_POSITION, c.DATA_TYPE, "
                               "c.IS_NULLABLE, c.CHARACTER_MAXIMUM_LENGTH "
                               "FROM INFORMATION_SCHEMA.COLUMNS c "
                               "WHERE c.TABLE_NAME = 'patients' ORDER BY c.ORDINAL_POSITION"));
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(column(outcome, "COLUMN_NAME"), sqliteColumns(db, QStringLiteral("patients")));
    QHash<QString, QVariantList> byName;
    for (int i = 0; i < outcome.rows.size(); ++i) {
        byName.insert(outcome.rows.at(i).at(0).toString(), outcome.rows.at(i));
        QCOMPARE(outcome.rows.at(i).at(1).toLongLong(), qlonglong(i + 1));
    }
    // id INTEGER PRIMARY KEY; balance REAL; first_name TEXT; middle_name TEXT NULL.
    QCOMPARE(byName.value(QStringLiteral("id")).at(2).toString(), QStringLiteral("int"));
    QCOMPARE(byName.value(QStringLiteral("id")).at(3).toString(), QStringLiteral("NO"));
    QVERIFY(byName.value(QStringLiteral("id")).at(4).isNull());
    QCOMPARE(byName.value(QStringLiteral("balance")).at(2).toString(), QStringLiteral("float"));
    QCOMPARE(byName.value(QStringLiteral("middle_name")).at(2).toString(),
             QStringLiteral("nvarchar"));
    QCOMPARE(byName.value(QStringLiteral("middle_name")).at(3).toString(), QStringLiteral("YES"));
    QCOMPARE(byName.value(QStringLiteral("middle_name")).at(4).toLongLong(), -1LL);

    // A view's computed column has no declared type.
    const SqlOutcome view = run(db, QStringLiteral("SELECT DATA_TYPE FROM "
                                                   "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME "
                                                   "= 'BPS_Patients' AND COLUMN_NAME = "
                                                   "'StatusText'"));
    QVERIFY2(view.ok, qPrintable(describe(view)));
    QCOMPARE(column(view, "DATA_TYPE"), QStringList{QStringLiteral("sql_variant")});
}

void TestCatalogueViews::bracketedNamesAndLaterTablesWork()
{
    QSqlDatabase db = SampleDatabase::open(onlineBestPractice());
    QVERIFY(run(db, QStringLiteral("CREATE TABLE later_notes(id INTEGER NOT NULL, body TEXT)")).ok);
    const SqlOutcome outcome =
        run(db, QStringLiteral("SELECT [COLUMN_NAME], [IS_NULLABLE] FROM "
                               "[INFORMATION_SCHEMA].[COLUMNS] WHERE [TABLE_NAME] = "
                               "'later_notes' ORDER BY [ORDINAL_POSITION]"));
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(column(outcome, "COLUMN_NAME"),
             (QStringList{QStringLiteral("id"), QStringLiteral("body")}));
    QCOMPARE(column(outcome, "IS_NULLABLE"),
             (QStringList{QStringLiteral("NO"), QStringLiteral("YES")}));
}

void TestCatalogueViews::firebirdRelationsArePaddedAndFlagged()
{
    QSqlDatabase db = SampleDatabase::open(zedmed());
    const SqlOutcome outcome =
        run(db, QStringLiteral("SELECT RDB$RELATION_NAME, RDB$SYSTEM_FLAG, RDB$VIEW_BLR FROM "
                               "RDB$RELATIONS ORDER BY RDB$RELATION_NAME"));
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
    QStringList user;
    QStringList system;
    for (const QVariantList &row : outcome.rows) {
        const QString name = row.at(0).toString();
        QCOMPARE(name.size(), 31); // CHAR(31), blank-padded
        (row.at(1).toLongLong() == 1 ? system : user).append(name.trimmed());
        QVERIFY(row.at(2).isNull()); // tables, no views on Zedmed
    }
    QStringList expected;
    for (const QString &name : sqliteRelations(db))
        expected.append(name.toUpper());
    expected.sort();
    QCOMPARE(user, expected);
    QVERIFY(system.contains(QStringLiteral("RDB$DATABASE")));
}

void TestCatalogueViews::firebirdFieldsGiveTypeCodesAndNullFlags()
{
    QSqlDatabase db = SampleDatabase::open(zedmed());
    const SqlOutcome outcome =
        run(db, QStringLiteral("SELECT TRIM(rf.RDB$FIELD_NAME) AS FIELD, rf.RDB$FIELD_POSITION, "
                               "f.RDB$FIELD_TYPE, rf.RDB$NULL_FLAG "
                               "FROM RDB$RELATION_FIELDS rf "
                               "JOIN RDB$FIELDS f ON f.RDB$FIELD_NAME = rf.RDB$FIELD_SOURCE "
                               "WHERE rf.RDB$RELATION_NAME = 'PATIENTS' "
                               "ORDER BY rf.RDB$FIELD_POSITION"));
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
    QStringList expected;
    for (const QString &name : sqliteColumns(db, QStringLiteral("patients")))
        expected.append(name.toUpper());
    QCOMPARE(column(outcome, "FIELD"), expected);
    QHash<QString, QVariantList> byName;
    for (int i = 0; i < outcome.rows.size(); ++i) {
        byName.insert(outcome.rows.at(i).at(0).toString(), outcome.rows.at(i));
        QCOMPARE(outcome.rows.at(i).at(1).toLongLong(), qlonglong(i)); // from 0
    }
    QCOMPARE(byName.value(QStringLiteral("ID")).at(2).toLongLong(), 8LL);       // INTEGER
    QCOMPARE(byName.value(QStringLiteral("ID")).at(3).toLongLong(), 1LL);       // NOT NULL
    QCOMPARE(byName.value(QStringLiteral("SURNAME")).at(2).toLongLong(), 37LL); // VARCHAR
    QVERIFY(byName.value(QStringLiteral("SURNAME")).at(3).isNull());
    QCOMPARE(byName.value(QStringLiteral("BALANCE")).at(2).toLongLong(), 27LL); // DOUBLE
}

void TestCatalogueViews::sqlAnywhereSysColumnsOnD4w()
{
    QSqlDatabase db = SampleDatabase::open(d4w());
    const SqlOutcome outcome =
        run(db, QStringLiteral("SELECT creator, tname, cname, coltype, nulls, colno "
                               "FROM SYS.SYSCOLUMNS WHERE tname = 'appointments' ORDER BY colno"));
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));
    QCOMPARE(column(outcome, "cname"), sqliteColumns(db, QStringLiteral("appointments")));
    QCOMPARE(column(outcome, "creator").first(), QStringLiteral("DBA"));
    QCOMPARE(column(outcome, "coltype").first(), QStringLiteral("integer"));
    QCOMPARE(column(outcome, "nulls").first(), QStringLiteral("N"));
    const SqlOutcome system =
        run(db, QStringLiteral("SELECT DISTINCT creator FROM SYS.SYSCOLUMNS ORDER BY creator"));
    QCOMPARE(column(system, "creator"),
             (QStringList{QStringLiteral("DBA"), QStringLiteral("SYS")}));
    // D4w is also an SQL Server-style site in the sandbox.
    QVERIFY(run(db, QStringLiteral("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES")).ok);
}

void TestCatalogueViews::eachEngineAnswersOnlyItsOwnCatalogue()
{
    const SqlOutcome onBp = run(SampleDatabase::open(onlineBestPractice()),
                                QStringLiteral("SELECT * FROM RDB$RELATIONS"));
    QVERIFY(!onBp.ok);
    QCOMPARE(onBp.errorCode, 208); // no such table
    const SqlOutcome onZedmed = run(SampleDatabase::open(zedmed()),
                                    QStringLiteral("SELECT * FROM INFORMATION_SCHEMA.TABLES"));
    QVERIFY(!onZedmed.ok);
    QCOMPARE(onZedmed.errorCode, 208);
    const SqlOutcome sysOnBp = run(SampleDatabase::open(onlineBestPractice()),
                                   QStringLiteral("SELECT * FROM SYS.SYSCOLUMNS"));
    QVERIFY(!sysOnBp.ok);
}

void TestCatalogueViews::ownerPrefixAndFirstSkipAreRewritten()
{
    QSqlDatabase bp = SampleDatabase::open(onlineBestPractice());
    const SqlOutcome top =
        run(bp, QStringLiteral("SELECT TOP 2 p.id FROM dbo.patients p ORDER BY p.id"));
    QVERIFY2(top.ok, qPrintable(describe(top)));
    QCOMPARE(column(top, "id"), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    const SqlOutcome bracketed =
        run(bp, QStringLiteral("SELECT COUNT(*) AS n FROM [dbo].[BPS_Patients]"));
    QVERIFY2(bracketed.ok, qPrintable(describe(bracketed)));

    QSqlDatabase fb = SampleDatabase::open(zedmed());
    const SqlOutcome first =
        run(fb, QStringLiteral("SELECT FIRST 3 SKIP 2 ID FROM PATIENTS ORDER BY ID"));
    QVERIFY2(first.ok, qPrintable(describe(first)));
    QCOMPARE(first.rows.size(), 3);
    QCOMPARE(first.rows.at(0).at(0).toLongLong(), 3LL);
    QCOMPARE(first.rows.at(2).at(0).toLongLong(), 5LL);
    const SqlOutcome firstOnly = run(fb, QStringLiteral("SELECT FIRST 100 * FROM PATIENTS"));
    QVERIFY2(firstOnly.ok, qPrintable(describe(firstOnly)));
    QCOMPARE(firstOnly.rows.size(), 100);
    // A column called first is left alone.
    const SqlOutcome named =
        run(fb, QStringLiteral("SELECT first_name AS first FROM PATIENTS WHERE ID = 1"));
    QVERIFY2(named.ok, qPrintable(describe(named)));
    QCOMPARE(named.columns, QStringList{QStringLiteral("first")});
}

QTEST_GUILESS_MAIN(TestCatalogueViews)
#include "tst_catalogueviews.moc"
