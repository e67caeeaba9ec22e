// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include "sql/QueryTypes.h"

class QPushButton;
class QTableWidget;

// The parameters of a SQL command as an editable table: name, direction, SqlDbType, value (or
// NULL) and size, with rows added and removed by buttons. Every cell is reachable by keyboard:
// arrows move, F2 or typing edits, Space ticks NULL.
class ParametersTable : public QWidget
{
    Q_OBJECT
public:
    enum Column { Name, Direction, Type, Value, Null, Size, ColumnCount };

    explicit ParametersTable(QWidget *parent = nullptr);

    // Rows with an empty name are left out.
    QList<Halo::QueryParameter> parameters() const;
    void setParameters(const QList<Halo::QueryParameter> &parameters);
    void addParameter(const Halo::QueryParameter &parameter = {});
    void removeSelected();
    QTableWidget *table() const { return m_table; }

    static const QStringList &directions();
    static const QStringList &sqlDbTypes(); // the 32 names of the spec's Parameter.type

private:
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
};
