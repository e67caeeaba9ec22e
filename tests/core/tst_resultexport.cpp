// SPDX-License-Identifier: GPL-3.0-or-later
// Copying and exporting results: TSV of a selection, exact CSV and JSON, chunks with progress,
// cancelling, failures that leave the existing file, and export on a worker thread.
#include "FailOnWarning.h"
#include "ResultTables.h"
#include "results/ResultExport.h"
#include "results/ResultTable.h"
#include "results/ResultTableModel.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using Halo::ExportSelection;
using Halo::ResultExport;
using Halo::ResultTable;
using Halo::ResultTableModel;

namespace {

// A field as read from CSV: its text, and whether it was quoted (so "" is not NULL).
struct CsvField {
    QString text;
    bool quoted = false;
};

// RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold anything with
// quotes doubled. Returns nothing when the text breaks the grammar.
std::optional<QList<QList<CsvField>>> parseCsv(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    QList<QList<CsvField>> records;
    QList<CsvField> record;
    qsizetype i = 0;
    while (i < text.size()) {
        CsvField field;
        if (text.at(i) == QLatin1Char('"')) {
            field.quoted = true;
            ++i;
            while (true) {
                if (i >= text.size())
                    return std::nullopt; // unterminated
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                        field.text += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.text += text.at(i++);
            }
        } else {
            while (i < text.size() && text.at(i) != QLatin1Char(',') &&
                   text.at(i) != QLatin1Char('\r')) {
                if (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\n'))
                    return std::nullopt; // must have been quoted
                field.text += text.at(i++);
            }
        }
        record.append(field);
        if (i < text.size() && text.at(i) == QLatin1Char(',')) {
            ++i;
            continue;
        }
        if (text.mid(i, 2) != QLatin1String("\r\n"))
            return std::nullopt;
        i += 2;
        records.append(record);
        record.clear();
    }
    return records;
}

// One column of text and 100,000 rows: several megabytes of output.
ResultTable bigTable(int rows)
{
    ResultTable table;
    table.addColumn(QStringLiteral("id"));
    table.addColumn(QStringLiteral("text"));
    for (int row = 0; row < rows; ++row) {
        table.addRow();
        table.setInteger(0, row);
        table.setText(1, "some text, with a comma and \"quotes\"");
    }
    return table;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("<missing>");
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// Raw strings stay on one line and hold no backslash: moc 6.4 loses track of them otherwise.
const char *const kTricky =
    "[{\"id\":1,\"name\":\"a,b\",\"note\":null,\"empty\":\"\",\"real\":2.5,\"flag\":true},"
    "{\"id\":2,\"name\":\"say \\\"hi\\\"\",\"note\":\"l1\\nl2\",\"empty\":\" x\",\"real\":3.0,"
    "\"flag\":false}]";

} // namespace

class TestResultExport : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void copiesASelectionAsTsvWithHeaders();
    void writesExactCsv();
    void csvReadsBackTrickyValues();
    void writesExactJsonWithTypedValues();
    void makesRepeatedJsonKeysUnique();
    void exportsInChunksWithProgress();
    void cancelledExportLeavesTheExistingFile();
    void failedExportReportsAndLeavesTheExistingFile();
    void exportsOnAWorkerThreadAndCanBeCancelled();
    void copiesTsvOnAWorkerThreadWithProgressAndCancel();
};

void TestResultExport::copiesASelectionAsTsvWithHeaders()
{
    ResultTableModel model;
    model.setTable(tableFrom(kTricky));
    QCOMPARE(ResultExport::toTsv(model.table()),
             QStringLiteral("id\tname\tnote\tempty\treal\tflag\n"
                            "1\ta,b\t\t\t2.5\ttrue\n"
                            "2\t\"say \"\"hi\"\"\"\t\"l1\nl2\"\t"
                            " x\t3.0\tfalse\n"));
    // Rows as shown (sorted), only the selected columns, left to right.
    model.sort(0, Qt::DescendingOrder);
    QItemSelection selection;
    selection.select(model.index(0, 4), model.index(1, 4));
    selection.select(model.index(0, 0), model.index(0, 0));
    const ExportSelection cells = model.cellsOf(selection);
    QCOMPARE(*cells.rows, std::vector<int>({1, 0}));
    QCOMPARE(*cells.columns, std::vector<int>({0, 4}));
    QCOMPARE(ResultExport::toTsv(model.table(), cells),
             QStringLiteral("id\treal\n2\t3.0\n1\t2.5\n"));
}

void TestResultExport::writesExactCsv()
{
    QCOMPARE(ResultExport::toCsv(tableFrom(kTricky)),
             QByteArray("id,name,note,empty,real,flag\r\n"
                        "1,\"a,b\",,\"\",2.5,true\r\n"
                        "2,\"say \"\"hi\"\"\",\"l1\nl2\",\" x\",3.0,false\r\n"));
    ExportSelection cells;
    cells.rows = std::vector<int>{};
    QCOMPARE(ResultExport::toCsv(tableFrom(kTricky), cells),
             QByteArray("id,name,note,empty,real,flag\r\n"));
}

void TestResultExport::csvReadsBackTrickyValues()
{
    const QStringList values = {
        QStringLiteral("plain"),      QStringLiteral("a,b"),
        QStringLiteral("\"quoted\""), QStringLiteral("line\nbreak"),
        QStringLiteral("cr\r\nlf"),   QStringLiteral(" leading"),
        QStringLiteral("trailing "),  QStringLiteral("tab\tinside"),
        QStringLiteral("Zhang 张 😀"), QStringLiteral("=1+1"),
        QStringLiteral(""),           QStringLiteral("\""),
        QStringLiteral(",,,"),        QStringLiteral("2024-02-29"),
    };
    ResultTable table;
    table.addColumn(QStringLiteral("text, with comma"));
    table.addColumn(QStringLiteral("number"));
    for (const QString &value : values) {
        table.addRow();
        table.setText(0, value.toUtf8());
        table.setReal(1, -0.5);
    }
    table.addRow(); // NULLs
    const std::optional<QList<QList<CsvField>>> records = parseCsv(ResultExport::toCsv(table));
    QVERIFY(records);
    QCOMPARE(records->size(), values.size() + 2);
    QCOMPARE(records->at(0).at(0).text, QStringLiteral("text, with comma"));
    for (int i = 0; i < values.size(); ++i) {
        const QList<CsvField> &record = records->at(i + 1);
        QCOMPARE(record.size(), 2);
        QCOMPARE(record.at(0).text, values.at(i));
        QVERIFY(!record.at(0).text.isEmpty() || record.at(0).quoted); // "" is not NULL
        QCOMPARE(record.at(1).text, QStringLiteral("-0.5"));
    }
    const QList<CsvField> &nulls = records->last();
    QCOMPARE(nulls.size(), 2);
    QVERIFY(nulls.at(0).text.isEmpty() && !nulls.at(0).quoted);
    QVERIFY(nulls.at(1).text.isEmpty() && !nulls.at(1).quoted);
}

void TestResultExport::writesExactJsonWithTypedValues()
{
    const QByteArray json = ResultExport::toJson(tableFrom(kTricky));
    QCOMPARE(json,
             QByteArray("[\n{\"id\":1,\"name\":\"a,b\",\"note\":null,\"empty\":\"\",\"real\":2.5,"
                        "\"flag\":true},\n{\"id\":2,\"name\":\"say \\\"hi\\\"\",\"note\":"
                        "\"l1\\nl2\",\"empty\":\" x\",\"real\":3.0,\"flag\":false}\n]\n"));
    const QJsonArray rows = QJsonDocument::fromJson(json).array();
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.at(0).toObject().value(QLatin1String("id")).isDouble());
    QVERIFY(rows.at(0).toObject().value(QLatin1String("note")).isNull());
    QVERIFY(rows.at(0).toObject().value(QLatin1String("flag")).isBool());
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("note")).toString(),
             QStringLiteral("l1\nl2"));

    // What the decoder reads back is what was exported.
    const ResultTable again = tableFrom(json.constData());
    const ResultTable original = tableFrom(kTricky);
    QCOMPARE(again.columns(), original.columns());
    for (int row = 0; row < original.rowCount(); ++row) {
        for (int c = 0; c < original.columnCount(); ++c)
            QVERIFY(again.cell(row, c) == original.cell(row, c));
    }

    ResultTable controls;
    controls.addColumn(QStringLiteral("c"));
    controls.addRow();
    controls.setText(0, QByteArray("\x01 tab\t \xE2\x80\xA8 \\", 12));
    controls.addColumn(QStringLiteral("big"));
    controls.setNumberText(1, "123456789012345678901234567890");
    QCOMPARE(ResultExport::toJson(controls),
             QByteArray("[\n{\"c\":\"\\u0001 tab\\t \\u2028 \\\\\",\"big\":"
                        "123456789012345678901234567890}\n]\n"));
    QCOMPARE(ResultExport::toJson(ResultTable()), QByteArray("[]\n"));
}

