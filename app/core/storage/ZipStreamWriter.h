// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;

namespace Halo {

// Writes a zip archive (deflated entries) to a device as the bytes come, without holding an
// entry in memory: each entry's CRC and sizes follow its data (a data descriptor), and the
// central directory comes last. Enough for Office Open XML files (.xlsx); no zip64, so an entry
// stops at 4 GiB (write() then fails).
class ZipStreamWriter
{
public:
    explicit ZipStreamWriter(QIODevice *device);
    ~ZipStreamWriter();

    bool beginEntry(const QString &name);
    bool write(QByteArrayView bytes);
    bool endEntry();
    // The central directory; the archive is complete after it.
    bool finish();

    QString errorString() const { return m_error; }

private:
    struct Entry {
        QByteArray name;
        quint32 crc = 0;
        quint64 compressed = 0;
        quint64 size = 0;
        quint64 offset = 0;
    };
    struct Deflater;
    bool deflate(QByteArrayView bytes, bool finish);
    bool put(QByteArrayView bytes);
    bool fail(const QString &error);

    QIODevice *m_device;
    std::unique_ptr<Deflater> m_deflater;
    QList<Entry> m_entries;
    quint64 m_offset = 0;
    bool m_inEntry = false;
    QString m_error;
};

} // namespace Halo
