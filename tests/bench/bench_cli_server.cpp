// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_cli_server.h"

#include "sql/QueryTypes.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace BenchCli {

QByteArray askSandbox(const QString &baseUrl, const QString &sql, QString *why)
{
    Halo::QueryCommand command;
    command.text = sql;
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/integrator/sites/") +
                                 QLatin1String(kSite) + QStringLiteral("/queries/immediate")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Ocp-Apim-Subscription-Key", kKey);
    QNetworkReply *reply =
        network.post(request, QJsonDocument(command.bodyJson()).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    if (status != 200) {
        *why = QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(300)));
        return {};
    }
    return body;
}

} // namespace BenchCli
