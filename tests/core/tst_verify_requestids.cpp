// SPDX-License-Identifier: GPL-3.0-or-later
// Each request of a verification names what the user can find again: the request log's entry
// ("#17" in the window) with the same method, path and status, and the server's own request id
// when its answer carries one, made safe to show and carried into the JSON and HTML evidence.
#include "CannedServer.h"
#include "FailOnWarning.h"
#include "VerifyRig.h"
#include "net/RequestLog.h"
#include "services/VerificationReport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using Halo::VerificationRequest;
using Halo::VerificationResult;

class TestVerifyRequestIds : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void eachRequestNamesItsRequestLogEntry();
    void carriesTheServersOwnRequestId();
};

namespace {

const Halo::LoggedExchange *loggedWithId(const Halo::RequestLog &log, quint64 id)
{
    for (const Halo::LoggedExchange &exchange : log.exchanges()) {
        if (exchange.id == id)
            return &exchange;
    }
    return nullptr;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

} // namespace

void TestVerifyRequestIds::eachRequestNamesItsRequestLogEntry()
{
    START_RIG(rig, verifyOptions());
    // Something else in the log first: the ids are the log's, not the run's own count.
    auto *before =
        rig.client.findSites(QStringLiteral("BP-20431"), QStringLiteral("Best Practice"));
    QSignalSpy answered(before, &Halo::ApiCall::finished);
    QVERIFY(answered.wait(kVerifyWaitMs));

    const QList<VerificationResult> rows =
        verifyAll(&rig.client, Halo::VerificationCsv::parse(verdictCsv()).rows);
    QCOMPARE(rows.size(), verdictCsvExpected().size());
    QSet<quint64> ids;
    int requests = 0;
    for (const VerificationResult &row : rows) {
        for (const VerificationRequest &request : row.requests) {
            ++requests;
            QVERIFY2(request.logId > 1, qPrintable(request.path));
            ids.insert(request.logId);
            const Halo::LoggedExchange *logged =
                loggedWithId(*rig.client.requestLog(), request.logId);
            QVERIFY2(logged, qPrintable(request.path));
            QCOMPARE(logged->method, request.method);
            QCOMPARE(logged->httpStatus, request.httpStatus);
            QVERIFY2(logged->url.toString(QUrl::FullyEncoded).endsWith(request.path),
                     qPrintable(request.path));
            QVERIFY(request.serverRequestId.isEmpty()); // the sandbox, like Halo, sends none
        }
    }
    QVERIFY(requests > rows.size());
    QCOMPARE(ids.size(), requests);

    // The JSON evidence and the HTML report name the same entries.
    const VerificationResult &renamed = rows.at(4);
    const QJsonArray json = renamed.toJson(true).value(QStringLiteral("requests")).toArray();
    QCOMPARE(json.size(), renamed.requests.size());
    for (int i = 0; i < json.size(); ++i)
        QCOMPARE(json.at(i).toObject().value(QStringLiteral("log_id")).toInteger(),
                 qint64(renamed.requests.at(i).logId));
    Halo::VerificationRun run;
    run.rows = {renamed};
    const QString html = QString::fromUtf8(Halo::VerificationReport::html(run));
    for (const VerificationRequest &request : renamed.requests)
        QVERIFY2(html.contains(QStringLiteral("#%1").arg(request.logId)), qPrintable(html));
}

void TestVerifyRequestIds::carriesTheServersOwnRequestId()
{
    CannedServer server;
    QVERIFY(server.listen());
    // x-request-id is read before the others; what the server chose is cleaned before it is kept.
    server.answer(404, R"({"message":"No such practice"})", "application/json",
                  "X-Ms-Request-Id: not-this-one\r\n"
                  "X-Request-Id: 0f9c-\x1b]0;retitled\x07-42\r\n");
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Sandbox, server.baseUrl()});
    client.setSubscriptionKey(kVerifyKey);
    const QList<VerificationResult> rows = verifyAll(
        &client, Halo::VerificationCsv::parse("pms,pms_id\r\nBest Practice,BP-1\r\n").rows);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().requests.size(), 1);
    const VerificationRequest &request = rows.first().requests.first();
    QCOMPARE(request.httpStatus, 404);
    QVERIFY(request.logId > 0);
    QVERIFY2(request.serverRequestId.startsWith(QLatin1String("0f9c-")),
             qPrintable(request.serverRequestId));
    QVERIFY(request.serverRequestId.endsWith(QLatin1String("-42")));
    QVERIFY(!hasControlCharacters(request.serverRequestId));

    const QJsonObject json =
        rows.first().toJson(true).value(QStringLiteral("requests")).toArray().first().toObject();
    QCOMPARE(json.value(QStringLiteral("server_request_id")).toString(), request.serverRequestId);
    Halo::VerificationRun run;
    run.rows = rows;
    const QByteArray html = Halo::VerificationReport::html(run);
    QVERIFY(html.contains(request.serverRequestId.toUtf8()));
    QVERIFY(!html.contains("not-this-one"));
    QVERIFY(!html.contains(kVerifyKey.toUtf8()));
}

QTEST_GUILESS_MAIN(TestVerifyRequestIds)
#include "tst_verify_requestids.moc"
