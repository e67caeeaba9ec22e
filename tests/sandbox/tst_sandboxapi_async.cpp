// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP conformance of the sandbox: async queries through every status, their result pages, and
// the batch status.
#include "FailOnWarning.h"
#include "SandboxHttp.h"

class SandboxAsyncApiTest : public QObject
{
    Q_OBJECT

private:
    // Creates an async query and polls it to its end; fills `log` (the 201 answer first).
    void runAsync(Running &sandbox, const Sandbox::SampleSite &site, const QJsonObject &body,
                  PollLog *log);

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // Async queries
    void asyncQueryIsCreatedInitialisingWith201();
    void asyncQueryWalksEveryStatusToSuccessful();
    void successfulAsyncQueryCarriesResultSize();
    void asyncResultPagesReassembleEveryRowInOrder();
    void asyncNonQueryResultReportsRowsAffected();
    void asyncResultPageNumberMustBeAPositiveInteger_data();
    void asyncResultPageNumberMustBeAPositiveInteger();
    void asyncResultPageBeyondTheLastGets404();
    void asyncResultPageExpiresWith410();
    void asyncSqlErrorEndsExecutionFailed();
    void asyncUploadFailureEndsUploadFailed();
    void asyncShortMaxTimeInQueueEndsExpiredInQueue();
    void asyncQueryOnUnreachableSiteEndsInitialisationFailedSiteUnreachable();
    void asyncQueryIsRefusedBySiteState_data();
    void asyncQueryIsRefusedBySiteState();
    void asyncInvalidRequestGets400Envelope_data();
    void asyncInvalidRequestGets400Envelope();
    void batchStatusReportsFoundAndNotFound();
    void batchStatusWithoutQueryIdsGets400();
};

void SandboxAsyncApiTest::runAsync(Running &sandbox, const Sandbox::SampleSite &site,
                                   const QJsonObject &body, PollLog *log)
{
    // The sandbox runs the SQL when the query is submitted, after stamping createdAt, and its
    // first SQL on a site builds the sample database. Build it now, so that time does not eat
    // into the states the query is meant to be seen in. (Sites refusing queries just refuse.)
    sandbox.api.post(sitePath(site, QStringLiteral("/queries/immediate")),
                     queryBody(QStringLiteral("SELECT 1 AS warm")));

    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/async")), body);
    CHECK_STATUS(created, 201);
    CHECK_SHAPE(ApiShapes::asyncQuery(created.json()));
    log->record(created.json());
    const QString id = created.json().value(QStringLiteral("id")).toString();
    pollUntilTerminal(sandbox.api, queryPath(site, id), log);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(log->problems.isEmpty(), qPrintable(log->problems.join(QStringLiteral("\n    "))));
}

// ============================================================================================
// Async queries

void SandboxAsyncApiTest::asyncQueryIsCreatedInitialisingWith201()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/async")),
                         queryBody(QStringLiteral("SELECT id FROM patients LIMIT 10")));
    CHECK_STATUS(created, 201);
    const QJsonObject query = created.json();
    CHECK_SHAPE(ApiShapes::asyncQuery(query));
    QCOMPARE(query.value(QStringLiteral("mode")).toString(), QStringLiteral("async"));
    QCOMPARE(query.value(QStringLiteral("status")).toString(), QStringLiteral("initialising"));
    QCOMPARE(query.value(QStringLiteral("siteId")).toString(), site.guid);
    // AsyncMaxTimeInQueue default.
    QCOMPARE(query.value(QStringLiteral("maxTimeInQueue")).toInt(), 3600000);
    const QJsonObject timing = query.value(QStringLiteral("statusTiming")).toObject();
    QCOMPARE(sortedKeys(timing), QStringList{QStringLiteral("initialising")});
    QVERIFY(!query.contains(QStringLiteral("result")));
    QVERIFY(!query.contains(QStringLiteral("completedAt")));
}

