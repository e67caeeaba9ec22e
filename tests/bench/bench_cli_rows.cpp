// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_cli_rows.h"

namespace BenchCli {

Records parseCsv(const QByteArray &text)
{
    Records records;
    std::vector<Field> record;
    Field field;
    bool inQuotes = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inQuotes) {
            if (c == '"' && i + 1 < text.size() && text.at(i + 1) == '"')
                field.text += text.at(++i);
            else if (c == '"')
                inQuotes = false;
            else
                field.text += c;
        } else if (c == '"') {
            inQuotes = field.quoted = true;
        } else if (c == ',' || (c == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n') ||
                   c == '\n') {
            record.push_back(field);
            field = Field();
            if (c != ',') {
                records.push_back(std::move(record));
                record.clear();
                i += c == '\r' ? 1 : 0;
            }
        } else {
            field.text += c;
        }
    }
    return records;
}

bool sameField(const Field &a, const Field &b, bool foldNull)
{
    if (a.isNull() != b.isNull() && !(foldNull && a.text.isEmpty() && b.text.isEmpty()))
        return false;
    if (a.text == b.text)
        return true;
    bool okA = false;
    bool okB = false;
    const double x = a.text.toDouble(&okA);
    const double y = b.text.toDouble(&okB);
    return okA && okB && x == y;
}

QString compareRows(const Records &reference, const Records &other, bool foldNull)
{
    if (reference.size() != other.size())
        return QStringLiteral("%1 records, not %2").arg(other.size()).arg(reference.size());
    for (size_t r = 0; r < reference.size(); ++r) {
        if (reference[r].size() != other[r].size())
            return QStringLiteral("record %1 has %2 fields, not %3")
                .arg(r)
                .arg(other[r].size())
                .arg(reference[r].size());
        for (size_t c = 0; c < reference[r].size(); ++c) {
            if (!sameField(reference[r][c], other[r][c], foldNull))
                return QStringLiteral("record %1 field %2: '%3' against '%4'")
                    .arg(r)
                    .arg(c)
                    .arg(QString::fromUtf8(other[r][c].text),
                         QString::fromUtf8(reference[r][c].text));
        }
    }
    return {};
}

} // namespace BenchCli
