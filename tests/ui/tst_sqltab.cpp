// The SQL tab as an integrator uses it, against a real sandbox on loopback: run a query and read
// NULLs, unicode and line breaks; Production safety (confirmation, read-only); errors in place;
// 413 offered as async; async followed state by state, stopped, exported. Widgets are found by
// accessible name.
#include "EnvironmentBanner.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "results/ResultTableModel.h"
#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/ResultFilterRunner.h"
#include "sql/ResultGrid.h"
#include "sql/SqlTab.h"
#include "sql/StatusTimeline.h"
#include "sql/WriteGuard.h"
#include "widgets/ProblemLabel.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("k");
const QString kGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const int kTimeoutMs = 20000;
const QString kSpecialCells =
    QStringLiteral("SELECT NULL AS n, 'Zoë' AS u, 'a' || char(10) || 'b' AS nl, '' AS empty, "
                   "'say \"hi\", ok' AS quoted, 42 AS answer");

struct RigOptions {
    Halo::Environment environment = Halo::Environment::Sandbox;
    int asyncStepMs = 40;
    qint64 immediateLimitBytes = 8 * 1024 * 1024;
    qint64 pageBytes = 1024 * 1024;
};

// A sandbox, a client pointed at it (labelled with any environment: the label is what the
// safety rules read), the site's live status and the tab.
struct Rig {
    explicit Rig(const RigOptions &rigOptions = {})
        : server(sandboxOptions(rigOptions))
        , port(server.listen())
    {
        client.setEndpoint({rigOptions.environment, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
        record.environment = Halo::environmentId(rigOptions.environment);
        record.guid = kGuid;
        record.pmsType = QStringLiteral("BestPractice");
        Halo::ApiCall *call = client.siteStatus(kGuid);
        call->setAutoDelete(false);
        QSignalSpy done(call, &Halo::ApiCall::finished);
        statusOk = done.wait(kTimeoutMs) && call->ok();
        site = Halo::SiteInfo::fromJson(call->jsonObject());
        delete call;

        tab = std::make_unique<SqlTab>(&client);
        tab->setPollIntervals(10, 40);
        tab->setConfirmer([this](const QString &question) {
            questions.append(question);
            return confirm;
        });
        tab->setSite(record, &site);
        tab->resize(1280, 820);
        tab->show();
    }
    static Sandbox::SandboxOptions sandboxOptions(const RigOptions &rigOptions)
    {
        Sandbox::SandboxOptions o;
        o.key = kKey;
        o.asyncStepMs = rigOptions.asyncStepMs;
        o.immediateLimitBytes = rigOptions.immediateLimitBytes;
        o.pageBytes = rigOptions.pageBytes;
        return o;
    }
    int queryPosts() const
    {
        int count = 0;
        for (const Halo::LoggedExchange &exchange : client.requestLog()->exchanges()) {
            const QString path = exchange.url.path();
            if (exchange.method == "POST" && (path.endsWith(QLatin1String("/queries/immediate")) ||
                                              path.endsWith(QLatin1String("/queries/async"))))
                ++count;
        }
        return count;
    }
    QString status() const
    {
        return named<QLabel>(tab.get(), QStringLiteral("Query status"))->text();
    }
    QsciScintilla *editor() const
    {
        return named<QsciScintilla>(tab.get(), QStringLiteral("SQL editor"));
    }
    QPushButton *button(const QString &name) const { return named<QPushButton>(tab.get(), name); }
    ResultGrid *grid() const { return named<ResultGrid>(tab.get(), QStringLiteral("Results")); }
    ProblemLabel *problem() const { return tab->findChild<ProblemLabel *>(); }
    QString cell(int row, int column, int role = Qt::DisplayRole) const
    {
        const QAbstractItemModel *model = grid()->model();
        return model->data(model->index(row, column), role).toString();
    }
    bool isNull(int row, int column) const
    {
        const QAbstractItemModel *model = grid()->model();
        return model->data(model->index(row, column), Halo::ResultTableModel::IsNullRole).toBool();
    }
    QStringList headers() const
    {
        QStringList list;
        const QAbstractItemModel *model = grid()->model();
        for (int column = 0; column < model->columnCount(); ++column)
            list << model->headerData(column, Qt::Horizontal).toString();
        return list;
    }
    bool runAndWait(const QString &sql)
    {
        QSignalSpy finished(tab.get(), &SqlTab::queryFinished);
        tab->setSqlText(sql);
        button(QStringLiteral("Run query"))->click();
        return finished.count() > 0 || finished.wait(kTimeoutMs);
    }

    Sandbox::SandboxServer server;
    quint16 port = 0;
    Halo::HaloApiClient client;
    Halo::SiteRecord record;
    Halo::SiteInfo site;
    bool statusOk = false;
    std::unique_ptr<SqlTab> tab;
    QStringList questions;
    bool confirm = false;
};

#define START_RIG_WITH(name, options)                                                              \
    Rig name{options};                                                                             \
    QVERIFY2(name.port != 0, qPrintable(name.server.errorString()));                               \
    QVERIFY(name.statusOk)
#define START_RIG(name) START_RIG_WITH(name, RigOptions{})

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

} // namespace

class TestSqlTab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void namesEveryControl();
    void runsAReaderQueryShowingNullUnicodeAndLineBreaks();
    void readsSampleRowsInTheQueryOrder();
    void refusesANonQueryOnProductionWithoutConfirmation();
    void readOnlyIsOnForProductionAndBlocksWrites();
    void aCustomUrlOnTheProductionHostIsProduction();
    void showsASqlErrorWithItsCodeAndKeepsTheText();
    void offersAsyncAfterA413AndRunsIt();
    void followsAnAsyncQueryStateByStateToItsLastPage();
    void stopEndsPollingOfARunningAsyncQuery();
    void aReopenedAsyncQueryReportsItsSql();
    void filtersALargeResultOffTheGuiThread();
    void ctrlEnterRunsAllAndCtrlShiftEnterRunsTheSelection();
    void editorFindsTextAndUndoes();
    void copiesTheSelectionAsTsvWithHeaders();
    void exportsCsvThatRoundTrips();
    void savesAScreenshot();

private:
    QTemporaryDir m_settingsDir;
};

