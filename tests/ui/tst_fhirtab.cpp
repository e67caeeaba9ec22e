// The FHIR tab against a sandbox over loopback, driven through its widgets by accessible name.
#include "ClientCalls.h"
#include "SandboxRig.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirCapabilities.h"
#include "fhir/FhirEntryTableModel.h"
#include "fhir/FhirIssuesView.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirQueryForm.h"
#include "fhir/FhirResourceView.h"
#include "fhir/FhirResultsPanel.h"
#include "fhir/FhirTab.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "sites/SiteRecord.h"
#include "sql/QueryHistory.h"
#include "widgets/ProblemLabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
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
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <memory>

namespace {

const QString kBestPractice = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kZedmed = QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5");

Halo::SiteRecord siteRecord(const QString &guid, const QString &pmsType, const QString &name)
{
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = guid;
    record.pmsType = pmsType;
    record.recorded.practiceName = name;
    return record;
}

// A sandbox, a client, and a FHIR tab with its own cache folder and history file.
struct FhirRig {
    FhirRig()
        : sandbox(options())
        , cache(folder.filePath(QStringLiteral("capabilities")))
        , history(folder.filePath(QStringLiteral("fhir-history.json")))
    {
        tab = std::make_unique<FhirTab>(&sandbox.client, &cache, &history);
        tab->resize(1400, 900);
        tab->show();
    }
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions options;
        options.key = QStringLiteral("fhir-tab-test-key");
        return options;
    }
    QList<Halo::LoggedExchange> exchanges() const
    {
        return sandbox.client.requestLog()->exchanges();
    }
    int fhirRequests() const
    {
        int count = 0;
        for (const Halo::LoggedExchange &exchange : exchanges())
            count += exchange.url.path().contains(QLatin1String("/fhir/")) ? 1 : 0;
        return count;
    }

    QTemporaryDir folder;
    SandboxRig sandbox;
    Halo::FhirCapabilityCache cache;
    Halo::QueryHistory history;
    std::unique_ptr<FhirTab> tab;
};

} // namespace

class TestFhirTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typesComeFromMetadata();
    void capabilitiesAreCachedAndRefreshable();
    void accessibleNames();
    void formAndLineStayInSync();
    void badLineIsSaidInPlace();
    void familySearchByGet();
    void familySearchByPost();
    void postIsTheDefaultOnProduction();
    void pagingForwardAndBack();
    void followReferenceAndComeBack();
    void absoluteReferences();
    void longTextLoadsInSlices();
    void backAsksAgainForAnswersLetGo();
    void unknownParameterShowsIssue();
    void outcomeInsideBundle();
    void richPatientInTree();
    void readByIdAndOperation();
    void siteWithoutFhir();
    void saveOnlyWhenAsked();
    void keyboardOnly();

private:
    // Selects the Best Practice site and waits for its CapabilityStatement.
    void openBestPractice(FhirRig &rig);
    // Sends what the line says and waits for the answer on screen.
    bool searchAndWait(FhirRig &rig, QWidget *trigger = nullptr);
    QStringList column(FhirRig &rig, const QString &header);
    // A picture of the tab for people to look at (build/tests/ui/artefacts); not an assertion.
    void saveArtefact(FhirRig &rig, const QString &name);
};

void TestFhirTab::saveArtefact(FhirRig &rig, const QString &name)
{
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    QVERIFY(rig.tab->grab().save(QDir(folder).filePath(name)));
}

void TestFhirTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFhirTab::openBestPractice(FhirRig &rig)
{
    rig.tab->setSite(siteRecord(kBestPractice, QStringLiteral("BestPractice"),
                                QStringLiteral("Harbourside Family Medical")));
    QTRY_VERIFY(rig.tab->capabilities().has_value());
}

bool TestFhirTab::searchAndWait(FhirRig &rig, QWidget *trigger)
{
    QSignalSpy shown(rig.tab.get(), &FhirTab::answerShown);
    if (auto *button = qobject_cast<QPushButton *>(trigger))
        button->click();
    else
        named<QPushButton>(rig.tab.get(), QStringLiteral("Search"))->click();
    return shown.wait(10000);
}

