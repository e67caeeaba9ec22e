// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Realistic bodies for bench_results, shaped like the sandbox's encoder: base64 of a JSON array
// of row objects, keys in SELECT order, inside the JSON answer of the API.
#include <QByteArray>
#include <QtGlobal>

#include <string>

namespace BenchResults {

// `rows` rows of 9 columns: integers, reals, text with Unicode, quotes, backslashes and line
// breaks, dates, datetimes, booleans, and NULLs in five of the columns.
std::string rowsJson(long long firstId, int rows, quint64 seed);

// An immediate query's answer, as Halo (and the sandbox) sends it.
QByteArray immediateBody(const std::string &json, int rows);

// A page of an async result (GET .../results/{page}).
QByteArray pageBody(const std::string &json, int rows);

} // namespace BenchResults