void TestSqlTab::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestSqlTab::init()
{
    QSettings().clear();
    // The read-only switches live in the window's settings file, shared with halo-cli.
    QSettings(QSettings::defaultFormat(), QSettings::UserScope,
              QCoreApplication::organizationName(),
              QString::fromLatin1(Halo::ReadOnlySettings::kApplication))
        .clear();
}

void TestSqlTab::namesEveryControl()
{
    START_RIG(rig);
    for (const QString &name :
         {QStringLiteral("Run query"), QStringLiteral("Export results"), QStringLiteral("Stop")})
        QVERIFY2(rig.button(name), qPrintable(name));
    QVERIFY(rig.editor());
    QVERIFY(named<QComboBox>(rig.tab.get(), QStringLiteral("Execution mode")));
    QVERIFY(named<QCheckBox>(rig.tab.get(), QStringLiteral("Async")));
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Query status")));
    QVERIFY(rig.grid());

    // The catalogue box lists the site's catalogues with the default marked and first.
    const QComboBox *catalogue = named<QComboBox>(rig.tab.get(), QStringLiteral("Catalogue"));
    QVERIFY(catalogue);
    const QString defaultName = rig.site.defaultCatalogue();
    QVERIFY(!defaultName.isEmpty());
    QCOMPARE(catalogue->itemText(0), QStringLiteral("(default: %1)").arg(defaultName));
    QCOMPARE(catalogue->count(), rig.site.catalogues.size() + 1);
    QVERIFY(catalogue->findText(QStringLiteral("%1 (default)").arg(defaultName)) > 0);

    // Every focusable control has a name for assistive technology.
    for (QWidget *widget : rig.tab->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(rig.tab.get()))
            continue;
        if (widget->inherits("QScrollBar") || widget->inherits("QLineEdit") ||
            widget->parentWidget()->inherits("QAbstractScrollArea") ||
            widget->inherits("QHeaderView"))
            continue;
        QVERIFY2(!widget->accessibleName().isEmpty() ||
                     !widget->property("text").toString().isEmpty(),
                 widget->metaObject()->className());
    }
}

