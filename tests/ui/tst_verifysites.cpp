// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk verification in the window, against a real sandbox on loopback: the saved sites are
// checked with progress and a verdict per row, a CSV's bad row names its line while the others
// are checked, Stop keeps what was found and sends nothing more, an unusable file loses nothing,
// and the saved report (HTML, JSON or PDF) holds the verdicts and never the key.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "VerifyRig.h"
#include "WidgetLookup.h"
#include "services/VerificationResultsModel.h"
#include "sites/VerifySitesDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A saved site as the window keeps it, recorded at onboarding as the sample practice was then.
Halo::SiteRecord savedSite(const QString &guid)
{
    const Sandbox::SampleSite *sample = Sandbox::findSampleSite(guid);
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = sample->guid;
    record.pmsType = sample->pmsType;
    record.pmsId = sample->pmsId;
    record.recorded.practiceName = sample->recordedPracticeName;
    record.recorded.pmsVersion = sample->pmsVersion;
    record.recorded.haloLinkVersion = sample->haloLinkVersion;
    record.addedAt = QDateTime::currentDateTimeUtc();
    return record;
}

QString sampleGuid(Sandbox::SiteScenario scenario)
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == scenario && site.authoritative)
            return site.guid;
    }
    return {};
}

QStringList verdicts(const Halo::VerificationResultsModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(Halo::VerificationResultsModel::VerdictIdRole).toString();
    return ids;
}

} // namespace

class TestVerifySites : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void checksTheSavedSitesWithProgress();
    void csvBadRowNamesItsLineAndTheRestIsChecked();
    void unusableFileLosesNothing();
    void stopKeepsWhatWasFoundAndSendsNothingMore();
    void reportHoldsVerdictsNeverTheKey();
};

