// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR tab's searches against a sandbox over loopback, driven through its widgets by
// accessible name: by GET and by POST (the default on Production), paging forward and back,
// OperationOutcome issues (alone or inside a Bundle), a read by id and an operation.
#include "FailOnWarning.h"
#include "FhirTabRig.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirIssuesView.h"
#include "fhir/FhirQueryForm.h"
#include "fhir/FhirResultsPanel.h"
#include "fhir/FhirTab.h"
#include "net/RequestLog.h"
#include "sites/SiteRecord.h"
#include "widgets/CopyAsButton.h"
#include "widgets/ProblemLabel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QUrlQuery>
#include <QtTest>

class TestFhirTabSearch : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void familySearchByGet();
    void familySearchByPost();
    void copyAsGivesTheRequestSearchWouldSend();
    void postIsTheDefaultOnProduction();
    void pagingForwardAndBack();
    void unknownParameterShowsIssue();
    void outcomeInsideBundle();
    void readByIdAndOperation();
};

void TestFhirTabSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFhirTabSearch::familySearchByGet()
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

// "Copy as" copies the request Search would send (GET or POST as chosen), sends nothing.
void TestFhirTabSearch::copyAsGivesTheRequestSearchWouldSend()
{
    FhirRig rig;
    openBestPractice(rig);
    rig.tab->setQueryLine(QStringLiteral("Patient?family=Smith"));
    const int sent = rig.exchanges().size();
    auto *copyAs = rig.tab->findChild<CopyAsButton *>();
    QVERIFY(copyAs);
    QCOMPARE(copyAs->accessibleName(), QStringLiteral("Copy as"));
    QAction *python = copyAs->menu()->actions().at(2);
    QCOMPARE(python->text(), QStringLiteral("Python"));

    named<QCheckBox>(rig.tab.get(), QStringLiteral("Use POST"))->setChecked(false);
    python->trigger();
    QString code = QApplication::clipboard()->text();
    QVERIFY2(code.contains(QStringLiteral("/fhir/R4/Patient?family=Smith\"")), qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("requests.get(")));
    QVERIFY(code.contains(QStringLiteral("os.environ[\"HALO_KEY\"]")));

    named<QCheckBox>(rig.tab.get(), QStringLiteral("Use POST"))->setChecked(true);
    python->trigger();
    code = QApplication::clipboard()->text();
    QVERIFY2(code.contains(QStringLiteral("/fhir/R4/Patient/_search\"")), qPrintable(code));
    QVERIFY(code.contains(QStringLiteral("requests.post(")));
    QVERIFY(code.contains(QStringLiteral("family=Smith")));
    QCOMPARE(rig.exchanges().size(), sent); // copying sends nothing
}

void TestFhirTabSearch::familySearchByPost()
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

void TestFhirTabSearch::postIsTheDefaultOnProduction()
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

void TestFhirTabSearch::pagingForwardAndBack()
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

void TestFhirTabSearch::unknownParameterShowsIssue()
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

void TestFhirTabSearch::outcomeInsideBundle()
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

void TestFhirTabSearch::readByIdAndOperation()
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

QTEST_MAIN(TestFhirTabSearch)
#include "tst_fhirtab_search.moc"
