// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab's "Copy as" menu: one entry per language, named by it; the request Run would send
// (site, SQL, mode, parameters, catalogue) is copied as code, with HALO_KEY and never the key.
#include "FailOnWarning.h"
#include "SqlTabRig.h"
#include "widgets/CopyAsButton.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>

class TestSqlTabCopyAs : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }

    void menuNamesEveryLanguage()
    {
        Rig rig;
        auto *button = rig.tab->findChild<CopyAsButton *>();
        QVERIFY(button);
        QCOMPARE(button->accessibleName(), QStringLiteral("Copy as"));
        QStringList entries;
        for (QAction *action : button->menu()->actions())
            entries.append(action->text());
        QCOMPARE(entries, (QStringList{QStringLiteral("cURL"), QStringLiteral("PowerShell"),
                                       QStringLiteral("Python"), QStringLiteral("C#"),
                                       QStringLiteral("JavaScript")}));
    }

    void copiesTheRequestRunWouldSend()
    {
        Rig rig;
        QVERIFY(rig.statusOk);
        rig.tab->findChild<QsciScintilla *>()->setText(
            QStringLiteral("SELECT surname FROM patients WHERE surname = 'O''Neil'"));
        auto *button = rig.tab->findChild<CopyAsButton *>();
        QApplication::clipboard()->clear();
        for (QAction *action : button->menu()->actions()) {
            action->trigger();
            const QString code = QApplication::clipboard()->text();
            QVERIFY2(
                code.contains(QStringLiteral("/integrator/sites/%1/queries/immediate").arg(kGuid)),
                qPrintable(code));
            QVERIFY2(code.contains(QStringLiteral("HALO_KEY")), qPrintable(action->text()));
            QVERIFY2(code.contains(QStringLiteral("executionMode")), qPrintable(action->text()));
            // Quoted for each language (tst_codesnippets runs them): the SQL is all there.
            QVERIFY2(
                code.contains(QStringLiteral("SELECT surname FROM patients WHERE surname = ")) &&
                    code.contains(QStringLiteral("Neil")),
                qPrintable(code));
            // The subscription key of the rig ("k") would show as a header value; it never does.
            QVERIFY(!code.contains(QStringLiteral("Subscription-Key: k")));
            QVERIFY(!code.contains(QStringLiteral("= 'k'")));
        }
        QVERIFY(rig.queryPosts() == 0); // copying sends nothing
    }

    void withoutSqlSaysSoAndCopiesNothing()
    {
        Rig rig;
        rig.tab->findChild<QsciScintilla *>()->setText(QString());
        QApplication::clipboard()->setText(QStringLiteral("before"));
        rig.tab->findChild<CopyAsButton *>()->menu()->actions().at(2)->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
        auto *problem = rig.tab->findChild<ProblemLabel *>();
        QVERIFY(problem && problem->isVisible());
    }
};

QTEST_MAIN(TestSqlTabCopyAs)
#include "tst_sqltab_copyas.moc"
