// SPDX-License-Identifier: GPL-3.0-or-later
// The site list managed by its user: label, notes and tags kept (and old files still read),
// remove with undo, CSV import with bad rows, export of chosen sites that imports again.
#include "FailOnWarning.h"
#include "SiteRecords.h"
#include "sites/SiteCsv.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"

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

QStringList guidsOf(const SiteStore &store)
{
    QStringList guids;
    for (const SiteRecord &record : store.sites())
        guids << record.guid;
    return guids;
}

const QString kGuidD = QStringLiteral("a3bb189e-8bf9-4888-9912-ace4e6543002");

} // namespace

class TestSiteListEdits : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void labelNotesAndTagsRoundTrip();
    void labelAndTagsAreCleanedAndOptionalInTheFile();
    void fileWithoutLabelOrTagsStillLoads();
    void setDetailsKeepsTheRecordedIdentity();
    void shownNamePrefersTheLabel();
    void removeSeveralThenUndoRestoresThemInPlace();
    void undoIsPersistedAndOffersNothingTwice();
    void undoDoesNotDoubleASiteAddedAgain();
    void removeOfAnUnknownSiteRemovesNothing();
    void csvImportKeepsGoodRowsAndNamesBadLines();
    void csvWithoutItsColumnsIsRefusedWhole();
    void csvQuotedFieldsAndAliases();
    void exportedSelectionImportsAgain_data();
    void exportedSelectionImportsAgain();

private:
    QString path(const QString &name = QStringLiteral("sites.json")) const
    {
        return m_dir->filePath(name);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSiteListEdits::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSiteListEdits::labelNotesAndTagsRoundTrip()
{
    SiteRecord record = site(kGuidA);
    record.label = QStringLiteral("South (old server)");
    record.notes = QStringLiteral("Call Jo first.\nBackups at 02:00.");
    record.tags = {QStringLiteral("pilot"), QStringLiteral("rural")};
    {
        SiteStore store(path());
        QVERIFY(store.load());
        QString error;
        QVERIFY2(store.add(record, &error), qPrintable(error));
    }
    SiteStore reopened(path());
    QVERIFY(reopened.load());
    const SiteRecord *read = reopened.find(QStringLiteral("production"), kGuidA);
    QVERIFY(read);
    QCOMPARE(read->label, record.label);
    QCOMPARE(read->notes, record.notes);
    QCOMPARE(read->tags, record.tags);
    QCOMPARE(read->recorded.practiceName, record.recorded.practiceName);
}

void TestSiteListEdits::labelAndTagsAreCleanedAndOptionalInTheFile()
{
    SiteStore store(path());
    QVERIFY(store.load());
    SiteRecord record = site(kGuidA);
    record.label = QStringLiteral("  South   clinic ");
    record.tags = {QStringLiteral(" pilot "), QString(), QStringLiteral("Pilot"),
                   QStringLiteral("rural")};
    QVERIFY(store.add(record));
    QVERIFY(store.add(site(kGuidB)));
    QCOMPARE(store.sites().at(0).label, QStringLiteral("South clinic"));
    QCOMPARE(store.sites().at(0).tags,
             QStringList({QStringLiteral("pilot"), QStringLiteral("rural")}));
    // A site without them is written as before: an older program reads the file unchanged.
    const QJsonArray sites =
        QJsonDocument::fromJson(contents(path())).object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(
        QJsonDocument::fromJson(contents(path())).object().value(QStringLiteral("version")).toInt(),
        1);
    QVERIFY(sites.at(0).toObject().contains(QStringLiteral("label")));
    QVERIFY(!sites.at(1).toObject().contains(QStringLiteral("label")));
    QVERIFY(!sites.at(1).toObject().contains(QStringLiteral("tags")));
}

void TestSiteListEdits::fileWithoutLabelOrTagsStillLoads()
{
    // A file as the previous release wrote it.
    const QByteArray old = R"({
    "sites": [
        {
            "addedAt": "2024-05-06T07:08:09.123Z",
            "environment": "production",
            "guid": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "notes": "Main branch",
            "pmsId": "12345",
            "pmsType": "BestPractice",
            "previousGuids": [],
            "recorded": {
                "haloLinkVersion": "22.1207.209",
                "pmsVersion": "1.2.3",
                "practiceName": "Halo Clinic South",
                "recordedAt": "2024-05-06T07:08:09.123Z"
            }
        }
    ],
    "version": 1
}
)";
    write(path(), old);
    SiteStore store(path());
    QString error;
    QVERIFY2(store.load(&error), qPrintable(error));
    QCOMPARE(store.sites().size(), 1);
    QCOMPARE(store.sites().first().notes, QStringLiteral("Main branch"));
    QVERIFY(store.sites().first().label.isEmpty());
    QVERIFY(store.sites().first().tags.isEmpty());
    QVERIFY(!store.isReadOnly());
}

