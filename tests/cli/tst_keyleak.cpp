// SPDX-License-Identifier: GPL-3.0-or-later
// The subscription key never leaves memory and the keychain. A whole halo-cli session and a whole
// in-process model session run with a recognisable key; then every file under the private HOME,
// everything the processes printed, every message logged and the request log are searched for
// it, in plain text and in the encodings a careless write would produce.
#include "CliHarness.h"
#include "FailOnWarning.h"

#include "SandboxServer.h"
#include "api/HaloApiClient.h"
#include "keys/KeyStore.h"
#include "net/ApiCall.h"
#include "net/RequestLog.h"
#include "services/AsyncQueryRunner.h"
#include "sql/AsyncQueryJournal.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using CliHarness::CliResult;
using CliHarness::runCli;

namespace {

const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kUnpaired = QStringLiteral("7a3c9e52-b8d4-4f16-9e07-35b1d6a8c2f9");

struct Form {
    QString name;
    QByteArray bytes;
    bool ignoreCase = false;
};

// The key as a careless write could store it: as is, UTF-16, base64 at any alignment in a
// longer stream, percent-encoded byte by byte, and hex.
QList<Form> leakForms(const QString &key)
{
    const QByteArray utf8 = key.toUtf8();
    QList<Form> forms{{QStringLiteral("plain"), utf8, true}};

    QByteArray utf16le;
    QByteArray utf16be;
    for (const QChar c : key) {
        utf16le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    forms.append({QStringLiteral("UTF-16LE"), utf16le});
    forms.append({QStringLiteral("UTF-16BE"), utf16be});

    // Characters next to the prefix or the end depend on other bytes; the middle does not.
    const QByteArray prefixes[] = {QByteArray(), QByteArray("x"), QByteArray("xy")};
    for (const QByteArray &prefix : prefixes) {
        QByteArray core = (prefix + utf8).toBase64(QByteArray::OmitTrailingEquals);
        core = core.mid(prefix.isEmpty() ? 0 : 4);
        core.chop(4);
        forms.append({QStringLiteral("base64+%1").arg(prefix.size()), core});
        forms.append({QStringLiteral("base64url+%1").arg(prefix.size()),
                      QByteArray(core).replace('+', '-').replace('/', '_')});
    }

    QByteArray percent;
    for (const char byte : utf8)
        percent += '%' + QByteArray(1, byte).toHex().toUpper();
    forms.append({QStringLiteral("percent-encoded"), percent, true});
    forms.append({QStringLiteral("hex"), utf8.toHex(), true});
    return forms;
}

// The forms of the key found in `haystack`; empty when none is.
QStringList findKey(const QByteArray &haystack, const QList<Form> &forms)
{
    QStringList found;
    QByteArray lowered;
    for (const Form &form : forms) {
        if (form.ignoreCase) {
            if (lowered.isEmpty())
                lowered = haystack.toLower();
            if (lowered.contains(form.bytes.toLower()))
                found.append(form.name);
        } else if (haystack.contains(form.bytes)) {
            found.append(form.name);
        }
    }
    return found;
}

QStringList regularFilesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).isFile() && !QFileInfo(path).isSymLink())
            files.append(path);
    }
    files.sort();
    return files;
}

QStringList messages;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    messages.append(message);
}

template <typename Signal>
bool waitFor(const typename QtPrivate::FunctionPointer<Signal>::Object *sender, Signal signal,
             int timeoutMs = 60000)
{
    QSignalSpy spy(sender, signal);
    return spy.wait(timeoutMs);
}

} // namespace

class TestKeyLeak : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void cliSessionPrintsAndWritesNoKey();
    void modelSessionLogsAndWritesNoKey();
    void noFileUnderHomeHoldsTheKey();
    void keyringFilesHoldNoPlaintextKey();
    void cleanupTestCase();

private:
    void capture(const QString &label, const QByteArray &bytes)
    {
        m_captured.append({label, bytes});
    }
    CliResult cli(const QStringList &arguments, int expectedExit, bool withEnvironmentKey = false,
                  const QByteArray &input = {});

    QString m_key;
    QList<Form> m_forms;
    QString m_home;
    QTemporaryDir m_outsideHome;
    CliHarness::SandboxProcess m_sandbox;
    QList<QPair<QString, QByteArray>> m_captured;     // every output and log text, by where it came
    QList<QPair<QString, QByteArray>> m_keyringFiles; // as they were while holding the key
};

