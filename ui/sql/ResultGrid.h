// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QProgressDialog>
#include <QSet>
#include <QTableView>

#include "results/ResultExport.h"

class FilterHeader;
class ResultFilterRunner;

namespace Halo {
class PatientDataMaskModel;
class ResultTableModel;
} // namespace Halo

// The results grid over a ResultTableModel, seen through a PatientDataMaskModel (privacy mode):
// NULL drawn as a grey italic "NULL" (distinct from empty text), numbers right-aligned, a filter
// per column under the column names, columns sorted by clicking their header (the model sorts
// the typed cells; a large result on a worker, the header saying so meanwhile); Ctrl+C copies
// the selected cells as TSV with their column names (a large selection on a worker, with
// progress), asking first when that reveals hidden values. Column widths, fitted or set by the
// user, stay across filters and results with the same column names.
class ResultGrid : public QTableView
{
    Q_OBJECT
public:
    // A copy of more cells than this is written on a worker thread, with progress and cancel.
    static constexpr qint64 kCellsForWorker = 100000;
    // Up to this many rows, the header marks the columns of the selection.
    static constexpr int kRowsForHighlight = 20000;

    explicit ResultGrid(QWidget *parent = nullptr);
    ~ResultGrid() override;

    // Shows `results` through `mask`, whose source it is.
    void setModels(Halo::ResultTableModel *results, Halo::PatientDataMaskModel *mask);
    // Filters and sorts `results`, off the GUI thread when large (made by setModels()).
    ResultFilterRunner *filterRunner() const { return m_runner; }
    FilterHeader *filterHeader() const { return m_header; }

    // The selected cells as tab-separated text, a header row first (ResultExport::toTsv): the
    // real values, hidden or not.
    QString selectionAsTsv() const;
    // Copies the selection; in privacy mode, asks first when it holds hidden values. A large
    // selection is written on a worker: copyFinished() says when the clipboard has it.
    void copySelection();
    bool isCopying() const { return m_copy.isRunning() || m_copyDialog; }
    void cancelCopy();
    // Widths to fit the first rows, none wider than a third of the view; columns whose name
    // had a width (fitted or set by the user) get it back instead.
    void fitColumns();

signals:
    // A copy ended: `copied` when the clipboard has the selection.
    void copyFinished(bool copied);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QItemSelection sourceSelection() const;
    void startCopy(Halo::ExportSelection cells, qint64 rows, qint64 count);
    void copyDone();
    void columnsChanged();
    void restoreWidths();
    void followSelectionInHeaderWhenCheap();
    QString widthKey(int column) const;
    void rememberWidth(int column, int width);
    void growFittedColumns();
    void sortClicked(int section, Qt::SortOrder order);
    void showSort();
    void focusColumnFilter();

    Halo::ResultTableModel *m_results = nullptr;
    Halo::PatientDataMaskModel *m_mask = nullptr;
    QItemSelectionModel *m_headerSelection = nullptr; // empty: see followSelectionInHeader…()
    FilterHeader *m_header;
    ResultFilterRunner *m_runner = nullptr;
    QHash<QString, int> m_widths; // by column name (and its occurrence)
    QSet<QString> m_userWidths;   // those the user set
    bool m_settingWidths = false;
    QFutureWatcher<QString> m_copy;
    QPointer<QProgressDialog> m_copyDialog;
    bool m_copyCancelled = false;
};
