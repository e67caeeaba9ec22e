// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/SchemaReader.h"

#include "api/HaloApiClient.h"
#include "net/ApiError.h"
#include "results/ResultDecoder.h"
#include "schema/SchemaCache.h"
#include "services/AsyncQueryRunner.h"
#include "services/QueryService.h"
#include "sql/QueryTypes.h"

#include <QTimer>

#include <QtConcurrent>
#include <utility>

namespace Halo {

SchemaReader::SchemaReader(QueryService *queries, SchemaCache *cache, QObject *parent)
    : QObject(parent)
    , m_queries(queries)
    , m_cache(cache)
    , m_runner(new AsyncQueryRunner(queries, this))
{
    connect(m_runner, &AsyncQueryRunner::pageReady, this, &SchemaReader::onPage);
    connect(m_runner, &AsyncQueryRunner::finished, this, &SchemaReader::onFinished);
    connect(m_runner, &AsyncQueryRunner::failed, this, &SchemaReader::onFailed);
    connect(&m_parsing, &QFutureWatcher<Parsed>::finished, this, [this]() {
        if (m_parsing.property("generation").toULongLong() != m_generation || !m_reading)
            return; // a read that was stopped or replaced meanwhile
        const Parsed parsed = m_parsing.result();
        m_reading = false;
        if (!parsed.ok)
            emit failed(parsed.error);
        else
            emit schemaRead(parsed.schema, parsed.cacheError);
    });
}

SchemaReader::~SchemaReader()
{
    m_runner->stop();
    m_parsing.waitForFinished(); // the worker writes the cache file; let it finish
}

void SchemaReader::setPollIntervals(int firstMs, int maxMs)
{
    m_runner->setPollIntervals(firstMs, maxMs);
}

void SchemaReader::stop()
{
    ++m_generation;
    m_reading = false;
    m_rows = ResultTable();
    if (m_runner->isRunning())
        m_runner->stop();
}

void SchemaReader::read(const Target &target)
{
    stop();
    m_target = target;
    m_reading = true;
    if (target.guid.isEmpty()) {
        fail(tr("Choose a site first: the schema is read from the selected site."));
        return;
    }
    if (!m_queries->client()->hasSubscriptionKey()) {
        fail(tr("No subscription key: add the key for this environment to read the schema."));
        return;
    }
    QueryCommand command;
    command.text = SchemaDialect::catalogueQuery(SchemaDialect::engineFor(target.pmsType));
    command.catalogue = target.catalogue;
    m_runner->submit(target.guid, command);
}

void SchemaReader::fail(const QString &message)
{
    // Said on the next turn of the event loop, as an answer would be.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, message]() {
        if (generation != m_generation)
            return;
        m_reading = false;
        emit failed(message);
    });
}

void SchemaReader::onPage(const ResultPageInfo &, const DecodedResult &result)
{
    if (m_reading && result.isTable())
        m_rows.append(result.table);
}

void SchemaReader::onFailed(const ApiError &error)
{
    if (!m_reading)
        return;
    m_reading = false;
    m_rows = ResultTable();
    emit failed(error.oneLine());
}

void SchemaReader::onFinished(const QueryInfo &info)
{
    if (!m_reading)
        return;
    if (!info.isSuccessful()) {
        m_reading = false;
        m_rows = ResultTable();
        emit failed(info.failure.isError() ? info.failure.oneLine()
                                           : tr("The catalogue query ended %1.").arg(info.status));
        return;
    }
    const Target target = m_target;
    const ResultTable rows = std::exchange(m_rows, ResultTable());
    SchemaCache *cache = m_cache;
    const QString cacheDirectory = cache ? cache->directory() : QString();
    m_parsing.setProperty("generation", QVariant::fromValue(m_generation));
    m_parsing.setFuture(
        QtConcurrent::run([target, rows, cacheDirectory, keep = cache != nullptr]() {
            Parsed parsed;
            const SchemaDialect::Engine engine = SchemaDialect::engineFor(target.pmsType);
            parsed.ok = SchemaDialect::read(engine, rows, &parsed.schema, &parsed.error);
            if (!parsed.ok)
                return parsed;
            parsed.schema.catalogue = target.catalogue;
            parsed.schema.readAt = QDateTime::currentDateTimeUtc();
            if (keep)
                SchemaCache(cacheDirectory)
                    .store(target.environment, target.baseUrl, target.guid, target.catalogue,
                           parsed.schema, &parsed.cacheError);
            return parsed;
        }));
}

} // namespace Halo
