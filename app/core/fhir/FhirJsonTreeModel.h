// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <vector>

namespace Halo {

// A FHIR resource (or any JSON) as a tree: column 0 the member name or [index], column 1 the
// value (scalars as text, objects and arrays as a short description, e.g. "3 items"), column 2
// the JSON type. Every node knows its FHIRPath-style path, e.g. Patient.name[0].given[1], and
// whether it is a reference a user can follow: the string `reference` member of an object
// ("Practitioner/1", an absolute URL, or "#id" of a contained resource), or an entry's fullUrl.
// Object members are shown resourceType first, then id, then in QJsonObject's order.
class FhirJsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, // QString
        CopyTextRole,                // QString: scalar as text; object/array as compact JSON
        ReferenceRole,               // QString: the reference to follow; empty if not one
        JsonValueRole,               // QJsonValue of the node
    };

    explicit FhirJsonTreeModel(QObject *parent = nullptr);
    ~FhirJsonTreeModel() override;

    // The nodes of one document, built once and never changed: they can be built on a worker
    // thread (a large Bundle takes a while) and then shown.
    struct Tree;
    // `rootName` starts every path (the resource type, or "Bundle"); it is not itself a row:
    // the top-level rows are the members of `value`. Thread-safe.
    static std::shared_ptr<const Tree> buildTree(const QJsonValue &value, const QString &rootName);

    void setTree(std::shared_ptr<const Tree> tree);
    // Lets go of a tree on a worker thread: freeing a large Bundle's tree takes a while too
    // (25 ms for 1,000 entries). The model lets go of its previous tree this way.
    static void discard(std::shared_ptr<const Tree> tree);
    void setJson(const QJsonValue &value, const QString &rootName); // builds here
    void clear();
    QString rootName() const;

    QString pathOf(const QModelIndex &index) const;
    QString copyTextOf(const QModelIndex &index) const;
    QString referenceOf(const QModelIndex &index) const;
    // The node at a path made by pathOf(), or an invalid index.
    QModelIndex indexForPath(const QString &path) const;
    // The contained resource with this id ("#id" references point there), or an invalid index.
    QModelIndex containedResource(const QString &id) const;
    // Every reference in the tree, in document order (for keyboard navigation and tests).
    QModelIndexList references() const;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node;
    static void build(Tree &tree, Node *node);
    static bool isReference(const Node &node);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;

    std::shared_ptr<const Tree> m_tree;
};

} // namespace Halo
