// Speed of SQL results, from bytes to a grid, against Python's standard library doing the same
// decoding in the same run:
//   (a) an 8 MB immediate query answer, from bytes in memory to a populated ResultTableModel;
//   (b) a 1,000,000-row async result as 100 pages: rows per second and peak memory;
//   (c) the longest stall of the GUI event loop while (b) streams into a visible grid.
// Usage: bench_results [--runs N] [--no-python]. Not a test: it prints figures and targets.

#include "results/ResultDecoder.h"
#include "results/ResultTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using Halo::DecodedResult;
using Halo::ResultDecoder;
using Halo::ResultTable;
using Halo::ResultTableModel;

namespace {

// ---- Realistic bodies, shaped like the sandbox's encoder: base64 of a JSON array of row
// objects, keys in SELECT order, inside the JSON answer of the API.

struct Random {
    quint64 state;
    quint64 next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    int below(int n) { return int(next() % quint64(n)); }
};

void appendInteger(std::string &out, long long value)
{
    char digits[24];
    out.append(digits, size_t(std::to_chars(digits, digits + sizeof digits, value).ptr - digits));
}

void appendTwoDigits(std::string &out, int value)
{
    out += char('0' + value / 10);
    out += char('0' + value % 10);
}

// `rows` rows of 9 columns: integers, reals, text with Unicode, quotes, backslashes and line
// breaks, dates, datetimes, booleans, and NULLs in five of the columns.
std::string rowsJson(long long firstId, int rows, quint64 seed)
{
    static const char *const surnames[] = {"Smith",
                                           "Nguy\xe1\xbb\x85n",
                                           "O'Brien",
                                           "M\xc3\xbcller",
                                           "Garc\xc3\xad"
                                           "a",
                                           "Brown",
                                           "Taylor",
                                           "Zhang \xe5\xbc\xa0",
                                           "Kowalski",
                                           "Wilson"};
    static const char *const notes[] = {
        "Follow-up in 2 weeks",
        "Patient said \\\"fine\\\" \xe2\x80\x94 no change",
        "Line one\\nLine two",
        "Allergic to penicillin; see notes",
        "",
        "Tab\\tseparated",
        "Emoji \xf0\x9f\x98\x80 ok",
        "Path C:\\\\clinic\\\\x",
        "Reviewed results with the patient; repeat bloods in three months.",
        "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\xa1\xe3\x83\xa2"};
    Random random{seed * 2654435761u + 7};
    std::string out;
    out.reserve(size_t(rows) * 210);
    out += '[';
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            out += ',';
        out += "{\"patient_id\":";
        appendInteger(out, firstId + r);
        out += ",\"surname\":\"";
        out += surnames[random.below(10)];
        out += "\",\"given_name\":";
        if (random.below(10) == 0) {
            out += "null";
        } else {
            out += "\"Alex";
            appendInteger(out, random.below(1000));
            out += '"';
        }
        out += ",\"date_of_birth\":";
        if (random.below(20) == 0) {
            out += "null";
        } else {
            out += '"';
            appendInteger(out, 1930 + random.below(90));
            out += '-';
            appendTwoDigits(out, 1 + random.below(12));
            out += '-';
            appendTwoDigits(out, 1 + random.below(28));
            out += '"';
        }
        out += ",\"last_visit\":\"2024-";
        appendTwoDigits(out, 1 + random.below(12));
        out += '-';
        appendTwoDigits(out, 1 + random.below(28));
        out += 'T';
        appendTwoDigits(out, random.below(24));
        out += ':';
        appendTwoDigits(out, random.below(60));
        out += ':';
        appendTwoDigits(out, random.below(60));
        out += ".";
        appendInteger(out, 100 + random.below(900));
        out += "\",\"balance\":";
        if (random.below(8) == 0) {
            out += "null";
        } else {
            appendInteger(out, random.below(100000));
            out += '.';
            appendTwoDigits(out, random.below(100));
        }
        out += ",\"visits\":";
        appendInteger(out, random.below(500));
        out += ",\"is_active\":";
        out += random.below(3) != 0 ? "true" : "false";
        out += ",\"notes\":";
        if (random.below(4) == 0) {
            out += "null";
        } else {
            out += '"';
            out += notes[random.below(10)];
            out += '"';
        }
        out += '}';
    }
    out += ']';
    return out;
}

