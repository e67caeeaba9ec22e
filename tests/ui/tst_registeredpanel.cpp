// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab's side panels as a user drives them: registered queries against a real sandbox on
// loopback, the query history, snippets and the recent async queries. Widgets are found by
// accessible name.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/HistoryPanel.h"
#include "sql/QueryHistory.h"
#include "sql/RecentAsyncPanel.h"
#include "sql/RegisteredQueriesPanel.h"
#include "sql/RegisteredQueryListModel.h"
#include "sql/SnippetStore.h"
#include "sql/SnippetsPanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("k");
const QString kSite = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const int kTimeoutMs = 15000;

#define NAMED(var, Type, root, name)                                                               \
    Type *var = named<Type>(root, name);                                                           \
    QVERIFY2(var, qPrintable(QStringLiteral("no single %1 named “%2”").arg(#Type, name)))

Halo::SiteRecord siteRecord(const QString &guid = kSite)
{
    const Sandbox::SampleSite *sample = Sandbox::findSampleSite(guid);
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = guid;
    record.pmsType = sample ? sample->pmsType : QStringLiteral("BestPractice");
    record.pmsId = sample ? sample->pmsId : QString();
    record.recorded.practiceName = sample ? sample->practiceName : QString();
    return record;
}

// Clicks `buttonText` in the confirmation the panel opened (window-modal, so no nested loop).
bool answerConfirmation(QWidget *panel, const QString &accessibleName, const QString &buttonText)
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor([&]() { return (box = named<QMessageBox>(panel, accessibleName)); },
                         kTimeoutMs))
        return false;
    for (QAbstractButton *button : box->buttons()) {
        if (button->text() == buttonText) {
            button->click();
            return true;
        }
    }
    return false;
}

struct SandboxRig {
    SandboxRig()
        : server(options())
        , port(server.listen())
    {
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
    }
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions o;
        o.key = kKey;
        return o;
    }
    Sandbox::SandboxServer server;
    quint16 port = 0;
    Halo::HaloApiClient client;
};

} // namespace

class TestRegisteredPanel : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void registeredQueryFromCreationToCancellation();
    void lastErrorIsShownInPlainWords();
    void historyRecordsSearchesAndRunsAgain();
    void snippetsInsertAndSave();
    void builtInSandboxSnippetsRunOnTheSandbox();
    void recentAsyncListsLiveEntriesAndReopens();
};

