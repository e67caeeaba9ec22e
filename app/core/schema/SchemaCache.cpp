// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema/SchemaCache.h"

#include "storage/AtomicFile.h"
#include "storage/PortableFileName.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace Halo {

namespace {

constexpr int kFormat = 1;
// Long enough for any real environment, GUID and catalogue; a name longer still is cut.
constexpr int kMaxStem = 245;

QString stringOf(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1String(name)).toString();
}

} // namespace

SchemaCache::SchemaCache(const QString &directory)
    : m_directory(directory)
{}

QString SchemaCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/schemas");
}

QString SchemaCache::keyFor(const QString &environment, const QString &baseUrl, const QString &guid,
                            const QString &catalogue)
{
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return environment + QLatin1Char('|') + base + QLatin1Char('|') + guid.trimmed().toLower() +
           QLatin1Char('|') + catalogue.trimmed();
}

QString SchemaCache::fileFor(const QString &environment, const QString &guid,
                             const QString &catalogue) const
{
    const QString stem =
        environment + QLatin1Char('-') + guid.trimmed().toLower() + QLatin1Char('-') +
        (catalogue.trimmed().isEmpty() ? QStringLiteral("default") : catalogue.trimmed());
    return QDir(m_directory).filePath(portableFileName(stem, QStringLiteral("json"), kMaxStem));
}

QByteArray SchemaCache::toJson(const QString &key, const SchemaSnapshot &schema)
{
    QJsonArray tables;
    for (const SchemaTable &table : schema.tables) {
        QJsonArray columns;
        for (const SchemaColumn &column : table.columns)
            columns.append(QJsonObject{{QStringLiteral("name"), column.name},
                                       {QStringLiteral("type"), column.type},
                                       {QStringLiteral("nullable"), column.nullable}});
        tables.append(QJsonObject{{QStringLiteral("schema"), table.schema},
                                  {QStringLiteral("name"), table.name},
                                  {QStringLiteral("view"), table.isView},
                                  {QStringLiteral("columns"), columns}});
    }
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("key"), key},
        {QStringLiteral("engine"), schema.engine},
        {QStringLiteral("catalogue"), schema.catalogue},
        {QStringLiteral("readAt"), schema.readAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("tables"), tables}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<SchemaSnapshot> SchemaCache::fromJson(const QByteArray &json, const QString &key)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value(QLatin1String("format")).toInt() != kFormat || stringOf(root, "key") != key)
        return std::nullopt;
    SchemaSnapshot schema;
    schema.engine = stringOf(root, "engine");
    schema.catalogue = stringOf(root, "catalogue");
    schema.readAt = QDateTime::fromString(stringOf(root, "readAt"), Qt::ISODateWithMs);
    if (!schema.readAt.isValid())
        return std::nullopt;
    const QJsonArray tables = root.value(QLatin1String("tables")).toArray();
    schema.tables.reserve(tables.size());
    for (const QJsonValue &tableValue : tables) {
        const QJsonObject object = tableValue.toObject();
        SchemaTable table;
        table.schema = stringOf(object, "schema");
        table.name = stringOf(object, "name");
        table.isView = object.value(QLatin1String("view")).toBool();
        if (table.name.isEmpty())
            return std::nullopt;
        const QJsonArray columns = object.value(QLatin1String("columns")).toArray();
        table.columns.reserve(columns.size());
        for (const QJsonValue &columnValue : columns) {
            const QJsonObject entry = columnValue.toObject();
            table.columns.append({stringOf(entry, "name"), stringOf(entry, "type"),
                                  entry.value(QLatin1String("nullable")).toBool(true)});
        }
        schema.tables.append(table);
    }
    return schema;
}

std::optional<SchemaSnapshot> SchemaCache::load(const QString &environment, const QString &baseUrl,
                                                const QString &guid, const QString &catalogue) const
{
    QFile file(fileFor(environment, guid, catalogue));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return fromJson(file.readAll(), keyFor(environment, baseUrl, guid, catalogue));
}

bool SchemaCache::store(const QString &environment, const QString &baseUrl, const QString &guid,
                        const QString &catalogue, const SchemaSnapshot &schema,
                        QString *error) const
{
    if (!makePrivateFolder(m_directory)) {
        if (error)
            *error =
                tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    return writeFileAtomically(fileFor(environment, guid, catalogue),
                               toJson(keyFor(environment, baseUrl, guid, catalogue), schema),
                               error);
}

} // namespace Halo
