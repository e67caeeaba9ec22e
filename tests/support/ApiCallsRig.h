// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the typed-call suites (tst_apicalls*.cpp) share: the sandbox they start, typed waiting,
// the test's own reading of bodies (QJsonDocument and a base64 decode, not the app's parsers),
// and a client pointed at a CannedServer.
#include "CannedServer.h"
#include "ClientCalls.h"
#include "SandboxOptions.h"
#include "SandboxRig.h"
#include "SandboxSamples.h"
#include "api/HaloApiClient.h"
#include "results/ResultTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QtTest>

#include <memory>

inline const QString kKey = QStringLiteral("apicalls-test-key-93be10f4a6c2");
inline const QString kGuid = QStringLiteral("0d3c6a52-9f1e-4b7a-8c2d-5e6f7a8b9c0d");

inline Sandbox::SandboxOptions sandboxOptions()
{
    Sandbox::SandboxOptions options = keyedOptions(kKey, 20);
    options.pageBytes = 2 * 1024;
    return options;
}

using Halo::ApiCall;
using Halo::ApiError;
using Kind = Halo::ApiError::Kind;
using Sandbox::SiteScenario;

// Waits for a call and keeps it, typed as it was given.
template <typename Call> std::unique_ptr<Call> awaitCall(Call *call, int timeoutMs = kCallTimeoutMs)
{
    await(call, timeoutMs).release();
    return std::unique_ptr<Call>(call);
}

// ---- The test's own reading of bodies ----

inline QJsonObject objectOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// What a base64 `data` holds: the sandbox writes a JSON array of row objects.
inline QJsonArray rowsOfData(const QString &base64)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(base64.toLatin1())).array();
}

// Where a decoded table differs from rows read here (cell by cell, by column name); empty when
// it does not. Integers and text only: what the queries of these tests select.
inline QString tableDifference(const Halo::ResultTable &table, const QJsonArray &rows)
{
    if (table.rowCount() != rows.size())
        return QStringLiteral("%1 rows decoded, %2 in the body")
            .arg(table.rowCount())
            .arg(rows.size());
    if (rows.isEmpty())
        return QString();
    QStringList bodyColumns = rows.first().toObject().keys();
    QStringList columns = table.columns();
    bodyColumns.sort();
    columns.sort();
    if (columns != bodyColumns)
        return QStringLiteral("columns %1, in the body %2")
            .arg(columns.join(QLatin1Char(',')), bodyColumns.join(QLatin1Char(',')));
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject expected = rows.at(row).toObject();
        for (int column = 0; column < table.columnCount(); ++column) {
            const QJsonValue value = expected.value(table.columns().at(column));
            const Halo::ResultCell cell = table.cell(row, column);
            const bool same = value.isDouble() ? cell.toInteger() == value.toInteger()
                              : value.isNull() ? cell.isNull()
                                               : cell.text() == value.toString();
            if (!same)
                return QStringLiteral("row %1 column %2: %3, in the body %4")
                    .arg(row)
                    .arg(table.columns().at(column), cell.toDisplayString(),
                         value.toVariant().toString());
        }
    }
    return QString();
}

#define COMPARE_TABLE(table, rows)                                                                 \
    do {                                                                                           \
        const QString difference = tableDifference((table), (rows));                               \
        QVERIFY2(difference.isEmpty(), qPrintable(difference));                                    \
    } while (false)

// A client pointed at a CannedServer, with the suites' key.
struct CannedRig {
    CannedRig()
    {
        listening = server.listen();
        client.setEndpoint({Halo::Environment::Custom, server.baseUrl()});
        client.setSubscriptionKey(kKey);
    }
    CannedServer server;
    Halo::HaloApiClient client;
    bool listening = false;
};

#define START_CANNED(name)                                                                         \
    CannedRig name;                                                                                \
    QVERIFY(name.listening)