void TestResultExport::makesRepeatedJsonKeysUnique()
{
    ResultTable table = tableFrom(R"({"columns":["x","x","x_2"],"rows":[[1,2,3]]})");
    QCOMPARE(ResultExport::toJson(table), QByteArray("[\n{\"x\":1,\"x_3\":2,\"x_2\":3}\n]\n"));
}

void TestResultExport::exportsInChunksWithProgress()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    const ResultTable table = bigTable(100000);
    QList<QPair<qint64, qint64>> calls;
    const ResultExport::Outcome outcome = ResultExport::writeFile(
        path, ResultExport::Format::Csv, table, {}, [&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        });
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.rows, qint64(100000));
    QVERIFY(calls.size() >= 4); // the start, some chunks, the end
    QCOMPARE(calls.first(), qMakePair(qint64(0), qint64(100000)));
    QCOMPARE(calls.last(), qMakePair(qint64(100000), qint64(100000)));
    for (int i = 1; i < calls.size(); ++i)
        QVERIFY(calls.at(i).first >= calls.at(i - 1).first);
    const QByteArray written = readFile(path);
    QCOMPARE(qint64(written.size()), outcome.bytes);
    QCOMPARE(written, ResultExport::toCsv(table));
}

void TestResultExport::cancelledExportLeavesTheExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("result.json"));
    writeFile(path, "old content");
    int calls = 0;
    const ResultExport::Outcome outcome =
        ResultExport::writeFile(path, ResultExport::Format::Json, bigTable(100000), {},
                                [&](qint64 done, qint64) { return ++calls < 2 || done == 0; });
    QVERIFY(outcome.cancelled);
    QVERIFY(!outcome.ok);
    QVERIFY(outcome.error.isEmpty());
    QCOMPARE(readFile(path), QByteArray("old content"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList({"result.json"}));
}

