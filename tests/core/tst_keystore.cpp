// SPDX-License-Identifier: GPL-3.0-or-later
// The subscription-key store against a real gnome-keyring in the private D-Bus session that
// tests/support/isolated.sh --keyring sets up: nothing here can reach the user's own keyring.
#include "FailOnWarning.h"
#include "keys/KeyStore.h"

#include <QCryptographicHash>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using Halo::Environment;
using Halo::KeyStore;
using Problem = KeyStore::Problem;

namespace {

const QString kSecrets = QStringLiteral("org.freedesktop.secrets");
const QString kSecretsPath = QStringLiteral("/org/freedesktop/secrets");
// The password isolated.sh unlocks its throwaway login keyring with.
const QByteArray kKeyringPassword = QByteArrayLiteral("throwaway");

struct Answer {
    QString kind{}; // keyRead, keyWritten, keyForgotten, failed, or none when nothing came
    Environment env = Environment::Sandbox;
    QString host{};
    QString key{};
    Problem problem = Problem::Other;
    QString message{};
};

// Every answer of one KeyStore, in the order they came.
class Recorder : public QObject
{
public:
    explicit Recorder(KeyStore *store)
    {
        connect(store, &KeyStore::keyRead, this,
                [this](Environment env, const QString &host, const QString &key) {
                    answers.append({QStringLiteral("keyRead"), env, host, key});
                });
        connect(store, &KeyStore::keyWritten, this, [this](Environment env, const QString &host) {
            answers.append({QStringLiteral("keyWritten"), env, host});
        });
        connect(store, &KeyStore::keyForgotten, this, [this](Environment env, const QString &host) {
            answers.append({QStringLiteral("keyForgotten"), env, host});
        });
        connect(
            store, &KeyStore::failed, this,
            [this](Environment env, const QString &host, Problem problem, const QString &message) {
                answers.append({QStringLiteral("failed"), env, host, {}, problem, message});
            });
    }

    Answer next(int timeoutMs = 15000)
    {
        if (!QTest::qWaitFor([this] { return m_taken < answers.size(); }, timeoutMs))
            return {QStringLiteral("none")};
        return answers.at(m_taken++);
    }

    QList<Answer> answers;

private:
    int m_taken = 0;
};

struct ProbeRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray sha256Hex(const QString &key)
{
    return QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QStringList capturedMessages;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedMessages.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

QDBusMessage callSecretService(const QString &method, const QVariantList &arguments)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        kSecrets, kSecretsPath, QStringLiteral("org.freedesktop.Secret.Service"), method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call);
}

QString defaultCollection()
{
    const QDBusMessage reply =
        callSecretService(QStringLiteral("ReadAlias"), {QStringLiteral("default")});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return reply.arguments().constFirst().value<QDBusObjectPath>().path();
}

bool lockDefaultCollection()
{
    const QList<QDBusObjectPath> paths{QDBusObjectPath(defaultCollection())};
    return callSecretService(QStringLiteral("Lock"), {QVariant::fromValue(paths)}).type() ==
           QDBusMessage::ReplyMessage;
}

