#include "PlainHttpConsent.h"

#include "net/Environment.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlainHttpConsent", text);
}

} // namespace

bool askPlainHttpConsent(QWidget *parent, const QUrl &url)
{
    const QString origin = Halo::keyOrigin(url);
    QMessageBox box(QMessageBox::Warning, tr("Plain HTTP"),
                    tr("%1 is plain HTTP and not on this machine: the subscription key would "
                       "cross the network unencrypted, readable by anyone on the way.")
                        .arg(origin),
                    QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("plainHttpConsent"));
    box.setAccessibleName(tr("Plain HTTP"));
    box.setInformativeText(tr("Use an https:// base URL if the service offers one. Send the key "
                              "over plain HTTP to %1 only if you trust every network between "
                              "here and there.")
                               .arg(origin));
    auto *allow = new QCheckBox(tr("Allow plain HTTP to %1").arg(origin), &box);
    allow->setAccessibleName(tr("Allow plain HTTP"));
    box.setCheckBox(allow);
    QPushButton *use = box.addButton(tr("Use this base URL"), QMessageBox::AcceptRole);
    use->setAccessibleName(tr("Use this base URL"));
    use->setEnabled(false);
    QObject::connect(allow, &QCheckBox::toggled, use, &QPushButton::setEnabled);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == use && allow->isChecked();
}