void TestRegisteredPanel::registeredQueryFromCreationToCancellation()
{
    SandboxRig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    RegisteredQueriesPanel panel(&rig.client);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.resize(1100, 800);
    panel.show();
    QSignalSpy listed(&panel, &RegisteredQueriesPanel::listed);
    QSignalSpy created(&panel, &RegisteredQueriesPanel::created);
    QSignalSpy details(&panel, &RegisteredQueriesPanel::detailsShown);
    QSignalSpy results(&panel, &RegisteredQueriesPanel::resultsReady);
    QSignalSpy cancelled(&panel, &RegisteredQueriesPanel::cancelled);
    panel.setSite(siteRecord());
    QVERIFY(listed.wait(kTimeoutMs));
    QCOMPARE(listed.constLast().at(0).toInt(), 0);

    NAMED(name, QLineEdit, &panel, "Registered query name");
    NAMED(frequency, QSpinBox, &panel, "Frequency in seconds");
    NAMED(duration, QSpinBox, &panel, "Duration in seconds");
    NAMED(sql, QPlainTextEdit, &panel, "Registered query SQL");
    NAMED(create, QPushButton, &panel, "Create registered query");
    NAMED(formProblem, QLabel, &panel, "Create registered query problem");
    NAMED(durationHint, QLabel, &panel, "Duration in hours and minutes");

    name->setText(QStringLiteral("First patients"));
    panel.setCommandText(QStringLiteral("SELECT id, surname FROM patients WHERE id <= 5"));
    QCOMPARE(sql->toPlainText(), QStringLiteral("SELECT id, surname FROM patients WHERE id <= 5"));
    duration->setValue(5400);
    QCOMPARE(durationHint->text(), QStringLiteral("for 1 h 30 min"));

    // Refused in place, before anything is sent.
    const qsizetype sentBefore = rig.client.requestLog()->exchanges().size();
    frequency->setValue(30);
    create->click();
    QVERIFY(formProblem->isVisible());
    QVERIFY2(formProblem->accessibleDescription().contains(QLatin1String("60")),
             qPrintable(formProblem->accessibleDescription()));
    frequency->setValue(60);
    duration->setValue(25 * 3600);
    create->click();
    QVERIFY(formProblem->isVisible());
    QVERIFY2(formProblem->accessibleDescription().contains(QLatin1String("24 hours")),
             qPrintable(formProblem->accessibleDescription()));
    QTest::qWait(200);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), sentBefore);
    QCOMPARE(created.count(), 0);

    duration->setValue(3600);
    create->click();
    QVERIFY(created.wait(kTimeoutMs));
    const QString id = created.constFirst().at(0).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(!formProblem->accessibleDescription().contains(QLatin1String("not sent")));

    // Listed with its status, selected, and its details read.
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, kTimeoutMs);
    const QModelIndex row = panel.model()->index(0, 0);
    QCOMPARE(row.data(Halo::RegisteredQueryListModel::QueryIdRole).toString(), id);
    QCOMPARE(row.data(Halo::RegisteredQueryListModel::StatusRole).toString(),
             QStringLiteral("enabled"));
    QCOMPARE(
        panel.model()->index(0, Halo::RegisteredQueryListModel::StatusColumn).data().toString(),
        QStringLiteral("Enabled"));
    QTRY_VERIFY_WITH_TIMEOUT(!details.isEmpty(), kTimeoutMs);
    const auto info = details.constLast().at(0).value<Halo::RegisteredQueryInfo>();
    QCOMPARE(info.id, id);
    QCOMPARE(info.frequency, qint64(60));
    QCOMPARE(info.duration, qint64(3600));
    QVERIFY(info.succeededCount >= 1);
    NAMED(status, QLabel, &panel, "Registered query status");
    QCOMPARE(status->text(), QStringLiteral("Enabled"));
    NAMED(runs, QLabel, &panel, "Runs");
    QVERIFY2(runs->text().contains(QLatin1String("succeeded")), qPrintable(runs->text()));
    NAMED(lastError, QLabel, &panel, "Last error");
    QCOMPARE(lastError->text(), QStringLiteral("None"));

    // The latest results go to the tab's grid, with a count here.
    NAMED(latest, QPushButton, &panel, "Latest results");
    QTRY_VERIFY(latest->isEnabled());
    latest->click();
    QVERIFY(results.wait(kTimeoutMs));
    const auto decoded = results.constFirst().at(0).value<Halo::DecodedResult>();
    QVERIFY(decoded.isTable());
    QCOMPARE(decoded.table.rowCount(), 5);
    QCOMPARE(decoded.table.columns(),
             QStringList({QStringLiteral("id"), QStringLiteral("surname")}));
    NAMED(count, QLabel, &panel, "Latest results count");
    QVERIFY2(count->text().startsWith(QLatin1String("5 row")), qPrintable(count->text()));

    // Cancelling asks first; "Keep running" sends nothing.
    NAMED(cancel, QPushButton, &panel, "Cancel registered query");
    QTRY_VERIFY(cancel->isEnabled());
    const qsizetype sentBeforeCancel = rig.client.requestLog()->exchanges().size();
    cancel->click();
    QVERIFY(answerConfirmation(&panel, QStringLiteral("Confirm cancel registered query"),
                               QStringLiteral("Keep running")));
    QTest::qWait(200);
    QCOMPARE(rig.client.requestLog()->exchanges().size(), sentBeforeCancel);
    QCOMPARE(cancelled.count(), 0);

    cancel->click();
    QVERIFY(answerConfirmation(&panel, QStringLiteral("Confirm cancel registered query"),
                               QStringLiteral("Cancel registered query")));
    QVERIFY(cancelled.wait(kTimeoutMs));
    QCOMPARE(cancelled.constFirst().at(0).toString(), id);
    QTRY_COMPARE_WITH_TIMEOUT(
        panel.model()->index(0, 0).data(Halo::RegisteredQueryListModel::StatusRole).toString(),
        QStringLiteral("cancelled"), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Cancelled"), kTimeoutMs);
    QVERIFY(!cancel->isEnabled());
}

