// SPDX-License-Identifier: GPL-3.0-or-later
// Excel export (.xlsx) read back by a real reader (Python's openpyxl, tests/core/read_xlsx.py):
// numbers as numbers, booleans as booleans, dates as dates, NULL as an empty cell, text with
// XML's specials and Unicode as it was; streamed in chunks with progress, and a cancelled
// export leaves the existing file as it was.
#include "FailOnWarning.h"
#include "ResultTables.h"
#include "results/ResultExport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using Halo::ResultExport;

namespace {

// [[type, value], ...] per row, as read_xlsx.py prints them; fails the test when it cannot run.
QJsonArray readBack(const QString &path)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(HALO_SOURCE_DIR "/tests/core/read_xlsx.py"), path});
    if (!python.waitForFinished(120000) || python.exitCode() != 0) {
        QTest::qFail(python.readAllStandardError().constData(), __FILE__, __LINE__);
        return {};
    }
    const QJsonObject printed = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    return printed.value(QLatin1String("rows")).toArray();
}

QJsonArray cell(const char *type, const QJsonValue &value)
{
    return QJsonArray{QString::fromLatin1(type), value};
}

bool haveOpenpyxl()
{
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QStringLiteral("import openpyxl")});
    return probe.waitForFinished(30000) && probe.exitCode() == 0;
}

} // namespace

class TestResultExportXlsx : public QObject
{
    Q_OBJECT

private slots:
    void init() { HaloTest::failOnWarnings(); }
    void initTestCase()
    {
        if (!haveOpenpyxl())
            QSKIP("python3-openpyxl is missing (packaging/quickstart.sh installs it)");
    }

    void typedCellsReadBack()
    {
        // Ordinary literals: moc's tokenizer loses its way in raw strings with escaped quotes.
        const Halo::ResultTable table = tableFrom(
            "[{\"id\": 1, \"name\": \"Ann <b> & \\\"co\\\"\", \"price\": 2.5, \"active\": true, "
            "\"born\": \"1980-02-29\", \"seen\": \"2026-12-03T09:15:30\", \"note\": null},"
            "{\"id\": -9007199254740993, \"name\": \"Zo\\u00eb \\u738b\", \"price\": -0.125, "
            "\"active\": false, \"born\": \"2000-01-01\", \"seen\": \"2026-01-01T00:00:00Z\", "
            "\"note\": \"line\\nbreak\"}]");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("result.xlsx"));
        const ResultExport::Outcome outcome =
            ResultExport::writeFile(path, ResultExport::Format::Xlsx, table);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.rows, 2);
        QCOMPARE(ResultExport::suffix(ResultExport::Format::Xlsx), QStringLiteral("xlsx"));

        const QJsonArray rows = readBack(path);
        QCOMPARE(rows.size(), 3);
        const QJsonArray header = rows.at(0).toArray();
        QStringList names;
        for (const QJsonValue &value : header)
            names.append(value.toArray().at(1).toString());
        QCOMPARE(names, table.columns());

        const QJsonArray first = rows.at(1).toArray();
        QCOMPARE(first.at(0).toArray(), cell("int", 1));
        QCOMPARE(first.at(1).toArray(), cell("str", QStringLiteral("Ann <b> & \"co\"")));
        QCOMPARE(first.at(2).toArray(), cell("float", 2.5));
        QCOMPARE(first.at(3).toArray(), cell("bool", true));
        QCOMPARE(first.at(4).toArray(), cell("date", QStringLiteral("1980-02-29")));
        QCOMPARE(first.at(5).toArray(), cell("datetime", QStringLiteral("2026-12-03T09:15:30")));
        // NULL is an empty cell (openpyxl gives None, or no cell at the end of a row).
        QVERIFY(first.size() < 7 || first.at(6).toArray() == cell("none", QJsonValue::Null));

        const QJsonArray second = rows.at(2).toArray();
        // Beyond 2^53 a spreadsheet number would change: the exact digits stay text.
        QCOMPARE(second.at(0).toArray(), cell("str", QStringLiteral("-9007199254740993")));
        QCOMPARE(second.at(1).toArray(), cell("str", QStringLiteral("Zo\u00eb \u738b")));
        QCOMPARE(second.at(2).toArray(), cell("float", -0.125));
        QCOMPARE(second.at(3).toArray(), cell("bool", false));
        QCOMPARE(second.at(5).toArray(), cell("datetime", QStringLiteral("2026-01-01T00:00:00")));
        QCOMPARE(second.at(6).toArray(), cell("str", QStringLiteral("line\nbreak")));
    }

    void largeResultStreamsWithProgressAndCancelKeepsTheOldFile()
    {
        QByteArray json = "[";
        for (int i = 0; i < 60000; ++i)
            json += (i ? "," : "") + QByteArray("{\"n\":") + QByteArray::number(i) +
                    ",\"t\":\"row text number " + QByteArray::number(i) + "\"}";
        json += "]";
        const Halo::ResultTable table = tableFrom(json.constData());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.xlsx"));
        QList<qint64> steps;
        const ResultExport::Outcome outcome = ResultExport::writeFile(
            path, ResultExport::Format::Xlsx, table, {}, [&steps](qint64 done, qint64) {
                steps.append(done);
                return true;
            });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY2(steps.size() > 3, "progress is reported between chunks");
        const QJsonArray rows = readBack(path);
        QCOMPARE(rows.size(), 60001);
        QCOMPARE(rows.at(60000).toArray().at(0).toArray(), cell("int", 59999));

        // Cancelled half-way: the file from before is still there, whole.
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray old = before.readAll();
        before.close();
        const ResultExport::Outcome cancelled =
            ResultExport::writeFile(path, ResultExport::Format::Xlsx, table, {},
                                    [](qint64 done, qint64 total) { return done < total / 2; });
        QVERIFY(cancelled.cancelled);
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), old);
    }
};

QTEST_GUILESS_MAIN(TestResultExportXlsx)
#include "tst_resultexport_xlsx.moc"
