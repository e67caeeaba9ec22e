// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowLayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

QWidget *FlowLayout::row(QWidget *parent, std::initializer_list<QWidget *> controls)
{
    auto *row = new QWidget(parent);
    auto *layout = new FlowLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *control : controls) {
        control->setParent(row);
        layout->addWidget(control);
    }
    return row;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest single item: everything else wraps.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // All on one line, when there is room.
    int width = 0;
    int height = 0;
    bool first = true;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + (first ? 0 : spacing(Qt::Horizontal));
        height = std::max(height, item->sizeHint().height());
        first = false;
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::spacing(Qt::Orientation orientation) const
{
    const int set = orientation == Qt::Horizontal ? m_horizontalSpacing : m_verticalSpacing;
    if (set >= 0)
        return set;
    const QWidget *widget = parentWidget();
    if (!widget)
        return 6;
    return widget->style()->pixelMetric(orientation == Qt::Horizontal
                                            ? QStyle::PM_LayoutHorizontalSpacing
                                            : QStyle::PM_LayoutVerticalSpacing,
                                        nullptr, widget);
}

int FlowLayout::arrange(const QRect &rect, bool place) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int horizontal = std::max(0, spacing(Qt::Horizontal));
    const int vertical = std::max(0, spacing(Qt::Vertical));
    int x = area.x();
    int y = area.y();
    int lineHeight = 0;
    // Items of one line share its height, centred vertically, as a QHBoxLayout would.
    QList<QPair<QLayoutItem *, QRect>> line;
    const auto finishLine = [&]() {
        if (place) {
            for (const auto &[item, box] : std::as_const(line)) {
                QRect placed = box;
                placed.moveTop(box.top() + (lineHeight - box.height()) / 2);
                item->setGeometry(placed);
            }
        }
        line.clear();
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize size = item->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
        if (x > area.x() && x + size.width() > area.right() + 1) {
            finishLine();
            x = area.x();
            y += lineHeight + vertical;
            lineHeight = 0;
        }
        line.append({item, QRect(QPoint(x, y), size)});
        x += size.width() + horizontal;
        lineHeight = std::max(lineHeight, size.height());
    }
    finishLine();
    const QMargins margins = contentsMargins();
    return y + lineHeight - rect.y() + margins.bottom();
}
