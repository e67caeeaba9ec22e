#pragma once

#include <QTableView>

// The results grid over a ResultTableModel: NULL drawn as a grey italic "NULL" (distinct from
// empty text), numbers right-aligned, columns sorted by clicking their header (the model sorts
// the typed cells); Ctrl+C copies the selected cells as TSV with their column names.
class ResultGrid : public QTableView
{
    Q_OBJECT
public:
    explicit ResultGrid(QWidget *parent = nullptr);

    // The selected cells as tab-separated text, a header row first (ResultExport::toTsv).
    QString selectionAsTsv() const;
    void copySelection() const;
    // Widths to fit the first rows, none wider than a third of the view.
    void fitColumns();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};
