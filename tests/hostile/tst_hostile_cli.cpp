// SPDX-License-Identifier: GPL-3.0-or-later
// halo-cli, run as a script would run it, against a hostile network: a broken answer exits 1
// with a line that says what happened, never 0 with blank or partial output; nothing waits for
// ever; no escape sequence a server sent reaches the terminal.
#include "FailOnWarning.h"
#include <QElapsedTimer>
#include <QTest>

#include "CliHarness.h"
#include "HostileServer.h"

using CliHarness::CliResult;
using Hostile::Reply;

namespace {

const QString kGuid = QStringLiteral("0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0");
const QString kKey = QStringLiteral("hostile-cli-key-0123456789");

const QByteArray kSitesAnswer =
    R"({"sites":[{"id":"0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0","pmsType":"BestPractice",)"
    R"("practiceMetadata":{"practiceName":"Hostile Street Clinic",)"
    R"("practiceManagementSiteId":"48213"},"authoritative":true,"status":"active"}]})";

CliResult run(const Hostile::Server &server, const QStringList &arguments)
{
    QStringList all{QStringLiteral("--base-url"), server.baseUrl().toString()};
    all += arguments;
    return CliHarness::runCli(all, {{QStringLiteral("HALO_KEY"), kKey}});
}

bool hasControlCharacters(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f)
            return true;
    }
    // C1 controls and bidirectional overrides as UTF-8
    return bytes.contains("\xc2\x9b") || bytes.contains("\xe2\x80\xae");
}

// Each broken answer, as a Reply.
Reply broken(const QString &how, const QByteArray &body)
{
    Reply reply = Reply::json(200, body);
    if (how == QLatin1String("cut off")) {
        reply.declaredLength = body.size() + 400;
    } else if (how == QLatin1String("reset")) {
        reply.sendBytes = body.size() / 2;
        reply.end = Reply::End::Reset;
    } else if (how == QLatin1String("invalid JSON")) {
        reply.body = body.left(body.size() / 2);
    } else if (how == QLatin1String("portal page")) {
        reply.body = "<html><body><h1>Sign in to the guest network</h1></body></html>";
        reply.header("Content-Type", "text/html");
    }
    return reply;
}

} // namespace

#define VERIFY_FAILED_RUN(result)                                                                  \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == 1, (result).transcript().constData());                       \
        QVERIFY2(!(result).err.trimmed().isEmpty(), (result).transcript().constData());            \
    } while (false)

class TestHostileCli : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void brokenAnswersExitOne_data();
    void brokenAnswersExitOne();
    void emptyAsyncIdStopsAtOnce();
    void retryAfterBeyondTheCapSaysWhen();
    void redirectLoopSaysLoop();
    void serverTextReachesNoTerminalEscapes();
    void gzipBombExitsOne();
    void plainHttpOffThisMachineNeedsTheFlag();
};

void TestHostileCli::brokenAnswersExitOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("says");
    const QByteArray status =
        R"({"id":"0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0","pmsType":"BestPractice",)"
        R"("status":"active","availability":"online","practiceMetadata":{"practiceName":"X"}})";
    const QByteArray query =
        R"({"id":"5b1f0a3e-2c4d-4e6f-8a9b-0c1d2e3f4a5b","status":"executionSucceeded",)"
        R"("result":{"data":"W3sib25lIjoxfV0="}})";
    const QByteArray bundle = R"({"resourceType":"Bundle","type":"searchset","total":1,)"
                              R"("entry":[{"resource":{"resourceType":"Patient","id":"1"}}]})";
    const QList<QPair<QString, QString>> hows = {
        {QStringLiteral("cut off"), QStringLiteral("cut off")},
        {QStringLiteral("reset"), QStringLiteral("cut off")},
        {QStringLiteral("invalid JSON"), QStringLiteral("JSON")},
        {QStringLiteral("portal page"), QStringLiteral("not JSON")}};
    for (const auto &[how, says] : hows) {
        QTest::addRow("sites find, %s", qPrintable(how))
            << QStringList{QStringLiteral("sites"),    QStringLiteral("find"),
                           QStringLiteral("--pms-id"), QStringLiteral("48213"),
                           QStringLiteral("--pms"),    QStringLiteral("BestPractice")}
            << kSitesAnswer << how << says;
        QTest::addRow("site status, %s", qPrintable(how))
            << QStringList{QStringLiteral("site"), QStringLiteral("status"), kGuid} << status << how
            << says;
        QTest::addRow("query, %s", qPrintable(how))
            << QStringList{QStringLiteral("query"), kGuid, QStringLiteral("SELECT 1 AS one")}
            << query << how << says;
        QTest::addRow("fhir, %s", qPrintable(how))
            << QStringList{QStringLiteral("fhir"), kGuid, QStringLiteral("Patient?family=Smith")}
            << bundle << how << says;
    }
}

