// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP conformance of the sandbox: registered queries from creation to cancellation.
#include "FailOnWarning.h"
#include "SandboxHttp.h"

class SandboxRegisteredApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // Registered queries
    void registeredQueryLifecycleCreateListReadResultsCancel();
    void registeredQueryCreationValidatesEveryField_data();
    void registeredQueryCreationValidatesEveryField();
    void registeredQueryAtTheDescribedLimitsIsAccepted();
    void registeredQueryUnknownIdGets404_data();
    void registeredQueryUnknownIdGets404();
    void registeredQueryWithFailingSqlReportsLastErrorDetails();
};

// ============================================================================================
// Registered queries

namespace {

QJsonObject registeredBody(
    const QString &sql = QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 4"))
{
    return {{QStringLiteral("name"), QStringLiteral("Conformance patients")},
            {QStringLiteral("registeredQueryType"), QStringLiteral("query")},
            {QStringLiteral("frequency"), 300},
            {QStringLiteral("duration"), 3600},
            {QStringLiteral("registerCommand"),
             QJsonObject{{QStringLiteral("command"),
                          QJsonObject{{QStringLiteral("text"), sql},
                                      {QStringLiteral("executionMode"), QStringLiteral("reader")},
                                      {QStringLiteral("type"), QStringLiteral("text")},
                                      {QStringLiteral("parameters"), QJsonArray()}}}}}};
}

} // namespace

void SandboxRegisteredApiTest::registeredQueryLifecycleCreateListReadResultsCancel()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = onlineBp();
    const QString base = sitePath(site, QStringLiteral("/queries/registered"));

    const HttpResult created = sandbox.api.post(base, registeredBody());
    CHECK_STATUS(created, 202);
    QCOMPARE(sortedKeys(created.json()), QStringList{QStringLiteral("id")});
    const QString id = created.json().value(QStringLiteral("id")).toString();
    QVERIFY2(ApiShapes::isUuid(id), qPrintable(id));

