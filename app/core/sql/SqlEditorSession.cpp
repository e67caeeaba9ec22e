// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/SqlEditorSession.h"

#include "storage/AtomicFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

namespace Halo {

namespace {

constexpr int kFormatVersion = 1;
constexpr int kSaveDelayMs = 700;
const QLatin1String kFormat("halo-explorer-sql-editors");

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

SqlEditorSession::SqlEditorSession(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_path(filePath)
    , m_saveTimer(new QTimer(this))
{
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, [this]() {
        QString error;
        if (!flush(&error))
            emit saveFailed(error);
    });
}

SqlEditorSession::~SqlEditorSession()
{
    if (m_dirty)
        flush();
}

QString SqlEditorSession::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/sql-editors.json");
}

QString SqlEditorSession::keyOf(const QString &environment, const QString &siteGuid)
{
    return environment + QLatin1Char('/') + siteGuid.toLower();
}

bool SqlEditorSession::load(QString *error)
{
    m_sites.clear();
    m_readOnly = false;
    m_loadError.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    const auto fail = [&](const QString &reason) {
        m_readOnly = true;
        m_loadError = tr("The SQL editors of the last session could not be read from %1: %2. "
                         "The file is left as it is.")
                          .arg(m_path, reason);
        setError(error, m_loadError);
        return false;
    };
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(parseError.errorString());
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != kFormat ||
        root.value(QLatin1String("version")).toInt() != kFormatVersion)
        return fail(tr("not a file of SQL editors this version understands"));
    for (const QJsonValue &siteValue : root.value(QLatin1String("sites")).toArray()) {
        const QJsonObject site = siteValue.toObject();
        const QString environment = site.value(QLatin1String("environment")).toString();
        const QString guid = site.value(QLatin1String("guid")).toString();
        if (environment.isEmpty() || guid.isEmpty())
            continue;
        SiteEditors kept;
        for (const QJsonValue &editorValue : site.value(QLatin1String("editors")).toArray()) {
            const QJsonObject editor = editorValue.toObject();
            kept.editors.append({editor.value(QLatin1String("title")).toString(),
                                 editor.value(QLatin1String("sql")).toString()});
        }
        if (kept.editors.isEmpty())
            continue;
        kept.current = std::clamp(site.value(QLatin1String("current")).toInt(), 0,
                                  int(kept.editors.size()) - 1);
        m_sites.insert(keyOf(environment, guid), kept);
    }
    return true;
}

QList<SqlEditorText> SqlEditorSession::editors(const QString &environment,
                                               const QString &siteGuid) const
{
    return m_sites.value(keyOf(environment, siteGuid)).editors;
}

int SqlEditorSession::currentIndex(const QString &environment, const QString &siteGuid) const
{
    return m_sites.value(keyOf(environment, siteGuid)).current;
}

void SqlEditorSession::setEditors(const QString &environment, const QString &siteGuid,
                                  const QList<SqlEditorText> &editors, int current)
{
    if (environment.isEmpty() || siteGuid.isEmpty())
        return;
    const QString key = keyOf(environment, siteGuid);
    const bool nothingToKeep =
        editors.isEmpty() || (editors.size() == 1 && editors.first().sql.trimmed().isEmpty());
    if (nothingToKeep) {
        if (m_sites.remove(key) == 0)
            return;
    } else {
        SiteEditors kept{editors, std::clamp(current, 0, int(editors.size()) - 1)};
        const auto existing = m_sites.constFind(key);
        if (existing != m_sites.cend() && existing->editors == kept.editors &&
            existing->current == kept.current)
            return;
        m_sites.insert(key, kept);
    }
    m_dirty = true;
    m_saveTimer->start();
}

bool SqlEditorSession::flush(QString *error)
{
    m_saveTimer->stop();
    if (!m_dirty)
        return true;
    if (m_readOnly) {
        setError(error, m_loadError);
        return false;
    }
    QStringList keys = m_sites.keys();
    keys.sort(); // a stable file, easy to compare
    QJsonArray sites;
    for (const QString &key : std::as_const(keys)) {
        const SiteEditors &kept = m_sites[key];
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        QJsonArray editors;
        for (const SqlEditorText &editor : kept.editors)
            editors.append(QJsonObject{{QStringLiteral("title"), editor.title},
                                       {QStringLiteral("sql"), editor.sql}});
        sites.append(QJsonObject{{QStringLiteral("environment"), key.left(slash)},
                                 {QStringLiteral("guid"), key.mid(slash + 1)},
                                 {QStringLiteral("current"), kept.current},
                                 {QStringLiteral("editors"), editors}});
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("sites"), sites}};
    QString reason;
    if (!writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented),
                             &reason)) {
        setError(error, tr("The SQL editors were not saved. %1").arg(reason));
        return false; // still pending: the next change tries again
    }
    m_dirty = false;
    return true;
}

} // namespace Halo
