// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include <Qsci/qsciglobal.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QString resourceText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

Halo::BuildInfo AboutDialog::buildInfo()
{
    Halo::BuildInfo info = Halo::BuildInfo::current();
    info.add(QStringLiteral("QScintilla"), QStringLiteral(QSCINTILLA_VERSION_STR));
    return info;
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Halo Explorer"));
    const Halo::BuildInfo info = buildInfo();

    auto *heading = new QLabel(
        tr("<b>Halo Explorer %1</b><br>A desktop explorer for the Halo Cloud API: sites, SQL "
           "and FHIR queries, and what went over the wire.<br>Free software under the GNU "
           "General Public License, version 3 or later.")
            .arg(info.applicationVersion().toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    heading->setAccessibleName(tr("Halo Explorer"));

    QString versions;
    for (const Halo::ComponentVersion &component : info.components())
        versions += QStringLiteral("%1: %2\n").arg(component.name, component.version);
    versions += QStringLiteral("%1: %2\n").arg(tr("Operating system"), info.operatingSystem());

    QString licence = resourceText(QStringLiteral(":/legal/LICENSE"));
    if (licence.isEmpty())
        licence = tr("GNU General Public License, version 3 or later: "
                     "https://www.gnu.org/licenses/gpl-3.0.html");
    QString notices = resourceText(QStringLiteral(":/legal/third-party-notices.txt"));
    if (notices.isEmpty())
        notices = tr("Qt (LGPL-3.0), QScintilla (GPL-3.0), QtKeychain (BSD), SQLite (public "
                     "domain).");

    auto *pages = new QTabWidget(this);
    pages->setAccessibleName(tr("About sections"));
    pages->tabBar()->setAccessibleName(tr("About sections"));
    pages->addTab(textPage(tr("Versions"), versions), tr("&Versions"));
    pages->addTab(textPage(tr("Licence"), licence), tr("&Licence"));
    pages->addTab(textPage(tr("Third-party notices"), notices), tr("&Third-party notices"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyVersionsButton"));
    copy->setAccessibleName(tr("Copy versions"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(copy, &QPushButton::clicked, this,
            [versions]() { QApplication::clipboard()->setText(versions); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(pages, 1);
    layout->addWidget(buttons);
    resize(640, 480);
}

QPlainTextEdit *AboutDialog::textPage(const QString &name, const QString &text)
{
    auto *page = new QPlainTextEdit(this);
    page->setObjectName(name);
    page->setAccessibleName(name);
    page->setReadOnly(true);
    // Read-only, yet the keys move through it and select, as in a text viewer.
    page->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    page->setPlainText(text);
    return page;
}
