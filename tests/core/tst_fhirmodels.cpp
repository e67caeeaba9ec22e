// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR answers as the FHIR tab reads them: FhirResponse (Bundles, resources, OperationOutcomes,
// anything else) and the entry table's columns per resource type; the JSON tree is
// tst_fhirjsontree. The answers are real ones from an embedded sandbox over loopback; only
// shapes the sandbox cannot produce are written by hand.
#include "FailOnWarning.h"
#include "FhirAnswers.h"
#include "fhir/FhirEntryTableModel.h"
#include "fhir/FhirIssue.h"
#include "fhir/FhirJsonTreeModel.h"
#include "net/ApiError.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using Halo::ApiCall;
using Halo::FhirEntryTableModel;
using Halo::FhirJsonTreeModel;
using Halo::FhirResponse;

namespace {

QStringList headersOf(const QAbstractItemModel &model)
{
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    return headers;
}

QStringList rowOf(const QAbstractItemModel &model, int row)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells.append(model.index(row, column).data().toString());
    return cells;
}

} // namespace

class TestFhirModels : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();

    // FhirResponse
    void searchsetBundleHasTotalEntriesAndPagingLinks();
    void thirdPageHasAPreviousLink();
    void singleResourceIsOneEntry();
    void operationOutcomeErrorBodyGivesItsIssues();
    void anythingElseIsNotFhir();
    void outcomeEntriesOfARealBundleBecomeIssues();
    void outcomeEntriesOfAHandMadeBundleBecomeIssues();
    void readableHelpersFallBackSensibly();

    // FhirEntryTableModel
    void patientColumns();
    void practitionerColumns();
    void allergyIntoleranceColumns();
    void mixedBundleUsesGenericColumns();
    void emptyTableUsesGenericColumns();

    void modelsPassTheModelTester();

private:
    std::unique_ptr<SandboxRig> m_rig;
};

void TestFhirModels::initTestCase()
{
    m_rig = startReadOnlySandbox();
    QVERIFY2(m_rig->port != 0, qPrintable(m_rig->server.errorString()));
}

// --------------------------------------------------------------------------------------------
// FhirResponse

void TestFhirModels::searchsetBundleHasTotalEntriesAndPagingLinks()
{
    FETCH(page, QStringLiteral("Patient?family=Smith&_count=2"));
    QCOMPARE(page.kind, FhirResponse::Kind::Bundle);
    QCOMPARE(page.bundleType, QStringLiteral("searchset"));
    QVERIFY(page.total.has_value());
    QCOMPARE(*page.total, qint64(5));
    QCOMPARE(page.entries.size(), 2);
    for (const Halo::FhirEntry &entry : page.entries) {
        QCOMPARE(entry.resourceType, QStringLiteral("Patient"));
        QVERIFY(!entry.id.isEmpty());
        QCOMPARE(entry.searchMode, QStringLiteral("match"));
        QVERIFY2(entry.fullUrl.endsWith(QStringLiteral("/Patient/") + entry.id),
                 qPrintable(entry.fullUrl));
        QCOMPARE(entry.resource.value(QLatin1String("id")).toString(), entry.id);
    }
    QVERIFY(page.issues.isEmpty());
    QVERIFY(!page.link(QStringLiteral("self")).isEmpty());
    QVERIFY(!page.link(QStringLiteral("next")).isEmpty());
    QVERIFY(page.link(QStringLiteral("previous")).isEmpty());
    QVERIFY(page.link(QStringLiteral("prev")).isEmpty());
    QVERIFY(page.link(QStringLiteral("no-such-relation")).isEmpty());
    // The pretty text is the same document, indented.
    QCOMPARE(QJsonDocument::fromJson(page.prettyJson.toUtf8()).object(), page.root);
    QVERIFY(page.prettyJson.contains(QLatin1Char('\n')));
    QCOMPARE(page.root, parseObject(pageCall->body()));
}

