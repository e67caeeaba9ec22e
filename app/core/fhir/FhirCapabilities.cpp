// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirCapabilities.h"

#include "fhir/FhirIssue.h"

#include "storage/AtomicFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace Halo {

namespace {

QString stringOf(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonArray arrayOf(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toArray();
}

QList<FhirSearchParam> searchParamsOf(const QJsonArray &array)
{
    QList<FhirSearchParam> params;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        FhirSearchParam param;
        param.name = stringOf(object, "name");
        param.type = stringOf(object, "type");
        param.documentation = stringOf(object, "documentation");
        param.definition = stringOf(object, "definition");
        if (!param.name.isEmpty())
            params.append(param);
    }
    return params;
}

QList<FhirOperation> operationsOf(const QJsonArray &array)
{
    QList<FhirOperation> operations;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        FhirOperation operation;
        operation.name = stringOf(object, "name");
        // R4 names the operation without '$', but servers are known to include it.
        if (operation.name.startsWith(QLatin1Char('$')))
            operation.name.remove(0, 1);
        operation.definition = stringOf(object, "definition");
        operation.documentation = stringOf(object, "documentation");
        if (!operation.name.isEmpty())
            operations.append(operation);
    }
    return operations;
}

FhirResourceCapability resourceOf(const QJsonObject &object,
                                  const QList<FhirSearchParam> &commonParams)
{
    FhirResourceCapability resource;
    resource.type = stringOf(object, "type");
    resource.profile = stringOf(object, "profile");
    for (const QJsonValue &interaction : arrayOf(object, "interaction")) {
        const QString code = stringOf(interaction.toObject(), "code");
        if (!code.isEmpty())
            resource.interactions.append(code);
    }
    resource.searchParams = searchParamsOf(arrayOf(object, "searchParam"));
    // rest.searchParam applies to every resource type; the type's own entry wins.
    for (const FhirSearchParam &common : commonParams) {
        if (!resource.param(common.name))
            resource.searchParams.append(common);
    }
    resource.operations = operationsOf(arrayOf(object, "operation"));
    return resource;
}

// What an answer that is not a CapabilityStatement is, in a few words.
QString notCapabilityStatement(const QJsonObject &json)
{
    const QString type = stringOf(json, "resourceType");
    if (type.isEmpty())
        return QStringLiteral("the answer has no resourceType, so it is not a CapabilityStatement");
    if (type == QLatin1String("OperationOutcome")) {
        const QList<FhirIssue> issues = fhirIssuesOf(json);
        if (!issues.isEmpty() && !issues.first().text.isEmpty())
            return QStringLiteral("the server answered with an OperationOutcome: %1")
                .arg(issues.first().text);
    }
    return QStringLiteral("the answer is a %1, not a CapabilityStatement").arg(type);
}

} // namespace

const FhirSearchParam *FhirResourceCapability::param(const QString &name) const
{
    for (const FhirSearchParam &candidate : searchParams) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QStringList FhirCapabilities::resourceTypes() const
{
    QStringList types;
    for (const FhirResourceCapability &capability : resources)
        types.append(capability.type);
    return types;
}

const FhirResourceCapability *FhirCapabilities::resource(const QString &type) const
{
    for (const FhirResourceCapability &capability : resources) {
        if (capability.type == type)
            return &capability;
    }
    return nullptr;
}

std::optional<FhirCapabilities> FhirCapabilities::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                         ? QStringLiteral("the answer is not JSON (%1 at offset %2)")
                               .arg(parseError.errorString())
                               .arg(parseError.offset)
                         : QStringLiteral("the answer is not a JSON object");
        }
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (stringOf(root, "resourceType") != QLatin1String("CapabilityStatement")) {
        if (error)
            *error = notCapabilityStatement(root);
        return std::nullopt;
    }

    FhirCapabilities capabilities;
    capabilities.fhirVersion = stringOf(root, "fhirVersion");
    capabilities.version = stringOf(root, "version");
    const QJsonObject software = root.value(QLatin1String("software")).toObject();
    capabilities.softwareName = stringOf(software, "name");
    capabilities.softwareVersion = stringOf(software, "version");
    capabilities.publisher = stringOf(root, "publisher");
    capabilities.date = stringOf(root, "date");

    for (const QJsonValue &restValue : arrayOf(root, "rest")) {
        const QJsonObject rest = restValue.toObject();
        // mode is required; a statement that leaves it out is read as describing a server.
        const QString mode = stringOf(rest, "mode");
        if (!mode.isEmpty() && mode != QLatin1String("server"))
            continue;
        const QList<FhirSearchParam> common = searchParamsOf(arrayOf(rest, "searchParam"));
        for (const QJsonValue &resourceValue : arrayOf(rest, "resource")) {
            FhirResourceCapability resource = resourceOf(resourceValue.toObject(), common);
            if (!resource.type.isEmpty())
                capabilities.resources.append(resource);
        }
        capabilities.systemOperations.append(operationsOf(arrayOf(rest, "operation")));
    }
    return capabilities;
}