void SandboxAsyncApiTest::asyncQueryWalksEveryStatusToSuccessful()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.asyncStepMs = 150; // long enough for a 10 ms poll to see every state
    START_SANDBOX(sandbox, options);
    PollLog log;
    runAsync(sandbox, onlineBp(),
             queryBody(QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 3")),
             &log);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(log.statuses, (QStringList{QStringLiteral("initialising"), QStringLiteral("queued"),
                                        QStringLiteral("executing"), QStringLiteral("uploading"),
                                        QStringLiteral("successful")}));

    // statusTiming grows one state at a time, in order, and never loses one.
    qsizetype previousStates = 0;
    for (const QJsonObject &snapshot : std::as_const(log.snapshots)) {
        CHECK_SHAPE(timingProblems(snapshot));
        const qsizetype states = snapshot.value(QStringLiteral("statusTiming")).toObject().size();
        QVERIFY(states >= previousStates);
        previousStates = states;
    }

    const QJsonObject last = log.last();
    const QJsonObject timing = last.value(QStringLiteral("statusTiming")).toObject();
    QCOMPARE(sortedKeys(timing),
             (QStringList{QStringLiteral("executing"), QStringLiteral("initialising"),
                          QStringLiteral("queued"), QStringLiteral("uploading")}));
    for (const QString &state : ApiShapes::timingStates())
        QVERIFY2(timing.value(state).toObject().contains(QStringLiteral("endTime")),
                 qPrintable(state));
    const QDateTime created = ApiShapes::dateTime(last.value(QStringLiteral("createdAt")));
    const QDateTime completed = ApiShapes::dateTime(last.value(QStringLiteral("completedAt")));
    QVERIFY(completed >= created);
    QVERIFY(ApiShapes::dateTime(last.value(QStringLiteral("updatedAt"))) >= created);

    const QJsonObject result = last.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rows")).toInt(), 3);
    const QJsonArray pages = result.value(QStringLiteral("pages")).toArray();
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.at(0)[QStringLiteral("pageNumber")].toInt(), 1);
    QCOMPARE(pages.at(0)[QStringLiteral("status")].toString(), QStringLiteral("cached"));
    QCOMPARE(pages.at(0)[QStringLiteral("rows")][QStringLiteral("count")].toInt(), 3);
}

void SandboxAsyncApiTest::successfulAsyncQueryCarriesResultSize()
{
    START_SANDBOX(sandbox, baseOptions());
    PollLog log;
    runAsync(sandbox, onlineBp(), queryBody(QStringLiteral("SELECT id FROM patients LIMIT 3")),
             &log);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject last = log.last();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    // AsyncQuerySuccessful lists resultSize as required (beside metrics and result).
    QVERIFY(ApiShapes::isInteger(last.value(QStringLiteral("resultSize"))));
}

void SandboxAsyncApiTest::asyncResultPagesReassembleEveryRowInOrder()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.pageBytes = 16 * 1024;
    START_SANDBOX(sandbox, options);
    const Sandbox::SampleSite &site = onlineBp();
    const int total = 5000;
    PollLog log;
    runAsync(sandbox, site,
             queryBody(QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                                      "FROM n WHERE x < %1) SELECT x, 'row ' || x AS label FROM n")
                           .arg(total)),
             &log);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject last = log.last();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    const QString id = last.value(QStringLiteral("id")).toString();
    const QJsonObject result = last.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rows")).toInt(), total);
    const QJsonArray pages = result.value(QStringLiteral("pages")).toArray();
    QVERIFY2(pages.size() >= 3, qPrintable(QString::number(pages.size())));

    // Every page status seen while uploading was one of the enum (checked by the shape), and
    // page statuses only move forward: queued -> uploading -> cached.
    for (const QJsonObject &snapshot : std::as_const(log.snapshots)) {
        int previousRank = 2;
        const QJsonArray seen =
            snapshot[QStringLiteral("result")][QStringLiteral("pages")].toArray();
        for (const QJsonValue &page : seen) {
            const int rank =
                int(ApiShapes::pageStatuses().indexOf(page[QStringLiteral("status")].toString()));
            QVERIFY2(rank <= previousRank, "a later page is further along than an earlier one");
            previousRank = rank;
        }
    }

    QList<int> values;
    qint64 expectedStart = -1;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QJsonObject page = pages.at(i).toObject();
        const int number = page.value(QStringLiteral("pageNumber")).toInt();
        QCOMPARE(number, int(i + 1));
        QCOMPARE(page.value(QStringLiteral("status")).toString(), QStringLiteral("cached"));
        const QJsonObject rowsInfo = page.value(QStringLiteral("rows")).toObject();

        const HttpResult fetched =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/%1").arg(number)));
        CHECK_STATUS(fetched, 200);
        CHECK_SHAPE(ApiShapes::resultPage(fetched.json(), false));

        // Size, Rows-Count, Rows-Range-Start, Rows-Range-End: integers matching the page entry.
        for (const char *name : {"Size", "Rows-Count", "Rows-Range-Start", "Rows-Range-End"}) {
            bool isNumber = false;
            fetched.header(name).toLongLong(&isNumber);
            QVERIFY2(isNumber, name);
        }
        QCOMPARE(fetched.header("Size").toLongLong(),
                 qint64(page.value(QStringLiteral("size")).toDouble()));
        QCOMPARE(fetched.header("Rows-Count").toLongLong(),
                 qint64(rowsInfo.value(QStringLiteral("count")).toDouble()));
        QCOMPARE(fetched.header("Rows-Range-Start").toLongLong(),
                 qint64(rowsInfo.value(QStringLiteral("rangeStart")).toDouble()));
        QCOMPARE(fetched.header("Rows-Range-End").toLongLong(),
                 qint64(rowsInfo.value(QStringLiteral("rangeEnd")).toDouble()));

        // Ranges are inclusive and follow on from each other (no assumption about the base).
        const qint64 start = fetched.header("Rows-Range-Start").toLongLong();
        const qint64 end = fetched.header("Rows-Range-End").toLongLong();
        const qint64 count = fetched.header("Rows-Count").toLongLong();
        QCOMPARE(end - start + 1, count);
        if (expectedStart >= 0)
            QCOMPARE(start, expectedStart);
        expectedStart = end + 1;

        QJsonArray rows;
        QString why;
        QVERIFY2(decodeRows(fetched.json().value(QStringLiteral("data")), &rows, &why),
                 qPrintable(why));
        QCOMPARE(qint64(rows.size()), count);
        for (const QJsonValue &row : std::as_const(rows)) {
            QCOMPARE(sortedKeys(row.toObject()),
                     (QStringList{QStringLiteral("label"), QStringLiteral("x")}));
            values.append(row[QStringLiteral("x")].toInt());
        }

        // The stream endpoint serves the same page's JSON content directly.
        const HttpResult streamed =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/%1/stream").arg(number)));
        CHECK_STATUS(streamed, 200);
        QVERIFY(streamed.header("Content-Type").startsWith("application/json"));
        QJsonArray streamedRows;
        QVERIFY2(parseRows(streamed.body, &streamedRows, &why), qPrintable(why));
        QCOMPARE(streamedRows, rows);
    }
    QCOMPARE(values.size(), total);
    for (int i = 0; i < total; ++i) {
        if (values.at(i) != i + 1)
            QFAIL(qPrintable(QStringLiteral("row %1 holds x = %2").arg(i).arg(values.at(i))));
    }
}