// Unlocking normally shows a prompt, which needs a display; gnome-keyring's own interface
// takes the password instead. The "plain" session sends it unencrypted, on a private bus.
bool unlockDefaultCollection()
{
    const QDBusMessage opened =
        callSecretService(QStringLiteral("OpenSession"),
                          {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2)
        return false;
    const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();

    QDBusArgument secret;
    secret.beginStructure();
    secret << session << QByteArray() << kKeyringPassword << QStringLiteral("text/plain");
    secret.endStructure();
    QDBusMessage call = QDBusMessage::createMethodCall(
        kSecrets, kSecretsPath,
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"));
    call << QVariant::fromValue(QDBusObjectPath(defaultCollection()))
         << QVariant::fromValue(secret);
    return QDBusConnection::sessionBus().call(call).type() == QDBusMessage::ReplyMessage;
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void writesReadsAndForgetsAKey();
    void keepsEachEnvironmentAndHostApart();
    void refusesTheSandboxAndACustomEnvironmentWithoutHost();
    void anotherProcessReadsTheSameKey();
    void keepsTheKeyInMemoryWhenNoKeychainIsAvailable_data();
    void keepsTheKeyInMemoryWhenNoKeychainIsAvailable();
    void givesUpOnAKeychainThatDoesNotAnswer();
    void reportsALockedKeychainInsteadOfNoKey();
    void leavesNoKeyInFilesOrMessages();

private:
    QString newKey();
    ProbeRun
    runProbe(const QStringList &arguments, const QString &stdinKey = {},
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
             const QString &wrapper = {}, const QStringList &wrapperArguments = {});

    QStringList m_keys; // every key this run used, for the final scan
};

void TestKeyStore::initTestCase()
{
    // Outside the isolated session these tests would write to the user's real keyring.
    if (qEnvironmentVariableIsEmpty("HALO_TEST_HOME"))
        QSKIP("Needs the private keyring session of tests/support/isolated.sh --keyring; run "
              "it through ctest.");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    QVERIFY(QFileInfo(QStringLiteral(KEYSTORE_PROBE_EXE)).isExecutable());
    previousHandler = qInstallMessageHandler(captureMessage);
}

QString TestKeyStore::newKey()
{
    // Shaped like a real subscription key: 32 hex digits.
    QString key;
    for (int i = 0; i < 4; ++i)
        key += QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, '0');
    m_keys.append(key);
    return key;
}

ProbeRun TestKeyStore::runProbe(const QStringList &arguments, const QString &stdinKey,
                                const QProcessEnvironment &environment, const QString &wrapper,
                                const QStringList &wrapperArguments)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (wrapper.isEmpty()) {
        process.start(QStringLiteral(KEYSTORE_PROBE_EXE), arguments);
    } else {
        process.start(wrapper, wrapperArguments + QStringList{QStringLiteral(KEYSTORE_PROBE_EXE)} +
                                   arguments);
    }
    ProbeRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(stdinKey.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestKeyStore::writesReadsAndForgetsAKey()
{
    KeyStore store;
    Recorder answers(&store);
    const QString key = newKey();

    store.writeKey(Environment::Production, {}, key);
    QVERIFY(answers.answers.isEmpty()); // answers come later, never from inside the call
    Answer a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("keyWritten"));
    QCOMPARE(a.env, Environment::Production);
    QVERIFY(a.host.isEmpty());
    QVERIFY(!store.isSessionOnly(Environment::Production));

    store.readKey(Environment::Production);
    a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("keyRead"));
    QCOMPARE(a.key, key);

    store.forgetKey(Environment::Production);
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));

    store.readKey(Environment::Production);
    a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("keyRead"));
    QVERIFY(a.key.isEmpty());

    // Forgetting what is not there is not an error either.
    store.forgetKey(Environment::Production);
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
    QTest::qWait(50);
    QCOMPARE(answers.answers.size(), 5);
}

void TestKeyStore::keepsEachEnvironmentAndHostApart()
{
    KeyStore store;
    Recorder answers(&store);
    const QString hostA = QStringLiteral("https://proxy-a.example.net");
    const QString hostB = QStringLiteral("https://proxy-b.example.net:8443");
    const QString production = newKey();
    const QString stage = newKey();
    const QString customA = newKey();
    const QString customB = newKey();

    store.writeKey(Environment::Production, {}, production);
    store.writeKey(Environment::Stage, {}, stage);
    store.writeKey(Environment::Custom, hostA, customA);
    store.writeKey(Environment::Custom, hostB, customB);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(answers.next().kind, QStringLiteral("keyWritten"));

    const auto readBack = [&](Environment env, const QString &host) {
        store.readKey(env, host);
        const Answer a = answers.next();
        return a.kind == QStringLiteral("keyRead") ? a.key : QStringLiteral("<%1>").arg(a.kind);
    };
    QCOMPARE(readBack(Environment::Production, {}), production);
    QCOMPARE(readBack(Environment::Stage, {}), stage);
    QCOMPARE(readBack(Environment::Custom, hostA), customA);
    QCOMPARE(readBack(Environment::Custom, hostB), customB);
    QCOMPARE(readBack(Environment::Custom, QStringLiteral("https://proxy-c.example.net")),
             QString());
    // A key belongs to its scheme, host and port: the same host another way has none.
    QCOMPARE(readBack(Environment::Custom, QStringLiteral("http://proxy-a.example.net")),
             QString());
    QCOMPARE(readBack(Environment::Custom, QStringLiteral("https://proxy-a.example.net:8443")),
             QString());
    QCOMPARE(readBack(Environment::Custom, QStringLiteral("https://proxy-b.example.net")),
             QString());
    // Host names are case-insensitive, the default port is the port, and the path does not
    // count; the answer names the normalised origin.
    store.readKey(Environment::Custom, QStringLiteral(" HTTPS://PROXY-A.Example.NET:443/base/ "));
    const Answer a = answers.next();
    QCOMPARE(a.key, customA);
    QCOMPARE(a.host, QStringLiteral("https://proxy-a.example.net:443"));

    store.forgetKey(Environment::Stage);
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
    QCOMPARE(readBack(Environment::Stage, {}), QString());
    QCOMPARE(readBack(Environment::Production, {}), production);

    store.forgetKey(Environment::Production);
    store.forgetKey(Environment::Custom, hostA);
    store.forgetKey(Environment::Custom, hostB);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
}