void TestSiteListEdits::setDetailsKeepsTheRecordedIdentity()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QSignalSpy changed(&store, &SiteStore::changed);
    QString error;
    QVERIFY2(store.setDetails(QStringLiteral("production"), kGuidA, QStringLiteral("South"),
                              QStringLiteral("New notes"), {QStringLiteral("vip")}, &error),
             qPrintable(error));
    QCOMPARE(changed.count(), 1);
    SiteStore reopened(path());
    QVERIFY(reopened.load());
    const SiteRecord &read = reopened.sites().first();
    QCOMPARE(read.label, QStringLiteral("South"));
    QCOMPARE(read.notes, QStringLiteral("New notes"));
    QCOMPARE(read.tags, QStringList{QStringLiteral("vip")});
    QCOMPARE(read.recorded.practiceName, QStringLiteral("Halo Clinic South"));
    QCOMPARE(read.recorded.recordedAt, site(kGuidA).recorded.recordedAt);

    QVERIFY(
        !store.setDetails(QStringLiteral("production"), kGuidB, QString(), QString(), {}, &error));
    QVERIFY(error.contains(kGuidB));
}

void TestSiteListEdits::shownNamePrefersTheLabel()
{
    SiteRecord record = site(kGuidA);
    QCOMPARE(Halo::shownName(record), QStringLiteral("Halo Clinic South"));
    QCOMPARE(Halo::shownName(record, QStringLiteral("Halo Clinic North")),
             QStringLiteral("Halo Clinic North"));
    record.label = QStringLiteral("South");
    QCOMPARE(Halo::shownName(record, QStringLiteral("Halo Clinic North")), QStringLiteral("South"));
    QCOMPARE(Halo::tagsFromText(QStringLiteral(" a, b ,,A, c ")),
             QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(Halo::tagsText({QStringLiteral("a"), QStringLiteral("b")}), QStringLiteral("a, b"));
}

void TestSiteListEdits::removeSeveralThenUndoRestoresThemInPlace()
{
    SiteStore store(path());
    QVERIFY(store.load());
    for (const QString &guid : {kGuidA, kGuidB, kGuidC, kGuidD})
        QVERIFY(store.add(site(guid)));
    QVERIFY(!store.canUndoRemove());
    QSignalSpy changed(&store, &SiteStore::changed);

    QString error;
    QVERIFY2(store.remove(QList<SiteRecord>{site(kGuidD), site(kGuidB)}, &error),
             qPrintable(error));
    QCOMPARE(changed.count(), 1); // one write for the lot
    QCOMPARE(guidsOf(store), QStringList({kGuidA, kGuidC}));
    QVERIFY(store.canUndoRemove());
    QCOMPARE(store.lastRemovalCount(), 2);

    QVERIFY2(store.undoRemove(&error), qPrintable(error));
    QCOMPARE(guidsOf(store), QStringList({kGuidA, kGuidB, kGuidC, kGuidD}));
    QVERIFY(!store.canUndoRemove());
}

void TestSiteListEdits::undoIsPersistedAndOffersNothingTwice()
{
    SiteRecord labelled = site(kGuidB);
    labelled.label = QStringLiteral("North");
    labelled.tags = {QStringLiteral("pilot")};
    {
        SiteStore store(path());
        QVERIFY(store.load());
        QVERIFY(store.add(site(kGuidA)));
        QVERIFY(store.add(labelled));
        QVERIFY(store.remove(QStringLiteral("production"), kGuidB));
        SiteStore onDisk(path());
        QVERIFY(onDisk.load());
        QCOMPARE(guidsOf(onDisk), QStringList{kGuidA}); // the removal was written at once
        QVERIFY(store.undoRemove());
        QString error;
        QVERIFY(!store.undoRemove(&error));
        QVERIFY(!error.isEmpty());
    }
    SiteStore reopened(path());
    QVERIFY(reopened.load());
    QCOMPARE(guidsOf(reopened), QStringList({kGuidA, kGuidB}));
    // Everything about the site came back, not only its GUID.
    const SiteRecord *restored = reopened.find(QStringLiteral("production"), kGuidB);
    QVERIFY(restored);
    QCOMPARE(restored->label, QStringLiteral("North"));
    QCOMPARE(restored->tags, labelled.tags);
    QCOMPARE(restored->notes, labelled.notes);
    QVERIFY(!reopened.canUndoRemove()); // a removal is undone in the session that made it
}

void TestSiteListEdits::undoDoesNotDoubleASiteAddedAgain()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QVERIFY(store.add(site(kGuidB)));
    QVERIFY(store.remove(QList<SiteRecord>{site(kGuidA), site(kGuidB)}));
    QVERIFY(store.sites().isEmpty());
    QVERIFY(store.add(site(kGuidB)));
    QVERIFY(store.undoRemove());
    QCOMPARE(guidsOf(store), QStringList({kGuidA, kGuidB}));
}

