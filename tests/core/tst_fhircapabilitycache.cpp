// SPDX-License-Identifier: GPL-3.0-or-later
// The CapabilityStatement cache on disk: what it stores, finds and forgets, and what a bad file or
// a failed write leaves behind.
#include "FailOnWarning.h"
#include "FhirRequests.h"
#include "SandboxRig.h"
#include "net/ApiCall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace {

QStringList jsonFilesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

bool runningAsRoot()
{
#ifdef Q_OS_UNIX
    return geteuid() == 0;
#else
    return false;
#endif
}

} // namespace

class TestFhirCapabilityCache : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // The cache
    void cacheStoresAndFinds();
    void cacheReloadsFromDisk();
    void cacheKeepsSitesApart();
    void cacheRefusesWhatIsNotACapabilityStatement();
    void cacheCountsABadFileAsAbsent_data();
    void cacheCountsABadFileAsAbsent();
    void cacheFailedWriteKeepsTheOldFile_data();
    void cacheFailedWriteKeepsTheOldFile();
    void cacheReportsAFolderItCannotCreate();
    void cacheForgets();
};

// ---- the cache --------------------------------------------------------------------------------

void TestFhirCapabilityCache::cacheStoresAndFinds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("fhir-capabilities")); // created on demand
    FhirCapabilityCache cache(folder);
    QCOMPARE(cache.directory(), folder);
    QSignalSpy changed(&cache, &FhirCapabilityCache::changed);
    const QString key = FhirCapabilityCache::siteKeyFor(
        QStringLiteral("Stage"), QStringLiteral("https://api.example/"), kBpGuid);
    QVERIFY(!cache.find(key));

    const QDateTime fetchedAt =
        QDateTime(QDate(2025, 6, 24), QTime(10, 30, 15, 250), Qt::OffsetFromUTC, 36000);
    QString error;
    QVERIFY2(cache.store(key, handWrittenStatement(), fetchedAt, &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), key);

    const std::optional<FhirCapabilityCache::Entry> entry = cache.find(key);
    QVERIFY(entry);
    QCOMPARE(entry->capabilities.resourceTypes(), handWrittenCapabilities().resourceTypes());
    QCOMPARE(entry->fetchedAt, fetchedAt);
    QCOMPARE(entry->fetchedAt.timeSpec(), Qt::UTC);

    // One file, which keeps the statement exactly as received.
    const QStringList files = jsonFilesIn(folder);
    QCOMPARE(files.size(), 1);
    QVERIFY2(!files.first().contains(QLatin1String("api.example")), qPrintable(files.first()));
    QFile file(QDir(folder).filePath(files.first()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject wrapper = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!wrapper.isEmpty());
    bool keptRaw = false;
    for (const QJsonValue &value : wrapper)
        keptRaw = keptRaw || value.toString().toUtf8() == handWrittenStatement();
    QVERIFY(keptRaw);
}

void TestFhirCapabilityCache::cacheReloadsFromDisk()
{
    START_RIG(rig, sandboxOptions());
    const CallPtr call = await(rig.client.fhirGet(kBpGuid, QStringLiteral("metadata")));
    VERIFY_OK(call);

    QTemporaryDir dir;
    const QString key =
        FhirCapabilityCache::siteKeyFor(QStringLiteral("Sandbox"), rig.server.baseUrl(), kBpGuid);
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    {
        FhirCapabilityCache first(dir.path());
        QString error;
        QVERIFY2(first.store(key, call->body(), fetchedAt, &error), qPrintable(error));
    }
    FhirCapabilityCache second(dir.path());
    const std::optional<FhirCapabilityCache::Entry> entry = second.find(key);
    QVERIFY(entry);
    const FhirCapabilities fresh = *FhirCapabilities::parse(call->body());
    QCOMPARE(entry->capabilities.resourceTypes(), fresh.resourceTypes());
    QCOMPARE(entry->capabilities.version, fresh.version);
    QCOMPARE(entry->capabilities.resource(QStringLiteral("Patient"))->searchParams.size(),
             fresh.resource(QStringLiteral("Patient"))->searchParams.size());
    QCOMPARE(entry->fetchedAt, fetchedAt); // to the millisecond
    QCOMPARE(entry->fetchedAt.timeSpec(), Qt::UTC);
    // Found once, then from memory: removing the file no longer matters.
    QVERIFY(QFile::remove(QDir(dir.path()).filePath(jsonFilesIn(dir.path()).first())));
    QVERIFY(second.find(key));
    QVERIFY(!FhirCapabilityCache(dir.path()).find(key));
}

