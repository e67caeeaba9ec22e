// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP conformance of the sandbox: finding and reading sites, and pairing.
#include "FailOnWarning.h"
#include "SandboxHttp.h"

#include <QSet>

class SandboxSitesApiTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    // Sites
    void getSitesBySharedPmsIdReturnsBothInstallsExactlyOneAuthoritative();
    void getSitesFindsEveryPmsKind_data();
    void getSitesFindsEveryPmsKind();
    void getSitesRejectsMissingOrInvalidParametersWith400_data();
    void getSitesRejectsMissingOrInvalidParametersWith400();
    void getSitesWithUnknownPmsIdReturnsEmptyList();
    void getSiteReturnsEverySiteForIntegratorField_data();
    void getSiteReturnsEverySiteForIntegratorField();
    void getSiteWithUnknownGuidGets404();
    void getSiteWithMalformedGuidGets400();
    void renamedSiteReportsNewPracticeNameBesideDeprecatedName();

    // Pairing
    void pairingBestPracticeNeedsTheRightPairingCode();
    void pairingUnpairedSiteUnlocksItsQueries();
    void deprecatedPairSitePathAlsoPairs();
    void pairingZedmedNeedsNoPairingCode();
    void pairingFailsSiteGets502();
    void pairingRejectsMissingParametersAndUnknownSites_data();
    void pairingRejectsMissingParametersAndUnknownSites();
};

// ============================================================================================
// Sites

void SandboxSitesApiTest::getSitesBySharedPmsIdReturnsBothInstallsExactlyOneAuthoritative()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &current = onlineBp();
    const Sandbox::SampleSite &old = sampleSite(Sandbox::SiteScenario::NonAuthoritative);
    QCOMPARE(old.pmsId, current.pmsId);

    // The space in "Best Practice" percent-encoded, as the description's examples show it.
    const HttpResult result =
        sandbox.api.get(QStringLiteral("/integrator/sites?practiceManagementSiteId=%1"
                                       "&practiceManagementName=Best%20Practice")
                            .arg(current.pmsId));
    CHECK_STATUS(result, 200);
    const QJsonObject body = result.json();
    QCOMPARE(sortedKeys(body), QStringList{QStringLiteral("sites")});
    const QJsonArray sites = body.value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 2);

    QSet<QString> ids;
    int authoritative = 0;
    for (qsizetype i = 0; i < sites.size(); ++i) {
        CHECK_SHAPE(ApiShapes::site(sites.at(i), QStringLiteral("sites[%1]").arg(i)));
        const QJsonObject site = sites.at(i).toObject();
        ids.insert(site.value(QStringLiteral("id")).toString());
        QCOMPARE(site.value(QStringLiteral("practiceManagementSiteId")).toString(), current.pmsId);
        QCOMPARE(site.value(QStringLiteral("pmsType")).toString(), QStringLiteral("BestPractice"));
        QCOMPARE(site.value(QStringLiteral("practiceManagementName")).toString(),
                 QStringLiteral("Best Practice"));
        if (site.value(QStringLiteral("authoritative")).toBool()) {
            ++authoritative;
            QCOMPARE(site.value(QStringLiteral("id")).toString(), current.guid);
        }
    }
    QCOMPARE(authoritative, 1);
    QCOMPARE(ids, (QSet<QString>{current.guid, old.guid}));
}

void SandboxSitesApiTest::getSitesFindsEveryPmsKind_data()
{
    QTest::addColumn<QString>("guid");
    QTest::addColumn<QString>("pmsId");
    QTest::addColumn<QString>("pmsName");
    QTest::addColumn<QString>("pmsType");
    for (const char *type : {"BestPractice", "Zedmed", "D4w"}) {
        const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Online, type);
        QTest::newRow(type) << site.guid << site.pmsId << site.pmsName << site.pmsType;
    }
}

void SandboxSitesApiTest::getSitesFindsEveryPmsKind()
{
    QFETCH(QString, guid);
    QFETCH(QString, pmsId);
    QFETCH(QString, pmsName);
    QFETCH(QString, pmsType);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(QStringLiteral("/integrator/sites") + pmsQuery(pmsId, pmsName));
    CHECK_STATUS(result, 200);
    const QJsonArray sites = result.json().value(QStringLiteral("sites")).toArray();
    QVERIFY(!sites.isEmpty());
    bool seen = false;
    for (const QJsonValue &site : sites) {
        CHECK_SHAPE(ApiShapes::site(site));
        QCOMPARE(site[QStringLiteral("pmsType")].toString(), pmsType);
        QCOMPARE(site[QStringLiteral("practiceManagementName")].toString(), pmsName);
        seen = seen || site[QStringLiteral("id")].toString() == guid;
    }
    QVERIFY(seen);
}