void TestHostileCli::brokenAnswersExitOne()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, body);
    QFETCH(QString, how);
    QFETCH(QString, says);
    // The FHIR command reads the site's status first (its PMS decides whether FHIR exists).
    const QByteArray status =
        R"({"id":"0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0","pmsType":"BestPractice",)"
        R"("status":"active","availability":"online"})";
    const bool fhir = arguments.first() == QLatin1String("fhir");
    Hostile::Server server([&](const Hostile::Request &request, int) {
        if (fhir && !request.path.contains("/fhir/"))
            return Reply::json(200, status);
        return broken(how, body);
    });
    QVERIFY(server.listening());
    const CliResult result = run(server, arguments);
    VERIFY_FAILED_RUN(result);
    QVERIFY2(result.errText().contains(says, Qt::CaseInsensitive), result.transcript().constData());
    QVERIFY2(!result.outText().contains(QLatin1String("Rows: 0")), result.transcript().constData());
    QVERIFY2(!result.outText().contains(QLatin1String("No Best Practice site")),
             result.transcript().constData());
}

void TestHostileCli::emptyAsyncIdStopsAtOnce()
{
    Hostile::Server server(Hostile::always(Reply::json(202, R"({"id":"","status":"inQueue"})")));
    QElapsedTimer clock;
    clock.start();
    const CliResult result = run(server, {QStringLiteral("query"), kGuid, QStringLiteral("--async"),
                                          QStringLiteral("SELECT 1")});
    VERIFY_FAILED_RUN(result);
    QVERIFY(clock.elapsed() < 20000);
    QCOMPARE(server.requestCount(), 1); // no GET .../queries/ with an empty id
}

void TestHostileCli::retryAfterBeyondTheCapSaysWhen()
{
    Reply reply = Reply::json(429, R"({"statusCode":429,"message":"Rate limit is exceeded."})");
    reply.header("Retry-After", "86400");
    Hostile::Server server(Hostile::always(reply));
    const CliResult result = run(server, {QStringLiteral("site"), QStringLiteral("status"), kGuid});
    VERIFY_FAILED_RUN(result);
    QVERIFY2(!result.errText().contains(QLatin1String("Waiting")), result.transcript().constData());
    QVERIFY2(result.errText().contains(QLatin1String("24 h")), result.transcript().constData());
    QCOMPARE(server.requestCount(), 1);
}

void TestHostileCli::redirectLoopSaysLoop()
{
    Hostile::Server server([](const Hostile::Request &request, int) {
        Reply reply = Reply::json(302, QByteArray());
        reply.reason = "Found";
        reply.header("Location", request.path);
        return reply;
    });
    const CliResult result = run(server, {QStringLiteral("site"), QStringLiteral("status"), kGuid});
    VERIFY_FAILED_RUN(result);
    QVERIFY2(result.errText().contains(QLatin1String("loop")), result.transcript().constData());
    QVERIFY2(!result.errText().contains(QLatin1String("HTTP 100")),
             result.transcript().constData());
}

