// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>
#include <QList>
#include <QStringList>

class QLineEdit;
class QTableView;

// The results grid's column header with a row of filters under the column names, one line edit
// per column that follows the column's width and the horizontal scrolling (as DB4S's filter
// header does). The row is named "Column filters"; each filter "Filter column <name>". It says
// which column it sorts by while a sort is on its way.
class FilterHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit FilterHeader(QTableView *table);

    QWidget *filterRow() const { return m_row; }
    QLineEdit *filterEditor(int section) const;
    // The columns shown: new editors when the names change (with `texts`, by column), else the
    // editors stay as they are, with what the user is typing.
    void setColumns(const QStringList &names, const QStringList &texts);
    // The text of each column's filter, by column.
    QStringList filterTexts() const;
    // The section whose sort is on its way (-1: none).
    void setSortingSection(int section);
    int sortingSection() const { return m_sortingSection; }

    QSize sizeHint() const override;

signals:
    void filtersEdited();
    void editorsChanged(); // new editors (for the tab order)

protected:
    void updateGeometries() override;
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;

private:
    void placeEditors();
    int rowHeight() const;

    QTableView *m_table;
    QWidget *m_row;
    QList<QLineEdit *> m_editors;
    QStringList m_names;
    int m_sortingSection = -1;
};
