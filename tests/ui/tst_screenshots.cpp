// SPDX-License-Identifier: GPL-3.0-or-later
// The README's pictures of bulk verification, made from real runs against a sandbox on
// loopback: the dialog after checking one CSV row per verdict, and that run's report. Each run is
// checked before it is pictured; the pictures land in the build's tests/ui/artefacts folder.
#include "FailOnWarning.h"
#include "VerifyRig.h"
#include "services/VerificationResultsModel.h"
#include "sites/VerifySitesDialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

namespace {

QString artefact(const QString &name)
{
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void bulkRunOfEveryVerdict();
};

void TestScreenshots::bulkRunOfEveryVerdict()
{
    START_RIG(rig, verifyOptions());
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("practices.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(verdictCsv());
    file.close();

    VerifySitesDialog dialog(&rig.client, QStringLiteral("Sandbox"), {});
    dialog.resize(1400, 440);
    dialog.show();
    QSignalSpy finished(&dialog, &VerifySitesDialog::runFinished);
    dialog.verifyCsv(csv);
    QVERIFY(finished.wait(kVerifyWaitMs));
    QStringList verdicts;
    for (int row = 0; row < dialog.results()->rowCount(); ++row)
        verdicts << dialog.results()
                        ->index(row, 0)
                        .data(Halo::VerificationResultsModel::VerdictIdRole)
                        .toString();
    QCOMPARE(verdicts, verdictCsvExpected());

    QTest::qWait(200); // let the last rows paint; this is a picture, not an assertion
    const QString path = artefact(QStringLiteral("verify-sites.png"));
    QVERIFY(dialog.grab().save(path));
    QVERIFY(QFileInfo(path).size() > 10000);
    qInfo("screenshot: %s", qPrintable(path));

    // The report of that run, as its first printed page looks (Qt's rich text, as the PDF).
    const QString report = dir.filePath(QStringLiteral("report.html"));
    QVERIFY(dialog.saveReportTo(report));
    QFile html(report);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(html.readAll());
    QVERIFY(text.contains(QLatin1String("several-authoritative")));
    QVERIFY(!text.contains(kVerifyKey));
    const QString pdf = artefact(QStringLiteral("verification-report.pdf"));
    QVERIFY(dialog.saveReportTo(pdf));
    QFile printed(pdf);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    QVERIFY(printed.read(4) == "%PDF");
    QTextDocument document;
    document.setHtml(text);
    document.setPageSize(QSizeF(1100, 1400));
    QImage page(document.pageSize().toSize(), QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    document.drawContents(&painter, QRectF(QPointF(0, 0), document.pageSize()));
    painter.end();
    const QString reportPath = artefact(QStringLiteral("verification-report.png"));
    QVERIFY(page.save(reportPath));
    QVERIFY(QFileInfo(reportPath).size() > 10000);
    qInfo("screenshot: %s", qPrintable(reportPath));
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
