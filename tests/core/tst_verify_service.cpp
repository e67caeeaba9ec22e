// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk verification against a real sandbox on loopback: one row per verdict, the evidence each
// row carries, at most four requests in flight at the server, 429s waited out, and a cancelled
// run that keeps the rows it finished.
#include "FailOnWarning.h"
#include "VerifyRig.h"
#include "services/SiteVerification.h"
#include "sites/SiteInfo.h"

#include <QtTest>

using Halo::Verdict;
using Halo::VerificationResult;
using Halo::VerificationService;

class TestVerifyService : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void givesEachVerdictItsRow();
    void carriesTheEvidence();
    void checksSavedSitesAgainstTheirRecord();
    void firstVerdictByPrecedenceWins();
    void keepsAtMostFourRequestsInFlight();
    void waitsOutRateLimits();
    void cancelKeepsFinishedRows();
};

void TestVerifyService::givesEachVerdictItsRow()
{
    START_RIG(rig, verifyOptions());
    const Halo::VerificationInputs inputs = Halo::VerificationCsv::parse(verdictCsv());
    QVERIFY(inputs.usageError.isEmpty());
    VerificationService service(&rig.client);
    QSignalSpy progress(&service, &VerificationService::progress);
    QSignalSpy finished(&service, &VerificationService::finished);
    service.start(inputs.rows);
    QVERIFY(finished.wait(kVerifyWaitMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    const QList<VerificationResult> rows = service.results();
    const QStringList expected = verdictCsvExpected();
    QCOMPARE(rows.size(), expected.size());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).input.line, i + 2); // in input order, whatever order they finished
        QVERIFY2(Halo::verdictId(rows.at(i).verdict) == expected.at(i),
                 qPrintable(QStringLiteral("line %1: %2 (%3)")
                                .arg(i + 2)
                                .arg(Halo::verdictId(rows.at(i).verdict), rows.at(i).message)));
        QVERIFY(!rows.at(i).message.isEmpty());
    }
    QCOMPARE(progress.size(), expected.size());
    QCOMPARE(progress.last().at(0).toInt(), expected.size());
    QCOMPARE(progress.last().at(1).toInt(), expected.size());

    // guid-changed names the new GUID; the bad row names its line; the API's error is its own.
    QCOMPARE(rows.at(1).guid, QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"));
    QVERIFY(rows.at(1).message.contains(rows.at(1).guid));
    QVERIFY2(rows.at(8).message.contains(QLatin1String("Injected fault")),
             qPrintable(rows.at(8).message));
    QVERIFY(rows.at(9).message.contains(QLatin1String("line 11")));
    QVERIFY(rows.at(9).requests.isEmpty()); // a row that cannot be checked sends nothing
    QVERIFY(rows.at(3).message.contains(QLatin1String("2 authoritative")));
}

void TestVerifyService::carriesTheEvidence()
{
    START_RIG(rig, verifyOptions());
    const QList<VerificationResult> rows =
        verifyAll(&rig.client, Halo::VerificationCsv::parse(verdictCsv()).rows);
    QCOMPARE(rows.size(), verdictCsvExpected().size());

    const VerificationResult &renamed = rows.at(4);
    QCOMPARE(renamed.recordedName, QStringLiteral("Eastwood Medical Centre"));
    QCOMPARE(renamed.practiceName, QStringLiteral("Eastwood Family Doctors"));
    QCOMPARE(renamed.availability, QStringLiteral("online"));
    QVERIFY(renamed.heartbeatAgeSeconds >= 18 && renamed.heartbeatAgeSeconds < 120);
    QCOMPARE(renamed.requests.size(), 2);
    QCOMPARE(renamed.requests.at(0).method, QByteArray("GET"));
    QVERIFY(renamed.requests.at(0).path.startsWith(QLatin1String("/integrator/sites?")));
    QVERIFY(renamed.requests.at(0).path.contains(QLatin1String("BP-18254")));
    QCOMPARE(renamed.requests.at(1).path,
             QStringLiteral("/integrator/sites/0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057"));
    QCOMPARE(renamed.requests.at(1).httpStatus, 200);
    QVERIFY(renamed.requests.at(1).durationMs >= 0);

    const VerificationResult &upgraded = rows.at(5);
    QCOMPARE(upgraded.recordedPmsVersion, QStringLiteral("Bp Premier Saffron SP2 1.10.2.880"));
    QCOMPARE(upgraded.pmsVersion, QStringLiteral("Bp Premier Orchid SP1 1.12.0.1010"));

    const VerificationResult &offline = rows.at(6);
    QCOMPARE(offline.availability, QStringLiteral("offline"));
    QVERIFY(offline.heartbeatAgeSeconds >= 6 * 3600);

    const VerificationResult &notFound = rows.at(2);
    QVERIFY(notFound.guid.isEmpty());
    QCOMPARE(notFound.requests.size(), 1); // nothing to read the status of

    const VerificationResult &failed = rows.at(8);
    QCOMPARE(failed.requests.size(), 2);
    QCOMPARE(failed.requests.at(1).httpStatus, 400);
    QCOMPARE(failed.toJson().keys().size(), VerificationResult::jsonFields().size());
}

