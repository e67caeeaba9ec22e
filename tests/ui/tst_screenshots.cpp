// The README's pictures of bulk verification, made from real runs against a sandbox on
// loopback: the dialog after checking one CSV row per verdict. Each run is checked before it is
// pictured; the pictures land in the build's tests/ui/artefacts folder.
#include "FailOnWarning.h"
#include "VerifyRig.h"
#include "services/VerificationResultsModel.h"
#include "sites/VerifySitesDialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
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
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
