// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab's async queries, against a real sandbox on loopback: a 413 offered as async and
// run; an async query followed state by state to its last page, stopped, and reopened from the
// journal; a large result filtered off the GUI thread. Widgets are found by accessible name.
#include "FailOnWarning.h"
#include "SqlTabRig.h"
#include "WidgetLookup.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/ResultFilterRunner.h"
#include "sql/ResultGrid.h"
#include "sql/SqlResultsArea.h"
#include "sql/SqlTab.h"
#include "widgets/ProblemLabel.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestSqlTabAsync : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void offersAsyncAfterA413AndRunsIt();
    void followsAnAsyncQueryStateByStateToItsLastPage();
    void stopEndsPollingOfARunningAsyncQuery();
    void aReopenedAsyncQueryReportsItsSql();
    void filtersALargeResultOffTheGuiThread();

private:
    QTemporaryDir m_settingsDir;
};

void TestSqlTabAsync::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    useSettingsIn(m_settingsDir);
}

void TestSqlTabAsync::init()
{
    HaloTest::failOnWarnings();
    clearSettings();
}

void TestSqlTabAsync::offersAsyncAfterA413AndRunsIt()
{
    RigOptions options;
    options.immediateLimitBytes = 2000;
    START_RIG_WITH(rig, (options));
    const QString sql = QStringLiteral("SELECT id, surname FROM patients ORDER BY id");
    QVERIFY(rig.runAndWait(sql));
    QVERIFY(rig.problem()->accessibleDescription().contains(QStringLiteral("413")));
    QPushButton *offer = rig.button(QStringLiteral("Run as async"));
    QVERIFY(offer && offer->isVisible());

    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    offer->click();
    QVERIFY(finished.wait(kTimeoutMs));
    const QList<QVariant> args = finished.takeFirst();
    QCOMPARE(args.at(1).toString(), QStringLiteral("async"));
    QCOMPARE(args.at(3).toString(), QStringLiteral("successful"));
    QCOMPARE(rig.grid()->model()->rowCount(), 2000);
    QCOMPARE(args.at(4).toLongLong(), 2000);
    QVERIFY(!offer->isVisible());
    QVERIFY(!rig.problem()->isVisible());
}

void TestSqlTabAsync::followsAnAsyncQueryStateByStateToItsLastPage()
{
    RigOptions options;
    options.asyncStepMs = 300;
    options.pageBytes = 20000;
    START_RIG_WITH(rig, (options));
    named<QCheckBox>(rig.tab.get(), QStringLiteral("Async"))->setChecked(true);
    rig.tab->setSqlText(QStringLiteral("SELECT id, first_name, surname FROM patients ORDER BY id"));
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    QSignalSpy submitted(rig.tab.get(), &SqlTab::asyncSubmitted);
    rig.button(QStringLiteral("Run query"))->click();

    QStringList seen;
    QList<int> rowsSeen;
    QElapsedTimer clock;
    clock.start();
    while (finished.isEmpty() && clock.elapsed() < kTimeoutMs) {
        const QString text = rig.status();
        if (seen.isEmpty() || seen.last() != text)
            seen << text;
        const int rows = rig.grid()->model()->rowCount();
        if (rowsSeen.isEmpty() || rowsSeen.last() != rows)
            rowsSeen << rows;
        QTest::qWait(5);
    }
    QVERIFY2(!finished.isEmpty(), qPrintable(seen.join(QLatin1Char('\n'))));
    QCOMPARE(submitted.count(), 1);
    seen << rig.status();

    // Each state shows as the current one, in order, before the query succeeds.
    const QStringList states = {QStringLiteral("initialising"), QStringLiteral("queued"),
                                QStringLiteral("executing"), QStringLiteral("uploading"),
                                QStringLiteral("successful")};
    int from = 0;
    for (const QString &state : states) {
        bool found = false;
        for (; from < seen.size() && !found; ++from) {
            const QString trail = seen.at(from).section(QStringLiteral(" · "), 0, 0);
            found = trail.endsWith(state);
        }
        QVERIFY2(found, qPrintable(state + QLatin1String(" not seen in order:\n") +
                                   seen.join(QLatin1Char('\n'))));
    }
    QVERIFY2(seen.last().contains(QStringLiteral("fetched")), qPrintable(seen.last()));
    QCOMPARE(rig.grid()->model()->rowCount(), 2000);
    // Pages appear in the grid as they are fetched, not all at the end.
    QVERIFY2(rowsSeen.size() > 2, qPrintable(QString::number(rowsSeen.size())));
    QCOMPARE(finished.first().at(3).toString(), QStringLiteral("successful"));
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Rows"))->text(),
             SqlResultsArea::rowsText(2000, 2000, false));
}

