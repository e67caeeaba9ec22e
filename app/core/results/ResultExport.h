// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "results/ResultTable.h"

namespace Halo {

// Which cells of a result to write, and in which order.
struct ExportSelection {
    std::optional<std::vector<int>> rows;    // table rows in the order written; none: every row
    std::optional<std::vector<int>> columns; // columns in the order written; none: every column
};

// Writes a query result out: TSV for the clipboard, CSV, JSON and Excel (.xlsx) for files. Every
// format reads back as what was shown: CSV follows RFC 4180 (CRLF, a header row, NULL as an empty
// field and an empty string as ""), JSON is an array of row objects with typed values (numbers as
// numbers, NULL as null, booleans as booleans; keys in column order, repeated names made unique).
// Reentrant; files are written through QSaveFile, so a failed or cancelled export leaves an
// existing file as it was.
class ResultExport
{
    Q_DECLARE_TR_FUNCTIONS(Halo::ResultExport)
public:
    enum class Format { Csv, Json, Tsv, Xlsx }; // Xlsx: files only (Excel, typed cells)

    struct Outcome {
        bool ok = false;
        bool cancelled = false;
        QString error; // translated; empty when ok or cancelled
        qint64 rows = 0;
        qint64 bytes = 0;
    };
    // Called between chunks with the rows written so far and the rows to write; false cancels.
    using Progress = std::function<bool(qint64 rowsDone, qint64 rowsTotal)>;

    // A header line of column names, then one line per row; fields with a tab, a line break or
    // a quote are quoted as spreadsheets expect, and NULL is an empty field.
    static QString toTsv(const ResultTable &table, const ExportSelection &selection = {});
    // toTsv() with progress and cancel; nothing when cancelled.
    static std::optional<QString> toTsv(const ResultTable &table, const ExportSelection &selection,
                                        const Progress &progress);
    // toTsv() on a worker thread (QtConcurrent), for a large copy: the future's progress counts
    // rows, cancel() stops it between chunks (no result then). Pass a snapshot, as for
    // writeFileAsync().
    static QFuture<QString> toTsvAsync(std::shared_ptr<const ResultTable> table,
                                       ExportSelection selection);
    static QByteArray toCsv(const ResultTable &table, const ExportSelection &selection = {});
    static QByteArray toJson(const ResultTable &table, const ExportSelection &selection = {});

    static Outcome writeFile(const QString &path, Format format, const ResultTable &table,
                             const ExportSelection &selection = {}, const Progress &progress = {});
    // writeFile() on a worker thread (QtConcurrent). The future's progress counts rows (range:
    // 0 to the rows to write); cancel() stops it between chunks. `table` must not change while
    // the export runs: pass a snapshot (ResultTableModel::snapshot()).
    static QFuture<Outcome> writeFileAsync(const QString &path, Format format,
                                           std::shared_ptr<const ResultTable> table,
                                           ExportSelection selection = {});

    static QString suffix(Format format); // "csv", "json", "tsv", "xlsx"
};

} // namespace Halo
