// SPDX-License-Identifier: GPL-3.0-or-later
// The evidence of a bulk run as HTML and JSON: who, when, where, each row and its requests; never
// the key, never patient data, and server text made safe before it is written.
#include "FailOnWarning.h"
#include "SandboxSamples.h"
#include "VerifyRig.h"
#include "services/SiteReportRunner.h"
#include "services/VerificationReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using Halo::VerificationReport;
using Halo::VerificationRun;

class TestVerifyReport : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void holdsNoKeyAndNoPatientData();
    void saysWhoWhenWhereAndEachRow();
    void escapesAndCleansServerText();
    void writesHtmlOrJsonByName();
    void reportsOneSavedSite();
};

namespace {

VerificationRun runOf(const QList<Halo::VerificationResult> &rows)
{
    VerificationRun run;
    run.environment = QStringLiteral("Sandbox");
    run.source = QStringLiteral("sites.csv");
    run.user = QStringLiteral("support-desk");
    run.appVersion = QStringLiteral("9.8.7");
    run.startedAt = QDateTime(QDate(2026, 12, 2), QTime(9, 30), QTimeZone::utc());
    run.finishedAt = run.startedAt.addSecs(4);
    run.total = int(rows.size());
    run.rows = rows;
    return run;
}

} // namespace

void TestVerifyReport::holdsNoKeyAndNoPatientData()
{
    START_RIG(rig, verifyOptions());
    // A patient's name through the same client first: the request log now holds it.
    const QString patient = QStringLiteral("Quillfeather-Odhiambo");
    auto *query = rig.client.runImmediate(
        onlineBp().guid, sql(QStringLiteral("SELECT '%1' AS Surname").arg(patient)));
    QSignalSpy answered(query, &Halo::ApiCall::finished);
    QVERIFY(answered.wait(kVerifyWaitMs));
    QVERIFY(query->ok());

    const QList<Halo::VerificationResult> rows =
        verifyAll(&rig.client, Halo::VerificationCsv::parse(verdictCsv()).rows);
    QCOMPARE(rows.size(), verdictCsvExpected().size());
    const VerificationRun run = runOf(rows);
    const QByteArray key = kVerifyKey.toUtf8();
    for (const QByteArray &report :
         {VerificationReport::html(run), VerificationReport::json(run)}) {
        QVERIFY(report.size() > 1000);
        QVERIFY(!report.contains(key));
        QVERIFY(!report.contains(key.toBase64()));
        QVERIFY(!report.contains(key.left(12)));
        QVERIFY(!report.contains("Ocp-Apim"));
        QVERIFY(!report.contains(patient.toUtf8()));
        QVERIFY(report.contains("Eastwood Family Doctors")); // what it should hold, it does
    }
}

void TestVerifyReport::saysWhoWhenWhereAndEachRow()
{
    START_RIG(rig, verifyOptions());
    const QList<Halo::VerificationResult> rows =
        verifyAll(&rig.client, Halo::VerificationCsv::parse(verdictCsv()).rows);
    VerificationRun run = runOf(rows);
    const QString html = QString::fromUtf8(VerificationReport::html(run));
    for (const QString &expected :
         {QStringLiteral("support-desk"), QStringLiteral("Sandbox"), QStringLiteral("sites.csv"),
          QStringLiteral("2026-12-02T09:30:00Z"), QStringLiteral("9.8.7"),
          QStringLiteral("@media print"), QStringLiteral("/integrator/sites/"),
          QStringLiteral("guid-changed"), QStringLiteral("several-authoritative"),
          QStringLiteral("pms-version-changed"), QStringLiteral("Injected fault")})
        QVERIFY2(html.contains(expected), qPrintable(expected));
    QVERIFY(!html.contains(QLatin1String("<script")));
    QVERIFY(!html.contains(QLatin1String("http://"))); // self-contained: nothing outside
    QCOMPARE(html.count(QLatin1String("<tr class=\"site\">")), rows.size()); // one per row
    QCOMPARE(html.count(QLatin1String("<div class=\"evidence\">")), rows.size());

    run.cancelled = true;
    run.total = 20;
    const QJsonObject json = QJsonDocument::fromJson(VerificationReport::json(run)).object();
    QCOMPARE(json.value(QStringLiteral("user")).toString(), QStringLiteral("support-desk"));
    QCOMPARE(json.value(QStringLiteral("cancelled")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("total")).toInt(), 20);
    const QJsonArray jsonRows = json.value(QStringLiteral("rows")).toArray();
    QCOMPARE(jsonRows.size(), rows.size());
    const QJsonObject renamed = jsonRows.at(4).toObject();
    QCOMPARE(renamed.value(QStringLiteral("verdict")).toString(), QStringLiteral("name-differs"));
    const QJsonArray requests = renamed.value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).toObject().value(QStringLiteral("http_status")).toInt(), 200);
    QCOMPARE(requests.at(1).toObject().value(QStringLiteral("method")).toString(),
             QStringLiteral("GET"));
    QVERIFY(QString::fromUtf8(VerificationReport::html(run)).contains(QLatin1String("stopped")));
}

