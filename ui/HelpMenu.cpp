// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpMenu.h"

#include "AboutDialog.h"

#include <QClipboard>
#include <QGuiApplication>

HelpMenu::HelpMenu(std::function<State()> state, std::function<void(const QString &)> notify,
                   QWidget *parent)
    : QMenu(tr("&Help"), parent)
    , m_state(std::move(state))
    , m_notify(std::move(notify))
{
    QAction *report = addAction(tr("&Report a Problem"), this, &HelpMenu::reportProblem);
    report->setObjectName(QStringLiteral("reportProblemAction"));
    report->setToolTip(tr("Copy the versions and the environment in use (never the key), to "
                          "paste into a problem report"));
    addSeparator();
    QAction *about = addAction(tr("&About Halo Explorer"), this, [this]() {
        auto *dialog = new AboutDialog(parentWidget());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
}

void HelpMenu::reportProblem()
{
    const State state = m_state();
    const QString text = AboutDialog::buildInfo().problemReport(
        state.endpoint, {{tr("Display platform"), QGuiApplication::platformName()},
                         {tr("Privacy mode"), state.privacyOn ? tr("on") : tr("off")}});
    QGuiApplication::clipboard()->setText(text);
    m_notify(tr("Copied the versions and the environment in use to the clipboard, to paste into "
                "a problem report. The subscription key is not in it."));
}
