// SPDX-License-Identifier: GPL-3.0-or-later
// The Log tab against the embedded sandbox: every exchange is listed with its outcome (200, 401,
// 404 and one with no HTTP answer), the details and "copy as cURL" never carry the key, and the
// filter and "Clear log" work. The model runs under QAbstractItemModelTester throughout.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "log/RequestLogView.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"
#include "net/RequestLog.h"
#include "net/RequestLogModel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using Halo::RequestLogModel;

namespace {

const QString kKey = QStringLiteral("k-log-view-test-3b9e1c");
const QString kMissingGuid = QStringLiteral("00000000-0000-4000-8000-000000000404");
const QString kDroppedGuid = QStringLiteral("11111111-1111-4111-8111-111111111111");

template <typename Widget> Widget *byAccessibleName(QWidget *root, const QString &name)
{
    const auto widgets = root->findChildren<Widget *>();
    for (Widget *widget : widgets) {
        if (widget->accessibleName() == name)
            return widget;
    }
    return nullptr;
}

// Waits for the call to finish and returns its HTTP status (0: no HTTP answer).
int finish(Halo::ApiCall *call)
{
    call->setAutoDelete(false);
    if (!call->isFinished()) {
        QSignalSpy finished(call, &Halo::ApiCall::finished);
        if (!finished.wait(15000))
            qWarning("call did not finish: %s", qPrintable(call->url().toString()));
    }
    const int status = call->httpStatus();
    delete call;
    return status;
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

Halo::LoggedExchange syntheticExchange(int n)
{
    Halo::LoggedExchange exchange;
    exchange.startedAt = QDateTime::currentDateTime();
    exchange.method = "GET";
    exchange.url = QUrl(QStringLiteral("http://127.0.0.1/integrator/sites/%1").arg(n));
    exchange.httpStatus = 200;
    exchange.outcome = QStringLiteral("OK");
    return exchange;
}

} // namespace

class TestRequestLogView : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void listsEveryExchangeAndCopiesItWithoutTheKey();
    void followsTheLogWhenItDropsTheOldest();

private:
    std::unique_ptr<Sandbox::SandboxServer> m_sandbox;
};

void TestRequestLogView::initTestCase()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    // No HTTP answer for this site at all: the connection is dropped.
    options.faults.append({kDroppedGuid, 0, -1, {}});
    m_sandbox = std::make_unique<Sandbox::SandboxServer>(options);
    QVERIFY(m_sandbox->listen() != 0);
}

