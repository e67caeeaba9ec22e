// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// GUI tests find controls the way assistive technology does: by accessible name.
#include <QString>
#include <QWidget>

// The one widget of type T under `root` with this accessible name; null if none or several.
template <typename T> T *named(const QWidget *root, const QString &accessibleName)
{
    T *match = nullptr;
    for (T *widget : root->findChildren<T *>()) {
        if (widget->accessibleName() != accessibleName)
            continue;
        if (match)
            return nullptr;
        match = widget;
    }
    return match;
}