void SandboxSitesApiTest::getSitesRejectsMissingOrInvalidParametersWith400_data()
{
    QTest::addColumn<QString>("query");
    const QString id = onlineBp().pmsId;
    QTest::newRow("no parameters") << QString();
    QTest::newRow("no practiceManagementName") << QStringLiteral("?practiceManagementSiteId=") + id;
    QTest::newRow("no practiceManagementSiteId")
        << QStringLiteral("?practiceManagementName=Zedmed");
    QTest::newRow("pmsType spelling instead of the name")
        << QStringLiteral("?practiceManagementSiteId=%1&practiceManagementName=BestPractice")
               .arg(id);
    QTest::newRow("unknown PMS")
        << QStringLiteral("?practiceManagementSiteId=%1&practiceManagementName=MedicalDirector")
               .arg(id);
}

void SandboxSitesApiTest::getSitesRejectsMissingOrInvalidParametersWith400()
{
    QFETCH(QString, query);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites") + query);
    CHECK_STATUS(result, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
}

void SandboxSitesApiTest::getSitesWithUnknownPmsIdReturnsEmptyList()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.get(QStringLiteral("/integrator/sites") +
                        pmsQuery(QStringLiteral("BP-00000"), QStringLiteral("Best Practice")));
    CHECK_STATUS(result, 200);
    QCOMPARE(result.json(), (QJsonObject{{QStringLiteral("sites"), QJsonArray()}}));
}

void SandboxSitesApiTest::getSiteReturnsEverySiteForIntegratorField_data()
{
    QTest::addColumn<QString>("guid");
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites())
        QTest::newRow(qPrintable(site.practiceName + QLatin1String(" / ") +
                                 Sandbox::scenarioName(site.scenario)))
            << site.guid;
}

void SandboxSitesApiTest::getSiteReturnsEverySiteForIntegratorField()
{
    QFETCH(QString, guid);
    const Sandbox::SampleSite *sample = Sandbox::findSampleSite(guid);
    QVERIFY(sample);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites/") + guid);
    CHECK_STATUS(result, 200);
    const QJsonObject site = result.json();
    CHECK_SHAPE(ApiShapes::site(site));

    QCOMPARE(site.value(QStringLiteral("id")).toString(), guid);
    QCOMPARE(site.value(QStringLiteral("pmsType")).toString(), sample->pmsType);
    QCOMPARE(site.value(QStringLiteral("practiceManagementName")).toString(), sample->pmsName);
    QCOMPARE(site.value(QStringLiteral("practiceManagementSiteId")).toString(), sample->pmsId);
    QCOMPARE(site.value(QStringLiteral("authoritative")).toBool(), sample->authoritative);
    QCOMPARE(site.value(QStringLiteral("availability")).toString(), sample->availability);

    const QJsonObject metadata = site.value(QStringLiteral("practiceMetadata")).toObject();
    QCOMPARE(metadata.value(QStringLiteral("pmsType")), site.value(QStringLiteral("pmsType")));
    QCOMPARE(metadata.value(QStringLiteral("practiceManagementSiteId")),
             site.value(QStringLiteral("practiceManagementSiteId")));
    QCOMPARE(metadata.value(QStringLiteral("practiceName")).toString(), sample->practiceName);

    // The catalogue a query uses when it names none: exactly one default.
    const QJsonArray catalogues = site.value(QStringLiteral("catalogue")).toArray();
    QVERIFY(!catalogues.isEmpty());
    int defaults = 0;
    for (const QJsonValue &catalogue : catalogues)
        defaults += catalogue[QStringLiteral("isDefault")].toBool() ? 1 : 0;
    QCOMPARE(defaults, 1);

    // Heard from the site no later than now.
    const QDateTime heartbeat =
        ApiShapes::dateTime(site.value(QStringLiteral("heartbeatTimestampUTC")));
    QVERIFY(heartbeat <= QDateTime::currentDateTimeUtc().addSecs(1));
}

void SandboxSitesApiTest::getSiteWithUnknownGuidGets404()
{
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites/") + randomUuid());
    CHECK_STATUS(result, 404);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 404));
}

void SandboxSitesApiTest::getSiteWithMalformedGuidGets400()
{
    START_SANDBOX(sandbox, baseOptions());
    for (const QString &guid :
         {QStringLiteral("not-a-guid"), QStringLiteral("12345"), onlineBp().guid.left(35)}) {
        const HttpResult result = sandbox.api.get(QStringLiteral("/integrator/sites/") + guid);
        CHECK_STATUS(result, 400);
        CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 400));
    }
}

void SandboxSitesApiTest::renamedSiteReportsNewPracticeNameBesideDeprecatedName()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &renamed = sampleSite(Sandbox::SiteScenario::Renamed);
    const HttpResult result = sandbox.api.get(sitePath(renamed));
    CHECK_STATUS(result, 200);
    const QJsonObject site = result.json();
    CHECK_SHAPE(ApiShapes::site(site));
    const QString current =
        site.value(QStringLiteral("practiceMetadata"))[QStringLiteral("practiceName")].toString();
    const QString deprecated = site.value(QStringLiteral("name")).toString();
    QVERIFY(!current.isEmpty());
    QVERIFY(!deprecated.isEmpty());
    QVERIFY2(current != deprecated, qPrintable(current));
    QCOMPARE(current, renamed.practiceName);
}

// ============================================================================================
// Pairing

