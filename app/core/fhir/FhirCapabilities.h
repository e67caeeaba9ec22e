// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Halo {

struct FhirSearchParam {
    QString name;          // e.g. family, birthdate, _id, _count
    QString type;          // FHIR SearchParamType: string | token | date | reference | number ...
    QString documentation; // the server's own words, shown as help
    QString definition;
};

struct FhirOperation {
    QString name; // without the '$', e.g. summary
    QString definition;
    QString documentation;
};

// What a site's FHIR facade says it can do for one resource type.
struct FhirResourceCapability {
    QString type; // e.g. Patient
    QString profile;
    QStringList interactions; // e.g. read, search-type
    QList<FhirSearchParam> searchParams;
    QList<FhirOperation> operations;

    bool supports(const QString &interaction) const { return interactions.contains(interaction); }
    const FhirSearchParam *param(const QString &name) const; // nullptr when not listed
};

// A site's CapabilityStatement (GET fhir/R4/metadata), read for what the FHIR tab offers:
// resource types, each type's search parameters and operations, and system-level operations.
// Written from the FHIR R4 specification; unknown members are ignored.
struct FhirCapabilities {
    QString fhirVersion;     // e.g. 4.0.1
    QString version;         // CapabilityStatement.version: the Halo Link build
    QString softwareName;    // software.name
    QString softwareVersion; // software.version
    QString publisher;
    QString date;                            // as sent
    QList<FhirResourceCapability> resources; // rest[mode=server].resource, in the server's order
    QList<FhirOperation> systemOperations;   // rest[mode=server].operation

    QStringList resourceTypes() const;
    const FhirResourceCapability *resource(const QString &type) const; // nullptr when absent
    bool isEmpty() const { return resources.isEmpty(); }

    // nullopt with a plain `error` when `json` is not a CapabilityStatement.
    static std::optional<FhirCapabilities> parse(const QByteArray &json, QString *error = nullptr);
};

// The modifiers FHIR R4 defines for a search parameter type, without the ':' (e.g. string ->
// exact, contains, missing; token -> text, not, above, below, in, not-in, of-type, missing).
QStringList fhirModifiersFor(const QString &paramType);
// Whether values of this type take a comparison prefix (eq ne gt lt ge le sa eb ap).
bool fhirTypeTakesPrefix(const QString &paramType);
QStringList fhirComparisonPrefixes();

// CapabilityStatements per site, kept in memory and in the application's cache folder so the
// FHIR tab can offer types at once; refreshed on request. A CapabilityStatement holds no patient
// data. Files are written atomically; a failed write keeps the previous file and is reported.
class FhirCapabilityCache : public QObject
{
    Q_OBJECT
public:
    struct Entry {
        FhirCapabilities capabilities;
        QDateTime fetchedAt; // UTC
    };

    explicit FhirCapabilityCache(const QString &directory = defaultDirectory(),
                                 QObject *parent = nullptr);
    static QString defaultDirectory(); // <CacheLocation>/fhir-capabilities
    QString directory() const { return m_directory; }

    // `siteKey` names one site on one service, e.g. from siteKeyFor().
    static QString siteKeyFor(const QString &environment, const QString &baseUrl,
                              const QString &guid);

    // From memory, else from the folder (a file that does not parse counts as absent).
    std::optional<Entry> find(const QString &siteKey);
    // Parses `json` first: nothing is stored when it is not a CapabilityStatement.
    bool store(const QString &siteKey, const QByteArray &json, const QDateTime &fetchedAt,
               QString *error = nullptr);
    void forget(const QString &siteKey);

signals:
    void changed(const QString &siteKey);

private:
    QString fileFor(const QString &siteKey) const;

    QString m_directory;
    QHash<QString, Entry> m_entries;
};

} // namespace Halo
