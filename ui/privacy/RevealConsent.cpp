// SPDX-License-Identifier: GPL-3.0-or-later
#include "RevealConsent.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RevealConsent)
};

} // namespace

bool askToReveal(QWidget *parent, const QString &title, const QString &question)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("revealConsent"));
    box.setAccessibleName(Text::tr("Reveal hidden values"));
    box.setAccessibleDescription(question);
    box.setInformativeText(Text::tr("Privacy mode is on: these values are hidden on screen. Reveal "
                                    "them anyway?"));
    QPushButton *reveal = box.addButton(Text::tr("&Reveal"), QMessageBox::AcceptRole);
    reveal->setAccessibleName(Text::tr("Reveal"));
    QPushButton *keep = box.addButton(Text::tr("&Keep hidden"), QMessageBox::RejectRole);
    keep->setAccessibleName(Text::tr("Keep hidden"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == reveal;
}