void TestKeyStore::refusesTheSandboxAndACustomEnvironmentWithoutHost()
{
    KeyStore store;
    Recorder answers(&store);
    store.writeKey(Environment::Sandbox, {}, newKey());
    store.readKey(Environment::Custom, QStringLiteral("proxy.example.net")); // a host only
    QVERIFY(answers.answers.isEmpty());

    Answer a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("failed"));
    QCOMPARE(a.env, Environment::Sandbox);
    QCOMPARE(a.problem, Problem::Other);
    QVERIFY2(a.message.contains(QStringLiteral("never stored")), qPrintable(a.message));
    a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("failed"));
    QCOMPARE(a.env, Environment::Custom);
    QCOMPARE(a.problem, Problem::Other);
    QVERIFY2(a.message.contains(QStringLiteral("base URL")), qPrintable(a.message));
    QVERIFY(KeyStore::entryName(Environment::Sandbox).isEmpty());
    QVERIFY(
        KeyStore::entryName(Environment::Custom, QStringLiteral("Proxy.Example.net")).isEmpty());
    QCOMPARE(KeyStore::entryName(Environment::Custom, QStringLiteral("https://Proxy.Example.net")),
             QStringLiteral("subscription-key/custom/https://proxy.example.net:443"));
    QCOMPARE(KeyStore::entryName(Environment::Custom, QStringLiteral("http://proxy.example.net")),
             QStringLiteral("subscription-key/custom/http://proxy.example.net:80"));
    // Production and Stage keep the names keys were saved under before: they still work.
    QCOMPARE(KeyStore::entryName(Environment::Production),
             QStringLiteral("subscription-key/production"));
    QCOMPARE(KeyStore::entryName(Environment::Stage), QStringLiteral("subscription-key/stage"));
}

void TestKeyStore::anotherProcessReadsTheSameKey()
{
    KeyStore store;
    Recorder answers(&store);
    const QString stage = newKey();
    store.writeKey(Environment::Stage, {}, stage);
    QCOMPARE(answers.next().kind, QStringLiteral("keyWritten"));

    ProbeRun run = runProbe({QStringLiteral("stage"), QStringLiteral("read")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, "keyRead sha256=" + sha256Hex(stage) + '\n');
    QVERIFY(!run.out.contains(stage.toUtf8()) && !run.err.contains(stage.toUtf8()));

    // And the other way: written by the probe, read here, forgotten there.
    const QString host = QStringLiteral("https://proxy.example.org");
    const QString custom = newKey();
    run = runProbe({QStringLiteral("custom:") + host, QStringLiteral("write")}, custom);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("keyWritten session-only=no\n"));
    QVERIFY(!run.out.contains(custom.toUtf8()) && !run.err.contains(custom.toUtf8()));
    store.readKey(Environment::Custom, host);
    QCOMPARE(answers.next().key, custom);

    run = runProbe({QStringLiteral("stage"), QStringLiteral("forget")});
    QCOMPARE(run.out, QByteArray("keyForgotten\n"));
    store.readKey(Environment::Stage);
    Answer a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("keyRead"));
    QVERIFY(a.key.isEmpty());
    store.forgetKey(Environment::Custom, host);
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
}

