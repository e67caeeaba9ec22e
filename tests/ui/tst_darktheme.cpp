// SPDX-License-Identifier: GPL-3.0-or-later
// The window under a dark and a light desktop palette: the colours the widgets actually use for
// status text (the status panel's online, offline and unreachable lines), the environment banner,
// the Production marker, the access-refused notice and the SQL editor's text on its paper read
// at least 4.5:1 (WCAG AA); switching the palette while the window is open recolours them. The
// dark run leaves a picture of the window for the README (tests/ui/artefacts).
#include "EnvironmentBanner.h"
#include "FailOnWarning.h"
#include "SandboxWindowRig.h"
#include "WidgetLookup.h"
#include "l10n/Translations.h"
#include "sites/SiteListPanel.h"
#include "status/SiteStatusPanel.h"
#include "widgets/ProductionMarker.h"
#include "widgets/ThemeColours.h"

#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

const QString kKey = QStringLiteral("dark-theme-test-key");
constexpr double kText = 4.5; // WCAG AA for body text

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    palette.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    palette.setColor(QPalette::Shadow, Qt::black);
    return palette;
}

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef), QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x75, 0x75, 0x75));
    return palette;
}

QString ratio(const QColor &text, const QColor &background)
{
    return QStringLiteral("%1 on %2: %3:1")
        .arg(text.name(), background.name())
        .arg(ThemeColours::contrastRatio(text, background), 0, 'f', 2);
}

#define VERIFY_READABLE(text, background)                                                          \
    QVERIFY2(ThemeColours::contrastRatio((text), (background)) >= kText,                           \
             qPrintable(ratio((text), (background))))

// The colour a style sheet "color: #rrggbb" gives a label.
QColor sheetColour(const QWidget *label)
{
    const auto match =
        QRegularExpression(QStringLiteral("color: (#[0-9a-f]{6})")).match(label->styleSheet());
    return match.hasMatch() ? QColor(match.captured(1)) : QColor();
}

} // namespace

class TestDarkTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void statusColoursReadUnderEachPalette_data();
    void statusColoursReadUnderEachPalette();
    void switchingToDarkWhileOpenRecolours();

private:
    void openOn(Sandbox::SiteScenario scenario);
    void checkStatusPanel(Sandbox::SiteScenario scenario);
    void checkBandsAndEditor();

    QPalette m_original;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxWindowRig> m_rig;
};

void TestDarkTheme::initTestCase()
{
    // English plural forms, as the program shows them ("3 sites"), for the picture.
    QLocale::setDefault(QLocale(QStringLiteral("en_AU")));
    QVERIFY(Halo::installTranslations(*QCoreApplication::instance()));
}

