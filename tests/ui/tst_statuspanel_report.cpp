// SPDX-License-Identifier: GPL-3.0-or-later
// The status panel's Save report, in the window as a support person uses it, against a sandbox
// on loopback: after a SQL query has brought a patient into the same session, the site is
// verified and its evidence saved as HTML, JSON and PDF. Each holds the site's identifiers
// recorded and now, the verdict, the requests with the request log's ids and the app's version;
// none holds the key or the patient. A failed write says so and leaves the old file as it was.
#include "FailOnWarning.h"
#include "SampleSites.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "WidgetLookup.h"
#include "WindowParts.h"
#include "net/RequestLog.h"
#include "sites/SiteListPanel.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"
#include "status/SiteReportSaver.h"
#include "status/SiteStatusPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("report-test-key-5c1e9a07d2b84f36");
const QString kVersion = QStringLiteral("4.3.2-report-test");
const int kWaitMs = 30000;

// The sandbox's renamed Best Practice practice: a verdict other than ok, and two names to show.
const Sandbox::SampleSite &renamedSample()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Renamed && site.authoritative)
            return site;
    }
    qFatal("no renamed sample site");
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Rig : WindowParts {
    explicit Rig(const QString &dir)
        : WindowParts(dir)
        , server(options())
    {
        port = server.listen();
        client.setEndpoint({Halo::Environment::Sandbox, QUrl(server.baseUrl())});
        client.setSubscriptionKey(kKey);
    }
    ~Rig() { window.reset(); } // before the server it talks to
    static Sandbox::SandboxOptions options()
    {
        Sandbox::SandboxOptions options;
        options.key = kKey;
        return options;
    }
    SiteStatusPanel *panel() const { return window->statusPanel(); }

    Sandbox::SandboxServer server;
    quint16 port = 0;
};

} // namespace

class TestStatusPanelReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::setApplicationVersion(kVersion); }
    void init();
    void savesTheSiteEvidenceWithoutKeyOrPatient();
    void failedWriteSaysSoAndKeepsTheOldFile();
    void disabledWithoutASite();

private:
    // Clicks Save report with `path` as the file chosen; true once the panel says it saved.
    bool saveTo(Rig &rig, const QString &path);
    Halo::SiteRecord addRenamedSite(Rig &rig);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStatusPanelReport::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Halo::SiteRecord TestStatusPanelReport::addRenamedSite(Rig &rig)
{
    const Sandbox::SampleSite &sample = renamedSample();
    Halo::SiteRecord record;
    record.environment = QStringLiteral("sandbox");
    record.guid = sample.guid;
    record.pmsType = sample.pmsType;
    record.pmsId = sample.pmsId;
    record.recorded.practiceName = sample.recordedPracticeName;
    record.recorded.pmsVersion = sample.pmsVersion;
    record.recorded.haloLinkVersion = sample.haloLinkVersion;
    record.addedAt = QDateTime::currentDateTimeUtc();
    rig.store.add(record);
    return record;
}

bool TestStatusPanelReport::saveTo(Rig &rig, const QString &path)
{
    QString suggested;
    rig.panel()->setReportPathChooser([path, &suggested](const QString &name) {
        suggested = name;
        return path;
    });
    auto *saver = rig.panel()->findChild<SiteReportSaver *>();
    auto *button = named<QPushButton>(rig.panel(), QStringLiteral("Save report"));
    if (!saver || !button || !button->isEnabled())
        return false;
    QSignalSpy saved(saver, &SiteReportSaver::saved);
    button->click();
    if (button->isEnabled()) // busy while the site is verified: no second run meanwhile
        return false;
    if (!saved.wait(kWaitMs))
        return false;
    const auto *state = named<QLabel>(rig.panel(), QStringLiteral("Report state"));
    return suggested.endsWith(QLatin1String(".html")) && state && state->isVisible() &&
           state->text().contains(QLatin1String("Report saved")) && button->isEnabled();
}