void TestKeyLeak::initTestCase()
{
    m_home = qEnvironmentVariable("HALO_TEST_HOME");
    if (m_home.isEmpty() || QDir(m_home) != QDir::home())
        QSKIP("Run through ctest: this test needs the private HOME and keyring of isolated.sh.");
    QCoreApplication::setOrganizationName(QStringLiteral("HaloExplorer"));
    QCoreApplication::setApplicationName(QStringLiteral("halo-explorer"));

    QString hex;
    for (int i = 0; i < 24; ++i)
        hex += QString::number(QRandomGenerator::global()->bounded(16), 16);
    m_key = QStringLiteral("LEAKCANARY-") + hex;
    m_forms = leakForms(m_key);
    QVERIFY(m_outsideHome.isValid());
    QVERIFY2(!m_outsideHome.path().startsWith(m_home), "the sandbox log must not be under HOME");
}

CliResult TestKeyLeak::cli(const QStringList &arguments, int expectedExit, bool withEnvironmentKey,
                           const QByteArray &input)
{
    QMap<QString, QString> environment;
    if (withEnvironmentKey)
        environment.insert(QStringLiteral("HALO_KEY"), m_key);
    const CliResult result =
        runCli(QStringList{QStringLiteral("--base-url"), m_sandbox.baseUrl()} + arguments,
               environment, input);
    const QString label = QStringLiteral("halo-cli ") + arguments.join(QLatin1Char(' '));
    capture(label + QStringLiteral(" (stdout)"), result.out);
    capture(label + QStringLiteral(" (stderr)"), result.err);
    if (!result.finished || result.exitCode != expectedExit)
        qWarning().noquote() << label << "exited" << result.exitCode << "expected" << expectedExit
                             << result.transcript();
    return result;
}

void TestKeyLeak::cliSessionPrintsAndWritesNoKey()
{
    const QString log = m_outsideHome.filePath(QStringLiteral("sandbox.log"));
    QString why;
    QVERIFY2(
        m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                         m_key, QStringLiteral("--async-step"), QStringLiteral("50")},
                        &why, log),
        qPrintable(why));
    const QStringList filesBefore = regularFilesUnder(m_home);

    QCOMPARE(cli({"key", "set"}, 0, false, m_key.toUtf8() + '\n').exitCode, 0);
    for (const QString &path :
         regularFilesUnder(m_home + QStringLiteral("/.local/share/keyrings"))) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            m_keyringFiles.append({path, file.readAll()});
    }

    // The key from the keychain.
    QCOMPARE(cli({"site", "status", kOnline}, 0).exitCode, 0);
    QCOMPARE(cli({"sites", "find", "--pms-id", "BP-20431", "--pms", "Best Practice"}, 0).exitCode,
             0);
    QCOMPARE(cli({"query", kOnline, "SELECT TOP 5 id, surname, notes FROM patients"}, 0).exitCode,
             0);
    QCOMPARE(cli({"query", kOnline, "--async", "--format", "csv",
                  "SELECT TOP 20 id, first_name FROM patients ORDER BY id"},
                 0)
                 .exitCode,
             0);
    QCOMPARE(cli({"query", kOnline, "SELECT nothing FROM nowhere"}, 1).exitCode, 1);
    QCOMPARE(cli({"query", kOnline, "--async", "SELECT nothing FROM nowhere"}, 1).exitCode, 1);
    QCOMPARE(cli({"fhir", kOnline, "--post", "Patient?_count=3"}, 0).exitCode, 0);
    QCOMPARE(cli({"pair", "--pms-id", "BP-44019", "--pms", "Best Practice", "--code", "NOPE"}, 1)
                 .exitCode,
             1);
    const CliResult created = cli({"registered", "create", kOnline, "--name", "leak check",
                                   "--frequency", "60", "--duration", "600", "SELECT 1 AS one"},
                                  0);
    QCOMPARE(created.exitCode, 0);
    QCOMPARE(cli({"registered", "results", kOnline, created.outText().trimmed()}, 0).exitCode, 0);

    // The key from HALO_KEY, as CI passes it.
    QCOMPARE(cli({"query", kOnline, "--format", "json", "SELECT 1 AS one"}, 0, true).exitCode, 0);
    QCOMPARE(cli({"fhir", kOnline, "Patient?_count=1"}, 0, true).exitCode, 0);
    QCOMPARE(cli({"registered", "list", kOnline}, 0, true).exitCode, 0);
    QCOMPARE(cli({"site", "status", "00000000-0000-4000-8000-000000000000"}, 1, true).exitCode, 1);

    // halo-cli writes no files: only the keyring changed.
    QStringList written;
    for (const QString &file : regularFilesUnder(m_home)) {
        if (!filesBefore.contains(file) && !file.contains(QLatin1String("/.local/share/keyrings/")))
            written.append(file);
    }
    QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char('\n'))));

    m_sandbox.stop();
    capture(QStringLiteral("halo-sandbox stdout"), m_sandbox.stdoutText());
    QFile sandboxLog(log);
    QVERIFY(sandboxLog.open(QIODevice::ReadOnly));
    capture(QStringLiteral("halo-sandbox request log"), sandboxLog.readAll());

    for (const auto &[label, bytes] : std::as_const(m_captured)) {
        const QStringList found = findKey(bytes, m_forms);
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 holds the key (%2)")
                                                 .arg(label, found.join(QStringLiteral(", ")))));
    }
}

