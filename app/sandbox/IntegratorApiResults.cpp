// SPDX-License-Identifier: GPL-3.0-or-later
// What queries leave behind: a query's status, the batch status of async queries, and the
// pages of an async result.
#include "IntegratorApi.h"

#include "IntegratorApi_p.h"
#include "SampleSites.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sandbox {

using detail::jsonReply;

ApiReply IntegratorApi::queryStatus(const SampleSite &site, const QString &queryId)
{
    const QueryRecord *record = m_queries.find(site.guid, queryId);
    if (!record)
        return error(404, QStringLiteral("Query %1 was not found for this site.").arg(queryId));
    return jsonReply(200, QueryStore::toJson(*record, QDateTime::currentDateTimeUtc()));
}

ApiReply IntegratorApi::batchStatus(const SampleSite &site, const ApiRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonValue ids = document.object().value(QStringLiteral("queryIds"));
    if (!ids.isArray())
        return error(400,
                     QStringLiteral("'queryIds' is required and must be an array of query ids."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray results;
    for (const QJsonValue &id : ids.toArray()) {
        if (!id.isString())
            return error(400, QStringLiteral("Every entry of 'queryIds' must be a string."));
        const QueryRecord *record = m_queries.find(site.guid, id.toString());
        if (record && record->mode != QLatin1String("async"))
            record = nullptr; // the batch endpoint reports async queries only
        QJsonObject entry{{QStringLiteral("queryId"), id.toString()},
                          {QStringLiteral("status"),
                           record ? QStringLiteral("found") : QStringLiteral("notFound")}};
        if (record)
            entry.insert(QStringLiteral("query"), QueryStore::toJson(*record, now));
        results.append(entry);
    }
    return jsonReply(200, QJsonObject{{QStringLiteral("results"), results}});
}

ApiReply IntegratorApi::resultPage(const SampleSite &site, const QString &queryId,
                                   const QString &pageText, bool stream)
{
    bool isNumber = false;
    const int pageNumber = pageText.toInt(&isNumber);
    if (!isNumber || pageNumber < 1)
        return error(400, QStringLiteral("The page number must be an integer of 1 or more."));
    const QueryRecord *record = m_queries.find(site.guid, queryId);
    if (!record || record->mode != QLatin1String("async"))
        return error(404, QStringLiteral("Query %1 was not found for this site.").arg(queryId));
    switch (QueryStore::pageState(*record, pageNumber, QDateTime::currentDateTimeUtc())) {
    case QueryStore::PageState::NoSuchPage:
        return error(404, QStringLiteral("The query has no result page %1.").arg(pageNumber));
    case QueryStore::PageState::NotReady:
        return error(404, QStringLiteral("Result page %1 is not available yet; check the query's "
                                         "status.")
                              .arg(pageNumber));
    case QueryStore::PageState::Expired:
        return error(410, QStringLiteral("Access to the target resource is permanently no longer "
                                         "available at the origin server."));
    case QueryStore::PageState::Ready:
        break;
    }
    const ResultPage &page = record->pages.at(pageNumber - 1);
    ApiReply reply;
    if (stream) {
        reply.body = QByteArray::fromBase64(page.data);
    } else {
        QJsonObject json;
        if (!record->nonQuery)
            json.insert(QStringLiteral("data"), QString::fromLatin1(page.data));
        json.insert(QStringLiteral("parameters"), record->outputParameters);
        reply.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    }
    reply.headers = {{QByteArrayLiteral("Size"), QByteArray::number(page.decodedSize)},
                     {QByteArrayLiteral("Rows-Count"), QByteArray::number(page.rowCount)},
                     {QByteArrayLiteral("Rows-Range-Start"), QByteArray::number(page.rangeStart)},
                     {QByteArrayLiteral("Rows-Range-End"), QByteArray::number(page.rangeEnd)}};
    return reply;
}

} // namespace Sandbox