void TestSiteListEdits::removeOfAnUnknownSiteRemovesNothing()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    const QByteArray before = contents(path());
    QString error;
    QVERIFY(!store.remove(QList<SiteRecord>{site(kGuidA), site(kGuidC)}, &error));
    QVERIFY(error.contains(kGuidC));
    QCOMPARE(guidsOf(store), QStringList{kGuidA});
    QCOMPARE(contents(path()), before);
    QVERIFY(!store.remove(QList<SiteRecord>{}, &error));
    QVERIFY(!store.canUndoRemove());
}

void TestSiteListEdits::csvImportKeepsGoodRowsAndNamesBadLines()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA, QStringLiteral("sandbox"))));
    const QString csv = path(QStringLiteral("team.csv"));
    write(csv, QStringLiteral("pms,pms_id,guid,label\r\n"
                              "Best Practice,BP-1,%1,South\r\n"   // line 2: already there
                              "Zedmed,ZM-7,%2,North\r\n"          // line 3: new
                              "Zedmed,ZM-8,not-a-guid,Broken\r\n" // line 4: bad GUID
                              "\r\n"
                              "D4w,,%3,No PMS ID\r\n" // line 6: empty PMS ID
                              "d4w,D4-9,%4,East\r\n") // line 7: new
                   .arg(kGuidA, kGuidB, kGuidC, kGuidD)
                   .toUtf8());
    SiteStore::ImportResult result;
    QString error;
    QVERIFY2(store.importFrom(csv, &result, &error, {QStringLiteral("sandbox"), QString()}),
             qPrintable(error));
    QCOMPARE(result.added, 2);
    QCOMPARE(result.skipped, 1);
    QCOMPARE(result.problems.size(), 2);
    QVERIFY2(result.problems.at(0).startsWith(QStringLiteral("Line 4: ")) &&
                 result.problems.at(0).contains(QStringLiteral("GUID")),
             qPrintable(result.problems.at(0)));
    QVERIFY2(result.problems.at(1).startsWith(QStringLiteral("Line 6: ")) &&
                 result.problems.at(1).contains(QStringLiteral("PMS ID")),
             qPrintable(result.problems.at(1)));

    SiteStore reopened(path());
    QVERIFY(reopened.load());
    QCOMPARE(guidsOf(reopened), QStringList({kGuidA, kGuidB, kGuidD}));
    const SiteRecord *north = reopened.find(QStringLiteral("sandbox"), kGuidB);
    QVERIFY(north);
    QCOMPARE(north->label, QStringLiteral("North"));
    QCOMPARE(north->pmsType, QStringLiteral("Zedmed"));
    QCOMPARE(reopened.find(QStringLiteral("sandbox"), kGuidD)->pmsType, QStringLiteral("D4w"));
    // The existing site was left as it was.
    QVERIFY(reopened.find(QStringLiteral("sandbox"), kGuidA)->label.isEmpty());

    // Without an environment (column or default) no row can be placed, and each says so.
    SiteStore::ImportResult nowhere;
    QVERIFY(store.importFrom(csv, &nowhere, &error));
    QCOMPARE(nowhere.added, 0);
    QCOMPARE(nowhere.problems.size(), 5);
    QVERIFY(nowhere.problems.first().contains(QStringLiteral("environment")));
}

