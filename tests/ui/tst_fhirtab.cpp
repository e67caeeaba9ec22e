// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR tab against a sandbox over loopback, driven through its widgets by accessible name:
// the types and parameters from the CapabilityStatement and its cache, names for every control,
// the form and the query line in sync, a bad line said in place, a site without FHIR, keyboard
// only. Searches: tst_fhirtab_search; resources, references and saving: tst_fhirtab_resources.
#include "ClientCalls.h"
#include "FailOnWarning.h"
#include "FhirTabRig.h"
#include "WidgetLookup.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirQueryForm.h"
#include "fhir/FhirResourceView.h"
#include "fhir/FhirTab.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "widgets/ProblemLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

class TestFhirTab : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void typesComeFromMetadata();
    void capabilitiesAreCachedAndRefreshable();
    void accessibleNames();
    void formAndLineStayInSync();
    void badLineIsSaidInPlace();
    void siteWithoutFhir();
    void keyboardOnly();
};

void TestFhirTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
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
