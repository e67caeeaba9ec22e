// SPDX-License-Identifier: GPL-3.0-or-later
// One patient between a Best Practice practice's SQL and its FHIR facade, both ways, in the real
// window over the sandbox, whose BPS_Patients.InternalID is the FHIR Patient id.
#include "FailOnWarning.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "fhir/FhirResourceView.h"
#include "fhir/FhirTab.h"
#include "sites/SiteListPanel.h"
#include "sql/ResultGrid.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"

#include <QAction>
#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("sql-fhir-links-test-key");
constexpr int kTimeoutMs = 20000;

const Sandbox::SampleSite &siteOf(const QString &pmsType)
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online && site.pmsType == pmsType)
            return site;
    }
    qFatal("no online sample site for that PMS");
}

struct Rig : SandboxWindowRig {
    explicit Rig(const QString &dir)
        : SandboxWindowRig(dir, kKey)
    {}
    QTabWidget *siteTabs() const
    {
        return window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    }
    SqlTab *sql() const { return window->sqlWorkspace()->sqlTab(); }
    ResultGrid *grid() const { return named<ResultGrid>(sql(), QStringLiteral("Results")); }
    void open(const Sandbox::SampleSite &site)
    {
        window->siteListPanel()->selectSite(QStringLiteral("sandbox"), site.guid);
        siteTabs()->setCurrentWidget(window->sqlWorkspace());
    }
    bool runSql(const QString &text)
    {
        QSignalSpy finished(sql(), &SqlTab::queryFinished);
        sql()->setSqlText(text);
        auto *run = named<QPushButton>(sql(), QStringLiteral("Run query"));
        if (!run || !QTest::qWaitFor([run]() { return run->isEnabled(); }, kTimeoutMs))
            return false;
        run->click();
        return finished.wait(kTimeoutMs) && grid()->model()->rowCount() > 0;
    }
    QAction *openPatient() const
    {
        for (QAction *action : grid()->actions()) {
            if (action->text() == QLatin1String("Open FHIR Patient"))
                return action;
        }
        return nullptr;
    }
    // The cell a right-click or the menu key would open the context menu on.
    void contextMenuOn(const QModelIndex &index) { grid()->setCurrentIndex(index); }
};

int columnNamed(const QAbstractItemModel *model, const QString &header)
{
    for (int column = 0; column < model->columnCount(); ++column) {
        if (model->headerData(column, Qt::Horizontal).toString() == header)
            return column;
    }
    return -1;
}

QString familyOf(const QJsonObject &patient)
{
    return patient.value(QLatin1String("name"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("family"))
        .toString();
}

} // namespace

class TestSqlFhirLinks : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }

    void ctrlClickOnAnInternalIdOpensTheFhirPatient();
    void theMenuOffersItOnlyOnIdColumns();
    void showInSqlRunsTheRowOfTheFhirPatient();
    void otherPracticeSystemsOfferNoLink();
};

void TestSqlFhirLinks::ctrlClickOnAnInternalIdOpensTheFhirPatient()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(siteOf(QStringLiteral("BestPractice"))));
    MainWindow *window = rig.openWindow();
    rig.open(siteOf(QStringLiteral("BestPractice")));
    QVERIFY(rig.runSql(QStringLiteral(
        "SELECT InternalID, Surname, FirstName FROM BPS_Patients ORDER BY InternalID")));
    const QAbstractItemModel *model = rig.grid()->model();
    const int idColumn = columnNamed(model, QStringLiteral("InternalID"));
    const int surnameColumn = columnNamed(model, QStringLiteral("Surname"));
    QVERIFY(idColumn >= 0 && surnameColumn >= 0);
    QVERIFY(model->rowCount() > 3);
    const QModelIndex cell = model->index(3, idColumn);
    const QString id = cell.data().toString();
    const QString surname = model->index(3, surnameColumn).data().toString();

    FhirTab *fhir = window->fhirTab();
    QSignalSpy shown(fhir, &FhirTab::answerShown);
    rig.grid()->scrollTo(cell);
    QTest::mouseClick(rig.grid()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      rig.grid()->visualRect(cell).center());
    QCOMPARE(rig.siteTabs()->currentWidget(), fhir);
    QVERIFY(shown.wait(kTimeoutMs));
    const QJsonObject patient = fhir->resourceView()->json();
    QCOMPARE(patient.value(QLatin1String("resourceType")).toString(), QStringLiteral("Patient"));
    QCOMPARE(patient.value(QLatin1String("id")).toString(), id);
    QCOMPARE(familyOf(patient), surname); // the same person on both sides

    // Ctrl+Shift+F on the current cell does the same from the keyboard.
    rig.siteTabs()->setCurrentWidget(window->sqlWorkspace());
    const QModelIndex other = model->index(1, idColumn);
    rig.grid()->setCurrentIndex(other);
    rig.grid()->setFocus();
    QTest::keyClick(rig.grid(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(fhir->resourceView()->json().value(QLatin1String("id")).toString(),
             other.data().toString());
}

void TestSqlFhirLinks::theMenuOffersItOnlyOnIdColumns()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(siteOf(QStringLiteral("BestPractice"))));
    MainWindow *window = rig.openWindow();
    rig.open(siteOf(QStringLiteral("BestPractice")));
    // A column named PatientID elsewhere (appointments) links too; a name column never does.
    QVERIFY(rig.runSql(QStringLiteral("SELECT a.id AS AppointmentID, a.patient_id AS PatientID, "
                                      "p.surname FROM appointments a JOIN patients p "
                                      "ON p.id = a.patient_id ORDER BY a.id")));
    const QAbstractItemModel *model = rig.grid()->model();
    QAction *open = rig.openPatient();
    QVERIFY(open);
    QVERIFY(open->isVisible());
    rig.contextMenuOn(model->index(0, columnNamed(model, QStringLiteral("surname"))));
    QVERIFY(!open->isEnabled());
    rig.contextMenuOn(model->index(0, columnNamed(model, QStringLiteral("AppointmentID"))));
    QVERIFY(!open->isEnabled());
    const QModelIndex patientCell =
        model->index(0, columnNamed(model, QStringLiteral("PatientID")));
    rig.contextMenuOn(patientCell);
    QVERIFY(open->isEnabled());
    QSignalSpy shown(window->fhirTab(), &FhirTab::answerShown);
    open->trigger();
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(window->fhirTab()->resourceView()->json().value(QLatin1String("id")).toString(),
             patientCell.data().toString());
}

