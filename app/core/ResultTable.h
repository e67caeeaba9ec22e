#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QVariant>

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

// A decoded query result: named columns in order and rows of cells. Stored column by column in
// 16-byte slots with every string in one shared UTF-8 buffer, so a large page costs no heap
// allocation per cell. Cells missing at the end of a column (ragged rows, columns that appeared
// in a later page) read as null.
class ResultTable
{
public:
    int rowCount() const { return m_rowCount; }
    int columnCount() const { return int(m_columns.size()); }
    const QStringList &columns() const { return m_columns; }
    ResultCell cell(int row, int column) const; // out of range gives a null
    ResultCell::Kind kind(int row, int column) const;

    // Adds the rows of a later page. Columns match by name (the n-th "x" matches the n-th "x");
    // columns new in `other` are added at the end, with nulls in the rows already here.
    void append(const ResultTable &other);

    // Building, for decoders: columns as they appear, then one row at a time. The set* calls
    // write to the last row; a second write to the same cell replaces the first.
    int addColumn(const QString &name);
    void addRow() { ++m_rowCount; }
    void setNull(int column);
    void setInteger(int column, qint64 value);
    void setReal(int column, double value);
    void setBoolean(int column, bool value);
    void setText(int column, QByteArrayView utf8);         // classifies Date/DateTime
    void setNumberText(int column, QByteArrayView digits); // a Real kept as its exact digits

private:
    // Kinds from NumberText on keep their text in m_text.
    enum class Stored : quint8 { Null, Integer, Real, Boolean, NumberText, Text, Date, DateTime };
    static bool hasText(Stored stored) { return stored >= Stored::NumberText; }
    struct Slot {
        union {
            qint64 integer = 0;
            double real;
            quint64 offset; // into m_text, for text kinds
        };
        quint32 length = 0; // bytes in m_text
        Stored stored = Stored::Null;
    };

    Slot &lastRowSlot(int column);
    void setTextSlot(int column, QByteArrayView utf8, Stored stored);
    const Slot *slotAt(int row, int column) const;

    QStringList m_columns;
    std::vector<std::vector<Slot>> m_cells; // per column; may be shorter than m_rowCount
    QByteArray m_text;
    int m_rowCount = 0;
};

} // namespace Halo
