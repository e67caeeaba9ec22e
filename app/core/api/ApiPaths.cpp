// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ApiPaths.h"

#include <QJsonDocument>
#include <QUrl>

namespace Halo::ApiPaths {

QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed()));
}

CallTarget site(const QString &guid, const QString &rest)
{
    CallTarget target;
    target.path = QStringLiteral("/integrator/sites/") + segment(guid) + rest;
    return target;
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace Halo::ApiPaths