void TestFhirModels::thirdPageHasAPreviousLink()
{
    FETCH(first, QStringLiteral("Patient?family=Smith&_count=2"));
    FETCH(second, first.link(QStringLiteral("next")));
    QCOMPARE(second.entries.size(), 2);
    QVERIFY(!second.link(QStringLiteral("previous")).isEmpty());
    FETCH(third, second.link(QStringLiteral("next")));
    QCOMPARE(third.kind, FhirResponse::Kind::Bundle);
    QCOMPARE(*third.total, qint64(5));
    QCOMPARE(third.entries.size(), 1); // 5 = 2 + 2 + 1
    QVERIFY(third.link(QStringLiteral("next")).isEmpty());
    const QString previous = third.link(QStringLiteral("previous"));
    QVERIFY(!previous.isEmpty());
    QCOMPARE(third.link(QStringLiteral("prev")), previous);

    // No patient shows up on two pages.
    QSet<QString> ids;
    for (const FhirResponse *page : {&first, &second, &third}) {
        for (const Halo::FhirEntry &entry : page->entries)
            ids.insert(entry.id);
    }
    QCOMPARE(ids.size(), 5);
}

void TestFhirModels::singleResourceIsOneEntry()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    QCOMPARE(patient.kind, FhirResponse::Kind::Resource);
    QCOMPARE(patient.entries.size(), 1);
    const Halo::FhirEntry &entry = patient.entries.first();
    QCOMPARE(entry.resourceType, QStringLiteral("Patient"));
    QCOMPARE(entry.id, QStringLiteral("1"));
    QVERIFY(entry.fullUrl.isEmpty());
    QCOMPARE(entry.resource, patient.root);
    QVERIFY(!patient.total.has_value());
    QVERIFY(patient.links.isEmpty());
    QVERIFY(patient.issues.isEmpty());
    QVERIFY(patient.parseError.isEmpty());
}

