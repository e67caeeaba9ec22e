// SPDX-License-Identifier: GPL-3.0-or-later
// HaloApiClient's rules for sending again and for giving up, against a real sandbox on loopback:
// a rate-limited or unavailable GET is retried and a query POST never is; cancelling, the
// inactivity timeout and the deadline end a call; an immediate query that timed out or lost its
// connection is "outcome unknown" and is never sent twice.
#include "ApiClientRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"

#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

class TestApiClientRetries : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // Retries
    void rateLimitedGetIsRetriedAfterRetryAfter();
    void rateLimitedQueryPostIsNotResent();
    void transient503OnGetIsRetried();
    void status503OnImmediatePostIsNotRetried();

    // Cancellation, timeouts, lost answers
    void cancelDuringASlowRequestFinishesCancelledAtOnce();
    void inactivityTimeoutOnGetIsTimeout();
    void timedOutImmediateIsOutcomeUnknownAndNeverResent_data();
    void timedOutImmediateIsOutcomeUnknownAndNeverResent();
    void droppedConnectionOnImmediateIsOutcomeUnknown();
    void deadlineEndsACallWithTimeout();
};

// --------------------------------------------------------------------------------------------
// Retries

void TestApiClientRetries::rateLimitedGetIsRetriedAfterRetryAfter()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.rateLimitRequests = 1;
    options.rateLimitWindowSeconds = 1;
    START_RIG(rig, options);
    const QString guid = onlineBp().guid;
    const CallPtr first = await(rig.client.siteStatus(guid)); // uses up the window
    VERIFY_OK(first);

    ApiCall *raw = rig.client.siteStatus(guid);
    QSignalSpy retries(raw, &ApiCall::retryScheduled);
    const CallPtr call = await(raw);
    VERIFY_OK(call);
    QCOMPARE(call->attempts(), 2);
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries.at(0).at(0).toInt(), 2);
    const int delayMs = retries.at(0).at(1).toInt();
    QVERIFY2(delayMs >= 1000 && delayMs <= 2000, qPrintable(QString::number(delayMs)));
    const ApiError reason = retries.at(0).at(2).value<ApiError>();
    QCOMPARE(reason.httpStatus, 429);
    QVERIFY(reason.retryAfterSeconds >= 1);
    QVERIFY(call->elapsedMs() >= delayMs);

    // Both attempts are in the log: the 429 and the success.
    const QList<Halo::LoggedExchange> &log = rig.client.requestLog()->exchanges();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(1).httpStatus, 429);
    QCOMPARE(log.at(1).attempt, 1);
    QCOMPARE(log.at(2).httpStatus, 200);
    QCOMPARE(log.at(2).attempt, 2);
}

void TestApiClientRetries::rateLimitedQueryPostIsNotResent()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.rateLimitRequests = 1;
    options.rateLimitWindowSeconds = 1;
    START_RIG(rig, options);
    const QString guid = onlineBp().guid;
    const CallPtr first = await(rig.client.siteStatus(guid));
    VERIFY_OK(first);

    ApiCall *raw = rig.client.runImmediate(guid, sql(QStringLiteral("SELECT 1 AS one")));
    QSignalSpy retries(raw, &ApiCall::retryScheduled);
    const CallPtr call = await(raw);
    VERIFY_FINISHED(call);
    QCOMPARE(call->attempts(), 1);
    QCOMPARE(retries.size(), 0);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 429);
    QVERIFY(call->error().retryAfterSeconds >= 1);
    QVERIFY(call->error().explanation().contains(QString::number(call->error().retryAfterSeconds)));
}

void TestApiClientRetries::transient503OnGetIsRetried()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.faults.append(fault(QStringLiteral("sites/"), 503, 1));
    START_RIG(rig, options);
    Halo::CallPolicy policy;
    policy.initialBackoffMs = 50;
    rig.client.setPolicy(policy);

    ApiCall *raw = rig.client.siteStatus(onlineBp().guid);
    QSignalSpy retries(raw, &ApiCall::retryScheduled);
    const CallPtr call = await(raw);
    VERIFY_OK(call);
    QCOMPARE(call->attempts(), 2);
    QCOMPARE(retries.size(), 1);
    const int delayMs = retries.at(0).at(1).toInt(); // half fixed, half random
    QVERIFY2(delayMs >= 25 && delayMs <= 50, qPrintable(QString::number(delayMs)));
    QCOMPARE(retries.at(0).at(2).value<ApiError>().httpStatus, 503);
}

void TestApiClientRetries::status503OnImmediatePostIsNotRetried()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.faults.append(fault(QStringLiteral("queries/immediate"), 503, 1));
    START_RIG(rig, options);
    Halo::CallPolicy policy;
    policy.initialBackoffMs = 50;
    rig.client.setPolicy(policy);
    HandledCounter immediate(&rig.server, QStringLiteral("queries/immediate"));

    ApiCall *raw = rig.client.runImmediate(onlineBp().guid, sql(QStringLiteral("SELECT 1 AS one")));
    QSignalSpy retries(raw, &ApiCall::retryScheduled);
    const CallPtr call = await(raw);
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 503);
    QCOMPARE(call->attempts(), 1);
    QCOMPARE(retries.size(), 0);
    QCOMPARE(immediate.count(), 1);
}

