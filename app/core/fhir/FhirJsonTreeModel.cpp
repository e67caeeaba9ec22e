// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirJsonTreeModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>
#include <QThreadPool>

namespace Halo {

namespace {

// Below this many nodes a tree is freed at once; above it, on a worker (see discard()).
constexpr qsizetype kNodesWorthAThread = 2000;

enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };

// Values longer than this get the whole text as a tooltip, since views elide them.
constexpr int kTooltipThreshold = 60;

const QLatin1String kResourceType("resourceType");

// A member name as a path step: plain identifiers as they are, anything else (dots, brackets,
// spaces) quoted in FHIRPath's backticks, so that every path stays unique and readable.
QString pathStep(const QString &key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(key).hasMatch())
        return key;
    QString quoted = key;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('`'), QLatin1String("\\`"));
    return QLatin1Char('`') + quoted + QLatin1Char('`');
}

QString numberText(const QJsonValue &value)
{
    // Integers parsed from JSON keep their exact digits; others print in the shortest form.
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return QString::number(variant.toLongLong());
    return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return numberText(value);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return {};
    }
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString stringMember(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString().simplified();
}

QString joinedStrings(const QJsonValue &value)
{
    QStringList parts;
    for (const QJsonValue &part : value.toArray()) {
        if (part.isString() && !part.toString().isEmpty())
            parts.append(part.toString());
    }
    return parts.join(QLatin1Char(' '));
}

// A few words for an object, from the members that common FHIR data types read by: a
// resource's type and id, a Reference's display, a HumanName, CodeableConcept or Address text,
// a Coding's display, an Identifier's or ContactPoint's value. Otherwise just its size.
QString objectSummary(const QJsonObject &object)
{
    const QString type = stringMember(object, "resourceType");
    if (!type.isEmpty()) {
        const QString id = stringMember(object, "id");
        return id.isEmpty() ? type : type + QLatin1Char('/') + id;
    }
    const QString reference = stringMember(object, "reference");
    const QString display = stringMember(object, "display");
    if (!reference.isEmpty())
        return display.isEmpty() ? reference : QStringLiteral("%1 (%2)").arg(display, reference);
    for (const char *key : {"text", "display"}) {
        const QString text = stringMember(object, key);
        if (!text.isEmpty())
            return text;
    }
    if (object.contains(QLatin1String("family")) || object.contains(QLatin1String("given"))) {
        const QString name = QStringList{joinedStrings(object.value(QLatin1String("prefix"))),
                                         joinedStrings(object.value(QLatin1String("given"))),
                                         stringMember(object, "family")}
                                 .join(QLatin1Char(' '))
                                 .simplified();
        if (!name.isEmpty())
            return name;
    }
    const QString value = stringMember(object, "value");
    if (!value.isEmpty())
        return value;
    return object.size() == 1 ? FhirJsonTreeModel::tr("{1 member}")
                              : FhirJsonTreeModel::tr("{%1 members}").arg(object.size());
}

QString valueText(const QJsonValue &value)
{
    if (value.isObject())
        return objectSummary(value.toObject());
    if (value.isArray()) {
        const qsizetype size = value.toArray().size();
        return size == 1 ? FhirJsonTreeModel::tr("[1 item]")
                         : FhirJsonTreeModel::tr("[%1 items]").arg(size);
    }
    return scalarText(value);
}

QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return scalarText(value);
}

// Member names in display order: resourceType, id, then QJsonObject's (sorted) order.
QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys;
    for (const QLatin1String first : {kResourceType, QLatin1String("id")}) {
        if (object.contains(first))
            keys.append(first);
    }
    for (const QString &key : object.keys()) {
        if (key != kResourceType && key != QLatin1String("id"))
            keys.append(key);
    }
    return keys;
}

} // namespace

struct FhirJsonTreeModel::Node {
    Node *parent = nullptr;
    int row = 0;
    QString name; // member name, or "[i]" for an array item
    bool isItem = false;
    QString path;
    QJsonValue value;
    QString reference; // what a link on this node follows; empty if it is not one
    std::vector<std::unique_ptr<Node>> children;
};

struct FhirJsonTreeModel::Tree {
    std::unique_ptr<Node> root = std::make_unique<Node>(); // not a row: its children are
    QHash<QString, Node *> byPath;                         // for indexForPath
    std::vector<Node *> references;                        // in document order
};

FhirJsonTreeModel::FhirJsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_tree(buildTree(QJsonValue(), QString()))
{}

FhirJsonTreeModel::~FhirJsonTreeModel() = default;

std::shared_ptr<const FhirJsonTreeModel::Tree> FhirJsonTreeModel::buildTree(const QJsonValue &value,
                                                                            const QString &rootName)
{
    auto tree = std::make_shared<Tree>();
    tree->root->name = rootName;
    tree->root->path = rootName;
    tree->root->value = value;
    build(*tree, tree->root.get());
    return tree;
}

void FhirJsonTreeModel::setTree(std::shared_ptr<const Tree> tree)
{
    beginResetModel();
    std::shared_ptr<const Tree> previous = std::move(m_tree);
    m_tree = tree ? std::move(tree) : buildTree(QJsonValue(), QString());
    endResetModel();
    discard(std::move(previous)); // no index points into it any more
}

