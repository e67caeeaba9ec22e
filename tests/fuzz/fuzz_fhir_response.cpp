// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR answers: FhirResponse::parse on arbitrary bytes, then everything the FHIR tab builds from
// it: the entry table, the JSON tree (every node's data and path), summaries and issues. A
// node's path must lead back to the node.
#include "FuzzSupport.h"

#include "fhir/FhirEntryTableModel.h"
#include "fhir/FhirIssue.h"
#include "fhir/FhirJsonTreeModel.h"
#include "fhir/FhirResponse.h"

#include <cstdint>

namespace {

using namespace Halo;
using HaloFuzz::check;

constexpr int kMaxNodes = 5000;

void walkTable(const FhirResponse &response)
{
    FhirEntryTableModel table;
    table.setEntries(response.entries);
    check(table.rowCount() == response.entries.size(), "entry table lost rows");
    for (int column = 0; column < table.columnCount(); ++column)
        (void)table.headerData(column, Qt::Horizontal);
    for (int row = 0; row < table.rowCount() && row < 2000; ++row) {
        check(table.entryAt(row) != nullptr, "a row has no entry");
        for (int column = 0; column < table.columnCount(); ++column) {
            const QModelIndex index = table.index(row, column);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(FhirEntryTableModel::EntryRowRole),
                             int(FhirEntryTableModel::ResourceTypeRole),
                             int(FhirEntryTableModel::ReferenceRole)}) {
                (void)table.data(index, role);
            }
        }
    }
    (void)table.entryAt(-1);
    (void)table.entryAt(table.rowCount());
}

void walkTree(FhirJsonTreeModel &tree, const QModelIndex &parent, int *budget)
{
    const int rows = tree.rowCount(parent);
    for (int row = 0; row<rows && * budget> 0; ++row, --*budget) {
        const QModelIndex index = tree.index(row, 0, parent);
        check(index.isValid(), "a tree row has no index");
        check(tree.parent(index) == parent, "a node's parent is not where it was found");
        for (int column = 0; column < tree.columnCount(index); ++column) {
            const QModelIndex cell = tree.index(row, column, parent);
            for (int role :
                 {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(FhirJsonTreeModel::PathRole),
                  int(FhirJsonTreeModel::CopyTextRole), int(FhirJsonTreeModel::ReferenceRole),
                  int(FhirJsonTreeModel::JsonValueRole)}) {
                (void)tree.data(cell, role);
            }
        }
        const QString path = tree.pathOf(index);
        check(tree.indexForPath(path) == index, "a node's path leads elsewhere", path.toUtf8());
        (void)tree.copyTextOf(index);
        const QString reference = tree.referenceOf(index);
        if (reference.startsWith(QLatin1Char('#')))
            (void)tree.containedResource(reference.mid(1));
        walkTree(tree, index, budget);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    HaloFuzz::ensureApplication();
    const QByteArray body =
        HaloFuzz::expandRecipe(QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size)));

    const FhirResponse response = FhirResponse::parse(body);
    for (const char *relation : {"self", "next", "previous", "prev", "first", "last"})
        (void)response.link(QLatin1String(relation));
    for (const FhirEntry &entry : response.entries) {
        (void)fhirHumanName(entry.resource);
        (void)fhirIdentifierValue(
            entry.resource, QStringLiteral("http://ns.electronichealth.net.au/id/medicare-number"));
        (void)fhirIdentifierValue(entry.resource, QStringLiteral("NI"));
        (void)fhirNarrativeText(entry.resource);
        (void)fhirResourceSummary(entry.resource);
        (void)fhirCodeableConceptText(entry.resource.value(QLatin1String("code")).toObject());
    }
    (void)fhirIssuesOf(response.root);
    walkTable(response);

    FhirJsonTreeModel tree;
    const QString rootName = response.root.value(QLatin1String("resourceType")).toString();
    tree.setJson(response.root, rootName.isEmpty() ? QStringLiteral("Resource") : rootName);
    int budget = kMaxNodes;
    walkTree(tree, QModelIndex(), &budget);
    (void)tree.references();
    (void)tree.indexForPath(QString::fromUtf8(body.left(64)));
    (void)tree.containedResource(QString::fromUtf8(body.left(16)));
    tree.clear();
    return 0;
}
