// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterHeader.h"

#include <QApplication>
#include <QLineEdit>
#include <QScrollBar>
#include <QStyleOptionHeader>
#include <QTableView>

FilterHeader::FilterHeader(QTableView *table)
    : QHeaderView(Qt::Horizontal, table)
    , m_table(table)
    , m_row(new QWidget(this))
{
    setObjectName(QStringLiteral("resultsHeader"));
    m_row->setObjectName(QStringLiteral("columnFilters"));
    m_row->setAccessibleName(tr("Column filters"));
    m_row->setAccessibleDescription(
        tr("One filter per column: a row is shown when each column contains its filter's text, "
           "ignoring case."));
    connect(this, &QHeaderView::sectionResized, this, &FilterHeader::placeEditors);
    connect(this, &QHeaderView::sectionMoved, this, &FilterHeader::placeEditors);
    connect(m_table->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            &FilterHeader::placeEditors);
}

QLineEdit *FilterHeader::filterEditor(int section) const
{
    return m_editors.value(section);
}

void FilterHeader::setColumns(const QStringList &names, const QStringList &texts)
{
    if (names == m_names && m_editors.size() == names.size())
        return;
    const bool hadFocus = m_row->isAncestorOf(QApplication::focusWidget());
    qDeleteAll(m_editors);
    m_editors.clear();
    m_names = names;
    for (int column = 0; column < names.size(); ++column) {
        auto *editor = new QLineEdit(m_row);
        editor->setObjectName(QStringLiteral("columnFilter%1").arg(column));
        editor->setAccessibleName(tr("Filter column %1").arg(names.at(column)));
        editor->setPlaceholderText(tr("Filter"));
        editor->setToolTip(tr("Show rows whose %1 contains this text").arg(names.at(column)));
        editor->setClearButtonEnabled(true);
        editor->setText(texts.value(column));
        connect(editor, &QLineEdit::textChanged, this, &FilterHeader::filtersEdited);
        // Enter goes back to the rows.
        connect(editor, &QLineEdit::returnPressed, m_table, [this]() { m_table->setFocus(); });
        if (!m_editors.isEmpty())
            QWidget::setTabOrder(m_editors.last(), editor);
        m_editors.append(editor);
        editor->show();
    }
    if (hadFocus)
        m_table->setFocus();
    updateGeometries();
    emit editorsChanged();
}

QStringList FilterHeader::filterTexts() const
{
    QStringList texts;
    for (const QLineEdit *editor : m_editors)
        texts << editor->text();
    return texts;
}

void FilterHeader::setSortingSection(int section)
{
    if (section == m_sortingSection)
        return;
    m_sortingSection = section;
    if (section >= 0) {
        const QString name =
            model() ? model()->headerData(section, Qt::Horizontal).toString() : QString();
        setToolTip(tr("Sorting by %1…").arg(name));
        setAccessibleDescription(tr("Sorting by %1…").arg(name));
        setCursor(Qt::BusyCursor);
    } else {
        setToolTip(QString());
        setAccessibleDescription(QString());
        unsetCursor();
    }
    viewport()->update();
}

int FilterHeader::rowHeight() const
{
    return m_editors.isEmpty() ? 0 : m_editors.first()->sizeHint().height();
}

QSize FilterHeader::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    size.setHeight(size.height() + rowHeight());
    return size;
}

void FilterHeader::updateGeometries()
{
    setViewportMargins(0, 0, 0, rowHeight());
    QHeaderView::updateGeometries();
    placeEditors();
}

void FilterHeader::placeEditors()
{
    const int height = rowHeight();
    m_row->setGeometry(0, viewport()->geometry().bottom() + 1, width(), height);
    m_row->setVisible(height > 0);
    for (int section = 0; section < m_editors.size(); ++section) {
        QLineEdit *editor = m_editors.at(section);
        if (section >= count() || isSectionHidden(section)) {
            editor->hide();
            continue;
        }
        const int x = sectionViewportPosition(section) + viewport()->geometry().left();
        editor->setGeometry(x, 0, sectionSize(section), height);
        editor->show();
    }
}

void FilterHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    if (logicalIndex == m_sortingSection)
        option->text = tr("%1 (sorting…)").arg(option->text);
}
