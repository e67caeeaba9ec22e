// SPDX-License-Identifier: GPL-3.0-or-later
// What the editor offers at a position, read from the text and a schema alone: tables after
// FROM and JOIN (and in a FROM list), an alias's columns after "alias.", the statement's columns
// and the engine's keywords elsewhere; only the statement the cursor is in; nothing inside a
// literal or a comment. Against the sandbox's real schemas: tst_schema.
#include "FailOnWarning.h"
#include "schema/SchemaDialect.h"
#include "schema/SqlCompletion.h"

#include <QtTest>

using Halo::SchemaDialect;
using Halo::SchemaSnapshot;
using Halo::SqlCompletion;

namespace {

constexpr auto kSqlServer = SchemaDialect::Engine::SqlServer;

Halo::SchemaTable table(const QString &schema, const QString &name, const QStringList &columns)
{
    Halo::SchemaTable result;
    result.schema = schema;
    result.name = name;
    for (const QString &column : columns)
        result.columns.append({column, QStringLiteral("int"), true});
    return result;
}

SchemaSnapshot schema()
{
    SchemaSnapshot snapshot;
    snapshot.tables = {table(QStringLiteral("dbo"), QStringLiteral("Appointments"),
                             {QStringLiteral("RecordID"), QStringLiteral("InternalID"),
                              QStringLiteral("AppointmentDate")}),
                       table(QStringLiteral("dbo"), QStringLiteral("Patients"),
                             {QStringLiteral("InternalID"), QStringLiteral("Surname"),
                              QStringLiteral("FirstName")}),
                       table(QStringLiteral("audit"), QStringLiteral("Log Entries"),
                             {QStringLiteral("EntryID"), QStringLiteral("Text")})};
    return snapshot;
}

// The candidates with the cursor where "|" is in `text`.
SqlCompletion::Result at(QString text, SchemaDialect::Engine engine = kSqlServer)
{
    const int position = int(text.indexOf(QLatin1Char('|')));
    text.remove(position, 1);
    return SqlCompletion::complete(text, position, schema(), engine);
}

QStringList columnsOf(const QString &name)
{
    QStringList names;
    const Halo::SchemaSnapshot snapshot = schema(); // table() points into it
    for (const Halo::SchemaColumn &column : snapshot.table(name)->columns)
        names.append(column.name);
    return names;
}

} // namespace

class TestSqlCompletion : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void tablesAfterFromAndJoin();
    void tablesInAFromListAndAfterUpdate();
    void aliasDotGivesThatTablesColumns();
    void selectListGivesTheStatementsColumnsAndKeywords();
    void onlyTheStatementAtTheCursorCounts();
    void nothingInsideLiteralsOrComments();
    void schemaDotGivesItsTables();
    void quotedNamesAndAliases();
    void keywordsFollowTheEngine();
};

void TestSqlCompletion::tablesAfterFromAndJoin()
{
    SqlCompletion::Result result = at(QStringLiteral("SELECT * FROM pat|"));
    QCOMPARE(result.kind, SqlCompletion::Kind::Tables);
    QCOMPARE(result.prefix, QStringLiteral("pat"));
    QCOMPARE(result.candidates, QStringList{QStringLiteral("Patients")});
    result = at(QStringLiteral("SELECT * FROM Patients p JOIN |"));
    QCOMPARE(result.kind, SqlCompletion::Kind::Tables);
    QCOMPARE(result.candidates,
             (QStringList{QStringLiteral("Appointments"), QStringLiteral("Log Entries"),
                          QStringLiteral("Patients")}));
    QCOMPARE(at(QStringLiteral("SELECT * FROM Patients p LEFT JOIN A|")).candidates,
             QStringList{QStringLiteral("Appointments")});
}

void TestSqlCompletion::tablesInAFromListAndAfterUpdate()
{
    QCOMPARE(at(QStringLiteral("SELECT * FROM Patients p, Ap|")).candidates,
             QStringList{QStringLiteral("Appointments")});
    QCOMPARE(at(QStringLiteral("UPDATE Pa|")).candidates, QStringList{QStringLiteral("Patients")});
    // A comma in the select list is not a FROM list.
    QCOMPARE(at(QStringLiteral("SELECT p.Surname, | FROM Patients p")).kind,
             SqlCompletion::Kind::ColumnsAndKeywords);
}

void TestSqlCompletion::aliasDotGivesThatTablesColumns()
{
    SqlCompletion::Result result =
        at(QStringLiteral("SELECT a.| FROM Patients p JOIN Appointments AS a ON a.InternalID = "
                          "p.InternalID"));
    QCOMPARE(result.kind, SqlCompletion::Kind::Columns);
    QCOMPARE(result.qualifier, QStringLiteral("a"));
    QStringList expected = columnsOf(QStringLiteral("Appointments"));
    expected.sort(Qt::CaseInsensitive);
    QCOMPARE(result.candidates, expected);
    result = at(QStringLiteral("SELECT * FROM Patients p WHERE p.su|"));
    QCOMPARE(result.candidates, QStringList{QStringLiteral("Surname")});
    // The table's own name works as a qualifier when it has no alias.
    QCOMPARE(at(QStringLiteral("SELECT Patients.F| FROM Patients")).candidates,
             QStringList{QStringLiteral("FirstName")});
    // An unknown alias offers nothing rather than everything.
    result = at(QStringLiteral("SELECT x.| FROM Patients p"));
    QVERIFY(result.candidates.isEmpty());
}

