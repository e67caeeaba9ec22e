// SPDX-License-Identifier: GPL-3.0-or-later
// What the halo-cli suites check in a run: its exit status, and that a failure is one line.
#pragma once

#include "CliHarness.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtTest>

enum Exit { Ok = 0, ApiFailure = 1, Usage = 2, KeyProblem = 3 };

// Failures are one line on stderr, never a wall of text.
inline bool isOneLine(const QByteArray &err)
{
    const QByteArray trimmed = err.trimmed();
    return !trimmed.isEmpty() && !trimmed.contains('\n');
}

inline QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

#define QVERIFY_RUN(result, expectedExit)                                                          \
    do {                                                                                           \
        QVERIFY2((result).finished, (result).transcript().constData());                            \
        QVERIFY2((result).exitCode == (expectedExit), (result).transcript().constData());          \
    } while (false)
