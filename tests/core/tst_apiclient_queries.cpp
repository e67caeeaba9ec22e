// SPDX-License-Identifier: GPL-3.0-or-later
// HaloApiClient's SQL calls against a real sandbox on loopback: immediate queries in every
// execution mode, with parameters and on a chosen catalogue; an async query submitted, polled,
// paged and batch-reported; a registered query created, listed, read and cancelled.
#include "ApiClientRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>
#include <QtTest>

class TestApiClientQueries : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void runImmediateReaderDecodesToTheSelectedColumnsAndRows();
    void runImmediateNonQueryReportsRowsAffected();
    void runImmediateScalarReturnsOneValue();
    void runImmediateBindsInputAndReturnsOutputParameters();
    void runImmediateRunsOnTheChosenCatalogue();
    void asyncQueryIsSubmittedPolledPagedAndBatchReported();
    void registeredQueryIsCreatedListedReadAndCancelled();
};

void TestApiClientQueries::runImmediateReaderDecodesToTheSelectedColumnsAndRows()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const CallPtr call = await(rig.client.runImmediate(
        guid, sql(QStringLiteral("SELECT id, surname, first_name FROM patients WHERE id IN "
                                 "(17, 18, 19) ORDER BY id"))));
    VERIFY_OK(call);
    QCOMPARE(call->httpStatus(), 200);

    const Halo::QueryInfo info = Halo::QueryInfo::fromJson(call->jsonObject());
    QVERIFY(!info.id.isEmpty());
    QCOMPARE(info.siteId, guid);
    QCOMPARE(info.mode, QStringLiteral("immediate"));
    QCOMPARE(info.status, QStringLiteral("successful"));
    QVERIFY(info.isTerminal());
    QVERIFY(!info.failure.isError());
    QVERIFY(info.createdAt.isValid());
    QVERIFY(info.completedAt.isValid());
    QVERIFY(info.timing.size() >= 2);
    QCOMPARE(info.timing.first().state, QStringLiteral("initialising"));
    QVERIFY(info.sqlExecutionDuration.has_value());
    QVERIFY(info.hasResult);
    QCOMPARE(info.rows.value_or(-1), 3);
    QVERIFY(!info.rowsAffected.has_value());

    const Halo::DecodedResult decoded = Halo::ResultDecoder::decode(info.data);
    QVERIFY2(decoded.isTable(), qPrintable(decoded.note));
    QCOMPARE(decoded.table.columns(), QStringList({QStringLiteral("id"), QStringLiteral("surname"),
                                                   QStringLiteral("first_name")}));
    QCOMPARE(decoded.table.rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(decoded.table.cell(row, 0).toInteger(), 17 + row);
    // Patient 17 is the sample with a quote in the surname.
    QCOMPARE(decoded.table.cell(0, 1).text(), QStringLiteral("D'Souza"));
}

void TestApiClientQueries::runImmediateNonQueryReportsRowsAffected()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.runImmediate(
        onlineBp().guid, sql(QStringLiteral("UPDATE patients SET notes = notes WHERE id <= 5"),
                             QStringLiteral("nonQuery"))));
    VERIFY_OK(call);
    const Halo::QueryInfo info = Halo::QueryInfo::fromJson(call->jsonObject());
    QVERIFY(info.isSuccessful());
    QCOMPARE(info.rowsAffected.value_or(-1), 5);
    QVERIFY(!info.rows.has_value());
    QVERIFY(info.data.isEmpty());
}

void TestApiClientQueries::runImmediateScalarReturnsOneValue()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.runImmediate(
        onlineBp().guid,
        sql(QStringLiteral("SELECT COUNT(*) FROM patients"), QStringLiteral("scalar"))));
    VERIFY_OK(call);
    const Halo::QueryInfo info = Halo::QueryInfo::fromJson(call->jsonObject());
    const Halo::DecodedResult decoded = Halo::ResultDecoder::decode(info.data);
    QVERIFY2(decoded.isTable(), qPrintable(decoded.note));
    QCOMPARE(decoded.table.rowCount(), 1);
    QCOMPARE(decoded.table.columnCount(), 1);
    QCOMPARE(decoded.table.cell(0, 0).toInteger(), 2000);
}

