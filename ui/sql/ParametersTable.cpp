// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParametersTable.h"

#include "sql/QueryTypes.h"

#include <algorithm>
#include <functional>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// Combo boxes for the direction and type columns, a non-negative spin box for the size.
class ParameterDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() == ParametersTable::Direction ||
            index.column() == ParametersTable::Type) {
            auto *combo = new QComboBox(parent);
            combo->addItems(index.column() == ParametersTable::Direction
                                ? ParametersTable::directions()
                                : ParametersTable::sqlDbTypes());
            combo->setAccessibleName(index.column() == ParametersTable::Direction
                                         ? ParametersTable::tr("Parameter direction")
                                         : ParametersTable::tr("Parameter type"));
            return combo;
        }
        if (index.column() == ParametersTable::Size) {
            auto *spin = new QSpinBox(parent);
            spin->setRange(0, 1 << 30);
            spin->setSpecialValueText(ParametersTable::tr("not sent"));
            spin->setAccessibleName(ParametersTable::tr("Parameter size"));
            return spin;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            combo->setCurrentText(index.data(Qt::EditRole).toString());
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            model->setData(index, combo->currentText(), Qt::EditRole);
            return;
        }
        QStyledItemDelegate::setModelData(editor, model, index);
    }
};

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::EditRole, text);
    return item;
}

} // namespace

ParametersTable::ParametersTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("&Add parameter"), this))
    , m_remove(new QPushButton(tr("Remove parameter"), this))
{
    m_table->setAccessibleName(tr("Parameters"));
    m_table->setAccessibleDescription(
        tr("Parameters of the command: name, direction, type, value, NULL and size."));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Direction"), tr("Type"), tr("Value"), tr("NULL"), tr("Size")});
    m_table->setItemDelegate(new ParameterDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Stretch);
    m_add->setAccessibleName(tr("Add parameter"));
    m_remove->setAccessibleName(tr("Remove parameter"));
    m_remove->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this]() {
        Halo::QueryParameter parameter;
        parameter.name = QStringLiteral("@p%1").arg(m_table->rowCount() + 1);
        addParameter(parameter);
        m_table->setCurrentCell(m_table->rowCount() - 1, Name);
        m_table->setFocus(Qt::OtherFocusReason);
    });
    connect(m_remove, &QPushButton::clicked, this, &ParametersTable::removeSelected);
    // Typing a value means it is not NULL any more.
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        QTableWidgetItem *null = m_table->item(item->row(), Null);
        if (item->column() == Value && null && !item->text().isEmpty())
            null->setCheckState(Qt::Unchecked);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this]() { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
}

const QStringList &ParametersTable::directions()
{
    static const QStringList list = {QStringLiteral("input"), QStringLiteral("output"),
                                     QStringLiteral("inputOutput"), QStringLiteral("returnValue")};
    return list;
}

const QStringList &ParametersTable::sqlDbTypes()
{
    return Halo::sqlParameterTypes();
}

void ParametersTable::addParameter(const Halo::QueryParameter &parameter)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, Name, textItem(parameter.name));
    m_table->setItem(row, Direction, textItem(parameter.direction));
    m_table->setItem(row, Type, textItem(parameter.type));
    m_table->setItem(row, Value, textItem(parameter.value.value_or(QString())));
    auto *null = new QTableWidgetItem;
    null->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    null->setCheckState(parameter.value ? Qt::Unchecked : Qt::Checked);
    null->setData(Qt::AccessibleTextRole, tr("NULL"));
    m_table->setItem(row, Null, null);
    auto *size = new QTableWidgetItem;
    size->setData(Qt::EditRole, parameter.size);
    m_table->setItem(row, Size, size);
}

void ParametersTable::setParameters(const QList<Halo::QueryParameter> &parameters)
{
    m_table->setRowCount(0);
    for (const Halo::QueryParameter &parameter : parameters)
        addParameter(parameter);
}

void ParametersTable::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
}

QList<Halo::QueryParameter> ParametersTable::parameters() const
{
    QList<Halo::QueryParameter> list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->data(Qt::EditRole).toString() : QString();
        };
        Halo::QueryParameter parameter;
        parameter.name = text(Name).trimmed();
        if (parameter.name.isEmpty())
            continue;
        parameter.direction = text(Direction);
        parameter.type = text(Type);
        const QTableWidgetItem *null = m_table->item(row, Null);
        if (!null || null->checkState() != Qt::Checked)
            parameter.value = text(Value);
        parameter.size =
            m_table->item(row, Size) ? m_table->item(row, Size)->data(Qt::EditRole).toInt() : 0;
        list.append(parameter);
    }
    return list;
}
