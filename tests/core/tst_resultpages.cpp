// SPDX-License-Identifier: GPL-3.0-or-later
// Pages of one result put together: wide pages (tens of thousands of columns) decode and append
// in time that grows with their size, not its square; columns match by name and occurrence; and
// an async result whose later page has other columns than the first is an error, over loopback
// against a real sandbox that serves such a result.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"
#include "services/AsyncQueryRunner.h"

#include <QSignalSpy>
#include <QtTest>

using Halo::DecodedResult;
using Halo::ResultDecoder;
using Halo::ResultTable;

namespace {

constexpr int kWide = 20000;

// Base64 of a JSON array of `rows` row objects with `columns` integer cells each, as Halo's
// pages are; cell (r, c) holds (firstRow + r) * columns + c.
QByteArray widePage(int columns, int rows, int firstRow)
{
    QByteArray json = "[";
    for (int r = 0; r < rows; ++r) {
        json.append(r == 0 ? "{" : ",{");
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                json.append(',');
            json.append("\"c" + QByteArray::number(c) + "\":");
            json.append(QByteArray::number(qint64(firstRow + r) * columns + c));
        }
        json.append('}');
    }
    json.append(']');
    return json.toBase64();
}

ResultTable decodedTable(const QByteArray &base64)
{
    const DecodedResult decoded = ResultDecoder::decode(base64);
    if (decoded.shape != DecodedResult::RowObjects)
        qFatal("not rows: %s", qPrintable(decoded.note));
    return decoded.table;
}

ResultTable tableFromJson(const char *json)
{
    return ResultDecoder::decodeJson(QByteArray(json)).table;
}

const Sandbox::SampleSite &onlineBp()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online &&
            site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    qFatal("no online Best Practice sample site");
}

} // namespace

class TestResultPages : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void decodesOnePageOfManyColumns();
    void appendsTwoPagesOfManyColumns();
    void modelTakesTwoPagesOfManyColumns();
    void appendMatchesColumnsByNameAndOccurrence();
    void laterPageWithOtherColumnsIsAnError();
    void pagesWithTheSameColumnsMakeOneTable();
};

void TestResultPages::decodesOnePageOfManyColumns()
{
    const ResultTable table = decodedTable(widePage(kWide, 2, 0));
    QCOMPARE(table.columnCount(), kWide);
    QCOMPARE(table.rowCount(), 2);
    QCOMPARE(table.columns().first(), QStringLiteral("c0"));
    QCOMPARE(table.columns().last(), QStringLiteral("c%1").arg(kWide - 1));
    QCOMPARE(table.cell(1, kWide - 1).toInteger(), qint64(2) * kWide - 1);
}

void TestResultPages::appendsTwoPagesOfManyColumns()
{
    ResultTable table = decodedTable(widePage(kWide, 2, 0));
    const ResultTable second = decodedTable(widePage(kWide, 2, 2));
    table.append(second);
    QCOMPARE(table.columnCount(), kWide);
    QCOMPARE(table.rowCount(), 4);
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(table.cell(row, 0).toInteger(), qint64(row) * kWide);
        QCOMPARE(table.cell(row, kWide / 2).toInteger(), qint64(row) * kWide + kWide / 2);
        QCOMPARE(table.cell(row, kWide - 1).toInteger(), qint64(row + 1) * kWide - 1);
    }
    // A few appended rows take room for themselves, not for a segment of thousands of rows.
    QVERIFY2(table.memoryUsed() < qint64(64) * 1024 * 1024,
             qPrintable(QString::number(table.memoryUsed())));
}

void TestResultPages::modelTakesTwoPagesOfManyColumns()
{
    Halo::ResultTableModel model;
    model.appendPage(decodedTable(widePage(kWide, 2, 0)));
    model.appendPage(decodedTable(widePage(kWide, 2, 2)));
    QCOMPARE(model.columnCount(), kWide);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, kWide - 1).data(Qt::DisplayRole).toString(),
             QString::number(qint64(4) * kWide - 1));
}

