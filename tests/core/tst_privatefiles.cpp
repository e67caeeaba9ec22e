// SPDX-License-Identifier: GPL-3.0-or-later
// Who may read what the program writes. Its own files hold SQL and FHIR text with patient names,
// so every one of them is 0600 in folders that are 0700, whatever the umask: the site list, both
// histories, snippets, async query ids, the FHIR CapabilityStatement cache and the settings file.
// A file the user chose to export keeps what the umask gives. Each store is created in a fresh
// HOME whose folders do not exist yet, under the usual umask 022.
#include "FailOnWarning.h"
#include "SiteRecords.h"
#include "fhir/FhirCapabilities.h"
#include "results/ResultDecoder.h"
#include "results/ResultExport.h"
#include "sites/SiteStore.h"
#include "sql/AsyncQueryJournal.h"
#include "sql/QueryHistory.h"
#include "sql/SnippetStore.h"
#include "sql/WriteGuard.h"
#include "storage/AppSettings.h"
#include "storage/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

// The permission bits of `path`, as `ls -l` shows them; -1 if it does not exist.
int modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QString octal(int mode)
{
    return QStringLiteral("0%1").arg(mode, 0, 8);
}

#define COMPARE_MODE(path, expected)                                                               \
    QVERIFY2(modeOf(path) == (expected),                                                           \
             qPrintable(QStringLiteral("%1 is %2, expected %3")                                    \
                            .arg(path, octal(modeOf(path)), octal(expected))))

const QByteArray kStatement =
    R"({"resourceType":"CapabilityStatement","fhirVersion":"4.0.1","rest":[{"mode":"server",)"
    R"("resource":[{"type":"Patient","interaction":[{"code":"read"}]}]}]})";

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void cleanupTestCase();
    void storesWriteOwnerOnlyFilesInOwnerOnlyFolders();
    void capabilityCacheIsOwnerOnly();
    void settingsFileIsOwnerOnly();
    void widerFileAndFolderAreNarrowedOnTheNextWrite();
    void narrowingNeverGivesTheOwnerMoreRights();
    void exportsKeepTheUmask();

private:
    QString dataFolder() const
    {
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }

    QTemporaryDir m_root;
    QString m_home;
    mode_t m_oldUmask = 0;
};