void TestVerifySites::checksTheSavedSitesWithProgress()
{
    START_RIG(rig, verifyOptions());
    const QList<Halo::SiteRecord> sites{savedSite(sampleGuid(Sandbox::SiteScenario::Online)),
                                        savedSite(sampleGuid(Sandbox::SiteScenario::Offline)),
                                        savedSite(sampleGuid(Sandbox::SiteScenario::Renamed))};
    VerifySitesDialog dialog(&rig.client, QStringLiteral("Sandbox"), sites);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *table = named<QTableView>(&dialog, QStringLiteral("Verification results"));
    QVERIFY(table);
    for (const QString &name :
         {QStringLiteral("Stop verification"), QStringLiteral("Save report"),
          QStringLiteral("Verify again"), QStringLiteral("Verify a CSV file")})
        QVERIFY2(named<QPushButton>(&dialog, name), qPrintable(name));

    QSignalSpy finished(&dialog, &VerifySitesDialog::runFinished);
    dialog.verifySavedSites();
    QCOMPARE(table->model()->rowCount(), 3); // every row shown from the start
    QVERIFY(named<QPushButton>(&dialog, QStringLiteral("Stop verification"))->isEnabled());
    QVERIFY(finished.wait(kVerifyWaitMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(verdicts(dialog.results()),
             QStringList({QStringLiteral("ok"), QStringLiteral("offline"),
                          QStringLiteral("name-differs")}));
    auto *progress = named<QProgressBar>(&dialog, QStringLiteral("Verification progress"));
    QCOMPARE(progress->value(), progress->maximum());
    QCOMPARE(progress->maximum(), 3);
    const QString summary = named<QLabel>(&dialog, QStringLiteral("Verification summary"))->text();
    QVERIFY2(summary.contains(QLatin1String("3 checked, 1 ok, 2 not ok")), qPrintable(summary));
    QVERIFY(!named<QPushButton>(&dialog, QStringLiteral("Stop verification"))->isEnabled());
    QVERIFY(named<QPushButton>(&dialog, QStringLiteral("Save report"))->isEnabled());

    // The renamed practice's row says both names; every cell reads as text and copies.
    const QModelIndex now =
        dialog.results()->index(2, Halo::VerificationResultsModel::PracticeNameColumn);
    const QModelIndex recorded =
        dialog.results()->index(2, Halo::VerificationResultsModel::RecordedNameColumn);
    QVERIFY(now.data().toString() != recorded.data().toString());
    QCOMPARE(now.data(Qt::AccessibleTextRole), now.data());
    table->setFocus();
    table->selectRow(2);
    QTest::keySequence(table, QKeySequence::Copy);
    QVERIFY2(QApplication::clipboard()->text().contains(QLatin1String("name-differs")),
             qPrintable(QApplication::clipboard()->text()));
}

void TestVerifySites::csvBadRowNamesItsLineAndTheRestIsChecked()
{
    START_RIG(rig, verifyOptions());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("practices.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(verdictCsv());
    file.close();
    VerifySitesDialog dialog(&rig.client, QStringLiteral("Sandbox"), {});
    QSignalSpy finished(&dialog, &VerifySitesDialog::runFinished);
    dialog.verifyCsv(path);
    QVERIFY(finished.wait(kVerifyWaitMs));
    QCOMPARE(verdicts(dialog.results()), verdictCsvExpected());
    const QString message =
        dialog.results()->index(9, Halo::VerificationResultsModel::MessageColumn).data().toString();
    QVERIFY2(message.contains(QLatin1String("line 11")), qPrintable(message));
}

void TestVerifySites::unusableFileLosesNothing()
{
    START_RIG(rig, verifyOptions());
    const QList<Halo::SiteRecord> sites{savedSite(sampleGuid(Sandbox::SiteScenario::Online))};
    VerifySitesDialog dialog(&rig.client, QStringLiteral("Sandbox"), sites);
    dialog.show();
    QSignalSpy finished(&dialog, &VerifySitesDialog::runFinished);
    dialog.verifySavedSites();
    QVERIFY(finished.wait(kVerifyWaitMs));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no-header.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Best Practice,BP-20431\n");
    file.close();
    dialog.verifyCsv(path);
    auto *problem = named<QLabel>(&dialog, QStringLiteral("Verification problem"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("cannot be verified")),
             qPrintable(problem->text()));
    QCOMPARE(verdicts(dialog.results()), QStringList({QStringLiteral("ok")})); // still there
}

void TestVerifySites::stopKeepsWhatWasFoundAndSendsNothingMore()
{
    Sandbox::SandboxOptions options = verifyOptions();
    options.latencyMs = 150; // slow enough that Stop comes while rows are on their way
    START_RIG(rig, options);
    int requests = 0;
    QObject::connect(&rig.server, &Sandbox::SandboxServer::requestReceived, &rig.server,
                     [&requests]() { ++requests; });
    QList<Halo::SiteRecord> sites;
    for (int i = 0; i < 12; ++i)
        sites.append(savedSite(sampleGuid(Sandbox::SiteScenario::Online)));
    VerifySitesDialog dialog(&rig.client, QStringLiteral("Sandbox"), sites);
    dialog.show();
    auto *stop = named<QPushButton>(&dialog, QStringLiteral("Stop verification"));
    // The user stops as soon as the first verdict shows.
    QObject::connect(dialog.service(), &Halo::VerificationService::rowFinished, stop, [stop]() {
        if (stop->isEnabled())
            stop->click();
    });
    QSignalSpy finished(&dialog, &VerifySitesDialog::runFinished);
    dialog.verifySavedSites();
    QVERIFY(finished.wait(kVerifyWaitMs));
    QCOMPARE(finished.first().at(0).toBool(), true);
    const int checked = dialog.results()->checkedCount();
    QCOMPARE(checked, 1);
    QStringList found = verdicts(dialog.results());
    found.removeAll(QString());
    QCOMPARE(found, QStringList({QStringLiteral("ok")}));
    QCOMPARE(dialog.results()->rowCount(), 12); // the rows not checked stay, marked waiting
    const int sent = requests;
    QTest::qWait(600);
    QCOMPARE(requests, sent);
    const QString summary = named<QLabel>(&dialog, QStringLiteral("Verification summary"))->text();
    QVERIFY2(summary.startsWith(QLatin1String("Stopped: 1 of 12 checked")), qPrintable(summary));
}

void TestVerifySites::reportHoldsVerdictsNeverTheKey()
{
    START_RIG(rig, verifyOptions());
    const QList<Halo::SiteRecord> sites{savedSite(sampleGuid(Sandbox::SiteScenario::Online)),
                                        savedSite(sampleGuid(Sandbox::SiteScenario::Offline))};
    VerifySitesDialog dialog(&rig.client, QStringLiteral("Sandbox"), sites);
    QSignalSpy finished(&dialog, &VerifySitesDialog::runFinished);
    dialog.verifySavedSites();
    QVERIFY(finished.wait(kVerifyWaitMs));
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("report.html"), QStringLiteral("report.json")}) {
        const QString path = dir.filePath(name);
        QVERIFY(dialog.saveReportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray report = file.readAll();
        QVERIFY2(report.contains("offline"), name.toUtf8());
        QVERIFY2(report.contains(sites.first().guid.toUtf8()), name.toUtf8());
        QVERIFY2(!report.contains(kVerifyKey.toUtf8()), name.toUtf8());
    }
    // As PDF, printed through Qt's printing: a PDF file, without the key.
    const QString pdfPath = dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(dialog.saveReportTo(pdfPath));
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray printed = pdf.readAll();
    QVERIFY(printed.startsWith("%PDF"));
    QVERIFY(printed.size() > 2000);
    QVERIFY(!printed.contains(kVerifyKey.toUtf8()));
    QVERIFY(!printed.contains(kVerifyKey.left(12).toUtf8()));
    // A report that cannot be written says so in place.
    QVERIFY(!dialog.saveReportTo(dir.filePath(QStringLiteral("missing/folder/report.html"))));
    QVERIFY(named<QLabel>(&dialog, QStringLiteral("Verification problem"))
                ->text()
                .contains(QLatin1String("not saved")));
}

QTEST_MAIN(TestVerifySites)
#include "tst_verifysites.moc"
