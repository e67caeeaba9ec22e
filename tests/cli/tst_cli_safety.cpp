// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli's safety on Production, end to end: the real executable with HALO_KEY, on
// --environment production and on a --base-url on the Production host, with https_proxy
// pointing at a recording proxy in this test. Every command that may write is refused without
// opening a single connection and says how to allow it; a plain SELECT, or a write with
// --confirm-production once the read-only switch is off, does reach the proxy. The switch is
// the window's own (same settings file), and `read-only` shows and sets it.
#include "CliHarness.h"
#include "FailOnWarning.h"
#include "net/Environment.h"
#include "sql/WriteGuard.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using CliHarness::CliResult;
using CliHarness::runCli;

namespace {

const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kKey = QStringLiteral("cli-safety-test-key-8f31d0a2");
const QString kConnect = QStringLiteral("CONNECT api.haloconnect.io:443 HTTP/1.1");

enum Exit { Ok = 0, ApiFailure = 1, Usage = 2, KeyProblem = 3 };

bool isOneLine(const QByteArray &err)
{
    const QByteArray trimmed = err.trimmed();
    return !trimmed.isEmpty() && !trimmed.contains('\n');
}

// An HTTP proxy that tunnels nothing: it records the first line of every connection (what
// halo-cli asked for, e.g. "CONNECT api.haloconnect.io:443 HTTP/1.1"), answers as told and
// closes. It runs on a thread of its own: the test blocks in QProcess while halo-cli runs.
class RecordingProxy : public QThread
{
public:
    enum class Answer { Close, Forbidden, BadGateway };

    ~RecordingProxy() override
    {
        quit();
        wait();
    }

    bool listen()
    {
        start();
        m_ready.acquire();
        return m_port != 0;
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port.load()); }
    void setAnswer(Answer answer) { m_answer = answer; }
    QStringList takeLines()
    {
        const QMutexLocker locker(&m_mutex);
        return std::exchange(m_lines, {});
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost))
            m_port = server.serverPort();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server]() {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket]() { answer(socket); });
            }
        });
        m_ready.release();
        exec();
    }

private:
    void answer(QTcpSocket *socket)
    {
        if (socket->property("answered").toBool() || !socket->canReadLine())
            return;
        socket->setProperty("answered", true);
        {
            const QMutexLocker locker(&m_mutex);
            m_lines.append(QString::fromLatin1(socket->readLine().trimmed()));
        }
        switch (m_answer.load()) {
        case Answer::Forbidden:
            socket->write(
                "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            break;
        case Answer::BadGateway:
            socket->write(
                "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            break;
        case Answer::Close:
            break;
        }
        socket->disconnectFromHost();
    }

    std::atomic<quint16> m_port{0};
    std::atomic<Answer> m_answer{Answer::Close};
    QSemaphore m_ready;
    QMutex m_mutex;
    QStringList m_lines;
};

QStringList productionDestination()
{
    return {QStringLiteral("--environment"), QStringLiteral("production")};
}

QStringList productionHostDestination()
{
    return {QStringLiteral("--base-url"), QStringLiteral("https://api.haloconnect.io")};
}

} // namespace

#define QVERIFY_RUN(result, expectedExit)                                                          \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == (expectedExit), (result).transcript().constData());          \
    } while (false)

class TestCliSafety : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void refusesEveryWriteWithoutAConnection_data();
    void refusesEveryWriteWithoutAConnection();
    void sendsAPlainSelectThroughTheProxy_data();
    void sendsAPlainSelectThroughTheProxy();
    void aRefusedTunnelIsNotAnUnknownOutcome_data();
    void aRefusedTunnelIsNotAnUnknownOutcome();
    void readOnlyIsTheWindowsSwitch();
    void refusesBeforeLookingForAKey();
    void documentsTheGuardInHelp();

private:
    CliResult cli(const QStringList &destination, const QStringList &arguments);
    static void setProductionReadOnly(bool readOnly);

    QTemporaryDir m_config;
    RecordingProxy m_proxy;
};

