// SPDX-License-Identifier: GPL-3.0-or-later
// SiteService against a real sandbox on loopback: sites looked up (authoritative first), their
// status compared with the record, GUIDs re-resolved by PMS ID.
#include "FailOnWarning.h"
#include "ServicesRig.h"
#include "api/HaloApiClient.h"
#include "net/RequestLog.h"
#include "services/SiteService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using Halo::SiteService;

class TestServicesSites : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void findsInstallsAuthoritativeFirst();
    void comparesTheStatusWithWhatWasRecorded();
    void reResolvesANonAuthoritativeGuid();
    void keepsAGuidThatIsStillAuthoritative();
    void findsNoInstallOfAnUnknownPmsId();
};

void TestServicesSites::findsInstallsAuthoritativeFirst()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy found(&service, &SiteService::sitesFound);
    service.findSites(kHarboursidePmsId, kBestPractice);
    QVERIFY(found.wait(kWaitMs));
    const auto sites = found.first().at(0).value<QList<Halo::SiteInfo>>();
    QCOMPARE(sites.size(), 2);
    QCOMPARE(sites.at(0).guid, kHarbourside);
    QVERIFY(sites.at(0).authoritative);
    QCOMPARE(sites.at(1).guid, kHarboursideOld);
    QVERIFY(!sites.at(1).authoritative);

    // The order does not depend on Halo's.
    QList<Halo::SiteInfo> reversed{sites.at(1), sites.at(0)};
    Halo::SiteInfo silent = sites.at(1);
    silent.guid = QStringLiteral("silent");
    silent.authoritativeKnown = false;
    reversed.prepend(silent);
    const QList<Halo::SiteInfo> ordered = SiteService::candidatesInOrder(reversed);
    QCOMPARE(ordered.at(0).guid, kHarbourside);
    QCOMPARE(ordered.at(1).guid, QStringLiteral("silent"));
    QCOMPARE(ordered.at(2).guid, kHarboursideOld);
}

void TestServicesSites::comparesTheStatusWithWhatWasRecorded()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy read(&service, &SiteService::statusRead);

    // Without a record: compared with the name Halo kept from the install.
    service.readStatus(kEastwood);
    QVERIFY(read.wait(kWaitMs));
    auto report = read.first().at(0).value<Halo::SiteStatusReport>();
    QCOMPARE(report.site.guid, kEastwood);
    QCOMPARE(report.differences.size(), 1);
    QCOMPARE(report.differences.first().recorded, QStringLiteral("Eastwood Medical Centre"));
    QCOMPARE(report.differences.first().current, QStringLiteral("Eastwood Family Doctors"));
    QCOMPARE(QJsonDocument::fromJson(report.body).object().value(QStringLiteral("id")).toString(),
             kEastwood);

    // With the window's record: what was recorded at onboarding.
    Halo::RecordedIdentity recorded;
    recorded.practiceName = QStringLiteral("eastwood  family doctors"); // case and spacing
    recorded.pmsVersion = QStringLiteral("Bp Premier Saffron SP2 1.10.2.880");
    read.clear();
    service.readStatus(kEastwood, recorded);
    QVERIFY(read.wait(kWaitMs));
    report = read.first().at(0).value<Halo::SiteStatusReport>();
    QCOMPARE(report.differences.size(), 1);
    QCOMPARE(report.differences.first().recorded, recorded.pmsVersion);
    QCOMPARE(report.differences.first().current, report.site.pmsVersion);

    QSignalSpy failed(&service, &SiteService::failed);
    service.readStatus(QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.first().at(0).value<Halo::ApiError>().httpStatus, 404);
}

void TestServicesSites::reResolvesANonAuthoritativeGuid()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy decided(&service, &SiteService::reResolved);
    service.reResolve(kHarboursideOld, kHarboursidePmsId, kBestPractice);
    QVERIFY(decided.wait(kWaitMs));
    const auto decision = decided.first().at(0).value<Halo::ReResolveDecision>();
    QCOMPARE(decision.outcome, Halo::ReResolveDecision::Outcome::Moved);
    QVERIFY(decision.found());
    QCOMPARE(decision.authoritative.guid, kHarbourside);
    QVERIFY2(decision.message.contains(kHarbourside), qPrintable(decision.message));
    // The old install is still listed: its identifiers against the new one's.
    QStringList fields;
    for (const Halo::IdentityDifference &difference : decision.differences)
        fields.append(difference.field);
    QVERIFY2(fields.contains(QStringLiteral("PMS version")), qPrintable(fields.join(',')));
    QVERIFY2(!fields.contains(QStringLiteral("Practice name")), qPrintable(fields.join(',')));
    // Nothing but the lookup was sent: re-resolving changes nothing.
    QCOMPARE(rig.client.requestLog()->exchanges().size(), 1);
}

void TestServicesSites::keepsAGuidThatIsStillAuthoritative()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy decided(&service, &SiteService::reResolved);
    service.reResolve(kHarbourside.toUpper(), kHarboursidePmsId, kBestPractice);
    QVERIFY(decided.wait(kWaitMs));
    const auto decision = decided.first().at(0).value<Halo::ReResolveDecision>();
    QCOMPARE(decision.outcome, Halo::ReResolveDecision::Outcome::StillAuthoritative);
    QVERIFY(decision.found());
    QCOMPARE(decision.authoritative.guid, kHarbourside);
    QVERIFY(decision.differences.isEmpty());
    QCOMPARE(decision.installs.size(), 2);
}

void TestServicesSites::findsNoInstallOfAnUnknownPmsId()
{
    START_RIG(rig, options());
    SiteService service(&rig.client);
    QSignalSpy decided(&service, &SiteService::reResolved);
    service.reResolve(kHarbourside, QStringLiteral("BP-99999"), kBestPractice);
    QVERIFY(decided.wait(kWaitMs));
    const auto decision = decided.first().at(0).value<Halo::ReResolveDecision>();
    QCOMPARE(decision.outcome, Halo::ReResolveDecision::Outcome::NotFound);
    QVERIFY(!decision.found());
    QVERIFY2(decision.message.startsWith(
                 QLatin1String("No authoritative install of PMS ID BP-99999 was found")),
             qPrintable(decision.message));

    // Installs of which none is authoritative are not "found" either.
    Halo::SiteInfo old;
    old.guid = kHarboursideOld;
    old.authoritative = false;
    old.authoritativeKnown = true;
    const Halo::ReResolveDecision none =
        Halo::decideReResolve(kHarboursideOld, kHarboursidePmsId, {old});
    QCOMPARE(none.outcome, Halo::ReResolveDecision::Outcome::NoneAuthoritative);
    QVERIFY(!none.found());
}

QTEST_GUILESS_MAIN(TestServicesSites)
#include "tst_services_sites.moc"
