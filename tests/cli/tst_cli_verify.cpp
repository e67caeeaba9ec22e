// SPDX-License-Identifier: GPL-3.0-or-later
// `halo-cli verify` as scripts run it: the real executable against a halo-sandbox process (a CSV
// with one row per verdict) and against the sandbox it embeds (the window's saved sites). Exit
// codes 0, 1 and 2, the JSON fields, the CSV format, a line per site on stderr, and the report,
// of a whole run or of one saved site (--site).
#include "CliSuite.h"
#include "FailOnWarning.h"
#include "sites/SiteStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// One row per verdict (halo-sandbox --print-sites); the Zedmed status read is made to fail.
const QByteArray kVerdictCsv = "pms,pms_id,expected_guid,expected_name\r\n"
                               "Best Practice,BP-20431,3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14,\r\n"
                               "BestPractice,BP-20431,a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b,\r\n"
                               "zedmed,ZM-9999,,\r\n"
                               "D4w,D4W-7731,,\r\n"
                               "Best Practice,BP-18254,,\r\n"
                               "Best Practice,BP-52976,,\r\n"
                               "Best Practice,BP-31877,,\r\n"
                               "ZEDMED,ZM-1142,,\r\n"
                               "Zedmed,ZM-0716,,\r\n"
                               "Medical Director,MD-1,,\"Smith, \"\"Dr\"\"\"\r\n";
const QStringList kVerdicts{QStringLiteral("ok"),           QStringLiteral("guid-changed"),
                            QStringLiteral("not-found"),    QStringLiteral("several-authoritative"),
                            QStringLiteral("name-differs"), QStringLiteral("pms-version-changed"),
                            QStringLiteral("offline"),      QStringLiteral("unreachable"),
                            QStringLiteral("error"),        QStringLiteral("error")};
const QString kFaultyStatus =
    QStringLiteral("/integrator/sites/6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5=400");

} // namespace

class TestCliVerify : public QObject, public CliSuite
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { HaloTest::failOnWarnings(); }
    void givesEachVerdictAsJson();
    void exitsZeroWhenEveryRowIsOk();
    void writesCsvWithTheJsonFields();
    void badRowNamesItsLineAndTheRestIsChecked();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void checksTheWindowsSavedSites();
    void writesAReportWithoutTheKey();
    void reportsOneSavedSite();

private:
    QString csvFile(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCliVerify::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_key = randomKey();
    QString why;
    QVERIFY2(
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                         m_key, QStringLiteral("--fault"), kFaultyStatus},
                        &why),
        qPrintable(why));
}

QString TestCliVerify::csvFile(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("sites-%1.csv").arg(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestCliVerify::givesEachVerdictAsJson()
{
    const CliResult result =
        cli({QStringLiteral("verify"), QStringLiteral("--sites"), csvFile(kVerdictCsv),
             QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY_RUN(result, ApiFailure);
    QJsonParseError error;
    const QJsonArray rows = QJsonDocument::fromJson(result.out, &error).array();
    QVERIFY2(error.error == QJsonParseError::NoError, result.transcript().constData());
    QCOMPARE(rows.size(), kVerdicts.size());
    const QStringList fields{QStringLiteral("pms"),
                             QStringLiteral("pms_id"),
                             QStringLiteral("expected_guid"),
                             QStringLiteral("guid"),
                             QStringLiteral("verdict"),
                             QStringLiteral("practice_name"),
                             QStringLiteral("recorded_name"),
                             QStringLiteral("pms_version"),
                             QStringLiteral("halo_link_version"),
                             QStringLiteral("availability"),
                             QStringLiteral("heartbeat_age_seconds"),
                             QStringLiteral("message")};
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QStringList keys = row.keys();
        QStringList expectedKeys = fields;
        keys.sort();
        expectedKeys.sort();
        QCOMPARE(keys, expectedKeys);
        QVERIFY2(row.value(QStringLiteral("verdict")).toString() == kVerdicts.at(i),
                 qPrintable(QString::fromUtf8(QJsonDocument(row).toJson())));
    }
    // Keys in the documented order, as written.
    QVERIFY(result.outText().indexOf(QLatin1String("\"pms\"")) <
            result.outText().indexOf(QLatin1String("\"message\"")));
    const QJsonObject renamed = rows.at(4).toObject();
    QCOMPARE(renamed.value(QStringLiteral("practice_name")).toString(),
             QStringLiteral("Eastwood Family Doctors"));
    QCOMPARE(renamed.value(QStringLiteral("recorded_name")).toString(),
             QStringLiteral("Eastwood Medical Centre"));
    QCOMPARE(renamed.value(QStringLiteral("availability")).toString(), QStringLiteral("online"));
    QVERIFY(renamed.value(QStringLiteral("heartbeat_age_seconds")).toInt() >= 18);
    QVERIFY(rows.at(2).toObject().value(QStringLiteral("heartbeat_age_seconds")).isNull());
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("guid")).toString(), kOnline);
    QVERIFY(rows.at(8)
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("Injected fault")));
    // A line per site on stderr as each finishes.
    QCOMPARE(lines(result.errText()).size(), kVerdicts.size());
    QVERIFY(result.errText().contains(QStringLiteral("[%1/%1]").arg(kVerdicts.size())));
}

