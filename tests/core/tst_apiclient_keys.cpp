// SPDX-License-Identifier: GPL-3.0-or-later
// What the client refuses to send, before any connection: a call without a subscription key, a
// key off the base URL (scheme, host, port) it was given for, a key over plain HTTP to a host
// off this machine unless the user opted in. A loopback server (tests/support/HostileServer.h)
// counts what actually arrives; for a name off this machine it stands in as the HTTP proxy, so
// anything sent there would arrive at it too.
#include "FailOnWarning.h"
#include <QNetworkAccessManager>
#include <QNetworkProxy>
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
    void init() { HaloTest::failOnWarnings(); }
    void withoutAKeyNothingIsSent_data();
    void withoutAKeyNothingIsSent();
    void forgettingTheKeyStopsSending();
    void keyOriginIsSchemeHostAndPort();
    void loopbackIsTheOnlyPlainHttpWithoutConsent();
    void aKeyNeverFollowsAnotherBaseUrl();
    void plainHttpOffThisMachineIsRefusedUnlessAllowed();
    void plainHttpToLoopbackSendsTheKey();
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

void TestApiClientKeys::keyOriginIsSchemeHostAndPort()
{
    using Halo::keyOrigin;
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("https://Proxy.Example.NET/base/"))),
             QStringLiteral("https://proxy.example.net:443"));
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("https://proxy.example.net:443"))),
             QStringLiteral("https://proxy.example.net:443"));
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("http://proxy.example.net"))),
             QStringLiteral("http://proxy.example.net:80"));
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("https://proxy.example.net:8443"))),
             QStringLiteral("https://proxy.example.net:8443"));
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("http://[::1]:8080/x"))),
             QStringLiteral("http://[::1]:8080"));
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("ftp://proxy.example.net"))), QString());
    QCOMPARE(keyOrigin(QUrl(QStringLiteral("proxy.example.net"))), QString());
}

void TestApiClientKeys::loopbackIsTheOnlyPlainHttpWithoutConsent()
{
    for (const char *url :
         {"http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:9000", "http://localhost:8080",
          "http://LOCALHOST./", "https://example.test", "https://api.haloconnect.io"})
        QVERIFY2(!Halo::needsPlainHttpConsent(QUrl(QString::fromLatin1(url))), url);
    for (const char *url :
         {"http://example.test:80", "http://10.0.0.1:8080", "http://api.haloconnect.io",
          "HTTP://proxy.example.net", "http://localhost.example.test"})
        QVERIFY2(Halo::needsPlainHttpConsent(QUrl(QString::fromLatin1(url))), url);
}

void TestApiClientKeys::aKeyNeverFollowsAnotherBaseUrl()
{
    Hostile::Server server(Hostile::always(Reply::json(200, kSitesAnswer)));
    QVERIFY(server.listening());
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Custom, server.baseUrl()});
    client.setSubscriptionKey(kKey);
    QVERIFY(client.hasSubscriptionKey());

    // The same host on another port (or scheme) is another service: the key stays behind.
    QUrl otherPort = server.baseUrl();
    otherPort.setPort(server.port() == 65535 ? 65534 : server.port() + 1);
    client.setEndpoint({Halo::Environment::Custom, otherPort});
    QVERIFY(!client.hasSubscriptionKey());
    ApiCall *refused = await(client.siteStatus(kGuid));
    QCOMPARE(refused->error().kind, Kind::Refused);
    delete refused;

    // Back on the first origin the key is gone too: it was dropped, not set aside.
    client.setEndpoint({Halo::Environment::Custom, server.baseUrl()});
    QVERIFY(!client.hasSubscriptionKey());
    // A path below the same origin keeps it.
    client.setSubscriptionKey(kKey);
    QUrl withPath = server.baseUrl();
    withPath.setPath(QStringLiteral("/"));
    client.setEndpoint({Halo::Environment::Custom, withPath});
    QVERIFY(client.hasSubscriptionKey());
    ApiCall *sent = await(client.siteStatus(kGuid));
    QCOMPARE(sent->attempts(), 1);
    delete sent;
    QTest::qWait(50);
    QCOMPARE(server.requestCount(), 1);
}

void TestApiClientKeys::plainHttpOffThisMachineIsRefusedUnlessAllowed()
{
    // The server is the proxy every request goes through: were anything sent to example.test,
    // it would arrive here.
    Hostile::Server proxy(Hostile::always(Reply::json(200, kSitesAnswer)));
    QVERIFY(proxy.listening());
    Halo::HaloApiClient client;
    client.network()->setProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));
    const QUrl plain(QStringLiteral("http://example.test:80"));
    client.setEndpoint({Halo::Environment::Custom, plain});
    client.setSubscriptionKey(kKey);
    ApiCall *refused = await(client.findSites(QStringLiteral("BP-1"), QStringLiteral("Zedmed")));
    QCOMPARE(refused->error().kind, Kind::Refused);
    QCOMPARE(refused->attempts(), 0);
    const QString text = refused->error().oneLine();
    QVERIFY2(text.contains(QStringLiteral("http://example.test:80 is plain HTTP")) &&
                 text.contains(QStringLiteral("nothing was sent")),
             qPrintable(text));
    QVERIFY2(!text.contains(kKey), qPrintable(text));
    delete refused;
    QTest::qWait(100);
    QCOMPARE(proxy.requestCount(), 0);

    // The user opted in (the window's "Allow plain HTTP", halo-cli --allow-plain-http).
    Halo::Endpoint allowed{Halo::Environment::Custom, plain};
    allowed.plainHttpAllowed = true;
    client.setEndpoint(allowed);
    QVERIFY(client.hasSubscriptionKey()); // the same origin: the key stays
    ApiCall *sent = await(client.findSites(QStringLiteral("BP-1"), QStringLiteral("Zedmed")));
    QVERIFY2(sent->ok(), qPrintable(sent->error().oneLine()));
    delete sent;
    QCOMPARE(proxy.requestCount(), 1);
    QVERIFY(proxy.requests().first().path.startsWith("http://example.test"));
    QCOMPARE(proxy.requests().first().key, kKey.toUtf8());
}

void TestApiClientKeys::plainHttpToLoopbackSendsTheKey()
{
    Hostile::Server server(Hostile::always(Reply::json(200, kSitesAnswer)));
    QVERIFY(server.listening());
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Custom, server.baseUrl()}); // http://127.0.0.1:port
    client.setSubscriptionKey(kKey);
    ApiCall *sent = await(client.findSites(QStringLiteral("BP-1"), QStringLiteral("Zedmed")));
    QVERIFY2(sent->ok(), qPrintable(sent->error().oneLine()));
    delete sent;
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.requests().first().key, kKey.toUtf8());
}

QTEST_GUILESS_MAIN(TestApiClientKeys)
#include "tst_apiclient_keys.moc"
