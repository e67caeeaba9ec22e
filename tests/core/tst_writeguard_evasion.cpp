// SPDX-License-Identifier: GPL-3.0-or-later
// Text built to slip a write past the plain-SELECT check: keywords glued to numbers, money and
// comments that T-SQL ends at a carriage return, statements T-SQL starts with unreserved words,
// comments that nest, and every writing keyword after every separator. And what must still pass:
// SELECTs that use numbers, money, window frames, hints and names beyond ASCII.
#include "FailOnWarning.h"
#include "sql/WriteGuard.h"

#include <QtTest>

namespace {

Halo::QueryCommand reader(const QString &text)
{
    Halo::QueryCommand c;
    c.text = text;
    c.executionMode = QStringLiteral("reader");
    c.type = QStringLiteral("text");
    return c;
}

// Keywords that write, start another statement, or reach outside the query.
const QStringList &writeKeywords()
{
    static const QStringList words = {
        QStringLiteral("DELETE"),   QStringLiteral("UPDATE"),     QStringLiteral("INSERT"),
        QStringLiteral("DROP"),     QStringLiteral("ALTER"),      QStringLiteral("TRUNCATE"),
        QStringLiteral("EXEC"),     QStringLiteral("EXECUTE"),    QStringLiteral("MERGE"),
        QStringLiteral("GRANT"),    QStringLiteral("REVOKE"),     QStringLiteral("DENY"),
        QStringLiteral("DISABLE"),  QStringLiteral("ENABLE"),     QStringLiteral("CREATE"),
        QStringLiteral("DBCC"),     QStringLiteral("BACKUP"),     QStringLiteral("RESTORE"),
        QStringLiteral("SHUTDOWN"), QStringLiteral("KILL"),       QStringLiteral("RECONFIGURE"),
        QStringLiteral("BULK"),     QStringLiteral("INTO"),       QStringLiteral("SET"),
        QStringLiteral("DECLARE"),  QStringLiteral("BEGIN"),      QStringLiteral("WAITFOR"),
        QStringLiteral("RECEIVE"),  QStringLiteral("SEND"),       QStringLiteral("RECREATE"),
        QStringLiteral("USE"),      QStringLiteral("OPENROWSET"), QStringLiteral("WRITETEXT"),
    };
    return words;
}

// What comes between "SELECT 1" (or its stand-in) and the keyword: "%1" is the keyword.
struct Separator {
    const char *name;
    const char *pattern;
};

const Separator kSeparators[] = {
    {"number suffix", "SELECT 1%1 FROM Patients"},
    {"decimal suffix", "SELECT 1.5%1 FROM Patients"},
    {"exponent", "SELECT 1e5%1 FROM Patients"},
    {"signed exponent", "SELECT 2.5E-3%1 FROM Patients"},
    {"currency", "SELECT $1%1 FROM Patients"},
    {"currency decimal", "SELECT $1.5%1 FROM Patients"},
    {"bare currency", "SELECT $%1 FROM Patients"},
    {"line comment CR", "SELECT 1 --c\r%1 FROM Patients"},
    {"line comment CRLF", "SELECT 1 --c\r\n%1 FROM Patients"},
    {"line comment LF", "SELECT 1 --c\n%1 FROM Patients"},
    {"empty block comment", "SELECT 1/**/%1 FROM Patients"},
    {"tab", "SELECT 1\t%1 FROM Patients"},
    {"newline", "SELECT 1\n%1 FROM Patients"},
    {"carriage return", "SELECT 1\r%1 FROM Patients"},
    {"no-break space", "SELECT 1\u00a0%1 FROM Patients"},
    {"semicolon", "SELECT 1;%1 FROM Patients"},
    {"closing bracket", "SELECT [a]%1 FROM Patients"},
    {"closing quote", "SELECT 'a'%1 FROM Patients"},
    {"closing parenthesis", "SELECT (1)%1 FROM Patients"},
    {"accented letter", "SELECT 1 é%1 FROM Patients"},
};

} // namespace

class TestWriteGuardEvasion : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void reportedEvasionsAreWrites_data();
    void reportedEvasionsAreWrites();
    void everyKeywordAfterEverySeparatorIsAWrite_data();
    void everyKeywordAfterEverySeparatorIsAWrite();
    void ambiguousTextIsAWrite_data();
    void ambiguousTextIsAWrite();
    void legitimateSelectsStayPlain_data();
    void legitimateSelectsStayPlain();
};

void TestWriteGuardEvasion::reportedEvasionsAreWrites_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("keyword");

    QTest::newRow("exponent") << "SELECT 1e5delete FROM Patients"
                              << "DELETE";
    QTest::newRow("currency") << "SELECT $1delete FROM Patients"
                              << "DELETE";
    QTest::newRow("comment ended by CR") << "SELECT 1 --c\rDELETE FROM Patients"
                                         << "DELETE";
    QTest::newRow("disable trigger") << "SELECT 1 DISABLE TRIGGER ALL ON Patients"
                                     << "DISABLE";
}

void TestWriteGuardEvasion::reportedEvasionsAreWrites()
{
    QFETCH(QString, sql);
    QFETCH(QString, keyword);
    QVERIFY(!Halo::WriteGuard::isPlainSelect(sql));
    QVERIFY(Halo::WriteGuard::mayWrite(reader(sql)));
    QVERIFY(Halo::WriteGuard::needsConfirmation(reader(sql), Halo::Environment::Production));
    const QString reason = Halo::WriteGuard::writeReason(reader(sql));
    QVERIFY2(reason.contains(keyword), qPrintable(reason));
}

