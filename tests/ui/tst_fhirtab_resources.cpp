// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR tab's answers against a sandbox over loopback, driven through its widgets by
// accessible name: references followed with Back and Forward (answers let go are asked for
// again), absolute references, a long text filled in slices, the JSON tree of a rich Patient,
// and saving only on request.
#include "FailOnWarning.h"
#include "FhirTabRig.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirQueryForm.h"
#include "fhir/FhirResourceView.h"
#include "fhir/FhirResultsPanel.h"
#include "fhir/FhirTab.h"
#include "net/RequestLog.h"
#include "sql/QueryHistory.h"
#include "widgets/ProblemLabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

class TestFhirTabResources : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void followReferenceAndComeBack();
    void absoluteReferences();
    void longTextLoadsInSlices();
    void backAsksAgainForAnswersLetGo();
    void richPatientInTree();
    void saveOnlyWhenAsked();
};

void TestFhirTabResources::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFhirTabResources::followReferenceAndComeBack()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient/1"));
    QVERIFY(searchAndWait(rig));
    FhirResourceView *view = rig.tab->resourceView();
    QCOMPARE(view->rootName(), QStringLiteral("Patient"));

    // The reference is drawn as a link and followed with Enter.
    QVERIFY(view->selectPath(QStringLiteral("Patient.generalPractitioner[0].reference")));
    auto *tree = named<QTreeView>(rig.tab.get(), QStringLiteral("Resource JSON"));
    const QModelIndex current = tree->currentIndex();
    QCOMPARE(current.data(Halo::FhirJsonTreeModel::ReferenceRole).toString(),
             QStringLiteral("Practitioner/1"));
    QVERIFY(current.siblingAtColumn(1).data(Qt::FontRole).value<QFont>().underline());
    const int before = rig.fhirRequests();
    QSignalSpy shown(rig.tab.get(), &FhirTab::answerShown);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QCOMPARE(rig.fhirRequests(), before + 1);
    QVERIFY(rig.exchanges().last().url.path().endsWith(QLatin1String("/Practitioner/1")));
    QCOMPARE(view->rootName(), QStringLiteral("Practitioner"));
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Practitioner/1"));

    // Back shows the patient again, from memory; Forward the practitioner.
    auto *back = named<QToolButton>(rig.tab.get(), QStringLiteral("Back"));
    auto *forward = named<QToolButton>(rig.tab.get(), QStringLiteral("Forward"));
    QVERIFY(back->isEnabled());
    QVERIFY(!forward->isEnabled());
    back->click();
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->rootName(), QStringLiteral("Patient"));
    QCOMPARE(view->json().value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Patient/1"));
    QCOMPARE(rig.fhirRequests(), before + 1);
    QVERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());
    forward->click();
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->rootName(), QStringLiteral("Practitioner"));

    // A contained reference ("#id") goes to the contained resource in the same document.
    back->click();
    QVERIFY(shown.wait(10000));
    QVERIFY(view->selectPath(QStringLiteral("Patient.generalPractitioner[1].reference")));
    view->followSelected();
    QCOMPARE(tree->currentIndex().data(Halo::FhirJsonTreeModel::PathRole).toString(),
             QStringLiteral("Patient.contained[0]"));
    QCOMPARE(rig.fhirRequests(), before + 1);
}

// Absolute URLs on the site's own FHIR base are followed like relative references; anything
// else is refused in place and nothing is sent (the key would go with it).
void TestFhirTabResources::absoluteReferences()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Practitioner?_count=3"));
    QVERIFY(searchAndWait(rig));
    named<QPushButton>(rig.tab.get(), QStringLiteral("Show whole response"))->click();
    FhirResourceView *view = rig.tab->resourceView();
    QCOMPARE(view->rootName(), QStringLiteral("Bundle"));
    QVERIFY(view->selectPath(QStringLiteral("Bundle.entry[1].fullUrl")));
    auto *tree = named<QTreeView>(rig.tab.get(), QStringLiteral("Resource JSON"));
    const QString fullUrl =
        tree->currentIndex().data(Halo::FhirJsonTreeModel::ReferenceRole).toString();
    QVERIFY2(fullUrl.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(fullUrl));
    const QString id = fullUrl.section(QLatin1Char('/'), -1);

    QSignalSpy shown(rig.tab.get(), &FhirTab::answerShown);
    named<QPushButton>(rig.tab.get(), QStringLiteral("Follow reference"))->click();
    QVERIFY(shown.wait(10000));
    QCOMPARE(view->rootName(), QStringLiteral("Practitioner"));
    QCOMPARE(view->json().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Practitioner/") + id);

    const int before = rig.exchanges().size();
    emit view->referenceActivated(QStringLiteral("https://fhir.elsewhere.example/R4/Patient/1"));
    QVERIFY(rig.tab->requestProblem()->isVisible());
    QCOMPARE(rig.exchanges().size(), before);
    QVERIFY(rig.tab->requestProblem()->accessibleDescription().contains(
        QLatin1String("not on this site's FHIR base")));
    QCOMPARE(view->json().value(QStringLiteral("id")).toString(), id); // the answer stays
}