// An immediate query's answer, as Halo (and the sandbox) sends it.
QByteArray immediateBody(const std::string &json, int rows)
{
    const QByteArray data = QByteArray::fromStdString(json).toBase64();
    return "{\"id\":\"5f0c1d2e-aaaa-4bbb-8ccc-0123456789ab\",\"mode\":\"immediate\","
           "\"result\":{\"data\":\"" +
           data + "\",\"parameters\":[],\"rows\":" + QByteArray::number(rows) +
           ",\"size\":" + QByteArray::number(qsizetype(json.size())) +
           "},\"siteId\":\"3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14\",\"status\":\"successful\"}";
}

// A page of an async result (GET .../results/{page}).
QByteArray pageBody(const std::string &json, int rows)
{
    return "{\"data\":\"" + QByteArray::fromStdString(json).toBase64() +
           "\",\"parameters\":[],\"rows\":" + QByteArray::number(rows) +
           ",\"size\":" + QByteArray::number(qsizetype(json.size())) + "}";
}

// ---- Measuring

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

template <typename Work> double medianMs(int runs, Work work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return medianOf(times);
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Starts a new peak: later VmHWM readings count from the memory in use now.
bool resetPeakMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// Python's figure, or a negative number when there is no python3.
double runPython(const QString &script, const QStringList &arguments)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return -1;
    QProcess process;
    process.start(python, QStringList{QStringLiteral("-c"), script} + arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "python3 failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    return process.readAllStandardOutput().trimmed().toDouble();
}

const char *const kPythonImmediate = R"PY(
import base64, json, statistics, sys, time
body = open(sys.argv[1], "rb").read()
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    json.loads(base64.b64decode(json.loads(body)["result"]["data"]))
    times.append(time.perf_counter() - start)
print(statistics.median(times) * 1000)
)PY";

const char *const kPythonPages = R"PY(
import base64, json, sys, time
pages = [line for line in open(sys.argv[1], "rb").read().split(b"\n") if line]
rows = 0
start = time.perf_counter()
for body in pages:
    rows += len(json.loads(base64.b64decode(json.loads(body)["data"])))
print(rows / (time.perf_counter() - start))
)PY";

// ---- Reporting

struct Line {
    QString figure;
    QString ours;
    QString baseline;
    QString ratio;
    QString target;
    QString verdict;
};

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

QString megabytes(double bytes)
{
    return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
}

QString rate(double rowsPerSecond)
{
    return QStringLiteral("%1 M rows/s").arg(rowsPerSecond / 1e6, 0, 'f', 2);
}

QString times(double ratio)
{
    return QStringLiteral("%1x").arg(ratio, 0, 'f', 2);
}

QString verdict(bool known, bool met)
{
    return !known ? QStringLiteral("n/a") : met ? QStringLiteral("met") : QStringLiteral("NOT MET");
}

void printTable(const std::vector<Line> &lines)
{
    const QStringList headers = {QStringLiteral("figure"),          QStringLiteral("Halo Explorer"),
                                 QStringLiteral("Python baseline"), QStringLiteral("ratio"),
                                 QStringLiteral("target"),          QStringLiteral("")};
    std::vector<qsizetype> widths;
    for (const QString &header : headers)
        widths.push_back(header.size());
    const auto cells = [](const Line &line) {
        return QStringList{line.figure, line.ours,   line.baseline,
                           line.ratio,  line.target, line.verdict};
    };
    for (const Line &line : lines) {
        const QStringList row = cells(line);
        for (size_t i = 0; i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(qsizetype(i)).size());
    }
    const auto print = [&](const QStringList &row) {
        QString text;
        for (size_t i = 0; i < widths.size(); ++i)
            text += row.at(qsizetype(i)).leftJustified(widths[i] + 2);
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        std::printf("%s\n", qPrintable(text));
    };
    print(headers);
    for (const Line &line : lines)
        print(cells(line));
}

// ---- (c): pages decoded on a worker, appended on the GUI thread into a visible grid.