void TestFhirCapabilityCache::cacheKeepsSitesApart()
{
    const QString base = QStringLiteral("https://api.example");
    const QString a = FhirCapabilityCache::siteKeyFor(QStringLiteral("Stage"), base, kBpGuid);
    QCOMPARE(FhirCapabilityCache::siteKeyFor(QStringLiteral("Stage"), base + QLatin1Char('/'),
                                             kBpGuid.toUpper()),
             a);
    const QString otherEnvironment =
        FhirCapabilityCache::siteKeyFor(QStringLiteral("Production"), base, kBpGuid);
    const QString otherBase = FhirCapabilityCache::siteKeyFor(
        QStringLiteral("Stage"), QStringLiteral("https://other.example"), kBpGuid);
    const QString otherGuid =
        FhirCapabilityCache::siteKeyFor(QStringLiteral("Stage"), base, kZedmedGuid);
    QCOMPARE(QSet<QString>({a, otherEnvironment, otherBase, otherGuid}).size(), 4);

    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(cache.store(a, statementWith(QStringLiteral("Alpha")), now));
    QVERIFY(cache.store(otherEnvironment, statementWith(QStringLiteral("Beta")), now));
    QCOMPARE(jsonFilesIn(dir.path()).size(), 2);

    FhirCapabilityCache reloaded(dir.path());
    const std::optional<FhirCapabilityCache::Entry> alpha = reloaded.find(a);
    const std::optional<FhirCapabilityCache::Entry> beta = reloaded.find(otherEnvironment);
    QVERIFY(alpha && beta);
    QVERIFY(alpha->capabilities.resource(QStringLiteral("Alpha")));
    QVERIFY(!alpha->capabilities.resource(QStringLiteral("Beta")));
    QVERIFY(beta->capabilities.resource(QStringLiteral("Beta")));
    QVERIFY(!reloaded.find(otherBase));
}