void TestVerifyService::checksSavedSitesAgainstTheirRecord()
{
    START_RIG(rig, verifyOptions());
    auto record = [](const QString &guid, const QString &pmsId, const QString &name,
                     const QString &pmsVersion) {
        Halo::SiteRecord site;
        site.environment = QStringLiteral("sandbox");
        site.guid = guid;
        site.pmsType = QStringLiteral("BestPractice");
        site.pmsId = pmsId;
        site.recorded.practiceName = name;
        site.recorded.pmsVersion = pmsVersion;
        site.recorded.haloLinkVersion = QStringLiteral("20.0101.1.0"); // evidence, not a verdict
        return site;
    };
    const QString orchid = QStringLiteral("Bp Premier Orchid SP1 1.12.0.1010");
    const QList<Halo::SiteRecord> sites{
        record(QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"), QStringLiteral("BP-20431"),
               QStringLiteral("harbourside family medical"), orchid),
        record(QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"), QStringLiteral("BP-20431"),
               QStringLiteral("Harbourside Family Medical"),
               QStringLiteral("Bp Premier Saffron SP2 1.10.2.880")),
        record(QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b"), QStringLiteral("BP-20431"),
               QStringLiteral("Harbourside Family Medical"), orchid),
        record(QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057"), QStringLiteral("BP-18254"),
               QStringLiteral("Eastwood Family Doctors"), orchid),
    };
    const QList<VerificationResult> rows =
        verifyAll(&rig.client, Halo::verificationInputsFrom(sites));
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).verdict, Verdict::Ok);
    QCOMPARE(rows.at(0).recordedHaloLinkVersion, QStringLiteral("20.0101.1.0"));
    QCOMPARE(rows.at(1).verdict, Verdict::PmsVersionChanged);
    QCOMPARE(rows.at(2).verdict, Verdict::GuidChanged);
    // The record says the new name: the practice was renamed after it was recorded, not since.
    QCOMPARE(rows.at(3).verdict, Verdict::Ok);
    QCOMPARE(rows.at(3).input.line, 0);
}

void TestVerifyService::firstVerdictByPrecedenceWins()
{
    QCOMPARE(Halo::firstByPrecedence({}), Verdict::Ok);
    QCOMPARE(Halo::firstByPrecedence({Verdict::PmsVersionChanged, Verdict::NameDiffers}),
             Verdict::NameDiffers);
    QCOMPARE(Halo::firstByPrecedence({Verdict::Unreachable, Verdict::GuidChanged}),
             Verdict::GuidChanged);
    const QList<Verdict> all = Halo::allVerdicts();
    QCOMPARE(all.size(), 9);
    for (int i = 0; i + 1 < all.size(); ++i) {
        QCOMPARE(Halo::firstByPrecedence({all.at(i + 1), all.at(i)}), all.at(i));
        QCOMPARE(Halo::verdictFromId(Halo::verdictId(all.at(i))), all.at(i));
    }

    // An offline practice that moved and was renamed: guid-changed, and the rest is said too.
    Halo::SiteInfo now;
    now.guid = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
    now.authoritative = now.authoritativeKnown = true;
    now.practiceName = QStringLiteral("Another Practice");
    now.availability = Halo::SiteInfo::Availability::Offline;
    now.heartbeatAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
    VerificationResult result;
    result.input.pmsType = QStringLiteral("BestPractice");
    result.input.pmsId = QStringLiteral("BP-1");
    result.input.expectedGuid = QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b");
    result.input.expectedName = QStringLiteral("Harbourside Family Medical");
    Halo::SiteVerification::judge({now}, &now, &result, QDateTime::currentDateTimeUtc());
    QCOMPARE(result.verdict, Verdict::GuidChanged);
    QVERIFY(result.message.contains(QLatin1String("offline, name-differs")));
    QCOMPARE(result.heartbeatAgeSeconds, 7200);

    // Without the GUID: offline wins over the name.
    result.input.expectedGuid.clear();
    Halo::SiteVerification::judge({now}, &now, &result, QDateTime::currentDateTimeUtc());
    QCOMPARE(result.verdict, Verdict::Offline);
}

