// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteStore.h"

#include "sites/SiteInfo.h"

#include "storage/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <iterator>
#include <utility>

namespace Halo {

namespace {

constexpr int kFormatVersion = 1;

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QString &text)
{
    return parseHaloTime(text);
}

// Only the fields named here are read or written: the format has no place for a key, and
// unknown fields in an imported file (a key pasted in by someone, say) are never taken over.
QJsonObject toJson(const SiteRecord &site)
{
    QJsonObject object{
        {QStringLiteral("environment"), site.environment},
        {QStringLiteral("guid"), site.guid},
        {QStringLiteral("pmsType"), site.pmsType},
        {QStringLiteral("pmsId"), site.pmsId},
        {QStringLiteral("recorded"),
         QJsonObject{{QStringLiteral("practiceName"), site.recorded.practiceName},
                     {QStringLiteral("pmsVersion"), site.recorded.pmsVersion},
                     {QStringLiteral("haloLinkVersion"), site.recorded.haloLinkVersion},
                     {QStringLiteral("recordedAt"), timeText(site.recorded.recordedAt)}}},
        {QStringLiteral("notes"), site.notes},
        {QStringLiteral("addedAt"), timeText(site.addedAt)},
        {QStringLiteral("previousGuids"), QJsonArray::fromStringList(site.previousGuids)}};
    if (!site.baseUrl.isEmpty())
        object.insert(QStringLiteral("baseUrl"), site.baseUrl);
    // Added later, so written only when set: a list without them reads as it always did.
    if (!site.label.isEmpty())
        object.insert(QStringLiteral("label"), site.label);
    if (!site.tags.isEmpty())
        object.insert(QStringLiteral("tags"), QJsonArray::fromStringList(site.tags));
    return object;
}

SiteRecord fromJson(const QJsonObject &object)
{
    auto text = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    const QJsonObject recorded = object.value(QLatin1String("recorded")).toObject();
    SiteRecord site;
    site.environment = text(object, "environment");
    site.baseUrl = text(object, "baseUrl");
    site.guid = text(object, "guid");
    site.pmsType = text(object, "pmsType");
    site.pmsId = text(object, "pmsId");
    site.recorded.practiceName = text(recorded, "practiceName");
    site.recorded.pmsVersion = text(recorded, "pmsVersion");
    site.recorded.haloLinkVersion = text(recorded, "haloLinkVersion");
    site.recorded.recordedAt = parseTime(text(recorded, "recordedAt"));
    site.label = text(object, "label");
    site.notes = text(object, "notes");
    for (const QJsonValue &tag : object.value(QLatin1String("tags")).toArray())
        site.tags.append(tag.toString());
    site.addedAt = parseTime(text(object, "addedAt"));
    for (const QJsonValue &guid : object.value(QLatin1String("previousGuids")).toArray())
        site.previousGuids.append(guid.toString());
    return site;
}

QByteArray documentFor(const QList<SiteRecord> &sites)
{
    QJsonArray array;
    for (const SiteRecord &site : sites)
        array.append(toJson(site));
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), kFormatVersion},
                                     {QStringLiteral("sites"), array}})
        .toJson(QJsonDocument::Indented);
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error,
                     FileAccess access = FileAccess::OwnerOnly)
{
    QString reason;
    if (writeFileAtomically(path, data, &reason, MissingFolder::Create, access))
        return true;
    setError(error, reason);
    return false;
}

// Reads a site-list file. Fails on anything but a readable version-1 document with a site array;
// the entries themselves are returned as they are, for the caller to check.
bool readDocument(const QString &path, QJsonArray *entries, QString *error)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QCoreApplication::translate("Halo::SiteStore", "Could not read %1: %2")
                            .arg(shownPath, file.errorString()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error,
                 QCoreApplication::translate("Halo::SiteStore",
                                             "%1 is not a valid site list: %2 at offset %3.")
                     .arg(shownPath, parseError.errorString(), QString::number(parseError.offset)));
        return false;
    }
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!document.isObject() || !version.isDouble() ||
        !root.value(QLatin1String("sites")).isArray()) {
        setError(error, QCoreApplication::translate(
                            "Halo::SiteStore",
                            "%1 is not a site list: it has no version number or no list of sites.")
                            .arg(shownPath));
        return false;
    }
    if (version.toInt() != kFormatVersion) {
        setError(error, QCoreApplication::translate(
                            "Halo::SiteStore",
                            "%1 is a site list of version %2; this program reads version %3.")
                            .arg(shownPath, QString::number(version.toInt()),
                                 QString::number(kFormatVersion)));
        return false;
    }
    *entries = root.value(QLatin1String("sites")).toArray();
    return true;
}

