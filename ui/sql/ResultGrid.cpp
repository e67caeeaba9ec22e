// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultGrid.h"

#include "FilterHeader.h"
#include "ResultFilterRunner.h"
#include "privacy/PatientDataMaskModel.h"
#include "privacy/RevealConsent.h"
#include "results/ResultExport.h"
#include "results/ResultTable.h"
#include "results/ResultTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
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
    , m_header(new FilterHeader(this))
{
    setAccessibleName(tr("Results"));
    setAccessibleDescription(tr("Query results. Ctrl+C copies the selected cells with their "
                                "column names; Ctrl+Shift+L filters the current column."));
    setItemDelegate(new CellDelegate(this));
    setHorizontalHeader(m_header);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // A header click sorts through the filter runner (on a worker when large), not through
    // QTableView's sortByColumn(), which would sort on this thread.
    setSortingEnabled(false);
    // Nor does a click select the column (QTableView does that when it does not sort): a
    // column of 1,000,000 rows selected is slow to draw and to copy by mistake.
    disconnect(m_header, &QHeaderView::sectionPressed, this, nullptr);
    disconnect(m_header, &QHeaderView::sectionEntered, this, nullptr);
    m_header->setSectionsClickable(true);
    m_header->setHighlightSections(true);
    m_header->setSortIndicatorShown(true);
    m_header->setSortIndicatorClearable(true); // a third click: the query's own order
    m_header->setSortIndicator(-1, Qt::AscendingOrder);
    // A column's width fits its first 200 rows: QTableView::sizeHintForColumn() samples as
    // many rows as the horizontal header's precision says.
    m_header->setResizeContentsPrecision(200);
    connect(m_header, &QHeaderView::sortIndicatorChanged, this, &ResultGrid::sortClicked);
    connect(m_header, &QHeaderView::sectionResized, this,
            [this](int column, int, int width) { rememberWidth(column, width); });

    auto *copy = new QAction(tr("&Copy with column names"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ResultGrid::copySelection);
    addAction(copy);
    auto *filterColumn = new QAction(tr("&Filter this column"), this);
    filterColumn->setShortcut(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)); // as a spreadsheet's filter
    filterColumn->setShortcutContext(Qt::WidgetShortcut);
    connect(filterColumn, &QAction::triggered, this, &ResultGrid::focusColumnFilter);
    addAction(filterColumn);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(&m_copy, &QFutureWatcher<QString>::progressValueChanged, this, [this](int value) {
        if (m_copyDialog)
            m_copyDialog->setValue(value);
    });
    connect(&m_copy, &QFutureWatcher<QString>::finished, this, &ResultGrid::copyDone);
}

ResultGrid::~ResultGrid()
{
    m_copy.disconnect(this);
    m_copy.cancel();
    m_copy.waitForFinished(); // it reads a snapshot only
}

void ResultGrid::setModels(Halo::ResultTableModel *results, Halo::PatientDataMaskModel *mask)
{
    m_results = results;
    m_mask = mask;
    mask->setSourceModel(results);
    setModel(mask); // the header follows the view's new selection model
    delete m_headerSelection;
    m_headerSelection = new QItemSelectionModel(mask, this);
    delete m_runner;
    m_runner = new ResultFilterRunner(results, this);
    connect(m_runner, &ResultFilterRunner::sortingChanged, this, &ResultGrid::showSort);
    connect(m_header, &FilterHeader::filtersEdited, m_runner, [this]() {
        Halo::ResultTableModel::ColumnFilters filters;
        const QStringList texts = m_header->filterTexts();
        for (int column = 0; column < texts.size(); ++column) {
            if (!texts.at(column).isEmpty())
                filters.push_back({column, texts.at(column)});
        }
        m_runner->setColumnFilters(filters);
    });
    // Connected after the view's own: the header has its new sections by then.
    connect(mask, &QAbstractItemModel::modelReset, this, [this]() {
        followSelectionInHeaderWhenCheap();
        columnsChanged();
        showSort();
        growFittedColumns();
    });
    // Other rows at the top (a sort, a page under a filter) may be wider than the first were.
    connect(mask, &QAbstractItemModel::layoutChanged, this, &ResultGrid::growFittedColumns);
    connect(mask, &QAbstractItemModel::dataChanged, this, &ResultGrid::growFittedColumns);
    connect(mask, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) {
                followSelectionInHeaderWhenCheap();
                const int lastShown = verticalHeader()->visualIndexAt(viewport()->height());
                if (lastShown < 0 || first <= lastShown)
                    growFittedColumns();
            });
    connect(mask, &QAbstractItemModel::columnsInserted, this, &ResultGrid::columnsChanged);
    connect(mask, &QAbstractItemModel::columnsRemoved, this, &ResultGrid::columnsChanged);
    connect(mask, &QAbstractItemModel::headerDataChanged, this, &ResultGrid::columnsChanged);
    columnsChanged();
}

