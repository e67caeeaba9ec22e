// SPDX-License-Identifier: GPL-3.0-or-later
// The halo-sandbox executable as a user runs it: options, exit codes, --print-sites, and the
// server it starts (key handling, latency, rate limit, faults), spoken to over loopback.
#include "FailOnWarning.h"
#include "SampleSites.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUrl>
#include <QtTest>

#ifndef HALO_SANDBOX_EXE
#error "HALO_SANDBOX_EXE must name the halo-sandbox executable"
#endif

namespace {

const int kStartTimeoutMs = 15000;

struct HttpResult {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    qint64 elapsedMs = 0;
};

// A halo-sandbox process, stopped when the test function ends.
class SandboxProcess
{
public:
    ~SandboxProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts the server and reads its stdout until it says where it listens. Returns false
    // (with `why`) when it does not.
    bool start(const QStringList &arguments, QString *why)
    {
        m_process.start(QStringLiteral(HALO_SANDBOX_EXE), arguments);
        if (!m_process.waitForStarted(kStartTimeoutMs)) {
            *why = m_process.errorString();
            return false;
        }
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:(\\d+))\\s*$"),
            QRegularExpression::MultilineOption);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kStartTimeoutMs) {
            const auto match = listening.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch()) {
                m_baseUrl = match.captured(1);
                m_port = match.captured(2).toUShort();
                return m_port != 0;
            }
            if (m_process.state() == QProcess::NotRunning) {
                *why = QStringLiteral("halo-sandbox exited: ") +
                       QString::fromUtf8(m_process.readAllStandardError());
                return false;
            }
            m_process.waitForReadyRead(200);
            m_stdout += m_process.readAllStandardOutput();
        }
        *why = QStringLiteral("no 'listening on' line; stdout: ") + QString::fromUtf8(m_stdout);
        return false;
    }

    QString baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    QByteArray stdoutText() const { return m_stdout; }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QString m_baseUrl;
    quint16 m_port = 0;
};

struct Finished {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

// Runs halo-sandbox with arguments that make it exit on its own.
Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(HALO_SANDBOX_EXE), arguments);
    Finished result;
    result.finished = process.waitForFinished(kStartTimeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

HttpResult httpGet(QNetworkAccessManager &nam, const QString &url, const QByteArray &key)
{
    QNetworkRequest request{QUrl(url)};
    if (!key.isEmpty())
        request.setRawHeader("Ocp-Apim-Subscription-Key", key);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam.get(request);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(kStartTimeoutMs);
    }
    HttpResult result;
    result.elapsedMs = timer.elapsed();
    if (reply->isFinished()) {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        result.status = status.isValid() ? status.toInt() : 0;
        result.body = reply->readAll();
        result.retryAfter = reply->rawHeader("Retry-After");
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return result;
}

QString siteUrl(const SandboxProcess &sandbox)
{
    const Sandbox::SampleSite &site = Sandbox::sampleSites().first();
    return sandbox.baseUrl() + QStringLiteral("/integrator/sites/") + site.guid;
}

#define START_PROCESS(name, arguments)                                                             \
    SandboxProcess name;                                                                           \
    do {                                                                                           \
        QString why_;                                                                              \
        QVERIFY2(name.start(arguments, &why_), qPrintable(why_));                                  \
    } while (false)

} // namespace

class SandboxCliTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void helpExitsZeroWithUsage();
    void versionExitsZeroWithVersion();
    void portTakesItsValueAfterAnEqualsSign();
    void badOptionExitsTwoWithMessageOnStderr_data();
    void badOptionExitsTwoWithMessageOnStderr();
    void printSitesListsEverySampleSiteAsJson();
    void givenKeyIsRequiredAndNotPrinted();
    void generatedKeyIsPrintedAndWorks();
    void latencyOptionDelaysAnswers();
    void rateLimitOptionAnswersThirdRequestWith429();
    void faultOptionFailsTheFirstMatchingRequestOnly();
};

void SandboxCliTest::helpExitsZeroWithUsage()
{
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const Finished run = runToEnd({flag});
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("Usage: halo-sandbox"), run.out.constData());
        for (const char *option :
             {"--port", "--key", "--print-sites", "--latency", "--rate-limit", "--fault"})
            QVERIFY2(run.out.contains(option), option);
    }
}

