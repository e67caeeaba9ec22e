// SPDX-License-Identifier: GPL-3.0-or-later
// The site list managed from the window, as a keyboard user would: remove and undo, the label,
// notes and tags, the Needs attention filter over the sandbox's sample sites, and importing a
// file dropped on the window. Controls are found by accessible name.
#include "ExplorerSession.h"
#include "FailOnWarning.h"
#include "MainWindow.h"
#include "SampleSites.h"
#include "WidgetLookup.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListPanel.h"
#include "sites/SiteRecord.h"
#include "sites/SiteStore.h"
#include "storage/AppSettings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <memory>

namespace {

const QString kSandbox = QStringLiteral("sandbox");

QSet<QString> visibleGuids(QTreeView *view)
{
    QSet<QString> guids;
    QAbstractItemModel *model = view->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r)
            guids.insert(model->index(r, 0, group).data(Halo::SiteListModel::GuidRole).toString());
    }
    return guids;
}

QStringList storedGuids(const QString &path)
{
    Halo::SiteStore store(path);
    if (!store.load())
        return {};
    QStringList guids;
    for (const Halo::SiteRecord &record : store.sites())
        guids << record.guid;
    return guids;
}

void write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

} // namespace

class TestSiteListPanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void contractNamesExist();
    void removeAndUndoFromTheKeyboard();
    void removeSeveralAndUndoWithTheNoticeButton();
    void labelNotesAndTagsAreEditedAndKept();
    void needsAttentionShowsOnlyMarkedSites();
    void droppedCsvIsImportedAndBadLinesNamed();
    void exportedSelectionDroppedBackRestoresIt();
    void heartbeatThresholdsAreChosenAndKept();

private:
    void start();
    QTreeView *siteView() const;
    QString siteFile() const { return m_dir->filePath(QStringLiteral("sites.json")); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ExplorerSession> m_session;
};

void TestSiteListPanel::init()
{
    HaloTest::failOnWarnings();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSiteListPanel::cleanup()
{
    m_session.reset();
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(top))
            top->close();
    }
}

void TestSiteListPanel::start()
{
    m_session = std::make_unique<ExplorerSession>(siteFile());
    QSignalSpy connected(m_session.get(), &ExplorerSession::connected);
    m_session->start(Halo::Endpoint{Halo::Environment::Sandbox, QUrl()});
    m_session->window()->show();
    QApplication::setActiveWindow(m_session->window());
    QVERIFY(QTest::qWaitForWindowActive(m_session->window()));
    QVERIFY(connected.count() > 0 || connected.wait(10000));
    QTRY_COMPARE(m_session->store()->sites().size(), Sandbox::sampleSites().size());
}

QTreeView *TestSiteListPanel::siteView() const
{
    return named<QTreeView>(m_session->window(), QStringLiteral("Site list"));
}

void TestSiteListPanel::contractNamesExist()
{
    start();
    QWidget *window = m_session->window();
    QVERIFY(named<QAbstractButton>(window, QStringLiteral("Remove site")));
    QVERIFY(named<QLineEdit>(window, QStringLiteral("Site label")));
    QVERIFY(named<QPlainTextEdit>(window, QStringLiteral("Site notes")));
    QVERIFY(named<QLineEdit>(window, QStringLiteral("Site tags")));
    auto *attention = named<QCheckBox>(window, QStringLiteral("Needs attention"));
    QVERIFY(attention && attention->isCheckable());
    // Every button and field of the panel has a name for assistive technology (a line edit's
    // own clear button aside: Qt names that one).
    for (QWidget *child : m_session->window()->siteListPanel()->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(child) ||
                             qobject_cast<QLineEdit *>(child) ||
                             qobject_cast<QPlainTextEdit *>(child);
        if (control && !qobject_cast<QLineEdit *>(child->parentWidget()))
            QVERIFY2(!child->accessibleName().isEmpty(), qPrintable(child->objectName()));
    }
}