QStringList fhirModifiersFor(const QString &paramType)
{
    // FHIR R4 search, "Modifiers". A reference also takes a resource type (subject:Patient),
    // which cannot be listed here.
    if (paramType == QLatin1String("string"))
        return {QStringLiteral("exact"), QStringLiteral("contains"), QStringLiteral("missing")};
    if (paramType == QLatin1String("token"))
        return {QStringLiteral("text"),    QStringLiteral("not"),    QStringLiteral("above"),
                QStringLiteral("below"),   QStringLiteral("in"),     QStringLiteral("not-in"),
                QStringLiteral("of-type"), QStringLiteral("missing")};
    if (paramType == QLatin1String("reference"))
        return {QStringLiteral("identifier"), QStringLiteral("above"), QStringLiteral("below"),
                QStringLiteral("missing")};
    if (paramType == QLatin1String("uri"))
        return {QStringLiteral("above"), QStringLiteral("below"), QStringLiteral("missing")};
    if (paramType == QLatin1String("number") || paramType == QLatin1String("date") ||
        paramType == QLatin1String("quantity") || paramType == QLatin1String("composite") ||
        paramType == QLatin1String("special"))
        return {QStringLiteral("missing")};
    return {};
}

bool fhirTypeTakesPrefix(const QString &paramType)
{
    return paramType == QLatin1String("number") || paramType == QLatin1String("date") ||
           paramType == QLatin1String("quantity");
}

QStringList fhirComparisonPrefixes()
{
    return {QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
            QStringLiteral("lt"), QStringLiteral("ge"), QStringLiteral("le"),
            QStringLiteral("sa"), QStringLiteral("eb"), QStringLiteral("ap")};
}

// ---------------------------------------------------------------------------------------------

namespace {

const int kCacheFormat = 1;

// The wrapper keeps the statement exactly as received, so a newer parser can read more of it.
std::optional<FhirCapabilityCache::Entry> readCacheFile(const QString &path, const QString &siteKey)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject wrapper = QJsonDocument::fromJson(file.readAll()).object();
    if (wrapper.value(QLatin1String("format")).toInt() != kCacheFormat ||
        stringOf(wrapper, "siteKey") != siteKey)
        return std::nullopt;
    const QDateTime fetchedAt =
        QDateTime::fromString(stringOf(wrapper, "fetchedAt"), Qt::ISODateWithMs);
    std::optional<FhirCapabilities> capabilities =
        FhirCapabilities::parse(stringOf(wrapper, "capabilityStatement").toUtf8());
    if (!fetchedAt.isValid() || !capabilities)
        return std::nullopt;
    return FhirCapabilityCache::Entry{*capabilities, fetchedAt.toUTC()};
}

} // namespace

FhirCapabilityCache::FhirCapabilityCache(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{}

QString FhirCapabilityCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/fhir-capabilities");
}

QString FhirCapabilityCache::siteKeyFor(const QString &environment, const QString &baseUrl,
                                        const QString &guid)
{
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return environment + QLatin1Char('|') + base + QLatin1Char('|') + guid.trimmed().toLower();
}

QString FhirCapabilityCache::fileFor(const QString &siteKey) const
{
    // A hash: site keys contain URLs, which are no file names.
    const QByteArray hash =
        QCryptographicHash::hash(siteKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(m_directory).filePath(QString::fromLatin1(hash.left(40)) + QStringLiteral(".json"));
}

std::optional<FhirCapabilityCache::Entry> FhirCapabilityCache::find(const QString &siteKey)
{
    const auto cached = m_entries.constFind(siteKey);
    if (cached != m_entries.constEnd())
        return *cached;
    std::optional<Entry> entry = readCacheFile(fileFor(siteKey), siteKey);
    if (entry)
        m_entries.insert(siteKey, *entry);
    return entry;
}

bool FhirCapabilityCache::store(const QString &siteKey, const QByteArray &json,
                                const QDateTime &fetchedAt, QString *error)
{
    QString parseError;
    std::optional<FhirCapabilities> capabilities = FhirCapabilities::parse(json, &parseError);
    if (!capabilities) {
        if (error)
            *error = parseError;
        return false;
    }
    // Memory takes the new statement even if the disk does not: it is what the site said now.
    m_entries.insert(siteKey, Entry{*capabilities, fetchedAt.toUTC()});
    emit changed(siteKey);

    QJsonObject wrapper;
    wrapper.insert(QLatin1String("format"), kCacheFormat);
    wrapper.insert(QLatin1String("siteKey"), siteKey);
    wrapper.insert(QLatin1String("fetchedAt"), fetchedAt.toUTC().toString(Qt::ISODateWithMs));
    wrapper.insert(QLatin1String("capabilityStatement"), QString::fromUtf8(json));

    if (!makePrivateFolder(m_directory)) {
        if (error)
            *error = QStringLiteral("Could not create the folder %1").arg(m_directory);
        return false;
    }
    return writeFileAtomically(fileFor(siteKey),
                               QJsonDocument(wrapper).toJson(QJsonDocument::Compact), error);
}

void FhirCapabilityCache::forget(const QString &siteKey)
{
    m_entries.remove(siteKey);
    QFile::remove(fileFor(siteKey));
    emit changed(siteKey);
}

} // namespace Halo
