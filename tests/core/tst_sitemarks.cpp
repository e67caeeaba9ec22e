// SPDX-License-Identifier: GPL-3.0-or-later
// Marks in the site list: what makes a site need attention (SiteMarks), how the model shows it
// in words (display, accessible text, tool tip) and the Needs attention filter.
#include "FailOnWarning.h"
#include "SiteRecords.h"
#include "sites/SiteInfo.h"
#include "sites/SiteListFilterModel.h"
#include "sites/SiteListModel.h"
#include "sites/SiteMarks.h"
#include "sites/SiteStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using Halo::SiteInfo;
using Halo::SiteMarks;

namespace {

const QDateTime kNow(QDate(2026, 3, 4), QTime(10, 0), QTimeZone::utc());

// What Halo says now of the sample record: the same as recorded, online, heard 20 s ago.
SiteInfo healthy(const QString &guid)
{
    const Halo::SiteRecord record = site(guid);
    SiteInfo info;
    info.guid = guid;
    info.practiceName = record.recorded.practiceName;
    info.pmsVersion = record.recorded.pmsVersion;
    info.haloLinkVersion = record.recorded.haloLinkVersion;
    info.availability = SiteInfo::Availability::Online;
    info.authoritative = true;
    info.authoritativeKnown = true;
    info.heartbeatAt = QDateTime::currentDateTimeUtc().addSecs(-20);
    return info;
}

int siteRows(const QAbstractItemModel &model)
{
    int rows = 0;
    for (int g = 0; g < model.rowCount(); ++g)
        rows += model.rowCount(model.index(g, 0));
    return rows;
}

} // namespace

class TestSiteMarks : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void healthySiteHasNoMarks();
    void eachConditionIsAMarkInWords_data();
    void eachConditionIsAMarkInWords();
    void heartbeatTurnsAmberThenRed();
    void unreportedValueIsNotDrift();
    void heartbeatAgeTexts();
    void modelShowsLabelAndMarksInText();
    void attentionFilterShowsOnlyMarkedSites();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSiteMarks::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSiteMarks::healthySiteHasNoMarks()
{
    const SiteInfo now = healthy(kGuidA);
    const SiteMarks marks =
        Halo::siteMarks(site(kGuidA), &now, QString(), QDateTime::currentDateTimeUtc(), {});
    QVERIFY(!marks.needsAttention());
    QVERIFY(marks.labels().isEmpty());
    QCOMPARE(marks.summary(), QStringLiteral("No marks"));
    QCOMPARE(marks.heartbeat, SiteMarks::Heartbeat::Fresh);
    // Nothing known yet is not a mark either.
    const SiteMarks unknown = Halo::siteMarks(site(kGuidA), nullptr, QString(), kNow, {});
    QVERIFY(!unknown.needsAttention());
    QCOMPARE(unknown.heartbeat, SiteMarks::Heartbeat::Unknown);
}

void TestSiteMarks::eachConditionIsAMarkInWords_data()
{
    QTest::addColumn<int>("condition");
    QTest::addColumn<QString>("words");
    QTest::newRow("offline") << 0 << QStringLiteral("Offline");
    QTest::newRow("unreachable") << 1 << QStringLiteral("Unreachable");
    QTest::newRow("request failed") << 2 << QStringLiteral("Unreachable");
    QTest::newRow("not authoritative") << 3 << QStringLiteral("Not authoritative");
    QTest::newRow("renamed") << 4 << QStringLiteral("Changed since onboarding: Practice name");
    QTest::newRow("pms upgraded") << 5 << QStringLiteral("Changed since onboarding: PMS version");
    QTest::newRow("link updated") << 6
                                  << QStringLiteral("Changed since onboarding: Halo Link version");
}