void TestSqlTab::runsAReaderQueryShowingNullUnicodeAndLineBreaks()
{
    START_RIG(rig);
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    QVERIFY(rig.runAndWait(kSpecialCells));
    QVERIFY2(rig.status().startsWith(QStringLiteral("Ran in")), qPrintable(rig.status()));
    QCOMPARE(rig.headers(), QStringList({QStringLiteral("n"), QStringLiteral("u"),
                                         QStringLiteral("nl"), QStringLiteral("empty"),
                                         QStringLiteral("quoted"), QStringLiteral("answer")}));
    QCOMPARE(rig.grid()->model()->rowCount(), 1);
    QVERIFY(rig.isNull(0, 0));
    QCOMPARE(rig.cell(0, 1), QStringLiteral("Zoë"));
    QCOMPARE(rig.cell(0, 2, Qt::EditRole), QStringLiteral("a\nb")); // the grid shows line 1
    QVERIFY(!rig.isNull(0, 3));
    QCOMPARE(rig.cell(0, 3), QString());
    QCOMPARE(rig.cell(0, 5), QStringLiteral("42"));

    // Beside the grid: rows, size, execution time and the timeline.
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Rows"))->text(), QStringLiteral("1"));
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Result size"))->text() != "—");
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("SQL execution time"))->text() != "—");
    auto *timeline = named<StatusTimeline>(rig.tab.get(), QStringLiteral("Query timeline"));
    QVERIFY(timeline);
    QVERIFY(timeline->segments().size() >= 2);
    QVERIFY2(timeline->accessibleDescription().contains(QStringLiteral("Executing")),
             qPrintable(timeline->accessibleDescription()));

    QCOMPARE(finished.count(), 1);
    const QList<QVariant> args = finished.takeFirst();
    QCOMPARE(args.at(0).toString(), kSpecialCells);
    QCOMPARE(args.at(1).toString(), QStringLiteral("immediate"));
    QCOMPARE(args.at(2).toString(), QStringLiteral("reader"));
    QCOMPARE(args.at(3).toString(), QStringLiteral("successful"));
    QCOMPARE(args.at(4).toLongLong(), 1);
}

void TestSqlTab::readsSampleRowsInTheQueryOrder()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(QStringLiteral(
        "SELECT id, middle_name, notes FROM patients WHERE id IN (1, 2, 3) ORDER BY id")));
    QCOMPARE(rig.grid()->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(rig.cell(row, 0), QString::number(row + 1));
    // The filter narrows the grid without running anything again.
    const int posts = rig.queryPosts();
    QLineEdit *filter = named<QLineEdit>(rig.tab.get(), QStringLiteral("Filter results"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("no such text anywhere"));
    QCOMPARE(rig.grid()->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(rig.grid()->model()->rowCount(), 3);
    QCOMPARE(rig.queryPosts(), posts);
}

void TestSqlTab::refusesANonQueryOnProductionWithoutConfirmation()
{
    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Production, false);
    START_RIG_WITH(rig, (RigOptions{Halo::Environment::Production}));
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Sends to Production"))->isVisible());
    named<QComboBox>(rig.tab.get(), QStringLiteral("Execution mode"))->setCurrentIndex(1);
    const QString update = QStringLiteral("UPDATE patients SET notes = 'seen' WHERE id = 1");
    rig.tab->setSqlText(update);

    rig.confirm = false;
    rig.button(QStringLiteral("Run query"))->click();
    QCOMPARE(rig.questions.size(), 1);
    QVERIFY2(rig.questions.first().contains(rig.site.practiceName),
             qPrintable(rig.questions.first()));
    QVERIFY(rig.questions.first().contains(QStringLiteral("Production")));
    QTest::qWait(200);
    QCOMPARE(rig.queryPosts(), 0);
    QVERIFY(!rig.tab->isRunning());
    QCOMPARE(rig.tab->sqlText(), update);

    rig.confirm = true;
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    rig.button(QStringLiteral("Run query"))->click();
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(rig.questions.size(), 2);
    QCOMPARE(rig.queryPosts(), 1);
    QVERIFY2(rig.status().contains(QStringLiteral("1 row")) && rig.status().contains("affected"),
             qPrintable(rig.status()));
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Rows affected"))->text(),
             QStringLiteral("1"));

    // A plain SELECT on Production is sent without a question.
    named<QComboBox>(rig.tab.get(), QStringLiteral("Execution mode"))->setCurrentIndex(0);
    QVERIFY(rig.runAndWait(QStringLiteral("SELECT notes FROM patients WHERE id = 1")));
    QCOMPARE(rig.questions.size(), 2);
    QCOMPARE(rig.cell(0, 0), QStringLiteral("seen"));
}