void TestCliSafety::initTestCase()
{
    QVERIFY(m_config.isValid());
    // The window's settings live under XDG_CONFIG_HOME: this test and every halo-cli it runs
    // share a private one, so the window's switch (ReadOnlySettings, here in-process) and the
    // CLI's are seen to be the same.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_cli_safety"));
    QVERIFY(m_proxy.listen());
}

void TestCliSafety::init()
{
    HaloTest::failOnWarnings();
    QDir(m_config.path()).removeRecursively(); // Production back to its default: read-only
    QDir().mkpath(m_config.path());
    m_proxy.setAnswer(RecordingProxy::Answer::Close);
    m_proxy.takeLines();
}

CliResult TestCliSafety::cli(const QStringList &destination, const QStringList &arguments)
{
    return runCli(destination + arguments, {{QStringLiteral("HALO_KEY"), kKey},
                                            {QStringLiteral("https_proxy"), m_proxy.url()},
                                            {QStringLiteral("HTTPS_PROXY"), m_proxy.url()},
                                            {QStringLiteral("XDG_CONFIG_HOME"), m_config.path()}});
}

void TestCliSafety::setProductionReadOnly(bool readOnly)
{
    // As the window's check box does.
    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Production, readOnly);
}

void TestCliSafety::refusesEveryWriteWithoutAConnection_data()
{
    QTest::addColumn<QStringList>("destination");
    QTest::addColumn<QStringList>("command");
    const QList<QPair<const char *, QStringList>> commands{
        {"DELETE as a reader", {"query", kOnline, "DELETE FROM Patients"}},
        {"async DROP TABLE", {"query", kOnline, "--async", "DROP TABLE patients"}},
        {"SELECT then DELETE", {"query", kOnline, "SELECT 1; DELETE FROM patients"}},
        {"UPDATE as a scalar",
         {"query", kOnline, "--mode", "scalar", "UPDATE patients SET surname = 'x'"}},
        {"nonQuery", {"query", kOnline, "--mode", "nonQuery", "UPDATE patients SET balance = 0"}},
        {"stored procedure",
         {"query", kOnline, "--type", "storedProcedure", "--param", "@surname:NVarChar=Smith",
          "GetPatientsBySurname"}},
        {"registered DELETE",
         {"registered", "create", kOnline, "--name", "purge", "--frequency", "5m", "--duration",
          "1h", "DELETE FROM patients"}},
    };
    for (const auto &[name, command] : commands) {
        QTest::addRow("production, %s", name) << productionDestination() << command;
        QTest::addRow("production host, %s", name) << productionHostDestination() << command;
    }
}

void TestCliSafety::refusesEveryWriteWithoutAConnection()
{
    QFETCH(QStringList, destination);
    QFETCH(QStringList, command);

    // Production is read-only by default: refused even when confirmed, and says how to lift it.
    for (const bool confirmed : {false, true}) {
        const CliResult refused = cli(
            destination,
            confirmed ? command + QStringList{QStringLiteral("--confirm-production")} : command);
        QVERIFY_RUN(refused, ApiFailure);
        QVERIFY2(isOneLine(refused.err), refused.err);
        QVERIFY2(refused.out.isEmpty(), refused.out);
        QVERIFY2(refused.errText().contains(QLatin1String("Production is read-only")), refused.err);
        QVERIFY2(refused.errText().contains(QStringLiteral("'halo-cli %1 read-only off'")
                                                .arg(destination.join(QLatin1Char(' ')))),
                 refused.err);
        QVERIFY2(refused.errText().contains(QLatin1String("--confirm-production")), refused.err);
        QCOMPARE(m_proxy.takeLines(), QStringList());
    }

    // With the switch off (set as the window sets it), not without --confirm-production.
    setProductionReadOnly(false);
    const CliResult unconfirmed = cli(destination, command);
    QVERIFY_RUN(unconfirmed, ApiFailure);
    QVERIFY2(isOneLine(unconfirmed.err), unconfirmed.err);
    QVERIFY2(unconfirmed.errText().startsWith(QLatin1String("halo-cli: Not sent: Production")),
             unconfirmed.err);
    QVERIFY2(unconfirmed.errText().contains(QLatin1String("Add --confirm-production")),
             unconfirmed.err);
    QVERIFY2(!unconfirmed.errText().contains(QLatin1String("read-only")), unconfirmed.err);
    QCOMPARE(m_proxy.takeLines(), QStringList());

    // Confirmed, it goes: the proxy sees the tunnel asked for, and closes it.
    const CliResult confirmed =
        cli(destination, command + QStringList{QStringLiteral("--confirm-production")});
    QVERIFY_RUN(confirmed, ApiFailure);
    const QStringList lines = m_proxy.takeLines();
    QVERIFY2(!lines.isEmpty(), confirmed.transcript().constData());
    for (const QString &line : lines)
        QCOMPARE(line, kConnect);
    QVERIFY2(!confirmed.errText().contains(QLatin1String("Not sent")), confirmed.err);
}