void SandboxAsyncApiTest::asyncNonQueryResultReportsRowsAffected()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site,
             queryBody(QStringLiteral("UPDATE patients SET notes = 'async run' WHERE id <= 4"),
                       QStringLiteral("nonQuery")),
             &log);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject last = log.last();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    const QJsonObject result = last.value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rowsAffected")).toInt(), 4);
    QVERIFY(!result.contains(QStringLiteral("rows")));

    const HttpResult page = sandbox.api.get(
        queryPath(site, last.value(QStringLiteral("id")).toString(), QStringLiteral("/results/1")));
    CHECK_STATUS(page, 200);
    CHECK_SHAPE(ApiShapes::resultPage(page.json(), true));

    const HttpResult read = sandbox.api.post(
        sitePath(site, QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT COUNT(*) AS n FROM patients WHERE notes = 'async run'")));
    CHECK_STATUS(read, 200);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(read.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
             qPrintable(why));
    QCOMPARE(rows.at(0)[QStringLiteral("n")].toInt(), 4);
}

void SandboxAsyncApiTest::asyncResultPageNumberMustBeAPositiveInteger_data()
{
    QTest::addColumn<QString>("page");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("letters") << QStringLiteral("abc");
}

void SandboxAsyncApiTest::asyncResultPageNumberMustBeAPositiveInteger()
{
    QFETCH(QString, page);
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")), &log);
    if (QTest::currentTestFailed())
        return;
    const QString id = log.last().value(QStringLiteral("id")).toString();
    for (const QString &suffix : {QString(), QStringLiteral("/stream")}) {
        const HttpResult result =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/") + page + suffix));
        CHECK_STATUS(result, 400);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    }
}

void SandboxAsyncApiTest::asyncResultPageBeyondTheLastGets404()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")), &log);
    if (QTest::currentTestFailed())
        return;
    const QString id = log.last().value(QStringLiteral("id")).toString();
    const qsizetype pages =
        log.last()[QStringLiteral("result")][QStringLiteral("pages")].toArray().size();
    QCOMPARE(pages, 1);
    CHECK_STATUS(sandbox.api.get(queryPath(site, id, QStringLiteral("/results/1"))), 200);
    for (const QString &suffix : {QString(), QStringLiteral("/stream")}) {
        const HttpResult result =
            sandbox.api.get(queryPath(site, id, QStringLiteral("/results/2") + suffix));
        CHECK_STATUS(result, 404);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
    }
    // Pages of an unknown query are not found either.
    CHECK_STATUS(sandbox.api.get(queryPath(site, randomUuid(), QStringLiteral("/results/1"))), 404);
}