void TestRegisteredPanel::lastErrorIsShownInPlainWords()
{
    SandboxRig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    RegisteredQueriesPanel panel(&rig.client);
    panel.show();
    QSignalSpy listed(&panel, &RegisteredQueriesPanel::listed);
    QSignalSpy details(&panel, &RegisteredQueriesPanel::detailsShown);
    panel.setSite(siteRecord());
    QVERIFY(listed.wait(kTimeoutMs));

    NAMED(name, QLineEdit, &panel, "Registered query name");
    NAMED(create, QPushButton, &panel, "Create registered query");
    name->setText(QStringLiteral("Broken"));
    panel.setCommandText(QStringLiteral("SELECT nope FROM no_such_table"));
    create->click();
    QTRY_VERIFY_WITH_TIMEOUT(!details.isEmpty(), kTimeoutMs);
    NAMED(lastError, QLabel, &panel, "Last error");
    QVERIFY2(lastError->text().startsWith(QLatin1String("The database rejected the query")),
             qPrintable(lastError->text()));
    QVERIFY2(lastError->text().contains(QLatin1String("no_such_table")),
             qPrintable(lastError->text()));

    // No successful run yet: the results call fails, and says so in place.
    NAMED(latest, QPushButton, &panel, "Latest results");
    NAMED(problem, QLabel, &panel, "Registered query problem");
    QSignalSpy results(&panel, &RegisteredQueriesPanel::resultsReady);
    QTRY_VERIFY(latest->isEnabled());
    latest->click();
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), kTimeoutMs);
    QVERIFY2(problem->accessibleDescription().contains(QLatin1String("404")) ||
                 problem->text().contains(QLatin1String("404")),
             qPrintable(problem->text()));
    QCOMPARE(results.count(), 0);
}

