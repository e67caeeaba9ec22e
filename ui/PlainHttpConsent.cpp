// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlainHttpConsent.h"

#include "net/Environment.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PlainHttpConsent)
};

} // namespace

bool askPlainHttpConsent(QWidget *parent, const QUrl &url)
{
    const QString origin = Halo::keyOrigin(url);
    QMessageBox box(QMessageBox::Warning, Text::tr("Plain HTTP"),
                    Text::tr("%1 is plain HTTP and not on this machine: the subscription key would "
                             "cross the network unencrypted, readable by anyone on the way.")
                        .arg(origin),
                    QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("plainHttpConsent"));
    box.setAccessibleName(Text::tr("Plain HTTP"));
    box.setInformativeText(
        Text::tr("Use an https:// base URL if the service offers one. Send the key "
                 "over plain HTTP to %1 only if you trust every network between "
                 "here and there.")
            .arg(origin));
    auto *allow = new QCheckBox(Text::tr("Allow plain HTTP to %1").arg(origin), &box);
    allow->setAccessibleName(Text::tr("Allow plain HTTP"));
    box.setCheckBox(allow);
    QPushButton *use = box.addButton(Text::tr("Use this base URL"), QMessageBox::AcceptRole);
    use->setAccessibleName(Text::tr("Use this base URL"));
    use->setEnabled(false);
    QObject::connect(allow, &QCheckBox::toggled, use, &QPushButton::setEnabled);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == use && allow->isChecked();
}
