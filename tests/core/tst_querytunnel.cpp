// SPDX-License-Identifier: GPL-3.0-or-later
// A query POST through an HTTPS proxy tunnel, told apart by whether it can have run: a proxy
// that refuses the tunnel (403 or 502 to CONNECT) means nothing reached Halo, a plain network
// error; a tunnel that stood, a TLS handshake with the server and a request read by it before
// the connection died means it may have run: "outcome unknown", never sent again. The proxy and
// the TLS server are this test's own, on loopback, with a certificate made for the test.
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"
#include "net/RequestLog.h"
#include "sql/QueryTypes.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QtTest>

#include <memory>

namespace {

const QString kGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kHost = QStringLiteral("halo-explorer-test.invalid"); // the certificate's name
const QString kSql = QStringLiteral("SELECT 'tunnel-test' AS marker");

// An HTTP proxy on loopback. Each connection's CONNECT line is recorded; then it either refuses
// the tunnel with `refusal`, or (empty refusal) opens it and plays the TLS server, reads the
// whole request and drops the connection without answering.
class TunnelProxy : public QTcpServer
{
public:
    QByteArray refusal;
    QSslConfiguration tls;
    QStringList connectLines;
    QByteArray requestSeen; // what arrived inside the tunnel, decrypted

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this); // plain TCP until the tunnel stands
        socket->setSocketDescriptor(descriptor);
        socket->setSslConfiguration(tls);
        // Owned by the connection below, so it goes with the socket, whoever deletes that.
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, buffer]() {
            *buffer += socket->readAll();
            if (!socket->isEncrypted()) {
                if (!buffer->contains("\r\n\r\n"))
                    return;
                connectLines.append(QString::fromLatin1(buffer->left(buffer->indexOf("\r\n"))));
                buffer->clear();
                if (!refusal.isEmpty()) {
                    socket->write(refusal);
                    socket->disconnectFromHost();
                    return;
                }
                socket->write("HTTP/1.1 200 Connection established\r\n\r\n");
                socket->startServerEncryption();
                return;
            }
            requestSeen += *buffer;
            buffer->clear();
            const qsizetype headersEnd = requestSeen.indexOf("\r\n\r\n");
            if (headersEnd < 0)
                return;
            const qsizetype lengthAt = requestSeen.toLower().indexOf("content-length:");
            const qsizetype length =
                lengthAt < 0
                    ? 0
                    : requestSeen
                          .mid(lengthAt + 15, requestSeen.indexOf('\r', lengthAt) - lengthAt - 15)
                          .trimmed()
                          .toLongLong();
            if (requestSeen.size() - headersEnd - 4 >= length)
                socket->abort(); // the query arrived, and the answer never will
        });
    }
};

} // namespace

class TestQueryTunnel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void refusedTunnelMeansNotSent_data();
    void refusedTunnelMeansNotSent();
    void lostAfterTheRequestLeftIsOutcomeUnknown();

private:
    Halo::ApiCall *postQuery();

    QSslConfiguration m_serverTls;
    std::unique_ptr<TunnelProxy> m_proxy;
    std::unique_ptr<Halo::HaloApiClient> m_client;
};

void TestQueryTunnel::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("this Qt build has no TLS backend");
    QFile cert(QStringLiteral(HALO_TEST_DATA "/selfsigned-cert.pem"));
    QFile key(QStringLiteral(HALO_TEST_DATA "/selfsigned-key.pem"));
    QVERIFY(cert.open(QIODevice::ReadOnly));
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(cert.readAll(), QSsl::Pem);
    m_serverTls = QSslConfiguration::defaultConfiguration();
    m_serverTls.setLocalCertificate(certificate);
    m_serverTls.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
    // The client trusts the test's certificate, so its handshake with the "server" succeeds.
    QSslConfiguration client = QSslConfiguration::defaultConfiguration();
    client.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(client);
}

void TestQueryTunnel::init()
{
    HaloTest::failOnWarnings();
    m_proxy = std::make_unique<TunnelProxy>();
    m_proxy->tls = m_serverTls;
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost));
    m_client = std::make_unique<Halo::HaloApiClient>();
    m_client->setEndpoint(
        {Halo::Environment::Custom, QUrl(QStringLiteral("https://%1").arg(kHost))});
    m_client->setSubscriptionKey(QStringLiteral("tunnel-test-key"));
    m_client->network()->setProxy(QNetworkProxy(
        QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_proxy->serverPort()));
}

void TestQueryTunnel::cleanup()
{
    // The client first: its connections go before the proxy's sockets do.
    m_client.reset();
    m_proxy.reset();
}

Halo::ApiCall *TestQueryTunnel::postQuery()
{
    Halo::QueryCommand command;
    command.text = kSql;
    Halo::ApiCall *call = m_client->runImmediate(kGuid, command);
    call->setAutoDelete(false);
    QSignalSpy finished(call, &Halo::ApiCall::finished);
    if (!call->isFinished())
        finished.wait(15000);
    return call;
}

void TestQueryTunnel::refusedTunnelMeansNotSent_data()
{
    QTest::addColumn<QByteArray>("refusal");
    QTest::newRow("403") << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
    QTest::newRow("502") << QByteArray("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
}

void TestQueryTunnel::refusedTunnelMeansNotSent()
{
    QFETCH(QByteArray, refusal);
    m_proxy->refusal = refusal;
    const std::unique_ptr<Halo::ApiCall> call(postQuery());
    QVERIFY(call->isFinished());
    QCOMPARE(m_proxy->connectLines.value(0), QStringLiteral("CONNECT %1:443 HTTP/1.1").arg(kHost));
    QVERIFY(m_proxy->requestSeen.isEmpty());
    QCOMPARE(int(call->error().kind), int(Halo::ApiError::Kind::Network));
    QVERIFY2(!call->error().oneLine().contains(QStringLiteral("Outcome unknown")),
             qPrintable(call->error().oneLine()));
    QCOMPARE(call->attempts(), 1);
}

void TestQueryTunnel::lostAfterTheRequestLeftIsOutcomeUnknown()
{
    const std::unique_ptr<Halo::ApiCall> call(postQuery());
    QVERIFY(call->isFinished());
    QCOMPARE(m_proxy->connectLines.size(), 1); // never sent again
    QVERIFY2(m_proxy->requestSeen.startsWith("POST /integrator/sites/"),
             m_proxy->requestSeen.left(200).constData());
    QVERIFY(m_proxy->requestSeen.contains("tunnel-test"));
    QCOMPARE(int(call->error().kind), int(Halo::ApiError::Kind::OutcomeUnknown));
    QCOMPARE(m_client->requestLog()->exchanges().size(), 1);
}

QTEST_GUILESS_MAIN(TestQueryTunnel)
#include "tst_querytunnel.moc"