// A whole page of 100 Patients is too much text to lay out in one go: it fills in slices, and
// only once somebody looks at it.
void TestFhirTabResources::longTextLoadsInSlices()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?_count=100"));
    QVERIFY(searchAndWait(rig));
    named<QPushButton>(rig.tab.get(), QStringLiteral("Show whole response"))->click();
    FhirResourceView *view = rig.tab->resourceView();
    auto *text = named<QPlainTextEdit>(rig.tab.get(), QStringLiteral("Raw resource JSON"));
    QVERIFY(text->toPlainText().isEmpty()); // not looked at yet
    QSignalSpy loaded(view, &FhirResourceView::textLoaded);
    named<QTabWidget>(rig.tab.get(), QStringLiteral("Resource view"))->setCurrentIndex(1);
    QVERIFY(!view->isTextLoaded()); // the first slice only
    QVERIFY(!text->toPlainText().isEmpty());
    QVERIFY(loaded.wait(10000));
    const QString all = text->toPlainText();
    const QString expected = rig.tab->results()->response().prettyJson;
    QCOMPARE(all.trimmed(), expected.trimmed()); // every slice, in order, nothing twice
    QCOMPARE(QJsonDocument::fromJson(all.toUtf8()).object().value("entry").toArray().size(), 100);
}

// Answers kept for Back and Forward are bounded; one let go is asked for again, the same way.
void TestFhirTabResources::backAsksAgainForAnswersLetGo()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setAnswerMemoryLimit(1); // keep only the answer on screen
    named<QCheckBox>(rig.tab.get(), QStringLiteral("Use POST"))->setChecked(true);
    rig.tab->setQueryLine(QStringLiteral("Patient?family=Smith"));
    QVERIFY(searchAndWait(rig));
    const QStringList smiths = column(rig, QStringLiteral("Id"));
    rig.tab->setQueryLine(QStringLiteral("Patient/2"));
    QVERIFY(searchAndWait(rig));
    const int before = rig.fhirRequests();

    QSignalSpy shown(rig.tab.get(), &FhirTab::answerShown);
    named<QToolButton>(rig.tab.get(), QStringLiteral("Back"))->click();
    QVERIFY(shown.wait(10000));
    QCOMPARE(rig.fhirRequests(), before + 1);
    const Halo::LoggedExchange again = rig.exchanges().last();
    QCOMPARE(again.method, QByteArray("POST")); // asked the way it was asked
    QVERIFY(!again.url.toString().contains(QLatin1String("Smith")));
    QCOMPARE(column(rig, QStringLiteral("Id")), smiths);
    QVERIFY(named<QToolButton>(rig.tab.get(), QStringLiteral("Forward"))->isEnabled());
}

void TestFhirTabResources::richPatientInTree()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient/1"));
    QVERIFY(searchAndWait(rig));

    QCOMPARE(column(rig, QStringLiteral("Name")),
             QStringList{QStringLiteral("Mrs Zoë Mai O'Brien")});
    QCOMPARE(column(rig, QStringLiteral("Medicare")), QStringList{QStringLiteral("29531720712")});
    QCOMPARE(column(rig, QStringLiteral("IHI")), QStringList{QStringLiteral("8003608833357361")});

    auto *tree = named<QTreeView>(rig.tab.get(), QStringLiteral("Resource JSON"));
    FhirResourceView *view = rig.tab->resourceView();
    const auto valueAt = [&](const QString &path) {
        if (!view->selectPath(path))
            return QStringLiteral("<no node %1>").arg(path);
        return tree->currentIndex().siblingAtColumn(1).data().toString();
    };
    // Several names, identifiers, extensions (nested too) and a contained resource.
    QCOMPARE(valueAt(QStringLiteral("Patient.name[2].family")), QStringLiteral("Ashcombe"));
    QCOMPARE(valueAt(QStringLiteral("Patient.name[0].given[0]")), QStringLiteral("Zoë"));
    QCOMPARE(valueAt(QStringLiteral("Patient.identifier[2].value")),
             QStringLiteral("8003608833357361"));
    QCOMPARE(valueAt(QStringLiteral("Patient.extension[0].url")),
             QStringLiteral("http://hl7.org.au/fhir/StructureDefinition/indigenous-status"));
    QCOMPARE(valueAt(QStringLiteral("Patient.extension[2].extension[0].url")),
             QStringLiteral("code"));
    QCOMPARE(valueAt(QStringLiteral("Patient.contained[0].resourceType")),
             QStringLiteral("Practitioner"));
    QCOMPARE(valueAt(QStringLiteral("Patient.contained[0].name[0].family")),
             QStringLiteral("Okafor"));
    // The selected node is visible: its ancestors were expanded.
    QVERIFY(tree->isExpanded(tree->currentIndex().parent()));

    // Copy value and copy path.
    view->selectPath(QStringLiteral("Patient.name[2].family"));
    named<QPushButton>(rig.tab.get(), QStringLiteral("Copy value"))->click();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Ashcombe"));
    named<QPushButton>(rig.tab.get(), QStringLiteral("Copy path"))->click();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("Patient.name[2].family"));

    // Collapse and expand all.
    named<QPushButton>(rig.tab.get(), QStringLiteral("Collapse all"))->click();
    QVERIFY(!tree->isExpanded(tree->model()->index(0, 0)) ||
            tree->model()->rowCount(tree->model()->index(0, 0)) == 0);
    named<QPushButton>(rig.tab.get(), QStringLiteral("Expand all"))->click();
    QVERIFY(view->selectPath(QStringLiteral("Patient.contained[0].name[0]")));
    QVERIFY(tree->isExpanded(tree->currentIndex().parent()));

    // The raw text is pretty-printed and searchable.
    named<QTabWidget>(rig.tab.get(), QStringLiteral("Resource view"))->setCurrentIndex(1);
    QVERIFY(view->isTextLoaded());
    auto *text = named<QPlainTextEdit>(rig.tab.get(), QStringLiteral("Raw resource JSON"));
    QVERIFY(text->toPlainText().contains(QLatin1String("\n    \"birthDate\": \"1984-02-29\"")));
    auto *find = named<QLineEdit>(rig.tab.get(), QStringLiteral("Find in JSON"));
    find->setText(QStringLiteral("Ashcombe"));
    QVERIFY(view->findText());
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("Ashcombe"));
    find->setText(QStringLiteral("not-in-this-patient"));
    QVERIFY(!view->findText());
    QCOMPARE(named<QLabel>(rig.tab.get(), QStringLiteral("Find result"))->text(),
             QStringLiteral("Not found"));
    saveArtefact(rig, QStringLiteral("fhir-patient.png"));
}