void TestHostileCli::serverTextReachesNoTerminalEscapes()
{
    // An error message, and a practice name in a successful answer, both laden with escapes.
    const QByteArray escapes = R"(\u001b]0;pwned\u0007\u001b[2K\u001b[31m\u009b1m\u202e)";
    Hostile::Server failing(Hostile::always(
        Reply::json(400, R"({"error":{"status":400,"message":"Bad )" + escapes + R"(request"}})")));
    const CliResult failed =
        run(failing, {QStringLiteral("site"), QStringLiteral("status"), kGuid});
    VERIFY_FAILED_RUN(failed);
    QVERIFY2(!hasControlCharacters(failed.err), failed.transcript().constData());
    QVERIFY2(failed.errText().contains(QLatin1String("Bad")), failed.transcript().constData());

    Hostile::Server naming(Hostile::always(
        Reply::json(200, R"({"id":"0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0","pmsType":"BestPractice",)"
                         R"("status":"active","availability":"online","haloLinkVersion":"1.2)" +
                             escapes + R"(","practiceMetadata":{"practiceName":"Clinic )" +
                             escapes + R"("}})")));
    const CliResult shown = run(naming, {QStringLiteral("site"), QStringLiteral("status"), kGuid});
    QVERIFY2(shown.exitCode == 0, shown.transcript().constData());
    QVERIFY2(shown.outText().contains(QLatin1String("Clinic")), shown.transcript().constData());
    QVERIFY2(!hasControlCharacters(shown.out), shown.transcript().constData());
}

void TestHostileCli::gzipBombExitsOne()
{
    Reply reply = Reply::json(200, Hostile::gzipped(QByteArray(64 * 1024 * 1024, '\0')));
    reply.header("Content-Encoding", "gzip");
    Hostile::Server server(Hostile::always(reply));
    const CliResult result = run(server, {QStringLiteral("site"), QStringLiteral("status"), kGuid});
    VERIFY_FAILED_RUN(result);
}

void TestHostileCli::plainHttpOffThisMachineNeedsTheFlag()
{
    // The server is the HTTP proxy halo-cli goes through (it honours the system's proxy
    // settings): whatever it sends to example.test arrives here.
    Hostile::Server proxy(Hostile::always(Reply::json(200, kSitesAnswer)));
    QVERIFY(proxy.listening());
    const QMap<QString, QString> environment{
        {QStringLiteral("HALO_KEY"), kKey},
        {QStringLiteral("http_proxy"), QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())},
        {QStringLiteral("no_proxy"), QString()}};
    const QStringList find{QStringLiteral("--base-url"), QStringLiteral("http://example.test:80"),
                           QStringLiteral("sites"),      QStringLiteral("find"),
                           QStringLiteral("--pms-id"),   QStringLiteral("48213"),
                           QStringLiteral("--pms"),      QStringLiteral("Best Practice")};

    const CliResult refused = CliHarness::runCli(find, environment);
    VERIFY_FAILED_RUN(refused);
    QVERIFY2(refused.err.contains("http://example.test:80 is plain HTTP"),
             refused.transcript().constData());
    QVERIFY(!refused.err.contains(kKey.toUtf8()) && !refused.out.contains(kKey.toUtf8()));
    QCOMPARE(proxy.requestCount(), 0);

    const CliResult allowed =
        CliHarness::runCli(QStringList{QStringLiteral("--allow-plain-http")} + find, environment);
    QVERIFY2(allowed.finished && allowed.exitCode == 0, allowed.transcript().constData());
    QCOMPARE(proxy.requestCount(), 1);
    QVERIFY(proxy.requests().first().path.startsWith("http://example.test"));
    QCOMPARE(proxy.requests().first().key, kKey.toUtf8());

    const CliResult help = CliHarness::runCli({QStringLiteral("--help")});
    QVERIFY2(help.out.contains("--allow-plain-http"), help.transcript().constData());
}

QTEST_GUILESS_MAIN(TestHostileCli)
#include "tst_hostile_cli.moc"
