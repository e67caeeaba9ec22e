// SPDX-License-Identifier: GPL-3.0-or-later
// The FHIR tab's JSON tree: resource type and id first, paths and values, contained resources
// and references, Bundle fullUrls, paths that round-trip, and copy text. The answers are real ones
// from an embedded sandbox over loopback.
#include "FailOnWarning.h"
#include "FhirAnswers.h"
#include "fhir/FhirJsonTreeModel.h"

#include <QJsonArray>
#include <QSet>

using Halo::FhirJsonTreeModel;
using Halo::FhirResponse;

namespace {

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

} // namespace

class TestFhirJsonTree : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();

    // FhirJsonTreeModel
    void treeShowsResourceTypeAndIdFirst();
    void treePathsAndValuesOnPatient1();
    void treeFindsContainedResourceAndReferences();
    void treeMarksBundleFullUrlsAsReferences();
    void treePathsRoundTripForEveryNode();
    void treeCopyTextIsCompactJsonOrScalarText();

private:
    std::unique_ptr<SandboxRig> m_rig;
};

void TestFhirJsonTree::initTestCase()
{
    m_rig = startReadOnlySandbox();
    QVERIFY2(m_rig->port != 0, qPrintable(m_rig->server.errorString()));
}

// --------------------------------------------------------------------------------------------
// FhirJsonTreeModel

void TestFhirJsonTree::treeShowsResourceTypeAndIdFirst()
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

void TestFhirJsonTree::treePathsAndValuesOnPatient1()
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

void TestFhirJsonTree::treeFindsContainedResourceAndReferences()
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

void TestFhirJsonTree::treeMarksBundleFullUrlsAsReferences()
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

void TestFhirJsonTree::treePathsRoundTripForEveryNode()
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

void TestFhirJsonTree::treeCopyTextIsCompactJsonOrScalarText()
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

QTEST_GUILESS_MAIN(TestFhirJsonTree)
#include "tst_fhirjsontree.moc"
