// SPDX-License-Identifier: GPL-3.0-or-later
// HaloApiClient's site calls against a real sandbox on loopback: finding the installs of a PMS
// ID, a site's status into every SiteInfo field, identifiers kept as single URL values, pairing.
#include "ApiClientRig.h"
#include "FailOnWarning.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "sites/SiteInfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <QtTest>

class TestApiClientSites : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void findSitesReturnsBothInstallsOfASharedPmsIdWithOneAuthoritative();
    void identifiersStaySingleUrlValues();
    void siteStatusFillsEverySiteInfoField();
    void siteStatusOfARenamedPracticeReportsTheCurrentName();
    void pairSiteWithWrongCodeFailsWith403AndSaysWhatToDo();
    void pairSiteWithRightCodeUnlocksQueries();
};

void TestApiClientSites::findSitesReturnsBothInstallsOfASharedPmsIdWithOneAuthoritative()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &current = onlineBp();
    const Sandbox::SampleSite &old = sampleSite(SiteScenario::NonAuthoritative);
    QCOMPARE(old.pmsId, current.pmsId);

    const CallPtr call =
        await(rig.client.findSites(current.pmsId, QStringLiteral("Best Practice")));
    VERIFY_OK(call);
    QCOMPARE(call->httpStatus(), 200);
    const QJsonArray sites = call->jsonObject().value(QLatin1String("sites")).toArray();
    QCOMPARE(sites.size(), 2);

    QStringList guids;
    int authoritative = 0;
    for (const QJsonValue &value : sites) {
        const Halo::SiteInfo site = Halo::SiteInfo::fromJson(value.toObject());
        guids.append(site.guid);
        QCOMPARE(site.pmsId, current.pmsId);
        QCOMPARE(site.pmsType, QStringLiteral("BestPractice"));
        QVERIFY(site.authoritativeKnown);
        if (site.authoritative) {
            ++authoritative;
            QCOMPARE(site.guid, current.guid);
        }
    }
    QCOMPARE(authoritative, 1);
    guids.sort();
    QStringList expected{current.guid, old.guid};
    expected.sort();
    QCOMPARE(guids, expected);
}

void TestApiClientSites::identifiersStaySingleUrlValues()
{
    START_RIG(rig, sandboxOptions());
    // A PMS ID or GUID as a user may paste it must not add query items or path segments.
    const QString pmsId = QStringLiteral(" BP 1&practiceManagementName=Zedmed+x%2F ");
    const CallPtr find = await(rig.client.findSites(pmsId, QStringLiteral("Best Practice")));
    VERIFY_OK(find);
    const QUrlQuery query(find->url());
    QCOMPARE(query.queryItems().size(), 2);
    QCOMPARE(query.queryItemValue(QStringLiteral("practiceManagementSiteId"), QUrl::FullyDecoded),
             pmsId.trimmed());
    QCOMPARE(query.queryItemValue(QStringLiteral("practiceManagementName"), QUrl::FullyDecoded),
             QStringLiteral("Best Practice"));
    QVERIFY2(find->url()
                 .toString(QUrl::FullyEncoded)
                 .contains(QLatin1String("practiceManagementName=Best%20Practice")),
             qPrintable(find->url().toString(QUrl::FullyEncoded)));
    QVERIFY(find->jsonObject().value(QLatin1String("sites")).toArray().isEmpty());

    const CallPtr status = await(rig.client.siteStatus(QStringLiteral("../../pair-site?x=1")));
    VERIFY_FINISHED(status);
    QCOMPARE(status->url().path(QUrl::FullyEncoded),
             QStringLiteral("/integrator/sites/..%2F..%2Fpair-site%3Fx%3D1"));
    QVERIFY(!status->url().hasQuery());
    QCOMPARE(status->error().httpStatus, 400);
}