void TestApiClientQueries::runImmediateBindsInputAndReturnsOutputParameters()
{
    START_RIG(rig, sandboxOptions());
    Halo::QueryCommand command = sql(QStringLiteral(
        "SELECT COUNT(*) AS total FROM patients WHERE surname = @surname OR id = @id"));
    Halo::QueryParameter surname;
    surname.name = QStringLiteral("@surname");
    surname.value = QStringLiteral("Smith");
    Halo::QueryParameter id;
    id.name = QStringLiteral("@id");
    id.type = QStringLiteral("Int");
    id.value = QStringLiteral("17");
    id.size = 4;
    Halo::QueryParameter total;
    total.name = QStringLiteral("@total");
    total.direction = QStringLiteral("output");
    total.type = QStringLiteral("Int");
    command.parameters = {surname, id, total};

    const CallPtr call = await(rig.client.runImmediate(onlineBp().guid, command));
    VERIFY_OK(call);
    const Halo::QueryInfo info = Halo::QueryInfo::fromJson(call->jsonObject());
    const Halo::DecodedResult decoded = Halo::ResultDecoder::decode(info.data);
    QCOMPARE(decoded.table.rowCount(), 1);
    const qint64 count = decoded.table.cell(0, 0).toInteger();
    QVERIFY2(count >= 2, qPrintable(QString::number(count))); // some Smiths and patient 17

    QCOMPARE(info.parameters.size(), 1);
    const Halo::OutputParameter &output = info.parameters.first();
    QCOMPARE(output.name, QStringLiteral("@total"));
    QCOMPARE(output.direction, QStringLiteral("output"));
    QVERIFY(output.value.has_value());
    QCOMPARE(*output.value, QString::number(count));

    // A null input parameter is sent as JSON null and matches nothing.
    command.parameters = {surname, id, total};
    command.parameters[0].value = std::nullopt;
    command.parameters[1].value = std::nullopt;
    const CallPtr nulls = await(rig.client.runImmediate(onlineBp().guid, command));
    VERIFY_OK(nulls);
    const Halo::DecodedResult none =
        Halo::ResultDecoder::decode(Halo::QueryInfo::fromJson(nulls->jsonObject()).data);
    QCOMPARE(none.table.cell(0, 0).toInteger(), 0);
}

void TestApiClientQueries::runImmediateRunsOnTheChosenCatalogue()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &site = onlineBp();
    QCOMPARE(site.catalogues.size(), 2);
    for (const Sandbox::SampleCatalogue &catalogue : site.catalogues) {
        Halo::QueryCommand command = sql(QStringLiteral("SELECT name FROM catalogue_info"));
        command.catalogue = catalogue.name;
        const CallPtr call = await(rig.client.runImmediate(site.guid, command));
        VERIFY_OK(call);
        const Halo::DecodedResult decoded =
            Halo::ResultDecoder::decode(Halo::QueryInfo::fromJson(call->jsonObject()).data);
        QCOMPARE(decoded.table.cell(0, 0).text(), catalogue.name);
    }
    // Without a catalogue the query runs on the default one.
    const CallPtr fallback = await(
        rig.client.runImmediate(site.guid, sql(QStringLiteral("SELECT name FROM catalogue_info"))));
    VERIFY_OK(fallback);
    const Halo::DecodedResult decoded =
        Halo::ResultDecoder::decode(Halo::QueryInfo::fromJson(fallback->jsonObject()).data);
    QCOMPARE(decoded.table.cell(0, 0).text(), site.defaultCatalogue());
}

void TestApiClientQueries::asyncQueryIsSubmittedPolledPagedAndBatchReported()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const CallPtr submit = await(rig.client.submitAsync(
        guid, sql(QStringLiteral("SELECT id, surname FROM patients ORDER BY id LIMIT 50"))));
    VERIFY_OK(submit);
    QCOMPARE(submit->httpStatus(), 201);
    const Halo::QueryInfo created = Halo::QueryInfo::fromJson(submit->jsonObject());
    QVERIFY(!created.id.isEmpty());
    QCOMPARE(created.mode, QStringLiteral("async"));
    QVERIFY2(!created.isTerminal(), qPrintable(created.status));

    Halo::QueryInfo info;
    const auto reachedTheEnd = [&]() {
        const CallPtr status = await(rig.client.queryStatus(guid, created.id));
        info = Halo::QueryInfo::fromJson(status->jsonObject());
        return status->ok() && info.isTerminal();
    };
    QTRY_VERIFY_WITH_TIMEOUT(reachedTheEnd(), 10000);
    QCOMPARE(info.status, QStringLiteral("successful"));
    QCOMPARE(info.id, created.id);
    QCOMPARE(info.rows.value_or(-1), 50);
    QVERIFY(info.completedAt.isValid());
    QCOMPARE(info.timing.size(), 4); // initialising, queued, executing, uploading
    QVERIFY(!info.pages.isEmpty());
    qint64 pageRows = 0;
    for (const Halo::ResultPageInfo &page : std::as_const(info.pages)) {
        QCOMPARE(page.status, QStringLiteral("cached"));
        pageRows += page.rowCount;
    }
    QCOMPARE(pageRows, 50);

    const CallPtr page = await(rig.client.resultPage(guid, created.id, 1));
    VERIFY_OK(page);
    QCOMPARE(page->responseHeader("Rows-Count").toLongLong(), info.pages.first().rowCount);
    const Halo::ResultData data = Halo::ResultData::fromJson(page->jsonObject());
    const Halo::DecodedResult decoded = Halo::ResultDecoder::decode(data.data);
    QCOMPARE(decoded.table.columns(),
             QStringList({QStringLiteral("id"), QStringLiteral("surname")}));
    QCOMPARE(decoded.table.rowCount(), int(info.pages.first().rowCount));
    QCOMPARE(decoded.table.cell(0, 0).toInteger(), 1);

    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const CallPtr batch = await(rig.client.batchStatus(guid, {created.id, unknown}));
    VERIFY_OK(batch);
    const QJsonArray results = batch->jsonObject().value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject found = results.at(0).toObject();
    QCOMPARE(found.value(QLatin1String("queryId")).toString(), created.id);
    QCOMPARE(found.value(QLatin1String("status")).toString(), QStringLiteral("found"));
    const Halo::QueryInfo batched =
        Halo::QueryInfo::fromJson(found.value(QLatin1String("query")).toObject());
    QCOMPARE(batched.id, created.id);
    QCOMPARE(batched.status, QStringLiteral("successful"));
    QCOMPARE(batched.pages.size(), info.pages.size());
    QCOMPARE(results.at(1).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("notFound"));
}

