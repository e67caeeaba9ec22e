// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the fuzz harnesses: a Qt application object, a check that aborts with a message, and
// a small generator so that the corpus can hold large inputs as short seed files.
#include <QByteArray>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace HaloFuzz {

// A QCoreApplication for code that expects one (translations, QSaveFile, worker threads).
inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "halo-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

// A property that must hold: a disagreement is a crash, so the fuzzer keeps the input.
[[noreturn]] inline void fail(const char *what, const QByteArray &detail = QByteArray())
{
    std::fprintf(stderr, "halo-fuzz: %s\n%s\n", what, detail.constData());
    std::abort();
}

inline void check(bool condition, const char *what, const QByteArray &detail = QByteArray())
{
    if (!condition)
        fail(what, detail);
}

// Inputs that start with "@repeat N\n" are a recipe rather than the text itself:
//   @repeat N\nHEAD\nUNIT\nTAIL\nCLOSER\nEND
// gives HEAD, then UNIT N times (each '#' in it replaced by the repetition's number), then TAIL,
// then CLOSER N times, then END (missing lines are empty). That keeps a 20,000-column row or
// 100,000 nested brackets a small file. The result is capped at kMaxExpanded bytes so that a
// mutated count stays quick.
constexpr qsizetype kMaxExpanded = 1024 * 1024;
inline QByteArray expandRecipe(const QByteArray &input)
{
    static const QByteArray kMagic = "@repeat ";
    if (!input.startsWith(kMagic))
        return input;
    const qsizetype newline = input.indexOf('\n');
    if (newline < 0)
        return input;
    bool ok = false;
    const int count = input.mid(kMagic.size(), newline - kMagic.size()).trimmed().toInt(&ok);
    if (!ok || count < 0)
        return input;
    const QList<QByteArray> parts = input.mid(newline + 1).split('\n');
    const QByteArray head = parts.value(0), unit = parts.value(1), tail = parts.value(2);
    const QByteArray closer = parts.value(3), end = parts.value(4);
    QByteArray out = head;
    for (int i = 0; i < count && !unit.isEmpty() && out.size() < kMaxExpanded; ++i) {
        QByteArray piece = unit;
        out += piece.replace('#', QByteArray::number(i));
    }
    out += tail;
    for (int i = 0; i < count && !closer.isEmpty() && out.size() < kMaxExpanded; ++i)
        out += closer;
    return out + end;
}

} // namespace HaloFuzz