void TestCliSafety::sendsAPlainSelectThroughTheProxy_data()
{
    QTest::addColumn<QStringList>("destination");
    QTest::addColumn<QStringList>("command");
    for (const auto &[name, destination] :
         {qMakePair("production", productionDestination()),
          qMakePair("production host", productionHostDestination())}) {
        QTest::addRow("%s, immediate", name)
            << destination << QStringList{"query", kOnline, "SELECT 1 AS ok"};
        QTest::addRow("%s, async", name)
            << destination << QStringList{"query", kOnline, "--async", "SELECT 1 AS ok"};
        QTest::addRow("%s, registered", name)
            << destination
            << QStringList{"registered",  "create", kOnline,      "--name", "ok",
                           "--frequency", "5m",     "--duration", "1h",     "SELECT 1 AS ok"};
    }
}

void TestCliSafety::sendsAPlainSelectThroughTheProxy()
{
    QFETCH(QStringList, destination);
    QFETCH(QStringList, command);
    // Read-only (the default) never stops a plain SELECT, and it needs no confirmation.
    const CliResult result = cli(destination, command);
    QVERIFY_RUN(result, ApiFailure); // the proxy closes the tunnel
    const QStringList lines = m_proxy.takeLines();
    QVERIFY2(!lines.isEmpty(), result.transcript().constData());
    for (const QString &line : lines)
        QCOMPARE(line, kConnect);
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(!result.errText().contains(QLatin1String("Not sent")), result.err);
}

void TestCliSafety::aRefusedTunnelIsNotAnUnknownOutcome_data()
{
    QTest::addColumn<int>("answer");
    QTest::newRow("403 to CONNECT") << int(RecordingProxy::Answer::Forbidden);
    QTest::newRow("502 to CONNECT") << int(RecordingProxy::Answer::BadGateway);
    QTest::newRow("closed before answering") << int(RecordingProxy::Answer::Close);
}

void TestCliSafety::aRefusedTunnelIsNotAnUnknownOutcome()
{
    QFETCH(int, answer);
    m_proxy.setAnswer(RecordingProxy::Answer(answer));
    // A query POST that never got through the proxy did not run: saying its outcome is
    // unknown would send someone looking for a query that never reached the site.
    const CliResult result = cli(productionDestination(), {QStringLiteral("query"), kOnline,
                                                           QStringLiteral("SELECT 1 AS ok")});
    QVERIFY_RUN(result, ApiFailure);
    QVERIFY2(!m_proxy.takeLines().isEmpty(), result.transcript().constData());
    QVERIFY2(isOneLine(result.err), result.err);
    QVERIFY2(!result.errText().contains(QLatin1String("Outcome unknown")), result.err);
    QVERIFY2(!result.errText().contains(QLatin1String("after the query was sent")), result.err);
    QVERIFY2(result.errText().contains(QLatin1String("Could not reach Halo Cloud")), result.err);
}

