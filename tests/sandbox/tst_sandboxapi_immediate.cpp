// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP conformance of the sandbox: immediate queries, their results, limits and refusals.
#include "FailOnWarning.h"
#include "SandboxHttp.h"

class SandboxImmediateApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // Immediate queries
    void immediateReaderReturnsSuccessfulQueryWithSelectedRows();
    void immediateScalarReturnsOneValue();
    void immediateNonQueryReportsRowsAffectedAndChangesData();
    void immediateInputParameterIsBound();
    void immediateOutputParameterIsReturned();
    void immediateQueryRunsOnTheChosenCatalogue_data();
    void immediateQueryRunsOnTheChosenCatalogue();
    void immediateInvalidCatalogueGets400();
    void immediateSqlErrorReturnsExecutionFailedQueryWith400_data();
    void immediateSqlErrorReturnsExecutionFailedQueryWith400();
    void immediateInvalidRequestGets400Envelope_data();
    void immediateInvalidRequestGets400Envelope();
    void queryBodiesAtTheDescribedLimitsAreAccepted();
    void immediateQueryIsRefusedBySiteState_data();
    void immediateQueryIsRefusedBySiteState();
    void immediateResultOverLimitGets413();
    void immediateQuerySlowerThanTimeoutGets504();
    void immediateQueryCanBeReadBackById();
    void unknownQueryIdGets404();
    void queryOfOneSiteIsNotVisibleFromAnother();
};

// ============================================================================================
// Immediate queries

void SandboxImmediateApiTest::immediateReaderReturnsSuccessfulQueryWithSelectedRows()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const HttpResult result = sandbox.api.post(
        sitePath(site, QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 5")));
    CHECK_STATUS(result, 200);
    const QJsonObject query = result.json();
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(query));

    QCOMPARE(query.value(QStringLiteral("siteId")).toString(), site.guid);
    QCOMPARE(query.value(QStringLiteral("mode")).toString(), QStringLiteral("immediate"));
    QCOMPARE(query.value(QStringLiteral("status")).toString(), QStringLiteral("successful"));
    // ImmediateMaxTimeInQueue default.
    QCOMPARE(query.value(QStringLiteral("maxTimeInQueue")).toInt(), 30000);
    const QDateTime created = ApiShapes::dateTime(query.value(QStringLiteral("createdAt")));
    QVERIFY(created >= before);
    QVERIFY(ApiShapes::dateTime(query.value(QStringLiteral("completedAt"))) >= created);
    QVERIFY(ApiShapes::dateTime(query.value(QStringLiteral("updatedAt"))) >= created);

    const QJsonObject resultObject = query.value(QStringLiteral("result")).toObject();
    QCOMPARE(resultObject.value(QStringLiteral("rows")).toInt(), 5);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(resultObject.value(QStringLiteral("data")), &rows, &why), qPrintable(why));
    QCOMPARE(rows.size(), 5);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QCOMPARE(sortedKeys(row), (QStringList{QStringLiteral("id"), QStringLiteral("surname")}));
        QCOMPARE(row.value(QStringLiteral("id")).toInt(), int(i + 1));
        QVERIFY(row.value(QStringLiteral("surname")).isString());
    }
    // Keys follow the select list.
    const QByteArray decoded =
        QByteArray::fromBase64(resultObject.value(QStringLiteral("data")).toString().toLatin1());
    QVERIFY(decoded.indexOf("\"id\"") < decoded.indexOf("\"surname\""));
}

void SandboxImmediateApiTest::immediateScalarReturnsOneValue()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult count = sandbox.api.post(
        sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT COUNT(*) AS total, 'ignored' AS other FROM patients"),
                  QStringLiteral("scalar")));
    CHECK_STATUS(count, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(count.json()));
    const QJsonObject result = count.json().value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rows")).toInt(), 1);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(result.value(QStringLiteral("data")), &rows, &why), qPrintable(why));
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(row.size(), 1); // the first value of the first row only
    QVERIFY(row.constBegin().value().isDouble());
    QVERIFY(row.constBegin().value().toInt() > 0);
}

