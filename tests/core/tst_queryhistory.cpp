// SPDX-License-Identifier: GPL-3.0-or-later
// Query history and snippets as files on disk: what is kept, what is never kept (result data),
// the cap, search, and that a failed write leaves the previous file as it was.
#include "FailOnWarning.h"
#include "sql/QueryHistory.h"
#include "sql/SnippetStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

namespace {

const QString kSandbox = QStringLiteral("sandbox");
const QString kSiteA = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");
const QString kSiteB = QStringLiteral("0e8b5d41-7f26-4c93-a1b8-6d3c9e24f057");

Halo::HistoryEntry entry(const QString &sql, int minutesAfterNine, const QString &mode = "async")
{
    Halo::HistoryEntry e;
    e.sql = sql;
    e.at =
        QDateTime(QDate(2025, 3, 4), QTime(9, 0), QTimeZone::utc()).addSecs(minutesAfterNine * 60);
    e.mode = mode;
    e.executionMode = QStringLiteral("reader");
    e.status = QStringLiteral("successful");
    e.rows = 12;
    e.durationMs = 340;
    return e;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QSet<QString> setOf(std::initializer_list<const char *> keys)
{
    QSet<QString> set;
    for (const char *key : keys)
        set.insert(QString::fromLatin1(key));
    return set;
}

// A name of 250 characters: the file itself can exist, but QSaveFile's temporary name beside it
// (the name plus a random suffix) is longer than a file name may be, so every save fails. This
// works for root too, unlike a read-only folder.
QString unsavablePath(const QTemporaryDir &dir)
{
    return dir.filePath(QString(245, QLatin1Char('h')) + QStringLiteral(".json"));
}

} // namespace

class TestQueryHistory : public QObject
{
    Q_OBJECT
private slots:
    void init() { HaloTest::failOnWarnings(); }
    void historyRoundTripsPerSiteNewestFirst();
    void historyIsCappedPerSite();
    void searchFindsSubstringsIgnoringCase();
    void historyFileHoldsOnlyAllowedKeys();
    void failedHistoryWriteLeavesOldFileIntact();
    void invalidHistoryFileIsNeverOverwritten();
    void clearForgetsOneSiteOnly();

    void builtInsPerPmsArePresentAndReadOnly();
    void userSnippetsRoundTripAndFilterByPms();
    void savingUnderAnExistingNameReplacesIt();
    void snippetFileHoldsOnlyAllowedKeys();
    void failedSnippetWriteLeavesOldFileIntact();
};

void TestQueryHistory::historyRoundTripsPerSiteNewestFirst()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/history.json"));
    {
        Halo::QueryHistory history(path);
        QSignalSpy changed(&history, &Halo::QueryHistory::changed);
        QString error;
        QVERIFY2(history.record(kSandbox, kSiteA, entry("SELECT 1", 1), &error), qPrintable(error));
        QVERIFY(history.record(kSandbox, kSiteA, entry("SELECT 3", 3, "immediate")));
        QVERIFY(history.record(kSandbox, kSiteA, entry("SELECT 2", 2, "registered")));
        QVERIFY(history.record(kSandbox, kSiteB, entry("SELECT b", 5)));
        QVERIFY(history.record(QStringLiteral("stage"), kSiteA, entry("SELECT stage", 6)));
        QCOMPARE(changed.count(), 5);
        QCOMPARE(changed.at(0).at(1).toString(), kSiteA);
    }
    Halo::QueryHistory reloaded(path);
    QVERIFY(reloaded.loadError().isEmpty());
    const QList<Halo::HistoryEntry> a = reloaded.entries(kSandbox, kSiteA.toUpper());
    QCOMPARE(a.size(), 3);
    QCOMPARE(a.at(0), entry("SELECT 3", 3, "immediate"));
    QCOMPARE(a.at(1), entry("SELECT 2", 2, "registered"));
    QCOMPARE(a.at(2), entry("SELECT 1", 1));
    QCOMPARE(reloaded.entries(kSandbox, kSiteB).size(), 1);
    QCOMPARE(reloaded.entries(QStringLiteral("stage"), kSiteA).constFirst().sql,
             QStringLiteral("SELECT stage"));
    QVERIFY(reloaded.entries(QStringLiteral("production"), kSiteA).isEmpty());
}