void TestCliSafety::readOnlyIsTheWindowsSwitch()
{
    const QStringList readOnly{QStringLiteral("read-only")};
    const CliResult shown = cli(productionDestination(), readOnly);
    QVERIFY_RUN(shown, Ok);
    QCOMPARE(shown.outText(), QStringLiteral("on\n"));
    QVERIFY2(shown.errText().contains(QLatin1String("--environment production read-only off")),
             shown.err);

    // Lifted from the CLI: the window reads it off, for the Production host too.
    const CliResult lifted = cli(productionDestination(), readOnly + QStringList{"off"});
    QVERIFY_RUN(lifted, Ok);
    QCOMPARE(lifted.outText(), QStringLiteral("off\n"));
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Production));
    const CliResult byHost = cli(productionHostDestination(), readOnly);
    QVERIFY_RUN(byHost, Ok);
    QCOMPARE(byHost.outText(), QStringLiteral("off\n"));

    // Set by the window: the CLI reads it on, and refuses a write on the Production host.
    setProductionReadOnly(true);
    const CliResult json = cli(QStringList{"--json"} + productionHostDestination(), readOnly);
    QVERIFY_RUN(json, Ok);
    const QJsonObject state = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(state.value("environment").toString(), QStringLiteral("production"));
    QCOMPARE(state.value("readOnly").toBool(false), true);

    // Each environment has its own; Stage's is off by default.
    const CliResult stage = cli({"--environment", "stage"}, readOnly);
    QVERIFY_RUN(stage, Ok);
    QCOMPARE(stage.outText(), QStringLiteral("off\n"));
    const CliResult stageOn = cli({"--environment", "stage"}, readOnly + QStringList{"on"});
    QVERIFY_RUN(stageOn, Ok);
    QVERIFY(Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Stage));

    const CliResult wrong = cli(productionDestination(), readOnly + QStringList{"maybe"});
    QVERIFY_RUN(wrong, Usage);
    QVERIFY2(wrong.errText().contains(QLatin1String("on or off")), wrong.err);
    QCOMPARE(m_proxy.takeLines(), QStringList());
}

void TestCliSafety::refusesBeforeLookingForAKey()
{
    // No HALO_KEY and no keychain: the refusal, not "no key", is what the user needs to read.
    const QMap<QString, QString> keyless{
        {QStringLiteral("https_proxy"), m_proxy.url()},
        {QStringLiteral("XDG_CONFIG_HOME"), m_config.path()},
        {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent")}};
    setProductionReadOnly(false);
    const CliResult query =
        runCli(productionDestination() + QStringList{QStringLiteral("query"), kOnline,
                                                     QStringLiteral("DELETE FROM Patients")},
               keyless);
    QVERIFY_RUN(query, ApiFailure);
    QVERIFY2(query.errText().contains(QLatin1String("--confirm-production")), query.err);
    const CliResult registered =
        runCli(productionDestination() +
                   QStringList{QStringLiteral("registered"), QStringLiteral("create"), kOnline,
                               QStringLiteral("--name"), QStringLiteral("purge"),
                               QStringLiteral("--frequency"), QStringLiteral("5m"),
                               QStringLiteral("--duration"), QStringLiteral("1h"),
                               QStringLiteral("DELETE FROM patients")},
               keyless);
    QVERIFY_RUN(registered, ApiFailure);
    QVERIFY2(registered.errText().contains(QLatin1String("--confirm-production")), registered.err);
    // Allowed by the policy, it then needs a key: exit 3, still nothing sent.
    const CliResult select =
        runCli(productionDestination() +
                   QStringList{QStringLiteral("query"), kOnline, QStringLiteral("SELECT 1")},
               keyless);
    QVERIFY_RUN(select, KeyProblem);
    QCOMPARE(m_proxy.takeLines(), QStringList());
}

void TestCliSafety::documentsTheGuardInHelp()
{
    const CliResult query = runCli({QStringLiteral("query"), QStringLiteral("--help")});
    QVERIFY_RUN(query, Ok);
    for (const char *text :
         {"--confirm-production", "read-only", "exits with 1", "--param NAME:TYPE=VALUE",
          "--out-param NAME:TYPE[:SIZE]", "--max-time-in-queue MS", "--type text|storedProcedure"})
        QVERIFY2(query.outText().contains(QLatin1String(text)), text);
    const CliResult main = runCli({QStringLiteral("--help")});
    QVERIFY_RUN(main, Ok);
    QVERIFY2(main.outText().contains(QLatin1String("read-only")), main.out);
    const CliResult readOnly = runCli({QStringLiteral("read-only"), QStringLiteral("--help")});
    QVERIFY_RUN(readOnly, Ok);
    QVERIFY2(readOnly.outText().contains(QLatin1String("[on|off]")), readOnly.out);
}

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_cli_safety.moc"
