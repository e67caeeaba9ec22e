// What the client refuses to send, before any connection: a call without a subscription key.
// A loopback server (tests/support/HostileServer.h) counts what actually arrives.
#include <QSignalSpy>
#include <QTest>

#include "HostileServer.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/Environment.h"
#include "net/RequestLog.h"

using Halo::ApiCall;
using Halo::ApiError;
using Kind = Halo::ApiError::Kind;
using Hostile::Reply;

namespace {

const QString kGuid = QStringLiteral("0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0");
const QString kKey = QStringLiteral("keys-test-key-0123456789");
const QByteArray kSitesAnswer = R"({"sites":[]})";

// Waits for the call to finish; keeps it alive for reading.
template <typename Call> Call *await(Call *call)
{
    call->setAutoDelete(false);
    if (!call->isFinished()) {
        QSignalSpy finished(call, &ApiCall::finished);
        finished.wait(15000);
    }
    return call;
}

Halo::QueryCommand selectOne()
{
    Halo::QueryCommand command;
    command.text = QStringLiteral("SELECT 1");
    return command;
}

} // namespace

class TestApiClientKeys : public QObject
{
    Q_OBJECT
private slots:
    void withoutAKeyNothingIsSent_data();
    void withoutAKeyNothingIsSent();
    void forgettingTheKeyStopsSending();
};

void TestApiClientKeys::withoutAKeyNothingIsSent_data()
{
    QTest::addColumn<int>("environment");
    QTest::addColumn<QString>("expectedName");
    QTest::newRow("stage") << int(Halo::Environment::Stage) << QStringLiteral("Stage");
    QTest::newRow("production") << int(Halo::Environment::Production)
                                << QStringLiteral("Production");
    QTest::newRow("custom") << int(Halo::Environment::Custom) << QStringLiteral("Custom");
}

void TestApiClientKeys::withoutAKeyNothingIsSent()
{
    QFETCH(int, environment);
    QFETCH(QString, expectedName);
    Hostile::Server server(Hostile::always(Reply::json(200, kSitesAnswer)));
    QVERIFY(server.listening());
    Halo::HaloApiClient client;
    // The named environments are pointed at loopback: were anything sent, it would arrive here.
    client.setEndpoint({Halo::Environment(environment), server.baseUrl()});
    QVERIFY(!client.hasSubscriptionKey());

    QList<ApiCall *> calls{
        await(client.findSites(QStringLiteral("BP-1"), QStringLiteral("Best Practice"))),
        await(client.siteStatus(kGuid)),
        await(client.runImmediate(kGuid, selectOne())),
        await(client.listRegistered(kGuid)),
        await(client.fhirGet(kGuid, QStringLiteral("metadata"))),
    };
    for (ApiCall *call : calls) {
        QVERIFY(call->isFinished());
        QCOMPARE(call->error().kind, Kind::Refused);
        QCOMPARE(call->attempts(), 0);
        const QString text = call->error().oneLine();
        QVERIFY2(text.contains(QStringLiteral("No subscription key for ") + expectedName) &&
                     text.contains(QStringLiteral("set one first")),
                 qPrintable(text));
        delete call;
    }
    QTest::qWait(100);
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(client.requestLog()->exchanges().isEmpty());
}

void TestApiClientKeys::forgettingTheKeyStopsSending()
{
    Hostile::Server server(Hostile::always(Reply::json(200, kSitesAnswer)));
    QVERIFY(server.listening());
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Stage, server.baseUrl()});
    client.setSubscriptionKey(kKey);
    ApiCall *sent = await(client.findSites(QStringLiteral("BP-1"), QStringLiteral("Zedmed")));
    QVERIFY2(sent->ok(), qPrintable(sent->error().oneLine()));
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().first().key, kKey.toUtf8());
    delete sent;

    client.setSubscriptionKey(QString()); // "Forget subscription key"
    ApiCall *refused = await(client.findSites(QStringLiteral("BP-1"), QStringLiteral("Zedmed")));
    QCOMPARE(refused->error().kind, Kind::Refused);
    delete refused;
    QTest::qWait(100);
    QCOMPARE(server.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestApiClientKeys)
#include "tst_apiclient_keys.moc"