QStringList TestFhirTab::column(FhirRig &rig, const QString &header)
{
    auto *table = named<QTableView>(rig.tab.get(), QStringLiteral("FHIR results"));
    QAbstractItemModel *model = table->model();
    int index = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == header)
            index = c;
    }
    if (index < 0)
        return {QStringLiteral("<no column %1>").arg(header)};
    QStringList values;
    for (int r = 0; r < model->rowCount(); ++r)
        values << model->index(r, index).data().toString();
    return values;
}

// The resource types offered are the CapabilityStatement's, read here without the app's parser.
void TestFhirTab::typesComeFromMetadata()
{
    FhirRig rig;
    const CallPtr metadata =
        await(rig.sandbox.client.fhirGet(kBestPractice, QStringLiteral("metadata")));
    VERIFY_OK(metadata);
    QStringList expected;
    const QJsonObject statement = QJsonDocument::fromJson(metadata->body()).object();
    for (const QJsonValue &resource :
         statement[QStringLiteral("rest")][0][QStringLiteral("resource")].toArray())
        expected << resource[QStringLiteral("type")].toString();
    rig.sandbox.client.requestLog()->clear();
    openBestPractice(rig);
    QVERIFY(expected.size() >= 4);

    auto *types = named<QComboBox>(rig.tab.get(), QStringLiteral("FHIR resource type"));
    QVERIFY(types);
    QStringList offered;
    for (int i = 0; i < types->count(); ++i)
        offered << types->itemText(i);
    QCOMPARE(offered, expected);

    const QList<Halo::LoggedExchange> log = rig.exchanges();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().method, QByteArray("GET"));
    QVERIFY(log.first().url.path().endsWith(QLatin1String("/fhir/R4/metadata")));

    // The parameters of the chosen type come from it too.
    types->setCurrentText(QStringLiteral("Patient"));
    QComboBox *parameter = rig.tab->form()->parameterBox(0);
    QVERIFY(parameter->findText(QStringLiteral("family")) >= 0);
    QVERIFY(parameter->findText(QStringLiteral("birthdate")) >= 0);
    types->setCurrentText(QStringLiteral("AllergyIntolerance"));
    QVERIFY(parameter->findText(QStringLiteral("criticality")) >= 0);
    QCOMPARE(parameter->findText(QStringLiteral("family")), -1);
}

void TestFhirTab::capabilitiesAreCachedAndRefreshable()
{
    FhirRig rig;
    openBestPractice(rig);
    QCOMPARE(rig.fhirRequests(), 1);
    QVERIFY(rig.tab->capabilitiesLabel()->text().contains(QLatin1String("FHIR 4.0.1")));

    // Another tab on the same cache offers the types at once, without asking the site.
    FhirTab second(&rig.sandbox.client, &rig.cache, &rig.history);
    second.setSite(siteRecord(kBestPractice, QStringLiteral("BestPractice"), QString()));
    QVERIFY(second.capabilities().has_value());
    QCOMPARE(rig.fhirRequests(), 1);

    // Refresh asks again.
    named<QPushButton>(&second, QStringLiteral("Refresh capabilities"))->click();
    QTRY_COMPARE(rig.fhirRequests(), 2);
    QTRY_VERIFY(second.capabilitiesLabel()->text().contains(QLatin1String("FHIR 4.0.1")));
}

