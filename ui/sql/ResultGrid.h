// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace Halo {
class PatientDataMaskModel;
class ResultTableModel;
} // namespace Halo

// The results grid over a ResultTableModel, seen through a PatientDataMaskModel (privacy mode):
// NULL drawn as a grey italic "NULL" (distinct from empty text), numbers right-aligned, columns
// sorted by clicking their header (the model sorts the typed cells); Ctrl+C copies the selected
// cells as TSV with their column names, asking first when that reveals hidden values.
class ResultGrid : public QTableView
{
    Q_OBJECT
public:
    explicit ResultGrid(QWidget *parent = nullptr);

    // Shows `results` through `mask`, whose source it is.
    void setModels(Halo::ResultTableModel *results, Halo::PatientDataMaskModel *mask);

    // The selected cells as tab-separated text, a header row first (ResultExport::toTsv): the
    // real values, hidden or not.
    QString selectionAsTsv() const;
    // Copies the selection; in privacy mode, asks first when it holds hidden values.
    void copySelection();
    // Widths to fit the first rows, none wider than a third of the view.
    void fitColumns();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QItemSelection sourceSelection() const;

    Halo::ResultTableModel *m_results = nullptr;
    Halo::PatientDataMaskModel *m_mask = nullptr;
};
