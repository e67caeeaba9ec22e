// SPDX-License-Identifier: GPL-3.0-or-later
// The site list on disk: round trips, restarts, failed writes, read-only after a bad file,
// validation, updates, import and export. Site identity checks are tst_siteidentity.
#include "FailOnWarning.h"
#include "SiteRecords.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using Halo::SiteRecord;
using Halo::SiteStore;

namespace {

QByteArray listJson(const QJsonArray &sites)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("sites"), sites}})
        .toJson();
}

QJsonObject entry(const QString &guid, const QString &environment = QStringLiteral("production"))
{
    return QJsonObject{{QStringLiteral("environment"), environment},
                       {QStringLiteral("guid"), guid},
                       {QStringLiteral("pmsType"), QStringLiteral("Zedmed")},
                       {QStringLiteral("pmsId"), QStringLiteral("ZD-1")}};
}

} // namespace

class TestSiteStore : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void missingFileIsAnEmptyList();
    void roundTripsThroughANewStore();
    void survivesRestart();
    void failedWriteLeavesFileAndListAsTheyWere();
    void failedWriteIntoAFileAsFolderReportsAnError();
    void corruptFileMakesTheStoreReadOnly();
    void wrongVersionMakesTheStoreReadOnly();
    void refusesDuplicates();
    void validatesRecordsOnAdd_data();
    void validatesRecordsOnAdd();
    void updateWithChangedGuidKeepsPreviousGuids();
    void removeDeletesOnlyThatSite();
    void importMergesAndReportsProblems();
    void importOfBrokenFileChangesNothing();
    void importNeverTakesUnknownFields();
    void exportFiltersByEnvironment();

private:
    QString path(const QString &name = QStringLiteral("data/sites.json")) const
    {
        return m_dir->filePath(name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSiteStore::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSiteStore::missingFileIsAnEmptyList()
{
    SiteStore store(path());
    QString error;
    QVERIFY(store.load(&error));
    QVERIFY(error.isEmpty());
    QVERIFY(store.sites().isEmpty());
    QVERIFY(!store.isReadOnly());
    QVERIFY(!QFile::exists(path()));
}

void TestSiteStore::roundTripsThroughANewStore()
{
    SiteRecord custom =
        site(QStringLiteral("  {16FD2706-8BAF-433B-82EB-8C7FADA847DA} "), QStringLiteral("custom"));
    custom.baseUrl = QStringLiteral("https://halo.example.test/api/");
    custom.previousGuids = {kGuidB};
    custom.addedAt = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 678), QTimeZone::utc());
    {
        SiteStore store(path());
        QVERIFY(store.load());
        QSignalSpy changed(&store, &SiteStore::changed);
        QString error;
        QVERIFY2(store.add(site(kGuidA), &error), qPrintable(error));
        QVERIFY2(store.add(custom, &error), qPrintable(error));
        QCOMPARE(changed.count(), 2);
    }
    SiteStore reopened(path());
    QVERIFY(reopened.load());
    QCOMPARE(reopened.sites().size(), 2);
    const SiteRecord *read = reopened.find(QStringLiteral("custom"), kGuidC.toUpper());
    QVERIFY(read);
    QCOMPARE(read->guid, kGuidC);
    QCOMPARE(read->baseUrl, QStringLiteral("https://halo.example.test/api"));
    QCOMPARE(read->pmsType, custom.pmsType);
    QCOMPARE(read->pmsId, custom.pmsId);
    QCOMPARE(read->notes, custom.notes);
    QCOMPARE(read->recorded.practiceName, custom.recorded.practiceName);
    QCOMPARE(read->recorded.pmsVersion, custom.recorded.pmsVersion);
    QCOMPARE(read->recorded.haloLinkVersion, custom.recorded.haloLinkVersion);
    QCOMPARE(read->recorded.recordedAt, custom.recorded.recordedAt);
    QCOMPARE(read->addedAt, custom.addedAt);
    QCOMPARE(read->previousGuids, QStringList{kGuidB});

    const QJsonObject root = QJsonDocument::fromJson(contents(path())).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject first = root.value(QStringLiteral("sites")).toArray().at(1).toObject();
    QCOMPARE(first.value(QStringLiteral("addedAt")).toString(),
             QStringLiteral("2024-01-02T03:04:05.678Z"));
}