void TestStatusPanelReport::savesTheSiteEvidenceWithoutKeyOrPatient()
{
    Rig rig(m_dir->path());
    QVERIFY(rig.port != 0);
    const Halo::SiteRecord site = addRenamedSite(rig);
    const Sandbox::SampleSite &sample = renamedSample();
    rig.openWindow();
    rig.window->siteListPanel()->selectSite(QStringLiteral("sandbox"), site.guid);
    auto *button = named<QPushButton>(rig.panel(), QStringLiteral("Save report"));
    QVERIFY(button);
    QCOMPARE(button->objectName(), QStringLiteral("saveSiteReportButton"));
    QTRY_VERIFY(rig.panel()->isEnabled() && button->isEnabled());

    // A patient from the sample data, through the SQL tab of the same window first.
    auto *tabs = rig.window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(rig.window->sqlWorkspace());
    rig.window->sqlWorkspace()->sqlTab()->setSqlText(
        QStringLiteral("SELECT TOP 1 first_name, surname, medicare_no FROM patients WHERE "
                       "medicare_no IS NOT NULL ORDER BY id"));
    auto *run = named<QAbstractButton>(rig.window->sqlWorkspace(), QStringLiteral("Run query"));
    QVERIFY(run);
    QTRY_VERIFY(run->isEnabled());
    run->click();
    auto *results = named<QAbstractItemView>(rig.window->sqlWorkspace(), QStringLiteral("Results"));
    QVERIFY(results);
    QTRY_COMPARE(results->model()->rowCount(), 1);
    const QString firstName = results->model()->index(0, 0).data().toString();
    const QString surname = results->model()->index(0, 1).data().toString();
    const QString medicare = results->model()->index(0, 2).data().toString();
    QVERIFY(surname.size() >= 3 && medicare.size() >= 8);
    const QByteArray patient = (firstName + QLatin1Char(' ') + surname).toUtf8();
    // The session's request log holds the query and its answer: the report must leave them out.
    bool inLog = false;
    for (const Halo::LoggedExchange &exchange : rig.client.requestLog()->exchanges())
        inLog = inLog || (exchange.requestBody.contains("medicare_no") &&
                          !exchange.responseBodyPreview.isEmpty());
    QVERIFY(inLog);
    tabs->setCurrentWidget(rig.panel());

    const auto neverKeyNorPatient = [&](const QByteArray &report) {
        return !report.contains(kKey.toUtf8()) && !report.contains(kKey.left(12).toUtf8()) &&
               !report.contains(kKey.toUtf8().toBase64()) && !report.contains("Ocp-Apim") &&
               !report.contains(patient) && !report.contains(medicare.toUtf8()) &&
               !report.contains("medicare_no");
    };

    const QString htmlPath = m_dir->filePath(QStringLiteral("site.html"));
    QVERIFY(saveTo(rig, htmlPath));
    const QByteArray html = contentOf(htmlPath);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    for (const QString &expected :
         {site.guid, site.pmsId, sample.recordedPracticeName, sample.practiceName,
          QStringLiteral("name-differs"), kVersion, QStringLiteral("@media print"),
          QStringLiteral("/integrator/sites/") + site.guid})
        QVERIFY2(html.contains(expected.toHtmlEscaped().toUtf8()), qPrintable(expected));
    QVERIFY(neverKeyNorPatient(html));

    const QString jsonPath = m_dir->filePath(QStringLiteral("site.json"));
    QVERIFY(saveTo(rig, jsonPath));
    const QByteArray jsonBytes = contentOf(jsonPath);
    QVERIFY(neverKeyNorPatient(jsonBytes));
    const QJsonObject json = QJsonDocument::fromJson(jsonBytes).object();
    QCOMPARE(json.value(QStringLiteral("app_version")).toString(), kVersion);
    QCOMPARE(json.value(QStringLiteral("environment")).toString(), QStringLiteral("Sandbox"));
    const QJsonArray rows = json.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QStringLiteral("verdict")).toString(), QStringLiteral("name-differs"));
    QCOMPARE(row.value(QStringLiteral("expected_guid")).toString(), site.guid);
    QCOMPARE(row.value(QStringLiteral("recorded_name")).toString(), sample.recordedPracticeName);
    QCOMPARE(row.value(QStringLiteral("practice_name")).toString(), sample.practiceName);
    const QJsonArray requests = row.value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 2);
    // Each request is the one the window's request log shows under that number.
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        const quint64 id = quint64(request.value(QStringLiteral("log_id")).toInteger());
        const Halo::LoggedExchange *logged = nullptr;
        for (const Halo::LoggedExchange &exchange : rig.client.requestLog()->exchanges()) {
            if (exchange.id == id)
                logged = &exchange;
        }
        QVERIFY2(logged, qPrintable(QString::number(id)));
        QCOMPARE(QString::fromLatin1(logged->method),
                 request.value(QStringLiteral("method")).toString());
        QCOMPARE(logged->httpStatus, request.value(QStringLiteral("http_status")).toInt());
        QVERIFY(logged->url.toString(QUrl::FullyEncoded)
                    .endsWith(request.value(QStringLiteral("path")).toString()));
    }
    // The HTML names its own run's requests the same way.
    const auto loggedIds = [](const QString &text) {
        QList<quint64> ids;
        static const QRegularExpression number(QStringLiteral("request log #(\\d+)"));
        for (auto match = number.globalMatch(text); match.hasNext();)
            ids.append(match.next().captured(1).toULongLong());
        return ids;
    };
    const QList<quint64> htmlIds = loggedIds(QString::fromUtf8(html));
    QCOMPARE(htmlIds.size(), 2);
    for (const quint64 id : htmlIds) {
        bool found = false;
        for (const Halo::LoggedExchange &exchange : rig.client.requestLog()->exchanges()) {
            found = found || (exchange.id == id && exchange.method == "GET" &&
                              exchange.url.path().startsWith(QLatin1String("/integrator/sites")));
        }
        QVERIFY2(found, qPrintable(QString::number(id)));
    }

    const QString pdfPath = m_dir->filePath(QStringLiteral("site.pdf"));
    QVERIFY(saveTo(rig, pdfPath));
    const QByteArray pdf = contentOf(pdfPath);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 2000);
    QVERIFY(neverKeyNorPatient(pdf));
}