void TestQueryHistory::historyIsCappedPerSite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.json"));
    Halo::QueryHistory history(path);
    QVERIFY(history.record(kSandbox, kSiteB, entry("other site", 0)));
    const int total = Halo::QueryHistory::kMaxEntriesPerSite + 7;
    for (int i = 0; i < total; ++i)
        QVERIFY(history.record(kSandbox, kSiteA, entry(QStringLiteral("SELECT %1").arg(i), i)));
    const QList<Halo::HistoryEntry> kept = history.entries(kSandbox, kSiteA);
    QCOMPARE(int(kept.size()), Halo::QueryHistory::kMaxEntriesPerSite);
    QCOMPARE(kept.constFirst().sql, QStringLiteral("SELECT %1").arg(total - 1));
    QCOMPARE(kept.constLast().sql, QStringLiteral("SELECT 7")); // the 7 oldest went
    QCOMPARE(history.entries(kSandbox, kSiteB).size(), 1);
    QCOMPARE(int(Halo::QueryHistory(path).entries(kSandbox, kSiteA).size()),
             Halo::QueryHistory::kMaxEntriesPerSite);
}

void TestQueryHistory::searchFindsSubstringsIgnoringCase()
{
    QTemporaryDir dir;
    Halo::QueryHistory history(dir.filePath(QStringLiteral("history.json")));
    QVERIFY(history.record(kSandbox, kSiteA, entry("SELECT * FROM patients", 1)));
    QVERIFY(history.record(kSandbox, kSiteA, entry("select count(*) from Appointments", 2)));
    Halo::HistoryEntry failed = entry("SELECT nope FROM patients", 3, "immediate");
    failed.status = QStringLiteral("executionFailed");
    QVERIFY(history.record(kSandbox, kSiteA, failed));
    QVERIFY(history.record(kSandbox, kSiteB, entry("SELECT * FROM patients", 4)));

    QCOMPARE(history.search(kSandbox, kSiteA, QStringLiteral("PATIENTS")).size(), 2);
    QCOMPARE(history.search(kSandbox, kSiteA, QStringLiteral("appoint")).constFirst().sql,
             QStringLiteral("select count(*) from Appointments"));
    QCOMPARE(history.search(kSandbox, kSiteA, QStringLiteral("failed")).size(), 1);
    QCOMPARE(history.search(kSandbox, kSiteA, QStringLiteral("  ")).size(), 3);
    QVERIFY(history.search(kSandbox, kSiteA, QStringLiteral("practitioners")).isEmpty());
}

void TestQueryHistory::historyFileHoldsOnlyAllowedKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.json"));
    Halo::QueryHistory history(path);
    QVERIFY(history.record(kSandbox, kSiteA, entry("SELECT surname FROM patients", 1)));
    QVERIFY(history.record(kSandbox, kSiteB, entry("SELECT 1", 2, "immediate")));

    const QJsonObject root = QJsonDocument::fromJson(contentsOf(path)).object();
    QCOMPARE(keysOf(root), setOf({"version", "sites"}));
    const QJsonArray sites = root.value(QLatin1String("sites")).toArray();
    QCOMPARE(sites.size(), 2);
    for (const QJsonValue &site : sites) {
        QCOMPARE(keysOf(site.toObject()), setOf({"environment", "siteGuid", "entries"}));
        for (const QJsonValue &e : site.toObject().value(QLatin1String("entries")).toArray()) {
            // No data, no result, no parameters: only what describes the run.
            QCOMPARE(keysOf(e.toObject()),
                     setOf({"sql", "at", "mode", "executionMode", "status", "rows", "durationMs"}));
        }
    }
}