void TestFhirCapabilityCache::cacheRefusesWhatIsNotACapabilityStatement()
{
    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    QSignalSpy changed(&cache, &FhirCapabilityCache::changed);
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    const QDateTime then = QDateTime::currentDateTimeUtc().addDays(-1);
    QVERIFY(cache.store(key, handWrittenStatement(), then));
    const QStringList before = jsonFilesIn(dir.path());

    for (const QByteArray &json : {kOperationOutcome, QByteArray("{not json"), QByteArray()}) {
        QString error;
        QVERIFY(!cache.store(key, json, QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(!error.isEmpty());
    }
    QCOMPARE(changed.count(), 1); // only the good one
    QCOMPARE(cache.find(key)->fetchedAt, then);
    QCOMPARE(FhirCapabilityCache(dir.path()).find(key)->fetchedAt, then);
    QCOMPARE(jsonFilesIn(dir.path()), before);
}

void TestFhirCapabilityCache::cacheCountsABadFileAsAbsent_data()
{
    QTest::addColumn<QByteArray>("content"); // "@other" means: another site's valid file

    QTest::newRow("not JSON") << QByteArray("\x00\x01garbage", 9);
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("truncated") << QByteArray(R"({"format":1,"capabilityStatement":"{\"resourceTy)");
    QTest::newRow("JSON without a statement")
        << QByteArray(R"({"format":1,"fetchedAt":"2025-01-01T00:00:00Z"})");
    QTest::newRow("statement is an OperationOutcome") << QByteArray("@outcome");
    QTest::newRow("bad date") << QByteArray("@baddate");
    QTest::newRow("another site's file") << QByteArray("@other");
}

void TestFhirCapabilityCache::cacheCountsABadFileAsAbsent()
{
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    const QString otherKey = QStringLiteral("Stage|https://api.example|") + kZedmedGuid;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString path;
    {
        FhirCapabilityCache cache(dir.path());
        QVERIFY(cache.store(key, handWrittenStatement(), now));
        path = QDir(dir.path()).filePath(jsonFilesIn(dir.path()).first());
        QVERIFY(cache.store(otherKey, handWrittenStatement(), now));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject wrapper = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (content == "@other") {
        QStringList files = jsonFilesIn(dir.path());
        files.removeAll(QFileInfo(path).fileName());
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::copy(QDir(dir.path()).filePath(files.first()), path));
    } else {
        if (content.startsWith('@')) {
            // Change one member of an otherwise good file.
            bool edited = false;
            for (auto it = wrapper.begin(); it != wrapper.end(); ++it) {
                const QString text = it.value().toString();
                if (content == "@outcome" && text.toUtf8() == handWrittenStatement()) {
                    it.value() = QString::fromUtf8(kOperationOutcome);
                    edited = true;
                }
                if (content == "@baddate" &&
                    QDateTime::fromString(text, Qt::ISODateWithMs) == now) {
                    it.value() = QStringLiteral("yesterday");
                    edited = true;
                }
            }
            QVERIFY(edited);
            content = QJsonDocument(wrapper).toJson();
        }
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
        file.close();
    }

    FhirCapabilityCache fresh(dir.path());
    QVERIFY(!fresh.find(key));
    QVERIFY(fresh.find(otherKey)); // the other site's file is fine
    // A good store replaces the bad file.
    QVERIFY(fresh.store(key, handWrittenStatement(), now));
    QVERIFY(FhirCapabilityCache(dir.path()).find(key));
}

void TestFhirCapabilityCache::cacheFailedWriteKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("read-only folder") << QStringLiteral("read-only");
#ifdef Q_OS_UNIX
    // Works for root too, who may write into a read-only folder.
    QTest::newRow("file size limit") << QStringLiteral("size-limit");
#endif
}

void TestFhirCapabilityCache::cacheFailedWriteKeepsTheOldFile()
{
    QFETCH(QString, how);
    if (how == QLatin1String("read-only") && runningAsRoot())
        QSKIP("running as root: a read-only folder does not stop root from writing");

    QTemporaryDir dir;
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    const QDateTime then = QDateTime::currentDateTimeUtc().addSecs(-3600);
    FhirCapabilityCache cache(dir.path());
    QVERIFY(cache.store(key, statementWith(QStringLiteral("OldType")), then));
    const QStringList files = jsonFilesIn(dir.path());
    QCOMPARE(files.size(), 1);
    QFile oldFile(QDir(dir.path()).filePath(files.first()));
    QVERIFY(oldFile.open(QIODevice::ReadOnly));
    const QByteArray oldBytes = oldFile.readAll();
    oldFile.close();

    QString error;
    bool stored = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (how == QLatin1String("read-only")) {
        const QFile::Permissions permissions = QFile::permissions(dir.path());
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        stored = cache.store(key, statementWith(QStringLiteral("NewType")), now, &error);
        QVERIFY(QFile::setPermissions(dir.path(), permissions));
    } else {
#ifdef Q_OS_UNIX
        // Writes past RLIMIT_FSIZE fail with EFBIG for every user; ignore SIGXFSZ meanwhile.
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tiny = saved;
        tiny.rlim_cur = 16;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
        stored = cache.store(key, statementWith(QStringLiteral("NewType")), now, &error);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &saved), 0);
        std::signal(SIGXFSZ, previous);
#endif
    }
    QVERIFY(!stored);
    QVERIFY2(!error.isEmpty(), "a failed write is reported");

    // The file on disk is the old one, byte for byte, and no temporary file is left behind.
    QCOMPARE(jsonFilesIn(dir.path()), files);
    QVERIFY(oldFile.open(QIODevice::ReadOnly));
    QCOMPARE(oldFile.readAll(), oldBytes);
    const std::optional<FhirCapabilityCache::Entry> onDisk =
        FhirCapabilityCache(dir.path()).find(key);
    QVERIFY(onDisk);
    QVERIFY(onDisk->capabilities.resource(QStringLiteral("OldType")));
    QCOMPARE(onDisk->fetchedAt, then);
    // This session keeps what the site said last.
    QVERIFY(cache.find(key)->capabilities.resource(QStringLiteral("NewType")));
}

void TestFhirCapabilityCache::cacheReportsAFolderItCannotCreate()
{
    QTemporaryDir dir;
    const QString occupied = dir.filePath(QStringLiteral("a-file"));
    QFile blocker(occupied);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    FhirCapabilityCache cache(occupied + QStringLiteral("/fhir-capabilities"));
    QString error;
    QVERIFY(!cache.store(QStringLiteral("k"), handWrittenStatement(),
                         QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("fhir-capabilities")), qPrintable(error));
    QVERIFY(!FhirCapabilityCache(occupied + QStringLiteral("/fhir-capabilities"))
                 .find(QStringLiteral("k")));
}

void TestFhirCapabilityCache::cacheForgets()
{
    QTemporaryDir dir;
    FhirCapabilityCache cache(dir.path());
    const QString key = QStringLiteral("Stage|https://api.example|") + kBpGuid;
    QVERIFY(cache.store(key, handWrittenStatement(), QDateTime::currentDateTimeUtc()));
    QSignalSpy changed(&cache, &FhirCapabilityCache::changed);
    cache.forget(key);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!cache.find(key));
    QVERIFY(jsonFilesIn(dir.path()).isEmpty());
    QVERIFY(FhirCapabilityCache::defaultDirectory().endsWith(QLatin1String("/fhir-capabilities")));
}

QTEST_GUILESS_MAIN(TestFhirCapabilityCache)
#include "tst_fhircapabilitycache.moc"
