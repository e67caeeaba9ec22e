// SPDX-License-Identifier: GPL-3.0-or-later
// What the tst_cli suites share: a halo-sandbox process with a key of its own, started once per
// suite, and halo-cli run against it with that key in HALO_KEY.
#pragma once

#include "CliChecks.h"
#include "CliHarness.h"

#include <QByteArray>
#include <QDir>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

using CliHarness::CliResult;
using CliHarness::runCli;

// The online Best Practice practice of the sandbox (halo-sandbox --print-sites).
inline const QString kOnline = QStringLiteral("3f6c2a1e-8b4d-4c7a-9e21-5d0b7f3a9c14");

inline QString randomKey()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16) +
           QString::number(QRandomGenerator::global()->generate64(), 16);
}

// A suite's test object derives from this as well as from QObject, and starts the sandbox in
// its initTestCase().
class CliSuite
{
protected:
    bool startSandbox(QString *why)
    {
        m_key = randomKey();
        return m_sandbox.start({QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--key"), m_key, QStringLiteral("--async-step"),
                                QStringLiteral("100")},
                               why);
    }

    CliHarness::CliResult cli(const QStringList &arguments, const QByteArray &input = {})
    {
        return CliHarness::runCli(QStringList{QStringLiteral("--base-url"), m_sandbox.baseUrl()} +
                                      arguments,
                                  {{QStringLiteral("HALO_KEY"), m_key}}, input);
    }

    // Keychain tests store keys and read what is stored: only in isolated.sh's private keyring.
    bool skipUnlessIsolated()
    {
        const QString home = qEnvironmentVariable("HALO_TEST_HOME");
        return home.isEmpty() || QDir(home) != QDir::home();
    }

    CliHarness::SandboxProcess m_sandbox;
    QString m_key;
};
