// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Halo {
class ApiCall;
}

// Shows that a call to Halo Cloud is running: what it is doing, a busy bar, and a Cancel button
// that cancels the call. Hidden when nothing runs.
class CallProgress : public QWidget
{
    Q_OBJECT
public:
    explicit CallProgress(QWidget *parent = nullptr);
    ~CallProgress() override;

    void track(Halo::ApiCall *call, const QString &activity);
    bool isBusy() const { return !m_call.isNull(); }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void busyChanged(bool busy);

private:
    void finish();

    QPointer<Halo::ApiCall> m_call;
    QString m_activity;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};