void TestFhirTab::accessibleNames()
{
    FhirRig rig;
    openBestPractice(rig);
    const QWidget *root = rig.tab.get();
    QVERIFY(named<QComboBox>(root, QStringLiteral("FHIR resource type")));
    QVERIFY(named<QLineEdit>(root, QStringLiteral("FHIR query")));
    QVERIFY(named<QPushButton>(root, QStringLiteral("Search")));
    QVERIFY(named<QCheckBox>(root, QStringLiteral("Use POST")));
    QVERIFY(named<QTableView>(root, QStringLiteral("FHIR results")));
    QVERIFY(named<QTreeView>(root, QStringLiteral("Resource JSON")));
    QVERIFY(named<QPushButton>(root, QStringLiteral("Next page")));
    QVERIFY(named<QPushButton>(root, QStringLiteral("Previous page")));
    QVERIFY(named<QToolButton>(root, QStringLiteral("Back")));
    QVERIFY(named<QToolButton>(root, QStringLiteral("Forward")));

    // And every other control has a name too.
    QStringList unnamed;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const bool control =
            qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
            qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QPlainTextEdit *>(widget);
        if (!control || !widget->isVisibleTo(rig.tab.get()))
            continue;
        // A combo box's own line edit and a spin box's editor are named by their owner.
        // A view's header is part of the view; a line edit's clear button, of the line edit.
        if (qobject_cast<QComboBox *>(widget->parentWidget()) ||
            qobject_cast<QAbstractSpinBox *>(widget->parentWidget()) ||
            qobject_cast<QLineEdit *>(widget->parentWidget()) ||
            qobject_cast<QAbstractItemView *>(widget->parentWidget()))
            continue;
        if (widget->accessibleName().isEmpty())
            unnamed << QStringLiteral("%1 '%2'").arg(
                QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestFhirTab::formAndLineStayInSync()
{
    FhirRig rig;
    openBestPractice(rig);
    FhirQueryForm *form = rig.tab->form();
    auto *line = named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"));

    // Line -> form.
    rig.tab->setQueryLine(
        QStringLiteral("Patient?family:exact=Smith&birthdate=ge1970-01-01&_count=10"));
    QCOMPARE(form->typeBox()->currentText(), QStringLiteral("Patient"));
    QCOMPARE(form->termRowCount(), 2);
    QCOMPARE(form->parameterBox(0)->currentText(), QStringLiteral("family"));
    QCOMPARE(form->modifierBox(0)->currentText(), QStringLiteral("exact"));
    QCOMPARE(form->valueField(0)->text(), QStringLiteral("Smith"));
    QCOMPARE(form->parameterBox(1)->currentText(), QStringLiteral("birthdate"));
    QCOMPARE(form->valueField(1)->text(), QStringLiteral("ge1970-01-01"));
    QCOMPARE(form->countBox()->value(), 10);
    // The modifiers offered suit each parameter's type.
    QVERIFY(form->modifierBox(0)->findText(QStringLiteral("contains")) >= 0);
    QCOMPARE(form->modifierBox(1)->findText(QStringLiteral("contains")), -1);

    // Form -> line, typed as a user types.
    form->valueField(0)->clear();
    QTest::keyClicks(form->valueField(0), QStringLiteral("O'Brien & Co"));
    QCOMPARE(
        line->text(),
        QStringLiteral("Patient?family:exact=O'Brien %26 Co&birthdate=ge1970-01-01&_count=10"));
    form->countBox()->setValue(form->countBox()->minimum());
    QCOMPARE(line->text(),
             QStringLiteral("Patient?family:exact=O'Brien %26 Co&birthdate=ge1970-01-01"));
    QTest::mouseClick(named<QToolButton>(form, QStringLiteral("Remove parameter 2")),
                      Qt::LeftButton);
    QCOMPARE(line->text(), QStringLiteral("Patient?family:exact=O'Brien %26 Co"));
    form->typeBox()->setCurrentText(QStringLiteral("Practitioner"));
    QCOMPARE(line->text(), QStringLiteral("Practitioner?family:exact=O'Brien %26 Co"));

    // A read on the line shows in the id field.
    rig.tab->setQueryLine(QStringLiteral("Patient/42"));
    QCOMPARE(form->idField()->text(), QStringLiteral("42"));
    QCOMPARE(form->typeBox()->currentText(), QStringLiteral("Patient"));
}

void TestFhirTab::badLineIsSaidInPlace()
{
    FhirRig rig;
    openBestPractice(rig);
    const int before = rig.fhirRequests();
    auto *line = named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"));
    line->setFocus();
    line->clear();
    QTest::keyClicks(line, QStringLiteral("Patient?=Smith"));
    QTest::keyClick(line, Qt::Key_Return);
    ProblemLabel *problem = rig.tab->queryProblem();
    QVERIFY(problem->isVisible());
    QVERIFY(!problem->accessibleDescription().isEmpty());
    QCOMPARE(line->text(), QStringLiteral("Patient?=Smith")); // nothing lost
    QCOMPARE(rig.fhirRequests(), before);                     // nothing sent

    // A parameter the site does not list is a warning, not a refusal.
    rig.tab->setQueryLine(QStringLiteral("Patient?shoesize=44"));
    QVERIFY(problem->isVisible());
    QVERIFY(problem->accessibleDescription().contains(QLatin1String("shoesize")));
}

void TestFhirTab::familySearchByGet()
{
    FhirRig rig;
    openBestPractice(rig);
    FhirQueryForm *form = rig.tab->form();
    form->typeBox()->setCurrentText(QStringLiteral("Patient"));
    form->parameterBox(0)->setCurrentText(QStringLiteral("family"));
    QTest::keyClicks(form->valueField(0), QStringLiteral("Smith"));
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Patient?family=Smith"));
    named<QCheckBox>(rig.tab.get(), QStringLiteral("Use POST"))->setChecked(false);
    QVERIFY(searchAndWait(rig));

    const Halo::LoggedExchange last = rig.exchanges().last();
    QCOMPARE(last.method, QByteArray("GET"));
    QVERIFY(last.url.path().endsWith(QLatin1String("/fhir/R4/Patient")));
    QCOMPARE(QUrlQuery(last.url).queryItemValue(QStringLiteral("family")), QStringLiteral("Smith"));

    QCOMPARE(column(rig, QStringLiteral("Name")).size(), 5);
    for (const QString &name : column(rig, QStringLiteral("Name")))
        QVERIFY2(name.contains(QLatin1String("Smith")), qPrintable(name));
    QVERIFY(rig.tab->results()->summaryLabel()->text().contains(QLatin1String("5")));
}

void TestFhirTab::familySearchByPost()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?family=Smith&given=Noah"));
    auto *post = named<QCheckBox>(rig.tab.get(), QStringLiteral("Use POST"));
    post->setChecked(true);
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Request method"))
                ->text()
                .contains(QLatin1String("POST Patient/_search")));
    QVERIFY(searchAndWait(rig));

    const Halo::LoggedExchange last = rig.exchanges().last();
    QCOMPARE(last.method, QByteArray("POST"));
    QVERIFY(last.url.path().endsWith(QLatin1String("/fhir/R4/Patient/_search")));
    // What went over the wire: the values are in the body, and nowhere in the URL.
    const QString url = last.url.toString(QUrl::FullyEncoded);
    QVERIFY2(!url.contains(QLatin1String("Smith")), qPrintable(url));
    QVERIFY2(!url.contains(QLatin1String("Noah")), qPrintable(url));
    QVERIFY(last.url.query().isEmpty());
    const QUrlQuery body(QString::fromUtf8(last.requestBody));
    QCOMPARE(body.queryItemValue(QStringLiteral("family")), QStringLiteral("Smith"));
    QCOMPARE(body.queryItemValue(QStringLiteral("given")), QStringLiteral("Noah"));
    bool formEncoded = false;
    for (const auto &header : last.requestHeaders) {
        if (header.first.toLower() == "content-type")
            formEncoded = header.second.startsWith("application/x-www-form-urlencoded");
    }
    QVERIFY(formEncoded);

    const QStringList names = column(rig, QStringLiteral("Name"));
    QCOMPARE(names.size(), 2);
    for (const QString &name : names)
        QVERIFY2(name.contains(QLatin1String("Smith")), qPrintable(name));
    // The same search by GET finds the same patients.
    const QStringList ids = column(rig, QStringLiteral("Id"));
    post->setChecked(false);
    QVERIFY(searchAndWait(rig));
    QCOMPARE(rig.exchanges().last().method, QByteArray("GET"));
    QCOMPARE(column(rig, QStringLiteral("Id")), ids);
}