void TestSiteStore::survivesRestart()
{
    {
        SiteStore store(path());
        QVERIFY(store.load());
        QVERIFY(store.add(site(kGuidA)));
        QVERIFY(store.add(site(kGuidB, QStringLiteral("stage"))));
        QVERIFY(store.remove(QStringLiteral("production"), kGuidA));
    }
    SiteStore reopened(path());
    QVERIFY(reopened.load());
    QCOMPARE(reopened.sites().size(), 1);
    QCOMPARE(reopened.sites().first().guid, kGuidB);
    QCOMPARE(reopened.sites().first().environment, QStringLiteral("stage"));
    QVERIFY(reopened.sites().first().addedAt.isValid());
}

void TestSiteStore::failedWriteLeavesFileAndListAsTheyWere()
{
    // A name at the file-system limit leaves no room for QSaveFile's temporary name beside it,
    // so the save fails while the old file stays where it is (even for root).
    const QString longPath =
        m_dir->filePath(QString(245, QLatin1Char('s')) + QStringLiteral(".json"));
    {
        QFile probe(longPath);
        if (!probe.open(QIODevice::WriteOnly))
            QSKIP("This file system does not allow 250-character file names.");
    }
    QVERIFY(QFile::remove(longPath));
    {
        QFile tempProbe(longPath + QStringLiteral(".XXXXXX"));
        if (tempProbe.open(QIODevice::WriteOnly))
            QSKIP("This file system allows names longer than 255 characters.");
    }
    const QByteArray before = listJson(QJsonArray{entry(kGuidA)});
    write(longPath, before);

    SiteStore store(longPath);
    QVERIFY(store.load());
    QCOMPARE(store.sites().size(), 1);
    QSignalSpy changed(&store, &SiteStore::changed);

    QString error;
    QVERIFY(!store.add(site(kGuidB), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store.update(QStringLiteral("production"), kGuidA, site(kGuidC), &error));
    QVERIFY(!store.remove(QStringLiteral("production"), kGuidA, &error));
    QCOMPARE(contents(longPath), before);
    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(store.sites().first().guid, kGuidA);
    QCOMPARE(store.sites().first().pmsType, QStringLiteral("Zedmed"));
    QCOMPARE(changed.count(), 0);
}

void TestSiteStore::failedWriteIntoAFileAsFolderReportsAnError()
{
    write(m_dir->filePath(QStringLiteral("data")), "not a folder");
    SiteStore store(path());
    QVERIFY(store.load());
    QSignalSpy changed(&store, &SiteStore::changed);
    QString error;
    QVERIFY(!store.add(site(kGuidA), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(store.sites().isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(contents(m_dir->filePath(QStringLiteral("data"))), QByteArray("not a folder"));

    // A folder where the file should be.
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("folder/sites.json")));
    SiteStore blocked(m_dir->filePath(QStringLiteral("folder/sites.json")));
    QVERIFY(!blocked.add(site(kGuidA), &error));
    QVERIFY(blocked.sites().isEmpty());
}

void TestSiteStore::corruptFileMakesTheStoreReadOnly()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("data")));
    const QByteArray corrupt = "{\"version\":1,\"sites\":[{\"environment\":\"production\",";
    write(path(), corrupt);

    SiteStore store(path());
    QString error;
    QVERIFY(!store.load(&error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path())), qPrintable(error));
    QVERIFY(store.isReadOnly());
    QVERIFY(store.sites().isEmpty());

    QVERIFY(!store.add(site(kGuidA), &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path())), qPrintable(error));
    QVERIFY(error.contains(QStringLiteral("untouched")));
    SiteStore::ImportResult ignored;
    write(path(QStringLiteral("import.json")), listJson(QJsonArray{entry(kGuidB)}));
    QVERIFY(!store.importFrom(path(QStringLiteral("import.json")), &ignored, &error));
    QCOMPARE(contents(path()), corrupt);

    // Once the user has repaired it, a new load clears the refusal.
    write(path(), listJson(QJsonArray{entry(kGuidA)}));
    QVERIFY(store.load());
    QVERIFY(!store.isReadOnly());
    QVERIFY(store.add(site(kGuidB)));
}