void TestSqlTabAsync::stopEndsPollingOfARunningAsyncQuery()
{
    RigOptions options;
    options.asyncStepMs = 400;
    START_RIG_WITH(rig, (options));
    named<QCheckBox>(rig.tab.get(), QStringLiteral("Async"))->setChecked(true);
    rig.tab->setSqlText(QStringLiteral("SELECT id FROM patients"));
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    rig.button(QStringLiteral("Run query"))->click();
    QPushButton *stop = rig.button(QStringLiteral("Stop"));
    QVERIFY(stop->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(rig.status().contains(QStringLiteral("queued")), kTimeoutMs);
    stop->click();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(3).toString(), QStringLiteral("stopped"));
    QVERIFY2(rig.status().contains(QStringLiteral("stopped")), qPrintable(rig.status()));
    QVERIFY(!stop->isEnabled());
    QVERIFY(rig.button(QStringLiteral("Run query"))->isEnabled());

    const qsizetype calls = rig.client.requestLog()->exchanges().size();
    QTest::qWait(600);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), calls);
}

// Reopened from the journal (e.g. after a restart), a query still tells the history its SQL.
void TestSqlTabAsync::aReopenedAsyncQueryReportsItsSql()
{
    START_RIG(rig);
    QTemporaryDir dir;
    Halo::AsyncQueryJournal journal(dir.filePath(QStringLiteral("async-queries.json")));
    rig.tab->setJournal(&journal);
    const QString sql = QStringLiteral("SELECT id, surname FROM patients WHERE id <= 3");
    named<QCheckBox>(rig.tab.get(), QStringLiteral("Async"))->setChecked(true);
    rig.tab->setSqlText(sql);
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    rig.button(QStringLiteral("Run query"))->click();
    QVERIFY(finished.wait(kTimeoutMs));
    const QList<Halo::JournalEntry> entries =
        journal.entriesForSite(rig.record.environment, rig.record.guid);
    QCOMPARE(entries.size(), 1);

    // Another tab, as after a restart: the editor holds something else, which stays.
    SqlTab reopened(&rig.client);
    reopened.setJournal(&journal);
    reopened.setSite(rig.record, &rig.site);
    reopened.setSqlText(QStringLiteral("SELECT 'typed since'"));
    QSignalSpy reopenedFinished(&reopened, &SqlTab::queryFinished);
    reopened.resumeAsync(entries.first().queryId);
    QVERIFY(reopenedFinished.wait(kTimeoutMs));
    QCOMPARE(reopenedFinished.first().at(0).toString(), sql);
    QCOMPARE(reopenedFinished.first().at(3).toString(), QStringLiteral("successful"));
    QCOMPARE(reopened.sqlText(), QStringLiteral("SELECT 'typed since'"));
}

// Above ResultFilterRunner::kRowsForWorker rows the filter runs after a pause in typing, on a
// worker, and only the last text typed is applied.
void TestSqlTabAsync::filtersALargeResultOffTheGuiThread()
{
    START_RIG(rig);
    constexpr int kRows = 60000;
    QVERIFY(kRows > ResultFilterRunner::kRowsForWorker);
    QVERIFY(rig.runAndWait(QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                                          "FROM n WHERE x < %1) SELECT x FROM n")
                               .arg(kRows)));
    QTRY_COMPARE_WITH_TIMEOUT(rig.grid()->model()->rowCount(), kRows, kTimeoutMs);
    int expected = 0;
    for (int x = 1; x <= kRows; ++x)
        expected += QString::number(x).contains(QLatin1String("123")) ? 1 : 0;

    auto *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    auto *busy = named<QLabel>(rig.tab.get(), QStringLiteral("Filtering results"));
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("123"));
    QVERIFY(busy->isVisible()); // nothing filtered on the keystroke itself
    QCOMPARE(rig.grid()->model()->rowCount(), kRows);
    QTRY_COMPARE_WITH_TIMEOUT(rig.grid()->model()->rowCount(), expected, kTimeoutMs);
    QTRY_VERIFY(!busy->isVisible());
    QCOMPARE(rig.cell(0, 0), QStringLiteral("123"));

    // Cleared, every row is back.
    filter->clear();
    QTRY_COMPARE_WITH_TIMEOUT(rig.grid()->model()->rowCount(), kRows, kTimeoutMs);
    QVERIFY(filter->text().isEmpty());
}

QTEST_MAIN(TestSqlTabAsync)
#include "tst_sqltab_async.moc"