void TestSqlCompletion::selectListGivesTheStatementsColumnsAndKeywords()
{
    const SqlCompletion::Result result =
        at(QStringLiteral("SELECT | FROM Patients p JOIN Appointments a ON 1 = 1"));
    QCOMPARE(result.kind, SqlCompletion::Kind::ColumnsAndKeywords);
    for (const QString &column :
         columnsOf(QStringLiteral("Patients")) + columnsOf(QStringLiteral("Appointments")))
        QVERIFY2(result.candidates.contains(column), qPrintable(column));
    QCOMPARE(result.candidates.count(QStringLiteral("InternalID")), 1); // once, in both tables
    QVERIFY(!result.candidates.contains(QStringLiteral("EntryID")));    // not in the statement
    QVERIFY(result.candidates.contains(QStringLiteral("DISTINCT")));
    QCOMPARE(at(QStringLiteral("SELECT Sur| FROM Patients")).candidates,
             QStringList{QStringLiteral("Surname")});
    QCOMPARE(at(QStringLiteral("SELECT * FROM Patients WHERE firstn|")).candidates,
             QStringList{QStringLiteral("FirstName")});
}

void TestSqlCompletion::onlyTheStatementAtTheCursorCounts()
{
    const SqlCompletion::Result result =
        at(QStringLiteral("SELECT * FROM Appointments;\nSELECT Rec| FROM Patients;\nSELECT 1"));
    QVERIFY(!result.candidates.contains(QStringLiteral("RecordID")));
    QCOMPARE(SqlCompletion::statementAt(QStringLiteral("SELECT 1; SELECT 2"), 12),
             QStringLiteral(" SELECT 2"));
    // A semicolon inside a literal does not end the statement.
    QCOMPARE(at(QStringLiteral("SELECT ';' AS x, Rec| FROM Appointments")).candidates,
             QStringList{QStringLiteral("RecordID")});
}

void TestSqlCompletion::nothingInsideLiteralsOrComments()
{
    QCOMPARE(at(QStringLiteral("SELECT * FROM Patients WHERE Surname = 'Pa|")).kind,
             SqlCompletion::Kind::None);
    QCOMPARE(at(QStringLiteral("SELECT * FROM -- Pa|")).kind, SqlCompletion::Kind::None);
    QCOMPARE(at(QStringLiteral("SELECT /* FROM Pa| */")).kind, SqlCompletion::Kind::None);
    // After a comment that ended, FROM still counts.
    QCOMPARE(at(QStringLiteral("SELECT * FROM /* the patients */ Pa|")).candidates,
             QStringList{QStringLiteral("Patients")});
}

void TestSqlCompletion::schemaDotGivesItsTables()
{
    const SqlCompletion::Result result = at(QStringLiteral("SELECT * FROM audit.|"));
    QCOMPARE(result.kind, SqlCompletion::Kind::Tables);
    QCOMPARE(result.candidates, QStringList{QStringLiteral("Log Entries")});
    QCOMPARE(at(QStringLiteral("SELECT l.| FROM audit.[Log Entries] l")).candidates,
             (QStringList{QStringLiteral("EntryID"), QStringLiteral("Text")}));
}

void TestSqlCompletion::quotedNamesAndAliases()
{
    QCOMPARE(at(QStringLiteral("SELECT [Log Entries].E| FROM audit.[Log Entries]")).candidates,
             QStringList{QStringLiteral("EntryID")});
    QCOMPARE(at(QStringLiteral("SELECT \"p\".S| FROM \"Patients\" \"p\"")).candidates,
             QStringList{QStringLiteral("Surname")});
    const QList<SqlCompletion::TableReference> references = SqlCompletion::tablesOf(
        QStringLiteral("SELECT * FROM dbo.Patients AS p, Appointments a JOIN (SELECT 1) s ON 1=1 "
                       "WHERE p.x IN (SELECT y FROM audit.[Log Entries])"));
    QCOMPARE(references.size(), 3);
    QCOMPARE(references.at(0).name, QStringLiteral("dbo.Patients"));
    QCOMPARE(references.at(0).alias, QStringLiteral("p"));
    QCOMPARE(references.at(1).name, QStringLiteral("Appointments"));
    QCOMPARE(references.at(1).alias, QStringLiteral("a"));
    QCOMPARE(references.at(2).name, QStringLiteral("audit.Log Entries"));
    QVERIFY(references.at(2).alias.isEmpty());
}

void TestSqlCompletion::keywordsFollowTheEngine()
{
    QVERIFY(at(QStringLiteral("SELECT T|")).candidates.contains(QStringLiteral("TOP")));
    const QStringList firebird =
        at(QStringLiteral("SELECT F|"), SchemaDialect::Engine::Firebird).candidates;
    QVERIFY(firebird.contains(QStringLiteral("FIRST")));
    QVERIFY(!at(QStringLiteral("SELECT T|"), SchemaDialect::Engine::Firebird)
                 .candidates.contains(QStringLiteral("TOP")));
    QVERIFY(!at(QStringLiteral("SELECT F|")).candidates.contains(QStringLiteral("FIRST")));
    // Case-insensitive, sorted, each once.
    const QStringList all = at(QStringLiteral("SELECT |")).candidates;
    QStringList sorted = all;
    sorted.sort(Qt::CaseInsensitive);
    QCOMPARE(all, sorted);
    QCOMPARE(at(QStringLiteral("select sel|")).candidates, QStringList{QStringLiteral("SELECT")});
}

QTEST_GUILESS_MAIN(TestSqlCompletion)
#include "tst_sqlcompletion.moc"
