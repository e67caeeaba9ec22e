// SPDX-License-Identifier: GPL-3.0-or-later
// The translators: our English plural forms for every English locale, en_AU's catalogue, strings
// under the contexts that the CLI and the core look up at run time, Qt's own catalogue for
// German, and the checked-in .ts files in step with what lupdate finds in the sources.
#include "FailOnWarning.h"
#include "l10n/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

QString translated(const char *context, const char *source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

// (context, source) of every message in a .ts file, numerus messages marked with a leading '#'.
QSet<QString> messagesOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> messages;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        else if (xml.name() == QLatin1String("source"))
            messages.insert((numerus ? QStringLiteral("#") : QString()) + context +
                            QLatin1Char('|') + xml.readElementText());
    }
    return messages;
}

QString lupdatePath()
{
    for (const auto location : {QLibraryInfo::BinariesPath, QLibraryInfo::LibraryExecutablesPath}) {
        const QString candidate = QLibraryInfo::path(location) + QStringLiteral("/lupdate");
        if (QFile::exists(candidate))
            return candidate;
    }
    return {};
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void englishPluralsForTheDefaultEnglish();
    void australianCatalogue();
    void cliStringsUnderTheirRunTimeContext();
    void germanLoadsQtsOwnCatalogue();
    void catalogueFilesInStepWithTheSources();
};

void TestTranslations::englishPluralsForTheDefaultEnglish()
{
    QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    QVERIFY(Halo::installTranslations(*QCoreApplication::instance()));
    QCOMPARE(translated("SqlResultsArea", "%Ln row(s)", 1), "1 row");
    QCOMPARE(translated("SqlResultsArea", "%Ln row(s)", 60000), "60,000 rows");
    QCOMPARE(translated("SqlResultsArea", "%1 of %Ln row(s)", 60000), "%1 of 60,000 rows");
    QCOMPARE(translated("MainWindow", "Exported %n site(s) to %1", 1), "Exported 1 site to %1");
    QCOMPARE(translated("Halo::SiteListModel", "%1 (%n site(s))", 3), "%1 (3 sites)");
    // A string without plural forms falls back to its source.
    QCOMPARE(translated("SqlEditor", "Find in SQL"), "Find in SQL");
}

void TestTranslations::australianCatalogue()
{
    QLocale::setDefault(QLocale(QStringLiteral("en_AU")));
    QVERIFY(Halo::installTranslations(*QCoreApplication::instance()));
    QCOMPARE(translated("ExportRunner", "Exporting %n row(s)…", 1), "Exporting 1 row…");
    QCOMPARE(translated("ExportRunner", "Exporting %n row(s)…", 2), "Exporting 2 rows…");
    QCOMPARE(translated("FhirTab", "This saves %1 with %n value(s) hidden in privacy mode.", 1),
             "This saves %1 with 1 value hidden in privacy mode.");
    // The sources are written in Australian spelling already ("catalogue", "recognise",
    // "Initialising", "Cancelled"); the catalogue leaves them as they are.
    QCOMPARE(translated("QueryOptionsBar", "%n catalogue(s) at this site", 2),
             "2 catalogues at this site");
    QCOMPARE(translated("StatusTimeline", "Initialising"), "Initialising");
}

void TestTranslations::cliStringsUnderTheirRunTimeContext()
{
    QLocale::setDefault(QLocale(QStringLiteral("en_AU")));
    QVERIFY(Halo::installTranslations(*QCoreApplication::instance()));
    // Contexts from the CLI's Q_DECLARE_TR_FUNCTIONS, as the run time looks them up.
    QCOMPARE(translated("Cli::AsyncQueryCommands", "%n page(s)", 1), "1 page");
    QCOMPARE(translated("Cli::AsyncQueryCommands", "%n page(s)", 4), "4 pages");
    QCOMPARE(translated("Cli::AsyncQueryCommands", "%n row(s), %1 in %2", 1), "1 row, %1 in %2");
    QCOMPARE(translated("Cli::AsyncQueryCommands", "%n row(s) affected", 0), "0 rows affected");
}

void TestTranslations::germanLoadsQtsOwnCatalogue()
{
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                       QStringLiteral("/qtbase_de.qm")))
        QSKIP("Qt's catalogues are not installed (Debian: qt6-translations-l10n)");
    QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
    QVERIFY(!Halo::installTranslations(*QCoreApplication::instance())); // none of ours in German
    QCOMPARE(translated("QPlatformTheme", "Cancel"), "Abbrechen");
    QCOMPARE(translated("QWizard", "Cancel"), "Abbrechen");
    // Our English plural forms still apply to our English texts.
    QCOMPARE(translated("Cli::AsyncQueryCommands", "%n page(s)", 1), "1 page");

    QLocale::setDefault(QLocale(QStringLiteral("en_AU")));
    QVERIFY(Halo::installTranslations(*QCoreApplication::instance()));
    QCOMPARE(translated("QPlatformTheme", "Cancel"), "Cancel"); // the German one was removed
}

void TestTranslations::catalogueFilesInStepWithTheSources()
{
    const QString lupdate = lupdatePath();
    if (lupdate.isEmpty())
        QSKIP("lupdate is not installed (Debian: qt6-l10n-tools)");
    const QDir source(qEnvironmentVariable("HALO_SOURCE_DIR", QStringLiteral(HALO_SOURCE_DIR)));
    QStringList arguments{QStringLiteral("-silent"), QStringLiteral("-locations"),
                          QStringLiteral("none"), QStringLiteral("-no-obsolete")};
    for (const char *folder : {"app/core", "app/cli", "ui"})
        arguments << QStringLiteral("-I") << source.filePath(QString::fromLatin1(folder));
    for (const char *folder : {"app/core", "app/cli", "ui"})
        arguments << source.filePath(QString::fromLatin1(folder));
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString fresh = scratch.filePath(QStringLiteral("halo_explorer_en.ts"));
    arguments << QStringLiteral("-extensions") << QStringLiteral("cpp,h") << QStringLiteral("-ts")
              << fresh;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(lupdate, arguments);
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);

    const QSet<QString> found = messagesOf(fresh);
    QVERIFY(found.size() > 1000);
    for (const char *name : {"halo_explorer_en.ts", "halo_explorer_en_AU.ts"}) {
        const QSet<QString> checkedIn = messagesOf(
            source.filePath(QStringLiteral("resources/translations/") + QLatin1String(name)));
        const QStringList missing = QSet<QString>(found).subtract(checkedIn).values();
        const QStringList stale = QSet<QString>(checkedIn).subtract(found).values();
        QVERIFY2(missing.isEmpty() && stale.isEmpty(),
                 qPrintable(QStringLiteral("%1 is out of step with the sources (refresh it: "
                                           "README.md, Translations); new: %2; gone: %3")
                                .arg(QLatin1String(name), missing.mid(0, 5).join(u"; "),
                                     stale.mid(0, 5).join(u"; "))));
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