void SandboxCliTest::versionExitsZeroWithVersion()
{
    const Finished run = runToEnd({QStringLiteral("--version")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^halo-sandbox \\d+\\.\\d+\\.\\d+\\s*$"))
                 .match(QString::fromUtf8(run.out))
                 .hasMatch(),
             run.out.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
}

void SandboxCliTest::portTakesItsValueAfterAnEqualsSign()
{
    // A free port, asked for as --port=N: the sandbox must listen on exactly that one.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    SandboxProcess sandbox;
    QString why;
    QVERIFY2(
        sandbox.start({QStringLiteral("--port=%1").arg(port), QStringLiteral("--key=K")}, &why),
        qPrintable(why));
    QCOMPARE(sandbox.port(), port);
    QVERIFY2(!sandbox.stdoutText().contains("subscription key"), sandbox.stdoutText().constData());
}

void SandboxCliTest::badOptionExitsTwoWithMessageOnStderr_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("mentioned");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--frobnicate"),
                                                 QStringLiteral("1")}
                                  << QByteArray("--frobnicate");
    QTest::newRow("unknown flag with equals sign")
        << QStringList{QStringLiteral("--frobnicate=1")} << QByteArray("--frobnicate");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("serve")} << QByteArray("serve");
    QTest::newRow("port=value not a number")
        << QStringList{QStringLiteral("--port=http")} << QByteArray("--port");
    QTest::newRow("flag without value")
        << QStringList{QStringLiteral("--port")} << QByteArray("--port");
    QTest::newRow("port not a number")
        << QStringList{QStringLiteral("--port"), QStringLiteral("http")} << QByteArray("--port");
    QTest::newRow("port out of range")
        << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QByteArray("--port");
    QTest::newRow("bad rate limit")
        << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("2/x")}
        << QByteArray("--rate-limit");
    QTest::newRow("bad fault") << QStringList{QStringLiteral("--fault"),
                                              QStringLiteral("sites=oops")}
                               << QByteArray("--fault");
}

void SandboxCliTest::badOptionExitsTwoWithMessageOnStderr()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, mentioned);
    const Finished run = runToEnd(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitStatus, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(!run.err.trimmed().isEmpty(), "no message on stderr");
    QVERIFY2(run.err.contains(mentioned), run.err.constData());
    QVERIFY2(!run.out.contains("listening on"), run.out.constData());
}

void SandboxCliTest::printSitesListsEverySampleSiteAsJson()
{
    const Finished run = runToEnd({QStringLiteral("--print-sites")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray sites = document.object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), Sandbox::sampleSites().size());

    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    const QStringList pmsTypes = {QStringLiteral("BestPractice"), QStringLiteral("Zedmed"),
                                  QStringLiteral("D4w")};
    const QStringList pmsNames = {QStringLiteral("Best Practice"), QStringLiteral("Zedmed"),
                                  QStringLiteral("D4w")};
    QSet<QString> guids;
    for (const QJsonValue &value : sites) {
        const QJsonObject site = value.toObject();
        const QString guid = site.value(QStringLiteral("guid")).toString();
        QVERIFY2(uuid.match(guid).hasMatch(), qPrintable(guid));
        guids.insert(guid);
        QVERIFY2(pmsTypes.contains(site.value(QStringLiteral("pmsType")).toString()),
                 qPrintable(guid));
        QVERIFY2(pmsNames.contains(site.value(QStringLiteral("pmsName")).toString()),
                 qPrintable(guid));
        QCOMPARE(pmsTypes.indexOf(site.value(QStringLiteral("pmsType")).toString()),
                 pmsNames.indexOf(site.value(QStringLiteral("pmsName")).toString()));
        for (const QString &key : {QStringLiteral("pmsId"), QStringLiteral("practiceName"),
                                   QStringLiteral("scenario")}) {
            QVERIFY2(site.value(key).isString() && !site.value(key).toString().isEmpty(),
                     qPrintable(guid + QLatin1Char(' ') + key));
        }
    }
    QSet<QString> expected;
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites())
        expected.insert(site.guid);
    QCOMPARE(guids, expected);
}