void TestRegisteredPanel::historyRecordsSearchesAndRunsAgain()
{
    QTemporaryDir dir;
    Halo::QueryHistory history(dir.filePath(QStringLiteral("history.json")));
    HistoryPanel panel(&history);
    panel.show();
    panel.setSite(siteRecord());
    NAMED(view, QTreeView, &panel, "Query history");
    NAMED(search, QLineEdit, &panel, "Search history");
    QSignalSpy rerun(&panel, &HistoryPanel::rerunRequested);

    panel.recordFinished(QStringLiteral("SELECT * FROM patients"), QStringLiteral("immediate"),
                         QStringLiteral("reader"), QStringLiteral("successful"), 2000, 412);
    QTest::qWait(5); // distinct times, so that the order is certain
    panel.recordFinished(QStringLiteral("SELECT COUNT(*) FROM appointments"),
                         QStringLiteral("async"), QStringLiteral("scalar"),
                         QStringLiteral("successful"), 1, 2300);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(0, 5).data().toString(),
             QStringLiteral("SELECT COUNT(*) FROM appointments"));
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("Async"));
    QCOMPARE(view->model()->index(1, 3).data().toString(), QLocale().toString(2000));
    QCOMPARE(history.entries(QStringLiteral("sandbox"), kSite).size(), qsizetype(2));

    // Another site has its own history.
    panel.setSite(siteRecord(QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057")));
    QCOMPARE(view->model()->rowCount(), 0);
    panel.setSite(siteRecord());
    QCOMPARE(view->model()->rowCount(), 2);

    QTest::keyClicks(search, QStringLiteral("PATIENTS"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(rerun.count(), 1);
    QCOMPARE(rerun.constFirst().at(0).toString(), QStringLiteral("SELECT * FROM patients"));
    QCOMPARE(rerun.constFirst().at(1).toString(), QStringLiteral("reader"));

    search->clear();
    QTRY_COMPARE(view->model()->rowCount(), 2);
    NAMED(again, QPushButton, &panel, "Run again");
    view->setCurrentIndex(view->model()->index(0, 0));
    again->click();
    QCOMPARE(rerun.count(), 2);
    QCOMPARE(rerun.constLast().at(1).toString(), QStringLiteral("scalar"));
}

void TestRegisteredPanel::snippetsInsertAndSave()
{
    QTemporaryDir dir;
    Halo::SnippetStore store(dir.filePath(QStringLiteral("snippets.json")));
    SnippetsPanel panel(&store);
    panel.show();
    panel.setPmsType(QStringLiteral("Zedmed"));
    NAMED(list, QTreeWidget, &panel, "Snippets");
    NAMED(insert, QPushButton, &panel, "Insert snippet");
    NAMED(remove, QPushButton, &panel, "Delete snippet");
    QSignalSpy inserted(&panel, &SnippetsPanel::insertRequested);

    const QList<Halo::Snippet> builtIns = Halo::SnippetStore::builtIns(QStringLiteral("Zedmed"));
    QCOMPARE(list->topLevelItemCount(), int(builtIns.size()));
    const Halo::Snippet &example = builtIns.constFirst();
    QVERIFY(panel.selectSnippet(example.name));
    QVERIFY(!remove->isEnabled()); // built-ins are read-only
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.constFirst().at(0).toString(), example.sql);

    NAMED(name, QLineEdit, &panel, "Snippet name");
    NAMED(save, QPushButton, &panel, "Save snippet");
    panel.setCurrentSql(QStringLiteral("SELECT 42 AS answer FROM RDB$DATABASE"));
    QTest::keyClicks(name, QStringLiteral("Answer"));
    save->click();
    QCOMPARE(store.userSnippets().size(), qsizetype(1));
    QCOMPARE(store.userSnippets().constFirst().pmsType, QStringLiteral("Zedmed"));
    QCOMPARE(list->topLevelItemCount(), int(builtIns.size()) + 1);
    QCOMPARE(list->currentItem()->text(0), QStringLiteral("Answer"));
    QVERIFY(remove->isEnabled());
    insert->click();
    QCOMPARE(inserted.constLast().at(0).toString(),
             QStringLiteral("SELECT 42 AS answer FROM RDB$DATABASE"));

    // Saved for Zedmed only: not offered on a Best Practice site.
    panel.setPmsType(QStringLiteral("BestPractice"));
    QVERIFY(!panel.selectSnippet(QStringLiteral("Answer")));
    panel.setPmsType(QStringLiteral("Zedmed"));

    // A built-in's name is refused, in place.
    NAMED(problem, QLabel, &panel, "Snippet problem");
    name->setText(example.name);
    save->click();
    QVERIFY(problem->isVisible());
    QCOMPARE(store.userSnippets().size(), qsizetype(1));

    QVERIFY(panel.selectSnippet(QStringLiteral("Answer")));
    remove->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = named<QMessageBox>(&panel, QStringLiteral("Confirm delete snippet"))));
    for (QAbstractButton *button : box->buttons()) {
        if (button->text() == QLatin1String("Delete"))
            button->click();
    }
    QTRY_VERIFY(store.userSnippets().isEmpty());
    QCOMPARE(list->topLevelItemCount(), int(builtIns.size()));
}

