// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "net/Environment.h"

class QLabel;

// A coloured band across the top of the window naming the environment in use, so nobody sends
// a query to Production believing it is Stage.
class EnvironmentBanner : public QWidget
{
    Q_OBJECT
public:
    explicit EnvironmentBanner(QWidget *parent = nullptr);
    void setEndpoint(const Halo::Endpoint &endpoint);

private:
    QLabel *m_label;
};
