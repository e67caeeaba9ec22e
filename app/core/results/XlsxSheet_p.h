// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SpreadsheetML for ResultExport's Excel format: the fixed parts of a one-sheet workbook and
// the sheet's rows with typed cells (numbers as numbers, booleans as booleans, dates and
// date-times as dates with a date format, NULL as no cell). XlsxSheet.cpp.
#include "results/ResultTable.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>

#include <vector>

namespace Halo::detail {

// Every part but the sheet: content types, relationships, workbook, styles; (path, bytes).
QList<QPair<QString, QByteArray>> xlsxFixedParts();
inline constexpr char kXlsxSheetPath[] = "xl/worksheets/sheet1.xml";

void appendXlsxSheetStart(QByteArray &out, const QStringList &names);
// `number` counts from 1 for the header row: the first data row is 2.
void appendXlsxRow(QByteArray &out, const ResultTable &table, int row,
                   const std::vector<int> &columns, qint64 number);
void appendXlsxSheetEnd(QByteArray &out);

} // namespace Halo::detail