void SandboxCliTest::givenKeyIsRequiredAndNotPrinted()
{
    const QByteArray key = "cli-test-key-42";
    START_PROCESS(sandbox, (QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--key"), QString::fromLatin1(key)}));
    QVERIFY(sandbox.port() != 0);
    QVERIFY2(!sandbox.stdoutText().contains(key), sandbox.stdoutText().constData());

    QNetworkAccessManager nam;
    const HttpResult ok = httpGet(nam, siteUrl(sandbox), key);
    QCOMPARE(ok.status, 200);
    QCOMPARE(QJsonDocument::fromJson(ok.body).object().value(QStringLiteral("id")).toString(),
             Sandbox::sampleSites().first().guid);

    const HttpResult noKey = httpGet(nam, siteUrl(sandbox), QByteArray());
    QCOMPARE(noKey.status, 401);
    QCOMPARE(QJsonDocument::fromJson(noKey.body)
                 .object()[QStringLiteral("error")][QStringLiteral("status")]
                 .toInt(),
             401);
    QCOMPARE(httpGet(nam, siteUrl(sandbox), "wrong-key").status, 401);
}

void SandboxCliTest::generatedKeyIsPrintedAndWorks()
{
    START_PROCESS(sandbox, (QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
    static const QRegularExpression printed(QStringLiteral("subscription key: (\\S+)"));
    const auto match = printed.match(QString::fromUtf8(sandbox.stdoutText()));
    QVERIFY2(match.hasMatch(), sandbox.stdoutText().constData());
    const QByteArray key = match.captured(1).toUtf8();

    QNetworkAccessManager nam;
    QCOMPARE(httpGet(nam, siteUrl(sandbox), key).status, 200);
    QCOMPARE(httpGet(nam, siteUrl(sandbox), QByteArray()).status, 401);
}

void SandboxCliTest::latencyOptionDelaysAnswers()
{
    START_PROCESS(sandbox, (QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--key"), QStringLiteral("K"),
                                        QStringLiteral("--latency"), QStringLiteral("300")}));
    QNetworkAccessManager nam;
    const HttpResult result = httpGet(nam, siteUrl(sandbox), "K");
    QCOMPARE(result.status, 200);
    QVERIFY2(result.elapsedMs >= 300, qPrintable(QString::number(result.elapsedMs)));
}

void SandboxCliTest::rateLimitOptionAnswersThirdRequestWith429()
{
    START_PROCESS(sandbox, (QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--key"), QStringLiteral("K"),
                                        QStringLiteral("--rate-limit"), QStringLiteral("2/60")}));
    QNetworkAccessManager nam;
    QCOMPARE(httpGet(nam, siteUrl(sandbox), "K").status, 200);
    QCOMPARE(httpGet(nam, siteUrl(sandbox), "K").status, 200);
    const HttpResult limited = httpGet(nam, siteUrl(sandbox), "K");
    QCOMPARE(limited.status, 429);
    bool isNumber = false;
    const int wait = limited.retryAfter.toInt(&isNumber);
    QVERIFY2(isNumber, limited.retryAfter.constData());
    QVERIFY(wait >= 1 && wait <= 60);
    QCOMPARE(QJsonDocument::fromJson(limited.body)
                 .object()[QStringLiteral("error")][QStringLiteral("status")]
                 .toInt(),
             429);
}

void SandboxCliTest::faultOptionFailsTheFirstMatchingRequestOnly()
{
    START_PROCESS(sandbox, (QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                        QStringLiteral("--key"), QStringLiteral("K"),
                                        QStringLiteral("--fault"), QStringLiteral("sites=503x1")}));
    QNetworkAccessManager nam;
    const HttpResult faulted = httpGet(nam, siteUrl(sandbox), "K");
    QCOMPARE(faulted.status, 503);
    QCOMPARE(QJsonDocument::fromJson(faulted.body)
                 .object()[QStringLiteral("error")][QStringLiteral("status")]
                 .toInt(),
             503);
    QCOMPARE(httpGet(nam, siteUrl(sandbox), "K").status, 200);
    QCOMPARE(httpGet(nam, siteUrl(sandbox), "K").status, 200);
}

QTEST_GUILESS_MAIN(SandboxCliTest)
#include "tst_sandboxcli.moc"
