// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeartbeatMenu.h"

#include "sites/SiteListModel.h"
#include "storage/AppSettings.h"

#include <QActionGroup>

namespace {

QString durationText(qint64 seconds)
{
    if (seconds < 3600)
        return HeartbeatMenu::tr("%1 minutes").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return seconds == 3600 ? HeartbeatMenu::tr("1 hour")
                               : HeartbeatMenu::tr("%1 hours").arg(seconds / 3600);
    return HeartbeatMenu::tr("%1 days").arg(seconds / (24 * 3600));
}

} // namespace

HeartbeatMenu::HeartbeatMenu(Halo::SiteListModel *model, QWidget *parent)
    : QMenu(tr("&Heartbeat warnings"), parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("heartbeatMenu"));
    addChoices(tr("Amber after"), {15 * 60, 30 * 60, 3600, 3 * 3600, 6 * 3600}, true);
    addSeparator();
    addChoices(tr("Red after"), {6 * 3600, 12 * 3600, 24 * 3600, 48 * 3600, 7 * 24 * 3600}, false);
    apply();
}

void HeartbeatMenu::addChoices(const QString &title, const QList<qint64> &choices, bool amber)
{
    addSection(title);
    auto *group = new QActionGroup(this);
    const qint64 current = amber ? Halo::AppSettings().heartbeatAmberSeconds()
                                 : Halo::AppSettings().heartbeatRedSeconds();
    for (qint64 seconds : choices) {
        QAction *choice = addAction(tr("%1 %2").arg(title, durationText(seconds)));
        choice->setObjectName(QStringLiteral("%1Heartbeat%2")
                                  .arg(amber ? QStringLiteral("amber") : QStringLiteral("red"))
                                  .arg(seconds));
        choice->setCheckable(true);
        choice->setChecked(seconds == current);
        group->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, seconds, amber]() {
            Halo::AppSettings settings;
            if (amber)
                settings.setHeartbeatAmberSeconds(seconds);
            else
                settings.setHeartbeatRedSeconds(seconds);
            apply();
        });
    }
}

void HeartbeatMenu::apply()
{
    Halo::AppSettings settings;
    m_model->setHeartbeatThresholds(
        {settings.heartbeatAmberSeconds(), settings.heartbeatRedSeconds()});
}
