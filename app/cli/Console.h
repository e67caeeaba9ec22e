// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>
#include <QTextStream>

#include <cstring>

class QIODevice;

namespace Cli {

// Where a command reads and writes: results on `out`, progress and errors on `err`, input
// (a key, SQL) from `in`. main() passes the process's streams; tests may pass buffers.
class Console
{
public:
    Console(QTextStream &out, QTextStream &err, QIODevice &in)
        : m_out(out)
        , m_err(err)
        , m_in(in)
    {}

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QIODevice &in() { return m_in; }
    // A person may be typing at `in`: worth a prompt.
    bool inputIsTerminal() const { return m_inputIsTerminal; }
    void setInputIsTerminal(bool terminal) { m_inputIsTerminal = terminal; }

    // UTF-8 bytes on `out`, after the text already written to it: straight to its device when
    // it has one (a file or a pipe), else decoded into the stream.
    void writeOut(QByteArrayView bytes);
    // A write to `out`'s device failed (a full disk, say): what was printed is not whole.
    bool outputFailed() const;

    // A line on standard error that says what went wrong; returns `exitCode` for the caller.
    int fail(int exitCode, const QString &message);
    // A line of progress or advice on standard error.
    void note(const QString &message);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QIODevice &m_in;
    bool m_inputIsTerminal = false;
    bool m_writeFailed = false;
    // Keeps a character split between two writeOut() calls whole, and a byte order mark the
    // output holds.
    QStringDecoder m_decoder{QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom};
};

// Output that grows with a result, gathered into chunks of a few hundred kilobytes for
// Console::writeOut: one write per chunk, where text per cell through QTextStream would cost a
// QString and an encoding each. A row is appended whole (the buffer grows as it must) and
// written out at endRow(), so that a row may still be changed until it ends.
class OutputBuffer
{
public:
    explicit OutputBuffer(Console &console);
    ~OutputBuffer();
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    void append(QByteArrayView bytes)
    {
        const qsizetype length = bytes.size();
        if (m_used + length > m_capacity)
            grow(length);
        copy(m_data + m_used, bytes.data(), length);
        m_used += length;
    }
    void append(char c)
    {
        if (m_used == m_capacity)
            grow(1);
        m_data[m_used++] = c;
    }
    void appendText(const QString &text) { append(text.toUtf8()); }
    void appendSpaces(qsizetype count);
    // Bytes not yet written out: a position in the row being appended.
    qsizetype size() const { return m_used; }
    // Drops spaces at the end, back to `from` at most.
    void chopSpaces(qsizetype from);
    // Writes out what is gathered once it fills a chunk.
    void endRow()
    {
        if (m_used >= kChunkBytes)
            flush();
    }
    void flush();

    static constexpr qsizetype kChunkBytes = 256 * 1024;

private:
    // Most cells are a few bytes: the C library's memcpy() for those costs more than the copy
    // (and on some machines slows the SSE code after it, see ResultTable.cpp).
    static void copy(char *to, const char *from, qsizetype length)
    {
        if (length > 32) {
            std::memcpy(to, from, size_t(length));
            return;
        }
        for (; length > 0; --length)
            *to++ = *from++;
    }
    void grow(qsizetype extra);

    Console &m_console;
    QByteArray m_storage;
    char *m_data = nullptr;
    qsizetype m_used = 0;
    qsizetype m_capacity = 0;
};

} // namespace Cli