void TestKeyLeak::modelSessionLogsAndWritesNoKey()
{
    const qsizetype firstCapture = m_captured.size();
    messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });

    Sandbox::SandboxOptions options;
    options.key = m_key;
    options.asyncStepMs = 50;
    Sandbox::SandboxServer server(options);
    QVERIFY(server.listen() != 0);

    Halo::KeyStore keyStore;
    keyStore.writeKey(Halo::Environment::Custom, QUrl(server.baseUrl()).toString(), m_key);
    QVERIFY(waitFor(&keyStore, &Halo::KeyStore::keyWritten));
    QSignalSpy read(&keyStore, &Halo::KeyStore::keyRead);
    keyStore.readKey(Halo::Environment::Custom, QUrl(server.baseUrl()).toString());
    QVERIFY(read.wait(60000));
    QCOMPARE(read.first().at(2).toString(), m_key);

    Halo::HaloApiClient client;
    client.setEndpoint({Halo::Environment::Custom, QUrl(server.baseUrl())});
    client.setSubscriptionKey(read.first().at(2).toString());
    const auto finish = [](Halo::ApiCall *call) {
        call->setAutoDelete(false);
        if (!call->isFinished())
            waitFor(call, &Halo::ApiCall::finished);
        return std::unique_ptr<Halo::ApiCall>(call);
    };
    Halo::QueryCommand select;
    select.text = QStringLiteral("SELECT TOP 5 id, notes FROM patients");
    Halo::QueryCommand broken;
    broken.text = QStringLiteral("SELECT nothing FROM nowhere");
    QVERIFY(finish(client.siteStatus(kOnline))->ok());
    QVERIFY(finish(client.findSites(QStringLiteral("BP-20431"), QStringLiteral("Best Practice")))
                ->ok());
    QVERIFY(finish(client.runImmediate(kOnline, select))->ok());
    QVERIFY(!finish(client.runImmediate(kOnline, broken))->ok());
    QVERIFY(finish(client.fhirSearch(kOnline, QStringLiteral("Patient"),
                                     QUrlQuery(QStringLiteral("_count=2"))))
                ->ok());
    QVERIFY(finish(client.fhirGet(kOnline, QStringLiteral("Patient?_count=1")))->ok());
    QVERIFY(
        finish(client.createRegistered(kOnline, QStringLiteral("leak"), 60, 600, select))->ok());
    QVERIFY(!finish(client.pairSite(QStringLiteral("BP-44019"), QStringLiteral("Best Practice"),
                                    QStringLiteral("NOPE")))
                 ->ok());

    // An async query, remembered in the journal under HOME.
    Halo::AsyncQueryJournal journal;
    Halo::AsyncQueryRunner runner(&client);
    runner.setJournal(&journal);
    runner.setPollIntervals(20, 100);
    QSignalSpy finished(&runner, &Halo::AsyncQueryRunner::finished);
    runner.submit(kOnline, select);
    QVERIFY(finished.wait(60000));
    QVERIFY2(QFile::exists(Halo::AsyncQueryJournal::defaultPath()),
             qPrintable(Halo::AsyncQueryJournal::defaultPath()));

    keyStore.forgetKey(Halo::Environment::Custom, QUrl(server.baseUrl()).toString());
    QVERIFY(waitFor(&keyStore, &Halo::KeyStore::keyForgotten));

    bool keyAsVariable = false;
    for (const Halo::LoggedExchange &exchange : client.requestLog()->exchanges()) {
        const QString label = QStringLiteral("request log #%1 %2 ")
                                  .arg(exchange.id)
                                  .arg(QString::fromLatin1(exchange.method));
        capture(label + QStringLiteral("URL"), exchange.url.toString(QUrl::FullyEncoded).toUtf8());
        capture(label + QStringLiteral("URL decoded"), exchange.url.toString().toUtf8());
        for (const auto &[name, value] : exchange.requestHeaders)
            capture(label + QStringLiteral("request header ") + QString::fromLatin1(name),
                    name + ": " + value);
        for (const auto &[name, value] : exchange.responseHeaders)
            capture(label + QStringLiteral("response header ") + QString::fromLatin1(name),
                    name + ": " + value);
        capture(label + QStringLiteral("request body"), exchange.requestBody);
        capture(label + QStringLiteral("response preview"), exchange.responseBodyPreview);
        capture(label + QStringLiteral("outcome"), exchange.outcome.toUtf8());
        capture(label + QStringLiteral("curl"), exchange.toCurl().toUtf8());
        keyAsVariable = keyAsVariable || exchange.toCurl().contains(QLatin1String("$HALO_KEY"));
    }
    QVERIFY2(client.requestLog()->exchanges().size() >= 10, "the session made its requests");
    QVERIFY2(keyAsVariable, "cURL commands name the key as $HALO_KEY");
    capture(QStringLiteral("logged messages"), messages.join(QLatin1Char('\n')).toUtf8());

    for (const auto &[label, bytes] : m_captured.mid(firstCapture)) {
        const QStringList found = findKey(bytes, m_forms);
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 holds the key (%2)")
                                                 .arg(label, found.join(QStringLiteral(", ")))));
    }
}