void TestWriteGuardEvasion::everyKeywordAfterEverySeparatorIsAWrite_data()
{
    QTest::addColumn<QString>("sql");
    for (const QString &keyword : writeKeywords()) {
        for (const Separator &separator : kSeparators) {
            const QString pattern = QString::fromUtf8(separator.pattern);
            QTest::addRow("%s %s", qPrintable(keyword), separator.name) << pattern.arg(keyword);
            QTest::addRow("%s %s, lower case", qPrintable(keyword), separator.name)
                << pattern.arg(keyword.toLower());
        }
    }
}

void TestWriteGuardEvasion::everyKeywordAfterEverySeparatorIsAWrite()
{
    QFETCH(QString, sql);
    QVERIFY2(!Halo::WriteGuard::isPlainSelect(sql), qPrintable(sql));
    QVERIFY(!Halo::WriteGuard::writeReason(reader(sql)).isEmpty());
}

void TestWriteGuardEvasion::ambiguousTextIsAWrite_data()
{
    QTest::addColumn<QString>("sql");

    // T-SQL nests block comments: the second "*/" ends it, and the quote is not a string.
    QTest::newRow("nested comment hides a quote")
        << "SELECT 1 /* /* */ ' */ DELETE FROM Patients --'";
    // Backticks quote nothing in T-SQL.
    QTest::newRow("backticks") << "SELECT `a DELETE FROM Patients` FROM t";
    QTest::newRow("full-width keyword") << "SELECT 1 \uff24\uff25\uff2c\uff25\uff34\uff25 FROM t";
    QTest::newRow("second select without semicolon") << "SELECT 1 SELECT 2";
    QTest::newRow("second select after subquery") << "SELECT (SELECT 1) SELECT 2";
    QTest::newRow("starts with a number") << "1 SELECT 1";
    QTest::newRow("steps a sequence") << "SELECT NEXT VALUE FOR dbo.Numbers";
    QTest::newRow("firebird generator") << "SELECT GEN_ID(g, 1) FROM RDB$DATABASE";
    QTest::newRow("end conversation") << "SELECT 1 END CONVERSATION @h";
    QTest::newRow("glued exponent without digits") << "SELECT 1edelete FROM Patients";
    QTest::newRow("set option") << "SELECT 1 SET ROWCOUNT 0";
    QTest::newRow("unicode line separator ends a comment")
        << "SELECT 1 --c\u2028DELETE FROM Patients";
}

void TestWriteGuardEvasion::ambiguousTextIsAWrite()
{
    QFETCH(QString, sql);
    QVERIFY(!Halo::WriteGuard::isPlainSelect(sql));
    QVERIFY(!Halo::WriteGuard::writeReason(reader(sql)).isEmpty());
}

void TestWriteGuardEvasion::legitimateSelectsStayPlain_data()
{
    QTest::addColumn<QString>("sql");

    QTest::newRow("float") << "SELECT 1e5 AS big, 2.5E-3 AS small, .5 AS half FROM t";
    QTest::newRow("money") << "SELECT $1.50 AS fee, $-2 AS refund FROM t";
    QTest::newRow("binary") << "SELECT 0x1F2E AS b";
    QTest::newRow("identity pseudo-column") << "SELECT $IDENTITY, $ROWGUID FROM t";
    QTest::newRow("comment ended by CRLF") << "SELECT 1 -- note\r\nFROM t";
    QTest::newRow("comment ended by CR") << "SELECT 1 -- note\rFROM t";
    QTest::newRow("offset fetch")
        << "SELECT id FROM t ORDER BY id OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY";
    QTest::newRow("window frame") << "SELECT SUM(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED "
                                     "PRECEDING AND CURRENT ROW) FROM t";
    QTest::newRow("values constructor") << "SELECT a FROM (VALUES (1), (2)) AS v(a)";
    QTest::newRow("table hint") << "SELECT * FROM t WITH (NOLOCK)";
    QTest::newRow("for xml") << "SELECT id FROM t FOR XML PATH('row')";
    QTest::newRow("cast double") << "SELECT CAST(x AS DOUBLE PRECISION), TRY_CONVERT(int, y)";
    QTest::newRow("union all") << "SELECT a FROM t UNION ALL SELECT b FROM u";
    QTest::newRow("subqueries") << "SELECT (SELECT 1), a FROM t WHERE EXISTS (SELECT 1 FROM u)";
    QTest::newRow("two ctes") << "WITH a AS (SELECT 1 AS x), b AS (SELECT 2 AS y) "
                                 "SELECT * FROM a, b";
    QTest::newRow("names beyond ascii") << "SELECT Größe, café FROM Maße";
    QTest::newRow("no-break spaces") << "SELECT\u00a0id\u00a0FROM\u00a0t";
    QTest::newRow("default argument") << "SELECT * FROM dbo.fn(DEFAULT)";
    QTest::newRow("firebird plan") << "SELECT FIRST 5 * FROM t PLAN (t NATURAL)";
    QTest::newRow("words around keywords") << "SELECT updated_at, deleted, into_x, setting FROM t";
    QTest::newRow("keyword after variable") << "SELECT @x1delete";
}

void TestWriteGuardEvasion::legitimateSelectsStayPlain()
{
    QFETCH(QString, sql);
    QVERIFY2(Halo::WriteGuard::isPlainSelect(sql),
             qPrintable(Halo::WriteGuard::writeReason(reader(sql))));
    QVERIFY(!Halo::WriteGuard::mayWrite(reader(sql)));
}

QTEST_GUILESS_MAIN(TestWriteGuardEvasion)
#include "tst_writeguard_evasion.moc"
