// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QList>

#include "schema/SchemaSnapshot.h"

// A practice's schema as a tree: tables (and views) at the top, their columns below, with the
// type and nullability in columns of their own so that a screen reader reads each. Shows the
// part a filter let through (SchemaModel::filtered() works it out, on any thread).
class SchemaModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, NullableColumn, ColumnCount };
    // Which tables, and which of their columns, a filter leaves.
    struct Shown {
        QList<int> tables;         // indices into the snapshot's tables
        QList<QList<int>> columns; // for each shown table, its shown columns
    };

    explicit SchemaModel(QObject *parent = nullptr);

    // A new schema, shown whole.
    void setSchema(const Halo::SchemaSnapshot &schema);
    const Halo::SchemaSnapshot &schema() const { return m_schema; }
    // Shows what `filtered()` worked out for this model's schema.
    void setShown(const Shown &shown);
    // Tables whose name holds `text` (with all their columns), and tables with columns whose
    // name or type holds it (with those columns); case-insensitive. Empty text: everything.
    static Shown filtered(const Halo::SchemaSnapshot &schema, const QString &text);

    // The table and column an index stands for; column is -1 for a table.
    const Halo::SchemaTable *tableAt(const QModelIndex &index) const;
    const Halo::SchemaColumn *columnAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Halo::SchemaSnapshot m_schema;
    Shown m_shown;
};