void TestCliVerify::exitsZeroWhenEveryRowIsOk()
{
    const QByteArray csv = "pms,pms_id,expected_guid\n"
                           "Best Practice,BP-20431," +
                           kOnline.toUtf8() +
                           "\n"
                           "Zedmed,ZM-0716,\n" // the status read only fails on its GUID path
                           "D4w,D4W-5528,\n";
    CliResult result = cli({QStringLiteral("verify"), QStringLiteral("--sites"), csvFile(csv)});
    QVERIFY_RUN(result, ApiFailure); // one row is not ok: Wattle Grove's status read fails
    const QByteArray okOnly = "pms,pms_id,expected_guid\n"
                              "Best Practice,BP-20431," +
                              kOnline.toUtf8() +
                              "\n"
                              "D4w,D4W-5528,\n";
    result = cli({QStringLiteral("verify"), QStringLiteral("--sites"), csvFile(okOnly)});
    QVERIFY_RUN(result, Ok);
    QCOMPARE(lines(result.outText()).size(), 4); // header, rule, two rows
    QVERIFY(result.outText().contains(QLatin1String("Southbank Smiles Dental")));
    QCOMPARE(lines(result.errText()).size(), 2);
}

void TestCliVerify::writesCsvWithTheJsonFields()
{
    const CliResult result =
        cli({QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--sites"),
             csvFile(kVerdictCsv), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY_RUN(result, ApiFailure);
    const QStringList rows = result.outText().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), kVerdicts.size() + 1);
    QCOMPARE(rows.first(), QStringLiteral("pms,pms_id,expected_guid,guid,verdict,practice_name,"
                                          "recorded_name,pms_version,halo_link_version,"
                                          "availability,heartbeat_age_seconds,message"));
    QVERIFY(rows.at(1).startsWith(QLatin1String("BestPractice,BP-20431,")));
    QVERIFY(rows.at(1).contains(QLatin1String(",ok,")));
    // --json alone makes JSON the default, --format still wins.
    const CliResult json = cli({QStringLiteral("--json"), QStringLiteral("verify"),
                                QStringLiteral("--sites"), csvFile(kVerdictCsv)});
    QVERIFY_RUN(json, ApiFailure);
    QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), kVerdicts.size());
}

void TestCliVerify::badRowNamesItsLineAndTheRestIsChecked()
{
    const QByteArray csv = "pms,pms_id\n"
                           "Best Practice,BP-20431\n"
                           "Zedmed,\n"
                           "D4w,D4W-5528\n";
    const CliResult result = cli({QStringLiteral("verify"), QStringLiteral("--sites"), csvFile(csv),
                                  QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY_RUN(result, ApiFailure);
    const QJsonArray rows = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("error"));
    QVERIFY(rows.at(1)
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QLatin1String("line 3:")));
    QCOMPARE(rows.at(2).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("ok"));
}

