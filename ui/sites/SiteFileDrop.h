// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;
class QWidget;

// Lets site files be dropped on a window: a .csv or a .json site list (local files only).
// Watches the window's drag and drop events and hands on the paths; importing is not its job.
class SiteFileDrop : public QObject
{
    Q_OBJECT
public:
    explicit SiteFileDrop(QWidget *window);

    static QStringList siteFiles(const QMimeData *mime); // empty: nothing here to import

signals:
    void filesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