void TestStatusPanelReport::failedWriteSaysSoAndKeepsTheOldFile()
{
    Rig rig(m_dir->path());
    QVERIFY(rig.port != 0);
    const Halo::SiteRecord site = addRenamedSite(rig);
    rig.openWindow();
    rig.window->siteListPanel()->selectSite(QStringLiteral("sandbox"), site.guid);
    auto *button = named<QPushButton>(rig.panel(), QStringLiteral("Save report"));
    QTRY_VERIFY(button && button->isEnabled());
    auto *saver = rig.panel()->findChild<SiteReportSaver *>();
    QVERIFY(saver);
    // The file can exist, but the temporary file saved beside it first has too long a name: the
    // write fails (for root too), after the site was verified and the PDF printed.
    for (const QString &suffix : {QStringLiteral(".html"), QStringLiteral(".pdf")}) {
        const QString path = m_dir->filePath(QString(246, QLatin1Char('r')) + suffix);
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("an older report");
        }
        rig.panel()->setReportPathChooser([path](const QString &) { return path; });
        QSignalSpy failed(saver, &SiteReportSaver::failed);
        button->click();
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(contentOf(path), QByteArray("an older report"));
        const auto *state = named<QLabel>(rig.panel(), QStringLiteral("Report state"));
        QVERIFY(state && state->isVisible());
        QVERIFY2(state->text().contains(QLatin1String("not saved")), qPrintable(state->text()));
        QVERIFY(button->isEnabled());
    }

    // No file chosen: nothing is written and nothing is said.
    rig.panel()->setReportPathChooser([](const QString &) { return QString(); });
    QSignalSpy abandoned(saver, &SiteReportSaver::abandoned);
    button->click();
    QVERIFY(abandoned.wait(kWaitMs));
    QVERIFY(named<QLabel>(rig.panel(), QStringLiteral("Report state"))->isHidden());
}

void TestStatusPanelReport::disabledWithoutASite()
{
    Rig rig(m_dir->path());
    QVERIFY(rig.port != 0);
    rig.openWindow();
    auto *button = named<QPushButton>(rig.panel(), QStringLiteral("Save report"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled());
    QVERIFY(!button->accessibleName().isEmpty());
    QVERIFY(button->focusPolicy() & Qt::TabFocus); // reached from the keyboard
}

QTEST_MAIN(TestStatusPanelReport)
#include "tst_statuspanel_report.moc"
