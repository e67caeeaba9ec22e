// SPDX-License-Identifier: GPL-3.0-or-later
// Rows as SQL literals for Filler::Inserter.
#include "SampleFiller_p.h"

#include <charconv>

namespace Sandbox::detail {

void Filler::Inserter::appendLiteral(const QVariant &value)
{
    char number[32];
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        m_sql += QLatin1String("NULL");
        return;
    case QMetaType::Int:
    case QMetaType::LongLong: {
        const auto result = std::to_chars(number, number + sizeof(number), value.toLongLong());
        m_sql += QLatin1String(number, result.ptr - number);
        return;
    }
    case QMetaType::Double: {
        const auto result = std::to_chars(number, number + sizeof(number), value.toDouble());
        m_sql += QLatin1String(number, result.ptr - number); // shortest round-trip form
        return;
    }
    case QMetaType::QString:
        appendQuoted(*static_cast<const QString *>(value.constData()));
        return;
    default:
        appendQuoted(value.toString());
        return;
    }
}

void Filler::Inserter::appendQuoted(QStringView text)
{
    m_sql += QLatin1Char('\'');
    for (qsizetype from = 0;;) {
        const qsizetype quote = text.indexOf(QLatin1Char('\''), from);
        if (quote < 0) {
            m_sql += text.mid(from);
            break;
        }
        m_sql += text.mid(from, quote + 1 - from);
        m_sql += QLatin1Char('\''); // doubled
        from = quote + 1;
    }
    m_sql += QLatin1Char('\'');
}

} // namespace Sandbox::detail
