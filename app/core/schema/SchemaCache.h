// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

#include "schema/SchemaSnapshot.h"

namespace Halo {

// Schemas read from practices, kept on disk per (environment, site, catalogue): tables, columns,
// types and nullability and when they were read, never any data. One JSON file each, written
// atomically (a failed write leaves the file that was there). The calls are reentrant: a worker
// thread may load or store while the GUI thread carries on.
class SchemaCache
{
    Q_DECLARE_TR_FUNCTIONS(Halo::SchemaCache)
public:
    explicit SchemaCache(const QString &directory = defaultDirectory());
    static QString defaultDirectory(); // <AppDataLocation>/schemas
    QString directory() const { return m_directory; }

    // Names one catalogue of one site on one service; an empty catalogue is the site's default.
    static QString keyFor(const QString &environment, const QString &baseUrl, const QString &guid,
                          const QString &catalogue);
    // The file a key's schema is kept in: readable, and portable to every file system.
    QString fileFor(const QString &environment, const QString &guid,
                    const QString &catalogue) const;

    // The schema kept for the key, or nullopt when there is none or its file does not read as
    // one (another key's file, another format).
    std::optional<SchemaSnapshot> load(const QString &environment, const QString &baseUrl,
                                       const QString &guid, const QString &catalogue) const;
    // Writes the schema (its readAt included); false with the reason when it could not.
    bool store(const QString &environment, const QString &baseUrl, const QString &guid,
               const QString &catalogue, const SchemaSnapshot &schema,
               QString *error = nullptr) const;

    // The file's contents for a schema, and back; fromJson is nullopt for anything else.
    static QByteArray toJson(const QString &key, const SchemaSnapshot &schema);
    static std::optional<SchemaSnapshot> fromJson(const QByteArray &json, const QString &key);

private:
    QString m_directory;
};

} // namespace Halo