void TestSiteStore::wrongVersionMakesTheStoreReadOnly()
{
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("data")));
    const QByteArray newer = QJsonDocument(QJsonObject{{QStringLiteral("version"), 2},
                                                       {QStringLiteral("sites"), QJsonArray()}})
                                 .toJson();
    write(path(), newer);
    SiteStore store(path());
    QString error;
    QVERIFY(!store.load(&error));
    QVERIFY2(error.contains(QStringLiteral("version 2")), qPrintable(error));
    QVERIFY(store.isReadOnly());
    QVERIFY(!store.remove(QStringLiteral("production"), kGuidA, &error));
    QCOMPARE(contents(path()), newer);
}

void TestSiteStore::refusesDuplicates()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QString error;
    QVERIFY(!store.add(site(kGuidA.toUpper()), &error));
    QVERIFY(error.contains(kGuidA));
    // The same GUID in another environment, or behind another custom service, is another site.
    QVERIFY(store.add(site(kGuidA, QStringLiteral("stage"))));
    SiteRecord one = site(kGuidA, QStringLiteral("custom"));
    one.baseUrl = QStringLiteral("https://one.example.test");
    SiteRecord two = one;
    two.baseUrl = QStringLiteral("https://two.example.test");
    QVERIFY(store.add(one));
    QVERIFY(store.add(two));
    SiteRecord oneAgain = one;
    oneAgain.baseUrl = QStringLiteral("HTTPS://ONE.example.test/");
    QVERIFY(!store.add(oneAgain, &error));
    QCOMPARE(store.sites().size(), 4);
}

void TestSiteStore::validatesRecordsOnAdd_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("guid");
    QTest::addColumn<QString>("pmsType");
    QTest::addColumn<QString>("pmsId");
    QTest::addColumn<bool>("valid");

    const QString bp = QStringLiteral("BestPractice");
    QTest::newRow("production") << "production"
                                << "" << kGuidA << bp << "1" << true;
    QTest::newRow("sandbox D4w") << "sandbox"
                                 << "" << kGuidA << "D4w"
                                 << "CRN9" << true;
    QTest::newRow("custom http") << "custom"
                                 << "http://localhost:8080" << kGuidA << bp << "1" << true;
    QTest::newRow("unknown environment") << "qa"
                                         << "" << kGuidA << bp << "1" << false;
    QTest::newRow("custom without URL") << "custom"
                                        << "" << kGuidA << bp << "1" << false;
    QTest::newRow("custom ftp") << "custom"
                                << "ftp://example.test" << kGuidA << bp << "1" << false;
    QTest::newRow("bad GUID") << "production"
                              << ""
                              << "not-a-guid" << bp << "1" << false;
    QTest::newRow("display PMS name") << "production"
                                      << "" << kGuidA << "Best Practice"
                                      << "1" << false;
    QTest::newRow("empty PMS ID") << "production"
                                  << "" << kGuidA << bp << "  " << false;
}

