// SPDX-License-Identifier: GPL-3.0-or-later
// The one safety policy for SQL, and QueryService that applies it: what each command may do on
// each destination (Production by name or by host), the read-only switch, and that a refused
// command sends nothing at all (no request, not even a connection) while an approved one goes
// out to a real sandbox over loopback.
#include "ClientCalls.h"
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"
#include "net/Environment.h"
#include "net/RequestLog.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"
#include "services/SafetyPolicy.h"
#include "sql/QueryTypes.h"
#include "sql/WriteGuard.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using Halo::Endpoint;
using Halo::Environment;
using Halo::SafetyApproval;
using Halo::SafetyDecision;
using Verdict = Halo::SafetyDecision::Verdict;

Q_DECLARE_METATYPE(Halo::QueryCommand)
Q_DECLARE_METATYPE(Halo::Endpoint)

namespace Halo {

// Readable QCOMPARE failures.
inline char *toString(Environment environment)
{
    return qstrdup(qPrintable(environmentId(environment)));
}

inline char *toString(SafetyDecision::Verdict verdict)
{
    static const char *const names[] = {"Allowed", "NeedsConfirmation", "Blocked"};
    return qstrdup(names[int(verdict)]);
}

} // namespace Halo

namespace {

const QString kKey = QStringLiteral("safetypolicy-test-key-5e2c81b04a97");

Halo::QueryCommand sql(const QString &text, const QString &mode = QStringLiteral("reader"),
                       const QString &type = QStringLiteral("text"))
{
    Halo::QueryCommand command;
    command.text = text;
    command.executionMode = mode;
    command.type = type;
    return command;
}

Endpoint endpoint(Environment environment, const QString &url)
{
    return {environment, QUrl(url)};
}

const Sandbox::SampleSite &onlineBp()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online &&
            site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    qFatal("no online Best Practice sample site");
}

// A listener that only counts who connects: proof that nothing at all left the process.
struct ConnectionCounter {
    QTcpServer server;
    int connections = 0;
    ConnectionCounter()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this]() {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                socket->close();
                socket->deleteLater();
            }
        });
        server.listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()); }
};

} // namespace

class TestSafetyPolicy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void productionIsAPropertyOfTheDestination_data();
    void productionIsAPropertyOfTheDestination();
    void decidesPerCommandAndDestination_data();
    void decidesPerCommandAndDestination();
    void questionNamesPracticeEnvironmentAndReason();
    void readOnlyBlocksWritesAndSaysHowToLiftIt();
    void productionHostUsesProductionsReadOnlySwitch();
    void refusalLinesUseTheFacesRemedies();

    void refusedCommandsOpenNoConnection_data();
    void refusedCommandsOpenNoConnection();
    void refusedOnTheProductionHostWithoutNetwork();
    void approvedCommandIsSentToTheSandbox();
    void plainSelectIsSentWithoutApproval();
    void asyncRunnerSubmitsThroughThePolicy();

private:
    QTemporaryDir m_settingsDir;
};

void TestSafetyPolicy::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorerTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_safetypolicy"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestSafetyPolicy::init()
{
    HaloTest::failOnWarnings();
    // The switches live in the window's settings file, whichever program reads them.
    QSettings(QSettings::IniFormat, QSettings::UserScope, QCoreApplication::organizationName(),
              QString::fromLatin1(Halo::ReadOnlySettings::kApplication))
        .clear();
}