void TestSiteListPanel::removeAndUndoFromTheKeyboard()
{
    start();
    QTreeView *view = siteView();
    QVERIFY(view);
    const Sandbox::SampleSite &second = Sandbox::sampleSites().at(1);
    m_session->window()->siteListPanel()->selectSite(kSandbox, second.guid);
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!m_session->store()->find(kSandbox, second.guid));
    QVERIFY(!storedGuids(siteFile()).contains(second.guid)); // written at once
    QVERIFY(!visibleGuids(view).contains(second.guid));
    auto *notice = named<QLabel>(m_session->window(), QStringLiteral("Site list notice"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("Removed")), qPrintable(notice->text()));
    auto *undoButton = named<QAbstractButton>(m_session->window(), QStringLiteral("Undo remove"));
    QVERIFY(undoButton && undoButton->isVisible());
    // The neighbour is current now, so the keyboard user can go on from where they were.
    QVERIFY(m_session->window()->siteListPanel()->selectedRecord());

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_session->store()->find(kSandbox, second.guid));
    QCOMPARE(m_session->store()->sites().at(1).guid, second.guid); // back at its place
    QCOMPARE(storedGuids(siteFile()).at(1), second.guid);
    QVERIFY(visibleGuids(view).contains(second.guid));
    QVERIFY(!m_session->store()->canUndoRemove());
}

void TestSiteListPanel::removeSeveralAndUndoWithTheNoticeButton()
{
    start();
    QTreeView *view = siteView();
    QVERIFY(view);
    SiteListPanel *panel = m_session->window()->siteListPanel();
    panel->selectSite(kSandbox, Sandbox::sampleSites().at(0).guid);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(panel->selectedRecords().size(), 3);

    auto *remove = named<QAbstractButton>(m_session->window(), QStringLiteral("Remove site"));
    QVERIFY(remove && remove->isEnabled());
    remove->click();
    QCOMPARE(m_session->store()->sites().size(), Sandbox::sampleSites().size() - 3);
    QVERIFY(panel->noticeText().contains(QStringLiteral("3 sites")));

    auto *undoButton = named<QAbstractButton>(m_session->window(), QStringLiteral("Undo remove"));
    QVERIFY(undoButton);
    QTest::keyClick(undoButton, Qt::Key_Space); // a button is pressed from the keyboard too
    QCOMPARE(storedGuids(siteFile()).mid(0, 3),
             QStringList({Sandbox::sampleSites().at(0).guid, Sandbox::sampleSites().at(1).guid,
                          Sandbox::sampleSites().at(2).guid}));
    QCOMPARE(m_session->store()->sites().size(), Sandbox::sampleSites().size());
}

void TestSiteListPanel::labelNotesAndTagsAreEditedAndKept()
{
    start();
    const QString guid = Sandbox::sampleSites().first().guid;
    SiteListPanel *panel = m_session->window()->siteListPanel();
    panel->selectSite(kSandbox, guid);
    auto *label = named<QLineEdit>(m_session->window(), QStringLiteral("Site label"));
    auto *notes = named<QPlainTextEdit>(m_session->window(), QStringLiteral("Site notes"));
    auto *tags = named<QLineEdit>(m_session->window(), QStringLiteral("Site tags"));
    QVERIFY(label && notes && tags);
    QTRY_VERIFY(label->isEnabled());

    label->setFocus();
    QTRY_VERIFY(label->hasFocus());
    QTest::keyClicks(label, QStringLiteral("Main surgery"));
    QTest::keyClick(label, Qt::Key_Tab); // leaving the field keeps what was typed
    QTRY_COMPARE(m_session->store()->find(kSandbox, guid)->label, QStringLiteral("Main surgery"));

    notes->setFocus();
    QTRY_VERIFY(notes->hasFocus());
    notes->selectAll();
    QTest::keyClicks(notes, QStringLiteral("Ring before 9"));
    QTest::keyClick(notes, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_session->store()->find(kSandbox, guid)->notes, QStringLiteral("Ring before 9"));

    tags->setFocus();
    QTRY_VERIFY(tags->hasFocus());
    QTest::keyClicks(tags, QStringLiteral("pilot, rural"));
    QTest::keyClick(tags, Qt::Key_Return);
    QTRY_COMPARE(m_session->store()->find(kSandbox, guid)->tags,
                 QStringList({QStringLiteral("pilot"), QStringLiteral("rural")}));

    // The list shows the label; the practice's recorded name is unchanged.
    const QModelIndex row = m_session->sites()->indexOf(kSandbox, guid);
    QCOMPARE(row.data().toString(), QStringLiteral("Main surgery"));
    QCOMPARE(m_session->store()->find(kSandbox, guid)->recorded.practiceName,
             Sandbox::sampleSites().first().recordedPracticeName);
    QCOMPARE(panel->selectedRecord()->guid, guid); // still the selected site

    // Kept across a restart.
    m_session.reset();
    Halo::SiteStore reopened(siteFile());
    QVERIFY(reopened.load());
    const Halo::SiteRecord *saved = reopened.find(kSandbox, guid);
    QVERIFY(saved);
    QCOMPARE(saved->label, QStringLiteral("Main surgery"));
    QCOMPARE(saved->notes, QStringLiteral("Ring before 9"));
    QCOMPARE(saved->tags, QStringList({QStringLiteral("pilot"), QStringLiteral("rural")}));
}