void TestVerifyReport::escapesAndCleansServerText()
{
    Halo::VerificationResult row;
    row.input.pms = QStringLiteral("BestPractice");
    row.input.pmsId = QStringLiteral("BP-1");
    row.verdict = Halo::Verdict::NameDiffers;
    row.practiceName = QStringLiteral("<b>Evil</b> \u001b]0;title\u0007 \u202eeman");
    const QString html = QString::fromUtf8(VerificationReport::html(runOf({row})));
    QVERIFY(html.contains(QLatin1String("&lt;b&gt;Evil&lt;/b&gt;")));
    QVERIFY(!html.contains(QLatin1String("<b>Evil")));
    QVERIFY(!html.contains(QChar(0x1b)));
    QVERIFY(!html.contains(QChar(0x07)));
    QVERIFY(!html.contains(QChar(0x202e)));
}

void TestVerifyReport::writesHtmlOrJsonByName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Halo::VerificationResult row;
    row.input.pms = QStringLiteral("Zedmed");
    row.input.pmsId = QStringLiteral("ZM-1");
    row.verdict = Halo::Verdict::Ok;
    const VerificationRun run = runOf({row});
    QString error;
    QVERIFY(VerificationReport::write(dir.filePath("r.html"), run, &error));
    QVERIFY(VerificationReport::write(dir.filePath("r.JSON"), run, &error));
    QFile html(dir.filePath("r.html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().startsWith("<!DOCTYPE html>"));
    QFile json(dir.filePath("r.JSON"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(json.readAll()).isObject());
    QVERIFY(!VerificationReport::write(dir.filePath("missing/r.html"), run, &error));
    QVERIFY(!error.isEmpty());
}

void TestVerifyReport::reportsOneSavedSite()
{
    START_RIG(rig, verifyOptions());
    Halo::SiteRecord site;
    site.environment = QStringLiteral("sandbox");
    site.guid = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
    site.pmsType = QStringLiteral("BestPractice");
    site.pmsId = QStringLiteral("BP-18254");
    site.recorded.practiceName = QStringLiteral("Eastwood Medical Centre");
    Halo::SiteReportRunner runner(&rig.client);
    QSignalSpy finished(&runner, &Halo::SiteReportRunner::finished);
    runner.start(site, QStringLiteral("9.8.7"));
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(kVerifyWaitMs));
    QCOMPARE(finished.size(), 1);
    const VerificationRun &run = runner.run();
    QCOMPARE(run.environment, QStringLiteral("Sandbox"));
    QCOMPARE(run.appVersion, QStringLiteral("9.8.7"));
    QCOMPARE(run.user, VerificationReport::currentUser());
    QVERIFY(run.source.contains(site.guid));
    QVERIFY(run.startedAt.isValid() && run.finishedAt >= run.startedAt);
    QCOMPARE(run.total, 1);
    QVERIFY(!run.cancelled);
    QCOMPARE(run.rows.size(), 1);
    const Halo::VerificationResult &row = run.rows.first();
    QCOMPARE(row.verdict, Halo::Verdict::NameDiffers); // compared with the record
    QCOMPARE(row.input.expectedGuid, site.guid);
    QCOMPARE(row.recordedName, site.recorded.practiceName);
    QCOMPARE(row.practiceName, QStringLiteral("Eastwood Family Doctors"));
    QCOMPARE(row.requests.size(), 2);

    // Cancelled, or started again at once: only the run asked for last finishes.
    runner.start(site, QStringLiteral("9.8.7"));
    runner.cancel();
    runner.start(site, QStringLiteral("9.8.8"));
    QVERIFY(finished.wait(kVerifyWaitMs));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(runner.run().appVersion, QStringLiteral("9.8.8"));
    QCOMPARE(runner.run().rows.size(), 1);
}

QTEST_GUILESS_MAIN(TestVerifyReport)
#include "tst_verify_report.moc"