void TestPrivateFiles::initTestCase()
{
    QVERIFY(m_root.isValid());
    // A HOME whose XDG folders the program must create itself, as on a first run.
    m_home = m_root.filePath(QStringLiteral("home"));
    QVERIFY(QDir().mkdir(m_home));
    QFile::setPermissions(m_home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                      QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                      QFile::ExeOther);
    qputenv("HOME", QFile::encodeName(m_home));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home + QStringLiteral("/.config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home + QStringLiteral("/.local/share")));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home + QStringLiteral("/.cache")));
    m_oldUmask = ::umask(022); // the usual one: files 0644 and folders 0755 unless narrowed
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("halo-explorer"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QVERIFY2(dataFolder().startsWith(m_home), qPrintable(dataFolder()));
}

void TestPrivateFiles::cleanupTestCase()
{
    ::umask(m_oldUmask);
}

void TestPrivateFiles::storesWriteOwnerOnlyFilesInOwnerOnlyFolders()
{
    QString error;
    Halo::SiteStore sites;
    QVERIFY2(sites.add(site(kGuidA), &error), qPrintable(error));

    Halo::HistoryEntry entry;
    entry.sql = QStringLiteral("SELECT * FROM patients WHERE surname = 'Citizen'");
    Halo::QueryHistory history;
    QVERIFY2(history.record(QStringLiteral("stage"), kGuidA, entry, &error), qPrintable(error));
    Halo::QueryHistory fhirHistory(Halo::QueryHistory::defaultFhirPath());
    entry.sql = QStringLiteral("Patient?family=Citizen");
    QVERIFY2(fhirHistory.record(QStringLiteral("stage"), kGuidA, entry, &error), qPrintable(error));

    Halo::SnippetStore snippets;
    QVERIFY2(snippets.save({QStringLiteral("Mine"), QStringLiteral("SELECT 1"), {}}, &error),
             qPrintable(error));

    Halo::AsyncQueryJournal journal;
    Halo::JournalEntry query;
    query.environment = QStringLiteral("stage");
    query.siteGuid = kGuidA;
    query.queryId = QStringLiteral("3d0c6f5e-2a7b-4c1d-9e8f-0a1b2c3d4e5f");
    query.sql = QStringLiteral("SELECT * FROM patients");
    query.submittedAt = QDateTime::currentDateTimeUtc();
    query.lastStatus = QStringLiteral("queued");
    QVERIFY2(journal.record(query, &error), qPrintable(error));

    for (const char *name :
         {"sites.json", "history.json", "fhir-history.json", "snippets.json", "async-queries.json"})
        COMPARE_MODE(QDir(dataFolder()).filePath(QString::fromLatin1(name)), 0600);
    // Every folder the program made on the way, up from its own.
    for (QString folder = dataFolder(); folder != m_home; folder = QFileInfo(folder).path())
        COMPARE_MODE(folder, 0700);
    // Nothing else is left in the folder (no temporary file, wider or not).
    QCOMPARE(QDir(dataFolder()).entryList(QDir::Files | QDir::Hidden).size(), 5);
}

void TestPrivateFiles::capabilityCacheIsOwnerOnly()
{
    Halo::FhirCapabilityCache cache;
    const QString key = Halo::FhirCapabilityCache::siteKeyFor(
        QStringLiteral("Stage"), QStringLiteral("https://api.example/"), kGuidA);
    QString error;
    QVERIFY2(cache.store(key, kStatement, QDateTime::currentDateTimeUtc(), &error),
             qPrintable(error));
    QVERIFY(cache.directory().startsWith(m_home + QStringLiteral("/.cache")));
    const QStringList files = QDir(cache.directory()).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    COMPARE_MODE(QDir(cache.directory()).filePath(files.first()), 0600);
    for (QString folder = cache.directory(); folder != m_home; folder = QFileInfo(folder).path())
        COMPARE_MODE(folder, 0700);
}

void TestPrivateFiles::settingsFileIsOwnerOnly()
{
    Halo::AppSettings().setAutoRefreshSeconds(300);
    Halo::ReadOnlySettings().setReadOnly(Halo::Environment::Stage, true);
    const QString path = QSettings().fileName();
    QVERIFY2(path.startsWith(m_home + QStringLiteral("/.config/")), qPrintable(path));
    QVERIFY(QFile::exists(path));
    COMPARE_MODE(path, 0600);
    for (QString folder = QFileInfo(path).path(); folder != m_home;
         folder = QFileInfo(folder).path())
        COMPARE_MODE(folder, 0700);
    // What was written is there, through the private file.
    QCOMPARE(Halo::AppSettings().autoRefreshSeconds(), 300);
    QVERIFY(Halo::ReadOnlySettings().isReadOnly(Halo::Environment::Stage));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("autoRefreshSeconds=300"));
}

void TestPrivateFiles::widerFileAndFolderAreNarrowedOnTheNextWrite()
{
    // As an earlier version left them: a folder 0755 and a history 0644.
    const QString folder = m_root.filePath(QStringLiteral("earlier"));
    QVERIFY(QDir().mkdir(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::Permissions(0x7555)));
    const QString path = QDir(folder).filePath(QStringLiteral("history.json"));
    {
        Halo::QueryHistory history(path);
        Halo::HistoryEntry entry;
        entry.sql = QStringLiteral("SELECT 1");
        QVERIFY(history.record(QStringLiteral("stage"), kGuidA, entry));
    }
    QVERIFY(QFile::setPermissions(path, QFile::Permissions(0x6444)));
    QVERIFY(QFile::setPermissions(folder, QFile::Permissions(0x7555)));
    COMPARE_MODE(path, 0644);
    COMPARE_MODE(folder, 0755);

    Halo::QueryHistory history(path);
    Halo::HistoryEntry entry;
    entry.sql = QStringLiteral("SELECT 2");
    QVERIFY(history.record(QStringLiteral("stage"), kGuidA, entry));
    COMPARE_MODE(path, 0600);
    COMPARE_MODE(folder, 0700);
    QCOMPARE(history.entries(QStringLiteral("stage"), kGuidA).size(), 2);
}

void TestPrivateFiles::narrowingNeverGivesTheOwnerMoreRights()
{
    const QString folder = m_root.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkdir(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::Permissions(0x5555)));
    QString error;
    const bool written =
        Halo::writeFileAtomically(QDir(folder).filePath(QStringLiteral("x.json")), "{}", &error);
    if (::geteuid() != 0) // root writes into a read-only folder all the same
        QVERIFY(!written && !error.isEmpty());
    COMPARE_MODE(folder, 0500); // others lost their rights; the owner gained none
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestPrivateFiles::exportsKeepTheUmask()
{
    const QString folder = m_root.filePath(QStringLiteral("documents"));
    QVERIFY(QDir().mkdir(folder));
    COMPARE_MODE(folder, 0755);

    Halo::SiteStore sites;
    const QString shared = QDir(folder).filePath(QStringLiteral("halo-sites.json"));
    QString error;
    QVERIFY2(sites.exportTo(shared, QString(), &error), qPrintable(error));
    COMPARE_MODE(shared, 0644);

    const Halo::DecodedResult result = Halo::ResultDecoder::decodeJson(R"([{"a":1}])");
    const QString csv = QDir(folder).filePath(QStringLiteral("result.csv"));
    const Halo::ResultExport::Outcome outcome =
        Halo::ResultExport::writeFile(csv, Halo::ResultExport::Format::Csv, result.table);
    QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
    COMPARE_MODE(csv, 0644);

    const QString fhir = QDir(folder).filePath(QStringLiteral("patient.json"));
    QVERIFY(Halo::writeFileAtomically(fhir, "{}", &error, Halo::MissingFolder::Fail,
                                      Halo::FileAccess::UserDefault));
    COMPARE_MODE(fhir, 0644);
    COMPARE_MODE(folder, 0755); // the user's folder is left as it is
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