void TestQueryHistory::failedHistoryWriteLeavesOldFileIntact()
{
    QTemporaryDir dir;
    const QString path = unsavablePath(dir);
    const QByteArray old = R"({"version":1,"sites":[{"environment":"sandbox","siteGuid":")" +
                           kSiteA.toLatin1() +
                           R"(","entries":[{"sql":"SELECT old","at":"2025-03-04T09:00:00.000Z",)"
                           R"("mode":"async","executionMode":"reader","status":"successful",)"
                           R"("rows":1,"durationMs":5}]}]})";
    QVERIFY(writeFile(path, old));

    Halo::QueryHistory history(path);
    QVERIFY2(history.loadError().isEmpty(), qPrintable(history.loadError()));
    QCOMPARE(history.entries(kSandbox, kSiteA).size(), 1);
    QSignalSpy changed(&history, &Halo::QueryHistory::changed);
    QString error;
    QVERIFY(!history.record(kSandbox, kSiteA, entry("SELECT new", 30), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(contentsOf(path), old);
    QCOMPARE(changed.count(), 0);
    // The history in memory stays what the file says.
    QCOMPARE(history.entries(kSandbox, kSiteA).size(), 1);
    QCOMPARE(history.entries(kSandbox, kSiteA).constFirst().sql, QStringLiteral("SELECT old"));
}

void TestQueryHistory::invalidHistoryFileIsNeverOverwritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.json"));
    const QByteArray garbage = "{ this is not json";
    QVERIFY(writeFile(path, garbage));
    Halo::QueryHistory history(path);
    QVERIFY(!history.loadError().isEmpty());
    QVERIFY(history.isReadOnly());
    QString error;
    QVERIFY(!history.record(kSandbox, kSiteA, entry("SELECT 1", 1), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(contentsOf(path), garbage);
}

void TestQueryHistory::clearForgetsOneSiteOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.json"));
    Halo::QueryHistory history(path);
    QVERIFY(history.record(kSandbox, kSiteA, entry("SELECT a", 1)));
    QVERIFY(history.record(kSandbox, kSiteB, entry("SELECT b", 2)));
    QVERIFY(history.clear(kSandbox, kSiteA));
    QVERIFY(history.entries(kSandbox, kSiteA).isEmpty());
    QVERIFY(!contentsOf(path).contains("SELECT a"));
    QCOMPARE(Halo::QueryHistory(path).entries(kSandbox, kSiteB).size(), 1);
}

void TestQueryHistory::builtInsPerPmsArePresentAndReadOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snippets.json"));
    Halo::SnippetStore store(path);
    for (const QString &pms :
         {QStringLiteral("BestPractice"), QStringLiteral("Zedmed"), QStringLiteral("D4w")}) {
        const QList<Halo::Snippet> builtIns = Halo::SnippetStore::builtIns(pms);
        QVERIFY2(builtIns.size() >= 2, qPrintable(pms));
        bool sandboxExample = false;
        for (const Halo::Snippet &snippet : builtIns) {
            QVERIFY(snippet.builtIn);
            QCOMPARE(snippet.pmsType, pms);
            QVERIFY(!snippet.name.isEmpty() && !snippet.sql.isEmpty());
            sandboxExample = sandboxExample || snippet.runsOnSandbox;
        }
        QVERIFY2(sandboxExample, qPrintable(pms));
        QCOMPARE(store.snippetsFor(pms).size(), builtIns.size());
    }
    // Zedmed is Firebird: its examples speak that dialect.
    const QList<Halo::Snippet> zedmed = Halo::SnippetStore::builtIns(QStringLiteral("Zedmed"));
    QVERIFY(std::any_of(zedmed.cbegin(), zedmed.cend(), [](const Halo::Snippet &s) {
        return s.sql.contains(QLatin1String("FROM RDB$DATABASE"));
    }));
    QVERIFY(std::any_of(zedmed.cbegin(), zedmed.cend(), [](const Halo::Snippet &s) {
        return s.sql.startsWith(QLatin1String("SELECT FIRST "));
    }));

    const Halo::Snippet builtIn = zedmed.constFirst();
    QString error;
    QVERIFY(!store.remove(builtIn.name, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(
        !store.save({builtIn.name.toUpper(), QStringLiteral("DELETE FROM patients"), {}}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(Halo::SnippetStore::builtIns(QStringLiteral("Zedmed")).constFirst().sql, builtIn.sql);
    QVERIFY(!QFile::exists(path)); // built-ins are never written to the user's file
}

void TestQueryHistory::userSnippetsRoundTripAndFilterByPms()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/snippets.json"));
    {
        Halo::SnippetStore store(path);
        QSignalSpy changed(&store, &Halo::SnippetStore::changed);
        QString error;
        QVERIFY2(store.save({QStringLiteral("Zed only"), QStringLiteral("SELECT FIRST 1 * FROM X"),
                             QStringLiteral("Zedmed")},
                            &error),
                 qPrintable(error));
        QVERIFY(store.save({QStringLiteral("Any PMS"), QStringLiteral("SELECT 1"), QString()}));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!store.save({QStringLiteral("  "), QStringLiteral("SELECT 1"), {}}, &error));
        QVERIFY(!store.save({QStringLiteral("Empty"), QStringLiteral("  \n"), {}}, &error));
    }
    Halo::SnippetStore store(path);
    QCOMPARE(store.userSnippets().size(), 2);
    const QList<Halo::Snippet> bp = store.snippetsFor(QStringLiteral("BestPractice"));
    const int bpBuiltIns = int(Halo::SnippetStore::builtIns(QStringLiteral("BestPractice")).size());
    QCOMPARE(bp.size(), bpBuiltIns + 1);
    QCOMPARE(bp.constLast().name, QStringLiteral("Any PMS"));
    QVERIFY(!bp.constLast().builtIn);
    const QList<Halo::Snippet> zed = store.snippetsFor(QStringLiteral("Zedmed"));
    QCOMPARE(zed.size(), Halo::SnippetStore::builtIns(QStringLiteral("Zedmed")).size() + 2);
    QVERIFY(store.remove(QStringLiteral("zed ONLY")));
    QCOMPARE(Halo::SnippetStore(path).userSnippets().size(), 1);
}

void TestQueryHistory::savingUnderAnExistingNameReplacesIt()
{
    QTemporaryDir dir;
    Halo::SnippetStore store(dir.filePath(QStringLiteral("snippets.json")));
    QVERIFY(store.save({QStringLiteral("Mine"), QStringLiteral("SELECT 1"), {}}));
    QVERIFY(store.contains(QStringLiteral("MINE")));
    QVERIFY(store.save({QStringLiteral("mine"), QStringLiteral("SELECT 2"), {}}));
    QCOMPARE(store.userSnippets().size(), 1);
    QCOMPARE(store.userSnippets().constFirst().sql, QStringLiteral("SELECT 2"));
}

void TestQueryHistory::snippetFileHoldsOnlyAllowedKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("snippets.json"));
    Halo::SnippetStore store(path);
    QVERIFY(
        store.save({QStringLiteral("Mine"), QStringLiteral("SELECT 1"), QStringLiteral("D4w")}));
    const QJsonObject root = QJsonDocument::fromJson(contentsOf(path)).object();
    QCOMPARE(keysOf(root), setOf({"version", "snippets"}));
    const QJsonArray snippets = root.value(QLatin1String("snippets")).toArray();
    QCOMPARE(snippets.size(), 1);
    QCOMPARE(keysOf(snippets.at(0).toObject()), setOf({"name", "sql", "pmsType"}));
}

void TestQueryHistory::failedSnippetWriteLeavesOldFileIntact()
{
    QTemporaryDir dir;
    const QString path = unsavablePath(dir);
    const QByteArray old =
        R"({"version":1,"snippets":[{"name":"Old","sql":"SELECT old","pmsType":""}]})";
    QVERIFY(writeFile(path, old));
    Halo::SnippetStore store(path);
    QCOMPARE(store.userSnippets().size(), 1);
    QString error;
    QVERIFY(!store.save({QStringLiteral("New"), QStringLiteral("SELECT new"), {}}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store.remove(QStringLiteral("Old"), &error));
    QCOMPARE(contentsOf(path), old);
    QCOMPARE(store.userSnippets().size(), 1);
}

QTEST_GUILESS_MAIN(TestQueryHistory)
#include "tst_queryhistory.moc"
