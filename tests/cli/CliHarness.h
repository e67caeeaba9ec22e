// SPDX-License-Identifier: GPL-3.0-or-later
// Runs halo-cli and halo-sandbox as separate processes, as a script or CI job would.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#ifndef HALO_CLI_EXE
#error "HALO_CLI_EXE must name the halo-cli executable"
#endif
#ifndef HALO_SANDBOX_EXE
#error "HALO_SANDBOX_EXE must name the halo-sandbox executable"
#endif

namespace CliHarness {

constexpr int kRunTimeoutMs = 60000;

struct CliResult {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    // Everything the run printed, for failure messages.
    QByteArray transcript() const { return "stdout:\n" + out + "\nstderr:\n" + err; }
};

// Runs halo-cli to its end. HALO_KEY and HALO_ENVIRONMENT are removed from the environment
// unless `environment` sets them; standard input gets `input` and is then closed.
inline CliResult runCli(const QStringList &arguments,
                        const QMap<QString, QString> &environment = {},
                        const QByteArray &input = {})
{
    QProcessEnvironment processEnvironment = QProcessEnvironment::systemEnvironment();
    processEnvironment.remove(QStringLiteral("HALO_KEY"));
    processEnvironment.remove(QStringLiteral("HALO_ENVIRONMENT"));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        processEnvironment.insert(it.key(), it.value());
    QProcess process;
    process.setProcessEnvironment(processEnvironment);
    process.start(QStringLiteral(HALO_CLI_EXE), arguments);
    CliResult result;
    if (!process.waitForStarted(kRunTimeoutMs))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(kRunTimeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// A halo-sandbox process on a free port, stopped when this object goes. Its request log
// (stderr) goes to `logFile` when given, so a long session never fills the pipe.
class SandboxProcess
{
public:
    ~SandboxProcess() { stop(); }

    bool start(const QStringList &arguments, QString *why, const QString &logFile = QString())
    {
        m_process.setStandardErrorFile(logFile.isEmpty() ? QProcess::nullDevice() : logFile);
        m_process.start(QStringLiteral(HALO_SANDBOX_EXE), arguments);
        if (!m_process.waitForStarted(kRunTimeoutMs)) {
            *why = m_process.errorString();
            return false;
        }
        static const QRegularExpression listening(
            QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)\\s*$"),
            QRegularExpression::MultilineOption);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < kRunTimeoutMs) {
            const auto match = listening.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch()) {
                m_baseUrl = match.captured(1);
                return true;
            }
            if (m_process.state() == QProcess::NotRunning) {
                *why = QStringLiteral("halo-sandbox exited: ") + QString::fromUtf8(m_stdout);
                return false;
            }
            m_process.waitForReadyRead(200);
            m_stdout += m_process.readAllStandardOutput();
        }
        *why = QStringLiteral("no 'listening on' line; stdout: ") + QString::fromUtf8(m_stdout);
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
        m_stdout += m_process.readAllStandardOutput();
    }

    QString baseUrl() const { return m_baseUrl; }
    QByteArray stdoutText() const { return m_stdout; }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QString m_baseUrl;
};

} // namespace CliHarness