void TestSafetyPolicy::productionIsAPropertyOfTheDestination_data()
{
    QTest::addColumn<Endpoint>("destination");
    QTest::addColumn<bool>("production");
    QTest::addColumn<Environment>("rules");
    QTest::newRow("Production by name")
        << endpoint(Environment::Production, QStringLiteral("https://api.haloconnect.io")) << true
        << Environment::Production;
    QTest::newRow("Production by name, any URL")
        << endpoint(Environment::Production, QStringLiteral("http://127.0.0.1:8080")) << true
        << Environment::Production;
    QTest::newRow("custom on the Production host")
        << endpoint(Environment::Custom, QStringLiteral("https://api.haloconnect.io")) << true
        << Environment::Production;
    QTest::newRow("custom, upper case, trailing dot, port, path")
        << endpoint(Environment::Custom, QStringLiteral("HTTPS://API.HaloConnect.IO.:8443/v2/"))
        << true << Environment::Production;
    QTest::newRow("custom, plain http on the Production host")
        << endpoint(Environment::Custom, QStringLiteral("http://api.haloconnect.io")) << true
        << Environment::Production;
    QTest::newRow("sandbox named, Production host")
        << endpoint(Environment::Sandbox, QStringLiteral("https://api.haloconnect.io")) << true
        << Environment::Production;
    QTest::newRow("Stage") << endpoint(Environment::Stage,
                                       QStringLiteral("https://api.stage.haloconnect.io"))
                           << false << Environment::Stage;
    QTest::newRow("Sandbox") << endpoint(Environment::Sandbox,
                                         QStringLiteral("http://127.0.0.1:4000"))
                             << false << Environment::Sandbox;
    QTest::newRow("custom elsewhere")
        << endpoint(Environment::Custom, QStringLiteral("https://halo.example.net")) << false
        << Environment::Custom;
    QTest::newRow("custom, look-alike suffix")
        << endpoint(Environment::Custom, QStringLiteral("https://api.haloconnect.io.example.net"))
        << false << Environment::Custom;
    QTest::newRow("custom, look-alike prefix")
        << endpoint(Environment::Custom, QStringLiteral("https://xapi.haloconnect.io")) << false
        << Environment::Custom;
}

void TestSafetyPolicy::productionIsAPropertyOfTheDestination()
{
    QFETCH(Endpoint, destination);
    QFETCH(bool, production);
    QFETCH(Environment, rules);
    QCOMPARE(Halo::isProduction(destination), production);
    QCOMPARE(Halo::safetyEnvironment(destination), rules);
}

void TestSafetyPolicy::decidesPerCommandAndDestination_data()
{
    QTest::addColumn<Halo::QueryCommand>("command");
    QTest::addColumn<bool>("mayWrite");

    QTest::newRow("DELETE as a reader") << sql(QStringLiteral("DELETE FROM Patients")) << true;
    QTest::newRow("DROP TABLE (async)") << sql(QStringLiteral("DROP TABLE patients")) << true;
    QTest::newRow("SELECT then DELETE")
        << sql(QStringLiteral("SELECT 1; DELETE FROM patients")) << true;
    QTest::newRow("UPDATE as a scalar")
        << sql(QStringLiteral("UPDATE patients SET surname = 'x'"), QStringLiteral("scalar"))
        << true;
    QTest::newRow("registered DELETE")
        << sql(QStringLiteral("DELETE FROM appointments WHERE id = 1")) << true;
    QTest::newRow("nonQuery") << sql(QStringLiteral("UPDATE patients SET balance = 0"),
                                     QStringLiteral("nonQuery"))
                              << true;
    QTest::newRow("stored procedure")
        << sql(QStringLiteral("GetPatientBalance"), QStringLiteral("reader"),
               QStringLiteral("storedProcedure"))
        << true;
    QTest::newRow("plain SELECT") << sql(QStringLiteral("SELECT id FROM patients")) << false;
    QTest::newRow("plain SELECT as a scalar")
        << sql(QStringLiteral("SELECT COUNT(*) FROM patients"), QStringLiteral("scalar")) << false;
}

void TestSafetyPolicy::decidesPerCommandAndDestination()
{
    QFETCH(Halo::QueryCommand, command);
    QFETCH(bool, mayWrite);
    const Halo::SafetyPolicy policy;
    const Endpoint production =
        endpoint(Environment::Production, QStringLiteral("https://api.haloconnect.io"));
    const Endpoint productionHost =
        endpoint(Environment::Custom, QStringLiteral("https://api.haloconnect.io"));
    const Endpoint stage =
        endpoint(Environment::Stage, QStringLiteral("https://api.stage.haloconnect.io"));
    const Endpoint sandbox = endpoint(Environment::Sandbox, QStringLiteral("http://127.0.0.1:1"));
    const Endpoint custom = endpoint(Environment::Custom, QStringLiteral("https://h.example.net"));
    const QString practice = QStringLiteral("Harbourside Family Medical");

    // Production is read-only by default: a write is blocked, wherever Production is reached.
    for (const Endpoint &destination : {production, productionHost}) {
        const SafetyDecision decision = policy.decide(command, destination, practice);
        QCOMPARE(decision.verdict, mayWrite ? Verdict::Blocked : Verdict::Allowed);
        QCOMPARE(decision.environment, Environment::Production);
        QCOMPARE(decision.permits(SafetyApproval{true}), !mayWrite);
    }
    // With the switch off, a write to Production needs confirmation, and nothing else does.
    Halo::SafetyPolicy::setReadOnly(production, false);
    for (const Endpoint &destination : {production, productionHost}) {
        const SafetyDecision decision = policy.decide(command, destination, practice);
        QCOMPARE(decision.verdict, mayWrite ? Verdict::NeedsConfirmation : Verdict::Allowed);
        QCOMPARE(decision.permits(SafetyApproval{}), !mayWrite);
        QVERIFY(decision.permits(SafetyApproval{true}));
        QCOMPARE(decision.writeReason.isEmpty(), !mayWrite);
    }
    for (const Endpoint &destination : {stage, sandbox, custom}) {
        const SafetyDecision decision = policy.decide(command, destination, practice);
        QCOMPARE(decision.verdict, Verdict::Allowed);
        QVERIFY(decision.permits(SafetyApproval{}));
        QVERIFY(policy.refusal(decision, SafetyApproval{}).isEmpty());
    }
}