void SandboxSitesApiTest::pairingBestPracticeNeedsTheRightPairingCode()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Unpaired);
    const QString pair =
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName);

    const HttpResult noCode = sandbox.api.postBytes(pair, QByteArray());
    CHECK_STATUS(noCode, 400);
    CHECK_SHAPE(ApiShapes::errorEnvelope(noCode.json(), 400));

    const HttpResult wrongCode =
        sandbox.api.postBytes(pair + QStringLiteral("&pairingCode=ZZZZZZ"), QByteArray());
    CHECK_STATUS(wrongCode, 403);
    CHECK_SHAPE(ApiShapes::errorEnvelope(wrongCode.json(), 403));

    const HttpResult paired = sandbox.api.postBytes(
        pair + QStringLiteral("&pairingCode=") + site.pairingCode, QByteArray());
    CHECK_STATUS(paired, 200);
    CHECK_SHAPE(ApiShapes::site(paired.json()));
    QCOMPARE(paired.json().value(QStringLiteral("id")).toString(), site.guid);
}

void SandboxSitesApiTest::pairingUnpairedSiteUnlocksItsQueries()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Unpaired);
    const QJsonObject body = queryBody(QStringLiteral("SELECT COUNT(*) AS n FROM patients"));
    const QString immediate = sitePath(site, QStringLiteral("/queries/immediate"));
    const QString registered = sitePath(site, QStringLiteral("/queries/registered"));

    const HttpResult before = sandbox.api.post(immediate, body);
    CHECK_STATUS(before, 403);
    CHECK_SHAPE(ApiShapes::errorEnvelope(before.json(), 403));
    CHECK_STATUS(sandbox.api.get(registered), 403);

    const HttpResult paired = sandbox.api.postBytes(
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName) +
            QStringLiteral("&pairingCode=") + site.pairingCode,
        QByteArray());
    CHECK_STATUS(paired, 200);

    const HttpResult after = sandbox.api.post(immediate, body);
    CHECK_STATUS(after, 200);
    CHECK_SHAPE(ApiShapes::successfulImmediateQuery(after.json()));
    CHECK_STATUS(sandbox.api.get(registered), 200);
}

void SandboxSitesApiTest::deprecatedPairSitePathAlsoPairs()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Unpaired);
    const HttpResult paired = sandbox.api.postBytes(
        QStringLiteral("/integrator/pairSite") + pmsQuery(site.pmsId, site.pmsName) +
            QStringLiteral("&pairingCode=") + site.pairingCode,
        QByteArray());
    CHECK_STATUS(paired, 200);
    CHECK_SHAPE(ApiShapes::site(paired.json()));
    QCOMPARE(paired.json().value(QStringLiteral("id")).toString(), site.guid);
    CHECK_STATUS(sandbox.api.post(sitePath(site, QStringLiteral("/queries/immediate")),
                                  queryBody(QStringLiteral("SELECT 1 AS one"))),
                 200);
}

void SandboxSitesApiTest::pairingZedmedNeedsNoPairingCode()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::Online, "Zedmed");
    const HttpResult paired = sandbox.api.postBytes(
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName), QByteArray());
    CHECK_STATUS(paired, 200);
    CHECK_SHAPE(ApiShapes::site(paired.json()));
    QCOMPARE(paired.json().value(QStringLiteral("id")).toString(), site.guid);
}

void SandboxSitesApiTest::pairingFailsSiteGets502()
{
    START_SANDBOX(sandbox, baseOptions());
    const Sandbox::SampleSite &site = sampleSite(Sandbox::SiteScenario::PairingFails);
    const HttpResult result = sandbox.api.postBytes(
        QStringLiteral("/integrator/pair-site") + pmsQuery(site.pmsId, site.pmsName) +
            QStringLiteral("&pairingCode=") + site.pairingCode,
        QByteArray());
    CHECK_STATUS(result, 502);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), 502));
}

void SandboxSitesApiTest::pairingRejectsMissingParametersAndUnknownSites_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::newRow("no parameters") << QString() << 400;
    QTest::newRow("no PMS ID") << QStringLiteral("?practiceManagementName=Zedmed") << 400;
    QTest::newRow("no PMS name") << QStringLiteral("?practiceManagementSiteId=ZM-0716") << 400;
    QTest::newRow("unknown PMS name")
        << QStringLiteral("?practiceManagementSiteId=ZM-0716&practiceManagementName=Zed") << 400;
    QTest::newRow("unknown site") << pmsQuery(QStringLiteral("ZM-9999"), QStringLiteral("Zedmed"))
                                  << 404;
}

void SandboxSitesApiTest::pairingRejectsMissingParametersAndUnknownSites()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    START_SANDBOX(sandbox, baseOptions());
    const HttpResult result =
        sandbox.api.postBytes(QStringLiteral("/integrator/pair-site") + query, QByteArray());
    CHECK_STATUS(result, status);
    CHECK_SHAPE(ApiShapes::errorEnvelope(result.json(), status));
}

QTEST_GUILESS_MAIN(SandboxSitesApiTest)
#include "tst_sandboxapi_sites.moc"
