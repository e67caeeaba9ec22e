// halo-cli at parity with the window, run exactly as scripts run it, against a halo-sandbox
// process whose request log shows what reached it: pairing failures without advice about GUIDs.
#include "CliHarness.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using CliHarness::CliResult;
using CliHarness::runCli;

namespace {

// Sample sites of the sandbox (halo-sandbox --print-sites).
const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kNonAuthoritative = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
const QString kPmsId = QStringLiteral("BP-20431"); // both of the above
const QString kZedmed = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");
const QString kOffline = QStringLiteral("58e1a6c3-0d7b-4b29-9c4e-2a6f93d1b785"); // 6 h 17 min
const QString kRenamed = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
const QString kUnpaired = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");
const QString kUnpairedPmsId = QStringLiteral("BP-44019");
const QString kPairingFailsPmsId = QStringLiteral("BP-27603");
const QString kPairingFailsCode = QStringLiteral("R6JM4X");

const QString kRowsSql =
    QStringLiteral("SELECT id, first_name, last_name FROM patients ORDER BY id LIMIT 40");

enum Exit { Ok = 0, ApiFailure = 1, Usage = 2 };

bool isOneLine(const QByteArray &err)
{
    const QByteArray trimmed = err.trimmed();
    return !trimmed.isEmpty() && !trimmed.contains('\n');
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

#define QVERIFY_RUN(result, expectedExit)                                                          \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == (expectedExit), (result).transcript().constData());          \
    } while (false)

class TestCliParity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void adviceAfterAFailedPairingIsAboutPairing();

private:
    CliResult cli(const QStringList &arguments)
    {
        return runCli(QStringList{QStringLiteral("--base-url"), m_sandbox.baseUrl()} + arguments,
                      {{QStringLiteral("HALO_KEY"), m_key}});
    }
    // The sandbox's request log: "METHOD /path STATUS" lines, as many as it has written.
    QStringList requests() const
    {
        QFile file(m_logPath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return lines(QString::fromUtf8(file.readAll()));
    }

    QTemporaryDir m_dir;
    QString m_logPath;
    CliHarness::SandboxProcess m_sandbox;
    QString m_key;
};

void TestCliParity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_key = QString::number(QRandomGenerator::global()->generate64(), 16);
    m_logPath = m_dir.filePath(QStringLiteral("sandbox.log"));
    QString why;
    QVERIFY2(
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                         m_key, QStringLiteral("--async-step"), QStringLiteral("100")},
                        &why, m_logPath),
        qPrintable(why));
}

void TestCliParity::adviceAfterAFailedPairingIsAboutPairing()
{
    const CliResult wrongCode =
        cli({"pair", "--pms-id", kUnpairedPmsId, "--pms", "Best Practice", "--code", "WRONG1"});
    QVERIFY_RUN(wrongCode, ApiFailure);
    QVERIFY2(isOneLine(wrongCode.err), wrongCode.err);
    QVERIFY2(wrongCode.errText().contains(QLatin1String("403")), wrongCode.err);
    QVERIFY2(wrongCode.errText().contains(QLatin1String("pairing code")), wrongCode.err);
    QVERIFY2(!wrongCode.errText().contains(QLatin1String("e-resolve")), wrongCode.err);

    const CliResult failing = cli({"pair", "--pms-id", kPairingFailsPmsId, "--pms", "Best Practice",
                                   "--code", kPairingFailsCode});
    QVERIFY_RUN(failing, ApiFailure);
    QVERIFY2(failing.errText().contains(QLatin1String("502")), failing.err);
    QVERIFY2(!failing.errText().contains(QLatin1String("e-resolve")), failing.err);
    QVERIFY2(!failing.errText().contains(QLatin1String("GUID")), failing.err);

    // A query to a site that is not paired yet: pair it, not re-resolve it.
    const CliResult unpaired = cli({"query", kUnpaired, "SELECT 1 AS one"});
    QVERIFY_RUN(unpaired, ApiFailure);
    QVERIFY2(unpaired.errText().contains(QLatin1String("halo-cli pair")), unpaired.err);
    QVERIFY2(!unpaired.errText().contains(QLatin1String("e-resolve")), unpaired.err);

    // A 403 that is not about pairing keeps its advice.
    const CliResult old = cli({"query", kNonAuthoritative, "SELECT 1 AS one"});
    QVERIFY_RUN(old, ApiFailure);
    QVERIFY2(old.errText().contains(QLatin1String("Re-resolve")), old.err);
}

QTEST_GUILESS_MAIN(TestCliParity)
#include "tst_cli_parity.moc"