void TestKeyStore::keepsTheKeyInMemoryWhenNoKeychainIsAvailable_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no session bus") << "unset"
                                    << "cannot reach the D-Bus session bus";
    QTest::newRow("bus address of a missing socket") << "missing"
                                                     << "cannot reach the D-Bus session bus";
    QTest::newRow("session bus without a Secret Service") << "bare-bus"
                                                          << "no Secret Service on the session bus";
}

void TestKeyStore::keepsTheKeyInMemoryWhenNoKeychainIsAvailable()
{
    QFETCH(QString, setup);
    QFETCH(QString, reason);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display either, or GLib and libdbus would start a bus of their own for X11.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QString wrapper;
    QStringList wrapperArguments;
    if (setup == QLatin1String("unset")) {
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    } else if (setup == QLatin1String("missing")) {
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") + scratch.filePath("no-such-bus"));
    } else {
        // A real session bus, but with no service files: nothing can provide
        // org.freedesktop.secrets (the standard session bus would start gnome-keyring).
        QFile config(scratch.filePath(QStringLiteral("bare-session.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus "
                           "Configuration 1.0//EN\"\n"
                           " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                           "<busconfig><type>session</type><listen>unix:tmpdir=%1</listen>"
                           "<auth>EXTERNAL</auth><policy context=\"default\">"
                           "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                           "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>"
                           "</busconfig>\n")
                .arg(scratch.path())
                .toUtf8());
        config.close();
        wrapper = QStringLiteral("dbus-run-session");
        wrapperArguments = {QStringLiteral("--config-file=") + config.fileName(),
                            QStringLiteral("--")};
    }

    const QString key = newKey();
    const ProbeRun run =
        runProbe({QStringLiteral("--timeout"), QStringLiteral("5000"), QStringLiteral("production"),
                  QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("read"),
                  QStringLiteral("forget"), QStringLiteral("read")},
                 key, environment, wrapper, wrapperArguments);
    QVERIFY2(run.exitCode == 0, (run.out + run.err).constData());
    QVERIFY(!run.out.contains(key.toUtf8()) && !run.err.contains(key.toUtf8()));

    const QStringList lines = QString::fromUtf8(run.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    const QString noKeychain =
        QStringLiteral("failed NoKeychain No keychain is available (%1). ").arg(reason);
    QVERIFY2(lines.at(0).startsWith(noKeychain + "Enter the key"), qPrintable(lines.at(0)));
    QCOMPARE(lines.at(1), noKeychain + "The key will be kept in memory for this run only.");
    QCOMPARE(lines.at(2), QStringLiteral("keyWritten session-only=yes"));
    QCOMPARE(lines.at(3), QStringLiteral("keyRead sha256=") + sha256Hex(key));
    QCOMPARE(lines.at(4), QStringLiteral("keyForgotten"));
    QVERIFY2(lines.at(5).startsWith(noKeychain), qPrintable(lines.at(5)));

    // The key never reached the keychain that this test process can see.
    KeyStore store;
    Recorder answers(&store);
    store.readKey(Environment::Production);
    const Answer a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("keyRead"));
    QVERIFY(a.key.isEmpty());
}

void TestKeyStore::givesUpOnAKeychainThatDoesNotAnswer()
{
    KeyStore store;
    Recorder answers(&store);
    const QString key = newKey();
    store.writeKey(Environment::Stage, {}, key);
    QCOMPARE(answers.next().kind, QStringLiteral("keyWritten"));

    // A real hang: stop the private session's gnome-keyring-daemon, so requests reach it and
    // wait for an answer that cannot come until it continues.
    const uint pid = QDBusConnection::sessionBus().interface()->servicePid(kSecrets);
    QVERIFY(pid > 1 && pid != uint(::getpid()));
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    QVERIFY(comm.open(QIODevice::ReadOnly));
    QVERIFY2(comm.readAll().startsWith("gnome-keyring"), "the Secret Service is not ours");
    QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid_t(pid), SIGCONT); });

    store.setTimeout(300);
    QElapsedTimer clock;
    clock.start();
    store.readKey(Environment::Stage);
    Answer a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("failed"));
    QCOMPARE(a.problem, Problem::TimedOut);
    QCOMPARE(a.env, Environment::Stage);
    // Qt's default (coarse) timers may fire up to 5 % early.
    QVERIFY2(clock.elapsed() >= 280 && clock.elapsed() < 5000,
             qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(a.message.contains(QStringLiteral("did not answer")), qPrintable(a.message));

    // QtKeychain runs one request at a time, so the next one waits behind the hung one.
    store.writeKey(Environment::Production, {}, newKey());
    a = answers.next();
    QCOMPARE(a.problem, Problem::TimedOut);
    QCOMPARE(a.env, Environment::Production);

    resume.dismiss();
    QCOMPARE(::kill(pid_t(pid), SIGCONT), 0);
    store.setTimeout(KeyStore::DefaultTimeoutMs);
    store.readKey(Environment::Stage);
    a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("keyRead"));
    QCOMPARE(a.key, key);
    // The abandoned requests were answered first (the queue is in order) but never reported.
    QCOMPARE(answers.answers.size(), 4);

    store.forgetKey(Environment::Stage);
    store.forgetKey(Environment::Production); // the abandoned write may have landed after all
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
}