QString normalisedBaseUrl(const QString &text)
{
    QString url = text.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

// Checks a record and brings it into the stored form (lower-case GUIDs, UTC times). Returns an
// empty string when it is valid, else the reason.
QString validated(SiteRecord *site)
{
    site->environment = site->environment.trimmed().toLower();
    static const QStringList environments{QStringLiteral("production"), QStringLiteral("stage"),
                                          QStringLiteral("sandbox"), QStringLiteral("custom")};
    if (!environments.contains(site->environment))
        return QCoreApplication::translate(
            "Halo::SiteStore", "the environment must be production, stage, sandbox or custom.");
    if (site->environment == QLatin1String("custom")) {
        site->baseUrl = normalisedBaseUrl(site->baseUrl);
        const QUrl url(site->baseUrl, QUrl::StrictMode);
        const bool web =
            url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
        if (!url.isValid() || !web || url.host().isEmpty())
            return QCoreApplication::translate(
                "Halo::SiteStore", "a custom site needs the http or https address of its service.");
    } else {
        site->baseUrl.clear(); // the environment alone says which service it belongs to
    }
    const QString guid = normalisedGuid(site->guid);
    if (guid.isEmpty())
        return QCoreApplication::translate(
            "Halo::SiteStore",
            "the Halo GUID must have the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.");
    site->guid = guid;
    site->pmsType = site->pmsType.trimmed();
    static const QStringList pmsTypes{QStringLiteral("BestPractice"), QStringLiteral("Zedmed"),
                                      QStringLiteral("D4w")};
    if (!pmsTypes.contains(site->pmsType))
        return QCoreApplication::translate("Halo::SiteStore",
                                           "the PMS type must be BestPractice, Zedmed or D4w.");
    site->pmsId = site->pmsId.trimmed();
    if (site->pmsId.isEmpty())
        return QCoreApplication::translate("Halo::SiteStore", "the PMS ID is empty.");
    QStringList previous;
    for (const QString &old : std::as_const(site->previousGuids)) {
        // History is a help, not a requirement: an unreadable old GUID is dropped.
        const QString normalised = normalisedGuid(old);
        if (!normalised.isEmpty() && normalised != guid && !previous.contains(normalised))
            previous.append(normalised);
    }
    site->previousGuids = previous;
    site->label = site->label.simplified();
    site->tags = cleanedTags(site->tags);
    site->recorded.recordedAt = site->recorded.recordedAt.toUTC();
    site->addedAt =
        site->addedAt.isValid() ? site->addedAt.toUTC() : QDateTime::currentDateTimeUtc();
    return {};
}

// The index of the record for (environment, guid), or -1.
int indexOf(const QList<SiteRecord> &sites, const QString &environment, const QString &guid)
{
    const QString wantedEnvironment = environment.trimmed().toLower();
    const QString wantedGuid = normalisedGuid(guid);
    if (wantedGuid.isEmpty())
        return -1;
    for (int i = 0; i < sites.size(); ++i) {
        if (sites.at(i).environment == wantedEnvironment && sites.at(i).guid == wantedGuid)
            return i;
    }
    return -1;
}

bool containsSite(const QList<SiteRecord> &sites, const SiteRecord &site, int except = -1)
{
    for (int i = 0; i < sites.size(); ++i) {
        if (i != except && sites.at(i).sameSite(site))
            return true;
    }
    return false;
}

} // namespace

SiteStore::SiteStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{}

QString SiteStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/sites.json");
}

