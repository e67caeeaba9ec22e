// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The rows each bench_cli contender wrote, read back as RFC 4180, and compared with halo-cli's.
#include <QByteArray>
#include <QString>

#include <vector>

namespace BenchCli {

struct Field {
    QByteArray text;
    bool quoted = false;
    bool isNull() const { return text.isEmpty() && !quoted; }
};
using Records = std::vector<std::vector<Field>>;

Records parseCsv(const QByteArray &text);

// Same value: the same text, or numbers equal as doubles (jq writes 12.0 as 12 and may write
// 0.1 with 17 digits). `foldNull`: the writer cannot tell NULL from "" (Python's csv).
bool sameField(const Field &a, const Field &b, bool foldNull);

// Where `other` differs from `reference`; empty when it holds the same rows.
QString compareRows(const Records &reference, const Records &other, bool foldNull);

} // namespace BenchCli
