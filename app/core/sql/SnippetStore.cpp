// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/SnippetStore.h"

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

Snippet example(const QString &name, const QString &pmsType, const char *sql, bool sandbox)
{
    return Snippet{name, QString::fromLatin1(sql), pmsType, true, sandbox};
}

// Examples in each PMS's SQL dialect. Those marked for the sandbox use its sample schema
// (patients, practitioners, appointments, allergies); the others use names of the kind a real
// practice database has (Best Practice's BPS_ views, Zedmed's Firebird tables) and the
// database's own catalogue, so they work on a real practice rather than on the sandbox.
QList<Snippet> allBuiltIns()
{
    const QString bp = QStringLiteral("BestPractice");
    const QString zedmed = QStringLiteral("Zedmed");
    const QString d4w = QStringLiteral("D4w");
    return {
        example(SnippetStore::tr("Patients named Smith (sample schema)"), bp,
                "SELECT TOP 20 id, first_name, surname, date_of_birth\n"
                "FROM patients\n"
                "WHERE surname = 'Smith'\n"
                "ORDER BY first_name",
                true),
        example(SnippetStore::tr("Severe allergies (sample schema)"), bp,
                "SELECT p.surname, p.first_name, a.substance, a.reaction\n"
                "FROM allergies a\n"
                "JOIN patients p ON p.id = a.patient_id\n"
                "WHERE a.severity = 'severe'\n"
                "ORDER BY p.surname",
                true),
        example(SnippetStore::tr("Active patients (Best Practice view)"), bp,
                "SELECT TOP 10 InternalID, Firstname, Surname, DOB\n"
                "FROM BPS_Patients\n"
                "WHERE StatusText = 'Active'\n"
                "ORDER BY Surname",
                false),
        example(SnippetStore::tr("Tables in this database"), bp,
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE\n"
                "FROM INFORMATION_SCHEMA.TABLES\n"
                "ORDER BY TABLE_NAME",
                false),

        example(SnippetStore::tr("Server time (Firebird)"), zedmed,
                "SELECT CURRENT_TIMESTAMP AS server_time FROM RDB$DATABASE", true),
        example(SnippetStore::tr("Patients per practitioner (sample schema)"), zedmed,
                "SELECT usual_practitioner_id, COUNT(*) AS patients\n"
                "FROM patients\n"
                "GROUP BY usual_practitioner_id\n"
                "ORDER BY patients DESC",
                true),
        example(SnippetStore::tr("First 10 patients (Zedmed table)"), zedmed,
                "SELECT FIRST 10 PATIENT_ID, SURNAME, GIVEN_NAME, DATE_OF_BIRTH\n"
                "FROM PATIENT\n"
                "ORDER BY SURNAME",
                false),
        example(SnippetStore::tr("Firebird engine version"), zedmed,
                "SELECT RDB$GET_CONTEXT('SYSTEM', 'ENGINE_VERSION') AS engine_version\n"
                "FROM RDB$DATABASE",
                false),
        example(SnippetStore::tr("Tables in this database (Firebird)"), zedmed,
                "SELECT TRIM(RDB$RELATION_NAME) AS table_name\n"
                "FROM RDB$RELATIONS\n"
                "WHERE RDB$SYSTEM_FLAG = 0\n"
                "ORDER BY 1",
                false),

        example(SnippetStore::tr("Patients by surname (sample schema)"), d4w,
                "SELECT TOP 20 id, first_name, surname, date_of_birth\n"
                "FROM patients\n"
                "ORDER BY surname, first_name",
                true),
        example(SnippetStore::tr("Appointments per practitioner (sample schema)"), d4w,
                "SELECT practitioner_id, COUNT(*) AS appointments\n"
                "FROM appointments\n"
                "GROUP BY practitioner_id\n"
                "ORDER BY appointments DESC",
                true),
        example(SnippetStore::tr("Database name and server time"), d4w,
                "SELECT DB_NAME() AS database_name, GETDATE() AS server_time", false),
        example(SnippetStore::tr("Tables in this database"), d4w,
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE\n"
                "FROM INFORMATION_SCHEMA.TABLES\n"
                "ORDER BY TABLE_NAME",
                false),
    };
}

bool sameName(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

bool byName(const Snippet &a, const Snippet &b)
{
    return a.name.localeAwareCompare(b.name) < 0;
}

bool isBuiltInName(const QString &name)
{
    const QList<Snippet> all = allBuiltIns();
    return std::any_of(all.cbegin(), all.cend(),
                       [&name](const Snippet &s) { return sameName(s.name, name); });
}

bool writeAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QString reason;
    if (writeFileAtomically(path, data, &reason))
        return true;
    setError(error, SnippetStore::tr("The snippets were not saved. %1").arg(reason));
    return false;
}

} // namespace

