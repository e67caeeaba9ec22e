// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLayout>
#include <QList>

#include <initializer_list>

// Lays its items out left to right and wraps to a new line when the width runs out, so a row of
// controls never forces its window wider or cuts a control off; its height follows the width
// (heightForWidth). Items keep their size hints; none is stretched.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int horizontalSpacing = -1,
                        int verticalSpacing = -1);
    ~FlowLayout() override;

    // A row of `controls` that wraps, as a widget of `parent` to put in another layout. The
    // controls move into it, keeping their place in the keyboard order.
    static QWidget *row(QWidget *parent, std::initializer_list<QWidget *> controls);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in `rect` (or only measures, when `place` is false); returns the height.
    int arrange(const QRect &rect, bool place) const;
    int spacing(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};