void TestFhirModels::operationOutcomeErrorBodyGivesItsIssues()
{
    const CallPtr call = await(m_rig->client.fhirGet(kGuid, QStringLiteral("Patient?foo=bar")));
    QVERIFY(call->isFinished());
    QVERIFY(!call->ok());
    QCOMPARE(call->httpStatus(), 400);
    QCOMPARE(call->error().kind, Halo::ApiError::Kind::Fhir);
    QVERIFY2(!call->body().isEmpty(), "the error body must stay readable");

    const FhirResponse outcome = FhirResponse::parse(call->body());
    QCOMPARE(outcome.kind, FhirResponse::Kind::Outcome);
    QVERIFY(outcome.entries.isEmpty());
    QCOMPARE(outcome.issues.size(), 1);
    const Halo::FhirIssue &issue = outcome.issues.first();
    QCOMPARE(issue.severity, QStringLiteral("error"));
    QVERIFY(!issue.code.isEmpty());
    QVERIFY2(issue.text.contains(QLatin1String("foo")), qPrintable(issue.text));
    QCOMPARE(outcome.root.value(QLatin1String("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
}

void TestFhirModels::anythingElseIsNotFhir()
{
    const QByteArray html("<html><body>502 Bad Gateway</body></html>");
    const FhirResponse garbage = FhirResponse::parse(html);
    QCOMPARE(garbage.kind, FhirResponse::Kind::NotFhir);
    QVERIFY(!garbage.parseError.isEmpty());
    QCOMPARE(garbage.rawBody, html);
    QVERIFY(garbage.entries.isEmpty());

    const FhirResponse empty = FhirResponse::parse(QByteArray());
    QCOMPARE(empty.kind, FhirResponse::Kind::NotFhir);
    QVERIFY(!empty.parseError.isEmpty());

    const FhirResponse array = FhirResponse::parse(R"([{"resourceType":"Patient"}])");
    QCOMPARE(array.kind, FhirResponse::Kind::NotFhir);
    QVERIFY(!array.parseError.isEmpty());
    QVERIFY(array.entries.isEmpty());

    // Halo's general error envelope is JSON, but not a FHIR resource.
    const QByteArray envelope(R"({"error":{"status":503,"message":"Site is offline"}})");
    const FhirResponse general = FhirResponse::parse(envelope);
    QCOMPARE(general.kind, FhirResponse::Kind::NotFhir);
    QVERIFY(general.parseError.contains(QLatin1String("resourceType")));
    QCOMPARE(general.rawBody, envelope);
    QVERIFY(general.prettyJson.contains(QLatin1String("Site is offline")));
}

void TestFhirModels::outcomeEntriesOfARealBundleBecomeIssues()
{
    // More than the largest page: the sandbox sends a page and says so in an outcome entry.
    FETCH(page, QStringLiteral("AllergyIntolerance?_count=150"));
    QCOMPARE(page.kind, FhirResponse::Kind::Bundle);
    const QJsonArray rawEntries = page.root.value(QLatin1String("entry")).toArray();
    QVERIFY(!page.entries.isEmpty());
    QCOMPARE(page.entries.size(), rawEntries.size() - 1);
    for (const Halo::FhirEntry &entry : page.entries)
        QCOMPARE(entry.resourceType, QStringLiteral("AllergyIntolerance"));
    QCOMPARE(page.issues.size(), 1);
    QCOMPARE(page.issues.first().severity, QStringLiteral("information"));
    QVERIFY2(page.issues.first().text.contains(QLatin1String("150")),
             qPrintable(page.issues.first().text));
}

void TestFhirModels::outcomeEntriesOfAHandMadeBundleBecomeIssues()
{
    const QByteArray body = R"({
        "resourceType": "Bundle", "type": "searchset", "total": 1,
        "link": [{"relation": "self", "url": "http://x/fhir/R4/Patient?page=2"},
                 {"relation": "prev", "url": "http://x/fhir/R4/Patient?page=1"}],
        "entry": [
          {"fullUrl": "urn:uuid:1", "search": {"mode": "outcome"},
           "resource": {"resourceType": "OperationOutcome", "issue": [
             {"severity": "warning", "code": "processing",
              "details": {"text": "Parameter 'x' was ignored"}}]}},
          {"fullUrl": "http://x/fhir/R4/Patient/9", "search": {"mode": "match"},
           "resource": {"resourceType": "Patient", "id": "9"}},
          {"fullUrl": "urn:uuid:2",
           "resource": {"resourceType": "OperationOutcome", "issue": [
             {"severity": "information", "code": "informational", "diagnostics": "Page 2 of 2"}]}}
        ]})";
    const FhirResponse bundle = FhirResponse::parse(body);
    QCOMPARE(bundle.kind, FhirResponse::Kind::Bundle);
    QCOMPARE(bundle.entries.size(), 1);
    QCOMPARE(bundle.entries.first().id, QStringLiteral("9"));
    QCOMPARE(bundle.issues.size(), 2);
    QCOMPARE(bundle.issues.at(0).severity, QStringLiteral("warning"));
    QCOMPARE(bundle.issues.at(0).text, QStringLiteral("Parameter 'x' was ignored"));
    QCOMPARE(bundle.issues.at(1).severity, QStringLiteral("information"));
    QVERIFY(bundle.issues.at(1).text.contains(QLatin1String("Page 2 of 2")) ||
            bundle.issues.at(1).diagnostics.contains(QLatin1String("Page 2 of 2")));
    // "prev" is the older spelling of "previous"; both names find it.
    QCOMPARE(bundle.link(QStringLiteral("previous")),
             QStringLiteral("http://x/fhir/R4/Patient?page=1"));
    QCOMPARE(bundle.link(QStringLiteral("prev")),
             QStringLiteral("http://x/fhir/R4/Patient?page=1"));
    QVERIFY(bundle.link(QStringLiteral("next")).isEmpty());
}

void TestFhirModels::readableHelpersFallBackSensibly()
{
    // No text and no official name: the first name, from its parts.
    const QJsonObject person = parseObject(R"({"resourceType": "Patient", "id": "7",
        "name": [{"use": "usual", "prefix": ["Ms"], "given": ["Jo", "Ann"], "family": "Bloggs"},
                 {"use": "nickname", "text": "JoJo"}]})");
    QCOMPARE(Halo::fhirHumanName(person), QStringLiteral("Ms Jo Ann Bloggs"));
    QCOMPARE(Halo::fhirResourceSummary(person), QStringLiteral("Ms Jo Ann Bloggs"));
    // The official name wins even when it is not first.
    const QJsonObject official = parseObject(R"({"name": [{"text": "Zo"},
        {"use": "official", "given": ["Zoe"], "family": "Ng"}]})");
    QCOMPARE(Halo::fhirHumanName(official), QStringLiteral("Zoe Ng"));

    QCOMPARE(Halo::fhirCodeableConceptText(parseObject(
                 R"({"coding": [{"code": "91936005"}, {"code": "x", "display": "Penicillin"}]})")),
             QStringLiteral("Penicillin"));
    QCOMPARE(Halo::fhirCodeableConceptText(parseObject(R"({"coding": [{"code": "91936005"}]})")),
             QStringLiteral("91936005"));
    QVERIFY(Halo::fhirCodeableConceptText(QJsonObject()).isEmpty());

    const QJsonObject narrated = parseObject(
        R"({"resourceType": "Condition", "id": "c1", "code": {"text": "Asthma"},
            "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>A &amp; B <b>bold</b>&#233;&#xE9;</p><!-- note --><p>&lt;tag&gt;  &amp;lt;\n next</p></div>"}})");
    QCOMPARE(Halo::fhirNarrativeText(narrated), QStringLiteral("A & B boldéé <tag> &lt; next"));
    QCOMPARE(Halo::fhirResourceSummary(narrated), Halo::fhirNarrativeText(narrated));
    QJsonObject coded = narrated;
    coded.remove(QLatin1String("text"));
    QCOMPARE(Halo::fhirResourceSummary(coded), QStringLiteral("Asthma"));
    QCOMPARE(Halo::fhirResourceSummary(parseObject(R"({"resourceType": "Organization",
        "id": "o1", "name": "Harbour Medical"})")),
             QStringLiteral("Harbour Medical"));
    QCOMPARE(Halo::fhirResourceSummary(parseObject(R"({"resourceType": "Basic", "id": "b1"})")),
             QStringLiteral("Basic/b1"));
}