// --------------------------------------------------------------------------------------------
// Cancellation, timeouts, lost answers

void TestApiClientRetries::cancelDuringASlowRequestFinishesCancelledAtOnce()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.latencyMs = 2000;
    START_RIG(rig, options);
    ApiCall *raw = rig.client.siteStatus(onlineBp().guid);
    QTimer::singleShot(100, raw, &ApiCall::cancel);
    const CallPtr call = await(raw);
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Cancelled);
    QVERIFY2(call->elapsedMs() < 1000, qPrintable(QString::number(call->elapsedMs())));
    QCOMPARE(call->attempts(), 1);
    call->cancel(); // a second cancel changes nothing
    QCOMPARE(call->error().kind, Kind::Cancelled);
}

void TestApiClientRetries::inactivityTimeoutOnGetIsTimeout()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.latencyMs = 1500;
    START_RIG(rig, options);
    Halo::CallPolicy policy;
    policy.inactivityTimeoutMs = 300;
    policy.maxRetries = 0;
    rig.client.setPolicy(policy);
    const CallPtr call = await(rig.client.siteStatus(onlineBp().guid));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Timeout);
    QVERIFY2(call->elapsedMs() < 1400, qPrintable(QString::number(call->elapsedMs())));
}

void TestApiClientRetries::timedOutImmediateIsOutcomeUnknownAndNeverResent_data()
{
    QTest::addColumn<int>("inactivityTimeoutMs");
    QTest::addColumn<int>("deadlineMs");
    QTest::newRow("inactivity timeout") << 300 << 120000;
    QTest::newRow("overall deadline") << 30000 << 300;
}

void TestApiClientRetries::timedOutImmediateIsOutcomeUnknownAndNeverResent()
{
    QFETCH(int, inactivityTimeoutMs);
    QFETCH(int, deadlineMs);
    // A server that takes the request and never answers, counting every request that reaches
    // it on any connection: Qt's own resends would show up here too.
    RawRecorder silent;
    QVERIFY(silent.listen());
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Sandbox,
                        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.port()))});
    client.setSubscriptionKey(kKey);
    Halo::CallPolicy policy;
    policy.inactivityTimeoutMs = inactivityTimeoutMs;
    policy.deadlineMs = deadlineMs;
    client.setPolicy(policy);

    const CallPtr call =
        await(client.runImmediate(onlineBp().guid, sql(QStringLiteral("SELECT 1 AS one"))));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::OutcomeUnknown);
    QCOMPARE(call->attempts(), 1);
    QVERIFY2(call->elapsedMs() < 1400, qPrintable(QString::number(call->elapsedMs())));
    QVERIFY(!call->error().nextStep().isEmpty());
    QCOMPARE(client.requestLog()->exchanges().size(), 1);

    const QByteArray requestLine =
        "POST /integrator/sites/" + onlineBp().guid.toUtf8() + "/queries/immediate HTTP/1.1";
    QCOMPARE(silent.bytes.count(requestLine), 1);
    QVERIFY(silent.bytes.contains("SELECT 1 AS one")); // the whole request went out
    // Still one, a little later.
    QVERIFY(!QTest::qWaitFor([&]() { return silent.bytes.count(requestLine) > 1; }, 500));
    QCOMPARE(silent.connections, 1);
}

void TestApiClientRetries::droppedConnectionOnImmediateIsOutcomeUnknown()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    // Every time: a resent POST would be dropped as well, and counted.
    options.faults.append(fault(QStringLiteral("queries/immediate"), 0, -1));
    START_RIG(rig, options);
    HandledCounter immediate(&rig.server, QStringLiteral("queries/immediate"));

    const CallPtr call =
        await(rig.client.runImmediate(onlineBp().guid, sql(QStringLiteral("SELECT 1 AS one"))));
    VERIFY_FINISHED(call);
    QVERIFY(immediate.count() >= 1);
    if (immediate.statuses.first() != 0)
        QSKIP("This Qt HttpServer cannot drop a connection; the sandbox answered instead.");
    QCOMPARE(call->error().kind, Kind::OutcomeUnknown);
    QCOMPARE(call->attempts(), 1);
    QCOMPARE(call->httpStatus(), 0);
    QCOMPARE(immediate.count(), 1);
    QVERIFY(call->error().explanation().contains(QLatin1String("not sent again")));
}

void TestApiClientRetries::deadlineEndsACallWithTimeout()
{
    Sandbox::SandboxOptions options = sandboxOptions();
    options.latencyMs = 1500;
    START_RIG(rig, options);
    Halo::CallPolicy policy;
    policy.deadlineMs = 250;
    rig.client.setPolicy(policy);
    const CallPtr call = await(rig.client.siteStatus(onlineBp().guid));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Timeout);
    QVERIFY2(call->elapsedMs() >= 200 && call->elapsedMs() < 1400,
             qPrintable(QString::number(call->elapsedMs())));
}

QTEST_GUILESS_MAIN(TestApiClientRetries)
#include "tst_apiclient_retries.moc"
