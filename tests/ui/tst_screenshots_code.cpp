// SPDX-License-Identifier: GPL-3.0-or-later
// The README's "From query to code" pictures, made from a real session against a sandbox on
// loopback: the schema read from the practice beside a query over Best Practice's views, the same
// patient opened in the FHIR tab from the grid, and the Python the Copy as menu gives for the
// query. Each step is checked before it is pictured; the files land in tests/ui/artefacts.
#include "FailOnWarning.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "fhir/FhirResourceView.h"
#include "fhir/FhirTab.h"
#include "sites/SiteListPanel.h"
#include "sql/ResultGrid.h"
#include "sql/SchemaPanel.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("screenshots-code-key");
constexpr int kTimeoutMs = 20000;
const QString kQuery = QStringLiteral(
    "SELECT TOP 20 p.InternalID, p.Surname, p.FirstName, a.AppointmentDate, a.Reason\n"
    "FROM BPS_Patients p\n"
    "JOIN BPS_Appointments a ON a.InternalID = p.InternalID\n"
    "ORDER BY a.AppointmentDate DESC");

QString artefact(const QString &name)
{
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

const Sandbox::SampleSite &bestPractice()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online &&
            site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    qFatal("no online Best Practice sample site");
}

bool savePicture(QWidget *widget, const QString &name)
{
    QTest::qWait(100); // let the last rows paint; this is a picture, not an assertion
    const QString path = artefact(name);
    if (!widget->grab().save(path) || QFileInfo(path).size() < 10000)
        return false;
    qInfo("screenshot: %s", qPrintable(path));
    return true;
}

int columnNamed(const QAbstractItemModel *model, const QString &header)
{
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == header)
            return column;
    }
    return -1;
}

} // namespace

class TestScreenshotsCode : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void fromQueryToCode();
};

void TestScreenshotsCode::fromQueryToCode()
{
    QTemporaryDir dir;
    SandboxWindowRig rig(dir.path(), kKey);
    QVERIFY(rig.addSite(bestPractice()));
    MainWindow *window = rig.openWindow();
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), bestPractice().guid);
    auto *siteTabs = window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    siteTabs->setCurrentWidget(window->sqlWorkspace());

    // 1. The schema read from the practice, the query, its rows.
    SchemaPanel *schema = window->sqlWorkspace()->schemaPanel();
    named<QTabWidget>(window, QStringLiteral("SQL tools"))->setCurrentWidget(schema);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    schema->setPollIntervals(10, 40);
    QSignalSpy schemaRead(schema, &SchemaPanel::schemaChanged);
    auto *readSchema = named<QPushButton>(window, QStringLiteral("Refresh schema"));
    QVERIFY(readSchema);
    QTRY_VERIFY(readSchema->isEnabled());
    readSchema->click();
    QVERIFY(schemaRead.wait(kTimeoutMs));
    QTRY_VERIFY(!schema->isReading());
    QTest::keyClicks(named<QLineEdit>(window, QStringLiteral("Filter schema")),
                     QStringLiteral("BPS_"));
    QTreeView *tree = named<QTreeView>(window, QStringLiteral("Schema"));
    QTRY_COMPARE(tree->model()->rowCount(), 2); // BPS_Appointments, BPS_Patients
    for (int row = 0; row < tree->model()->rowCount(); ++row) {
        const QModelIndex table = tree->model()->index(row, 0);
        if (table.data().toString() == QLatin1String("BPS_Patients"))
            tree->expand(table);
    }
    SqlTab *sql = window->sqlWorkspace()->sqlTab();
    QSignalSpy finished(sql, &SqlTab::queryFinished);
    sql->setSqlText(kQuery);
    auto *run = named<QPushButton>(sql, QStringLiteral("Run query"));
    QVERIFY(QTest::qWaitFor([run]() { return run->isEnabled(); }, kTimeoutMs));
    run->click();
    QVERIFY(finished.wait(kTimeoutMs));
    auto *grid = named<ResultGrid>(sql, QStringLiteral("Results"));
    const QAbstractItemModel *rows = grid->model();
    QCOMPARE(rows->rowCount(), 20);
    const int idColumn = columnNamed(rows, QStringLiteral("InternalID"));
    QVERIFY(idColumn >= 0);
    QVERIFY(savePicture(window, QStringLiteral("query-to-code-sql.png")));

    // 2. The same patient in the FHIR tab, from Ctrl+click on its id.
    const QModelIndex cell = rows->index(0, idColumn);
    FhirTab *fhir = window->fhirTab();
    QSignalSpy shown(fhir, &FhirTab::answerShown);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      grid->visualRect(cell).center());
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(fhir->resourceView()->json().value(QLatin1String("id")).toString(),
             cell.data().toString());
    QVERIFY(savePicture(window, QStringLiteral("query-to-code-fhir.png")));

    // 3. The query as Python, from the Copy as menu.
    siteTabs->setCurrentWidget(window->sqlWorkspace());
    auto *copyAs = named<QToolButton>(sql, QStringLiteral("Copy as"));
    QVERIFY(copyAs && copyAs->menu());
    QAction *python = nullptr;
    for (QAction *action : copyAs->menu()->actions()) {
        if (action->text().remove(QLatin1Char('&')) == QLatin1String("Python"))
            python = action;
    }
    QVERIFY(python);
    python->trigger();
    const QString code = QGuiApplication::clipboard()->text();
    QVERIFY(code.contains(QLatin1String("import requests")));
    QVERIFY(code.contains(QLatin1String("HALO_KEY")));
    QVERIFY(!code.contains(kKey));
    QFile out(artefact(QStringLiteral("query-to-code.py")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(code.toUtf8());
    qInfo("snippet: %s", qPrintable(out.fileName()));
}

QTEST_MAIN(TestScreenshotsCode)
#include "tst_screenshots_code.moc"