void TestFhirTab::postIsTheDefaultOnProduction()
{
    FhirRig rig;
    // The sandbox stands in for Production: what matters is what the tab chooses.
    rig.sandbox.client.setEndpoint(
        {Halo::Environment::Production, QUrl(rig.sandbox.server.baseUrl())});
    Halo::SiteRecord record = siteRecord(kBestPractice, QStringLiteral("BestPractice"), QString());
    record.environment = QStringLiteral("production");
    rig.tab->setSite(record);
    QTRY_VERIFY(rig.tab->capabilities().has_value());
    auto *post = named<QCheckBox>(rig.tab.get(), QStringLiteral("Use POST"));
    QVERIFY(post->isChecked());
    QVERIFY(post->isVisible());
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Sends to Production"))->isVisible());
    rig.tab->setQueryLine(QStringLiteral("Patient?family=Smith"));
    QVERIFY(searchAndWait(rig));
    QCOMPARE(rig.exchanges().last().method, QByteArray("POST"));

    // The user's choice is visible and respected; GET is marked as exposing the values.
    post->setChecked(false);
    QVERIFY(named<QLabel>(rig.tab.get(), QStringLiteral("Request method"))
                ->text()
                .contains(QLatin1String("URL")));
}

void TestFhirTab::pagingForwardAndBack()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?family=Smith&_count=2"));
    QVERIFY(searchAndWait(rig));
    auto *next = named<QPushButton>(rig.tab.get(), QStringLiteral("Next page"));
    auto *previous = named<QPushButton>(rig.tab.get(), QStringLiteral("Previous page"));
    QLabel *summary = rig.tab->results()->summaryLabel();

    QList<QStringList> pages{column(rig, QStringLiteral("Id"))};
    QCOMPARE(pages.first().size(), 2);
    QVERIFY2(summary->text().contains(QLatin1String("5 matches")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QLatin1String("page 1")));
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());

    QVERIFY(searchAndWait(rig, next));
    pages << column(rig, QStringLiteral("Id"));
    QVERIFY(summary->text().contains(QLatin1String("page 2")));
    QVERIFY(summary->text().contains(QLatin1String("5 matches")));
    QVERIFY(searchAndWait(rig, next));
    pages << column(rig, QStringLiteral("Id"));
    QVERIFY(summary->text().contains(QLatin1String("page 3")));
    QCOMPARE(pages.at(1).size(), 2);
    QCOMPARE(pages.at(2).size(), 1);
    QVERIFY(!next->isEnabled());
    QSet<QString> all;
    for (const QStringList &page : pages)
        for (const QString &id : page)
            all.insert(id);
    QCOMPARE(all.size(), 5);
    // Paging links carry no search values.
    QVERIFY(!rig.exchanges().last().url.toString().contains(QLatin1String("Smith")));

    QVERIFY(searchAndWait(rig, previous));
    QCOMPARE(column(rig, QStringLiteral("Id")), pages.at(1));
    QVERIFY(summary->text().contains(QLatin1String("page 2")));
    QVERIFY(searchAndWait(rig, previous));
    QCOMPARE(column(rig, QStringLiteral("Id")), pages.at(0));
    QVERIFY(summary->text().contains(QLatin1String("page 1")));
    QVERIFY(!previous->isEnabled());
}

