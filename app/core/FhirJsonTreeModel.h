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

    // `rootName` starts every path (the resource type, or "Bundle"); it is not itself a row:
    // the top-level rows are the members of `value`.
    void setJson(const QJsonValue &value, const QString &rootName);
    void clear();

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
    void build(Node *node);
    static bool isReference(const Node &node);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;

    std::unique_ptr<Node> m_root;     // not a row: its children are the top-level rows
    QHash<QString, Node *> m_byPath;  // for indexForPath
    std::vector<Node *> m_references; // in document order
};

} // namespace Halo
