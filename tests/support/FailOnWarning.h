// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QTest>

namespace HaloTest {

// Makes every warning a failure of the test function that caused it; a test that expects a
// warning says so first with QTest::ignoreMessage. Call it first thing in each suite's init():
// Qt clears the list after every test function (and data row), so it cannot be set once.
// One exception: Qt's offscreen platform (the tests' display) warns that it cannot propagate
// size hints whenever a window's size constraints change; that says nothing about our code.
inline void failOnWarnings()
{
    QTest::failOnWarning(QRegularExpression(
        QStringLiteral("^(?!This plugin does not support propagateSizeHints).*")));
}

} // namespace HaloTest
