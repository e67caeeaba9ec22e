// SPDX-License-Identifier: GPL-3.0-or-later
// The suites' guard against unexpected warnings (tests/support/FailOnWarning.h) works: a test
// function that warns fails, one that announced the warning with QTest::ignoreMessage passes.
// The warning is raised in a child run of this suite, so that this run itself stays clean.
#include "FailOnWarning.h"

#include <QProcess>
#include <QtTest>

class TestFailOnWarning : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void unexpectedWarningFailsTheTest();
    void expectedWarningPasses();
    void warns(); // run only in the child
};

namespace {

const char *const ChildVariable = "HALO_FAIL_ON_WARNING_CHILD";

QString runChild(const QString &function, int *exitCode)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {function});
    if (!child.waitForFinished(60000))
        return QStringLiteral("child did not finish");
    *exitCode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
    return QString::fromUtf8(child.readAll());
}

} // namespace

void TestFailOnWarning::unexpectedWarningFailsTheTest()
{
    int exitCode = 0;
    const QString output = runChild(QStringLiteral("warns"), &exitCode);
    QVERIFY2(output.contains(QLatin1String("FAIL!  : TestFailOnWarning::warns()")),
             qPrintable(output));
    QCOMPARE(exitCode, 1); // one failed test function, no crash
}

void TestFailOnWarning::expectedWarningPasses()
{
    QTest::ignoreMessage(QtWarningMsg, "an expected warning");
    qWarning("an expected warning");
}

void TestFailOnWarning::warns()
{
    if (!qEnvironmentVariableIsSet(ChildVariable))
        QSKIP("warns only in the child run of unexpectedWarningFailsTheTest");
    qWarning("an unexpected warning");
}

QTEST_GUILESS_MAIN(TestFailOnWarning)
#include "tst_failonwarning.moc"
