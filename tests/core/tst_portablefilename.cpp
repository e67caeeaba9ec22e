// SPDX-License-Identifier: GPL-3.0-or-later
// File names made from typed text are valid on Linux, Windows and macOS alike: checked here by
// rule (Windows' reserved characters and device names), and by writing each one to disk.
#include "FailOnWarning.h"
#include "storage/PortableFileName.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestPortableFileName : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }

    void makesNamesEveryPlatformAccepts_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("FHIR search") << QStringLiteral("Patient?family=Smith&_count=10")
                                     << QStringLiteral("Patient-family-Smith-_count-10.json");
        QTest::newRow("read by id")
            << QStringLiteral("Patient/123") << QStringLiteral("Patient-123.json");
        QTest::newRow("Windows' reserved characters")
            << QStringLiteral("a<b>c:d\"e|f?g*h\\i") << QStringLiteral("a-b-c-d-e-f-g-h-i.json");
        QTest::newRow("control characters")
            << QStringLiteral("a\tb\nc\x01") << QStringLiteral("a-b-c.json");
        QTest::newRow("leading and trailing dots")
            << QStringLiteral("..hidden.") << QStringLiteral("hidden.json");
        QTest::newRow("nothing usable") << QStringLiteral("/?*") << QStringLiteral("untitled.json");
        QTest::newRow("empty") << QString() << QStringLiteral("untitled.json");
        QTest::newRow("device name") << QStringLiteral("con") << QStringLiteral("_con.json");
        QTest::newRow("device name, upper case")
            << QStringLiteral("NUL") << QStringLiteral("_NUL.json");
        QTest::newRow("device name with a number")
            << QStringLiteral("com1") << QStringLiteral("_com1.json");
        QTest::newRow("not a device name")
            << QStringLiteral("console") << QStringLiteral("console.json");
        QTest::newRow("letters of other scripts")
            << QStringLiteral("Patient?name=Ng\u00f4 \u738b")
            << QStringLiteral("Patient-name-Ng\u00f4-\u738b.json");
    }
    void makesNamesEveryPlatformAccepts()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const QString name = Halo::portableFileName(typed, QStringLiteral("json"));
        QCOMPARE(name, expected);
        for (const QChar c : QStringLiteral("<>:\"/\\|?*"))
            QVERIFY2(!name.contains(c), qPrintable(name));
        QTemporaryDir dir;
        QFile file(dir.filePath(name));
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
        QCOMPARE(QFileInfo(file).fileName(), name); // a name, not a path into a subfolder
    }

    void cutsLongTextWithoutLeavingADash()
    {
        const QString name = Halo::portableFileName(
            QString(59, QLatin1Char('x')) + QStringLiteral("?y"), QStringLiteral("json"));
        QCOMPARE(name, QString(59, QLatin1Char('x')) + QStringLiteral(".json"));
        QCOMPARE(Halo::portableFileName(QString(300, QLatin1Char('a')), QString()).size(), 60);
    }
};

QTEST_GUILESS_MAIN(TestPortableFileName)
#include "tst_portablefilename.moc"
