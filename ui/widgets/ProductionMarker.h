#pragma once

#include <QLabel>

#include "net/Environment.h"

// A red "Production" beside a button that sends something, so nobody reaches a live practice
// without seeing it. Invisible in every other environment.
class ProductionMarker : public QLabel
{
    Q_OBJECT
public:
    explicit ProductionMarker(Halo::Environment environment, QWidget *parent = nullptr);
};
