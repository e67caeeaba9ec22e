// SPDX-License-Identifier: GPL-3.0-or-later
#include "SiteListNotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

SiteListNotice::SiteListNotice(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_undo(new QPushButton(tr("&Undo remove"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("siteListNotice"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("siteListNoticeText"));
    m_text->setAccessibleName(tr("Site list notice"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // file names and server text are never markup
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_undo->setObjectName(QStringLiteral("undoRemoveSites"));
    m_undo->setAccessibleName(tr("Undo remove"));
    m_dismiss->setObjectName(QStringLiteral("dismissSiteListNotice"));
    m_dismiss->setAccessibleName(tr("Dismiss notice"));
    connect(m_undo, &QPushButton::clicked, this, &SiteListNotice::undoRequested);
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo, 0, Qt::AlignTop);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    hide();
}

void SiteListNotice::showText(const QString &text, bool offerUndo)
{
    m_text->setText(text);
    // The text is also the description, so a screen reader announcing the frame reads it.
    m_text->setAccessibleDescription(text);
    m_undo->setVisible(offerUndo);
    show();
}

QString SiteListNotice::text() const
{
    return m_text->text();
}