void TestSafetyPolicy::questionNamesPracticeEnvironmentAndReason()
{
    Halo::SafetyPolicy policy;
    const Endpoint productionHost =
        endpoint(Environment::Custom, QStringLiteral("https://api.haloconnect.io/"));
    Halo::SafetyPolicy::setReadOnly(productionHost, false);
    const SafetyDecision decision =
        policy.decide(sql(QStringLiteral("SELECT 1; DELETE FROM patients")), productionHost,
                      QStringLiteral("Harbourside Family Medical"));
    QCOMPARE(decision.verdict, Verdict::NeedsConfirmation);
    QVERIFY2(decision.text.contains(QStringLiteral("Harbourside Family Medical")),
             qPrintable(decision.text));
    QVERIFY2(decision.text.contains(QStringLiteral("Production")), qPrintable(decision.text));
    QVERIFY2(decision.text.contains(QStringLiteral("2 statements")), qPrintable(decision.text));

    const QString refusal = policy.refusal(decision, SafetyApproval{});
    QVERIFY2(refusal.contains(QStringLiteral("Harbourside Family Medical")), qPrintable(refusal));
    QVERIFY2(refusal.contains(QStringLiteral("Production")), qPrintable(refusal));
    QVERIFY(policy.refusal(decision, SafetyApproval{true}).isEmpty());
}

void TestSafetyPolicy::readOnlyBlocksWritesAndSaysHowToLiftIt()
{
    const Halo::SafetyPolicy policy;
    const Endpoint stage =
        endpoint(Environment::Stage, QStringLiteral("https://api.stage.haloconnect.io"));
    const Halo::QueryCommand drop = sql(QStringLiteral("DROP TABLE patients"));
    QCOMPARE(policy.decide(drop, stage, QStringLiteral("p")).verdict, Verdict::Allowed);

    Halo::SafetyPolicy::setReadOnly(stage, true);
    QVERIFY(Halo::SafetyPolicy::isReadOnly(stage));
    const SafetyDecision blocked = policy.decide(drop, stage, QStringLiteral("p"));
    QCOMPARE(blocked.verdict, Verdict::Blocked);
    QVERIFY(!blocked.permits(SafetyApproval{true})); // confirming does not lift it
    QVERIFY2(blocked.text.contains(QStringLiteral("Stage is read-only")), qPrintable(blocked.text));
    QVERIFY2(blocked.text.contains(QStringLiteral("DROP")), qPrintable(blocked.text));
    QVERIFY2(blocked.text.contains(QStringLiteral("Turn off “Read-only for Stage”")),
             qPrintable(blocked.text));
    QCOMPARE(policy.refusal(blocked, SafetyApproval{true}), blocked.text);
    // A read is never blocked.
    QCOMPARE(policy.decide(sql(QStringLiteral("SELECT 1")), stage, QStringLiteral("p")).verdict,
             Verdict::Allowed);

    Halo::SafetyPolicy::setReadOnly(stage, false);
    QCOMPARE(policy.decide(drop, stage, QStringLiteral("p")).verdict, Verdict::Allowed);
}