void TestVerifyService::keepsAtMostFourRequestsInFlight()
{
    Sandbox::SandboxOptions options = keyedOptions(kVerifyKey, 30);
    options.latencyMs = 120; // long enough that rows overlap at the server
    START_RIG(rig, options);
    int inFlight = 0;
    int most = 0;
    int received = 0;
    connect(&rig.server, &Sandbox::SandboxServer::requestReceived, this, [&]() {
        ++received;
        most = qMax(most, ++inFlight);
    });
    connect(&rig.server, &Sandbox::SandboxServer::requestHandled, this, [&]() { --inFlight; });
    QList<Halo::VerificationInput> inputs;
    for (int i = 0; i < 12; ++i)
        inputs.append(Halo::VerificationCsv::parse("pms,pms_id\nBest Practice,BP-20431\n").rows);
    const QList<VerificationResult> rows = verifyAll(&rig.client, inputs);
    QCOMPARE(rows.size(), 12);
    for (const VerificationResult &row : rows)
        QCOMPARE(row.verdict, Verdict::Ok);
    QCOMPARE(received, 24);
    // Qt would open six connections to one host: the four is the service's bound, reached.
    QCOMPARE(most, VerificationService::kMaxConcurrent);
}

void TestVerifyService::waitsOutRateLimits()
{
    Sandbox::SandboxOptions options = keyedOptions(kVerifyKey, 30);
    options.rateLimitRequests = 4;
    options.rateLimitWindowSeconds = 1;
    START_RIG(rig, options);
    int limited = 0;
    connect(&rig.server, &Sandbox::SandboxServer::requestHandled, this,
            [&](const QString &, const QString &, int status) { limited += status == 429; });
    QList<Halo::VerificationInput> inputs;
    for (int i = 0; i < 4; ++i)
        inputs.append(Halo::VerificationCsv::parse("pms,pms_id\nZedmed,ZM-1142\n").rows);
    const QList<VerificationResult> rows = verifyAll(&rig.client, inputs);
    QCOMPARE(rows.size(), 4);
    int retried = 0;
    for (const VerificationResult &row : rows) {
        QCOMPARE(row.verdict, Verdict::Unreachable);
        for (const Halo::VerificationRequest &request : row.requests)
            retried += request.attempts > 1;
    }
    QVERIFY(limited > 0);
    QVERIFY(retried > 0);
}

void TestVerifyService::cancelKeepsFinishedRows()
{
    Sandbox::SandboxOptions options = keyedOptions(kVerifyKey, 30);
    options.latencyMs = 150;
    START_RIG(rig, options);
    int received = 0;
    connect(&rig.server, &Sandbox::SandboxServer::requestReceived, this, [&]() { ++received; });
    QList<Halo::VerificationInput> inputs;
    for (int i = 0; i < 10; ++i)
        inputs.append(Halo::VerificationCsv::parse("pms,pms_id\nD4w,D4W-5528\n").rows);
    VerificationService service(&rig.client);
    QSignalSpy finished(&service, &VerificationService::finished);
    QSignalSpy rowsDone(&service, &VerificationService::rowFinished);
    connect(&service, &VerificationService::rowFinished, this, [&service]() { service.cancel(); });
    service.start(inputs);
    QVERIFY(finished.wait(kVerifyWaitMs));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(service.wasCancelled());
    QVERIFY(!service.isRunning());
    const QList<VerificationResult> kept = service.results();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().verdict, Verdict::Ok);
    QCOMPARE(kept.first().input.pmsId, QStringLiteral("D4W-5528"));
    // Nothing more is sent, and no row finishes after the cancel.
    const int sent = received;
    QTest::qWait(600);
    QCOMPARE(received, sent);
    QCOMPARE(rowsDone.size(), 1);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(service.results().size(), 1);
}

QTEST_GUILESS_MAIN(TestVerifyService)
#include "tst_verify_service.moc"