SnippetStore::SnippetStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
{
    load();
}

QString SnippetStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/snippets.json");
}

bool SnippetStore::load(QString *error)
{
    m_loadError.clear();
    m_readOnly = false;
    m_snippets.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    const QString shownPath = QDir::toNativeSeparators(m_path);
    QJsonParseError parseError{};
    QJsonObject root;
    if (file.open(QIODevice::ReadOnly))
        root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (!file.isOpen()) {
        m_loadError = tr("Could not read the snippets %1: %2").arg(shownPath, file.errorString());
    } else if (parseError.error != QJsonParseError::NoError ||
               root.value(QLatin1String("version")).toInt() != kFormatVersion ||
               !root.value(QLatin1String("snippets")).isArray()) {
        m_loadError = tr("%1 is not a snippet file this program can read; it is left as it is.")
                          .arg(shownPath);
    }
    if (!m_loadError.isEmpty()) {
        m_readOnly = true;
        setError(error, m_loadError);
        return false;
    }
    for (const QJsonValue &value : root.value(QLatin1String("snippets")).toArray()) {
        const QJsonObject o = value.toObject();
        Snippet snippet;
        snippet.name = o.value(QLatin1String("name")).toString().trimmed();
        snippet.sql = o.value(QLatin1String("sql")).toString();
        snippet.pmsType = o.value(QLatin1String("pmsType")).toString();
        if (!snippet.name.isEmpty() && !snippet.sql.isEmpty())
            m_snippets.append(snippet);
    }
    return true;
}

QList<Snippet> SnippetStore::builtIns(const QString &pmsType)
{
    QList<Snippet> result;
    for (const Snippet &snippet : allBuiltIns()) {
        if (pmsType.isEmpty() || snippet.pmsType == pmsType)
            result.append(snippet);
    }
    return result;
}

QList<Snippet> SnippetStore::snippetsFor(const QString &pmsType) const
{
    QList<Snippet> builtIn = builtIns(pmsType);
    std::stable_sort(builtIn.begin(), builtIn.end(), byName);
    QList<Snippet> own;
    for (const Snippet &snippet : m_snippets) {
        if (pmsType.isEmpty() || snippet.pmsType.isEmpty() || snippet.pmsType == pmsType)
            own.append(snippet);
    }
    std::stable_sort(own.begin(), own.end(), byName);
    return builtIn + own;
}

bool SnippetStore::contains(const QString &name) const
{
    return std::any_of(m_snippets.cbegin(), m_snippets.cend(),
                       [&name](const Snippet &s) { return sameName(s.name, name); });
}

bool SnippetStore::save(const Snippet &snippet, QString *error)
{
    Snippet stored = snippet;
    stored.name = snippet.name.trimmed();
    stored.builtIn = false;
    stored.runsOnSandbox = false;
    if (stored.name.isEmpty()) {
        setError(error, tr("Give the snippet a name."));
        return false;
    }
    if (stored.sql.trimmed().isEmpty()) {
        setError(error, tr("There is no SQL to save."));
        return false;
    }
    if (isBuiltInName(stored.name)) {
        setError(error, tr("“%1” is the name of a built-in example, which cannot be changed. "
                           "Choose another name.")
                            .arg(stored.name));
        return false;
    }
    QList<Snippet> snippets = m_snippets;
    auto it = std::find_if(snippets.begin(), snippets.end(),
                           [&stored](const Snippet &s) { return sameName(s.name, stored.name); });
    if (it != snippets.end())
        *it = stored;
    else
        snippets.append(stored);
    return commit(snippets, error);
}

bool SnippetStore::remove(const QString &name, QString *error)
{
    if (isBuiltInName(name) && !contains(name)) {
        setError(error, tr("“%1” is a built-in example and cannot be deleted.").arg(name));
        return false;
    }
    QList<Snippet> snippets = m_snippets;
    const auto removed =
        snippets.removeIf([&name](const Snippet &s) { return sameName(s.name, name); });
    if (removed == 0)
        return true;
    return commit(snippets, error);
}

bool SnippetStore::commit(const QList<Snippet> &snippets, QString *error)
{
    if (m_readOnly) {
        setError(error, m_loadError);
        return false;
    }
    QJsonArray array;
    for (const Snippet &snippet : snippets) {
        array.append(QJsonObject{{QStringLiteral("name"), snippet.name},
                                 {QStringLiteral("sql"), snippet.sql},
                                 {QStringLiteral("pmsType"), snippet.pmsType}});
    }
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("version"), kFormatVersion},
                                                      {QStringLiteral("snippets"), array}})
                                .toJson(QJsonDocument::Indented);
    if (!writeAtomically(m_path, data, error))
        return false;
    m_snippets = snippets;
    emit changed();
    return true;
}

} // namespace Halo