void TestFhirTab::followReferenceAndComeBack()
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

// A whole page of 100 Patients is too much text to lay out in one go: it fills in slices, and
// only once somebody looks at it.
void TestFhirTab::longTextLoadsInSlices()
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

// Absolute URLs on the site's own FHIR base are followed like relative references; anything
// else is refused in place and nothing is sent (the key would go with it).
void TestFhirTab::absoluteReferences()
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

// Answers kept for Back and Forward are bounded; one let go is asked for again, the same way.
void TestFhirTab::backAsksAgainForAnswersLetGo()
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

void TestFhirTab::unknownParameterShowsIssue()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?shoesize=44"));
    QVERIFY(searchAndWait(rig));
    QCOMPARE(rig.exchanges().last().httpStatus, 400);

    FhirIssuesView *issues = named<FhirIssuesView>(rig.tab.get(), QStringLiteral("FHIR issues"));
    QVERIFY(issues);
    QVERIFY(issues->isVisible());
    QCOMPARE(issues->topLevelItemCount(), 1);
    const QTreeWidgetItem *item = issues->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("Error"));
    QVERIFY2(!item->text(1).isEmpty(), "code shown");
    QVERIFY2(item->text(2).contains(QLatin1String("shoesize")), qPrintable(item->text(2)));
    // The request problem says it in words as well; the query line is kept.
    QVERIFY(rig.tab->requestProblem()->isVisible());
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Patient?shoesize=44"));
    saveArtefact(rig, QStringLiteral("fhir-outcome.png"));
}

void TestFhirTab::outcomeInsideBundle()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?_count=500"));
    QVERIFY(searchAndWait(rig));
    FhirIssuesView *issues = named<FhirIssuesView>(rig.tab.get(), QStringLiteral("FHIR issues"));
    QVERIFY(issues->isVisible());
    QCOMPARE(issues->topLevelItem(0)->text(0), QStringLiteral("Information"));
    QVERIFY(issues->topLevelItem(0)->text(2).contains(QLatin1String("_count=500")));
    // The outcome is not one of the patients.
    QCOMPARE(column(rig, QStringLiteral("Id")).size(), 100);
    QVERIFY(!rig.tab->requestProblem()->isVisible());
}