void TestKeyStore::reportsALockedKeychainInsteadOfNoKey()
{
    KeyStore store;
    Recorder answers(&store);
    const QString key = newKey();
    store.writeKey(Environment::Production, {}, key);
    QCOMPARE(answers.next().kind, QStringLiteral("keyWritten"));

    QVERIFY(!defaultCollection().isEmpty());
    QVERIFY(lockDefaultCollection());
    auto unlock = qScopeGuard([] { unlockDefaultCollection(); });

    // The Secret Service answers a lookup in a locked keyring as "not found" (the unlock prompt
    // cannot show here, as when a user dismisses it), and a delete as done.
    store.readKey(Environment::Production);
    Answer a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("failed"));
    QCOMPARE(a.problem, Problem::Locked);
    QVERIFY2(a.message.contains(QStringLiteral("Unlock it")), qPrintable(a.message));

    store.writeKey(Environment::Stage, {}, newKey());
    a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("failed"));
    QCOMPARE(a.problem, Problem::Locked);

    store.forgetKey(Environment::Production);
    a = answers.next();
    QCOMPARE(a.kind, QStringLiteral("failed"));
    QCOMPARE(a.problem, Problem::Locked);

    unlock.dismiss();
    QVERIFY(unlockDefaultCollection());
    store.readKey(Environment::Production);
    QCOMPARE(answers.next().key, key); // the refused forget did not remove it
    store.forgetKey(Environment::Production);
    QCOMPARE(answers.next().kind, QStringLiteral("keyForgotten"));
}

void TestKeyStore::leavesNoKeyInFilesOrMessages()
{
    // Keep keys stored while scanning, so the keyring's own file holds them (encrypted).
    KeyStore store;
    Recorder answers(&store);
    store.writeKey(Environment::Production, {}, newKey());
    store.writeKey(Environment::Custom, QStringLiteral("https://proxy.example.com"), newKey());
    QCOMPARE(answers.next().kind, QStringLiteral("keyWritten"));
    QCOMPARE(answers.next().kind, QStringLiteral("keyWritten"));
    auto forget = qScopeGuard([&] {
        store.forgetKey(Environment::Production);
        store.forgetKey(Environment::Custom, QStringLiteral("https://proxy.example.com"));
        answers.next();
        answers.next();
    });

    const QString home = QDir::homePath();
    QCOMPARE(home, qEnvironmentVariable("HALO_TEST_HOME"));
    QVERIFY2(QDir(home).exists(QStringLiteral(".local/share/keyrings/login.keyring")),
             "the keyring is not kept under HOME; the scan would prove nothing");
    QStringList scanned;
    for (const QString &root : {home, qEnvironmentVariable("XDG_RUNTIME_DIR")}) {
        QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!files.fileInfo().isFile() || !file.open(QIODevice::ReadOnly))
                continue;
            scanned.append(path);
            const QByteArray bytes = file.readAll();
            for (const QString &key : std::as_const(m_keys)) {
                const QByteArray utf16(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
                QVERIFY2(!bytes.contains(key.toUtf8()) && !bytes.contains(utf16),
                         qPrintable(QStringLiteral("a key in plain text in ") + path));
            }
        }
    }
    QVERIFY(!scanned.isEmpty());
    for (const QString &message : std::as_const(capturedMessages)) {
        for (const QString &key : std::as_const(m_keys))
            QVERIFY2(!message.contains(key), "a key in a log message");
    }
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