void TestSqlTab::readOnlyIsOnForProductionAndBlocksWrites()
{
    START_RIG_WITH(rig, (RigOptions{Halo::Environment::Production}));
    QCheckBox *readOnly =
        named<QCheckBox>(rig.tab.get(), QStringLiteral("Read-only for Production"));
    QVERIFY(readOnly);
    QVERIFY(readOnly->isChecked());
    rig.confirm = true;

    rig.tab->setSqlText(QStringLiteral("DELETE FROM allergies WHERE id = 1"));
    rig.button(QStringLiteral("Run query"))->click();
    QVERIFY(rig.problem()->isVisible());
    QVERIFY2(rig.problem()->accessibleDescription().contains(QStringLiteral("read-only")),
             qPrintable(rig.problem()->accessibleDescription()));
    QVERIFY(rig.questions.isEmpty());
    QTest::qWait(200);
    QCOMPARE(rig.queryPosts(), 0);

    // Turning the switch off (remembered for the environment) lets it through the confirmation.
    readOnly->click();
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Production));
    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    rig.button(QStringLiteral("Run query"))->click();
    QCOMPARE(rig.questions.size(), 1);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(rig.queryPosts(), 1);
}

void TestSqlTab::aCustomUrlOnTheProductionHostIsProduction()
{
    // Nothing may be sent here (there is no network to the real host): only refusals are run.
    const Halo::Endpoint productionHost{Halo::Environment::Custom,
                                        QUrl(QStringLiteral("https://API.haloconnect.io."))};
    EnvironmentBanner banner;
    banner.setEndpoint(productionHost);
    QCOMPARE(banner.palette().color(QPalette::Window), QColor(0xb3, 0x1b, 0x1b));
    QVERIFY(banner.toolTip().contains(QStringLiteral("Production")));

    Halo::HaloApiClient client;
    client.setEndpoint(productionHost);
    client.setSubscriptionKey(kKey);
    SqlTab tab(&client);
    QStringList questions;
    tab.setConfirmer([&questions](const QString &question) {
        questions.append(question);
        return false;
    });
    Halo::SiteRecord record;
    record.environment = Halo::environmentId(Halo::Environment::Custom);
    record.guid = kGuid;
    record.recorded.practiceName = QStringLiteral("Harbourside Family Medical");
    tab.setSite(record, nullptr);
    tab.show();
    QVERIFY(named<QLabel>(&tab, QStringLiteral("Sends to Production"))->isVisible());
    QCheckBox *readOnly = named<QCheckBox>(&tab, QStringLiteral("Read-only for Production"));
    QVERIFY(readOnly);
    QVERIFY(readOnly->isChecked()); // Production's switch, on by default

    tab.setSqlText(QStringLiteral("SELECT 1; DELETE FROM patients"));
    named<QPushButton>(&tab, QStringLiteral("Run query"))->click();
    ProblemLabel *problem = tab.findChild<ProblemLabel *>();
    QVERIFY2(problem->accessibleDescription().contains(QStringLiteral("Production is read-only")),
             qPrintable(problem->accessibleDescription()));
    QVERIFY(questions.isEmpty());

    readOnly->click();
    QVERIFY(!Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Production));
    named<QPushButton>(&tab, QStringLiteral("Run query"))->click();
    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions.first().contains(QStringLiteral("Production")),
             qPrintable(questions.first()));
    QVERIFY2(questions.first().contains(QStringLiteral("Harbourside Family Medical")),
             qPrintable(questions.first()));
    QVERIFY(!tab.isRunning());
    QTest::qWait(100);
    QVERIFY(client.requestLog()->exchanges().isEmpty());
}

void TestSqlTab::showsASqlErrorWithItsCodeAndKeepsTheText()
{
    START_RIG(rig);
    const QString sql = QStringLiteral("SELECT * FROM no_such_table");
    QVERIFY(rig.runAndWait(sql));
    QVERIFY(rig.problem()->isVisible());
    const QString said = rig.problem()->accessibleDescription();
    QVERIFY2(said.contains(QStringLiteral("SQL Server error 208")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("no_such_table")), qPrintable(said));
    QCOMPARE(rig.tab->sqlText(), sql);
    QVERIFY(rig.status().contains(QStringLiteral("Failed")));
    QVERIFY(!rig.button(QStringLiteral("Run as async"))->isVisible());
}

void TestSqlTab::offersAsyncAfterA413AndRunsIt()
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

