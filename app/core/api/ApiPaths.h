// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "net/ApiCall.h"

namespace Halo {

// How the typed calls spell their requests: paths below the base URL and JSON bodies.
namespace ApiPaths {

inline const QByteArray kJson = QByteArrayLiteral("application/json");
inline const QByteArray kForm = QByteArrayLiteral("application/x-www-form-urlencoded");

// One path segment from a value a user typed: it must not add segments or a query.
QString segment(const QString &value);
// /integrator/sites/{guid}{rest}, e.g. rest "/queries/immediate".
CallTarget site(const QString &guid, const QString &rest = QString());
QByteArray compact(const QJsonObject &json);

} // namespace ApiPaths
} // namespace Halo
