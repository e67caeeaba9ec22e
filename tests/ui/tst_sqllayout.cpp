// SPDX-License-Identifier: GPL-3.0-or-later
// The SQL tab at the window's default size (1280x800): nothing cut off. Every control is at least
// as wide as it asks to be, the catalogue box shows its whole text, the side tabs all show, and
// the history's columns show their headers. A picture lands in tests/ui/artefacts.
#include "FailOnWarning.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "fhir/FhirTab.h"
#include "sites/SiteListPanel.h"
#include "sql/SqlTab.h"
#include "sql/SqlWorkspace.h"
#include "widgets/CallProgress.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

namespace {

const QString kKey = QStringLiteral("sql-layout-test-key");

QString artefact(const QString &name)
{
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    return QDir(folder).filePath(name);
}

const Sandbox::SampleSite &bestPractice()
{
    for (const Sandbox::SampleSite &site : Sandbox::sampleSites()) {
        if (site.scenario == Sandbox::SiteScenario::Online &&
            site.pmsType == QLatin1String("BestPractice"))
            return site;
    }
    qFatal("no online Best Practice sample site");
}

QString describe(const QWidget *widget)
{
    QString text = widget->accessibleName();
    if (text.isEmpty()) {
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            text = label->text();
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            text = button->text();
    }
    return QStringLiteral("%1 \"%2\" %3 < %4")
        .arg(QString::fromLatin1(widget->metaObject()->className()), text)
        .arg(widget->width())
        .arg(widget->sizeHint().width());
}

// The visible controls under `root` that show less than they need.
QStringList cutOff(QWidget *root)
{
    QStringList cut;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible())
            continue;
        const bool text = qobject_cast<QLabel *>(widget) ||
                          qobject_cast<QAbstractButton *>(widget) ||
                          qobject_cast<QComboBox *>(widget);
        if (const auto *label = qobject_cast<QLabel *>(widget); label && label->wordWrap())
            continue;
        if (qobject_cast<QTabBar *>(widget) &&
            widget->parent()->objectName().startsWith(QStringLiteral("qt_")))
            continue;
        if (text && widget->width() < widget->sizeHint().width())
            cut << describe(widget);
        else if (!qobject_cast<QHeaderView *>(widget) &&
                 widget->width() < widget->minimumSizeHint().width())
            cut << QStringLiteral("squeezed ") + describe(widget);
    }
    for (QTabBar *bar : root->findChildren<QTabBar *>()) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            const QString title = bar->tabText(i).remove(QLatin1Char('&'));
            const QRect tab = bar->tabRect(i);
            const bool across =
                bar->shape() == QTabBar::RoundedNorth || bar->shape() == QTabBar::RoundedSouth;
            const int room = across ? tab.width() : tab.height();
            const int edge = across ? tab.right() : tab.bottom();
            if (edge >= (across ? bar->width() : bar->height()) ||
                room < bar->fontMetrics().horizontalAdvance(title))
                cut << QStringLiteral("tab \"%1\" of %2")
                           .arg(bar->tabText(i), bar->parentWidget()->accessibleName());
        }
    }
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        QHeaderView *header = nullptr;
        if (auto *tree = qobject_cast<QTreeView *>(view))
            header = tree->isHeaderHidden() ? nullptr : tree->header();
        else if (auto *table = qobject_cast<QTableView *>(view))
            header = table->horizontalHeader()->isHidden() ? nullptr : table->horizontalHeader();
        if (!header || !view->isVisible())
            continue;
        for (int column = 0; column < header->count(); ++column) {
            const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
            const int needed = header->fontMetrics().horizontalAdvance(title) + 8;
            if (!header->isSectionHidden(column) && header->sectionSize(column) < needed)
                cut << QStringLiteral("column \"%1\" of %2: %3 < %4")
                           .arg(title, view->accessibleName())
                           .arg(header->sectionSize(column))
                           .arg(needed);
        }
    }
    return cut;
}

} // namespace

class TestSqlLayout : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void nothingIsCutAtTheDefaultSize();
};

void TestSqlLayout::nothingIsCutAtTheDefaultSize()
{
    QTemporaryDir dir;
    SandboxWindowRig rig(dir.path(), kKey);
    QVERIFY(rig.addSite(bestPractice()));
    MainWindow *window = rig.openWindow();
    QStringList cut;
    if (window->size() != QSize(1280, 800))
        cut << QStringLiteral("window is %1x%2, at least %3 wide")
                   .arg(window->width())
                   .arg(window->height())
                   .arg(window->minimumSizeHint().width());
    window->siteListPanel()->selectSite(QStringLiteral("sandbox"), bestPractice().guid);
    auto *siteTabs = window->findChild<QTabWidget *>(QStringLiteral("siteTabs"));
    siteTabs->setCurrentWidget(window->sqlWorkspace());
    SqlTab *sql = window->sqlWorkspace()->sqlTab();
    auto *catalogue = named<QComboBox>(sql, QStringLiteral("Catalogue"));
    QVERIFY(catalogue);
    // The catalogues arrive with the site's status: the longest text the box shows.
    QTRY_VERIFY_WITH_TIMEOUT(catalogue->currentText().startsWith(QStringLiteral("(default: ")),
                             20000);
    sql->setSqlText(QStringLiteral("SELECT TOP 10 * FROM BPS_Patients"));
    sql->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!sql->isRunning(), 20000);
    QTest::qWait(50); // layouts settle
    window->grab().save(artefact(QStringLiteral("sql-tab-1280x800.png")));

    // Each of the side tools in turn, as the user would open them.
    auto *side = window->findChild<QTabWidget *>(QStringLiteral("sqlSideTabs"));
    for (int tool = 0; tool < side->count(); ++tool) {
        side->setCurrentIndex(tool);
        QTest::qWait(20);
        cut << cutOff(window->sqlWorkspace());
        // A tool that waits for Halo shows its progress: it must fit too, however quick the
        // answer was this time.
        const QList<CallProgress *> progress =
            side->currentWidget()->findChildren<CallProgress *>();
        for (CallProgress *busy : progress) {
            if (busy->isVisible())
                continue;
            auto *activity = named<QLabel>(busy, QStringLiteral("Request in progress"));
            QVERIFY(activity);
            activity->setText(QStringLiteral("Cancelling registered query “Appointments today”…"));
            busy->show();
            QTest::qWait(20);
            cut << cutOff(window->sqlWorkspace());
            busy->hide();
            activity->clear();
        }
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1String("\n"))));
}

QTEST_MAIN(TestSqlLayout)
#include "tst_sqllayout.moc"
