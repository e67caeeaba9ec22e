// halo-cli's result path end to end, against the tools a script would otherwise use, in one run:
//   halo-cli --base-url URL query GUID --format csv SQL > file
//   curl ... | jq -r .result.data | base64 -d | jq -r '... @csv' > file
//   python3 bench_cli.py URL SQL > file   (urllib, json, base64, csv)
// One halo-sandbox process answers the query once; its answer (about 8 MB) is then served, as
// sent, by a small server in this process, so every run measures the client alone. Prints median
// wall times, the ratio to halo-cli, peak memory against the body's size, and where halo-cli's
// time goes. The three outputs must hold the same rows: the bench checks before timing.
// Usage: bench_cli [--runs N] [--rows N] [--keep DIR] [--also-cli PATH-OF-ANOTHER-BUILD]. Linux
// only (sockets, posix_spawn, wait4).

#include "CliHarness.h"
#include "Console.h"
#include "QueryOutput.h"
#include "results/ResultDecoder.h"
#include "sql/QueryTypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

const char kSite[] = "3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14"; // a sample site of the sandbox
const char kKey[] = "bench-cli-key";

// Appointments with their patients, repeated to the size wanted: integers, reals, dates,
// datetimes, text with quotes, line breaks and Unicode, and NULLs.
QString querySql(int rows)
{
    return QStringLiteral(
               "SELECT TOP %1 a.id AS appointment_id, k.n AS copy, a.patient_id, p.title, "
               "p.first_name, p.surname, p.date_of_birth, p.sex, a.start_time, a.duration_min, "
               "a.status, a.reason, a.fee, p.balance, p.suburb, p.phone_mobile, p.notes "
               "FROM appointments a JOIN patients p ON p.id = a.patient_id CROSS JOIN "
               "(SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
               "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8) k "
               "ORDER BY k.n, a.id")
        .arg(rows);
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// ---- The answer, once, from halo-sandbox.

QByteArray askSandbox(const QString &baseUrl, const QString &sql, QString *why)
{
    Halo::QueryCommand command;
    command.text = sql;
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(baseUrl + QStringLiteral("/integrator/sites/") +
                                 QLatin1String(kSite) + QStringLiteral("/queries/immediate")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Ocp-Apim-Subscription-Key", kKey);
    QNetworkReply *reply =
        network.post(request, QJsonDocument(command.bodyJson()).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    if (status != 200) {
        *why = QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(300)));
        return {};
    }
    return body;
}

// ---- A server that answers every POST to .../queries/immediate with one canned body, on its
// own thread with blocking sockets, so that it never waits for the bench's main thread.

class CannedServer
{
public:
    ~CannedServer() { stop(); }

    bool listen()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_listener < 0 ||
            ::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::listen(m_listener, 16) != 0)
            return false;
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
        return true;
    }

    void stop()
    {
        if (m_listener < 0)
            return;
        m_stopping = true;
        ::shutdown(m_listener, SHUT_RDWR); // wakes accept()
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_listener);
        m_listener = -1;
    }

    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    void setBody(const QByteArray &body)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_body = body;
    }
    int refused() const { return m_refused; }