void TestSiteMarks::eachConditionIsAMarkInWords()
{
    QFETCH(int, condition);
    QFETCH(QString, words);
    SiteInfo now = healthy(kGuidA);
    QString problem;
    switch (condition) {
    case 0:
        now.availability = SiteInfo::Availability::Offline;
        break;
    case 1:
        now.availability = SiteInfo::Availability::Unreachable;
        break;
    case 2:
        problem = QStringLiteral("Timed out");
        break;
    case 3:
        now.authoritative = false;
        break;
    case 4:
        now.practiceName = QStringLiteral("Halo Clinic North");
        break;
    case 5:
        now.pmsVersion = QStringLiteral("1.3.0");
        break;
    default:
        now.haloLinkVersion = QStringLiteral("23.0.1");
        break;
    }
    const SiteMarks marks =
        Halo::siteMarks(site(kGuidA), &now, problem, QDateTime::currentDateTimeUtc(), {});
    QVERIFY(marks.needsAttention());
    QCOMPARE(marks.labels(), QStringList{words});
    QCOMPARE(marks.summary(), words);
}

void TestSiteMarks::heartbeatTurnsAmberThenRed()
{
    SiteInfo now = healthy(kGuidA);
    const Halo::HeartbeatThresholds thresholds{600, 3600};
    now.heartbeatAt = kNow.addSecs(-599);
    QCOMPARE(Halo::siteMarks(site(kGuidA), &now, {}, kNow, thresholds).heartbeat,
             SiteMarks::Heartbeat::Fresh);
    now.heartbeatAt = kNow.addSecs(-601);
    SiteMarks marks = Halo::siteMarks(site(kGuidA), &now, {}, kNow, thresholds);
    QCOMPARE(marks.heartbeat, SiteMarks::Heartbeat::Amber);
    QVERIFY(marks.needsAttention());
    QCOMPARE(marks.summary(), QStringLiteral("Not heard from lately (10 min ago)"));
    now.heartbeatAt = kNow.addSecs(-3 * 3600);
    marks = Halo::siteMarks(site(kGuidA), &now, {}, kNow, thresholds);
    QCOMPARE(marks.heartbeat, SiteMarks::Heartbeat::Red);
    QCOMPARE(marks.heartbeatAgeSeconds, 3 * 3600);
    QCOMPARE(marks.summary(), QStringLiteral("Not heard from for long (3 h ago)"));
    // The defaults: amber after an hour, red after a day.
    QCOMPARE(Halo::siteMarks(site(kGuidA), &now, {}, kNow, {}).heartbeat,
             SiteMarks::Heartbeat::Amber);
}

void TestSiteMarks::unreportedValueIsNotDrift()
{
    SiteInfo now = healthy(kGuidA);
    now.pmsVersion.clear(); // Halo did not say: unknown, not changed
    now.practiceName = QStringLiteral("  halo clinic   SOUTH ");
    QVERIFY(!Halo::siteMarks(site(kGuidA), &now, {}, kNow, {}).needsAttention());
}

void TestSiteMarks::heartbeatAgeTexts()
{
    QCOMPARE(Halo::heartbeatAgeText(-1), QString());
    QCOMPARE(Halo::heartbeatAgeText(45), QStringLiteral("45 s ago"));
    QCOMPARE(Halo::heartbeatAgeText(125), QStringLiteral("2 min ago"));
    QCOMPARE(Halo::heartbeatAgeText(3 * 3600 + 59), QStringLiteral("3 h ago"));
    QCOMPARE(Halo::heartbeatAgeText(50 * 3600), QStringLiteral("2 d ago"));
}

