// SPDX-License-Identifier: GPL-3.0-or-later
// Help > About and Help > Report a Problem in a window over a sandbox on loopback: the versions,
// the licence and the notices as readable text; the report names the environment in use and
// never holds the subscription key, nor credentials or a query of a base URL.
#include "AboutDialog.h"
#include "FailOnWarning.h"
#include "SandboxWindowRig.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("about-test-key-3c9f");

QAction *action(QWidget *window, const char *name)
{
    auto *found = window->findChild<QAction *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no action %s", name);
    return found;
}

QString page(QWidget *dialog, const QString &name)
{
    auto *edit = dialog->findChild<QPlainTextEdit *>(name);
    return edit ? edit->toPlainText() : QStringLiteral("<no page %1>").arg(name);
}

} // namespace

class TestAbout : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }

    void aboutShowsVersionsLicenceAndNotices()
    {
        QTemporaryDir dir;
        SandboxWindowRig rig(dir.path(), kKey);
        QWidget *window = rig.openWindow();
        action(window, "aboutAction")->trigger();
        auto *dialog = window->findChild<AboutDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        const QString versions = page(dialog, QStringLiteral("Versions"));
        QVERIFY2(versions.contains(QStringLiteral("Halo Explorer: " HALO_VERSION)),
                 qPrintable(versions));
        QVERIFY(versions.contains(QStringLiteral("Qt: %1").arg(QString::fromLatin1(qVersion()))));
        QVERIFY(QRegularExpression(QStringLiteral("QtKeychain: \\d+\\.\\d+"))
                    .match(versions)
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("QScintilla: \\d+\\.\\d+"))
                    .match(versions)
                    .hasMatch());
        QVERIFY(versions.contains(QStringLiteral("Operating system: ")));

        const QString licence = page(dialog, QStringLiteral("Licence"));
        QVERIFY2(licence.contains(QStringLiteral("GNU GENERAL PUBLIC LICENSE")),
                 qPrintable(licence.left(200)));
        QVERIFY(licence.contains(QStringLiteral("Version 3, 29 June 2007")));
        const QString notices = page(dialog, QStringLiteral("Third-party notices"));
        for (const char *part : {"QScintilla", "QtKeychain", "Qt 6", "SQLite",
                                 "GNU General Public License", "either version 3"})
            QVERIFY2(notices.contains(QString::fromLatin1(part)), part);
        QVERIFY(notices.contains(QStringLiteral("BSD-2-Clause")));

        // Every control is named, and the versions can be copied in one go.
        for (QWidget *control : dialog->findChildren<QWidget *>()) {
            if (control->focusPolicy() != Qt::NoFocus && control->isVisible())
                QVERIFY2(!control->accessibleName().isEmpty(), control->metaObject()->className());
        }
        QApplication::clipboard()->clear();
        auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("copyVersionsButton"));
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), versions);

        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close)->click();
        QTRY_VERIFY(!window->findChild<AboutDialog *>()); // deleted on close
    }

    void reportCopiesVersionsAndEnvironmentNeverTheKey()
    {
        QTemporaryDir dir;
        SandboxWindowRig rig(dir.path(), kKey);
        auto *window = rig.openWindow();
        QApplication::clipboard()->clear();
        action(window, "reportProblemAction")->trigger();
        const QString sandboxReport = QApplication::clipboard()->text();
        QVERIFY2(sandboxReport.contains(QStringLiteral("Halo Explorer: " HALO_VERSION)),
                 qPrintable(sandboxReport));
        QVERIFY(sandboxReport.contains(QStringLiteral("Environment: Sandbox")));
        QVERIFY(sandboxReport.contains(QStringLiteral("Base URL: %1").arg(rig.server.baseUrl())));
        QVERIFY(sandboxReport.contains(QStringLiteral("Privacy mode: off")));
        QVERIFY(sandboxReport.contains(QStringLiteral("Display platform: ")));
        QVERIFY(!sandboxReport.contains(kKey));
        auto *status = window->findChild<QLabel *>(QStringLiteral("lastRequestStatus"));
        QVERIFY(status && status->text().contains(QStringLiteral("clipboard")));

        // A custom base URL carrying credentials and a token: only its destination is copied.
        Halo::Endpoint custom{Halo::Environment::Custom,
                              QUrl(QStringLiteral("https://ops:s3cret@proxy.example.net:8443/"
                                                  "halo?code=t0ken#frag")),
                              false};
        window->setEndpoint(custom);
        action(window, "reportProblemAction")->trigger();
        const QString customReport = QApplication::clipboard()->text();
        QVERIFY2(customReport.contains(
                     QStringLiteral("Base URL: https://proxy.example.net:8443/halo\n")),
                 qPrintable(customReport));
        for (const QString &secret : {kKey, QStringLiteral("s3cret"), QStringLiteral("ops"),
                                      QStringLiteral("t0ken"), QStringLiteral("frag")})
            QVERIFY2(!customReport.contains(secret), qPrintable(secret));
    }
};

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