void TestApiClientSites::siteStatusFillsEverySiteInfoField()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &expected = onlineBp();
    const CallPtr call = await(rig.client.siteStatus(expected.guid));
    VERIFY_OK(call);

    const Halo::SiteInfo site = Halo::SiteInfo::fromJson(call->jsonObject());
    QCOMPARE(site.guid, expected.guid);
    QCOMPARE(site.pmsType, expected.pmsType);
    QCOMPARE(site.pmsId, expected.pmsId);
    QCOMPARE(site.practiceName, expected.practiceName);
    QCOMPARE(site.pmsVersion, expected.pmsVersion);
    QCOMPARE(site.haloLinkVersion, expected.haloLinkVersion);
    QCOMPARE(site.status, expected.status);
    QCOMPARE(site.availability, Halo::SiteInfo::Availability::Online);
    QCOMPARE(site.catalogues.size(), expected.catalogues.size());
    for (int i = 0; i < site.catalogues.size(); ++i) {
        QCOMPARE(site.catalogues.at(i).name, expected.catalogues.at(i).name);
        QCOMPARE(site.catalogues.at(i).isDefault, expected.catalogues.at(i).isDefault);
    }
    QCOMPARE(site.defaultCatalogue(), expected.defaultCatalogue());
    QVERIFY(site.authoritativeKnown);
    QVERIFY(site.authoritative);
    QCOMPARE(site.createdAt, expected.createdAt);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(site.enrichedAt.isValid());
    QVERIFY(site.heartbeatAt.isValid());
    QVERIFY(site.clientTimestamp.isValid());
    QVERIFY(qAbs(site.heartbeatAt.secsTo(now) - expected.heartbeatAgeSeconds) <= 60);
    QVERIFY(site.enrichedAt <= site.heartbeatAt);
    QCOMPARE(site.legacyName, expected.recordedPracticeName);
}

void TestApiClientSites::siteStatusOfARenamedPracticeReportsTheCurrentName()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &renamed = sampleSite(SiteScenario::Renamed);
    QVERIFY(renamed.practiceName != renamed.recordedPracticeName);
    const CallPtr call = await(rig.client.siteStatus(renamed.guid));
    VERIFY_OK(call);
    const Halo::SiteInfo site = Halo::SiteInfo::fromJson(call->jsonObject());
    // practiceMetadata (read live from the practice) wins over the deprecated recorded name.
    QCOMPARE(site.practiceName, renamed.practiceName);
    QCOMPARE(site.legacyName, renamed.recordedPracticeName);
}

void TestApiClientSites::pairSiteWithWrongCodeFailsWith403AndSaysWhatToDo()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &unpaired = sampleSite(SiteScenario::Unpaired);
    const CallPtr call = await(rig.client.pairSite(unpaired.pmsId, QStringLiteral("Best Practice"),
                                                   QStringLiteral("ZZZZ99")));
    VERIFY_FINISHED(call);
    QCOMPARE(call->error().kind, Kind::Http);
    QCOMPARE(call->error().httpStatus, 403);
    QVERIFY(call->error().serverMessage.contains(QLatin1String("pairing code")));
    QVERIFY(!call->error().explanation().isEmpty());
    QVERIFY(!call->error().nextStep().isEmpty());
    QCOMPARE(call->attempts(), 1);
}

void TestApiClientSites::pairSiteWithRightCodeUnlocksQueries()
{
    START_RIG(rig, sandboxOptions());
    const Sandbox::SampleSite &unpaired = sampleSite(SiteScenario::Unpaired);
    const Halo::QueryCommand probe = sql(QStringLiteral("SELECT 1 AS one"));

    const CallPtr before = await(rig.client.runImmediate(unpaired.guid, probe));
    QCOMPARE(before->error().httpStatus, 403);

    const CallPtr pair = await(rig.client.pairSite(unpaired.pmsId, QStringLiteral("Best Practice"),
                                                   unpaired.pairingCode.toLower()));
    VERIFY_OK(pair);
    const Halo::SiteInfo site = Halo::SiteInfo::fromJson(pair->jsonObject());
    QCOMPARE(site.guid, unpaired.guid);
    QCOMPARE(site.pmsId, unpaired.pmsId);

    const CallPtr after = await(rig.client.runImmediate(unpaired.guid, probe));
    VERIFY_OK(after);
}

QTEST_GUILESS_MAIN(TestApiClientSites)
#include "tst_apiclient_sites.moc"
