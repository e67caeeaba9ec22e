// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/QueryHistory.h"

#include "storage/AppSettings.h"
#include "storage/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <algorithm>

namespace Halo {

namespace {

constexpr int kFormatVersion = 1;

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Only these fields are written or read: there is deliberately no field for result data.
QJsonObject toJson(const HistoryEntry &entry)
{
    return QJsonObject{{QStringLiteral("sql"), entry.sql},
                       {QStringLiteral("at"), entry.at.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("mode"), entry.mode},
                       {QStringLiteral("executionMode"), entry.executionMode},
                       {QStringLiteral("status"), entry.status},
                       {QStringLiteral("rows"), entry.rows},
                       {QStringLiteral("durationMs"), entry.durationMs}};
}

HistoryEntry entryFromJson(const QJsonObject &object)
{
    HistoryEntry entry;
    entry.sql = object.value(QLatin1String("sql")).toString();
    entry.at =
        QDateTime::fromString(object.value(QLatin1String("at")).toString(), Qt::ISODateWithMs)
            .toUTC();
    entry.mode = object.value(QLatin1String("mode")).toString();
    entry.executionMode =
        object.value(QLatin1String("executionMode")).toString(QStringLiteral("reader"));
    entry.status = object.value(QLatin1String("status")).toString();
    entry.rows = object.value(QLatin1String("rows")).toInteger(-1);
    entry.durationMs = object.value(QLatin1String("durationMs")).toInteger(-1);
    return entry;
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QString reason;
    if (writeFileAtomically(path, data, &reason))
        return true;
    setError(error, QueryHistory::tr("The query history was not saved. %1").arg(reason));
    return false;
}

} // namespace

QString queryStatusText(const QString &status)
{
    static const struct {
        const char *status;
        const char *text;
    } known[] = {
        {"successful", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Successful")},
        {"executionFailed", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Failed in the database")},
        {"expiredInQueue", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Expired in the queue")},
        {"uploadFailed", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Upload failed")},
        {"initialising", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Starting")},
        {"queued", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Queued")},
        {"executing", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Running")},
        {"downloading", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Downloading")},
        {"uploading", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Uploading results")},
        {"cancelled", QT_TRANSLATE_NOOP("Halo::QueryHistory", "Cancelled")},
    };
    for (const auto &entry : known) {
        if (status == QLatin1String(entry.status))
            return QueryHistory::tr(entry.text);
    }
    if (status.startsWith(QLatin1String("initialisationFailed")))
        return QueryHistory::tr("Could not start at the site");
    return status;
}

bool operator==(const HistoryEntry &a, const HistoryEntry &b)
{
    return a.sql == b.sql && a.at == b.at && a.mode == b.mode &&
           a.executionMode == b.executionMode && a.status == b.status && a.rows == b.rows &&
           a.durationMs == b.durationMs;
}

QueryHistory::QueryHistory(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
    load();
}

QString QueryHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.json");
}

QString QueryHistory::defaultFhirPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/fhir-history.json");
}

QString QueryHistory::siteKey(const QString &environment, const QString &siteGuid)
{
    return environment.trimmed().toLower() + QLatin1Char('|') + siteGuid.trimmed().toLower();
}

bool QueryHistory::load(QString *error)
{
    m_loadError.clear();
    m_readOnly = false;
    m_sites.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    const QString shownPath = QDir::toNativeSeparators(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError =
            tr("Could not read the query history %1: %2").arg(shownPath, file.errorString());
    } else {
        QJsonParseError parseError;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (parseError.error != QJsonParseError::NoError ||
            root.value(QLatin1String("version")).toInt() != kFormatVersion ||
            !root.value(QLatin1String("sites")).isArray()) {
            m_loadError = tr("%1 is not a query history this program can read; it is left as it "
                             "is and no new queries are recorded.")
                              .arg(shownPath);
        } else {
            for (const QJsonValue &value : root.value(QLatin1String("sites")).toArray()) {
                const QJsonObject site = value.toObject();
                QList<HistoryEntry> &entries =
                    m_sites[siteKey(site.value(QLatin1String("environment")).toString(),
                                    site.value(QLatin1String("siteGuid")).toString())];
                for (const QJsonValue &entry : site.value(QLatin1String("entries")).toArray())
                    entries.append(entryFromJson(entry.toObject()));
            }
        }
    }
    if (m_loadError.isEmpty())
        return true;
    m_sites.clear();
    m_readOnly = true;
    setError(error, m_loadError);
    return false;
}

QList<HistoryEntry> QueryHistory::entries(const QString &environment, const QString &siteGuid) const
{
    return m_sites.value(siteKey(environment, siteGuid));
}

QList<HistoryEntry> QueryHistory::search(const QString &environment, const QString &siteGuid,
                                         const QString &text) const
{
    const QString needle = text.trimmed();
    QList<HistoryEntry> found;
    for (const HistoryEntry &entry : m_sites.value(siteKey(environment, siteGuid))) {
        if (needle.isEmpty() || entry.sql.contains(needle, Qt::CaseInsensitive) ||
            entry.status.contains(needle, Qt::CaseInsensitive) ||
            entry.mode.contains(needle, Qt::CaseInsensitive))
            found.append(entry);
    }
    return found;
}

bool QueryHistory::record(const QString &environment, const QString &siteGuid,
                          const HistoryEntry &entry, QString *error)
{
    if (!AppSettings::keepsHistoryFor(environment))
        return true; // the user keeps no history for this environment: nothing to write
    Sites sites = m_sites;
    QList<HistoryEntry> &entries = sites[siteKey(environment, siteGuid)];
    HistoryEntry stored = entry;
    stored.at = (entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc()).toUTC();
    const auto at = std::find_if(entries.cbegin(), entries.cend(),
                                 [&stored](const HistoryEntry &e) { return e.at <= stored.at; });
    entries.insert(at - entries.cbegin(), stored);
    while (entries.size() > kMaxEntriesPerSite)
        entries.removeLast();
    if (!commit(sites, error))
        return false;
    emit changed(environment, siteGuid);
    return true;
}

bool QueryHistory::clear(const QString &environment, const QString &siteGuid, QString *error)
{
    Sites sites = m_sites;
    if (sites.remove(siteKey(environment, siteGuid)) == 0)
        return true;
    if (!commit(sites, error))
        return false;
    emit changed(environment, siteGuid);
    return true;
}

bool QueryHistory::commit(const Sites &sites, QString *error)
{
    if (m_readOnly) {
        setError(error, m_loadError);
        return false;
    }
    QStringList keys = sites.keys();
    keys.sort(); // a stable file, so that it diffs well and tests can compare it
    QJsonArray array;
    for (const QString &key : std::as_const(keys)) {
        QJsonArray entries;
        for (const HistoryEntry &entry : sites.value(key))
            entries.append(toJson(entry));
        array.append(
            QJsonObject{{QStringLiteral("environment"), key.section(QLatin1Char('|'), 0, 0)},
                        {QStringLiteral("siteGuid"), key.section(QLatin1Char('|'), 1)},
                        {QStringLiteral("entries"), entries}});
    }
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("version"), kFormatVersion},
                                                      {QStringLiteral("sites"), array}})
                                .toJson(QJsonDocument::Indented);
    if (!writeAtomically(m_path, data, error))
        return false;
    m_sites = sites;
    return true;
}

} // namespace Halo