void SandboxImmediateApiTest::immediateNonQueryReportsRowsAffectedAndChangesData()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString path = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));
    const HttpResult update = sandbox.api.post(
        path,
        queryBody(QStringLiteral("UPDATE patients SET notes = 'conformance run' WHERE id <= 3"),
                  QStringLiteral("nonQuery")));
    CHECK_STATUS(update, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(update.json()));
    const QJsonObject result = update.json().value(QStringLiteral("result")).toObject();
    QCOMPARE(result.value(QStringLiteral("rowsAffected")).toInt(), 3);
    QVERIFY(!result.contains(QStringLiteral("data")));

    const HttpResult read = sandbox.api.post(
        path,
        queryBody(QStringLiteral("SELECT id, notes FROM patients WHERE id <= 4 ORDER BY id")));
    CHECK_STATUS(read, 200);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(read.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
             qPrintable(why));
    QCOMPARE(rows.size(), 4);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rows.at(i)[QStringLiteral("notes")].toString(), QStringLiteral("conformance run"));
    QVERIFY(rows.at(3)[QStringLiteral("notes")].toString() != QLatin1String("conformance run"));
}

void SandboxImmediateApiTest::immediateInputParameterIsBound()
{
    START_SANDBOX(sandbox, baseOptions());
    const QJsonArray parameters{QJsonObject{{QStringLiteral("name"), QStringLiteral("@id")},
                                            {QStringLiteral("direction"), QStringLiteral("input")},
                                            {QStringLiteral("type"), QStringLiteral("Int")},
                                            {QStringLiteral("value"), QStringLiteral("7")},
                                            {QStringLiteral("size"), 4}}};
    const HttpResult result = sandbox.api.post(
        sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
        queryBody(QStringLiteral("SELECT id, surname FROM patients WHERE id = @id"),
                  QStringLiteral("reader"), parameters));
    CHECK_STATUS(result, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(result.json()));
    QJsonArray rows;
    QString why;
    QVERIFY2(
        decodeRows(result.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
        qPrintable(why));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0)[QStringLiteral("id")].toInt(), 7);
}

void SandboxImmediateApiTest::immediateOutputParameterIsReturned()
{
    START_SANDBOX(sandbox, baseOptions());
    const QJsonArray parameters{QJsonObject{{QStringLiteral("name"), QStringLiteral("@total")},
                                            {QStringLiteral("direction"), QStringLiteral("output")},
                                            {QStringLiteral("type"), QStringLiteral("Int")},
                                            {QStringLiteral("value"), QJsonValue::Null},
                                            {QStringLiteral("size"), 4}}};
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT COUNT(*) AS total FROM patients"),
                                   QStringLiteral("reader"), parameters));
    CHECK_STATUS(result, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(result.json()));
    const QJsonArray returned =
        result.json()[QStringLiteral("result")][QStringLiteral("parameters")].toArray();
    QCOMPARE(returned.size(), 1);
    const QJsonObject total = returned.at(0).toObject();
    QCOMPARE(total.value(QStringLiteral("name")).toString(), QStringLiteral("@total"));
    QCOMPARE(total.value(QStringLiteral("direction")).toString(), QStringLiteral("output"));
    QVERIFY(total.value(QStringLiteral("value")).isString());
    QVERIFY(total.value(QStringLiteral("value")).toString().toInt() > 0);
}

void SandboxImmediateApiTest::immediateQueryRunsOnTheChosenCatalogue_data()
{
    QTest::addColumn<QString>("catalogue"); // empty: name none, the default is used
    QTest::addColumn<QString>("expected");
    const Sandbox::SampleSite &site = onlineBp();
    QVERIFY(site.catalogues.size() >= 2);
    for (const Sandbox::SampleCatalogue &catalogue : site.catalogues)
        QTest::newRow(qPrintable(catalogue.name)) << catalogue.name << catalogue.name;
    for (const Sandbox::SampleCatalogue &catalogue : site.catalogues) {
        if (catalogue.isDefault)
            QTest::newRow("no catalogue: the default") << QString() << catalogue.name;
    }
}

void SandboxImmediateApiTest::immediateQueryRunsOnTheChosenCatalogue()
{
    QFETCH(QString, catalogue);
    QFETCH(QString, expected);
    START_SANDBOX(sandbox, baseOptions());
    QJsonObject body = queryBody(QStringLiteral("SELECT name FROM catalogue_info"));
    if (!catalogue.isEmpty())
        body.insert(QStringLiteral("catalogue"), catalogue);
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")), body);
    CHECK_STATUS(result, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(result.json()));
    QJsonArray rows;
    QString why;
    QVERIFY2(
        decodeRows(result.json()[QStringLiteral("result")][QStringLiteral("data")], &rows, &why),
        qPrintable(why));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0)[QStringLiteral("name")].toString(), expected);
}