void TestSqlTab::followsAnAsyncQueryStateByStateToItsLastPage()
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
             QLocale().toString(2000));
}

void TestSqlTab::stopEndsPollingOfARunningAsyncQuery()
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
void TestSqlTab::aReopenedAsyncQueryReportsItsSql()
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
void TestSqlTab::filtersALargeResultOffTheGuiThread()
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

void TestSqlTab::ctrlEnterRunsAllAndCtrlShiftEnterRunsTheSelection()
{
    START_RIG(rig);
    QsciScintilla *editor = rig.editor();
    rig.tab->setSqlText(QStringLiteral("SELECT 'all' AS whole;\nSELECT 'part' AS selected"));
    editor->setFocus();

    QSignalSpy finished(rig.tab.get(), &SqlTab::queryFinished);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.takeFirst().at(0).toString(), editor->text());
    QCOMPARE(rig.headers(), QStringList{QStringLiteral("whole")});

    editor->setSelection(1, 0, 1, editor->text(1).size());
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.takeFirst().at(0).toString(), QStringLiteral("SELECT 'part' AS selected"));
    QCOMPARE(rig.headers(), QStringList{QStringLiteral("selected")});
    // Neither key changed the text.
    QCOMPARE(editor->lines(), 2);
}

void TestSqlTab::editorFindsTextAndUndoes()
{
    START_RIG(rig);
    QsciScintilla *editor = rig.editor();
    rig.tab->setSqlText(QStringLiteral("SELECT id FROM patients\nWHERE surname = 'Smith'"));
    editor->setFocus();

    QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
    QLineEdit *find = named<QLineEdit>(rig.tab.get(), QStringLiteral("Find in SQL"));
    QVERIFY(find && find->isVisible());
    QTest::keyClicks(find, QStringLiteral("smith"));
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(editor->selectedText(), QStringLiteral("Smith"));
    QTest::keyClick(find, Qt::Key_Escape);
    QVERIFY(!find->isVisible());

    // Typing replaces the selection; undo brings the text back.
    QTest::keyClicks(editor, QStringLiteral("Jones"));
    QVERIFY(editor->text().contains(QStringLiteral("'Jones'")));
    for (int undo = 0; undo < 3 && !editor->text().contains(QStringLiteral("'Smith'")); ++undo)
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(editor->text().contains(QStringLiteral("'Smith'")), qPrintable(editor->text()));
}

void TestSqlTab::copiesTheSelectionAsTsvWithHeaders()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(kSpecialCells));
    ResultGrid *grid = rig.grid();
    grid->setFocus();
    grid->selectAll();
    QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    const QStringList lines = copied.split(QLatin1Char('\n'));
    QCOMPARE(lines.first(), QStringLiteral("n\tu\tnl\tempty\tquoted\tanswer"));
    QCOMPARE(copied, QStringLiteral("n\tu\tnl\tempty\tquoted\tanswer\n"
                                    "\tZoë\t\"a\nb\"\t\t\"say \"\"hi\"\", ok\"\t42\n"));
}

void TestSqlTab::exportsCsvThatRoundTrips()
{
    START_RIG(rig);
    QVERIFY(rig.runAndWait(kSpecialCells));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.csv"));
    QSignalSpy exported(rig.tab.get(), &SqlTab::exportFinished);
    QVERIFY(rig.tab->exportResults(path));
    QVERIFY(exported.wait(kTimeoutMs));
    QCOMPARE(exported.first().at(1).toString(), QString());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), rig.headers());
    QCOMPARE(rows.at(1),
             QStringList({QString(), QStringLiteral("Zoë"), QStringLiteral("a\nb"), QString(),
                          QStringLiteral("say \"hi\", ok"), QStringLiteral("42")}));
}

void TestSqlTab::savesAScreenshot()
{
    START_RIG_WITH(rig, (RigOptions{Halo::Environment::Production}));
    QVERIFY(rig.runAndWait(QStringLiteral(
        "SELECT id, first_name, middle_name, surname, date_of_birth, balance, notes\n"
        "FROM patients\nWHERE id <= 40\nORDER BY id")));
    QVERIFY(rig.grid()->model()->rowCount() > 0);
    const QString path = QDir::current().absoluteFilePath(QStringLiteral("sqltab.png"));
    QVERIFY(rig.tab->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(TestSqlTab)
#include "tst_sqltab.moc"
