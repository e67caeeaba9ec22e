// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ZipStreamWriter.h"

#include <QIODevice>
#include <QtEndian>

#include <zlib.h>

namespace Halo {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kDataDescriptor = 0x08074b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kEndOfCentral = 0x06054b50;
constexpr quint16 kVersion = 20;            // 2.0: deflate
constexpr quint16 kFlags = 0x0008 | 0x0800; // sizes after the data; names in UTF-8
constexpr quint16 kDeflated = 8;
constexpr quint16 kDosTime = 0;            // 00:00:00
constexpr quint16 kDosDate = (1 << 5) | 1; // 1980-01-01: the archive's content does not date
constexpr quint64 kMax32 = 0xFFFFFFFFu;

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

struct ZipStreamWriter::Deflater {
    z_stream stream{};
    bool open = false;
    ~Deflater()
    {
        if (open)
            deflateEnd(&stream);
    }
};

ZipStreamWriter::ZipStreamWriter(QIODevice *device)
    : m_device(device)
    , m_deflater(std::make_unique<Deflater>())
{}

ZipStreamWriter::~ZipStreamWriter() = default;

bool ZipStreamWriter::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

bool ZipStreamWriter::put(QByteArrayView bytes)
{
    if (m_device->write(bytes.data(), bytes.size()) != bytes.size())
        return fail(m_device->errorString());
    m_offset += quint64(bytes.size());
    return true;
}

bool ZipStreamWriter::beginEntry(const QString &name)
{
    if (m_inEntry && !endEntry())
        return false;
    Entry entry;
    entry.name = name.toUtf8();
    entry.offset = m_offset;
    entry.crc = quint32(crc32(0L, Z_NULL, 0));
    if (entry.offset > kMax32)
        return fail(QStringLiteral("the archive is larger than 4 GiB"));
    QByteArray header;
    put32(header, kLocalHeader);
    put16(header, kVersion);
    put16(header, kFlags);
    put16(header, kDeflated);
    put16(header, kDosTime);
    put16(header, kDosDate);
    put32(header, 0); // CRC and sizes: in the data descriptor
    put32(header, 0);
    put32(header, 0);
    put16(header, quint16(entry.name.size()));
    put16(header, 0);
    header.append(entry.name);
    m_entries.append(entry);
    // Raw deflate (no zlib header): what zip stores.
    m_deflater = std::make_unique<Deflater>();
    if (deflateInit2(&m_deflater->stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return fail(QStringLiteral("zlib could not start"));
    m_deflater->open = true;
    m_inEntry = true;
    return put(header);
}

bool ZipStreamWriter::deflate(QByteArrayView bytes, bool finish)
{
    Entry &entry = m_entries.last();
    z_stream &stream = m_deflater->stream;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    char out[64 * 1024];
    int status = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(out);
        stream.avail_out = sizeof out;
        status = ::deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH);
        if (status == Z_STREAM_ERROR)
            return fail(QStringLiteral("zlib failed"));
        const qsizetype produced = qsizetype(sizeof out - stream.avail_out);
        entry.compressed += quint64(produced);
        if (produced > 0 && !put(QByteArrayView(out, produced)))
            return false;
    } while (stream.avail_out == 0 || (finish && status != Z_STREAM_END));
    return true;
}

bool ZipStreamWriter::write(QByteArrayView bytes)
{
    if (!m_inEntry)
        return fail(QStringLiteral("no entry is open"));
    Entry &entry = m_entries.last();
    // zlib takes at most 4 GiB - 1 at a time (uInt); our chunks are far smaller.
    for (qsizetype at = 0; at < bytes.size(); at += 1 << 30) {
        const QByteArrayView part = bytes.sliced(at, qMin<qsizetype>(1 << 30, bytes.size() - at));
        entry.crc = quint32(
            crc32(entry.crc, reinterpret_cast<const Bytef *>(part.data()), uInt(part.size())));
        entry.size += quint64(part.size());
        if (!deflate(part, false))
            return false;
    }
    if (entry.size > kMax32)
        return fail(QStringLiteral("an entry is larger than 4 GiB"));
    return true;
}

bool ZipStreamWriter::endEntry()
{
    if (!m_inEntry)
        return true;
    if (!deflate({}, true))
        return false;
    deflateEnd(&m_deflater->stream);
    m_deflater->open = false;
    m_inEntry = false;
    const Entry &entry = m_entries.last();
    if (entry.compressed > kMax32)
        return fail(QStringLiteral("an entry is larger than 4 GiB"));
    QByteArray descriptor;
    put32(descriptor, kDataDescriptor);
    put32(descriptor, entry.crc);
    put32(descriptor, quint32(entry.compressed));
    put32(descriptor, quint32(entry.size));
    return put(descriptor);
}

bool ZipStreamWriter::finish()
{
    if (!endEntry())
        return false;
    const quint64 start = m_offset;
    QByteArray directory;
    for (const Entry &entry : std::as_const(m_entries)) {
        put32(directory, kCentralHeader);
        put16(directory, kVersion); // made by: MS-DOS, 2.0
        put16(directory, kVersion);
        put16(directory, kFlags);
        put16(directory, kDeflated);
        put16(directory, kDosTime);
        put16(directory, kDosDate);
        put32(directory, entry.crc);
        put32(directory, quint32(entry.compressed));
        put32(directory, quint32(entry.size));
        put16(directory, quint16(entry.name.size()));
        put16(directory, 0); // extra
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, quint32(entry.offset));
        directory.append(entry.name);
    }
    if (start + quint64(directory.size()) > kMax32 || m_entries.size() > 0xFFFF)
        return fail(QStringLiteral("the archive is larger than 4 GiB"));
    const auto directorySize = quint32(directory.size());
    put32(directory, kEndOfCentral);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, quint16(m_entries.size()));
    put16(directory, quint16(m_entries.size()));
    put32(directory, directorySize);
    put32(directory, quint32(start));
    put16(directory, 0);
    return put(directory);
}

} // namespace Halo