void TestSafetyPolicy::productionHostUsesProductionsReadOnlySwitch()
{
    const Endpoint production =
        endpoint(Environment::Production, QStringLiteral("https://api.haloconnect.io"));
    const Endpoint productionHost =
        endpoint(Environment::Custom, QStringLiteral("https://api.haloconnect.io"));
    const Endpoint custom = endpoint(Environment::Custom, QStringLiteral("https://h.example.net"));
    QVERIFY(Halo::SafetyPolicy::isReadOnly(productionHost)); // Production's default: on
    QVERIFY(!Halo::SafetyPolicy::isReadOnly(custom));

    Halo::SafetyPolicy::setReadOnly(productionHost, false);
    QVERIFY(!Halo::SafetyPolicy::isReadOnly(production));
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Environment::Production));
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Environment::Custom));

    Halo::SafetyPolicy::setReadOnly(production, true);
    QVERIFY(Halo::SafetyPolicy::isReadOnly(productionHost));
    QVERIFY(!Halo::SafetyPolicy::isReadOnly(custom)); // other custom hosts keep their own
}

void TestSafetyPolicy::refusalLinesUseTheFacesRemedies()
{
    Halo::SafetyPolicy policy;
    policy.setRemedies({QStringLiteral("Add --confirm-production to send it."),
                        QStringLiteral("Lift it with 'halo-cli read-only off'.")});
    const Endpoint production =
        endpoint(Environment::Production, QStringLiteral("https://api.haloconnect.io"));
    const Halo::QueryCommand write = sql(QStringLiteral("DELETE FROM patients"));

    const SafetyDecision blocked = policy.decide(write, production, QStringLiteral("p"));
    QCOMPARE(blocked.verdict, Verdict::Blocked);
    QVERIFY(blocked.text.endsWith(QStringLiteral("Lift it with 'halo-cli read-only off'.")));

    Halo::SafetyPolicy::setReadOnly(production, false);
    const SafetyDecision unconfirmed = policy.decide(write, production, QStringLiteral("p"));
    const QString line = policy.refusal(unconfirmed, SafetyApproval{});
    QVERIFY2(line.endsWith(QStringLiteral("Add --confirm-production to send it.")),
             qPrintable(line));
    QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line));
}

void TestSafetyPolicy::refusedCommandsOpenNoConnection_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<bool>("confirmed");
    for (const char *call : {"immediate", "async", "registered"}) {
        QTest::addRow("%s, read-only, confirmed", call)
            << QString::fromLatin1(call) << true << true;
        QTest::addRow("%s, not confirmed", call) << QString::fromLatin1(call) << false << false;
    }
}

void TestSafetyPolicy::refusedCommandsOpenNoConnection()
{
    QFETCH(QString, call);
    QFETCH(bool, readOnly);
    QFETCH(bool, confirmed);
    ConnectionCounter counter;
    QVERIFY(counter.server.isListening());
    Halo::HaloApiClient client;
    // Production by name, at an address that would notice any connection at all.
    client.setEndpoint(endpoint(Environment::Production, counter.url()));
    client.setSubscriptionKey(kKey);
    Halo::SafetyPolicy::setReadOnly(client.endpoint(), readOnly);
    Halo::QueryService service(&client);
    const QString guid = onlineBp().guid;
    const Halo::QueryCommand write = sql(QStringLiteral("SELECT 1; DELETE FROM patients"));
    const SafetyApproval approval{confirmed};

    Halo::ApiCall *sent = nullptr;
    if (call == QLatin1String("immediate"))
        sent = service.runImmediate(guid, write, approval);
    else if (call == QLatin1String("async"))
        sent = service.submitAsync(guid, write, approval);
    else
        sent = service.createRegistered(guid, QStringLiteral("n"), 300, 3600, write, approval);
    const CallPtr refused = await(sent);
    QVERIFY(refused->isFinished());
    QCOMPARE(refused->error().kind, Halo::ApiError::Kind::Refused);
    QCOMPARE(refused->httpStatus(), 0);
    const QString line = refused->error().oneLine();
    QVERIFY2(line.startsWith(QStringLiteral("Not sent: ")), qPrintable(line));
    QVERIFY2(line.contains(readOnly ? QStringLiteral("read-only") : QStringLiteral("confirm")),
             qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("2 statements")), qPrintable(line));

    // Give a connection every chance to arrive: none may.
    QTest::qWait(100);
    QCOMPARE(counter.connections, 0);
    QCOMPARE(client.requestLog()->exchanges().size(), 0);
}

void TestSafetyPolicy::refusedOnTheProductionHostWithoutNetwork()
{
    Halo::HaloApiClient client;
    client.setEndpoint(endpoint(Environment::Custom, QStringLiteral("https://api.haloconnect.io")));
    client.setSubscriptionKey(kKey);
    Halo::QueryService service(&client);
    const CallPtr refused = await(service.runImmediate(
        onlineBp().guid, sql(QStringLiteral("DELETE FROM Patients")), SafetyApproval{true}));
    QCOMPARE(refused->error().kind, Halo::ApiError::Kind::Refused);
    QVERIFY2(refused->error().oneLine().contains(QStringLiteral("Production is read-only")),
             qPrintable(refused->error().oneLine()));
    QCOMPARE(client.requestLog()->exchanges().size(), 0);
}