void SandboxImmediateApiTest::immediateInvalidCatalogueGets400()
{
    START_SANDBOX(sandbox, baseOptions());
    QJsonObject body = queryBody(QStringLiteral("SELECT name FROM catalogue_info"));
    body.insert(QStringLiteral("catalogue"), QStringLiteral("ZEDMED")); // another PMS's catalogue
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")), body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxImmediateApiTest::immediateSqlErrorReturnsExecutionFailedQueryWith400_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<QString>("errorType");
    QTest::newRow("Best Practice: SQL Server") << onlineBp().guid << QStringLiteral("mssql");
    QTest::newRow("Zedmed: Firebird")
        << sampleSite(Sandbox::SiteScenario::Online, "Zedmed").guid << QStringLiteral("fbsql");
    QTest::newRow("D4w: SQL Server")
        << sampleSite(Sandbox::SiteScenario::Online, "D4w").guid << QStringLiteral("mssql");
}

void SandboxImmediateApiTest::immediateSqlErrorReturnsExecutionFailedQueryWith400()
{
    QFETCH(QString, guid);
    QFETCH(QString, errorType);
    START_SANDBOX(sandbox, baseOptions());
    for (const QString &sql : {QStringLiteral("SELEC id FROM patients"),
                               QStringLiteral("SELECT no_such_column FROM patients"),
                               QStringLiteral("SELECT * FROM no_such_table")}) {
        const HttpResult result = sandbox.api.post(QStringLiteral("/integrator/sites/") + guid +
                                                       QStringLiteral("/queries/immediate"),
                                                   queryBody(sql));
        CHECK_STATUS(result, 400);
        const QJsonObject query = result.json();
        CHECK_SHAPE(ApiShapes::executionFailedImmediateQuery(query));
        QCOMPARE(query.value(QStringLiteral("siteId")).toString(), guid);
        QCOMPARE(query[QStringLiteral("errorDetails")][QStringLiteral("errorType")].toString(),
                 errorType);
    }
}

void SandboxImmediateApiTest::immediateInvalidRequestGets400Envelope_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("{\"command\":");
    QTest::newRow("JSON array") << QByteArray("[]");
    QTest::newRow("no command") << QByteArray("{}");
    QTest::newRow("command not an object") << QByteArray(R"({"command":"SELECT 1"})");
    QTest::newRow("no command.text") << QByteArray(R"({"command":{"executionMode":"reader"}})");
    QTest::newRow("blank command.text") << QByteArray(R"({"command":{"text":"  "}})");
    QTest::newRow("executionMode not in enum")
        << QByteArray(R"({"command":{"text":"SELECT 1","executionMode":"write"}})");
    QTest::newRow("type not in enum")
        << QByteArray(R"({"command":{"text":"SELECT 1","type":"procedure"}})");
    QTest::newRow("parameter direction not in enum")
        << QByteArray(R"({"command":{"text":"SELECT @a AS a","parameters":[)"
                      R"({"name":"@a","direction":"sideways","type":"Int","value":"1"}]}})");
    QTest::newRow("parameter type not in enum")
        << QByteArray(R"({"command":{"text":"SELECT @a AS a","parameters":[)"
                      R"({"name":"@a","direction":"input","type":"Integer","value":"1"}]}})");
    QTest::newRow("maxTimeInQueue below 0")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":-1})");
    QTest::newRow("maxTimeInQueue above 60000")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":60001})");
    QTest::newRow("maxTimeInQueue not a number")
        << QByteArray(R"({"command":{"text":"SELECT 1"},"maxTimeInQueue":"1000"})");
}

void SandboxImmediateApiTest::immediateInvalidRequestGets400Envelope()
{
    QFETCH(QByteArray, body);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.postBytes(sitePath(onlineBp(), QStringLiteral("/queries/immediate")), body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxImmediateApiTest::queryBodiesAtTheDescribedLimitsAreAccepted()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString immediate = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));
    for (int queue : {0, 60000}) {
        QJsonObject body = queryBody(QStringLiteral("SELECT 1 AS one"));
        body.insert(QStringLiteral("maxTimeInQueue"), queue);
        const HttpResult result = sandbox.api.post(immediate, body);
        CHECK_STATUS(result, 200);
        QCOMPARE(result.json().value(QStringLiteral("maxTimeInQueue")).toInt(), queue);
    }
    QJsonObject body = queryBody(QStringLiteral("SELECT 1 AS one"));
    body.insert(QStringLiteral("maxTimeInQueue"), 7200000);
    const HttpResult async =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/async")), body);
    CHECK_STATUS(async, 201);
    QCOMPARE(async.json().value(QStringLiteral("maxTimeInQueue")).toInt(), 7200000);
}