void ResultGrid::columnsChanged()
{
    QStringList names;
    QStringList texts;
    for (int column = 0; m_results && column < m_results->columnCount(); ++column) {
        names << m_results->headerData(column, Qt::Horizontal).toString();
        texts << m_results->columnFilterText(column);
    }
    m_header->setColumns(names, texts);
    restoreWidths();
}

// A column is known by its name, and which of the columns of that name it is.
QString ResultGrid::widthKey(int column) const
{
    if (!m_results || column < 0 || column >= m_results->columnCount())
        return {};
    const QStringList &names = m_results->table().columns();
    int occurrence = 0;
    for (int other = 0; other < column; ++other)
        occurrence += names.at(other) == names.at(column) ? 1 : 0;
    return names.at(column) + QLatin1Char('\n') + QString::number(occurrence);
}

// A width set from outside: the user's (dragged, or double-clicked to fit), kept as it is.
void ResultGrid::rememberWidth(int column, int width)
{
    if (m_settingWidths || width <= 0 || column >= m_header->count())
        return;
    const QString key = widthKey(column);
    if (key.isEmpty())
        return;
    m_widths.insert(key, width);
    m_userWidths.insert(key);
}

// Fitted columns (not the user's) of those in view grow to show the rows now at the top, up to
// a third of the view; they never shrink, so filtering back and forth does not make them jump.
void ResultGrid::growFittedColumns()
{
    if (!m_results || m_header->count() == 0 || model()->rowCount() == 0)
        return;
    const int widest = std::max(120, viewport()->width() / 3);
    const int firstShown = std::max(0, m_header->visualIndexAt(0));
    int lastShown = m_header->visualIndexAt(viewport()->width() - 1);
    if (lastShown < 0)
        lastShown = m_header->count() - 1;
    // The rows in view only: sampling further costs a millisecond per column.
    const int precision = m_header->resizeContentsPrecision();
    m_header->setResizeContentsPrecision(0);
    m_settingWidths = true;
    for (int visual = firstShown; visual <= lastShown; ++visual) {
        const int column = m_header->logicalIndex(visual);
        const QString key = widthKey(column);
        if (m_userWidths.contains(key) || m_header->isSectionHidden(column))
            continue;
        const int wanted = std::min(
            widest, std::max(sizeHintForColumn(column), m_header->sectionSizeHint(column)));
        if (wanted > columnWidth(column)) {
            setColumnWidth(column, wanted);
            m_widths.insert(key, wanted);
        }
    }
    m_settingWidths = false;
    m_header->setResizeContentsPrecision(precision);
}

// As it paints, the header asks the selection about every selected row of each column shown
// (QItemSelectionModel::isColumnSelected, to mark the selected columns): 50 ms for a
// selection of 500,000 rows, on each repaint after the selection changes. A large result's
// header follows an empty selection instead, so it marks nothing and costs nothing.
void ResultGrid::followSelectionInHeaderWhenCheap()
{
    const bool cheap = !m_mask || m_mask->rowCount() <= kRowsForHighlight;
    m_header->setHighlightSections(cheap);
    QItemSelectionModel *followed = cheap ? selectionModel() : m_headerSelection;
    if (followed && m_header->selectionModel() != followed)
        m_header->setSelectionModel(followed);
}

void ResultGrid::restoreWidths()
{
    m_settingWidths = true;
    for (int column = 0; column < m_header->count(); ++column) {
        const auto known = m_widths.constFind(widthKey(column));
        if (known != m_widths.constEnd() && columnWidth(column) != *known)
            setColumnWidth(column, *known);
    }
    m_settingWidths = false;
}

void ResultGrid::sortClicked(int section, Qt::SortOrder order)
{
    if (m_runner)
        m_runner->sort(section, order);
}

