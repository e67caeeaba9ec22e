// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

#include "net/Environment.h"

// A red "Production" beside a button that sends something, so nobody reaches a live practice
// without seeing it. Invisible for every destination that is not Production (isProduction).
class ProductionMarker : public QLabel
{
    Q_OBJECT
public:
    explicit ProductionMarker(const Halo::Endpoint &destination, QWidget *parent = nullptr);
};
