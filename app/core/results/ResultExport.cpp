// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/ResultExport.h"

#include "results/XlsxSheet_p.h"
#include "storage/ZipStreamWriter.h"

#include <QDir>
#include <QPromise>
#include <QSaveFile>
#include <QSet>
#include <QtConcurrent>

#include <charconv>

namespace Halo {

namespace {

using Kind = ResultCell::Kind;

// Written to the file whenever this much has piled up; progress and cancel are checked then.
constexpr qsizetype kChunkBytes = 1024 * 1024;

bool isNumber(Kind kind)
{
    return kind == Kind::Integer || kind == Kind::Real;
}

// A cell as the grid shows it (without eliding), in UTF-8; only called for non-null cells.
void appendPlainText(QByteArray &out, const ResultTable &table, int row, int column, Kind kind)
{
    switch (kind) {
    case Kind::Null:
        return;
    case Kind::Integer: {
        char digits[24];
        const auto end =
            std::to_chars(digits, digits + sizeof digits, table.cell(row, column).toInteger()).ptr;
        out.append(digits, end - digits);
        return;
    }
    case Kind::Real: {
        // Exact digits when kept (too big for qint64), else the shortest text that reads back.
        const QByteArrayView digits = table.textUtf8(row, column);
        if (!digits.isEmpty())
            out.append(digits);
        else
            out.append(table.cell(row, column).toDisplayString().toUtf8());
        return;
    }
    case Kind::Boolean:
        out.append(table.cell(row, column).toBoolean() ? "true" : "false");
        return;
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        out.append(table.textUtf8(row, column));
        return;
    }
}

// Quotes a field when it holds a special character, doubling its quotes (RFC 4180 and what
// spreadsheets expect on the clipboard). CSV also quotes leading or trailing spaces, which
// some readers would otherwise trim.
void appendQuotedField(QByteArray &out, QByteArrayView text, char separator)
{
    bool quote = false;
    for (const char c : text)
        quote = quote || c == separator || c == '"' || c == '\n' || c == '\r';
    if (separator == ',' && !text.isEmpty()) {
        const auto space = [](char c) { return c == ' ' || c == '\t'; };
        quote = quote || space(text.front()) || space(text.back());
    }
    if (!quote) {
        out.append(text);
        return;
    }
    out.append('"');
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            out.append(text.sliced(run, i + 1 - run));
            out.append('"');
            run = i + 1;
        }
    }
    out.append(text.sliced(run));
    out.append('"');
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype run = 0;
    const auto flush = [&](qsizetype upTo) { out.append(utf8.sliced(run, upTo - run)); };
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const char *escape = nullptr;
        char unicode[7] = {'\\', 'u', '0', '0', 0, 0, 0};
        if (c == '"') {
            escape = "\\\"";
        } else if (c == '\\') {
            escape = "\\\\";
        } else if (c == '\n') {
            escape = "\\n";
        } else if (c == '\r') {
            escape = "\\r";
        } else if (c == '\t') {
            escape = "\\t";
        } else if (c < 0x20) {
            unicode[4] = hex[c >> 4];
            unicode[5] = hex[c & 0xF];
            escape = unicode;
        } else if (c == 0xE2 && i + 2 < utf8.size() &&
                   static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(utf8[i + 2]) & 0xFE) == 0xA8) {
            // U+2028 and U+2029 are valid JSON but end a line in JavaScript.
            flush(i);
            out.append(static_cast<unsigned char>(utf8[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
            i += 2;
            run = i + 1;
            continue;
        }
        if (escape) {
            flush(i);
            out.append(escape);
            run = i + 1;
        }
    }
    flush(utf8.size());
    out.append('"');
}

// Resolves a selection against a table and writes one format, a row at a time.
class Writer
{
public:
    Writer(ResultExport::Format format, const ResultTable &table, const ExportSelection &selection)
        : m_format(format)
        , m_table(table)
        , m_rows(selection.rows)
    {
        if (!selection.columns) {
            for (int c = 0; c < table.columnCount(); ++c)
                m_columns.push_back(c);
        } else {
            for (const int c : *selection.columns) {
                if (c >= 0 && c < table.columnCount())
                    m_columns.push_back(c);
            }
        }
        if (format == ResultExport::Format::Json)
            makeJsonKeys();
    }

    qint64 rowCount() const { return m_rows ? qint64(m_rows->size()) : qint64(m_table.rowCount()); }

    void header(QByteArray &out) const
    {
        if (m_format == ResultExport::Format::Xlsx) {
            QStringList names;
            for (const int column : m_columns)
                names.append(m_table.columns().at(column));
            detail::appendXlsxSheetStart(out, names);
            return;
        }
        if (m_format == ResultExport::Format::Json) {
            out.append(rowCount() == 0 ? "[" : "[\n");
            return;
        }
        const char separator = m_format == ResultExport::Format::Csv ? ',' : '\t';
        for (size_t i = 0; i < m_columns.size(); ++i) {
            if (i > 0)
                out.append(separator);
            appendQuotedField(out, m_table.columns().at(m_columns[i]).toUtf8(), separator);
        }
        out.append(lineEnd());
    }

    void row(QByteArray &out, qint64 index)
    {
        const int row = m_rows ? (*m_rows)[size_t(index)] : int(index);
        if (m_format == ResultExport::Format::Xlsx) {
            detail::appendXlsxRow(out, m_table, row, m_columns, index + 2);
            return;
        }
        if (m_format == ResultExport::Format::Json) {
            if (index > 0)
                out.append(",\n");
            jsonRow(out, row);
            return;
        }
        const char separator = m_format == ResultExport::Format::Csv ? ',' : '\t';
        for (size_t i = 0; i < m_columns.size(); ++i) {
            if (i > 0)
                out.append(separator);
            const int column = m_columns[i];
            const Kind kind = m_table.kind(row, column);
            if (kind == Kind::Null)
                continue;
            if (isNumber(kind) || kind == Kind::Boolean) {
                appendPlainText(out, m_table, row, column, kind);
                continue;
            }
            const QByteArrayView text = m_table.textUtf8(row, column);
            if (text.isEmpty() && m_format == ResultExport::Format::Csv)
                out.append("\"\""); // an empty string, unlike NULL
            else
                appendQuotedField(out, text, separator);
        }
        out.append(lineEnd());
    }

    void footer(QByteArray &out) const
    {
        if (m_format == ResultExport::Format::Xlsx)
            detail::appendXlsxSheetEnd(out);
        if (m_format == ResultExport::Format::Json)
            out.append(rowCount() == 0 ? "]\n" : "\n]\n");
    }

private:
    const char *lineEnd() const { return m_format == ResultExport::Format::Csv ? "\r\n" : "\n"; }

    void makeJsonKeys()
    {
        // A repeated column name would make keys that a JSON reader collapses into one: the
        // first keeps its name, later ones become name_2, name_3, ... (skipping names in use).
        QSet<QString> taken;
        std::vector<bool> repeated;
        for (const int column : m_columns) {
            const QString &name = m_table.columns().at(column);
            repeated.push_back(taken.contains(name));
            taken.insert(name);
        }
        for (size_t i = 0; i < m_columns.size(); ++i) {
            const QString &name = m_table.columns().at(m_columns[i]);
            QString key = name;
            for (int n = 2; repeated[i] && taken.contains(key); ++n)
                key = QStringLiteral("%1_%2").arg(name).arg(n);
            taken.insert(key);
            QByteArray quoted;
            appendJsonString(quoted, key.toUtf8());
            quoted.append(':');
            m_jsonKeys.push_back(quoted);
        }
    }

    void jsonRow(QByteArray &out, int row) const
    {
        out.append('{');
        for (size_t i = 0; i < m_columns.size(); ++i) {
            if (i > 0)
                out.append(',');
            out.append(m_jsonKeys[i]);
            const int column = m_columns[i];
            const Kind kind = m_table.kind(row, column);
            switch (kind) {
            case Kind::Null:
                out.append("null");
                break;
            case Kind::Integer:
            case Kind::Real:
            case Kind::Boolean:
                appendPlainText(out, m_table, row, column, kind);
                break;
            case Kind::String:
            case Kind::Date:
            case Kind::DateTime:
                appendJsonString(out, m_table.textUtf8(row, column));
                break;
            }
        }
        out.append('}');
    }

    ResultExport::Format m_format;
    const ResultTable &m_table;
    const std::optional<std::vector<int>> &m_rows;
    std::vector<int> m_columns;
    std::vector<QByteArray> m_jsonKeys;
};

QByteArray writeAll(ResultExport::Format format, const ResultTable &table,
                    const ExportSelection &selection)
{
    Writer writer(format, table, selection);
    QByteArray out;
    writer.header(out);
    for (qint64 i = 0; i < writer.rowCount(); ++i)
        writer.row(out, i);
    writer.footer(out);
    return out;
}

} // namespace