void TestSiteListPanel::needsAttentionShowsOnlyMarkedSites()
{
    start();
    QTreeView *view = siteView();
    QVERIFY(view);
    Halo::SiteListModel *model = m_session->sites();
    QSet<QString> marked;
    for (const Sandbox::SampleSite &sample : Sandbox::sampleSites()) {
        const QModelIndex row = model->indexOf(kSandbox, sample.guid);
        QTRY_VERIFY2(row.siblingAtColumn(Halo::SiteListModel::AvailabilityColumn)
                             .data()
                             .toString()
                             .compare(sample.availability, Qt::CaseInsensitive) == 0,
                     qPrintable(sample.guid));
        switch (sample.scenario) {
        case Sandbox::SiteScenario::Offline:
        case Sandbox::SiteScenario::Unreachable:
        case Sandbox::SiteScenario::NonAuthoritative:
        case Sandbox::SiteScenario::Renamed:
            marked.insert(sample.guid);
            break;
        default:
            break;
        }
    }
    QCOMPARE(marked.size(), 4);
    // Let the non-authoritative install's status arrive too.
    for (const QString &guid : marked)
        QTRY_VERIFY2(
            model->indexOf(kSandbox, guid).data(Halo::SiteListModel::NeedsAttentionRole).toBool(),
            qPrintable(guid));

    auto *attention = named<QCheckBox>(m_session->window(), QStringLiteral("Needs attention"));
    QVERIFY(attention);
    attention->setFocus();
    QTest::keyClick(attention, Qt::Key_Space);
    QVERIFY(attention->isChecked());
    QCOMPARE(visibleGuids(view), marked);
    // Each mark is in words: the Marks column and what a screen reader hears of the row.
    QAbstractItemModel *shown = view->model();
    const QModelIndex group = shown->index(0, 0);
    for (int r = 0; r < shown->rowCount(group); ++r) {
        const QModelIndex row = shown->index(r, 0, group);
        const QString marks =
            row.siblingAtColumn(Halo::SiteListModel::MarksColumn).data().toString();
        QVERIFY(!marks.isEmpty());
        QVERIFY2(row.data(Qt::AccessibleTextRole).toString().contains(marks.section(';', 0, 0)),
                 qPrintable(row.data(Qt::AccessibleTextRole).toString()));
    }
    const Sandbox::SampleSite *renamed = nullptr;
    for (const Sandbox::SampleSite &sample : Sandbox::sampleSites()) {
        if (sample.scenario == Sandbox::SiteScenario::Renamed)
            renamed = &sample;
    }
    QVERIFY(renamed);
    QVERIFY(model->indexOf(kSandbox, renamed->guid)
                .siblingAtColumn(Halo::SiteListModel::MarksColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Practice name")));

    QTest::keyClick(attention, Qt::Key_Space);
    QCOMPARE(visibleGuids(view).size(), Sandbox::sampleSites().size());

    // A picture of the list with its marks, for the README; not an assertion.
    m_session->window()->resize(1440, 900);
    if (auto *splitter =
            m_session->window()->findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->setSizes({760, 680});
    m_session->window()->siteListPanel()->selectSite(kSandbox, renamed->guid);
    QTest::qWait(300);
    const QString folder =
        QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
    QDir().mkpath(folder);
    QVERIFY(m_session->window()->grab().save(
        QDir(folder).filePath(QStringLiteral("site-list-marks.png"))));
}

void TestSiteListPanel::droppedCsvIsImportedAndBadLinesNamed()
{
    start();
    const QString good = QStringLiteral("3c1d0f0e-5b7a-4c2d-9e8f-1a2b3c4d5e6f");
    const QString csv = m_dir->filePath(QStringLiteral("practices.csv"));
    write(csv, QStringLiteral("pms,pms_id,guid,label\n"
                              "Zedmed,ZM-501,%1,Dropped clinic\n"
                              "Zedmed,ZM-502,not-a-guid,Broken row\n")
                   .arg(good)
                   .toUtf8());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(csv)});
    QWidget *window = m_session->window();
    const QPoint centre = window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    QVERIFY(drop.isAccepted());

    // The good row is in (in the environment in use), the bad one named by its line.
    const Halo::SiteRecord *added = m_session->store()->find(kSandbox, good);
    QVERIFY(added);
    QCOMPARE(added->label, QStringLiteral("Dropped clinic"));
    QVERIFY(storedGuids(siteFile()).contains(good));
    const QString notice = m_session->window()->siteListPanel()->noticeText();
    QVERIFY2(notice.contains(QStringLiteral("added 1 sites")) &&
                 notice.contains(QStringLiteral("Line 3")),
             qPrintable(notice));
    QCOMPARE(m_session->store()->sites().size(), Sandbox::sampleSites().size() + 1);

    // Anything else dropped is not taken.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent other(centre, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    other.setAccepted(false);
    QApplication::sendEvent(window, &other);
    QVERIFY(!other.isAccepted());
}

void TestSiteListPanel::exportedSelectionDroppedBackRestoresIt()
{
    start();
    SiteListPanel *panel = m_session->window()->siteListPanel();
    const QString guid = Sandbox::sampleSites().at(2).guid;
    panel->selectSite(kSandbox, guid);
    QVERIFY(m_session->store()->setDetails(kSandbox, guid, QStringLiteral("Exported"),
                                           QStringLiteral("n"), {QStringLiteral("t")}));
    panel->selectSite(kSandbox, guid);
    const QString exported = m_dir->filePath(QStringLiteral("chosen.json"));
    QVERIFY(panel->exportSelectedTo(exported));
    QVERIFY(m_session->store()->remove(kSandbox, guid));
    QVERIFY(!m_session->store()->find(kSandbox, guid));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(exported)});
    // As a real drag does: it enters (Qt then knows the target), then drops.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_session->window(), &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_session->window(), &drop);
    const Halo::SiteRecord *back = m_session->store()->find(kSandbox, guid);
    QVERIFY2(back, qPrintable(panel->noticeText()));
    QCOMPARE(back->label, QStringLiteral("Exported"));
    QCOMPARE(back->tags, QStringList{QStringLiteral("t")});
}