void FhirJsonTreeModel::discard(std::shared_ptr<const Tree> tree)
{
    if (!tree || tree->byPath.size() < kNodesWorthAThread)
        return; // small: freed here, now
    QThreadPool::globalInstance()->start([tree = std::move(tree)]() mutable { tree.reset(); });
}

void FhirJsonTreeModel::setJson(const QJsonValue &value, const QString &rootName)
{
    setTree(buildTree(value, rootName));
}

QString FhirJsonTreeModel::rootName() const
{
    return m_tree->root->name;
}

void FhirJsonTreeModel::clear()
{
    setJson(QJsonValue(), QString());
}

// Builds the whole tree at once: FHIR pages are at most a few thousand nodes, and a built tree
// makes paths, references and indexForPath simple lookups.
void FhirJsonTreeModel::build(Tree &tree, Node *node)
{
    const auto addChild = [&tree, node](const QString &name, bool isItem, const QJsonValue &value) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        child->name = name;
        child->isItem = isItem;
        child->value = value;
        if (isItem)
            child->path = node->path + name;
        else if (node->path.isEmpty())
            child->path = pathStep(name);
        else
            child->path = node->path + QLatin1Char('.') + pathStep(name);
        if (isReference(*child)) {
            child->reference = value.toString();
            tree.references.push_back(child.get());
        }
        tree.byPath.insert(child->path, child.get());
        Node *raw = child.get();
        node->children.push_back(std::move(child));
        build(tree, raw);
    };

    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        for (const QString &key : orderedKeys(object))
            addChild(key, false, object.value(key));
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addChild(QStringLiteral("[%1]").arg(i), true, array.at(i));
    }
}

// A Reference's `reference` string, or a Bundle entry's fullUrl.
bool FhirJsonTreeModel::isReference(const Node &node)
{
    if (node.isItem || !node.value.isString() || node.value.toString().isEmpty())
        return false;
    if (node.name == QLatin1String("reference"))
        return true;
    if (node.name != QLatin1String("fullUrl"))
        return false;
    const Node *entry = node.parent;
    const Node *entries = entry ? entry->parent : nullptr;
    const Node *bundle = entries ? entries->parent : nullptr;
    return entry && entry->isItem && entries && !entries->isItem &&
           entries->name == QLatin1String("entry") && bundle &&
           bundle->value.toObject().value(kResourceType).toString() == QLatin1String("Bundle");
}

FhirJsonTreeModel::Node *FhirJsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_tree->root.get();
}

QModelIndex FhirJsonTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_tree->root.get())
        return {};
    return createIndex(node->row, NameColumn, const_cast<Node *>(node));
}

QString FhirJsonTreeModel::pathOf(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->path : QString();
}

QString FhirJsonTreeModel::copyTextOf(const QModelIndex &index) const
{
    return index.isValid() ? compactJson(nodeOf(index)->value) : QString();
}

QString FhirJsonTreeModel::referenceOf(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->reference : QString();
}

QModelIndex FhirJsonTreeModel::indexForPath(const QString &path) const
{
    return indexOf(m_tree->byPath.value(path));
}

// Looks in the top resource's contained[] first; in a Bundle, where each entry has its own,
// the first match in document order.
QModelIndex FhirJsonTreeModel::containedResource(const QString &id) const
{
    const QString wanted = id.startsWith(QLatin1Char('#')) ? id.mid(1) : id;
    if (wanted.isEmpty())
        return {};
    const auto findIn = [&wanted](const Node *contained) -> const Node * {
        if (!contained->value.isArray())
            return nullptr;
        for (const auto &item : contained->children) {
            if (item->value.toObject().value(QLatin1String("id")).toString() == wanted)
                return item.get();
        }
        return nullptr;
    };
    const auto search = [&](const auto &self, const Node *node) -> const Node * {
        for (const auto &child : node->children) {
            if (!child->isItem && child->name == QLatin1String("contained")) {
                if (const Node *found = findIn(child.get()))
                    return found;
            }
        }
        for (const auto &child : node->children) {
            if (const Node *found = self(self, child.get()))
                return found;
        }
        return nullptr;
    };
    return indexOf(search(search, m_tree->root.get()));
}

QModelIndexList FhirJsonTreeModel::references() const
{
    QModelIndexList indexes;
    indexes.reserve(qsizetype(m_tree->references.size()));
    for (const Node *node : m_tree->references)
        indexes.append(indexOf(node));
    return indexes;
}

QModelIndex FhirJsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *node = nodeOf(parent);
    return createIndex(row, column, node->children.at(std::size_t(row)).get());
}

QModelIndex FhirJsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int FhirJsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int FhirJsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FhirJsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case ValueColumn:
            return valueText(node->value);
        case TypeColumn:
            return typeName(node->value);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return node->path;
        if (index.column() == ValueColumn) {
            const QString text = valueText(node->value);
            if (!node->reference.isEmpty())
                return tr("Reference: %1").arg(node->reference);
            if (text.size() > kTooltipThreshold)
                return text;
        }
        return {};
    case Qt::AccessibleTextRole:
        // Says which rows are links, since the view only shows that by styling.
        if (index.column() == ValueColumn && !node->reference.isEmpty())
            return tr("Reference %1").arg(node->reference);
        return {};
    case PathRole:
        return node->path;
    case CopyTextRole:
        return compactJson(node->value);
    case ReferenceRole:
        return node->reference;
    case JsonValueRole:
        return QVariant::fromValue(node->value);
    default:
        return {};
    }
}

QVariant FhirJsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

} // namespace Halo