void SandboxAsyncApiTest::asyncResultPageExpiresWith410()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.resultTtlSeconds = 1;
    START_SANDBOX(sandbox, options);
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")), &log);
    if (QTest::currentTestFailed())
        return;
    const QString page = queryPath(site, log.last().value(QStringLiteral("id")).toString(),
                                   QStringLiteral("/results/1"));
    CHECK_STATUS(sandbox.api.get(page), 200);

    QTRY_COMPARE_WITH_TIMEOUT(sandbox.api.get(page).status, 410, 5000);
    const HttpResult gone = sandbox.api.get(page);
    CHECK_STATUS(gone, 410);
    CHECK_SHAPE(ApiShapes::errorEnvelope(gone.json(), 410));
    const HttpResult goneStream = sandbox.api.get(page + QStringLiteral("/stream"));
    CHECK_STATUS(goneStream, 410);
    CHECK_SHAPE(ApiShapes::errorEnvelope(goneStream.json(), 410));
}

void SandboxAsyncApiTest::asyncSqlErrorEndsExecutionFailed()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    PollLog log;
    runAsync(sandbox, site, queryBody(QStringLiteral("SELECT no_such_column FROM patients")), &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses.last(), QStringLiteral("executionFailed"));
    QVERIFY(!log.statuses.contains(QStringLiteral("uploading")));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QVERIFY(last.value(QStringLiteral("statusTiming"))
                .toObject()
                .contains(QStringLiteral("executing")));
    QVERIFY(!last.contains(QStringLiteral("result")));
    const QJsonObject details = last.value(QStringLiteral("errorDetails")).toObject();
    QCOMPARE(details.value(QStringLiteral("errorType")).toString(), QStringLiteral("mssql"));
    QVERIFY(!details.value(QStringLiteral("errorMessage")).toString().isEmpty());
    QCOMPARE(last.value(QStringLiteral("errorCode")), details.value(QStringLiteral("errorCode")));
    QCOMPARE(last.value(QStringLiteral("errorMessage")),
             details.value(QStringLiteral("errorMessage")));

    const HttpResult page = sandbox.api.get(
        queryPath(site, last.value(QStringLiteral("id")).toString(), QStringLiteral("/results/1")));
    CHECK_STATUS(page, 404);
}

void SandboxAsyncApiTest::asyncUploadFailureEndsUploadFailed()
{
    START_SANDBOX(sandbox, baseOptions());
    PollLog log;
    runAsync(
        sandbox, onlineBp(),
        queryBody(QStringLiteral("/* sandbox: upload-failed */ SELECT id FROM patients LIMIT 5")),
        &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses.last(), QStringLiteral("uploadFailed"));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QVERIFY(last.value(QStringLiteral("statusTiming"))
                .toObject()
                .contains(QStringLiteral("uploading")));
    QVERIFY(last.contains(QStringLiteral("errorCode")));
    QVERIFY(last.contains(QStringLiteral("errorMessage")));
    QVERIFY(last.contains(QStringLiteral("errorDetails")));
}

void SandboxAsyncApiTest::asyncShortMaxTimeInQueueEndsExpiredInQueue()
{
    START_SANDBOX(sandbox, baseOptions()); // 50 ms per state
    QJsonObject body = queryBody(QStringLiteral("SELECT id FROM patients LIMIT 5"));
    body.insert(QStringLiteral("maxTimeInQueue"), 10);
    PollLog log;
    runAsync(sandbox, onlineBp(), body, &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses.last(), QStringLiteral("expiredInQueue"));
    QVERIFY(!log.statuses.contains(QStringLiteral("executing")));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QCOMPARE(last.value(QStringLiteral("maxTimeInQueue")).toInt(), 10);
    const QJsonObject timing = last.value(QStringLiteral("statusTiming")).toObject();
    QVERIFY(timing.value(QStringLiteral("queued")).toObject().contains(QStringLiteral("endTime")));
    QVERIFY(!last.contains(QStringLiteral("result")));
}

void SandboxAsyncApiTest::asyncQueryOnUnreachableSiteEndsInitialisationFailedSiteUnreachable()
{
    START_SANDBOX(sandbox, baseOptions());
    PollLog log;
    runAsync(sandbox, sampleSite(Sandbox::SiteScenario::Unreachable, "Zedmed"),
             queryBody(QStringLiteral("SELECT id FROM patients LIMIT 5")), &log);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(log.statuses, (QStringList{QStringLiteral("initialising"),
                                        QStringLiteral("initialisationFailedSiteUnreachable")}));
    const QJsonObject last = log.last();
    CHECK_SHAPE(timingProblems(last));
    QCOMPARE(sortedKeys(last.value(QStringLiteral("statusTiming")).toObject()),
             QStringList{QStringLiteral("initialising")});
    QVERIFY(last.contains(QStringLiteral("completedAt")));
}