void TestSiteStore::validatesRecordsOnAdd()
{
    QFETCH(QString, environment);
    QFETCH(QString, baseUrl);
    QFETCH(QString, guid);
    QFETCH(QString, pmsType);
    QFETCH(QString, pmsId);
    QFETCH(bool, valid);

    SiteRecord record = site(guid, environment);
    record.baseUrl = baseUrl;
    record.pmsType = pmsType;
    record.pmsId = pmsId;
    SiteStore store(path());
    QVERIFY(store.load());
    QString error;
    QCOMPARE(store.add(record, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    QCOMPARE(store.sites().size(), valid ? 1 : 0);
    QCOMPARE(QFile::exists(path()), valid);
}

void TestSiteStore::updateWithChangedGuidKeepsPreviousGuids()
{
    SiteStore store(path());
    QVERIFY(store.load());
    SiteRecord original = site(kGuidA);
    original.addedAt = QDateTime(QDate(2023, 3, 4), QTime(5, 6, 7), QTimeZone::utc());
    QVERIFY(store.add(original));
    QSignalSpy changed(&store, &SiteStore::changed);

    // A re-resolve after a Halo Link reinstall: the caller passes a record without history.
    SiteRecord moved = site(kGuidB);
    QString error;
    QVERIFY2(store.update(QStringLiteral("production"), kGuidA, moved, &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.find(QStringLiteral("production"), kGuidA));
    const SiteRecord *now = store.find(QStringLiteral("production"), kGuidB);
    QVERIFY(now);
    QCOMPARE(now->previousGuids, QStringList{kGuidA});
    QCOMPARE(now->addedAt, original.addedAt);

    QVERIFY(store.update(QStringLiteral("production"), kGuidB, site(kGuidC)));
    SiteStore reopened(path());
    QVERIFY(reopened.load());
    QCOMPARE(reopened.sites().first().previousGuids, (QStringList{kGuidA, kGuidB}));

    // Notes only: the GUID history is unchanged.
    SiteRecord noted = reopened.sites().first();
    noted.notes = QStringLiteral("Moved servers in May");
    QVERIFY(reopened.update(QStringLiteral("production"), kGuidC, noted));
    QCOMPARE(reopened.sites().first().previousGuids, (QStringList{kGuidA, kGuidB}));
    QCOMPARE(reopened.sites().first().notes, noted.notes);

    // Updating onto another site's identity is refused.
    QVERIFY(reopened.add(site(kGuidA)));
    QVERIFY(!reopened.update(QStringLiteral("production"), kGuidC, site(kGuidA), &error));
    QVERIFY(!reopened.update(QStringLiteral("production"), kGuidB, site(kGuidB), &error));
}

void TestSiteStore::removeDeletesOnlyThatSite()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QVERIFY(store.add(site(kGuidA, QStringLiteral("stage"))));
    QString error;
    QVERIFY(!store.remove(QStringLiteral("production"), kGuidB, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(store.remove(QStringLiteral("stage"), kGuidA.toUpper()));
    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(store.sites().first().environment, QStringLiteral("production"));
}

void TestSiteStore::importMergesAndReportsProblems()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QSignalSpy changed(&store, &SiteStore::changed);

    const QString importPath = path(QStringLiteral("team.json"));
    write(importPath, listJson(QJsonArray{
                          entry(kGuidA.toUpper()),                               // already there
                          entry(kGuidB),                                         // new
                          entry(QStringLiteral("123"), QStringLiteral("stage")), // bad GUID
                          QStringLiteral("not an object"),                       // not a site
                          entry(kGuidB),                            // twice in the file
                          entry(kGuidC, QStringLiteral("sandbox")), // new
                      }));
    SiteStore::ImportResult result;
    QString error;
    QVERIFY2(store.importFrom(importPath, &result, &error), qPrintable(error));
    QCOMPARE(result.added, 2);
    QCOMPARE(result.skipped, 2);
    QCOMPARE(result.problems.size(), 2);
    QVERIFY2(result.problems.at(0).startsWith(QStringLiteral("Site 3")),
             qPrintable(result.problems.at(0)));
    QVERIFY2(result.problems.at(1).startsWith(QStringLiteral("Site 4")),
             qPrintable(result.problems.at(1)));
    QCOMPARE(changed.count(), 1); // one save for the whole import

    SiteStore reopened(path());
    QVERIFY(reopened.load());
    QCOMPARE(reopened.sites().size(), 3);
    QVERIFY(reopened.find(QStringLiteral("sandbox"), kGuidC));

    // Nothing new: nothing written, no signal.
    const QByteArray before = contents(path());
    QVERIFY(store.importFrom(importPath, &result, &error));
    QCOMPARE(result.added, 0);
    QCOMPARE(result.skipped, 4);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(contents(path()), before);
}

void TestSiteStore::importOfBrokenFileChangesNothing()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    const QByteArray before = contents(path());
    QSignalSpy changed(&store, &SiteStore::changed);

    const QList<QByteArray> broken{
        "{\"version\":1,\"sites\":[",   "[]", "{\"sites\":[]}", "{\"version\":7,\"sites\":[]}",
        "{\"version\":1,\"sites\":{}}",
    };
    for (const QByteArray &data : broken) {
        write(path(QStringLiteral("broken.json")), data);
        SiteStore::ImportResult result;
        QString error;
        QVERIFY2(!store.importFrom(path(QStringLiteral("broken.json")), &result, &error),
                 data.constData());
        QVERIFY(!error.isEmpty());
        QCOMPARE(result.added, 0);
    }
    QString error;
    SiteStore::ImportResult result;
    QVERIFY(!store.importFrom(path(QStringLiteral("missing.json")), &result, &error));
    QVERIFY(!error.isEmpty());

    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(contents(path()), before);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!store.isReadOnly());
}

void TestSiteStore::importNeverTakesUnknownFields()
{
    QJsonObject withKey = entry(kGuidA);
    withKey.insert(QStringLiteral("subscriptionKey"), QStringLiteral("secret-key-value"));
    withKey.insert(QStringLiteral("apiKey"), QStringLiteral("secret-key-value"));
    withKey.insert(QStringLiteral("colour"), QStringLiteral("blue"));
    write(path(QStringLiteral("shared.json")), listJson(QJsonArray{withKey}));

    SiteStore store(path());
    QVERIFY(store.load());
    SiteStore::ImportResult result;
    QVERIFY(store.importFrom(path(QStringLiteral("shared.json")), &result));
    QCOMPARE(result.added, 1);
    QVERIFY(!contents(path()).contains("secret-key-value"));
    QVERIFY(!contents(path()).contains("colour"));
    QVERIFY(store.exportTo(path(QStringLiteral("out.json"))));
    QVERIFY(!contents(path(QStringLiteral("out.json"))).contains("secret-key-value"));
}

void TestSiteStore::exportFiltersByEnvironment()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QVERIFY(store.add(site(kGuidB, QStringLiteral("stage"))));
    QVERIFY(store.add(site(kGuidC, QStringLiteral("stage"))));

    const QString stagePath = path(QStringLiteral("exports/stage.json"));
    QString error;
    QVERIFY2(store.exportTo(stagePath, QStringLiteral("stage"), &error), qPrintable(error));
    SiteStore stageOnly(stagePath);
    QVERIFY(stageOnly.load());
    QCOMPARE(stageOnly.sites().size(), 2);
    for (const SiteRecord &record : stageOnly.sites())
        QCOMPARE(record.environment, QStringLiteral("stage"));

    const QString allPath = path(QStringLiteral("exports/all.json"));
    QVERIFY(store.exportTo(allPath));
    QCOMPARE(contents(allPath), contents(path())); // the same format as the site list itself

    // An export that cannot be written says so.
    QVERIFY(!store.exportTo(path(QStringLiteral("exports")), QString(), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestSiteStore)
#include "tst_sitestore.moc"