// --------------------------------------------------------------------------------------------
// FhirEntryTableModel

void TestFhirModels::patientColumns()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FhirEntryTableModel model;
    model.setEntries(patient.entries);
    QCOMPARE(model.commonType(), QStringLiteral("Patient"));
    QCOMPARE(headersOf(model), (QStringList{QStringLiteral("Id"), QStringLiteral("Name"),
                                            QStringLiteral("Birth date"), QStringLiteral("Gender"),
                                            QStringLiteral("Medicare"), QStringLiteral("IHI")}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(rowOf(model, 0),
             (QStringList{QStringLiteral("1"), QStringLiteral("Mrs Zoë Mai O'Brien"),
                          QStringLiteral("1984-02-29"), QStringLiteral("female"),
                          QStringLiteral("29531720712"), QStringLiteral("8003608833357361")}));
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(first.data(FhirEntryTableModel::ReferenceRole).toString(),
             QStringLiteral("Patient/1"));
    QCOMPARE(first.data(FhirEntryTableModel::ResourceTypeRole).toString(),
             QStringLiteral("Patient"));
    QCOMPARE(first.data(FhirEntryTableModel::EntryRowRole).toInt(), 0);
    QCOMPARE(model.entryAt(0)->id, QStringLiteral("1"));
    QVERIFY(model.entryAt(1) == nullptr);
    QVERIFY(model.index(0, 1)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("Mrs Zoë Mai O'Brien")));

    // Identifiers by system and by v2-0203 type code agree.
    const QJsonObject &resource = patient.root;
    QCOMPARE(Halo::fhirIdentifierValue(resource, QStringLiteral("MC")),
             QStringLiteral("29531720712"));
    QCOMPARE(Halo::fhirIdentifierValue(
                 resource, QStringLiteral("http://ns.electronichealth.net.au/id/medicare-number")),
             QStringLiteral("29531720712"));
    QCOMPARE(Halo::fhirIdentifierValue(resource, QStringLiteral("NI")),
             QStringLiteral("8003608833357361"));
    QCOMPARE(Halo::fhirIdentifierValue(resource,
                                       QStringLiteral("http://ns.electronichealth.net.au/id/dva")),
             QStringLiteral("QX901533"));
    QVERIFY(Halo::fhirIdentifierValue(resource, QStringLiteral("PPN")).isEmpty());
    QCOMPARE(Halo::fhirNarrativeText(resource),
             QStringLiteral("Mrs Zoë Mai O'Brien (female, born 1984-02-29) Synthetic sandbox "
                            "patient; not a real person."));
}