QString ResultExport::toTsv(const ResultTable &table, const ExportSelection &selection)
{
    return QString::fromUtf8(writeAll(Format::Tsv, table, selection));
}

std::optional<QString> ResultExport::toTsv(const ResultTable &table,
                                           const ExportSelection &selection,
                                           const Progress &progress)
{
    Writer writer(Format::Tsv, table, selection);
    const qint64 total = writer.rowCount();
    if (progress && !progress(0, total))
        return std::nullopt;
    QByteArray out;
    writer.header(out);
    qsizetype reported = 0;
    for (qint64 i = 0; i < total; ++i) {
        writer.row(out, i);
        if (out.size() - reported >= kChunkBytes) {
            reported = out.size();
            if (progress && !progress(i + 1, total))
                return std::nullopt;
        }
    }
    writer.footer(out);
    if (progress && !progress(total, total))
        return std::nullopt;
    return QString::fromUtf8(out);
}

QFuture<QString> ResultExport::toTsvAsync(std::shared_ptr<const ResultTable> table,
                                          ExportSelection selection)
{
    return QtConcurrent::run(
        [](QPromise<QString> &promise, std::shared_ptr<const ResultTable> source,
           const ExportSelection &cells) {
            const ResultTable empty;
            const ResultTable &rows = source ? *source : empty;
            const qint64 total = cells.rows ? qint64(cells.rows->size()) : rows.rowCount();
            promise.setProgressRange(0, int(qMin<qint64>(total, std::numeric_limits<int>::max())));
            std::optional<QString> text = toTsv(rows, cells, [&promise](qint64 done, qint64) {
                promise.setProgressValue(int(qMin<qint64>(done, std::numeric_limits<int>::max())));
                return !promise.isCanceled();
            });
            if (text && !promise.isCanceled())
                promise.addResult(std::move(*text));
        },
        std::move(table), std::move(selection));
}

