// SPDX-License-Identifier: GPL-3.0-or-later
#include "results/ResultTable.h"

#include "results/IsoDateTime_p.h"

#include <QLocale>

namespace Halo {

using detail::IsoParts;
using detail::parseIso;
using detail::toDateTime;

ResultCell ResultCell::fromInteger(qint64 value)
{
    ResultCell cell;
    cell.m_kind = Kind::Integer;
    cell.m_integer = value;
    return cell;
}

ResultCell ResultCell::fromReal(double value)
{
    ResultCell cell;
    cell.m_kind = Kind::Real;
    cell.m_real = value;
    return cell;
}

ResultCell ResultCell::fromBoolean(bool value)
{
    ResultCell cell;
    cell.m_kind = Kind::Boolean;
    cell.m_integer = value ? 1 : 0;
    return cell;
}

ResultCell ResultCell::fromText(const QString &text)
{
    ResultCell cell;
    cell.m_kind = parseIso(text.toUtf8(), nullptr);
    cell.m_text = text;
    return cell;
}

qint64 ResultCell::toInteger() const
{
    switch (m_kind) {
    case Kind::Integer:
    case Kind::Boolean:
        return m_integer;
    case Kind::Real:
        return qint64(toReal());
    default:
        return m_text.toLongLong();
    }
}

double ResultCell::toReal() const
{
    switch (m_kind) {
    case Kind::Integer:
    case Kind::Boolean:
        return double(m_integer);
    case Kind::Real:
        return m_text.isEmpty() ? m_real : QByteArrayView(m_text.toLatin1()).toDouble();
    default:
        return QByteArrayView(m_text.toUtf8()).toDouble();
    }
}

bool ResultCell::toBoolean() const
{
    switch (m_kind) {
    case Kind::Integer:
    case Kind::Boolean:
        return m_integer != 0;
    case Kind::Real:
        return toReal() != 0.0;
    default:
        return m_text == QLatin1String("true");
    }
}

QVariant ResultCell::toVariant() const
{
    switch (m_kind) {
    case Kind::Null:
        return {};
    case Kind::Integer:
        return QVariant(qlonglong(m_integer));
    case Kind::Real:
        return QVariant(toReal());
    case Kind::Boolean:
        return QVariant(m_integer != 0);
    case Kind::String:
        return QVariant(m_text);
    case Kind::Date:
    case Kind::DateTime: {
        IsoParts parts;
        parseIso(m_text.toUtf8(), &parts);
        if (m_kind == Kind::Date)
            return QVariant(parts.date);
        return QVariant(toDateTime(parts));
    }
    }
    return {};
}

QString ResultCell::toDisplayString() const
{
    switch (m_kind) {
    case Kind::Null:
        return {};
    case Kind::Integer:
        return QString::number(m_integer);
    case Kind::Real: {
        if (!m_text.isEmpty())
            return m_text;
        QString text = QString::number(m_real, 'g', QLocale::FloatingPointShortest);
        bool whole = true;
        for (const QChar c : text)
            whole = whole && (c.isDigit() || c == QLatin1Char('-'));
        if (whole)
            text += QLatin1String(".0");
        return text;
    }
    case Kind::Boolean:
        return m_integer != 0 ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::String:
    case Kind::Date:
    case Kind::DateTime:
        return m_text;
    }
    return {};
}

bool operator==(const ResultCell &a, const ResultCell &b)
{
    if (a.m_kind != b.m_kind || a.m_text != b.m_text)
        return false;
    switch (a.m_kind) {
    case ResultCell::Kind::Integer:
    case ResultCell::Kind::Boolean:
        return a.m_integer == b.m_integer;
    case ResultCell::Kind::Real:
        return !a.m_text.isEmpty() || a.m_real == b.m_real;
    default:
        return true;
    }
}

} // namespace Halo
