#include "RevealConsent.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RevealConsent", text);
}

} // namespace

bool askToReveal(QWidget *parent, const QString &title, const QString &question)
{
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("revealConsent"));
    box.setAccessibleName(tr("Reveal hidden values"));
    box.setAccessibleDescription(question);
    box.setInformativeText(tr("Privacy mode is on: these values are hidden on screen. Reveal "
                              "them anyway?"));
    QPushButton *reveal = box.addButton(tr("&Reveal"), QMessageBox::AcceptRole);
    reveal->setAccessibleName(tr("Reveal"));
    QPushButton *keep = box.addButton(tr("&Keep hidden"), QMessageBox::RejectRole);
    keep->setAccessibleName(tr("Keep hidden"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == reveal;
}