QByteArray ResultExport::toCsv(const ResultTable &table, const ExportSelection &selection)
{
    return writeAll(Format::Csv, table, selection);
}

QByteArray ResultExport::toJson(const ResultTable &table, const ExportSelection &selection)
{
    return writeAll(Format::Json, table, selection);
}

ResultExport::Outcome ResultExport::writeFile(const QString &path, Format format,
                                              const ResultTable &table,
                                              const ExportSelection &selection,
                                              const Progress &progress)
{
    Outcome outcome;
    // A file the user chose: it keeps the permissions the user's umask gives, as any document
    // they save would (the program's own files are private: writeFileAtomically). Whoever
    // exports patient rows decides where they go and who may read them.
    QSaveFile file(path);
    std::optional<ZipStreamWriter> zip; // Excel: a zip of XML parts
    const auto failed = [&] {
        // The zip's own problem (deflate, a 4 GiB limit) when it has one, else the file's.
        const QString why =
            zip && !zip->errorString().isEmpty() ? zip->errorString() : file.errorString();
        outcome.error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), why);
        file.cancelWriting();
        return outcome;
    };
    const auto cancelled = [&] {
        outcome.cancelled = true;
        file.cancelWriting();
        return outcome;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    // Excel: the sheet deflated as its rows come.
    if (format == Format::Xlsx) {
        zip.emplace(&file);
        for (const auto &[name, bytes] : detail::xlsxFixedParts()) {
            if (!zip->beginEntry(name) || !zip->write(bytes))
                return failed();
        }
        if (!zip->beginEntry(QString::fromLatin1(detail::kXlsxSheetPath)))
            return failed();
    }

    Writer writer(format, table, selection);
    const qint64 total = writer.rowCount();
    if (progress && !progress(0, total))
        return cancelled();
    QByteArray buffer;
    buffer.reserve(kChunkBytes + kChunkBytes / 4);
    const auto flush = [&] {
        if (zip ? !zip->write(buffer) : file.write(buffer) != buffer.size())
            return false;
        outcome.bytes += buffer.size();
        buffer.resize(0); // keeps the capacity
        return true;
    };
    writer.header(buffer);
    for (qint64 i = 0; i < total; ++i) {
        writer.row(buffer, i);
        if (buffer.size() >= kChunkBytes) {
            if (!flush())
                return failed();
            outcome.rows = i + 1;
            if (progress && !progress(outcome.rows, total))
                return cancelled();
        }
    }
    writer.footer(buffer);
    if (!flush() || (zip && !zip->finish()))
        return failed();
    outcome.rows = total;
    if (progress && !progress(total, total))
        return cancelled();
    // Qt 6.4's commit() misses a failed final flush (disk full) and would keep a truncated file.
    if (!file.flush() || !file.commit())
        return failed();
    outcome.ok = true;
    return outcome;
}

QFuture<ResultExport::Outcome>
ResultExport::writeFileAsync(const QString &path, Format format,
                             std::shared_ptr<const ResultTable> table, ExportSelection selection)
{
    return QtConcurrent::run(
        [path, format](QPromise<Outcome> &promise, std::shared_ptr<const ResultTable> source,
                       const ExportSelection &cells) {
            const ResultTable empty;
            const ResultTable &rows = source ? *source : empty;
            const qint64 total = cells.rows ? qint64(cells.rows->size()) : rows.rowCount();
            promise.setProgressRange(0, int(qMin<qint64>(total, std::numeric_limits<int>::max())));
            const Outcome outcome =
                writeFile(path, format, rows, cells, [&promise](qint64 done, qint64) {
                    promise.setProgressValue(
                        int(qMin<qint64>(done, std::numeric_limits<int>::max())));
                    return !promise.isCanceled();
                });
            promise.addResult(outcome);
        },
        std::move(table), std::move(selection));
}

QString ResultExport::suffix(Format format)
{
    switch (format) {
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Tsv:
        return QStringLiteral("tsv");
    case Format::Xlsx:
        return QStringLiteral("xlsx");
    }
    return {};
}

} // namespace Halo
