// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <vector>

namespace Halo {

// One value of a query result, copied out of a ResultTable for display or export.
class ResultCell
{
public:
    // Date and DateTime are strings in ISO-8601 form; the cell keeps their text as sent.
    enum class Kind : quint8 { Null, Integer, Real, String, Boolean, Date, DateTime };

    ResultCell() = default; // a null
    static ResultCell fromInteger(qint64 value);
    static ResultCell fromReal(double value);
    static ResultCell fromBoolean(bool value);
    static ResultCell fromText(const QString &text); // String, Date or DateTime by its form

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    qint64 toInteger() const;
    double toReal() const;
    bool toBoolean() const;
    // The text as sent for String, Date and DateTime; the exact digits of an integer too big for
    // qint64 (kind Real); empty otherwise.
    const QString &text() const { return m_text; }

    // Null gives an invalid QVariant; Integer qlonglong, Real double, Boolean bool, String
    // QString, Date QDate, DateTime QDateTime (UTC or the sent offset; local time if none).
    QVariant toVariant() const;
    // Null gives a null QString (views style nulls by kind()); a whole Real keeps its ".0" so it
    // reads differently from an Integer; dates show their text as sent.
    QString toDisplayString() const;

    friend bool operator==(const ResultCell &a, const ResultCell &b);
    friend bool operator!=(const ResultCell &a, const ResultCell &b) { return !(a == b); }

private:
    friend class ResultTable;

    Kind m_kind = Kind::Null;
    union {
        qint64 m_integer = 0;
        double m_real;
    };
    QString m_text;
};

// A decoded query result: named columns in order and rows of cells. Rows are held in segments
// of up to a few thousand rows, column by column in 16-byte slots, with strings in a few large
// UTF-8 buffers: a large page costs no heap allocation per cell. Finished segments and text are
// shared, never copied: copying a table, or appending a large page to it, costs next to nothing
// whatever its size, so a visible grid stays responsive while a million rows stream in. Cells
// missing at the end of a column (ragged rows, columns that appeared in a later page) read as
// null. Copies may be read and changed on different threads.
class ResultTable
{
public:
    int rowCount() const { return m_rowCount; }
    int columnCount() const { return int(m_columns.size()); }
    const QStringList &columns() const { return m_columns; }
    ResultCell cell(int row, int column) const; // out of range gives a null
    ResultCell::Kind kind(int row, int column) const;
    // The UTF-8 text of a String, Date or DateTime cell, or the exact digits of a Real kept as
    // text, without a copy; empty for other kinds. Valid until the table is next changed.
    QByteArrayView textUtf8(int row, int column) const;
    // One cell of a row without a copy: `integer` for Integer and Boolean (0 or 1), `real` for
    // a Real held as a double, `text` as textUtf8().
    struct CellView {
        ResultCell::Kind kind = ResultCell::Kind::Null;
        qint64 integer = 0;
        double real = 0;
        QByteArrayView text;
    };
    // The cells of `row`, found once for the row, for code that writes out every cell: `cells`
    // gets columnCount() entries. Valid until the table is next changed.
    void viewRow(int row, std::vector<CellView> &cells) const;
    // Bytes held for cells and text (shared ones included), for memory accounting.
    qint64 memoryUsed() const;

    // Adds the rows of a later page. Columns match by name (the n-th "x" matches the n-th "x");
    // columns new in `other` are added at the end, with nulls in the rows already here. Takes
    // time in proportion to the columns and the rows copied, however wide the page. (The pages
    // of one async result must have the same columns: AsyncQueryRunner refuses others.)
    void append(const ResultTable &other);

    // Building, for decoders: columns as they appear, then one row at a time. The set* calls
    // write to the last row; a second write to the same cell replaces the first.
    int addColumn(const QString &name);
    void addRow();
    // Room for about this many more bytes of text, so that building does not move it.
    void reserveText(qsizetype bytes);
    // Gives back the spare room once building is done.
    void squeeze();
    void setNull(int column);
    void setInteger(int column, qint64 value);
    void setReal(int column, double value);
    void setBoolean(int column, bool value);
    void setText(int column, QByteArrayView utf8);         // classifies Date/DateTime
    void setNumberText(int column, QByteArrayView digits); // a Real kept as its exact digits

private:
    // Kinds from NumberText on keep their text in a text chunk.
    enum class Stored : quint8 { Null, Integer, Real, Boolean, NumberText, Text, Date, DateTime };
    static bool hasText(Stored stored) { return stored >= Stored::NumberText; }
    struct Slot {
        union {
            qint64 integer = 0;
            double real;
            // For text kinds: the chunk, counted from its segment's firstChunk, << kChunkBits |
            // the byte offset in the chunk.
            quint64 text;
        };
        quint32 length = 0; // bytes of text
        Stored stored = Stored::Null;
    };
    static constexpr int kChunkBits = 44;
    static constexpr int kRowsPerSegment = 8192;
    // Appended tables with fewer rows are copied into the last segment rather than shared.
    static constexpr int kShareRowsFrom = 1024;
    using Cells = std::vector<Slot>;
    struct Segment {
        int firstRow = 0;
        int rowCount = 0;
        quint64 firstChunk = 0; // text chunk of this segment's slots with chunk number 0
        // By table column; a column that is missing or shorter than rowCount reads as nulls.
        // Shared between copies of the table: changed only when not shared.
        std::vector<std::shared_ptr<Cells>> columns;
    };

    const Segment &segmentOf(int row) const; // row in range
    const Slot *slotAt(int row, int column, const Segment **segment) const;
    Slot &lastRowSlot(int column);
    void setTextSlot(int column, QByteArrayView utf8, Stored stored);
    QByteArrayView slotText(const Segment &segment, const Slot &slot) const;
    quint64 appendText(const char *data, qsizetype length); // returns the chunk << kChunkBits |
                                                            // offset, counting every chunk
    void sealText();
    void appendShared(const ResultTable &other, const std::vector<int> &target);
    void appendCopied(const ResultTable &other, const std::vector<int> &target);

    QStringList m_columns;
    std::vector<Segment> m_segments;      // cover rows 0 to m_rowCount - 1 in order
    bool m_lastSegmentOpen = false;       // addRow() may extend the last segment
    std::vector<QByteArray> m_textChunks; // full chunks, shared between tables
    QByteArray m_text;                    // the chunk being written, index m_textChunks.size()
    qsizetype m_textUsed = 0;             // bytes of m_text in use (the rest is spare capacity)
    int m_rowCount = 0;
    int m_rowsComing = 0; // while appendCopied() runs: rows it adds, for reserving room
};

} // namespace Halo