void TestRequestLogView::listsEveryExchangeAndCopiesItWithoutTheKey()
{
    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Custom, QUrl(m_sandbox->baseUrl())});
    Halo::CallPolicy policy;
    policy.maxRetries = 0;
    client.setPolicy(policy);

    RequestLogView view(client.requestLog());
    QAbstractItemModelTester tester(view.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1100, 650);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const Sandbox::SampleSite &site = Sandbox::sampleSites().first();
    client.setSubscriptionKey(kKey);
    QCOMPARE(finish(client.findSites(site.pmsId, site.pmsName)), 200);
    client.setSubscriptionKey(QStringLiteral("k-wrong"));
    QCOMPARE(finish(client.siteStatus(site.guid)), 401);
    client.setSubscriptionKey(kKey);
    QCOMPARE(finish(client.siteStatus(kMissingGuid)), 404);
    QCOMPARE(finish(client.siteStatus(kDroppedGuid)), 0);

    auto *table = byAccessibleName<QTableView>(&view, QStringLiteral("Request log"));
    auto *details = byAccessibleName<QPlainTextEdit>(&view, QStringLiteral("Exchange details"));
    auto *copy = byAccessibleName<QPushButton>(&view, QStringLiteral("Copy as cURL"));
    auto *clear = byAccessibleName<QPushButton>(&view, QStringLiteral("Clear log"));
    auto *filter = byAccessibleName<QLineEdit>(&view, QStringLiteral("Filter log"));
    QVERIFY(table && details && copy && clear && filter);

    const QAbstractItemModel *model = view.model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->columnCount(), int(RequestLogModel::ColumnCount));
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(model->headerData(RequestLogModel::StatusColumn, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
    const QStringList statuses{QStringLiteral("200"), QStringLiteral("401"), QStringLiteral("404"),
                               QStringLiteral("—")};
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(cell(model, row, RequestLogModel::StatusColumn), statuses.at(row));
        QCOMPARE(cell(model, row, RequestLogModel::MethodColumn), QStringLiteral("GET"));
        QVERIFY(cell(model, row, RequestLogModel::UrlColumn).contains(QStringLiteral("/sites")));
        QVERIFY(!cell(model, row, RequestLogModel::TimeColumn).isEmpty());
        QVERIFY(cell(model, row, RequestLogModel::DurationColumn).contains(QStringLiteral("ms")));
        QVERIFY(cell(model, row, RequestLogModel::BytesColumn).contains(QStringLiteral(" / ")));
    }
    QCOMPARE(cell(model, 0, RequestLogModel::OutcomeColumn), QStringLiteral("OK"));
    Halo::ApiError unauthorized;
    unauthorized.kind = Halo::ApiError::Kind::Http;
    unauthorized.httpStatus = 401;
    QVERIFY(cell(model, 1, RequestLogModel::OutcomeColumn).contains(unauthorized.title()));
    QVERIFY(cell(model, 3, RequestLogModel::OutcomeColumn)
                .contains(Halo::ApiError::ofKind(Halo::ApiError::Kind::Network).title()));

    // The details show what was sent, with the key redacted.
    QVERIFY(!copy->isEnabled());
    table->selectRow(0);
    QTRY_VERIFY(
        details->toPlainText().contains(QStringLiteral("Ocp-Apim-Subscription-Key: [redacted]")));
    QVERIFY(details->toPlainText().contains(QStringLiteral("\"sites\"")));
    QVERIFY(!details->toPlainText().contains(kKey));
    const QString shot = QDir::current().absoluteFilePath(QStringLiteral("requestlog.png"));
    QVERIFY(view.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));

    QVERIFY(copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(QStringLiteral("curl ")), qPrintable(curl));
    QVERIFY(curl.contains(QStringLiteral("$HALO_KEY")));
    QVERIFY(curl.contains(QStringLiteral("/integrator/sites")));
    QVERIFY(!curl.contains(kKey));

    // The filter narrows the rows across every column; the details follow the selection.
    QTest::keyClicks(filter, kMissingGuid.left(13));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, RequestLogModel::StatusColumn).data().toString(),
             QStringLiteral("404"));
    table->selectRow(0);
    QTRY_VERIFY(details->toPlainText().contains(kMissingGuid));
    filter->clear();
    QTRY_COMPARE(table->model()->rowCount(), 4);

    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 0);
    QVERIFY(client.requestLog()->exchanges().isEmpty());
    QVERIFY(details->toPlainText().isEmpty());
    QVERIFY(!copy->isEnabled());

    // New exchanges after a clear appear live.
    QCOMPARE(finish(client.findSites(site.pmsId, site.pmsName)), 200);
    QTRY_COMPARE(table->model()->rowCount(), 1);
}

void TestRequestLogView::followsTheLogWhenItDropsTheOldest()
{
    Halo::RequestLog log;
    log.setCapacity(3);
    RequestLogModel model(&log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int n = 1; n <= 5; ++n)
        log.record(syntheticExchange(n));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(cell(&model, 0, RequestLogModel::UrlColumn).endsWith(QStringLiteral("/sites/3")));
    QVERIFY(cell(&model, 2, RequestLogModel::UrlColumn).endsWith(QStringLiteral("/sites/5")));

    // A smaller capacity drops rows without a signal; the next record brings the model back.
    log.setCapacity(2);
    log.record(syntheticExchange(6));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(cell(&model, 0, RequestLogModel::UrlColumn).endsWith(QStringLiteral("/sites/5")));
    QCOMPARE(model.exchange(1).url, syntheticExchange(6).url);
}

QTEST_MAIN(TestRequestLogView)
#include "tst_requestlogview.moc"
