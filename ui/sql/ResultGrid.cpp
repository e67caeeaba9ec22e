#include "ResultGrid.h"

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

QString ResultGrid::selectionAsTsv() const
{
    // Copies read the typed cells through the model, not the elided text the grid draws.
    const auto *results = qobject_cast<const Halo::ResultTableModel *>(model());
    if (!results || !selectionModel() || !selectionModel()->hasSelection())
        return {};
    return Halo::ResultExport::toTsv(results->table(),
                                     results->cellsOf(selectionModel()->selection()));
}

void ResultGrid::copySelection() const
{
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
