// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli and the subscription key, end to end: a wrong key explained, the embedded sandbox
// without a key, the keychain key used until it is forgotten (in isolated.sh's private
// keyring), an empty key refused, Stage and Production without a key, no keychain at all.
#include "CliSuite.h"
#include "FailOnWarning.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QtTest>

class TestCliKeys : public QObject, protected CliSuite
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();

    void explainsAWrongKeyWithExitOne();
    void worksOnTheEmbeddedSandboxWithoutAKey();
    void usesTheKeychainKeyUntilItIsForgotten();
    void refusesToStoreAnEmptyKey();
    void needsAKeyForStageAndProduction();
    void explainsAMissingKeychainWithExitThree();
};

void TestCliKeys::initTestCase()
{
    QString why;
    QVERIFY2(startSandbox(&why), qPrintable(why));
}

void TestCliKeys::explainsAWrongKeyWithExitOne()
{
    const CliResult result = runCli({"--base-url", m_sandbox.baseUrl(), "site", "status", kOnline},
                                    {{QStringLiteral("HALO_KEY"), QStringLiteral("not-the-key")}});
    QVERIFY_RUN(result, ApiFailure);
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("401")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("key")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("environment")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("HALO_KEY")), result.err);
    QVERIFY2(!result.errText().contains(QLatin1String("not-the-key")), result.err);
}

void TestCliKeys::worksOnTheEmbeddedSandboxWithoutAKey()
{
    const CliResult status = runCli({"--environment", "sandbox", "site", "status", kOnline});
    QVERIFY_RUN(status, Ok);
    QVERIFY2(status.outText().contains(QLatin1String("Harbourside Family Medical")), status.out);

    // The default environment is the sandbox, unless HALO_ENVIRONMENT names another.
    const CliResult byDefault =
        runCli({"query", kOnline, "--async", "SELECT TOP 2 id FROM patients ORDER BY id"});
    QVERIFY_RUN(byDefault, Ok);
    QVERIFY2(byDefault.outText().contains(QLatin1String("Rows: 2")), byDefault.out);

    const CliResult named =
        runCli({"fhir", kOnline, "Patient?_count=1"},
               {{QStringLiteral("HALO_ENVIRONMENT"), QStringLiteral("sandbox")}});
    QVERIFY_RUN(named, Ok);
    // The embedded sandbox ends with the run: no next-page command that could not work.
    QVERIFY2(!named.errText().contains(QLatin1String("More results")), named.err);

    if (skipUnlessIsolated())
        return;
    const CliResult stage = runCli({"site", "status", kOnline},
                                   {{QStringLiteral("HALO_ENVIRONMENT"), QStringLiteral("stage")}});
    QVERIFY_RUN(stage, KeyProblem);
}

void TestCliKeys::usesTheKeychainKeyUntilItIsForgotten()
{
    if (skipUnlessIsolated())
        QSKIP("Run through ctest: this test needs the private keyring of isolated.sh.");
    const QStringList custom{"--base-url", m_sandbox.baseUrl()};
    const CliResult saved = runCli(custom + QStringList{"key", "set"}, {}, m_key.toUtf8() + '\n');
    QVERIFY_RUN(saved, Ok);
    QVERIFY2(saved.outText().contains(QLatin1String("Saved")), saved.out);
    QVERIFY2(!saved.outText().contains(m_key) && !saved.errText().contains(m_key),
             "the key is never printed");

    // No HALO_KEY: the key comes from the keychain entry for this host.
    const CliResult status = runCli(custom + QStringList{"site", "status", kOnline});
    QVERIFY_RUN(status, Ok);
    QVERIFY2(status.outText().contains(QLatin1String("Harbourside")), status.out);

    const CliResult forgotten = runCli(custom + QStringList{"key", "forget"});
    QVERIFY_RUN(forgotten, Ok);

    const CliResult after = runCli(custom + QStringList{"site", "status", kOnline});
    QVERIFY_RUN(after, KeyProblem);
    QVERIFY2(isOneLine(after.err), after.err);
    QVERIFY2(after.errText().contains(QLatin1String("key set")), after.err);
    QVERIFY2(after.errText().contains(QLatin1String("HALO_KEY")), after.err);

    // Stage keeps a key of its own; storing and forgetting it needs no network.
    const QStringList stage{"--environment", "stage"};
    const CliResult stageSaved =
        runCli(stage + QStringList{"--json", "key", "set"}, {}, QByteArray("stage-key-123"));
    QVERIFY_RUN(stageSaved, Ok);
    QCOMPARE(QJsonDocument::fromJson(stageSaved.out).object().value("environment").toString(),
             QStringLiteral("stage"));
    QVERIFY_RUN(runCli(stage + QStringList{"key", "forget"}), Ok);
}

void TestCliKeys::refusesToStoreAnEmptyKey()
{
    if (skipUnlessIsolated())
        QSKIP("Run through ctest: this test needs the private keyring of isolated.sh.");
    const CliResult result =
        runCli({"--environment", "stage", "key", "set"}, {}, QByteArray("  \n"));
    QVERIFY_RUN(result, KeyProblem);
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("nothing was saved")), result.err);
}

void TestCliKeys::needsAKeyForStageAndProduction()
{
    if (skipUnlessIsolated())
        QSKIP("Run through ctest: this test needs the private keyring of isolated.sh.");
    for (const char *environment : {"stage", "production"}) {
        const CliResult result =
            runCli({"--environment", QLatin1String(environment), "site", "status", kOnline});
        QVERIFY_RUN(result, KeyProblem);
        QVERIFY2(isOneLine(result.err), result.err);
        QVERIFY2(result.errText().contains(QLatin1String("No subscription key")), result.err);
    }
}

void TestCliKeys::explainsAMissingKeychainWithExitThree()
{
    const QMap<QString, QString> noBus{
        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}};
    const CliResult saved =
        runCli({"--environment", "stage", "key", "set"}, noBus, QByteArray("some-key\n"));
    QVERIFY_RUN(saved, KeyProblem);
    QVERIFY2(isOneLine(saved.err), saved.err);
    QVERIFY2(saved.errText().contains(QLatin1String("No keychain is available")), saved.err);
    QVERIFY2(saved.errText().contains(QLatin1String("HALO_KEY")), saved.err);

    const CliResult read = runCli({"--environment", "stage", "site", "status", kOnline}, noBus);
    QVERIFY_RUN(read, KeyProblem);
    QVERIFY2(read.errText().contains(QLatin1String("No keychain is available")), read.err);

    // HALO_KEY needs no keychain at all, as on a CI runner.
    QMap<QString, QString> ci = noBus;
    ci.insert(QStringLiteral("HALO_KEY"), m_key);
    const CliResult status =
        runCli({"--base-url", m_sandbox.baseUrl(), "site", "status", kOnline}, ci);
    QVERIFY_RUN(status, Ok);
}

QTEST_GUILESS_MAIN(TestCliKeys)
#include "tst_cli_keys.moc"
