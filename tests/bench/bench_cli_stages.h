// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where halo-cli's time goes inside the process, on the same bytes: the envelope, the decoder,
// and QueryOutput::print in each format to a file.
#include <QByteArray>
#include <QString>

namespace BenchCli {

// Prints the median of `runs` of each stage; files go to `scratch`.
void printStages(const QByteArray &body, const QString &scratch, int runs);

} // namespace BenchCli
