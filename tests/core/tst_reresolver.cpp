// SPDX-License-Identifier: GPL-3.0-or-later
// Re-resolving a Halo GUID from its PMS ID after a 403 (GuidReResolver) against a real sandbox
// on loopback, with the site list in a temporary file; and the "last heard" heartbeat text.
#include "FailOnWarning.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "net/ApiCall.h"
#include "services/GuidReResolver.h"
#include "sites/HeartbeatText.h"
#include "sites/SiteStore.h"
#include "sql/QueryTypes.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <memory>

using Halo::GuidReResolver;

namespace {

const QString kKey = QStringLiteral("k");
const QString kOldGuid =
    QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b"); // not authoritative
const QString kNewGuid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"); // authoritative
const QString kPmsId = QStringLiteral("BP-20431");
const QString kPracticeName = QStringLiteral("Harbourside Family Medical");
const int kTimeoutMs = 15000;

Halo::SiteRecord harbourside(const QString &guid, const QString &recordedName)
{
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = guid;
    record.pmsType = QStringLiteral("BestPractice");
    record.pmsId = kPmsId;
    record.recorded.practiceName = recordedName;
    record.recorded.recordedAt = QDateTime(QDate(2023, 5, 2), QTime(9, 30), QTimeZone::utc());
    record.notes = QStringLiteral("onboarded by support");
    return record;
}

// A sandbox, a client pointed at it and a site list in a temporary folder.
struct Rig {
    Rig()
        : server(options())
        , port(server.listen())
        , store(dir.filePath(QStringLiteral("sites.json")))
    {
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
        store.load();
    }
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions o;
        o.key = kKey;
        return o;
    }
    QTemporaryDir dir;
    Sandbox::SandboxServer server;
    quint16 port = 0;
    Halo::HaloApiClient client;
    Halo::SiteStore store;
};

} // namespace

class TestReResolver : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void heartbeatText_data();
    void heartbeatText();

    void movesTheSiteToTheAuthoritativeGuidAfterA403();
    void refusesAChangedIdentityUntilConfirmed();
    void failsWhenThePmsIdStillResolvesToTheSameGuid();
    void failsWhenNoAuthoritativeInstallExists();
    void reportsAFailedLookupWithItsApiError();
    void refusesToApplyWithoutACandidate();
    void refusesAGuidThatLeftTheSiteList();
};

void TestReResolver::heartbeatText_data()
{
    QTest::addColumn<qint64>("ageSeconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("just now") << qint64(0) << QStringLiteral("last heard just now");
    QTest::newRow("clock skew") << qint64(-30) << QStringLiteral("last heard just now");
    QTest::newRow("one second") << qint64(1) << QStringLiteral("last heard 1 second ago");
    QTest::newRow("seconds") << qint64(45) << QStringLiteral("last heard 45 seconds ago");
    QTest::newRow("one minute") << qint64(60) << QStringLiteral("last heard 1 minute ago");
    QTest::newRow("rounds down") << qint64(119) << QStringLiteral("last heard 1 minute ago");
    QTest::newRow("minutes") << qint64(5 * 60) << QStringLiteral("last heard 5 minutes ago");
    QTest::newRow("under an hour") << qint64(3599) << QStringLiteral("last heard 59 minutes ago");
    QTest::newRow("one hour") << qint64(3600) << QStringLiteral("last heard 1 hour ago");
    QTest::newRow("hours") << qint64(23 * 3600 + 3599) << QStringLiteral("last heard 23 hours ago");
    QTest::newRow("one day") << qint64(24 * 3600) << QStringLiteral("last heard 1 day ago");
    QTest::newRow("days") << qint64(3 * 24 * 3600 + 5) << QStringLiteral("last heard 3 days ago");
}

void TestReResolver::heartbeatText()
{
    QFETCH(qint64, ageSeconds);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2024, 2, 29), QTime(12, 0), QTimeZone::utc());
    QCOMPARE(Halo::lastHeardText(now.addSecs(-ageSeconds), now), expected);
    // A heartbeat in another time zone is the same instant.
    QCOMPARE(Halo::lastHeardText(now.addSecs(-ageSeconds).toTimeZone(QTimeZone(10 * 3600)), now),
             expected);
    QCOMPARE(Halo::lastHeardText(QDateTime(), now), QStringLiteral("never heard from"));
}