void TestDarkTheme::init()
{
    HaloTest::failOnWarnings();
    m_original = QApplication::palette();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDarkTheme::cleanup()
{
    m_rig.reset();
    m_dir.reset();
    QApplication::setPalette(m_original);
}

void TestDarkTheme::openOn(Sandbox::SiteScenario scenario)
{
    m_rig = std::make_unique<SandboxWindowRig>(m_dir->path(), kKey);
    QVERIFY2(m_rig->port != 0, qPrintable(m_rig->server.errorString()));
    QVERIFY(m_rig->store.load());
    for (auto each : {Sandbox::SiteScenario::Online, Sandbox::SiteScenario::Offline,
                      Sandbox::SiteScenario::Unreachable})
        QVERIFY(m_rig->addSite(sampleSite(each)));
    m_rig->openWindow()->resize(1280, 800);
    QVERIFY(QTest::qWaitForWindowExposed(m_rig->window.get()));
    auto *panel = m_rig->window->findChild<SiteStatusPanel *>();
    QVERIFY(panel);
    QSignalSpy fetched(panel, &SiteStatusPanel::statusFetched);
    m_rig->window->siteListPanel()->selectSite(QStringLiteral("sandbox"),
                                               sampleSite(scenario).guid);
    QVERIFY(fetched.wait(10000));
}

void TestDarkTheme::checkStatusPanel(Sandbox::SiteScenario scenario)
{
    auto *panel = m_rig->window->findChild<SiteStatusPanel *>();
    auto *availability = named<QLabel>(panel, QStringLiteral("Availability"));
    QVERIFY(availability);
    QVERIFY(!availability->text().isEmpty());
    const QColor text = availability->palette().color(QPalette::WindowText);
    const QColor background = availability->palette().color(QPalette::Window);
    VERIFY_READABLE(text, background);
    // A status colour, not the plain text colour.
    const QPalette palette = QApplication::palette();
    const QColor expected = scenario == Sandbox::SiteScenario::Online ? ThemeColours::good(palette)
                            : scenario == Sandbox::SiteScenario::Offline
                                ? ThemeColours::bad(palette)
                                : ThemeColours::warning(palette);
    QCOMPARE(text.name(), expected.name());
}

void TestDarkTheme::checkBandsAndEditor()
{
    const QPalette palette = QApplication::palette();
    // The environment banner across the top, and every other environment's band.
    auto *banner = m_rig->window->findChild<EnvironmentBanner *>();
    QVERIFY(banner);
    VERIFY_READABLE(banner->palette().color(QPalette::WindowText),
                    banner->palette().color(QPalette::Window));
    for (auto environment : {Halo::Environment::Production, Halo::Environment::Stage,
                             Halo::Environment::Sandbox, Halo::Environment::Custom}) {
        const ThemeColours::Band band = ThemeColours::environmentBand(environment);
        VERIFY_READABLE(band.text, band.background);
    }
    // The access-refused notice of the status panel, whether shown or not.
    const ThemeColours::Band notice = ThemeColours::notice(palette);
    VERIFY_READABLE(notice.text, notice.background);

    // The red "Production" beside a send button, on the window's background.
    ProductionMarker marker(
        Halo::Endpoint{Halo::Environment::Production, QUrl(QStringLiteral("https://x.test"))});
    const QColor production = sheetColour(&marker);
    QVERIFY2(production.isValid(), qPrintable(marker.styleSheet()));
    VERIFY_READABLE(production, palette.color(QPalette::Window));

    // The SQL editor: text, keywords, strings, comments and numbers on its paper; the caret.
    m_rig->window->findChild<QTabWidget *>(QStringLiteral("siteTabs"))->setCurrentIndex(1);
    auto *editor = m_rig->window->findChild<QsciScintilla *>();
    QVERIFY(editor);
    QsciLexer *lexer = editor->lexer();
    QVERIFY(lexer);
    const QColor paper = lexer->paper(QsciLexerSQL::Default);
    QCOMPARE(paper.name(), palette.color(QPalette::Base).name());
    for (int style :
         {int(QsciLexerSQL::Default), int(QsciLexerSQL::Identifier), int(QsciLexerSQL::Keyword),
          int(QsciLexerSQL::SingleQuotedString), int(QsciLexerSQL::Comment),
          int(QsciLexerSQL::CommentLine), int(QsciLexerSQL::Number), int(QsciLexerSQL::Operator)}) {
        QVERIFY2(ThemeColours::contrastRatio(lexer->color(style), lexer->paper(style)) >= kText,
                 qPrintable(QStringLiteral("style %1: ").arg(style) +
                            ratio(lexer->color(style), lexer->paper(style))));
    }
}

void TestDarkTheme::statusColoursReadUnderEachPalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("scenario");
    for (const bool dark : {true, false}) {
        const char *theme = dark ? "dark" : "light";
        QTest::addRow("%s, online", theme) << dark << int(Sandbox::SiteScenario::Online);
        QTest::addRow("%s, offline", theme) << dark << int(Sandbox::SiteScenario::Offline);
        QTest::addRow("%s, unreachable", theme) << dark << int(Sandbox::SiteScenario::Unreachable);
    }
}

void TestDarkTheme::statusColoursReadUnderEachPalette()
{
    QFETCH(bool, dark);
    QFETCH(int, scenario);
    const auto which = Sandbox::SiteScenario(scenario);
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    QCOMPARE(ThemeColours::isDark(QApplication::palette()), dark);
    openOn(which);
    if (QTest::currentTestFailed())
        return;
    checkStatusPanel(which);
    if (dark && which == Sandbox::SiteScenario::Online) {
        // The README's picture of the window under a dark desktop theme.
        QTest::qWait(300); // let the status answer paint; this is a picture, not an assertion
        const QString folder =
            QDir(QStringLiteral(QT_TESTCASE_BUILDDIR)).filePath(QStringLiteral("artefacts"));
        QDir().mkpath(folder);
        const QString path = QDir(folder).filePath(QStringLiteral("main-window-dark.png"));
        QVERIFY(m_rig->window->grab().save(path));
        QVERIFY(QFileInfo(path).size() > 10000);
        qInfo("screenshot: %s", qPrintable(path));
    }
    checkBandsAndEditor();
}

void TestDarkTheme::switchingToDarkWhileOpenRecolours()
{
    QApplication::setPalette(lightPalette());
    openOn(Sandbox::SiteScenario::Offline);
    if (QTest::currentTestFailed())
        return;
    checkStatusPanel(Sandbox::SiteScenario::Offline);
    checkBandsAndEditor();

    QApplication::setPalette(darkPalette());
    QCoreApplication::processEvents();
    checkStatusPanel(Sandbox::SiteScenario::Offline);
    checkBandsAndEditor();
}

QTEST_MAIN(TestDarkTheme)
#include "tst_darktheme.moc"