void TestFhirTab::richPatientInTree()
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

void TestFhirTab::readByIdAndOperation()
{
    FhirRig rig;
    openBestPractice(rig);
    FhirQueryForm *form = rig.tab->form();
    form->typeBox()->setCurrentText(QStringLiteral("Practitioner"));
    QTest::keyClicks(form->idField(), QStringLiteral("3"));
    QVERIFY(searchAndWait(rig, named<QPushButton>(form, QStringLiteral("Read by id"))));
    QVERIFY(rig.exchanges().last().url.path().endsWith(QLatin1String("/Practitioner/3")));
    QCOMPARE(column(rig, QStringLiteral("Id")), QStringList{QStringLiteral("3")});

    // The operations offered are the CapabilityStatement's; $summary runs on the patient.
    form->typeBox()->setCurrentText(QStringLiteral("Patient"));
    form->idField()->setText(QStringLiteral("1"));
    auto *operation = named<QComboBox>(form, QStringLiteral("Operation"));
    QVERIFY(operation->findText(QStringLiteral("$summary")) >= 0);
    operation->setCurrentIndex(operation->findText(QStringLiteral("$summary")));
    QVERIFY(searchAndWait(rig, named<QPushButton>(form, QStringLiteral("Call operation"))));
    QVERIFY(rig.exchanges().last().url.path().endsWith(QLatin1String("/Patient/1/$summary")));
    QCOMPARE(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->text(),
             QStringLiteral("Patient/1/$summary"));
    const QStringList types = column(rig, QStringLiteral("Type"));
    QVERIFY2(types.contains(QStringLiteral("Patient")), qPrintable(types.join(',')));
    QVERIFY(column(rig, QStringLiteral("Summary")).size() == types.size());
}

void TestFhirTab::siteWithoutFhir()
{
    FhirRig rig;
    rig.tab->setSite(
        siteRecord(kZedmed, QStringLiteral("Zedmed"), QStringLiteral("Zedmed clinic")));
    auto *note = named<QLabel>(rig.tab.get(), QStringLiteral("FHIR not available"));
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY(note->accessibleDescription().contains(QLatin1String("Zedmed")));
    QVERIFY(note->accessibleDescription().contains(QLatin1String("Best Practice")));
    QVERIFY(!named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->isVisible());
    rig.tab->search();
    QTest::qWait(100);
    QCOMPARE(rig.exchanges().size(), 0); // not even the CapabilityStatement

    // Back on a Best Practice site the browser returns.
    openBestPractice(rig);
    QVERIFY(!note->isVisible());
    QVERIFY(named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"))->isVisible());
}

void TestFhirTab::saveOnlyWhenAsked()
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

void TestFhirTab::keyboardOnly()
{
    FhirRig rig;
    openBestPractice(rig);
    auto *line = named<QLineEdit>(rig.tab.get(), QStringLiteral("FHIR query"));
    // Ctrl+L focuses the line, Enter sends it.
    QTest::keyClick(rig.tab.get(), Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(line->hasFocus());
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Patient/2"));
    QSignalSpy shown(rig.tab.get(), &FhirTab::answerShown);
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QTest::keyClicks(line, QString()); // focus stays in the line
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Patient/3"));
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QCOMPARE(rig.tab->resourceView()->json().value(QStringLiteral("id")).toString(),
             QStringLiteral("3"));
    // Alt+Left goes back.
    QTest::keySequence(rig.tab->window(), QKeySequence::Back);
    QVERIFY(shown.wait(10000));
    QCOMPARE(rig.tab->resourceView()->json().value(QStringLiteral("id")).toString(),
             QStringLiteral("2"));
    // The results table reaches the JSON view by keyboard: the row chosen shows there.
    auto *table = named<QTableView>(rig.tab.get(), QStringLiteral("FHIR results"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(rig.tab->resourceView()->rootName(), QStringLiteral("Patient"));
}

QTEST_MAIN(TestFhirTab)
#include "tst_fhirtab.moc"
