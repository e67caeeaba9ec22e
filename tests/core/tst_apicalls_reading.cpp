// SPDX-License-Identifier: GPL-3.0-or-later
// Large answers to the typed calls are read on a worker, off the calling thread: finished()
// comes after the read, and cancelling or deleting a call while it reads is safe. The answers
// come from a tiny canned HTTP server.
#include "ApiCallsRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "api/QueryCalls.h"
#include "net/ApiCall.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QThreadPool>
#include <QUuid>
#include <QtTest>

namespace {

// An immediate answer of about `base64Bytes` of data: rows {id, surname, first_name}.
QByteArray largeImmediateBody(qsizetype base64Bytes, int *rowCount)
{
    QByteArray rows = "[";
    int count = 0;
    while (rows.size() * 4 / 3 < base64Bytes) {
        if (count > 0)
            rows += ',';
        rows += "{\"id\":" + QByteArray::number(count) + ",\"surname\":\"Surname " +
                QByteArray::number(count) + "\",\"first_name\":\"A first name, padded to length " +
                QByteArray::number(count % 97) + "\"}";
        ++count;
    }
    rows += ']';
    *rowCount = count;
    return "{\"id\":\"" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
           "\",\"siteId\":\"" + kGuid.toLatin1() +
           "\",\"mode\":\"immediate\",\"status\":\"successful\",\"result\":{\"rows\":" +
           QByteArray::number(count) + ",\"size\":" + QByteArray::number(rows.size()) +
           ",\"data\":\"" + rows.toBase64() + "\"}}";
}

} // namespace

class TestApiCallsReading : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void largeAnswerIsReadOnAWorker();
    void cancelWhileReadingFinishesCancelledAndDropsTheAnswer();
    void deleteWhileReadingIsSafe();
};

void TestApiCallsReading::largeAnswerIsReadOnAWorker()
{
    START_CANNED(canned);
    int rowCount = 0;
    canned.server.answer(200, largeImmediateBody(8 * 1000 * 1000, &rowCount));
    Halo::ImmediateQueryCall *sent =
        canned.client.runImmediate(kGuid, sql(QStringLiteral("SELECT")));
    sent->dropBodyOnceRead();
    QSignalSpy reading(sent, &ApiCall::readingAnswer);
    QSignalSpy finished(sent, &ApiCall::finished);
    int workersAtReading = -1;
    bool finishedAtReading = true;
    connect(sent, &ApiCall::readingAnswer, sent, [&]() {
        workersAtReading = QThreadPool::globalInstance()->activeThreadCount();
        finishedAtReading = sent->isFinished();
    });
    const auto call = awaitCall(sent, 60000);
    VERIFY_OK(call);
    QCOMPARE(reading.size(), 1);
    QVERIFY(reading.first().first().toLongLong() > 8 * 1000 * 1000);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(!finishedAtReading, "finished() comes after the read, not before");
    QVERIFY2(workersAtReading >= 1, "the answer is read by a worker");
    QCOMPARE(call->result().table.rowCount(), rowCount);
    QCOMPARE(call->result().table.cell(rowCount - 1, 0).toInteger(), rowCount - 1);
    QCOMPARE(call->info().rows.value_or(-1), rowCount);
    // The reader had the only copy of the body and freed it once decoded: not kept for later.
    QVERIFY(call->body().isEmpty());
}

void TestApiCallsReading::cancelWhileReadingFinishesCancelledAndDropsTheAnswer()
{
    START_CANNED(canned);
    int rowCount = 0;
    canned.server.answer(200, largeImmediateBody(8 * 1000 * 1000, &rowCount));
    Halo::ImmediateQueryCall *sent =
        canned.client.runImmediate(kGuid, sql(QStringLiteral("SELECT")));
    QSignalSpy finished(sent, &ApiCall::finished);
    bool cancelledWhileReading = false;
    connect(sent, &ApiCall::readingAnswer, sent, [&]() {
        cancelledWhileReading = QThreadPool::globalInstance()->activeThreadCount() >= 1;
        sent->cancel();
    });
    const auto call = awaitCall(sent, 60000);
    VERIFY_FINISHED(call);
    QVERIFY(cancelledWhileReading);
    QCOMPARE(call->error().kind, Kind::Cancelled);
    QCOMPARE(finished.size(), 1);

    // The worker ends later; what it read is dropped and nothing more is said.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(call->error().kind, Kind::Cancelled);
    QCOMPARE(call->result().table.rowCount(), 0);
    QVERIFY(call->info().id.isEmpty());
}

void TestApiCallsReading::deleteWhileReadingIsSafe()
{
    START_CANNED(canned);
    int rowCount = 0;
    canned.server.answer(200, largeImmediateBody(8 * 1000 * 1000, &rowCount));
    QPointer<Halo::ImmediateQueryCall> call =
        canned.client.runImmediate(kGuid, sql(QStringLiteral("SELECT")));
    call->setAutoDelete(false);
    QSignalSpy reading(call.data(), &ApiCall::readingAnswer);
    QVERIFY(reading.wait(kCallTimeoutMs));
    QVERIFY2(!call->isFinished(), "still reading");
    QVERIFY(QThreadPool::globalInstance()->activeThreadCount() >= 1);
    delete call.data(); // under ASan, a worker writing into the call would show here

    QVERIFY(call.isNull());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // The client carries on: the next call is read as usual.
    canned.server.answer(200, R"({"sites":[]})");
    const auto next =
        awaitCall(canned.client.findSites(QStringLiteral("1"), QStringLiteral("Zedmed")));
    VERIFY_OK(next);
}

QTEST_GUILESS_MAIN(TestApiCallsReading)
#include "tst_apicalls_reading.moc"