void TestFhirModels::practitionerColumns()
{
    FETCH(page, QStringLiteral("Practitioner?_count=5"));
    FhirEntryTableModel model;
    model.setEntries(page.entries);
    QCOMPARE(model.commonType(), QStringLiteral("Practitioner"));
    QCOMPARE(headersOf(model), (QStringList{QStringLiteral("Id"), QStringLiteral("Name"),
                                            QStringLiteral("Provider number")}));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(rowOf(model, 0), (QStringList{QStringLiteral("1"), QStringLiteral("Dr Amelia Kelly"),
                                           QStringLiteral("674667VA")}));
    // Medicare provider numbers: six digits, a location character and a check character.
    static const QRegularExpression providerNumber(QStringLiteral("^[0-9]{6}[0-9A-Z][A-Z]$"));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QStringList cells = rowOf(model, row);
        QVERIFY2(!cells.at(1).isEmpty(), qPrintable(cells.join(QLatin1Char('|'))));
        QVERIFY2(providerNumber.match(cells.at(2)).hasMatch(),
                 qPrintable(cells.join(QLatin1Char('|'))));
        QCOMPARE(model.index(row, 0).data(FhirEntryTableModel::ReferenceRole).toString(),
                 QStringLiteral("Practitioner/") + cells.at(0));
    }
}