    const HttpResult list = sandbox.api.get(base);
    CHECK_STATUS(list, 200);
    QCOMPARE(sortedKeys(list.json()), QStringList{QStringLiteral("registeredQueries")});
    const QJsonArray queries = list.json().value(QStringLiteral("registeredQueries")).toArray();
    bool listed = false;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        CHECK_SHAPE(ApiShapes::registeredQuery(queries.at(i),
                                               QStringLiteral("registeredQueries[%1]").arg(i)));
        listed = listed || queries.at(i)[QStringLiteral("id")].toString() == id;
    }
    QVERIFY(listed);

    const HttpResult details = sandbox.api.get(base + QLatin1Char('/') + id);
    CHECK_STATUS(details, 200);
    CHECK_SHAPE(ApiShapes::registeredQuery(details.json()));
    const QJsonObject query = details.json();
    QCOMPARE(query.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(query.value(QStringLiteral("name")).toString(),
             QStringLiteral("Conformance patients"));
    QCOMPARE(query.value(QStringLiteral("status")).toString(), QStringLiteral("enabled"));
    QCOMPARE(query.value(QStringLiteral("frequency")).toInt(), 300);
    QCOMPARE(query.value(QStringLiteral("duration")).toInt(), 3600);
    QVERIFY(!query.contains(QStringLiteral("completedAt")));

    const HttpResult results =
        sandbox.api.get(base + QLatin1Char('/') + id + QStringLiteral("/results"));
    CHECK_STATUS(results, 200);
    CHECK_SHAPE(ApiShapes::registeredQueryResult(results.json()));
    QCOMPARE(results.json().value(QStringLiteral("rows")).toInt(), 4);
    QJsonArray rows;
    QString why;
    QVERIFY2(decodeRows(results.json().value(QStringLiteral("data")), &rows, &why),
             qPrintable(why));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(sortedKeys(rows.at(0).toObject()),
             (QStringList{QStringLiteral("id"), QStringLiteral("surname")}));

    const HttpResult cancelled = sandbox.api.del(base + QLatin1Char('/') + id);
    CHECK_STATUS(cancelled, 204);
    QVERIFY2(cancelled.body.isEmpty(), cancelled.body.constData());

    const HttpResult after = sandbox.api.get(base + QLatin1Char('/') + id);
    CHECK_STATUS(after, 200);
    CHECK_SHAPE(ApiShapes::registeredQuery(after.json()));
    QCOMPARE(after.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QVERIFY(after.json().contains(QStringLiteral("completedAt")));
}

void SandboxRegisteredApiTest::registeredQueryCreationValidatesEveryField_data()
{
    QTest::addColumn<QJsonObject>("body");
    const QJsonObject valid = registeredBody();
    const auto with = [&valid](const QString &key, const QJsonValue &value) {
        QJsonObject body = valid;
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    const auto withCommand = [&valid](const QJsonObject &command) {
        QJsonObject body = valid;
        body.insert(QStringLiteral("registerCommand"),
                    QJsonObject{{QStringLiteral("command"), command}});
        return body;
    };
    QTest::newRow("frequency below 60") << with(QStringLiteral("frequency"), 59);
    QTest::newRow("frequency not whole") << with(QStringLiteral("frequency"), 90.5);
    QTest::newRow("frequency missing") << with(QStringLiteral("frequency"), QJsonValue::Undefined);
    QTest::newRow("frequency a string") << with(QStringLiteral("frequency"), QStringLiteral("300"));
    QTest::newRow("duration zero") << with(QStringLiteral("duration"), 0);
    QTest::newRow("duration above 86400") << with(QStringLiteral("duration"), 86401);
    QTest::newRow("duration missing") << with(QStringLiteral("duration"), QJsonValue::Undefined);
    QTest::newRow("name missing") << with(QStringLiteral("name"), QJsonValue::Undefined);
    QTest::newRow("name empty") << with(QStringLiteral("name"), QString());
    QTest::newRow("registeredQueryType not query")
        << with(QStringLiteral("registeredQueryType"), QStringLiteral("report"));
    QTest::newRow("registeredQueryType missing")
        << with(QStringLiteral("registeredQueryType"), QJsonValue::Undefined);
    QTest::newRow("registerCommand missing")
        << with(QStringLiteral("registerCommand"), QJsonValue::Undefined);
    QTest::newRow("command.text missing")
        << withCommand({{QStringLiteral("executionMode"), QStringLiteral("reader")}});
    QTest::newRow("command.text empty") << withCommand({{QStringLiteral("text"), QString()}});
    QTest::newRow("executionMode not in enum")
        << withCommand({{QStringLiteral("text"), QStringLiteral("SELECT 1")},
                        {QStringLiteral("executionMode"), QStringLiteral("all")}});
}

void SandboxRegisteredApiTest::registeredQueryCreationValidatesEveryField()
{
    QFETCH(QJsonObject, body);
    START_SANDBOX(sandbox, baseOptions());
    const QString base = sitePath(onlineBp(), QStringLiteral("/queries/registered"));
    const HttpResult result = sandbox.api.post(base, body);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    // Nothing was registered.
    const HttpResult list = sandbox.api.get(base);
    CHECK_STATUS(list, 200);
    QVERIFY(list.json().value(QStringLiteral("registeredQueries")).toArray().isEmpty());
}

void SandboxRegisteredApiTest::registeredQueryAtTheDescribedLimitsIsAccepted()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString base = sitePath(onlineBp(), QStringLiteral("/queries/registered"));
    const QList<QPair<int, int>> limits = {{60, 86400}, {60, 1}, {86400, 86400}};
    for (const auto &[frequency, duration] : limits) {
        QJsonObject body = registeredBody();
        body.insert(QStringLiteral("frequency"), frequency);
        body.insert(QStringLiteral("duration"), duration);
        const HttpResult created = sandbox.api.post(base, body);
        CHECK_STATUS(created, 202);
        const HttpResult details = sandbox.api.get(
            base + QLatin1Char('/') + created.json().value(QStringLiteral("id")).toString());
        CHECK_STATUS(details, 200);
        CHECK_SHAPE(ApiShapes::registeredQuery(details.json()));
        QCOMPARE(details.json().value(QStringLiteral("frequency")).toInt(), frequency);
        QCOMPARE(details.json().value(QStringLiteral("duration")).toInt(), duration);
    }
    const HttpResult list = sandbox.api.get(base);
    CHECK_STATUS(list, 200);
    QCOMPARE(list.json().value(QStringLiteral("registeredQueries")).toArray().size(),
             limits.size());
}

void SandboxRegisteredApiTest::registeredQueryUnknownIdGets404_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("details") << QByteArray("GET") << QString();
    QTest::newRow("results") << QByteArray("GET") << QStringLiteral("/results");
    QTest::newRow("cancel") << QByteArray("DELETE") << QString();
}

void SandboxRegisteredApiTest::registeredQueryUnknownIdGets404()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, suffix);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.send(
        verb, sitePath(onlineBp(), QStringLiteral("/queries/registered/") + randomUuid() + suffix));
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxRegisteredApiTest::registeredQueryWithFailingSqlReportsLastErrorDetails()
{
    START_SANDBOX(sandbox, baseOptions());
    const QString base = sitePath(onlineBp(), QStringLiteral("/queries/registered"));
    const HttpResult created =
        sandbox.api.post(base, registeredBody(QStringLiteral("SELECT nope FROM nowhere")));
    CHECK_STATUS(created, 202);
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const HttpResult details = sandbox.api.get(base + QLatin1Char('/') + id);
    CHECK_STATUS(details, 200);
    CHECK_SHAPE(ApiShapes::registeredQuery(details.json()));
    QVERIFY(details.json().contains(QStringLiteral("lastErrorDetails")));
    QCOMPARE(
        details.json()[QStringLiteral("lastErrorDetails")][QStringLiteral("errorType")].toString(),
        QStringLiteral("mssql"));
}

QTEST_GUILESS_MAIN(SandboxRegisteredApiTest)
#include "tst_sandboxapi_registered.moc"
