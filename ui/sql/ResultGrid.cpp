// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultGrid.h"

#include "privacy/PatientDataMaskModel.h"
#include "privacy/RevealConsent.h"
#include "results/ResultExport.h"
#include "results/ResultTable.h"
#include "results/ResultTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QStyledItemDelegate>

namespace {

bool isNumeric(const QModelIndex &index)
{
    const auto kind =
        Halo::ResultCell::Kind(index.data(Halo::ResultTableModel::CellKindRole).toInt());
    return kind == Halo::ResultCell::Kind::Integer || kind == Halo::ResultCell::Kind::Real;
}

class CellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(Halo::ResultTableModel::IsNullRole).toBool()) {
            option->text = QStringLiteral("NULL");
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::PlaceholderText));
            return;
        }
        if (isNumeric(index))
            option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    }
};

} // namespace

ResultGrid::ResultGrid(QWidget *parent)
    : QTableView(parent)
{
    setAccessibleName(tr("Results"));
    setAccessibleDescription(tr("Query results. Ctrl+C copies the selected cells with their "
                                "column names."));
    setItemDelegate(new CellDelegate(this));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the query's own order
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setResizeContentsPrecision(200);
    setSortingEnabled(true);

    auto *copy = new QAction(tr("&Copy with column names"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ResultGrid::copySelection);
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ResultGrid::setModels(Halo::ResultTableModel *results, Halo::PatientDataMaskModel *mask)
{
    m_results = results;
    m_mask = mask;
    mask->setSourceModel(results);
    setModel(mask);
}

QItemSelection ResultGrid::sourceSelection() const
{
    if (!m_mask || !selectionModel() || !selectionModel()->hasSelection())
        return {};
    return m_mask->mapSelectionToSource(selectionModel()->selection());
}

QString ResultGrid::selectionAsTsv() const
{
    // Copies read the typed cells through the model, not the elided text the grid draws.
    const QItemSelection selection = sourceSelection();
    if (!m_results || selection.isEmpty())
        return {};
    return Halo::ResultExport::toTsv(m_results->table(), m_results->cellsOf(selection));
}

void ResultGrid::copySelection()
{
    const QItemSelection selection = sourceSelection();
    if (!m_results || selection.isEmpty())
        return;
    if (m_mask->isMasking()) {
        const Halo::ExportSelection cells = m_results->cellsOf(selection);
        QList<int> columns;
        if (cells.columns)
            columns = QList<int>(cells.columns->begin(), cells.columns->end());
        else
            for (int column = 0; column < m_results->columnCount(); ++column)
                columns << column;
        const QStringList hidden = m_mask->patientColumnNames(columns);
        const qsizetype rows = cells.rows ? qsizetype(cells.rows->size()) : m_results->rowCount();
        if (!hidden.isEmpty() &&
            !askToReveal(this, tr("Copy results"),
                         tr("This copies %1 values from %2 hidden columns (%3).")
                             .arg(QString::number(rows * hidden.size()),
                                  QString::number(hidden.size()),
                                  hidden.join(QStringLiteral(", ")))))
            return;
    }
    const QString text = selectionAsTsv();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ResultGrid::fitColumns()
{
    const QHeaderView *header = horizontalHeader();
    const int widest = std::max(120, viewport()->width() / 3);
    for (int column = 0; column < header->count(); ++column) {
        resizeColumnToContents(column); // samples the first rows only (resizeContentsPrecision)
        if (columnWidth(column) > widest)
            setColumnWidth(column, widest);
    }
}

void ResultGrid::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}