void TestReResolver::movesTheSiteToTheAuthoritativeGuidAfterA403()
{
    Rig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    const Halo::SiteRecord record = harbourside(kOldGuid, kPracticeName);
    QVERIFY(rig.store.add(record));

    // A query to the old install is refused, and the client says so for that GUID.
    QSignalSpy denied(&rig.client, &Halo::HaloApiClient::siteAccessDenied);
    Halo::QueryCommand command;
    command.text = QStringLiteral("SELECT 1 AS ok");
    rig.client.runImmediate(kOldGuid, command);
    QVERIFY(denied.wait(kTimeoutMs));
    QCOMPARE(denied.first().at(0).toString(), kOldGuid);

    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy found(&resolver, &GuidReResolver::candidateFound);
    QSignalSpy failed(&resolver, &GuidReResolver::failed);
    QSignalSpy applied(&resolver, &GuidReResolver::applied);
    QSignalSpy tested(&resolver, &GuidReResolver::testQueryFinished);
    resolver.start(record);
    QCOMPARE(resolver.state(), GuidReResolver::State::LookingUp);
    QVERIFY(found.wait(kTimeoutMs));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(found.first().at(0).value<Halo::SiteRecord>().guid, kOldGuid);
    const auto candidate = found.first().at(1).value<Halo::SiteInfo>();
    QCOMPARE(candidate.guid, kNewGuid);
    QVERIFY(candidate.authoritative);
    QCOMPARE(candidate.practiceName, kPracticeName);
    QVERIFY(found.first().at(2).value<QList<Halo::IdentityDifference>>().isEmpty());
    QVERIFY(!resolver.needsIdentityConfirmation());

    QVERIFY(resolver.apply(false));
    QCOMPARE(applied.count(), 1);
    const auto updated = applied.first().at(0).value<Halo::SiteRecord>();
    QCOMPARE(updated.guid, kNewGuid);
    QCOMPARE(updated.previousGuids, QStringList{kOldGuid});
    QCOMPARE(updated.notes, record.notes);

    // The change is in the file, not only in memory.
    Halo::SiteStore reloaded(rig.store.filePath());
    QVERIFY(reloaded.load());
    QVERIFY(!reloaded.find(QStringLiteral("sandbox"), kOldGuid));
    const Halo::SiteRecord *saved = reloaded.find(QStringLiteral("sandbox"), kNewGuid);
    QVERIFY(saved);
    QCOMPARE(saved->previousGuids, QStringList{kOldGuid});
    QCOMPARE(saved->recorded.practiceName, candidate.practiceName);
    QCOMPARE(saved->recorded.pmsVersion, candidate.pmsVersion);
    QCOMPARE(saved->recorded.haloLinkVersion, candidate.haloLinkVersion);
    QVERIFY(saved->recorded.recordedAt > record.recorded.recordedAt);

    QVERIFY(tested.wait(kTimeoutMs));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    QVERIFY(tested.first().at(1).toString().contains(GuidReResolver::testQueryText()));
    QCOMPARE(resolver.state(), GuidReResolver::State::Done);
    QVERIFY(!resolver.apply(true)); // nothing is applied twice
}

void TestReResolver::refusesAChangedIdentityUntilConfirmed()
{
    Rig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    const Halo::SiteRecord record = harbourside(kOldGuid, QStringLiteral("Some Other Practice"));
    QVERIFY(rig.store.add(record));

    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy found(&resolver, &GuidReResolver::candidateFound);
    QSignalSpy applied(&resolver, &GuidReResolver::applied);
    QSignalSpy tested(&resolver, &GuidReResolver::testQueryFinished);
    resolver.start(record);
    QVERIFY(found.wait(kTimeoutMs));
    const auto differences = found.first().at(2).value<QList<Halo::IdentityDifference>>();
    QCOMPARE(differences.size(), 1);
    QCOMPARE(differences.first().field, QStringLiteral("Practice name"));
    QCOMPARE(differences.first().recorded, QStringLiteral("Some Other Practice"));
    QCOMPARE(differences.first().current, kPracticeName);
    QVERIFY(differences.first().explanation.contains(QStringLiteral("merger")));
    QVERIFY(resolver.needsIdentityConfirmation());

    QVERIFY(!resolver.apply(false));
    QCOMPARE(applied.count(), 0);
    QVERIFY(rig.store.find(QStringLiteral("sandbox"), kOldGuid));
    QVERIFY(!rig.store.find(QStringLiteral("sandbox"), kNewGuid));
    QCOMPARE(resolver.state(), GuidReResolver::State::CandidateReady);

    QVERIFY(resolver.apply(true));
    QCOMPARE(applied.count(), 1);
    const Halo::SiteRecord *saved = rig.store.find(QStringLiteral("sandbox"), kNewGuid);
    QVERIFY(saved);
    QCOMPARE(saved->previousGuids, QStringList{kOldGuid});
    QCOMPARE(saved->recorded.practiceName, kPracticeName);
    QVERIFY(tested.wait(kTimeoutMs));
    QVERIFY(tested.first().at(0).toBool());
}