void TestFhirModels::allergyIntoleranceColumns()
{
    FETCH(page, QStringLiteral("AllergyIntolerance?patient=1"));
    QCOMPARE(*page.total, qint64(3));
    FhirEntryTableModel model;
    model.setEntries(page.entries);
    QCOMPARE(model.commonType(), QStringLiteral("AllergyIntolerance"));
    QCOMPARE(headersOf(model),
             (QStringList{QStringLiteral("Id"), QStringLiteral("Substance"),
                          QStringLiteral("Criticality"), QStringLiteral("Patient")}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(rowOf(model, 0), (QStringList{QStringLiteral("1"), QStringLiteral("Penicillin"),
                                           QStringLiteral("high"), QStringLiteral("Patient/1")}));
    QCOMPARE(rowOf(model, 1), (QStringList{QStringLiteral("2"), QStringLiteral("Peanut"),
                                           QStringLiteral("high"), QStringLiteral("Patient/1")}));
    QCOMPARE(rowOf(model, 2).mid(0, 2),
             (QStringList{QStringLiteral("3"), QStringLiteral("Latex")}));

    // A display on the patient reference reads better than the reference; a coded substance
    // without text shows its display.
    Halo::FhirEntry shaped = page.entries.first();
    shaped.resource.insert(QLatin1String("patient"),
                           parseObject(R"({"reference": "Patient/1", "display": "Zoë O'Brien"})"));
    shaped.resource.insert(QLatin1String("code"),
                           parseObject(R"({"coding": [{"system": "http://snomed.info/sct",
                               "code": "764146007", "display": "Penicillin"}]})"));
    model.setEntries({shaped});
    QCOMPARE(rowOf(model, 0), (QStringList{QStringLiteral("1"), QStringLiteral("Penicillin"),
                                           QStringLiteral("high"), QStringLiteral("Zoë O'Brien")}));
}

void TestFhirModels::mixedBundleUsesGenericColumns()
{
    FETCH(summary, QStringLiteral("Patient/1/$summary"));
    QCOMPARE(summary.kind, FhirResponse::Kind::Bundle);
    QCOMPARE(summary.bundleType, QStringLiteral("collection"));
    QVERIFY(!summary.total.has_value());
    QVERIFY(summary.entries.size() >= 3);

    FhirEntryTableModel model;
    model.setEntries(summary.entries);
    QVERIFY(model.commonType().isEmpty());
    QCOMPARE(headersOf(model), (QStringList{QStringLiteral("Type"), QStringLiteral("Id"),
                                            QStringLiteral("Summary")}));
    QCOMPARE(model.rowCount(), summary.entries.size());
    QCOMPARE(rowOf(model, 0),
             (QStringList{QStringLiteral("Patient"), QStringLiteral("1"),
                          QStringLiteral("Mrs Zoë Mai O'Brien (female, born 1984-02-29) Synthetic "
                                         "sandbox patient; not a real person.")}));
    // The long summary comes whole in the tooltip, for views that elide it.
    QCOMPARE(model.index(0, 2).data(Qt::ToolTipRole).toString(), rowOf(model, 0).at(2));

    QStringList practitioners;
    QStringList allergies;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QStringList cells = rowOf(model, row);
        QVERIFY2(!cells.at(2).isEmpty(), qPrintable(cells.join(QLatin1Char('|'))));
        QCOMPARE(model.index(row, 0).data(FhirEntryTableModel::ResourceTypeRole).toString(),
                 cells.at(0));
        if (cells.at(0) == QLatin1String("Practitioner"))
            practitioners.append(cells.at(2));
        else if (cells.at(0) == QLatin1String("AllergyIntolerance"))
            allergies.append(cells.at(2));
    }
    QCOMPARE(practitioners, QStringList{QStringLiteral("Dr Amelia Kelly")});
    QCOMPARE(allergies, (QStringList{QStringLiteral("Penicillin"), QStringLiteral("Peanut"),
                                     QStringLiteral("Latex")}));
}

void TestFhirModels::emptyTableUsesGenericColumns()
{
    FETCH(none, QStringLiteral("Patient?family=Nobodyhere"));
    QCOMPARE(none.kind, FhirResponse::Kind::Bundle);
    QCOMPARE(*none.total, qint64(0));
    QVERIFY(none.entries.isEmpty());

    FhirEntryTableModel model;
    FETCH(patient, QStringLiteral("Patient/1"));
    model.setEntries(patient.entries);
    QCOMPARE(model.columnCount(), 6);
    model.setEntries(none.entries);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.commonType().isEmpty());
    QCOMPARE(headersOf(model), (QStringList{QStringLiteral("Type"), QStringLiteral("Id"),
                                            QStringLiteral("Summary")}));
}

void TestFhirModels::modelsPassTheModelTester()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FETCH(summary, QStringLiteral("Patient/1/$summary"));
    FETCH(page, QStringLiteral("Patient?family=Smith"));
    // The tester reports through warnings as well as failures: any warning fails the test.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));

    FhirJsonTreeModel tree;
    QAbstractItemModelTester treeTester(&tree,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setJson(patient.root, QStringLiteral("Patient"));
    QVERIFY(tree.rowCount() > 0);
    tree.setJson(summary.root, QStringLiteral("Bundle"));
    QVERIFY(tree.rowCount() > 0);
    tree.setJson(QJsonArray{1, QJsonObject{{QStringLiteral("a"), 2}}}, QStringLiteral("x"));
    QCOMPARE(tree.rowCount(), 2);
    tree.clear();
    QCOMPARE(tree.rowCount(), 0);

    FhirEntryTableModel table;
    QAbstractItemModelTester tableTester(&table,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    table.setEntries(page.entries);
    QCOMPARE(table.rowCount(), page.entries.size());
    table.setEntries(summary.entries);
    QCOMPARE(table.columnCount(), 3);
    table.setEntries(patient.entries);
    QCOMPARE(table.columnCount(), 6);
    table.clear();
    QCOMPARE(table.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestFhirModels)
#include "tst_fhirmodels.moc"
