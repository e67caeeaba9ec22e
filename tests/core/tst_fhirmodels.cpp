// FHIR answers as the FHIR tab reads them: FhirResponse (Bundles, resources, OperationOutcomes,
// anything else), the entry table's columns per resource type and the JSON tree (paths,
// references, contained resources, copy text). The answers are real ones from an embedded
// sandbox over loopback; only shapes the sandbox cannot produce are written by hand.
#include "ClientCalls.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "api/HaloApiClient.h"
#include "fhir/FhirEntryTableModel.h"
#include "fhir/FhirIssue.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirResponse.h"
#include "net/ApiCall.h"
#include "net/ApiError.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using Halo::ApiCall;
using Halo::FhirEntryTableModel;
using Halo::FhirJsonTreeModel;
using Halo::FhirResponse;

namespace {

const QString kKey = QStringLiteral("fhirmodels-test-key-51c0e8a9d2f4");
// The sandbox's online Best Practice practice: the only PMS with FHIR.
const QString kGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");

// GETs `relative` from the sandbox, requires success and parses the answer into `name`.
#define FETCH(name, relative)                                                                      \
    const CallPtr name##Call = await(m_rig->client.fhirGet(kGuid, relative));                      \
    QVERIFY2(name##Call->ok(), qPrintable(describe(*name##Call)));                                 \
    const FhirResponse name = FhirResponse::parse(name##Call->body())

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

// Every index of a tree in column 0, depth first, in document order.
QModelIndexList allIndexes(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QModelIndexList indexes;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        indexes.append(index);
        indexes.append(allIndexes(model, index));
    }
    return indexes;
}

QString valueAt(const FhirJsonTreeModel &model, const QString &path)
{
    const QModelIndex index = model.indexForPath(path);
    return index.isValid() ? index.siblingAtColumn(1).data().toString()
                           : QStringLiteral("<no node at %1>").arg(path);
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestFhirModels : public QObject
{
    Q_OBJECT

private slots:
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

    // FhirJsonTreeModel
    void treeShowsResourceTypeAndIdFirst();
    void treePathsAndValuesOnPatient1();
    void treeFindsContainedResourceAndReferences();
    void treeMarksBundleFullUrlsAsReferences();
    void treePathsRoundTripForEveryNode();
    void treeCopyTextIsCompactJsonOrScalarText();

    void modelsPassTheModelTester();

private:
    std::unique_ptr<SandboxRig> m_rig;
};

void TestFhirModels::initTestCase()
{
    Sandbox::SandboxOptions options;
    options.key = kKey;
    // One sandbox for the suite: every test only reads.
    m_rig = std::make_unique<SandboxRig>(options);
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

// --------------------------------------------------------------------------------------------
// FhirJsonTreeModel

void TestFhirModels::treeShowsResourceTypeAndIdFirst()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FhirJsonTreeModel tree;
    tree.setJson(patient.root, QStringLiteral("Patient"));
    QCOMPARE(tree.rowCount(), patient.root.size());
    QCOMPARE(tree.columnCount(), 3);
    QCOMPARE(tree.index(0, 0).data().toString(), QStringLiteral("resourceType"));
    QCOMPARE(tree.index(0, 1).data().toString(), QStringLiteral("Patient"));
    QCOMPARE(tree.index(1, 0).data().toString(), QStringLiteral("id"));
    QCOMPARE(tree.index(1, 1).data().toString(), QStringLiteral("1"));
    QCOMPARE(tree.index(1, 2).data().toString(), QStringLiteral("string"));
    // The rest in QJsonObject's (sorted) order.
    QStringList rest;
    for (int row = 2; row < tree.rowCount(); ++row)
        rest.append(tree.index(row, 0).data().toString());
    QStringList sorted = rest;
    sorted.sort();
    QCOMPARE(rest, sorted);
    QVERIFY(rest.contains(QStringLiteral("name")));

    tree.clear();
    QCOMPARE(tree.rowCount(), 0);
    QVERIFY(!tree.indexForPath(QStringLiteral("Patient.id")).isValid());
    QVERIFY(tree.references().isEmpty());
}

void TestFhirModels::treePathsAndValuesOnPatient1()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FhirJsonTreeModel tree;
    tree.setJson(patient.root, QStringLiteral("Patient"));

    const QModelIndex maiden = tree.indexForPath(QStringLiteral("Patient.name[2].family"));
    QVERIFY(maiden.isValid());
    QCOMPARE(maiden.data().toString(), QStringLiteral("family"));
    QCOMPARE(maiden.siblingAtColumn(1).data().toString(), QStringLiteral("Ashcombe"));
    QCOMPARE(tree.pathOf(maiden), QStringLiteral("Patient.name[2].family"));
    QCOMPARE(maiden.data(FhirJsonTreeModel::PathRole).toString(),
             QStringLiteral("Patient.name[2].family"));
    QCOMPARE(maiden.parent().data().toString(), QStringLiteral("[2]"));
    QCOMPARE(tree.pathOf(maiden.parent().parent()), QStringLiteral("Patient.name"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.name[0].given[1]")), QStringLiteral("Mai"));

    // Extensions: urls at both levels of the nested nationality extension.
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.extension[0].url")),
             QStringLiteral("http://hl7.org.au/fhir/StructureDefinition/indigenous-status"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.extension[1].url")),
             QStringLiteral("http://hl7.org/fhir/StructureDefinition/patient-birthPlace"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.extension[2].url")),
             QStringLiteral("http://hl7.org/fhir/StructureDefinition/patient-nationality"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.extension[2].extension[0].url")),
             QStringLiteral("code"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.extension[2].extension[1].url")),
             QStringLiteral("period"));

    // Scalars as text, containers described.
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.active")), QStringLiteral("true"));
    QCOMPARE(tree.indexForPath(QStringLiteral("Patient.active")).siblingAtColumn(2).data(),
             QVariant(QStringLiteral("boolean")));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.name")), QStringLiteral("[3 items]"));
    QCOMPARE(tree.indexForPath(QStringLiteral("Patient.name")).siblingAtColumn(2).data(),
             QVariant(QStringLiteral("array")));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.name[0]")),
             QStringLiteral("Mrs Zoë Mai O'Brien"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.extension[0].valueCoding")),
             QStringLiteral("Aboriginal but not Torres Strait Islander origin"));
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.identifier[1]")), QStringLiteral("29531720712"));
    QCOMPARE(tree.rowCount(tree.indexForPath(QStringLiteral("Patient.name"))), 3);
    QVERIFY(!tree.indexForPath(QStringLiteral("Patient.name[3]")).isValid());
    QVERIFY(!tree.indexForPath(QStringLiteral("Patient")).isValid()); // the root is not a row

    const QModelIndex name0 = tree.indexForPath(QStringLiteral("Patient.name[0]"));
    QCOMPARE(name0.data(FhirJsonTreeModel::JsonValueRole).toJsonValue(),
             patient.root.value(QLatin1String("name")).toArray().at(0));
}

void TestFhirModels::treeFindsContainedResourceAndReferences()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FhirJsonTreeModel tree;
    tree.setJson(patient.root, QStringLiteral("Patient"));

    const QModelIndex gp = tree.containedResource(QStringLiteral("shared-care-gp"));
    QVERIFY(gp.isValid());
    QCOMPARE(tree.pathOf(gp), QStringLiteral("Patient.contained[0]"));
    QCOMPARE(gp.siblingAtColumn(1).data().toString(),
             QStringLiteral("Practitioner/shared-care-gp"));
    const QJsonObject gpJson = gp.data(FhirJsonTreeModel::JsonValueRole).toJsonValue().toObject();
    QCOMPARE(gpJson.value(QLatin1String("resourceType")).toString(),
             QStringLiteral("Practitioner"));
    QCOMPARE(Halo::fhirHumanName(gpJson), QStringLiteral("Dr Adaeze Okafor"));
    QCOMPARE(tree.containedResource(QStringLiteral("#shared-care-gp")), gp);
    QVERIFY(!tree.containedResource(QStringLiteral("no-such-id")).isValid());
    QVERIFY(!tree.containedResource(QString()).isValid());

    const QModelIndexList references = tree.references();
    QStringList paths;
    QStringList targets;
    for (const QModelIndex &index : references) {
        paths.append(tree.pathOf(index));
        targets.append(tree.referenceOf(index));
        QCOMPARE(index.data(FhirJsonTreeModel::ReferenceRole).toString(), targets.last());
    }
    QCOMPARE(paths, (QStringList{QStringLiteral("Patient.generalPractitioner[0].reference"),
                                 QStringLiteral("Patient.generalPractitioner[1].reference")}));
    QCOMPARE(targets,
             (QStringList{QStringLiteral("Practitioner/1"), QStringLiteral("#shared-care-gp")}));
    // Following the local reference lands on the contained Practitioner.
    QCOMPARE(tree.containedResource(targets.at(1)), gp);
    QCOMPARE(valueAt(tree, QStringLiteral("Patient.generalPractitioner[1]")),
             QStringLiteral("Dr Adaeze Okafor (#shared-care-gp)"));

    // Nothing else is a reference: not the display beside it, not other strings.
    int marked = 0;
    for (const QModelIndex &index : allIndexes(tree)) {
        if (!tree.referenceOf(index).isEmpty())
            ++marked;
    }
    QCOMPARE(marked, 2);
    QVERIFY(tree.referenceOf(
                    tree.indexForPath(QStringLiteral("Patient.generalPractitioner[1].display")))
                .isEmpty());
}

void TestFhirModels::treeMarksBundleFullUrlsAsReferences()
{
    FETCH(page, QStringLiteral("AllergyIntolerance?patient=1"));
    FhirJsonTreeModel tree;
    tree.setJson(page.root, QStringLiteral("Bundle"));
    QStringList targets;
    for (const QModelIndex &index : tree.references())
        targets.append(tree.referenceOf(index));
    // Each entry: its fullUrl, then its patient reference.
    QCOMPARE(targets.size(), 2 * page.entries.size());
    for (int i = 0; i < page.entries.size(); ++i) {
        QCOMPARE(targets.at(2 * i), page.entries.at(i).fullUrl);
        QCOMPARE(targets.at(2 * i + 1), QStringLiteral("Patient/1"));
        QCOMPARE(tree.referenceOf(tree.indexForPath(
                     QStringLiteral("Bundle.entry[%1].resource.patient.reference").arg(i))),
                 QStringLiteral("Patient/1"));
    }
    // Paging links are not references into the data.
    QVERIFY(tree.referenceOf(tree.indexForPath(QStringLiteral("Bundle.link[0].url"))).isEmpty());
    QVERIFY(!valueAt(tree, QStringLiteral("Bundle.link[0].url")).isEmpty());

    // A fullUrl outside a Bundle's entries is just a string.
    FhirJsonTreeModel other;
    other.setJson(parseObject(R"({"resourceType": "Basic", "fullUrl": "http://x/Basic/1",
        "entry": [{"fullUrl": "http://x/Basic/2"}]})"),
                  QStringLiteral("Basic"));
    QVERIFY(other.references().isEmpty());
}

void TestFhirModels::treePathsRoundTripForEveryNode()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FETCH(summary, QStringLiteral("Patient/1/$summary"));
    // Member names that need quoting in a path must not collide with plain ones.
    const QJsonObject awkward = parseObject(R"({"a.b": 1, "a": {"b": 2}, "with space": [true],
        "x[0]": null, "tick`": "t", "x": [null]})");

    const QList<QPair<QJsonObject, QString>> documents{{patient.root, QStringLiteral("Patient")},
                                                       {summary.root, QStringLiteral("Bundle")},
                                                       {awkward, QStringLiteral("Basic")}};
    for (const auto &[json, rootName] : documents) {
        FhirJsonTreeModel tree;
        tree.setJson(json, rootName);
        const QModelIndexList nodes = allIndexes(tree);
        QVERIFY(nodes.size() > 5);
        QSet<QString> paths;
        for (const QModelIndex &index : nodes) {
            const QString path = tree.pathOf(index);
            QVERIFY2(path.startsWith(rootName), qPrintable(path));
            QVERIFY2(!paths.contains(path), qPrintable(QStringLiteral("duplicate ") + path));
            paths.insert(path);
            QCOMPARE(tree.indexForPath(path), index);
            // Other columns of the row have the same path.
            QCOMPARE(tree.pathOf(index.siblingAtColumn(1)), path);
        }
    }
    FhirJsonTreeModel tree;
    tree.setJson(awkward, QStringLiteral("Basic"));
    QCOMPARE(valueAt(tree, QStringLiteral("Basic.a.b")), QStringLiteral("2"));
    QCOMPARE(valueAt(tree, QStringLiteral("Basic.`a.b`")), QStringLiteral("1"));
    QCOMPARE(valueAt(tree, QStringLiteral("Basic.x[0]")), QStringLiteral("null"));
    QCOMPARE(valueAt(tree, QStringLiteral("Basic.`x[0]`")), QStringLiteral("null"));
    QCOMPARE(valueAt(tree, QStringLiteral("Basic.`with space`[0]")), QStringLiteral("true"));
}

void TestFhirModels::treeCopyTextIsCompactJsonOrScalarText()
{
    FETCH(patient, QStringLiteral("Patient/1"));
    FhirJsonTreeModel tree;
    tree.setJson(patient.root, QStringLiteral("Patient"));

    const QModelIndex address = tree.indexForPath(QStringLiteral("Patient.address[0]"));
    const QString copied = tree.copyTextOf(address);
    QVERIFY(!copied.contains(QLatin1Char('\n')));
    QCOMPARE(QJsonDocument::fromJson(copied.toUtf8()).object(),
             patient.root.value(QLatin1String("address")).toArray().at(0).toObject());
    QCOMPARE(address.data(FhirJsonTreeModel::CopyTextRole).toString(), copied);

    const QModelIndex names = tree.indexForPath(QStringLiteral("Patient.name"));
    QCOMPARE(QJsonDocument::fromJson(tree.copyTextOf(names).toUtf8()).array(),
             patient.root.value(QLatin1String("name")).toArray());

    // Strings as they are: no quotes, escapes undone.
    QCOMPARE(tree.copyTextOf(tree.indexForPath(QStringLiteral("Patient.birthDate"))),
             QStringLiteral("1984-02-29"));
    QCOMPARE(tree.copyTextOf(tree.indexForPath(QStringLiteral("Patient.address[0].line[1]"))),
             QStringLiteral("Rear entrance \"B\""));
    QCOMPARE(tree.copyTextOf(tree.indexForPath(QStringLiteral("Patient.active"))),
             QStringLiteral("true"));

    FhirJsonTreeModel numbers;
    numbers.setJson(parseObject(R"({"count": 42, "big": 9007199254740993, "dose": 2.5,
        "none": null, "off": false})"),
                    QStringLiteral("Basic"));
    QCOMPARE(valueAt(numbers, QStringLiteral("Basic.count")), QStringLiteral("42"));
    QCOMPARE(valueAt(numbers, QStringLiteral("Basic.big")), QStringLiteral("9007199254740993"));
    QCOMPARE(valueAt(numbers, QStringLiteral("Basic.dose")), QStringLiteral("2.5"));
    QCOMPARE(numbers.copyTextOf(numbers.indexForPath(QStringLiteral("Basic.none"))),
             QStringLiteral("null"));
    QCOMPARE(numbers.copyTextOf(numbers.indexForPath(QStringLiteral("Basic.off"))),
             QStringLiteral("false"));
    QCOMPARE(numbers.indexForPath(QStringLiteral("Basic.dose")).siblingAtColumn(2).data(),
             QVariant(QStringLiteral("number")));
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