void TestFhirTabResources::saveOnlyWhenAsked()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?family=Smith&_count=3"));
    QVERIFY(searchAndWait(rig));
    rig.tab->setQueryLine(QStringLiteral("Patient/1"));
    QVERIFY(searchAndWait(rig));

    // Nothing of the answers reached the disk: the history keeps the query lines only.
    QDirIterator files(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                       QDir::Files, QDirIterator::Subdirectories);
    QStringList searched;
    for (const QString &root :
         {rig.folder.path(), QStandardPaths::writableLocation(QStandardPaths::CacheLocation),
          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)}) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            searched << path;
            QVERIFY2(!content.contains("O'Brien") && !content.contains("29531720712"),
                     qPrintable(path));
        }
    }
    QVERIFY(searched.size() >= 2); // the cache entry and the history
    const QList<Halo::HistoryEntry> history =
        rig.history.entries(QStringLiteral("sandbox"), kBestPractice);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.first().sql, QStringLiteral("Patient/1"));
    QCOMPARE(history.last().sql, QStringLiteral("Patient?family=Smith&_count=3"));
    // ... and offers them again under Recent, newest first; choosing one fills the line.
    QMenu *recent =
        named<QToolButton>(rig.tab.get(), QStringLiteral("Recent FHIR queries"))->menu();
    emit recent->aboutToShow();
    QCOMPARE(recent->actions().size(), 2);
    QCOMPARE(recent->actions().at(1)->text(), QStringLiteral("Patient?family=Smith&&_count=3"));
    recent->actions().at(1)->trigger();
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Patient?family=Smith&_count=3"));
    QCOMPARE(rig.tab->form()->valueField(0)->text(), QStringLiteral("Smith"));
    rig.tab->setQueryLine(QStringLiteral("Patient/1"));

    // Saved on request: the whole answer and the selected resource.
    const QString responsePath = rig.folder.filePath(QStringLiteral("answer.json"));
    QString suggested;
    rig.tab->setSavePathChooser([&](const QString &name) {
        suggested = name;
        return responsePath;
    });
    QVERIFY(rig.tab->saveResponse());
    QVERIFY(suggested.endsWith(QLatin1String(".json")));
    QFile saved(responsePath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject patient = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(patient.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Patient"));
    QCOMPARE(patient.value(QStringLiteral("id")).toString(), QStringLiteral("1"));

    // A failed save says so in place and leaves the old file as it was.
    rig.tab->setSavePathChooser([&](const QString &) {
        return rig.folder.filePath(QStringLiteral("no-such-folder/answer.json"));
    });
    QVERIFY(!rig.tab->saveResource());
    QVERIFY(rig.tab->requestProblem()->isVisible());
    QVERIFY(rig.tab->requestProblem()->accessibleDescription().contains(
        QLatin1String("no-such-folder")));

    // Cancelling the file dialog saves nothing.
    rig.tab->setSavePathChooser([](const QString &) { return QString(); });
    QVERIFY(!rig.tab->saveResponse());
}

QTEST_MAIN(TestFhirTabResources)
#include "tst_fhirtab_resources.moc"
