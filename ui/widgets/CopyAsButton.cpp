// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/CopyAsButton.h"

#include <QAction>
#include <QMenu>

CopyAsButton::CopyAsButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("copyAsButton"));
    setText(tr("Copy &as"));
    setAccessibleName(tr("Copy as"));
    setToolTip(tr("Copy the request as code for your own program; the key is read from the "
                  "HALO_KEY environment variable, never copied"));
    setPopupMode(QToolButton::InstantPopup);
    setFocusPolicy(Qt::StrongFocus);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("copyAsMenu"));
    menu->setAccessibleName(tr("Copy as"));
    for (const Halo::SnippetLanguage language : Halo::snippetLanguages()) {
        const QString name = Halo::snippetLanguageName(language);
        QAction *action = menu->addAction(name);
        action->setObjectName(QStringLiteral("copyAs") + name);
        connect(action, &QAction::triggered, this,
                [this, language]() { emit languageChosen(language); });
    }
    setMenu(menu);
}