void TestSiteListEdits::csvWithoutItsColumnsIsRefusedWhole()
{
    SiteStore store(path());
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    const QByteArray before = contents(path());
    const QString csv = path(QStringLiteral("names.csv"));
    write(csv, "name,phone\nSomeone,123\n");
    SiteStore::ImportResult result;
    QString error;
    QVERIFY(!store.importFrom(csv, &result, &error, {QStringLiteral("production"), QString()}));
    QVERIFY2(error.contains(QStringLiteral("Line 1")) && error.contains(QStringLiteral("pms_id")),
             qPrintable(error));
    QCOMPARE(contents(path()), before);
    write(csv, "");
    QVERIFY(!store.importFrom(csv, &result, &error, {QStringLiteral("production"), QString()}));
    QVERIFY(error.contains(QStringLiteral("empty")));
}

void TestSiteListEdits::csvQuotedFieldsAndAliases()
{
    // A bulk-verification file (expected_guid, expected_name), quoted as spreadsheets write.
    const QByteArray data =
        QByteArray("\xef\xbb\xbf") +
        QStringLiteral("PMS,PMS_ID,Expected_GUID,Expected_Name,Notes,tags\r\n"
                       "bp,\"BP,1\",%1,\"Clinic \"\"South\"\"\",\"two\nlines\",a;b\r\n"
                       "zedmed,ZM-2,%2,\"unclosed\r\n")
            .arg(kGuidA, kGuidB)
            .toUtf8();
    QList<Halo::SiteCsvRow> rows;
    QString error;
    QVERIFY2(Halo::readSiteCsv(data, {QStringLiteral("stage"), QString()}, &rows, &error),
             qPrintable(error));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).line, 2);
    QVERIFY(rows.at(0).problem.isEmpty());
    QCOMPARE(rows.at(0).record.pmsType, QStringLiteral("BestPractice"));
    QCOMPARE(rows.at(0).record.pmsId, QStringLiteral("BP,1"));
    QCOMPARE(rows.at(0).record.guid, kGuidA);
    QCOMPARE(rows.at(0).record.environment, QStringLiteral("stage"));
    QCOMPARE(rows.at(0).record.recorded.practiceName, QStringLiteral("Clinic \"South\""));
    QCOMPARE(rows.at(0).record.notes, QStringLiteral("two\nlines"));
    QCOMPARE(rows.at(0).record.tags, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(rows.at(1).line, 4); // the quoted line break counted
    QVERIFY(rows.at(1).problem.contains(QStringLiteral("quoted")));
}

void TestSiteListEdits::exportedSelectionImportsAgain_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("json") << QStringLiteral("chosen.json");
    QTest::newRow("csv") << QStringLiteral("chosen.csv");
}

void TestSiteListEdits::exportedSelectionImportsAgain()
{
    QFETCH(QString, fileName);
    SiteRecord custom = site(kGuidC, QStringLiteral("custom"));
    custom.baseUrl = QStringLiteral("https://halo.example.test");
    custom.label = QStringLiteral("Custom, \"quoted\"");
    custom.notes = QStringLiteral("line one\nline two");
    custom.tags = {QStringLiteral("pilot"), QStringLiteral("rural")};
    SiteRecord stage = site(kGuidB, QStringLiteral("stage"));
    stage.pmsType = QStringLiteral("Zedmed");
    const QString exported = path(fileName);
    QString error;
    QVERIFY2(SiteStore::exportSites(exported, {custom, stage}, &error), qPrintable(error));

    SiteStore other(path(QStringLiteral("other.json")));
    QVERIFY(other.load());
    SiteStore::ImportResult result;
    QVERIFY2(other.importFrom(exported, &result, &error), qPrintable(error));
    QCOMPARE(result.added, 2);
    QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
    const SiteRecord *read = other.find(QStringLiteral("custom"), kGuidC);
    QVERIFY(read);
    QCOMPARE(read->baseUrl, custom.baseUrl);
    QCOMPARE(read->label, custom.label);
    QCOMPARE(read->notes, custom.notes);
    QCOMPARE(read->tags, custom.tags);
    QCOMPARE(read->recorded.practiceName, custom.recorded.practiceName);
    QCOMPARE(other.find(QStringLiteral("stage"), kGuidB)->pmsType, QStringLiteral("Zedmed"));
}

QTEST_GUILESS_MAIN(TestSiteListEdits)
#include "tst_sitelistedits.moc"