void TestRegisteredPanel::builtInSandboxSnippetsRunOnTheSandbox()
{
    SandboxRig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    for (const QString &pms :
         {QStringLiteral("BestPractice"), QStringLiteral("Zedmed"), QStringLiteral("D4w")}) {
        QString guid;
        for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
            if (site.pmsType == pms && site.scenario == Sandbox::SiteScenario::Online &&
                site.authoritative) {
                guid = site.guid;
                break;
            }
        }
        QVERIFY2(!guid.isEmpty(), qPrintable(pms));
        for (const Halo::Snippet &snippet : Halo::SnippetStore::builtIns(pms)) {
            if (!snippet.runsOnSandbox)
                continue;
            Halo::QueryCommand command;
            command.text = snippet.sql;
            Halo::ApiCall *call = rig.client.runImmediate(guid, command);
            call->setAutoDelete(false);
            QSignalSpy finished(call, &Halo::ApiCall::finished);
            QVERIFY(finished.wait(kTimeoutMs));
            QVERIFY2(call->ok(),
                     qPrintable(snippet.name + QLatin1String(": ") + call->error().oneLine()));
            delete call;
        }
    }
}

void TestRegisteredPanel::recentAsyncListsLiveEntriesAndReopens()
{
    QTemporaryDir dir;
    Halo::AsyncQueryJournal journal(dir.filePath(QStringLiteral("async-queries.json")));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto entry = [&](const QString &guid, const QString &id, int hoursAgo) {
        Halo::JournalEntry e;
        e.environment = QStringLiteral("sandbox");
        e.siteGuid = guid;
        e.queryId = id;
        e.sql = QStringLiteral("SELECT *\nFROM patients");
        e.submittedAt = now.addSecs(-qint64(hoursAgo) * 3600);
        e.lastStatus = QStringLiteral("successful");
        return e;
    };
    QVERIFY(journal.record(entry(kSite, QStringLiteral("q-old"), 3)));
    QVERIFY(journal.record(entry(kSite, QStringLiteral("q-new"), 1)));
    QVERIFY(journal.record(
        entry(QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057"), QStringLiteral("q-x"), 1)));
    // An entry past Halo's result lifetime, as a journal written a day ago still holds it.
    {
        QFile file(dir.filePath(QStringLiteral("async-queries.json")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray queries = root.value(QLatin1String("queries")).toArray();
        queries.append(QJsonObject{
            {QStringLiteral("environment"), QStringLiteral("sandbox")},
            {QStringLiteral("siteGuid"), kSite},
            {QStringLiteral("queryId"), QStringLiteral("q-expired")},
            {QStringLiteral("sql"), QStringLiteral("SELECT 1")},
            {QStringLiteral("submittedAt"), now.addSecs(-25 * 3600).toString(Qt::ISODateWithMs)},
            {QStringLiteral("lastStatus"), QStringLiteral("successful")}});
        root.insert(QStringLiteral("queries"), queries);
        file.resize(0);
        file.write(QJsonDocument(root).toJson());
    }
    QCOMPARE(journal.entriesForSite(QStringLiteral("sandbox"), kSite).size(), qsizetype(3));

    RecentAsyncPanel panel(&journal);
    panel.show();
    panel.setSite(QStringLiteral("sandbox"), kSite);
    NAMED(list, QTreeWidget, &panel, "Recent async queries");
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Successful"));
    QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("SELECT * …"));

    QSignalSpy reopen(&panel, &RecentAsyncPanel::reopenRequested);
    list->setFocus();
    list->setCurrentItem(list->topLevelItem(0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(reopen.count(), 1);
    QCOMPARE(reopen.constFirst().at(0).toString(), QStringLiteral("q-new"));
    NAMED(reopenButton, QPushButton, &panel, "Reopen async query");
    list->setCurrentItem(list->topLevelItem(1));
    reopenButton->click();
    QCOMPARE(reopen.constLast().at(0).toString(), QStringLiteral("q-old"));

    // A new submission shows up on refresh; another environment's never does.
    Halo::JournalEntry stage = entry(kSite, QStringLiteral("q-stage"), 0);
    stage.environment = QStringLiteral("stage");
    QVERIFY(journal.record(stage));
    QVERIFY(journal.record(entry(kSite, QStringLiteral("q-now"), 0)));
    panel.refresh();
    QCOMPARE(panel.count(), 3);
}

QTEST_MAIN(TestRegisteredPanel)
#include "tst_registeredpanel.moc"