void TestKeyLeak::noFileUnderHomeHoldsTheKey()
{
    const QString keyrings = QDir(m_home).filePath(QStringLiteral(".local/share/keyrings"));
    QStringList roots{m_home};
    // The keyring daemon's sockets live here; anything regular beside them is scanned too.
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        roots.append(qEnvironmentVariable("XDG_RUNTIME_DIR"));
    int scanned = 0;
    for (const QString &root : std::as_const(roots)) {
        for (const QString &path : regularFilesUnder(root)) {
            if (path.startsWith(keyrings + QLatin1Char('/')))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++scanned;
            const QStringList found = findKey(file.readAll(), m_forms);
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 holds the key (%2)")
                                                     .arg(path, found.join(QStringLiteral(", ")))));
        }
    }
    // At least the async query journal was there to be searched.
    QVERIFY(scanned > 0);
}

void TestKeyLeak::keyringFilesHoldNoPlaintextKey()
{
    // Read right after `key set`, while the keyring held the key.
    QVERIFY2(!m_keyringFiles.isEmpty(), "gnome-keyring wrote no keyring file");
    for (const auto &[path, contents] : std::as_const(m_keyringFiles)) {
        const QStringList found = findKey(contents, m_forms);
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("the keyring file %1 holds the key in plain text (%2)")
                                .arg(path, found.join(QStringLiteral(", ")))));
    }
}

void TestKeyLeak::cleanupTestCase()
{
    if (!m_sandbox.baseUrl().isEmpty())
        runCli({QStringLiteral("--base-url"), m_sandbox.baseUrl(), QStringLiteral("key"),
                QStringLiteral("forget")});
}

QTEST_GUILESS_MAIN(TestKeyLeak)
#include "tst_keyleak.moc"
