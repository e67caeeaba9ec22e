// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace Halo {
class SiteListModel;
}

// View → Heartbeat warnings: after how long without a heartbeat the site list marks a site
// amber, then red. The choice is kept in AppSettings and given to the model at once.
class HeartbeatMenu : public QMenu
{
    Q_OBJECT
public:
    HeartbeatMenu(Halo::SiteListModel *model, QWidget *parent = nullptr);

private:
    void addChoices(const QString &title, const QList<qint64> &choices, bool amber);
    void apply();

    Halo::SiteListModel *m_model;
};