void TestResultExport::failedExportReportsAndLeavesTheExistingFile()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/out.csv"));
    ResultExport::Outcome outcome =
        ResultExport::writeFile(missing, ResultExport::Format::Csv, tableFrom(kTricky));
    QVERIFY(!outcome.ok);
    QVERIFY(!outcome.cancelled);
    QVERIFY(outcome.error.contains(QStringLiteral("out.csv")));

    // A directory in the way: the write fails, and what was there stays.
    const QString blocked = dir.filePath(QStringLiteral("blocked"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("blocked")));
    outcome = ResultExport::writeFile(blocked, ResultExport::Format::Csv, tableFrom(kTricky));
    QVERIFY(!outcome.ok);
    QVERIFY(QFileInfo(blocked).isDir());
}

void TestResultExport::exportsOnAWorkerThreadAndCanBeCancelled()
{
    QTemporaryDir dir;
    ResultTableModel model;
    model.setTable(bigTable(200000));
    model.sort(0, Qt::DescendingOrder);

    const QString path = dir.filePath(QStringLiteral("all.tsv"));
    QFutureWatcher<ResultExport::Outcome> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(ResultExport::writeFileAsync(path, ResultExport::Format::Tsv,
                                                   model.snapshot(), model.shownCells()));
    model.appendPage(bigTable(10)); // the export keeps reading its snapshot
    QVERIFY(finished.wait(60000));
    const ResultExport::Outcome outcome = watcher.result();
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.rows, qint64(200000));
    QCOMPARE(watcher.progressMaximum(), 200000);
    QVERIFY(!progress.isEmpty());
    const QByteArray written = readFile(path);
    QVERIFY(written.startsWith("id\ttext\n199999\t"));
    QCOMPARE(written.count('\n'), qsizetype(200001));

    writeFile(path, "kept");
    QFuture<ResultExport::Outcome> future = ResultExport::writeFileAsync(
        path, ResultExport::Format::Csv, model.snapshot(), model.shownCells());
    future.cancel();
    future.waitForFinished();
    QCOMPARE(readFile(path), QByteArray("kept"));
}

// A large copy: the same TSV as toTsv(), written on a worker with progress, or nothing when
// cancelled.
void TestResultExport::copiesTsvOnAWorkerThreadWithProgressAndCancel()
{
    ResultTableModel model;
    model.setTable(bigTable(200000));
    model.sort(0, Qt::DescendingOrder);
    const QString expected = ResultExport::toTsv(model.table(), model.shownCells());

    QList<qint64> calls;
    const std::optional<QString> direct =
        ResultExport::toTsv(model.table(), model.shownCells(), [&](qint64 done, qint64 total) {
            calls.append(done);
            return total == 200000;
        });
    QVERIFY(direct);
    QCOMPARE(*direct, expected);
    QVERIFY(calls.size() >= 3);
    QCOMPARE(calls.last(), qint64(200000));
    QVERIFY(!ResultExport::toTsv(model.table(), {}, [](qint64 done, qint64) { return done == 0; }));

    QFutureWatcher<QString> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(ResultExport::toTsvAsync(model.snapshot(), model.shownCells()));
    model.appendPage(bigTable(10)); // the copy keeps reading its snapshot
    QVERIFY(finished.wait(60000));
    QCOMPARE(watcher.future().resultCount(), 1);
    QCOMPARE(watcher.result(), expected);
    QCOMPARE(watcher.progressMaximum(), 200000);
    QVERIFY(!progress.isEmpty());

    QFuture<QString> cancelled = ResultExport::toTsvAsync(model.snapshot(), model.shownCells());
    cancelled.cancel();
    cancelled.waitForFinished();
    QCOMPARE(cancelled.resultCount(), 0);
}

QTEST_GUILESS_MAIN(TestResultExport)
#include "tst_resultexport.moc"
