// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/CallProgress.h"

#include "net/ApiCall.h"
#include "widgets/AccessibleControls.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

CallProgress::CallProgress(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel request"), this))
{
    m_label->setAccessibleName(tr("Request in progress"));
    AccessibleControls::makeSelectable(m_label);
    m_bar->setRange(0, 0); // no total to show: Halo does not report progress for these calls
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_bar->setAccessibleName(tr("Busy"));
    m_cancel->setAccessibleName(tr("Cancel request"));
    // The text above the bar, wrapping: a narrow side panel has room for the bar and the button
    // but not for a long activity beside them.
    m_label->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_bar, 1);
    row->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addLayout(row);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        if (m_call)
            m_call->cancel();
    });
    hide();
}

CallProgress::~CallProgress()
{
    if (m_call)
        disconnect(m_call, nullptr, this, nullptr);
}

void CallProgress::track(Halo::ApiCall *call, const QString &activity)
{
    if (m_call)
        disconnect(m_call, nullptr, this, nullptr);
    m_call = call;
    m_activity = activity;
    m_label->setText(activity);
    connect(call, &Halo::ApiCall::finished, this, &CallProgress::finish);
    connect(call, &Halo::ApiCall::retryScheduled, this,
            [this](int nextAttempt, int delayMs, const Halo::ApiError &reason) {
                m_label->setText(tr("%1 (%2; trying again in %3 s, attempt %4)")
                                     .arg(m_activity, reason.title())
                                     .arg(qMax(1, (delayMs + 999) / 1000))
                                     .arg(nextAttempt));
            });
    show();
    emit busyChanged(true);
}

void CallProgress::finish()
{
    m_call = nullptr;
    m_label->clear();
    emit busyChanged(false); // before hiding, so that a listener can still see where focus was
    hide();
}