void TestReResolver::failsWhenThePmsIdStillResolvesToTheSameGuid()
{
    Rig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy failed(&resolver, &GuidReResolver::failed);
    QSignalSpy found(&resolver, &GuidReResolver::candidateFound);
    resolver.start(harbourside(kNewGuid, kPracticeName));
    QVERIFY(failed.wait(kTimeoutMs));
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("still resolves to this GUID")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("pairing")));
    QVERIFY(message.contains(QStringLiteral("IP allow-list")));
    QCOMPARE(found.count(), 0);
    QCOMPARE(resolver.state(), GuidReResolver::State::Failed);
}

void TestReResolver::failsWhenNoAuthoritativeInstallExists()
{
    Rig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy failed(&resolver, &GuidReResolver::failed);
    Halo::SiteRecord record = harbourside(kOldGuid, kPracticeName);
    record.pmsId = QStringLiteral("BP-99999");
    resolver.start(record);
    QVERIFY(failed.wait(kTimeoutMs));
    const QString message = failed.first().at(0).toString();
    QVERIFY2(
        message.startsWith(QStringLiteral("No authoritative install of PMS ID BP-99999 was found")),
        qPrintable(message));
    QVERIFY(!failed.first().at(1).value<Halo::ApiError>().isError());
}

void TestReResolver::reportsAFailedLookupWithItsApiError()
{
    Rig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    rig.client.setSubscriptionKey(QStringLiteral("not-the-key"));
    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy failed(&resolver, &GuidReResolver::failed);
    resolver.start(harbourside(kOldGuid, kPracticeName));
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY(failed.first().at(0).toString().contains(kPmsId));
    const auto error = failed.first().at(1).value<Halo::ApiError>();
    QCOMPARE(error.httpStatus, 401);
    QVERIFY(!error.nextStep().isEmpty());
}

void TestReResolver::refusesToApplyWithoutACandidate()
{
    Rig rig;
    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy applied(&resolver, &GuidReResolver::applied);
    QVERIFY(!resolver.apply(true));
    QCOMPARE(applied.count(), 0);

    // A record without a PMS ID cannot be looked up: said at once, nothing sent.
    QSignalSpy failed(&resolver, &GuidReResolver::failed);
    Halo::SiteRecord record = harbourside(kOldGuid, kPracticeName);
    record.pmsId.clear();
    resolver.start(record);
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("no recorded PMS ID")));
    QVERIFY(!resolver.apply(true));
}

void TestReResolver::refusesAGuidThatLeftTheSiteList()
{
    Rig rig;
    QVERIFY2(rig.port != 0, qPrintable(rig.server.errorString()));
    GuidReResolver resolver(&rig.client, &rig.store);
    QSignalSpy found(&resolver, &GuidReResolver::candidateFound);
    QSignalSpy failed(&resolver, &GuidReResolver::failed);
    QSignalSpy applied(&resolver, &GuidReResolver::applied);
    resolver.start(harbourside(kOldGuid, kPracticeName)); // never added to the store
    QVERIFY(found.wait(kTimeoutMs));
    QVERIFY(!resolver.apply(false));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("no longer in the site list")));
    QCOMPARE(applied.count(), 0);
    QVERIFY(rig.store.sites().isEmpty());
}

QTEST_GUILESS_MAIN(TestReResolver)
#include "tst_reresolver.moc"
