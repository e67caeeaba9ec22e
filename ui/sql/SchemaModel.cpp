// SPDX-License-Identifier: GPL-3.0-or-later
#include "SchemaModel.h"

namespace {

// Top-level rows carry 0; a column's row carries its table's row + 1.
constexpr quintptr kTableRow = 0;

} // namespace

SchemaModel::SchemaModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

SchemaModel::Shown SchemaModel::filtered(const Halo::SchemaSnapshot &schema, const QString &text)
{
    Shown shown;
    const QString needle = text.trimmed();
    for (int t = 0; t < schema.tables.size(); ++t) {
        const Halo::SchemaTable &table = schema.tables.at(t);
        QList<int> columns;
        const bool tableMatches =
            needle.isEmpty() || table.name.contains(needle, Qt::CaseInsensitive);
        for (int c = 0; c < table.columns.size(); ++c) {
            const Halo::SchemaColumn &column = table.columns.at(c);
            if (tableMatches || column.name.contains(needle, Qt::CaseInsensitive) ||
                column.type.contains(needle, Qt::CaseInsensitive))
                columns.append(c);
        }
        if (tableMatches || !columns.isEmpty()) {
            shown.tables.append(t);
            shown.columns.append(columns);
        }
    }
    return shown;
}

void SchemaModel::setSchema(const Halo::SchemaSnapshot &schema)
{
    beginResetModel();
    m_schema = schema;
    m_shown = filtered(m_schema, QString());
    endResetModel();
}

void SchemaModel::setShown(const Shown &shown)
{
    beginResetModel();
    m_shown = shown;
    endResetModel();
}

const Halo::SchemaTable *SchemaModel::tableAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const qsizetype row =
        index.internalId() == kTableRow ? index.row() : qsizetype(index.internalId() - 1);
    if (row < 0 || row >= m_shown.tables.size())
        return nullptr;
    return &m_schema.tables.at(m_shown.tables.at(row));
}

const Halo::SchemaColumn *SchemaModel::columnAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kTableRow)
        return nullptr;
    const qsizetype tableRow = qsizetype(index.internalId() - 1);
    if (tableRow >= m_shown.tables.size() || index.row() >= m_shown.columns.at(tableRow).size())
        return nullptr;
    const Halo::SchemaTable &table = m_schema.tables.at(m_shown.tables.at(tableRow));
    return &table.columns.at(m_shown.columns.at(tableRow).at(index.row()));
}

QModelIndex SchemaModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_shown.tables.size() ? createIndex(row, column, kTableRow) : QModelIndex();
    if (parent.internalId() != kTableRow || parent.row() >= m_shown.tables.size() ||
        row >= m_shown.columns.at(parent.row()).size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex SchemaModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTableRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTableRow);
}

int SchemaModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_shown.tables.size());
    if (parent.internalId() != kTableRow || parent.column() != 0 ||
        parent.row() >= m_shown.tables.size())
        return 0;
    return int(m_shown.columns.at(parent.row()).size());
}

int SchemaModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole)
        return {};
    if (const Halo::SchemaColumn *column = columnAt(index)) {
        switch (index.column()) {
        case NameColumn:
            return column->name;
        case TypeColumn:
            return column->type;
        case NullableColumn:
            return column->nullable ? tr("NULL") : tr("NOT NULL");
        }
        return {};
    }
    const Halo::SchemaTable *table = tableAt(index);
    if (!table)
        return {};
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::ToolTipRole && !table->schema.isEmpty())
            return table->schema + QLatin1Char('.') + table->name;
        return table->name;
    case TypeColumn:
        return table->isView ? tr("view") : tr("table");
    case NullableColumn:
        // Read out and in the tooltip, not drawn: drawn, it widens the column the names need.
        if (role == Qt::DisplayRole)
            return {};
        return tr("%n column(s)", nullptr, int(table->columns.size()));
    }
    return {};
}

QVariant SchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case NullableColumn:
        return tr("Nullable");
    }
    return {};
}