private:
    void serve()
    {
        while (!m_stopping) {
            const int connection = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection < 0)
                continue;
            answer(connection);
            ::shutdown(connection, SHUT_WR);
            char rest[256];
            while (::recv(connection, rest, sizeof rest, 0) > 0) {
            }
            ::close(connection);
        }
    }

    void answer(int connection)
    {
        QByteArray request;
        char chunk[16384];
        qsizetype headerEnd = -1;
        qsizetype contentLength = 0;
        while (true) {
            if (headerEnd < 0 && (headerEnd = request.indexOf("\r\n\r\n")) >= 0) {
                const QList<QByteArray> lines = request.left(headerEnd).split('\n');
                for (const QByteArray &line : lines) {
                    if (line.toLower().startsWith("content-length:"))
                        contentLength = line.mid(15).trimmed().toLongLong();
                }
            }
            if (headerEnd >= 0 && request.size() >= headerEnd + 4 + contentLength)
                break;
            const ssize_t got = ::recv(connection, chunk, sizeof chunk, 0);
            if (got <= 0)
                return;
            request.append(chunk, got);
        }
        const QList<QByteArray> lines = request.left(headerEnd).split('\n');
        bool keyed = false;
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            keyed = keyed || (colon > 0 &&
                              line.left(colon).trimmed().toLower() == "ocp-apim-subscription-key" &&
                              line.mid(colon + 1).trimmed() == kKey);
        }
        const bool immediate =
            lines.first().startsWith("POST ") && lines.first().contains("/queries/immediate ");
        QByteArray body;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            body = m_body;
        }
        QByteArray status = "200 OK";
        if (!keyed || !immediate) {
            ++m_refused;
            status = keyed ? "404 Not Found" : "401 Unauthorized";
            body = "{\"message\":\"refused by bench_cli's server\"}";
        }
        const QByteArray head = "HTTP/1.1 " + status +
                                "\r\nContent-Type: application/json; charset=utf-8\r\n"
                                "Content-Length: " +
                                QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
        sendAll(connection, head) && sendAll(connection, body);
    }

    static bool sendAll(int connection, const QByteArray &bytes)
    {
        for (qsizetype sent = 0; sent < bytes.size();) {
            const ssize_t n = ::send(connection, bytes.constData() + sent,
                                     size_t(bytes.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    int m_listener = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_refused{0};
    std::mutex m_mutex;
    QByteArray m_body;
};

// ---- One process run, through bench_cli_run (see there why): wall time from its start to its
// exit, and the kernel's account of its CPU time and peak resident memory.

struct Run {
    bool ok = false;
    double wallMs = 0;
    double cpuMs = 0;
    double maxRssMb = 0;
};

Run runProcess(const QStringList &arguments, const QStringList &extraEnvironment,
               const QString &outFile, const QString &errFile)
{
    const QString report = outFile + QStringLiteral(".run");
    std::vector<std::string> argStrings{HALO_BENCH_RUN_EXE, outFile.toStdString(),
                                        errFile.toStdString()};
    for (const QString &argument : arguments)
        argStrings.push_back(argument.toStdString());
    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e)
        envStrings.emplace_back(*e);
    for (const QString &entry : extraEnvironment)
        envStrings.push_back(entry.toStdString());
    std::vector<char *> argv;
    for (std::string &s : argStrings)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (std::string &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    const QByteArray reportPath = report.toLocal8Bit();
    posix_spawn_file_actions_addopen(&files, 1, reportPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    Run run;
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    int status = 0;
    if (spawned != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
        return run;
    QFile file(report);
    if (!file.open(QIODevice::ReadOnly))
        return run;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() != 4)
        return run;
    run.ok = fields.at(0) == "0";
    run.wallMs = fields.at(1).toDouble() / 1e3;
    run.cpuMs = fields.at(2).toDouble() / 1e3;
    run.maxRssMb = fields.at(3).toDouble() / 1024.0; // kilobytes on Linux
    return run;
}

// ---- The rows each contender wrote, read back as RFC 4180.

struct Field {
    QByteArray text;
    bool quoted = false;
    bool isNull() const { return text.isEmpty() && !quoted; }
};
using Records = std::vector<std::vector<Field>>;

Records parseCsv(const QByteArray &text)
{
    Records records;
    std::vector<Field> record;
    Field field;
    bool inQuotes = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inQuotes) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"')
                field.text += text.at(++i);
            else if (c == '"')
                inQuotes = false;
            else
                field.text += c;
        } else if (c == '"') {
            inQuotes = field.quoted = true;
        } else if (c == ',' || (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n') ||
                   c == '\n') {
            record.push_back(field);
            field = Field();
            if (c != ',') {
                records.push_back(std::move(record));
                record.clear();
                i += c == '\r' ? 1 : 0;
            }
        } else {
            field.text += c;
        }
    }
    return records;
}

// Same value: the same text, or numbers equal as doubles (jq writes 12.0 as 12 and may write
// 0.1 with 17 digits). `foldNull`: the writer cannot tell NULL from "" (Python's csv).
bool sameField(const Field &a, const Field &b, bool foldNull)
{
    if (a.isNull() != b.isNull() && !(foldNull && a.text.isEmpty() && b.text.isEmpty()))
        return false;
    if (a.text == b.text)
        return true;
    bool okA = false;
    bool okB = false;
    const double x = a.text.toDouble(&okA);
    const double y = b.text.toDouble(&okB);
    return okA && okB && x == y;
}

QString compareRows(const Records &reference, const Records &other, bool foldNull)
{
    if (reference.size() != other.size())
        return QStringLiteral("%1 records, not %2").arg(other.size()).arg(reference.size());
    for (size_t r = 0; r < reference.size(); ++r) {
        if (reference[r].size() != other[r].size())
            return QStringLiteral("record %1 has %2 fields, not %3")
                .arg(r)
                .arg(other[r].size())
                .arg(reference[r].size());
        for (size_t c = 0; c < reference[r].size(); ++c) {
            if (!sameField(reference[r][c], other[r][c], foldNull))
                return QStringLiteral("record %1 field %2: '%3' against '%4'")
                    .arg(r)
                    .arg(c)
                    .arg(QString::fromUtf8(other[r][c].text),
                         QString::fromUtf8(reference[r][c].text));
        }
    }
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Wall times mean little on a machine busy with other work: say how busy it was.
QByteArray loadAverage()
{
    const QList<QByteArray> fields = readFile(QStringLiteral("/proc/loadavg")).split(' ');
    return fields.size() >= 3 ? fields.mid(0, 3).join(' ') + '\n' : QByteArray("unknown\n");
}

struct Contender {
    QString name;
    QStringList arguments;
    bool foldNull = false;
    QString missing; // why it cannot run here
    std::vector<Run> runs;
    std::vector<Run> smallRuns;
};

// ---- Where halo-cli's time goes inside the process, on the same bytes.

template <typename F> double medianMs(int runs, F &&work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

void printStages(const QByteArray &body, const QString &scratch, int runs)
{
    std::printf("\nInside halo-cli, on the same body (median of %d):\n", runs);
    const double envelope = medianMs(runs, [&body] {
        const Halo::QueryInfo info =
            Halo::QueryInfo::fromJson(QJsonDocument::fromJson(body).object());
        Q_UNUSED(Cli::decodeResultData(info.data));
    });
    std::printf("  QJsonDocument + QueryInfo::fromJson + decode(data)  %7.1f ms\n", envelope);
    Halo::DecodedResult result;
    const double fast = medianMs(
        runs, [&body, &result] { result = Halo::ResultDecoder::decodeResponseBody(body); });
    std::printf("  ResultDecoder::decodeResponseBody                   %7.1f ms  (%d rows)\n", fast,
                result.table.rowCount());
    const Cli::QueryOutcome outcome{QStringLiteral("id"),
                                    QStringLiteral("successful"),
                                    QStringLiteral("immediate"),
                                    QStringLiteral("reader"),
                                    std::nullopt,
                                    result,
                                    {}};
    for (const auto &[format, name] :
         {std::pair{Cli::ResultFormat::Csv, "csv"}, std::pair{Cli::ResultFormat::Json, "json"},
          std::pair{Cli::ResultFormat::Table, "table"}}) {
        qint64 written = 0;
        const double ms = medianMs(runs, [&] {
            QFile file(scratch + QStringLiteral("/stage.out"));
            file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered);
            QFile in;
            QTextStream out(&file);
            QTextStream err(stderr);
            Cli::Console console(out, err, in);
            Cli::QueryOutput::print(console, outcome, format);
            out.flush();
            written = file.size();
        });
        std::printf("  QueryOutput::print --format %-5s to a file          %7.1f ms  (%.1f MB)\n",
                    name, ms, double(written) / 1e6);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto option = [&arguments](const char *name, const QString &fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
    };
    const int runs = qMax(1, option("--runs", QStringLiteral("9")).toInt());
    const int rows = qMax(1, option("--rows", QStringLiteral("17500")).toInt());
    const QString keep = option("--keep", QString());
    const QString otherCli = option("--also-cli", QString()); // another build, e.g. before a change

    QTemporaryDir temporary;
    const QString scratch = keep.isEmpty() ? temporary.path() : keep;
    const QString sql = querySql(rows);
    const QString smallSql = querySql(1);

    // The answers, as halo-sandbox sends them.
    QByteArray body;
    QByteArray smallBody;
    {
        CliHarness::SandboxProcess sandbox;
        QString why;
        if (!sandbox.start({QStringLiteral("--key"), QLatin1String(kKey)}, &why)) {
            std::fprintf(stderr, "bench_cli: halo-sandbox did not start: %s\n", qPrintable(why));
            return 1;
        }
        body = askSandbox(sandbox.baseUrl(), sql, &why);
        smallBody = askSandbox(sandbox.baseUrl(), smallSql, &why);
        if (body.isEmpty() || smallBody.isEmpty()) {
            std::fprintf(stderr, "bench_cli: the sandbox did not answer: %s\n", qPrintable(why));
            return 1;
        }
    }
    CannedServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "bench_cli: cannot listen on 127.0.0.1\n");
        return 1;
    }
    const QString url = server.baseUrl() + QStringLiteral("/integrator/sites/") +
                        QLatin1String(kSite) + QStringLiteral("/queries/immediate");
    std::printf("Load average before: %s", loadAverage().constData());
    std::printf("Answer: %.2f MB body (%d rows x 17 columns), served by a canned server on %s\n",
                double(body.size()) / 1e6, rows, qPrintable(server.baseUrl()));

    // The request body curl sends, the same JSON halo-cli sends.
    Halo::QueryCommand command;
    const QString requestFile = scratch + QStringLiteral("/request.json");
    const QString smallRequestFile = scratch + QStringLiteral("/request-1.json");
    for (const QString &path : {requestFile, smallRequestFile}) {
        command.text = path == requestFile ? sql : smallSql;
        QFile request(path);
        request.open(QIODevice::WriteOnly);
        request.write(QJsonDocument(command.bodyJson()).toJson(QJsonDocument::Compact));
    }
    // HOME and XDG folders of its own: halo-cli touches no settings of the user's.
    const QString home = scratch + QStringLiteral("/home");
    QDir().mkpath(home);
    const QStringList environment{QStringLiteral("HALO_KEY=") + QLatin1String(kKey),
                                  QStringLiteral("HOME=") + home,
                                  QStringLiteral("XDG_CONFIG_HOME=") + home + "/.config",
                                  QStringLiteral("XDG_DATA_HOME=") + home + "/.local/share",
                                  QStringLiteral("XDG_CACHE_HOME=") + home + "/.cache"};

    const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    std::vector<Contender> contenders;
    contenders.push_back({QStringLiteral("halo-cli"),
                          {QStringLiteral(HALO_CLI_EXE), QStringLiteral("--base-url"),
                           server.baseUrl(), QStringLiteral("query"), QLatin1String(kSite),
                           QStringLiteral("--format"), QStringLiteral("csv"), sql},
                          false,
                          {},
                          {},
                          {}});
    QStringList missing;
    for (const char *tool : {"bash", "curl", "jq", "base64"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            missing.append(QLatin1String(tool));
    }
    // The request body comes from a file, as a script would keep its SQL.
    const QString pipeline = QStringLiteral(
        "set -o pipefail; curl -sS --fail -X POST -H \"Ocp-Apim-Subscription-Key: $HALO_KEY\" "
        "-H 'Content-Type: application/json' --data-binary @\"$1\" \"$2\" | jq -r .result.data | "
        "base64 -d | jq -r '(.[0] | keys_unsorted) as $k | ($k | @csv), (.[] | [.[$k[]]] | "
        "@csv)'");
    contenders.push_back(
        {QStringLiteral("curl | jq | base64 -d | jq"),
         {bash, QStringLiteral("-c"), pipeline, QStringLiteral("bench"), requestFile, url},
         false,
         missing.isEmpty() ? QString()
                           : missing.join(QStringLiteral(", ")) + QStringLiteral(" not found"),
         {},
         {}});
    const QString script = QStringLiteral(HALO_BENCH_SOURCE_DIR "/bench_cli.py");
    contenders.push_back({QStringLiteral("python3 (urllib, json, base64, csv)"),
                          {python, script, url, sql},
                          true,
                          python.isEmpty() ? QStringLiteral("python3 not found") : QString(),
                          {},
                          {}});

    if (!otherCli.isEmpty()) {
        QStringList other = contenders[0].arguments;
        other[0] = otherCli;
        contenders.push_back(
            {QStringLiteral("halo-cli at ") + otherCli,
             other,
             false,
             QFileInfo(otherCli).isExecutable() ? QString() : QStringLiteral("not an executable"),
             {},
             {}});
    }

    const auto outFile = [&scratch](size_t index) {
        return scratch + QStringLiteral("/out-%1.csv").arg(index);
    };
    const auto errFile = [&scratch](size_t index) {
        return scratch + QStringLiteral("/err-%1.txt").arg(index);
    };
    // A first run of each, whose rows are checked against halo-cli's.
    server.setBody(body);
    Records reference;
    for (size_t i = 0; i < contenders.size(); ++i) {
        Contender &contender = contenders[i];
        if (!contender.missing.isEmpty()) {
            std::printf("Skipped %s: %s\n", qPrintable(contender.name),
                        qPrintable(contender.missing));
            continue;
        }
        const Run run = runProcess(contender.arguments, environment, outFile(i), errFile(i));
        if (!run.ok) {
            std::fprintf(stderr, "bench_cli: %s failed: %s\n", qPrintable(contender.name),
                         readFile(errFile(i)).left(500).constData());
            return 1;
        }
        const Records records = parseCsv(readFile(outFile(i)));
        if (i == 0) {
            reference = records;
            if (int(reference.size()) != rows + 1) {
                std::fprintf(stderr, "bench_cli: halo-cli wrote %zu records, not %d\n",
                             reference.size(), rows + 1);
                return 1;
            }
            continue;
        }
        const QString difference = compareRows(reference, records, contender.foldNull);
        if (!difference.isEmpty()) {
            std::fprintf(stderr, "bench_cli: %s and halo-cli differ: %s\n",
                         qPrintable(contender.name), qPrintable(difference));
            return 1;
        }
    }
    std::printf("Rows checked: every contender wrote the same %zu records as halo-cli%s\n",
                reference.size(),
                contenders[2].missing.isEmpty() ? " (Python's csv writes NULL and \"\" alike)"
                                                : "");

    // Timed runs, taking turns, so that the load of the machine weighs on all alike.
    for (int r = 0; r < runs; ++r) {
        for (size_t i = 0; i < contenders.size(); ++i) {
            if (contenders[i].missing.isEmpty())
                contenders[i].runs.push_back(
                    runProcess(contenders[i].arguments, environment, outFile(i), errFile(i)));
        }
    }
    // The same commands on a one-row answer: what each costs before the body's size counts.
    server.setBody(smallBody);
    for (int r = 0; r < 3; ++r) {
        for (size_t i = 0; i < contenders.size(); ++i) {
            if (!contenders[i].missing.isEmpty())
                continue;
            QStringList small = contenders[i].arguments;
            for (QString &argument : small) {
                if (argument == sql)
                    argument = smallSql;
                else if (argument == requestFile)
                    argument = smallRequestFile;
            }
            contenders[i].smallRuns.push_back(
                runProcess(small, environment, outFile(i), errFile(i)));
        }
    }
    std::vector<double> versionMs;
    for (int r = 0; r < 5; ++r)
        versionMs.push_back(runProcess({QStringLiteral(HALO_CLI_EXE), QStringLiteral("--version")},
                                       environment, outFile(9), errFile(9))
                                .wallMs);
    if (server.refused() > 0) {
        std::fprintf(stderr, "bench_cli: the server refused %d requests\n", server.refused());
        return 1;
    }

    const auto statistic = [](const std::vector<Run> &list, double Run::*member, bool peak) {
        std::vector<double> values;
        for (const Run &run : list) {
            if (!run.ok)
                return -1.0;
            values.push_back(run.*member);
        }
        return peak ? *std::max_element(values.begin(), values.end()) : median(values);
    };
    const double bodyMb = double(body.size()) / (1024.0 * 1024.0);
    std::printf(
        "\nMedian of %d runs each, output to a file; peak = max RSS of the largest process\n"
        "(growth: the same command on a one-row answer subtracted; body %.1f MiB)\n\n",
        runs, bodyMb);
    std::printf("%-36s %9s %9s %9s %9s %11s %9s\n", "", "wall ms", "min ms", "CPU ms", "peak MiB",
                "growth MiB", "x body");
    const double cliMedian = statistic(contenders[0].runs, &Run::wallMs, false);
    for (const Contender &contender : contenders) {
        if (!contender.missing.isEmpty())
            continue;
        std::vector<double> walls;
        for (const Run &run : contender.runs)
            walls.push_back(run.wallMs);
        const double wall = statistic(contender.runs, &Run::wallMs, false);
        const double peak = statistic(contender.runs, &Run::maxRssMb, true);
        const double smallPeak = statistic(contender.smallRuns, &Run::maxRssMb, true);
        if (wall < 0 || smallPeak < 0) {
            std::printf("%-36s a run failed\n", qPrintable(contender.name));
            continue;
        }
        std::printf("%-36s %9.0f %9.0f %9.0f %9.1f %11.1f %9.2f\n", qPrintable(contender.name),
                    wall, *std::min_element(walls.begin(), walls.end()),
                    statistic(contender.runs, &Run::cpuMs, false), peak, peak - smallPeak,
                    (peak - smallPeak) / bodyMb);
    }
    std::printf("\n");
    for (size_t i = 1; i < contenders.size(); ++i) {
        if (contenders[i].missing.isEmpty())
            std::printf("halo-cli is %.1fx faster than %s (CPU time: %.1fx less)\n",
                        statistic(contenders[i].runs, &Run::wallMs, false) / cliMedian,
                        qPrintable(contenders[i].name),
                        statistic(contenders[i].runs, &Run::cpuMs, false) /
                            statistic(contenders[0].runs, &Run::cpuMs, false));
    }
    std::printf("\nhalo-cli: --version %.0f ms; a one-row answer %.0f ms (start-up, connect, "
                "request, exit)\n",
                median(versionMs), statistic(contenders[0].smallRuns, &Run::wallMs, false));
    printStages(body, scratch, runs);
    if (contenders[1].missing.isEmpty()) {
        const double ratio = statistic(contenders[1].runs, &Run::wallMs, false) / cliMedian;
        std::printf("\ntarget: at least 6x faster than curl+jq: %s (%.1fx)\n",
                    ratio >= 6 ? "met" : "NOT met", ratio);
    }
    const double growth = statistic(contenders[0].runs, &Run::maxRssMb, true) -
                          statistic(contenders[0].smallRuns, &Run::maxRssMb, true);
    std::printf("Load average after: %s", loadAverage().constData());
    std::printf("target: peak memory growth under 3x the body: %s (%.2fx)\n",
                growth < 3 * bodyMb ? "met" : "NOT met", growth / bodyMb);
    server.stop();
    return 0;
}
