// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "results/ResultTable.h"
#include "schema/SchemaDialect.h"
#include "schema/SchemaSnapshot.h"

namespace Halo {

class AsyncQueryRunner;
class QueryService;
class SchemaCache;
struct ApiError;
struct QueryInfo;
struct ResultPageInfo;
struct DecodedResult;

// Reads one catalogue's schema from a practice: the engine's catalogue query (SchemaDialect) as
// an async query through the QueryService, so a slow site never holds anything up; its pages
// are gathered, then read into a SchemaSnapshot and kept in the SchemaCache on a worker thread.
// Nothing is sent without a subscription key.
class SchemaReader : public QObject
{
    Q_OBJECT
public:
    struct Target {
        QString environment; // environmentId()
        QString baseUrl;     // custom environments only
        QString guid;
        QString pmsType;   // BestPractice | Zedmed | D4w: which engine's query
        QString catalogue; // empty: the site's default
    };

    // `cache` may be null: the schema is then not kept.
    SchemaReader(QueryService *queries, SchemaCache *cache, QObject *parent = nullptr);
    ~SchemaReader() override;

    void setPollIntervals(int firstMs, int maxMs);
    // Starts reading (stopping a read in progress). Fails at once, sending nothing, without a
    // site or a key.
    void read(const Target &target);
    void stop(); // the read in progress is forgotten; nothing more is reported for it
    bool isReading() const { return m_reading; }

signals:
    // The schema as read; `cacheError` says why it could not be kept (empty when it was).
    void schemaRead(const Halo::SchemaSnapshot &schema, const QString &cacheError);
    void failed(const QString &message);

private:
    struct Parsed {
        bool ok = false;
        SchemaSnapshot schema;
        QString error;      // why the rows are no schema
        QString cacheError; // why it was not kept
    };
    void onPage(const ResultPageInfo &page, const DecodedResult &result);
    void onFinished(const QueryInfo &info);
    void onFailed(const ApiError &error);
    void fail(const QString &message);

    QueryService *m_queries;
    SchemaCache *m_cache;
    AsyncQueryRunner *m_runner;
    QFutureWatcher<Parsed> m_parsing;
    Target m_target;
    ResultTable m_rows;
    bool m_reading = false;
    quint64 m_generation = 0;
};

} // namespace Halo