void TestSqlFhirLinks::showInSqlRunsTheRowOfTheFhirPatient()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(siteOf(QStringLiteral("BestPractice"))));
    MainWindow *window = rig.openWindow();
    rig.open(siteOf(QStringLiteral("BestPractice")));
    rig.sql()->setSqlText(QStringLiteral("-- my work, not to be lost"));
    FhirTab *fhir = window->fhirTab();
    rig.siteTabs()->setCurrentWidget(fhir);
    QVERIFY(QTest::qWaitFor([fhir]() { return fhir->offersFhir(); }, kTimeoutMs));
    QSignalSpy shown(fhir, &FhirTab::answerShown);
    fhir->setQueryLine(QStringLiteral("Patient/7"));
    fhir->search();
    QVERIFY(shown.wait(kTimeoutMs));
    const QJsonObject patient = fhir->resourceView()->json();
    QCOMPARE(patient.value(QLatin1String("id")).toString(), QStringLiteral("7"));

    auto *showInSql = named<QPushButton>(fhir, QStringLiteral("Show in SQL"));
    QVERIFY2(showInSql, "no single control named Show in SQL");
    QVERIFY(showInSql->isVisible());
    QSignalSpy editorsChanged(window->sqlWorkspace()->editorTabs(), &QTabWidget::currentChanged);
    showInSql->click();
    QCOMPARE(rig.siteTabs()->currentWidget(), window->sqlWorkspace());
    QCOMPARE(window->sqlWorkspace()->sqlTabs().size(), 2); // a new editor; the first kept
    QCOMPARE(window->sqlWorkspace()->sqlTabs().first()->sqlText(),
             QStringLiteral("-- my work, not to be lost"));
    QCOMPARE(rig.sql()->sqlText(),
             QStringLiteral("SELECT * FROM BPS_Patients WHERE InternalID = 7"));
    QSignalSpy finished(rig.sql(), &SqlTab::queryFinished);
    QVERIFY(finished.count() > 0 || finished.wait(kTimeoutMs));
    QTRY_COMPARE(rig.grid()->model()->rowCount(), 1);
    const QAbstractItemModel *model = rig.grid()->model();
    QCOMPARE(model->index(0, columnNamed(model, QStringLiteral("InternalID"))).data().toString(),
             QStringLiteral("7"));
    QCOMPARE(model->index(0, columnNamed(model, QStringLiteral("Surname"))).data().toString(),
             familyOf(patient));

    // A resource that is not a Patient offers no such hop.
    fhir->setQueryLine(QStringLiteral("Practitioner?_count=1"));
    rig.siteTabs()->setCurrentWidget(fhir);
    fhir->search();
    QVERIFY(shown.wait(kTimeoutMs));
    QVERIFY(!showInSql->isVisible());
}

void TestSqlFhirLinks::otherPracticeSystemsOfferNoLink()
{
    QTemporaryDir dir;
    Rig rig(dir.path());
    QVERIFY(rig.addSite(siteOf(QStringLiteral("Zedmed"))));
    rig.openWindow();
    rig.open(siteOf(QStringLiteral("Zedmed")));
    QVERIFY(rig.runSql(QStringLiteral("SELECT id AS PatientID, surname FROM patients")));
    QAction *open = rig.openPatient();
    QVERIFY(open);
    QVERIFY(!open->isVisible());
    const QModelIndex cell = rig.grid()->model()->index(0, 0);
    QSignalSpy shown(rig.window->fhirTab(), &FhirTab::answerShown);
    QTest::mouseClick(rig.grid()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      rig.grid()->visualRect(cell).center());
    QCOMPARE(rig.siteTabs()->currentWidget(), rig.window->sqlWorkspace());
    QCOMPARE(shown.count(), 0);
}

QTEST_MAIN(TestSqlFhirLinks)
#include "tst_sqlfhirlinks.moc"