void TestSiteMarks::modelShowsLabelAndMarksInText()
{
    Halo::SiteStore store(m_dir->filePath(QStringLiteral("sites.json")));
    QVERIFY(store.load());
    Halo::SiteRecord labelled = site(kGuidA);
    labelled.label = QStringLiteral("South (main)");
    labelled.tags = {QStringLiteral("pilot")};
    QVERIFY(store.add(labelled));
    Halo::SiteListModel model(&store);
    const QModelIndex row = model.indexOf(QStringLiteral("production"), kGuidA);
    QVERIFY(row.isValid());
    QCOMPARE(row.data().toString(), QStringLiteral("South (main)"));

    SiteInfo now = healthy(kGuidA);
    now.practiceName = QStringLiteral("Halo Clinic North");
    now.availability = SiteInfo::Availability::Offline;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateStatus(QStringLiteral("production"), now);
    QCOMPARE(changed.count(), 1);
    // The label still wins over the name Halo reports now; the rename is a mark, not silent.
    QCOMPARE(row.data().toString(), QStringLiteral("South (main)"));
    QVERIFY(row.data(Halo::SiteListModel::NeedsAttentionRole).toBool());
    const QString marks = row.siblingAtColumn(Halo::SiteListModel::MarksColumn).data().toString();
    QVERIFY2(marks.contains(QStringLiteral("Offline")) &&
                 marks.contains(QStringLiteral("Practice name")),
             qPrintable(marks));
    // A screen reader hears the marks with the name; the tool tip says the label and tags.
    const QString spoken = row.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.startsWith(QStringLiteral("South (main), ")) &&
                 spoken.contains(QStringLiteral("Offline")),
             qPrintable(spoken));
    const QString tip = row.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("recorded as Halo Clinic South")) &&
                 tip.contains(QStringLiteral("pilot")),
             qPrintable(tip));
    QCOMPARE(row.siblingAtColumn(Halo::SiteListModel::HeardColumn).data().toString(),
             QStringLiteral("20 s ago"));
    QVERIFY(row.siblingAtColumn(Halo::SiteListModel::HeardColumn)
                .data(Qt::AccessibleTextRole)
                .toString()
                .startsWith(QStringLiteral("last heard")));
    QCOMPARE(model.headerData(Halo::SiteListModel::MarksColumn, Qt::Horizontal).toString(),
             QStringLiteral("Marks"));

    // Thresholds the user sets apply at once.
    model.setHeartbeatThresholds({5, 10});
    QCOMPARE(row.data(Halo::SiteListModel::HeartbeatRole).toInt(), int(SiteMarks::Heartbeat::Red));
}

void TestSiteMarks::attentionFilterShowsOnlyMarkedSites()
{
    Halo::SiteStore store(m_dir->filePath(QStringLiteral("sites.json")));
    QVERIFY(store.load());
    QVERIFY(store.add(site(kGuidA)));
    QVERIFY(store.add(site(kGuidB)));
    QVERIFY(store.add(site(kGuidC, QStringLiteral("stage"))));
    Halo::SiteListModel model(&store);
    Halo::SiteListFilterModel filter;
    filter.setSourceModel(&model);
    for (const QString &guid : {kGuidA, kGuidB})
        model.updateStatus(QStringLiteral("production"), healthy(guid));
    QCOMPARE(siteRows(filter), 3);

    filter.setAttentionOnly(true);
    QCOMPARE(siteRows(filter), 0);
    QCOMPARE(filter.rowCount(), 0); // no empty groups either

    SiteInfo offline = healthy(kGuidB);
    offline.availability = SiteInfo::Availability::Offline;
    model.updateStatus(QStringLiteral("production"), offline);
    QCOMPARE(siteRows(filter), 1);
    QCOMPARE(filter.index(0, 0, filter.index(0, 0)).data(Halo::SiteListModel::GuidRole).toString(),
             kGuidB);
    model.markUnreachable(QStringLiteral("stage"), kGuidC, QStringLiteral("Timed out"));
    QCOMPARE(siteRows(filter), 2);

    // Text and attention together.
    filter.setFilterFixedString(kGuidC.left(8));
    QCOMPARE(siteRows(filter), 1);
    filter.setFilterFixedString(QString());
    filter.setAttentionOnly(false);
    QCOMPARE(siteRows(filter), 3);
}

QTEST_GUILESS_MAIN(TestSiteMarks)
#include "tst_sitemarks.moc"