void SandboxImmediateApiTest::immediateQueryIsRefusedBySiteState_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<int>("status");
    QTest::newRow("non-authoritative: 403")
        << sampleSite(Sandbox::SiteScenario::NonAuthoritative).guid << 403;
    QTest::newRow("unpaired: 403") << sampleSite(Sandbox::SiteScenario::Unpaired).guid << 403;
    QTest::newRow("offline: 503") << sampleSite(Sandbox::SiteScenario::Offline).guid << 503;
    QTest::newRow("unreachable: 504")
        << sampleSite(Sandbox::SiteScenario::Unreachable, "Zedmed").guid << 504;
}

void SandboxImmediateApiTest::immediateQueryIsRefusedBySiteState()
{
    QFETCH(QString, guid);
    QFETCH(int, status);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.post(
        QStringLiteral("/integrator/sites/") + guid + QStringLiteral("/queries/immediate"),
        queryBody(QStringLiteral("SELECT id FROM patients LIMIT 1")));
    CHECK_STATUS(result, status);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), status));
}

void SandboxImmediateApiTest::immediateResultOverLimitGets413()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.immediateLimitBytes = 2000;
    START_SANDBOX(sandbox, options);
    const QString path = sitePath(onlineBp(), QStringLiteral("/queries/immediate"));

    const HttpResult small =
        sandbox.api.post(path, queryBody(QStringLiteral("SELECT id FROM patients LIMIT 2")));
    CHECK_STATUS(small, 200);

    const HttpResult large =
        sandbox.api.post(path, queryBody(QStringLiteral("SELECT * FROM patients")));
    CHECK_STATUS(large, 413);
    QVERIFY(large.isJsonObject());
    // The docs show both forms: the general error, or the failed query carrying an http 413.
    const QJsonObject body = large.json();
    if (body.contains(QStringLiteral("error"))) {
        CHECK_SHAPE(ApiShapes::errorEnvelope(body, 413));
    } else {
        CHECK_SHAPE(ApiShapes::executionFailedImmediateQuery(body));
        QCOMPARE(body[QStringLiteral("errorDetails")][QStringLiteral("errorType")].toString(),
                 QStringLiteral("http"));
        QCOMPARE(body[QStringLiteral("errorDetails")][QStringLiteral("errorCode")].toInt(), 413);
    }
}

void SandboxImmediateApiTest::immediateQuerySlowerThanTimeoutGets504()
{
    Sandbox::SandboxOptions options = baseOptions();
    options.immediateTimeoutMs = 500;
    START_SANDBOX(sandbox, options);
    const HttpResult result =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("WAITFOR DELAY '00:00:02'; SELECT 1 AS one")));
    CHECK_STATUS(result, 504);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 504));
}

void SandboxImmediateApiTest::immediateQueryCanBeReadBackById()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const HttpResult created =
        sandbox.api.post(sitePath(site, QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT id FROM patients ORDER BY id LIMIT 3")));
    CHECK_STATUS(created, 200);
    const QString id = created.json().value(QStringLiteral("id")).toString();

    const HttpResult read = sandbox.api.get(queryPath(site, id));
    CHECK_STATUS(read, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(read.json()));
    QCOMPARE(read.json().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(read.json()[QStringLiteral("result")][QStringLiteral("data")],
             created.json()[QStringLiteral("result")][QStringLiteral("data")]);
}

void SandboxImmediateApiTest::unknownQueryIdGets404()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(queryPath(onlineBp(), randomUuid()));
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxImmediateApiTest::queryOfOneSiteIsNotVisibleFromAnother()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult created =
        sandbox.api.post(sitePath(onlineBp(), QStringLiteral("/queries/immediate")),
                         queryBody(QStringLiteral("SELECT 1 AS one")));
    CHECK_STATUS(created, 200);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const Sandbox::SampleSite &other = sampleSite(Sandbox::SiteScenario::Online, "Zedmed");
    const HttpResult result = sandbox.api.get(queryPath(other, id));
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

QTEST_GUILESS_MAIN(SandboxImmediateApiTest)
#include "tst_sandboxapi_immediate.moc"