void TestSiteListPanel::heartbeatThresholdsAreChosenAndKept()
{
    start();
    QCOMPARE(m_session->sites()->heartbeatThresholds().amberSeconds, 3600); // the defaults
    QCOMPARE(m_session->sites()->heartbeatThresholds().redSeconds, 24 * 3600);
    auto *amber = m_session->window()->findChild<QAction *>(QStringLiteral("amberHeartbeat900"));
    auto *red = m_session->window()->findChild<QAction *>(QStringLiteral("redHeartbeat21600"));
    QVERIFY(amber && red);
    QVERIFY(amber->text().contains(QStringLiteral("15 minutes")));
    amber->trigger();
    red->trigger();
    QCOMPARE(m_session->sites()->heartbeatThresholds().amberSeconds, 900);
    QCOMPARE(m_session->sites()->heartbeatThresholds().redSeconds, 6 * 3600);
    QCOMPARE(Halo::AppSettings().heartbeatAmberSeconds(), 900);
    QCOMPARE(Halo::AppSettings().heartbeatRedSeconds(), 6 * 3600);
    // The offline sample was heard from over six hours ago: red now, and said so in words.
    for (const Sandbox::SampleSite &sample : Sandbox::sampleSites()) {
        if (sample.scenario != Sandbox::SiteScenario::Offline)
            continue;
        const QModelIndex row = m_session->sites()->indexOf(kSandbox, sample.guid);
        QTRY_COMPARE(row.data(Halo::SiteListModel::HeartbeatRole).toInt(),
                     int(Halo::SiteMarks::Heartbeat::Red));
        QVERIFY(row.siblingAtColumn(Halo::SiteListModel::MarksColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Not heard from for long")));
    }

    // A new window starts with what was chosen.
    m_session.reset();
    start();
    QCOMPARE(m_session->sites()->heartbeatThresholds().amberSeconds, 900);
    Halo::AppSettings().setHeartbeatAmberSeconds(3600);
    Halo::AppSettings().setHeartbeatRedSeconds(24 * 3600);
}

QTEST_MAIN(TestSiteListPanel)
#include "tst_sitelistpanel.moc"
