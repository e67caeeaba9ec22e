// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/RequestLog.h"

#include <QUrlQuery>

namespace Halo {

namespace {

const QByteArray kKeyHeader = QByteArrayLiteral("Ocp-Apim-Subscription-Key");
const QString kKeyParameter = QStringLiteral("subscription-key");

// Single quotes for the shell, where nothing inside is expanded.
QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString LoggedExchange::toCurl() const
{
    QStringList parts{QStringLiteral("curl")};
    if (method != "GET")
        parts << QStringLiteral("-X") << QString::fromLatin1(method);
    parts << shellQuote(url.toString(QUrl::FullyEncoded));
    for (const auto &header : requestHeaders) {
        if (header.first.compare(kKeyHeader, Qt::CaseInsensitive) == 0) {
            // Double quotes so the shell substitutes the key from the environment.
            parts << QStringLiteral("-H")
                  << QStringLiteral("\"%1: $HALO_KEY\"").arg(QString::fromLatin1(kKeyHeader));
            continue;
        }
        parts << QStringLiteral("-H")
              << shellQuote(QString::fromLatin1(header.first) + QStringLiteral(": ") +
                            QString::fromUtf8(header.second));
    }
    if (!requestBody.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(QString::fromUtf8(requestBody));
    return parts.join(QLatin1Char(' '));
}

RequestLog::RequestLog(QObject *parent)
    : QObject(parent)
{}

QByteArray RequestLog::redactedHeaderValue(const QByteArray &name, const QByteArray &value)
{
    if (name.compare(kKeyHeader, Qt::CaseInsensitive) == 0 ||
        name.compare("Authorization", Qt::CaseInsensitive) == 0)
        return QByteArrayLiteral("[redacted]");
    return value;
}

QUrl RequestLog::redactedUrl(const QUrl &url)
{
    QUrlQuery query(url);
    if (!query.hasQueryItem(kKeyParameter))
        return url;
    query.removeAllQueryItems(kKeyParameter);
    query.addQueryItem(kKeyParameter, QStringLiteral("[redacted]"));
    QUrl redacted = url;
    redacted.setQuery(query);
    return redacted;
}

quint64 RequestLog::record(LoggedExchange exchange)
{
    exchange.id = m_nextId++;
    exchange.url = redactedUrl(exchange.url);
    for (auto &header : exchange.requestHeaders)
        header.second = redactedHeaderValue(header.first, header.second);
    exchange.responseBodyPreview.truncate(kPreviewBytes);
    if (m_exchanges.size() >= m_capacity) {
        emit aboutToDropOldest();
        m_exchanges.removeFirst();
    }
    m_exchanges.append(exchange);
    emit exchangeRecorded(m_exchanges.last());
    return exchange.id;
}

void RequestLog::clear()
{
    m_exchanges.clear();
    emit cleared();
}

void RequestLog::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    while (m_exchanges.size() > m_capacity) {
        emit aboutToDropOldest();
        m_exchanges.removeFirst();
    }
}

} // namespace Halo
