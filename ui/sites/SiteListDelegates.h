// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Colour for the site list's live columns, always beside words that say the same thing:
// availability (a dot plus "Online"), heartbeat age (amber, red) and the marks.
class SiteMarksDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
