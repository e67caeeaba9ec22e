// SPDX-License-Identifier: GPL-3.0-or-later
#include "Console.h"

#include <QIODevice>

namespace Cli {

void Console::writeOut(QByteArrayView bytes)
{
    m_out.flush();
    if (QIODevice *device = m_out.device()) {
        m_writeFailed = device->write(bytes.data(), bytes.size()) != bytes.size() || m_writeFailed;
        return;
    }
    m_out << m_decoder.decode(bytes);
}

bool Console::outputFailed() const
{
    return m_writeFailed || m_out.status() == QTextStream::WriteFailed;
}

int Console::fail(int exitCode, const QString &message)
{
    // One line whatever the message holds, so scripts can log it as one.
    m_err << "halo-cli: " << message.simplified() << Qt::endl;
    return exitCode;
}

void Console::note(const QString &message)
{
    m_err << message << Qt::endl;
}

OutputBuffer::OutputBuffer(Console &console)
    : m_console(console)
{
    grow(kChunkBytes);
}

OutputBuffer::~OutputBuffer()
{
    flush();
}

void OutputBuffer::appendSpaces(qsizetype count)
{
    if (count <= 0)
        return;
    if (m_used + count > m_capacity)
        grow(count);
    std::memset(m_data + m_used, ' ', size_t(count));
    m_used += count;
}

void OutputBuffer::chopSpaces(qsizetype from)
{
    while (m_used > from && m_data[m_used - 1] == ' ')
        --m_used;
}

void OutputBuffer::flush()
{
    if (m_used == 0)
        return;
    m_console.writeOut(QByteArrayView(m_data, m_used));
    m_used = 0;
}

void OutputBuffer::grow(qsizetype extra)
{
    if (m_used + extra <= m_capacity)
        return;
    // A chunk and a half at first, so that the row that crosses kChunkBytes seldom moves it.
    const qsizetype wanted =
        qMax(m_used + extra, qMax(m_capacity * 2, kChunkBytes + kChunkBytes / 2));
    m_storage.resize(wanted);
    m_data = m_storage.data();
    m_capacity = wanted;
}

} // namespace Cli