void TestApiClientQueries::registeredQueryIsCreatedListedReadAndCancelled()
{
    START_RIG(rig, sandboxOptions());
    const QString guid = onlineBp().guid;
    const CallPtr create = await(rig.client.createRegistered(
        guid, QStringLiteral("First four patients"), 300, 3600,
        sql(QStringLiteral("SELECT id, surname FROM patients WHERE id <= 4 ORDER BY id"))));
    VERIFY_OK(create);
    QCOMPARE(create->httpStatus(), 202);
    const QString id = create->jsonObject().value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());

    const CallPtr list = await(rig.client.listRegistered(guid));
    VERIFY_OK(list);
    const QJsonArray listed =
        list->jsonObject().value(QLatin1String("registeredQueries")).toArray();
    QCOMPARE(listed.size(), 1);
    const Halo::RegisteredQueryInfo fromList =
        Halo::RegisteredQueryInfo::fromJson(listed.first().toObject());
    QCOMPARE(fromList.id, id);
    QCOMPARE(fromList.name, QStringLiteral("First four patients"));
    QCOMPARE(fromList.status, QStringLiteral("enabled"));
    QCOMPARE(fromList.frequency, 300);
    QCOMPARE(fromList.duration, 3600);
    QVERIFY(fromList.createdAt.isValid());
    QVERIFY(!fromList.lastHash.isEmpty());
    QVERIFY(fromList.succeededCount >= 1);
    QCOMPARE(fromList.failedCount, 0);
    QVERIFY(!fromList.lastError.isError());

    const CallPtr get = await(rig.client.registeredQuery(guid, id));
    VERIFY_OK(get);
    const Halo::RegisteredQueryInfo single = Halo::RegisteredQueryInfo::fromJson(get->jsonObject());
    QCOMPARE(single.id, id);
    QCOMPARE(single.lastHash, fromList.lastHash);

    const CallPtr results = await(rig.client.registeredResults(guid, id));
    VERIFY_OK(results);
    const Halo::ResultData data = Halo::ResultData::fromJson(results->jsonObject());
    QCOMPARE(data.rows.value_or(-1), 4);
    const Halo::DecodedResult decoded = Halo::ResultDecoder::decode(data.data);
    QCOMPARE(decoded.table.rowCount(), 4);
    QCOMPARE(decoded.table.cell(3, 0).toInteger(), 4);

    const CallPtr cancel = await(rig.client.cancelRegistered(guid, id));
    VERIFY_OK(cancel);
    QCOMPARE(cancel->httpStatus(), 204);
    QVERIFY(cancel->body().isEmpty());

    const CallPtr after = await(rig.client.registeredQuery(guid, id));
    VERIFY_OK(after);
    const Halo::RegisteredQueryInfo cancelled =
        Halo::RegisteredQueryInfo::fromJson(after->jsonObject());
    QCOMPARE(cancelled.status, QStringLiteral("cancelled"));
    QVERIFY(cancelled.completedAt.isValid());
}

QTEST_GUILESS_MAIN(TestApiClientQueries)
#include "tst_apiclient_queries.moc"