bool SiteStore::load(QString *error)
{
    m_sites.clear();
    m_lastRemoval.clear();
    m_readOnly = false;
    if (!QFileInfo::exists(m_path)) {
        emit changed();
        return true;
    }
    QJsonArray entries;
    QString problem;
    QList<SiteRecord> sites;
    if (readDocument(m_path, &entries, &problem)) {
        for (int i = 0; i < entries.size() && problem.isEmpty(); ++i) {
            SiteRecord site = fromJson(entries.at(i).toObject());
            QString reason = entries.at(i).isObject() ? validated(&site) : tr("not an object.");
            if (reason.isEmpty() && containsSite(sites, site))
                reason = tr("it appears twice in the list.");
            if (!reason.isEmpty())
                problem = tr("Site %1 in %2 is not valid: %3")
                              .arg(i + 1)
                              .arg(QDir::toNativeSeparators(m_path), reason);
            sites.append(site);
        }
    }
    if (!problem.isEmpty()) {
        // Saving now would replace a file the user may be able to repair with a shorter list.
        m_readOnly = true;
        setError(error, problem);
        emit changed();
        return false;
    }
    m_sites = sites;
    emit changed();
    return true;
}

QList<SiteRecord> SiteStore::sitesFor(const QString &environment) const
{
    QList<SiteRecord> result;
    const QString wanted = environment.trimmed().toLower();
    std::copy_if(m_sites.cbegin(), m_sites.cend(), std::back_inserter(result),
                 [&wanted](const SiteRecord &site) { return site.environment == wanted; });
    return result;
}

const SiteRecord *SiteStore::find(const QString &environment, const QString &guid) const
{
    const int index = indexOf(m_sites, environment, guid);
    return index < 0 ? nullptr : &m_sites.at(index);
}

bool SiteStore::add(const SiteRecord &record, QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    SiteRecord site = record;
    const QString reason = validated(&site);
    if (!reason.isEmpty()) {
        setError(error, tr("The site was not added: %1").arg(reason));
        return false;
    }
    if (containsSite(m_sites, site)) {
        setError(error, tr("The site %1 is already in the list.").arg(site.guid));
        return false;
    }
    QList<SiteRecord> sites = m_sites;
    sites.append(site);
    return commit(sites, error);
}

bool SiteStore::update(const QString &environment, const QString &guid, const SiteRecord &record,
                       QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    const int index = indexOf(m_sites, environment, guid);
    if (index < 0) {
        setError(error, tr("The site %1 is not in the list.").arg(guid.trimmed()));
        return false;
    }
    const SiteRecord &old = m_sites.at(index);
    SiteRecord site = record;
    // The GUIDs a site had are kept even when the caller passes a record without them, so a
    // re-resolve can always be traced back.
    // validated() drops repeats and the current GUID.
    QStringList previous = old.previousGuids + record.previousGuids;
    if (normalisedGuid(record.guid) != old.guid)
        previous.append(old.guid);
    site.previousGuids = previous;
    if (!site.addedAt.isValid())
        site.addedAt = old.addedAt;
    const QString reason = validated(&site);
    if (!reason.isEmpty()) {
        setError(error, tr("The site was not changed: %1").arg(reason));
        return false;
    }
    if (containsSite(m_sites, site, index)) {
        setError(error, tr("The site %1 is already in the list.").arg(site.guid));
        return false;
    }
    QList<SiteRecord> sites = m_sites;
    sites[index] = site;
    return commit(sites, error);
}

bool SiteStore::setDetails(const QString &environment, const QString &guid, const QString &label,
                           const QString &notes, const QStringList &tags, QString *error)
{
    const SiteRecord *old = find(environment, guid);
    if (!old) {
        setError(error, tr("The site %1 is not in the list.").arg(guid.trimmed()));
        return false;
    }
    SiteRecord site = *old;
    site.label = label;
    site.notes = notes;
    site.tags = tags;
    return update(environment, guid, site, error);
}

bool SiteStore::remove(const QString &environment, const QString &guid, QString *error)
{
    SiteRecord site;
    site.environment = environment;
    site.guid = guid;
    return remove(QList<SiteRecord>{site}, error);
}

bool SiteStore::remove(const QList<SiteRecord> &sites, QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    if (sites.isEmpty()) {
        setError(error, tr("No site was chosen to remove."));
        return false;
    }
    QList<int> indexes;
    for (const SiteRecord &site : sites) {
        const int index = indexOf(m_sites, site.environment, site.guid);
        if (index < 0) {
            setError(error, tr("The site %1 is not in the list.").arg(site.guid.trimmed()));
            return false;
        }
        if (!indexes.contains(index))
            indexes.append(index);
    }
    std::sort(indexes.begin(), indexes.end());
    QList<QPair<int, SiteRecord>> removal;
    QList<SiteRecord> remaining;
    for (int i = 0; i < m_sites.size(); ++i) {
        if (indexes.contains(i))
            removal.append({i, m_sites.at(i)});
        else
            remaining.append(m_sites.at(i));
    }
    if (!commit(remaining, error))
        return false;
    m_lastRemoval = removal;
    return true;
}