void TestCliVerify::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QString noPmsId = csvFile("pms,expected_guid\nZedmed,\n");
    const QString good = csvFile("pms,pms_id\nZedmed,ZM-0716\n");
    QTest::newRow("header without pms_id")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--sites"), noPmsId} << "pms_id";
    QTest::newRow("unreadable file")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--sites"),
                       m_dir.filePath(QStringLiteral("missing.csv"))}
        << "missing.csv";
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--sits"), good} << "--sits";
    QTest::newRow("unknown format")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--sites"), good,
                       QStringLiteral("--format"), QStringLiteral("xml")}
        << "xml";
    QTest::newRow("report in no folder")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--sites"), good,
                       QStringLiteral("--report"), m_dir.filePath(QStringLiteral("no/r.html"))}
        << "--report";
    QTest::newRow("site not a guid")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--site"), QStringLiteral("BP-1")}
        << "--site needs a Halo GUID";
    QTest::newRow("site and sites")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--site"), kOnline,
                       QStringLiteral("--sites"), m_dir.filePath(QStringLiteral("none.csv"))}
        << "cannot be used together";
}

void TestCliVerify::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const CliResult result = cli(arguments);
    QVERIFY_RUN(result, Usage);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(isOneLine(result.err), result.transcript().constData());
    QVERIFY2(result.errText().contains(says), result.transcript().constData());
}

void TestCliVerify::checksTheWindowsSavedSites()
{
    if (skipUnlessIsolated())
        QSKIP("writes the window's site list: only under isolated.sh's private HOME");
    // The site list as the window writes it, in the window's data folder.
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("halo-explorer"));
    Halo::SiteStore store;
    QVERIFY(store.load());
    auto add = [&store](const QString &environment, const QString &guid, const QString &pmsId,
                        const QString &name) {
        Halo::SiteRecord site;
        site.environment = environment;
        site.guid = guid;
        site.pmsType = QStringLiteral("BestPractice");
        site.pmsId = pmsId;
        site.recorded.practiceName = name;
        site.recorded.pmsVersion = QStringLiteral("Bp Premier Orchid SP1 1.12.0.1010");
        site.addedAt = QDateTime::currentDateTimeUtc();
        QString error;
        return store.add(site, &error);
    };
    QVERIFY(add(QStringLiteral("sandbox"), kOnline, QStringLiteral("BP-20431"),
                QStringLiteral("Harbourside Family Medical")));
    QVERIFY(add(QStringLiteral("sandbox"), QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057"),
                QStringLiteral("BP-18254"), QStringLiteral("Eastwood Family Doctors")));
    QVERIFY(add(QStringLiteral("stage"), QStringLiteral("58e1a6c3-0d7b-4b29-9c4e-2a6f93d1b785"),
                QStringLiteral("BP-31877"), QStringLiteral("Kookaburra Creek Medical Practice")));

    CliResult result = runCli({QStringLiteral("--environment"), QStringLiteral("sandbox"),
                               QStringLiteral("--json"), QStringLiteral("verify")});
    QVERIFY_RUN(result, Ok);
    QJsonArray rows = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(rows.size(), 2); // the stage site is another environment's
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("recorded_name")).toString(),
             QStringLiteral("Eastwood Family Doctors"));

    QVERIFY(add(QStringLiteral("sandbox"), QStringLiteral("a1d94e70-2c3b-4f85-b6e2-07c9d18f5a3b"),
                QStringLiteral("BP-20431"), QStringLiteral("Harbourside Family Medical")));
    result = runCli({QStringLiteral("--environment"), QStringLiteral("sandbox"),
                     QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY_RUN(result, ApiFailure);
    rows = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(2).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("guid-changed"));
    QCOMPARE(rows.at(2).toObject().value(QStringLiteral("guid")).toString(), kOnline);
}

void TestCliVerify::writesAReportWithoutTheKey()
{
    const QString report = m_dir.filePath(QStringLiteral("evidence.html"));
    const CliResult result = cli({QStringLiteral("verify"), QStringLiteral("--sites"),
                                  csvFile(kVerdictCsv), QStringLiteral("--report"), report});
    QVERIFY_RUN(result, ApiFailure);
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray html = file.readAll();
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    for (const QString &verdict : kVerdicts)
        QVERIFY2(html.contains(verdict.toUtf8()), qPrintable(verdict));
    QVERIFY(html.contains("/integrator/sites/0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057"));
    QVERIFY(html.contains(QByteArray(QT_STRINGIFY(HALO_TEST_VERSION))));
    QVERIFY(!html.contains(m_key.toUtf8()));
    QVERIFY(!html.contains(m_key.left(10).toUtf8()));
    QVERIFY(!result.out.contains(m_key.toUtf8()));
    QVERIFY(!result.err.contains(m_key.toUtf8()));
    QVERIFY(result.errText().contains(QLatin1String("Report written")));

    const QString json = m_dir.filePath(QStringLiteral("evidence.json"));
    const CliResult asJson = cli({QStringLiteral("verify"), QStringLiteral("--sites"),
                                  csvFile(kVerdictCsv), QStringLiteral("--report"), json});
    QVERIFY_RUN(asJson, ApiFailure);
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(object.value(QStringLiteral("rows")).toArray().size(), kVerdicts.size());
    QVERIFY(!QJsonDocument(object).toJson().contains(m_key.toUtf8()));
}

