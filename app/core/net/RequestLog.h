// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

namespace Halo {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request and its answer, as the user may inspect it. The subscription key is redacted
// before an exchange is recorded, so nothing here can leak it.
struct LoggedExchange {
    quint64 id = 0;
    QDateTime startedAt;
    QByteArray method;
    QUrl url;
    HeaderList requestHeaders;
    QByteArray requestBody;
    int httpStatus = 0; // 0: no HTTP answer
    QString outcome;    // "OK" or the error's one-line explanation
    qint64 durationMs = 0;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    int attempt = 1;
    HeaderList responseHeaders;
    QByteArray responseBodyPreview; // the start of the answer, for reading

    // A cURL command line that repeats the request; the key appears as $HALO_KEY.
    QString toCurl() const;
};

// The in-memory log of every exchange with Halo Cloud (never written to disk: request bodies
// can hold patient details). Bounded, oldest first out.
class RequestLog : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(QObject *parent = nullptr);

    // Returns the id the exchange was given: the number the request log shows ("#17").
    quint64 record(LoggedExchange exchange);
    const QList<LoggedExchange> &exchanges() const { return m_exchanges; }
    void clear();
    void setCapacity(int capacity);

    static constexpr int kPreviewBytes = 64 * 1024;
    static QByteArray redactedHeaderValue(const QByteArray &name, const QByteArray &value);
    static QUrl redactedUrl(const QUrl &url);

signals:
    void exchangeRecorded(const Halo::LoggedExchange &exchange);
    void aboutToDropOldest();
    void cleared();

private:
    QList<LoggedExchange> m_exchanges;
    int m_capacity = 1000;
    quint64 m_nextId = 1;
};

} // namespace Halo