void TestResultPages::appendMatchesColumnsByNameAndOccurrence()
{
    ResultTable table = tableFromJson(R"({"columns":["a","x","x"],"rows":[[1,2,3]]})");
    table.append(tableFromJson(R"({"columns":["x","b","a","x"],"rows":[[20,40,10,30]]})"));
    QCOMPARE(table.columns(), (QStringList{"a", "x", "x", "b"}));
    QCOMPARE(table.rowCount(), 2);
    QCOMPARE(table.cell(1, 0).toInteger(), 10);
    QCOMPARE(table.cell(1, 1).toInteger(), 20); // the first x to the first x
    QCOMPARE(table.cell(1, 2).toInteger(), 30);
    QCOMPARE(table.cell(1, 3).toInteger(), 40);
    QVERIFY(table.cell(0, 3).isNull());
}

void TestResultPages::laterPageWithOtherColumnsIsAnError()
{
    Sandbox::SandboxOptions options;
    options.key = QStringLiteral("resultpages-test-key-5c1e9b7d");
    options.asyncStepMs = 20;
    options.pageBytes = 16 * 1024;
    START_RIG(rig, options);
    Halo::AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    QSignalSpy pages(&runner, &Halo::AsyncQueryRunner::pageReady);
    QSignalSpy failed(&runner, &Halo::AsyncQueryRunner::failed);
    QSignalSpy finished(&runner, &Halo::AsyncQueryRunner::finished);

    // The sandbox serves the pages after the first with their columns in reverse order.
    Halo::QueryCommand command;
    command.text = QStringLiteral("/* sandbox: shifting-columns */ SELECT id, surname, first_name "
                                  "FROM patients ORDER BY id");
    runner.submit(onlineBp().guid, command);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !finished.isEmpty(), 20000);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!runner.isRunning());

    const auto error = failed.first().first().value<Halo::ApiError>();
    QCOMPARE(error.kind, Halo::ApiError::Kind::BadResponse);
    QVERIFY2(error.detail.contains(QStringLiteral("result page 2")), qPrintable(error.detail));
    QVERIFY2(error.detail.contains(QStringLiteral("“first_name” where page 1 had “id”")),
             qPrintable(error.detail));
    // Page 1 arrived; nothing of page 2 was handed on to be merged.
    QCOMPARE(pages.size(), 1);
    const auto first = pages.first().at(1).value<DecodedResult>();
    QCOMPARE(first.table.columns(), (QStringList{"id", "surname", "first_name"}));
}

void TestResultPages::pagesWithTheSameColumnsMakeOneTable()
{
    Sandbox::SandboxOptions options;
    options.key = QStringLiteral("resultpages-test-key-5c1e9b7d");
    options.asyncStepMs = 20;
    options.pageBytes = 16 * 1024;
    START_RIG(rig, options);
    Halo::AsyncQueryRunner runner(&rig.client);
    runner.setPollIntervals(20, 40);
    ResultTable all;
    connect(&runner, &Halo::AsyncQueryRunner::pageReady, this,
            [&all](const Halo::ResultPageInfo &, const DecodedResult &page) {
                all.append(page.table);
            });
    QSignalSpy failed(&runner, &Halo::AsyncQueryRunner::failed);
    QSignalSpy finished(&runner, &Halo::AsyncQueryRunner::finished);

    Halo::QueryCommand command;
    command.text = QStringLiteral("SELECT id, surname, first_name FROM patients ORDER BY id");
    runner.submit(onlineBp().guid, command);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !finished.isEmpty(), 20000);
    QCOMPARE(failed.size(), 0);
    const Halo::QueryInfo info = finished.first().first().value<Halo::QueryInfo>();
    QVERIFY2(info.pages.size() > 1, "the result should need several pages");
    QCOMPARE(all.columns(), (QStringList{"id", "surname", "first_name"}));
    QCOMPARE(qint64(all.rowCount()), info.rows);
}

QTEST_GUILESS_MAIN(TestResultPages)
#include "tst_resultpages.moc"