void TestCliVerify::reportsOneSavedSite()
{
    if (skipUnlessIsolated())
        QSKIP("writes the window's site list: only under isolated.sh's private HOME");
    // The window's site list holds a site of this sandbox (a custom base URL) and one elsewhere.
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("halo-explorer"));
    Halo::SiteStore store;
    QVERIFY(store.load());
    const QString renamed = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");
    for (const QString &guid : {kOnline, renamed}) {
        Halo::SiteRecord site;
        site.environment = QStringLiteral("custom");
        site.baseUrl = m_sandbox.baseUrl();
        site.guid = guid;
        site.pmsType = QStringLiteral("BestPractice");
        site.pmsId = guid == kOnline ? QStringLiteral("BP-20431") : QStringLiteral("BP-18254");
        site.recorded.practiceName = QStringLiteral("Eastwood Medical Centre");
        site.addedAt = QDateTime::currentDateTimeUtc();
        QString error;
        QVERIFY2(store.add(site, &error), qPrintable(error));
    }

    const QString html = m_dir.filePath(QStringLiteral("one-site.html"));
    const CliResult result = cli({QStringLiteral("verify"), QStringLiteral("--site"),
                                  renamed.toUpper(), QStringLiteral("--report"), html});
    QVERIFY_RUN(result, ApiFailure); // name-differs: not ok
    QCOMPARE(result.out.count("name-differs"), 1);
    QVERIFY(!result.out.contains(kOnline.toUtf8())); // only the site asked for
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray page = file.readAll();
    for (const QByteArray &expected :
         {renamed.toUtf8(), QByteArray("BP-18254"), QByteArray("Eastwood Medical Centre"),
          QByteArray("Eastwood Family Doctors"), QByteArray("name-differs"),
          QByteArray("request log #"), QByteArray(QT_STRINGIFY(HALO_TEST_VERSION))})
        QVERIFY2(page.contains(expected), expected.constData());
    QVERIFY(!page.contains(kOnline.toUtf8()));
    QVERIFY(!page.contains(m_key.toUtf8()));
    QVERIFY(!page.contains(m_key.left(10).toUtf8()));

    const QString json = m_dir.filePath(QStringLiteral("one-site.json"));
    const CliResult asJson =
        cli({QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--site"), renamed,
             QStringLiteral("--report"), json});
    QVERIFY_RUN(asJson, ApiFailure);
    QCOMPARE(QJsonDocument::fromJson(asJson.out).array().size(), 1);
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray jsonBytes = jsonFile.readAll();
    QVERIFY(!jsonBytes.contains(m_key.toUtf8()));
    const QJsonObject report = QJsonDocument::fromJson(jsonBytes).object();
    QCOMPARE(report.value(QStringLiteral("total")).toInt(), 1);
    QVERIFY(report.value(QStringLiteral("source")).toString().contains(renamed));
    const QJsonArray rows = report.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonArray requests = rows.first().toObject().value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 2);
    QVERIFY(requests.at(0).toObject().value(QStringLiteral("log_id")).toInteger() > 0);
    QVERIFY(requests.at(1).toObject().value(QStringLiteral("log_id")).toInteger() >
            requests.at(0).toObject().value(QStringLiteral("log_id")).toInteger());

    // A GUID no saved site of this environment has is a usage error; nothing is sent.
    const CliResult unknown = cli({QStringLiteral("verify"), QStringLiteral("--site"),
                                   QStringLiteral("6b2e8f14-95c7-4d3a-8f60-c4a7e1b209d5")});
    QVERIFY_RUN(unknown, Usage);
    QVERIFY(unknown.errText().contains(QLatin1String("no saved site")));
}

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"
