// SPDX-License-Identifier: GPL-3.0-or-later
// The subscription key dialog against the embedded sandbox and a real gnome-keyring (in the
// private D-Bus session that tests/support/isolated.sh --keyring sets up): a wrong key is
// explained in place, the right one is tested, saved and read back, and the key never shows up
// in a file under HOME or in a log message.
#include "EnvironmentBanner.h"
#include "FailOnWarning.h"
#include "SandboxServer.h"
#include "keys/KeyDialog.h"
#include "keys/KeyStore.h"
#include "net/ApiError.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using Halo::Environment;
using Halo::KeyStore;

namespace {

QStringList capturedMessages;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedMessages << message;
    if (previousHandler)
        previousHandler(type, context, message);
}

template <typename Widget> Widget *byAccessibleName(QWidget *root, const QString &name)
{
    const auto widgets = root->findChildren<Widget *>();
    for (Widget *widget : widgets) {
        if (widget->accessibleName() == name)
            return widget;
    }
    return nullptr;
}

QString randomKey()
{
    return QStringLiteral("k-%1%2")
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

// Files under HOME that hold `key` in plain text (UTF-8 or UTF-16).
QStringList filesHolding(const QString &key)
{
    const QString home = qEnvironmentVariable("HALO_TEST_HOME", QDir::homePath());
    const QByteArray utf8 = key.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(key.utf16()), key.size() * 2);
    QStringList found;
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        if (content.contains(utf8) || content.contains(utf16))
            found << file.fileName();
    }
    return found;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestKeyDialog : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase();
    void explainsAWrongKeyThenTestsAndSavesTheRightOne();
    void showsANetworkFailureInPlace();
    void marksProductionInRedByName();
    void keepsTheTypedKeyWhenTheKeychainFails();
    void cleanupTestCase();
};

void TestKeyDialog::initTestCase()
{
    previousHandler = qInstallMessageHandler(captureMessage);
}

void TestKeyDialog::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestKeyDialog::explainsAWrongKeyThenTestsAndSavesTheRightOne()
{
    const QString key = randomKey();
    Sandbox::SandboxOptions options;
    options.key = key;
    Sandbox::SandboxServer sandbox(options);
    QVERIFY(sandbox.listen() != 0);
    const Halo::Endpoint endpoint{Environment::Custom, QUrl(sandbox.baseUrl())};

    KeyStore keys;
    KeyDialog dialog(&keys, endpoint);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *keyEdit = byAccessibleName<QLineEdit>(&dialog, QStringLiteral("Subscription key"));
    auto *test = byAccessibleName<QPushButton>(&dialog, QStringLiteral("Test connection"));
    auto *save = byAccessibleName<QPushButton>(&dialog, QStringLiteral("Save key"));
    auto *status = byAccessibleName<QLabel>(&dialog, QStringLiteral("Key status"));
    QVERIFY(keyEdit && test && save && status);
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    QVERIFY(!save->isEnabled()); // nothing typed yet

    typeInto(keyEdit, QStringLiteral("k-not-the-key"));
    QTest::mouseClick(test, Qt::LeftButton);
    Halo::ApiError unauthorized;
    unauthorized.kind = Halo::ApiError::Kind::Http;
    unauthorized.httpStatus = 401;
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(unauthorized.title()), 15000);
    QVERIFY(status->text().contains(unauthorized.explanation()));
    QVERIFY(status->text().contains(unauthorized.nextStep()));
    QVERIFY(dialog.isVisible());

    typeInto(keyEdit, key);
    QVERIFY2(!status->text().contains(unauthorized.title()), "a stale result stays on screen");
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("The key works")), 15000);
    const QString shot = QDir::current().absoluteFilePath(QStringLiteral("keydialog.png"));
    QVERIFY(dialog.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));

    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 15000);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(keyEdit->text().isEmpty());

    // A fresh store reads it back from the keyring itself.
    KeyStore fresh;
    QSignalSpy read(&fresh, &KeyStore::keyRead);
    QSignalSpy failed(&fresh, &KeyStore::failed);
    fresh.readKey(Environment::Custom, endpoint.baseUrl.toString());
    QTRY_VERIFY_WITH_TIMEOUT(read.size() + failed.size() > 0, 15000);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!fresh.isSessionOnly(Environment::Custom, endpoint.baseUrl.toString()));
    QVERIFY2(read.first().at(2).toString() == key, "the keyring gave back another key");

    const QStringList leaks = filesHolding(key);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    for (const QString &message : std::as_const(capturedMessages))
        QVERIFY2(!message.contains(key), "a log message carries the key");
}

void TestKeyDialog::showsANetworkFailureInPlace()
{
    // A port that was free a moment ago: the connection is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const Halo::Endpoint endpoint{Environment::Custom,
                                  QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))};

    KeyStore keys;
    KeyDialog dialog(&keys, endpoint);
    dialog.show();
    auto *keyEdit = byAccessibleName<QLineEdit>(&dialog, QStringLiteral("Subscription key"));
    auto *status = byAccessibleName<QLabel>(&dialog, QStringLiteral("Key status"));
    typeInto(keyEdit, randomKey());
    QTest::mouseClick(byAccessibleName<QPushButton>(&dialog, QStringLiteral("Test connection")),
                      Qt::LeftButton);
    const QString title = Halo::ApiError::ofKind(Halo::ApiError::Kind::Network).title();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(title), 15000);
    QVERIFY(dialog.isVisible());
}

void TestKeyDialog::marksProductionInRedByName()
{
    const Halo::Endpoint endpoint{Environment::Production,
                                  Halo::defaultBaseUrl(Environment::Production)};
    KeyStore keys;
    KeyDialog dialog(&keys, endpoint);
    dialog.show();
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("Production")));
    auto *banner = dialog.findChild<EnvironmentBanner *>();
    QVERIFY(banner);
    const QString bannerText = banner->findChild<QLabel *>()->text();
    QVERIFY(bannerText.contains(QStringLiteral("Production")));
    QVERIFY(bannerText.contains(QStringLiteral("https://api.haloconnect.io")));
    const QColor background = banner->palette().color(QPalette::Window);
    QVERIFY(background.red() > 150 && background.green() < 80 && background.blue() < 80);
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("productionWarning"));
    QVERIFY(warning && warning->text().contains(QStringLiteral("live practice databases")));
}

void TestKeyDialog::keepsTheTypedKeyWhenTheKeychainFails()
{
    // No keychain answers within 0 ms, so the save times out. Last test: the late job still
    // runs in QtKeychain's queue.
    const Halo::Endpoint endpoint{Environment::Custom,
                                  QUrl(QStringLiteral("https://timeout.example.invalid"))};
    KeyStore keys;
    keys.setTimeout(0);
    KeyDialog dialog(&keys, endpoint);
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.show();
    auto *keyEdit = byAccessibleName<QLineEdit>(&dialog, QStringLiteral("Subscription key"));
    auto *save = byAccessibleName<QPushButton>(&dialog, QStringLiteral("Save key"));
    auto *status = byAccessibleName<QLabel>(&dialog, QStringLiteral("Key status"));
    const QString key = randomKey();
    typeInto(keyEdit, key);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("did not answer in time")),
                             15000);
    QVERIFY(dialog.isVisible());
    QCOMPARE(finished.size(), 0);
    QVERIFY(keyEdit->text() == key);
    QVERIFY(keyEdit->isEnabled());
    QVERIFY(save->isEnabled());

    dialog.reject();
    QVERIFY(keyEdit->text().isEmpty());
}

QTEST_MAIN(TestKeyDialog)
#include "tst_keydialog.moc"