bool SiteStore::undoRemove(QString *error)
{
    if (refuseIfReadOnly(error))
        return false;
    if (m_lastRemoval.isEmpty()) {
        setError(error, tr("There is no removal to undo."));
        return false;
    }
    // In ascending order of the index each had, so every one lands where it was.
    QList<SiteRecord> sites = m_sites;
    for (const auto &[index, site] : std::as_const(m_lastRemoval)) {
        if (!containsSite(sites, site))
            sites.insert(std::min(index, int(sites.size())), site);
    }
    if (!commit(sites, error))
        return false;
    m_lastRemoval.clear();
    return true;
}

bool SiteStore::exportTo(const QString &path, const QString &environment, QString *error) const
{
    return exportSites(path, environment.isEmpty() ? m_sites : sitesFor(environment), error);
}

bool SiteStore::exportSites(const QString &path, const QList<SiteRecord> &sites, QString *error)
{
    // A file the user chose to share with a team (no keys, no patient data): it keeps the
    // permissions the user's umask gives, as any document they save would.
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    return writeAtomically(path, csv ? siteCsv(sites) : documentFor(sites), error,
                           FileAccess::UserDefault);
}

bool SiteStore::readImport(const QString &path, const SiteCsvDefaults &defaults,
                           QList<ImportEntry> *entries, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(
            error,
            tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray data = file.readAll();
    if (looksLikeCsv(path, data)) {
        QList<SiteCsvRow> rows;
        QString reason;
        if (!readSiteCsv(data, defaults, &rows, &reason)) {
            setError(error, tr("%1: %2").arg(QDir::toNativeSeparators(path), reason));
            return false;
        }
        for (const SiteCsvRow &row : std::as_const(rows))
            entries->append({tr("Line %1").arg(row.line), row.record, row.problem});
        return true;
    }
    QJsonArray array;
    if (!readDocument(path, &array, error))
        return false;
    for (int i = 0; i < array.size(); ++i) {
        const bool object = array.at(i).isObject();
        entries->append({tr("Site %1").arg(i + 1), fromJson(array.at(i).toObject()),
                         object ? QString() : tr("not an object.")});
    }
    return true;
}

bool SiteStore::importFrom(const QString &path, ImportResult *result, QString *error,
                           const SiteCsvDefaults &defaults)
{
    ImportResult outcome;
    if (refuseIfReadOnly(error))
        return false;
    QList<ImportEntry> entries;
    if (!readImport(path, defaults, &entries, error))
        return false;
    QList<SiteRecord> sites = m_sites;
    for (ImportEntry &entry : entries) {
        SiteRecord &site = entry.record;
        const QString reason = entry.problem.isEmpty() ? validated(&site) : entry.problem;
        if (!reason.isEmpty()) {
            outcome.problems.append(tr("%1: %2").arg(entry.name, reason));
        } else if (containsSite(sites, site)) {
            ++outcome.skipped;
        } else {
            sites.append(site);
            ++outcome.added;
        }
    }
    if (outcome.added > 0 && !commit(sites, error))
        return false;
    if (result)
        *result = outcome;
    return true;
}

bool SiteStore::save(const QList<SiteRecord> &sites, QString *error) const
{
    return writeAtomically(m_path, documentFor(sites), error);
}

bool SiteStore::commit(const QList<SiteRecord> &sites, QString *error)
{
    // The list in memory only changes once the file has: a failed write leaves both as they were.
    if (!save(sites, error))
        return false;
    m_sites = sites;
    emit changed();
    return true;
}

bool SiteStore::refuseIfReadOnly(QString *error) const
{
    if (!m_readOnly)
        return false;
    setError(error, tr("The site list at %1 could not be read and was left untouched, so changes "
                       "cannot be saved. Repair or move the file, then open the program again.")
                        .arg(QDir::toNativeSeparators(m_path)));
    return true;
}

} // namespace Halo