struct StallFigures {
    double longestGapMs = 0;
    double longestAppendMs = 0;
    double rowsPerSecond = 0;
    int ticks = 0;
};

StallFigures streamIntoVisibleGrid(const std::vector<QByteArray> &pages)
{
    ResultTableModel model;
    QTableView view;
    view.setModel(&model);
    view.setSortingEnabled(false);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();

    StallFigures figures;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = clock.nsecsElapsed();
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        figures.longestGapMs = qMax(figures.longestGapMs, double(now - lastTick) / 1e6);
        lastTick = now;
        ++figures.ticks;
    });

    // One decoded page at a time waits for the GUI thread: a queue of them would be appended in
    // one go, between two timer ticks.
    QSemaphore room(1);
    std::atomic<int> appended{0};
    QEventLoop loop;
    QObject receiver;
    const auto start = clock.nsecsElapsed();
    // The worker decodes the next page while the GUI thread appends the last one. It runs at
    // idle priority, as decoding should in the application: the GUI thread always gets the CPU.
    std::unique_ptr<QThread> worker(QThread::create([&] {
        for (const QByteArray &body : pages) {
            auto decoded = std::make_shared<DecodedResult>(ResultDecoder::decodeResponseBody(body));
            room.acquire();
            QMetaObject::invokeMethod(
                &receiver,
                [&, decoded] {
                    QElapsedTimer append;
                    append.start();
                    model.appendPage(decoded->table);
                    figures.longestAppendMs =
                        qMax(figures.longestAppendMs, double(append.nsecsElapsed()) / 1e6);
                    room.release();
                    if (++appended == int(pages.size()))
                        loop.quit();
                },
                Qt::QueuedConnection);
        }
    }));
    worker->start(QThread::IdlePriority);
    ticker.start();
    lastTick = clock.nsecsElapsed();
    loop.exec();
    const double seconds = double(clock.nsecsElapsed() - start) / 1e9;
    ticker.stop();
    worker->wait();
    // The grid's last paint is part of the work.
    QCoreApplication::processEvents();
    figures.rowsPerSecond = model.totalRowCount() / seconds;
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype runsAt = arguments.indexOf(QStringLiteral("--runs"));
    const int runs = runsAt < 0 ? 15 : qMax(1, arguments.value(runsAt + 1).toInt());
    const bool python = !arguments.contains(QStringLiteral("--no-python"));
    QTemporaryDir scratch;
    std::vector<Line> lines;

    // (a)
    constexpr int kImmediateRows = 31000;
    const std::string immediateJson = rowsJson(1, kImmediateRows, 1);
    const QByteArray body = immediateBody(immediateJson, kImmediateRows);
    std::printf("(a) immediate answer: %d rows x 9 columns, JSON %s, body %s; median of %d runs\n",
                kImmediateRows, qPrintable(megabytes(double(immediateJson.size()))),
                qPrintable(megabytes(double(body.size()))), runs);
    int rowsSeen = 0;
    const double ours = medianMs(runs, [&] {
        ResultTableModel model;
        model.setTable(std::move(ResultDecoder::decodeResponseBody(body).table));
        rowsSeen = model.rowCount();
    });
    if (rowsSeen != kImmediateRows)
        qFatal("decoded %d rows, expected %d", rowsSeen, kImmediateRows);
    // For comparison: the path through QJsonDocument for the envelope, and a straightforward
    // QJsonDocument + QVariant decode of everything.
    const double viaQJsonEnvelope = medianMs(qMax(3, runs / 3), [&] {
        const QByteArray data = QJsonDocument::fromJson(body)
                                    .object()
                                    .value(QLatin1String("result"))
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toString()
                                    .toLatin1();
        ResultTableModel model;
        model.setTable(std::move(ResultDecoder::decode(data).table));
    });
    const double naive = medianMs(qMax(3, runs / 3), [&] {
        const QByteArray data = QJsonDocument::fromJson(body)
                                    .object()
                                    .value(QLatin1String("result"))
                                    .toObject()
                                    .value(QLatin1String("data"))
                                    .toString()
                                    .toLatin1();
        const QVariantList rows =
            QJsonDocument::fromJson(QByteArray::fromBase64(data)).array().toVariantList();
        rowsSeen = int(rows.size());
    });
    double pythonMs = -1;
    if (python) {
        const QString path = scratch.filePath(QStringLiteral("immediate.json"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(body) == body.size()) {
            file.close();
            pythonMs = runPython(QString::fromUtf8(kPythonImmediate),
                                 {path, QString::number(qMax(3, runs / 2))});
        }
    }
    const bool pythonKnown = pythonMs > 0;
    lines.push_back({QStringLiteral("(a) 8 MB body -> populated model"), ms(ours),
                     pythonKnown ? ms(pythonMs) : QStringLiteral("n/a"),
                     pythonKnown ? times(pythonMs / ours) + QStringLiteral(" faster") : QString(),
                     QStringLiteral(">= 3x faster"), verdict(pythonKnown, pythonMs >= 3 * ours)});
    lines.push_back({QStringLiteral("    same, QJsonDocument for the envelope"),
                     ms(viaQJsonEnvelope), QString(), QString(), QString(),
                     QStringLiteral("(for comparison)")});
    lines.push_back({QStringLiteral("    QJsonDocument + QVariant for all"), ms(naive), QString(),
                     QString(), QString(), QStringLiteral("(for comparison)")});

    // (b)
    constexpr int kPages = 100;
    constexpr int kRowsPerPage = 10000;
    std::printf("(b) generating %d pages of %d rows...\n", kPages, kRowsPerPage);
    std::vector<QByteArray> pages;
    qint64 jsonBytes = 0;
    for (int page = 0; page < kPages; ++page) {
        const std::string json =
            rowsJson(qint64(page) * kRowsPerPage + 1, kRowsPerPage, quint64(page) + 100);
        jsonBytes += qint64(json.size());
        pages.push_back(pageBody(json, kRowsPerPage));
    }
    qint64 bodyBytes = 0;
    for (const QByteArray &page : pages)
        bodyBytes += page.size();
    std::printf("    decoded JSON %s, page bodies %s, %d decoding threads\n",
                qPrintable(megabytes(double(jsonBytes))), qPrintable(megabytes(double(bodyBytes))),
                QThread::idealThreadCount());

    // Median of three loads; the peak is the largest growth of the three.
    constexpr int kPageRuns = 3;
    bool peakKnown = true;
    qint64 peakGrowthKb = 0;
    qint64 modelBytes = 0;
    std::vector<double> pageSeconds;
    std::vector<double> filterMs;
    double sortMs = 0;
    for (int run = 0; run < kPageRuns; ++run) {
        peakKnown = resetPeakMemory() && peakKnown;
        const qint64 rssBeforeKb = statusKb("VmRSS:");
        {
            QThreadPool pool;
            pool.setMaxThreadCount(QThread::idealThreadCount());
            const size_t ahead = size_t(2 * pool.maxThreadCount());
            std::vector<QFuture<DecodedResult>> decoding(pages.size());
            QElapsedTimer timer;
            timer.start();
            ResultTableModel model;
            for (size_t i = 0; i < qMin(ahead, pages.size()); ++i)
                decoding[i] =
                    QtConcurrent::run(&pool, &ResultDecoder::decodeResponseBody, pages[i]);
            for (size_t i = 0; i < pages.size(); ++i) {
                const DecodedResult page = decoding[i].result();
                decoding[i] = QFuture<DecodedResult>();
                if (i + ahead < pages.size())
                    decoding[i + ahead] = QtConcurrent::run(
                        &pool, &ResultDecoder::decodeResponseBody, pages[i + ahead]);
                model.appendPage(page.table);
            }
            pageSeconds.push_back(double(timer.nsecsElapsed()) / 1e9);
            if (model.totalRowCount() != kPages * kRowsPerPage)
                qFatal("loaded %d rows", model.totalRowCount());
            modelBytes = model.memoryUsed();
            if (run == kPageRuns - 1) {
                // (d) what one keystroke in the result filter costs on this many rows
                for (const QString &text : {QStringLiteral("a"), QStringLiteral("ab"),
                                            QStringLiteral("no such text"), QString()}) {
                    QElapsedTimer filterTimer;
                    filterTimer.start();
                    model.setFilter(text);
                    filterMs.push_back(double(filterTimer.nsecsElapsed()) / 1e6);
                }
                QElapsedTimer sortTimer;
                sortTimer.start();
                model.sort(1);
                sortMs = double(sortTimer.nsecsElapsed()) / 1e6;
                model.sort(-1);
            }
        }
        peakGrowthKb = qMax(peakGrowthKb, statusKb("VmHWM:") - rssBeforeKb);
    }
    const double rowsPerSecond = kPages * kRowsPerPage / medianOf(pageSeconds);
    double pythonRowsPerSecond = -1;
    if (python) {
        const QString path = scratch.filePath(QStringLiteral("pages.txt"));
        QFile file(path);
        bool written = file.open(QIODevice::WriteOnly);
        for (const QByteArray &page : pages)
            written = written && file.write(page + '\n') == page.size() + 1;
        file.close();
        std::vector<double> rates;
        for (int run = 0; written && run < kPageRuns; ++run)
            rates.push_back(runPython(QString::fromUtf8(kPythonPages), {path}));
        pythonRowsPerSecond = medianOf(rates);
        if (rates.empty() || *std::min_element(rates.begin(), rates.end()) <= 0)
            pythonRowsPerSecond = -1;
        file.remove();
    }
    const bool pythonRateKnown = pythonRowsPerSecond > 0;
    lines.push_back({QStringLiteral("(b) 1,000,000 rows in 100 pages (median of 3)"),
                     rate(rowsPerSecond),
                     pythonRateKnown ? rate(pythonRowsPerSecond) : QStringLiteral("n/a"),
                     pythonRateKnown ? times(rowsPerSecond / pythonRowsPerSecond) : QString(),
                     QStringLiteral(">= 5x"),
                     verdict(pythonRateKnown, rowsPerSecond >= 5 * pythonRowsPerSecond)});
    const double peakBytes = double(peakGrowthKb) * 1024;
    lines.push_back({QStringLiteral("(b) peak memory growth (VmHWM)"),
                     peakKnown ? megabytes(peakBytes) : QStringLiteral("n/a"),
                     QStringLiteral("JSON ") + megabytes(double(jsonBytes)),
                     peakKnown ? times(peakBytes / double(jsonBytes)) : QString(),
                     QStringLiteral("< 2x JSON"),
                     verdict(peakKnown, peakBytes < 2.0 * double(jsonBytes))});
    lines.push_back({QStringLiteral("    model's own count of its bytes"),
                     megabytes(double(modelBytes)), QString(),
                     times(double(modelBytes) / double(jsonBytes)), QString(),
                     QStringLiteral("(for comparison)")});

    lines.push_back({QStringLiteral("(d) result filter, one keystroke, 1,000,000 rows"),
                     ms(*std::max_element(filterMs.begin(), filterMs.end())), QString(), QString(),
                     QString(), QStringLiteral("(slowest of 4; the app runs it on a worker)")});
    lines.push_back({QStringLiteral("(d) sort 1,000,000 rows by column 2"), ms(sortMs), QString(),
                     QString(), QString(), QStringLiteral("(GUI thread)")});

    // (c)
    std::printf("(c) streaming the same pages into a visible grid (platform %s)...\n",
                qPrintable(QGuiApplication::platformName()));
    const StallFigures stall = streamIntoVisibleGrid(pages);
    lines.push_back({QStringLiteral("(c) longest GUI event-loop stall"), ms(stall.longestGapMs),
                     QString(), QString(), QStringLiteral("< 30 ms"),
                     verdict(true, stall.longestGapMs < 30)});
    lines.push_back({QStringLiteral("    longest appendPage() on the GUI thread"),
                     ms(stall.longestAppendMs), QString(), QString(), QString(),
                     QStringLiteral("(for comparison)")});
    lines.push_back({QStringLiteral("    rows/s into the visible grid"), rate(stall.rowsPerSecond),
                     QString(), QString(), QString(),
                     QStringLiteral("(%1 timer ticks)").arg(stall.ticks)});

    std::printf("\n");
    printTable(lines);
    return 0;
}