void SandboxAsyncApiTest::asyncQueryIsRefusedBySiteState_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<int>("status");
    QTest::newRow("non-authoritative: 403")
        << sampleSite(Sandbox::SiteScenario::NonAuthoritative).guid << 403;
    QTest::newRow("unpaired: 403") << sampleSite(Sandbox::SiteScenario::Unpaired).guid << 403;
    QTest::newRow("offline: 503") << sampleSite(Sandbox::SiteScenario::Offline).guid << 503;
}

void SandboxAsyncApiTest::asyncQueryIsRefusedBySiteState()
{
    QFETCH(QString, guid);
    QFETCH(int, status);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.post(
        QStringLiteral("/integrator/sites/") + guid + QStringLiteral("/queries/async"),
        queryBody(QStringLiteral("SELECT id FROM patients LIMIT 1")));
    CHECK_STATUS(result, status);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), status));
}

void SandboxAsyncApiTest::asyncInvalidRequestGets400Envelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no command") << QByteArray(R"({"maxTimeInQueue":1000})");
    QTest::newRow("no command.text") << QByteArray(R"({"command":{}})");
    QTest::newRow("executionMode not in enum")
        << QByteArray(R"({"command":{"text":"SELECT 1","executionMode":"stream"}})");
    QTest::newRow("maxTimeInQueue above 7200000")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":7200001})");
    QTest::newRow("maxTimeInQueue below 0")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":-5})");
    QTest::newRow("unknown catalogue")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"catalogue":"NoSuchDb"})");
}

void SandboxAsyncApiTest::asyncInvalidRequestGets400Envelope()
{
    QFETCH(QByteArray, body);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.postBytes(sitePath(onlineBp(), QStringLiteral("/queries/async")), body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxAsyncApiTest::batchStatusReportsFoundAndNotFound()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.asyncStepMs = 60000; // the query stays initialising whatever the machine's load
    START_SANDBOX(sandbox, options);
    const Sandbox::SampleSite &site = onlineBp();
    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/async")),
                         queryBody(QStringLiteral("SELECT id FROM patients LIMIT 3")));
    CHECK_STATUS(created, 201);
    const QString known = created.json().value(QStringLiteral("id")).toString();
    const QString unknown = randomUuid();

    const HttpResult batch =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/status")),
                         QJsonObject{{QStringLiteral("queryIds"), QJsonArray{known, unknown}}});
    CHECK_STATUS(batch, 200);
    CHECK_SHAPE(ApiShapes::batchStatus(batch.json()));
    const QJsonArray results = batch.json().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0)[QStringLiteral("queryId")].toString(), known);
    QCOMPARE(results.at(0)[QStringLiteral("status")].toString(), QStringLiteral("found"));
    QCOMPARE(results.at(0)[QStringLiteral("query")][QStringLiteral("id")].toString(), known);
    QCOMPARE(results.at(0)[QStringLiteral("query")][QStringLiteral("status")].toString(),
             QStringLiteral("initialising"));
    QCOMPARE(results.at(1)[QStringLiteral("queryId")].toString(), unknown);
    QCOMPARE(results.at(1)[QStringLiteral("status")].toString(), QStringLiteral("notFound"));

    // A query of another site is not found through this one.
    const Sandbox::SampleSite &other = sampleSite(Sandbox::SiteScenario::Online, "D4w");
    const HttpResult elsewhere =
        sandbox.api.post(sitePath(other, QStringLiteral("/queries/status")),
                         QJsonObject{{QStringLiteral("queryIds"), QJsonArray{known}}});
    CHECK_STATUS(elsewhere, 200);
    QCOMPARE(elsewhere.json()[QStringLiteral("results")][0][QStringLiteral("status")].toString(),
             QStringLiteral("notFound"));
}

void SandboxAsyncApiTest::batchStatusWithoutQueryIdsGets400()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString path = sitePath(onlineBp(), QStringLiteral("/queries/status"));
    for (const QByteArray &body :
         {QByteArray("{}"), QByteArray(R"({"queryIds":"abc"})"), QByteArray("not json")}) {
        const HttpResult result = sandbox.api.postBytes(path, body);
        CHECK_STATUS(result, 400);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    }
}

QTEST_GUILESS_MAIN(SandboxAsyncApiTest)
#include "tst_sandboxapi_async.moc"