void TestSafetyPolicy::approvedCommandIsSentToTheSandbox()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    START_RIG(rig, options);
    // The sandbox stands in for Production: what matters is what the policy lets out.
    rig.client.setEndpoint(endpoint(Environment::Production, rig.server.baseUrl()));
    Halo::SafetyPolicy::setReadOnly(rig.client.endpoint(), false);
    QSignalSpy handled(&rig.server, &Sandbox::SandboxServer::requestHandled);
    Halo::QueryService service(&rig.client);
    const Halo::QueryCommand write =
        sql(QStringLiteral("UPDATE patients SET surname = surname WHERE id = 1"),
            QStringLiteral("nonQuery"));

    const CallPtr refused = await(service.runImmediate(onlineBp().guid, write, {}));
    QCOMPARE(refused->error().kind, Halo::ApiError::Kind::Refused);
    QTest::qWait(50);
    QCOMPARE(handled.count(), 0);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 0);

    const CallPtr sent = await(service.runImmediate(onlineBp().guid, write, SafetyApproval{true}));
    VERIFY_OK(sent);
    QCOMPARE(handled.count(), 1);
    QCOMPARE(handled.first().at(0).toString(), QStringLiteral("POST"));
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1);
    // The typed answer: QueryService's calls drop the raw body once it is read.
    const Halo::QueryInfo info = qobject_cast<Halo::ImmediateQueryCall *>(sent.get())->info();
    QCOMPARE(info.status, QStringLiteral("successful"));
    QCOMPARE(info.rowsAffected.value_or(-1), qint64(1));

    const CallPtr registered = await(service.createRegistered(
        onlineBp().guid, QStringLiteral("nightly"), 300, 3600, write, SafetyApproval{true}));
    VERIFY_OK(registered);
    QVERIFY(!registered->jsonObject().value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(handled.count(), 2);
}

void TestSafetyPolicy::plainSelectIsSentWithoutApproval()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    START_RIG(rig, options);
    rig.client.setEndpoint(endpoint(Environment::Production, rig.server.baseUrl()));
    QSignalSpy handled(&rig.server, &Sandbox::SandboxServer::requestHandled);
    Halo::QueryService service(&rig.client);
    // Read-only is on (Production's default), and a plain SELECT still goes.
    const CallPtr sent =
        await(service.runImmediate(onlineBp().guid, sql(QStringLiteral("SELECT 1 AS ok")), {}));
    VERIFY_OK(sent);
    QCOMPARE(handled.count(), 1);
}

void TestSafetyPolicy::asyncRunnerSubmitsThroughThePolicy()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    options.asyncStepMs = 20;
    START_RIG(rig, options);
    rig.client.setEndpoint(endpoint(Environment::Production, rig.server.baseUrl()));
    Halo::SafetyPolicy::setReadOnly(rig.client.endpoint(), false);
    QSignalSpy handled(&rig.server, &Sandbox::SandboxServer::requestHandled);
    Halo::AsyncQueryRunner runner(&rig.client);
    QSignalSpy failed(&runner, &Halo::AsyncQueryRunner::failed);
    QSignalSpy finished(&runner, &Halo::AsyncQueryRunner::finished);
    const Halo::QueryCommand write =
        sql(QStringLiteral("UPDATE patients SET surname = surname WHERE id = 1"),
            QStringLiteral("nonQuery"));

    runner.submit(onlineBp().guid, write);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).value<Halo::ApiError>().kind, Halo::ApiError::Kind::Refused);
    QVERIFY(!runner.isRunning());
    QCOMPARE(handled.count(), 0);

    // Confirmed, it is submitted and followed to its end.
    runner.submit(onlineBp().guid, write, SafetyApproval{true});
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(finished.first().at(0).value<Halo::QueryInfo>().rowsAffected.value_or(-1), qint64(1));
    QVERIFY(handled.count() >= 2); // the submission and at least one status poll
    QVERIFY(handled.first().at(1).toString().endsWith(QStringLiteral("/queries/async")));
}

QTEST_GUILESS_MAIN(TestSafetyPolicy)
#include "tst_safetypolicy.moc"