// The header's indicator shows the sort asked for; while it is on its way, the header says so.
void ResultGrid::showSort()
{
    if (!m_runner || !m_results)
        return;
    if (m_runner->isSorting()) {
        m_header->setSortingSection(m_runner->wantedSortColumn());
        return;
    }
    m_header->setSortingSection(-1);
    const QSignalBlocker quiet(m_header);
    m_header->setSortIndicator(m_results->sortColumn(), m_results->sortOrder());
}

void ResultGrid::focusColumnFilter()
{
    const int column = currentIndex().isValid() ? currentIndex().column() : 0;
    if (QLineEdit *editor = m_header->filterEditor(column)) {
        scrollTo(currentIndex().isValid() ? currentIndex() : model()->index(0, 0));
        editor->setFocus(Qt::ShortcutFocusReason);
        editor->selectAll();
    }
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
    if (!m_results || selection.isEmpty() || isCopying())
        return;
    Halo::ExportSelection cells = m_results->cellsOf(selection);
    const qint64 rows = cells.rows ? qint64(cells.rows->size()) : m_results->rowCount();
    const qint64 columns = cells.columns ? qint64(cells.columns->size()) : m_results->columnCount();
    if (m_mask->isMasking()) {
        QList<int> touched;
        if (cells.columns)
            touched = QList<int>(cells.columns->begin(), cells.columns->end());
        else
            for (int column = 0; column < m_results->columnCount(); ++column)
                touched << column;
        const QStringList hidden = m_mask->patientColumnNames(touched);
        if (!hidden.isEmpty() &&
            !askToReveal(this, tr("Copy results"),
                         tr("This copies %1 values from %2 hidden columns (%3).")
                             .arg(QString::number(rows * hidden.size()),
                                  QString::number(hidden.size()),
                                  hidden.join(QStringLiteral(", ")))))
            return;
    }
    if (rows * columns > kCellsForWorker) {
        startCopy(std::move(cells), rows, rows * columns);
        return;
    }
    const QString text = Halo::ResultExport::toTsv(m_results->table(), cells);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
    emit copyFinished(!text.isEmpty());
}

// The text of a large selection is written on a worker from a snapshot (pages may keep
// arriving); the clipboard gets it here when it is done, unless the user cancelled.
void ResultGrid::startCopy(Halo::ExportSelection cells, qint64 rows, qint64 count)
{
    m_copyDialog = new QProgressDialog(tr("Copying %1 cells…").arg(QLocale().toString(count)),
                                       tr("Cancel"), 0, int(std::max<qint64>(1, rows)), this);
    m_copyDialog->setWindowTitle(tr("Copy results"));
    m_copyDialog->setAccessibleName(tr("Copy progress"));
    m_copyDialog->setWindowModality(Qt::WindowModal);
    m_copyDialog->setMinimumDuration(300); // a copy done by then shows nothing
    m_copyDialog->setAutoClose(false);
    m_copyDialog->setAutoReset(false);
    m_copyCancelled = false;
    connect(m_copyDialog, &QProgressDialog::canceled, this, &ResultGrid::cancelCopy);
    m_copy.setFuture(Halo::ResultExport::toTsvAsync(m_results->snapshot(), std::move(cells)));
}

// Cancelled before the clipboard has it, the copy changes nothing, even when the worker had
// just finished.
void ResultGrid::cancelCopy()
{
    if (!isCopying())
        return;
    m_copyCancelled = true;
    m_copy.cancel();
}

void ResultGrid::copyDone()
{
    if (m_copyDialog)
        m_copyDialog->deleteLater();
    m_copyDialog = nullptr;
    const bool copied =
        !m_copyCancelled && !m_copy.isCanceled() && m_copy.future().resultCount() > 0;
    if (copied)
        QApplication::clipboard()->setText(m_copy.result());
    emit copyFinished(copied);
}

void ResultGrid::fitColumns()
{
    const int widest = std::max(120, viewport()->width() / 3);
    m_settingWidths = true;
    for (int column = 0; column < m_header->count(); ++column) {
        const auto known = m_widths.constFind(widthKey(column));
        if (known != m_widths.constEnd()) {
            setColumnWidth(column, *known);
            continue;
        }
        resizeColumnToContents(column); // samples the first rows only (resizeContentsPrecision)
        if (columnWidth(column) > widest)
            setColumnWidth(column, widest);
        m_widths.insert(widthKey(column), columnWidth(column));
    }
    m_settingWidths = false;
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
