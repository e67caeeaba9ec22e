// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/VerificationInput.h"

#include "sites/SiteInfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

namespace Halo {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Halo::VerificationCsv)
};

// One record of the file: its fields and the line it starts on, or what is wrong with it.
struct CsvRecord {
    QStringList fields;
    int line = 0;
    QString problem;
};

// Splits RFC 4180 text into records. A quoted field may span lines, so a record's line is where
// it starts; an unterminated quote swallows the rest of the file and is reported on its line.
class CsvSplitter
{
public:
    explicit CsvSplitter(const QString &text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }

    CsvRecord next()
    {
        CsvRecord record;
        record.line = m_line;
        QString field;
        bool quoted = false;    // inside quotes
        bool wasQuoted = false; // this field began with a quote
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('"')) {
                        field += c;
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == QLatin1Char('\n'))
                        ++m_line;
                    field += c;
                }
                continue;
            }
            if (c == QLatin1Char(',')) {
                record.fields.append(field);
                field.clear();
                wasQuoted = false;
            } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                if (c == QLatin1Char('\r') && m_pos < m_text.size() &&
                    m_text.at(m_pos) == QLatin1Char('\n'))
                    ++m_pos;
                ++m_line;
                record.fields.append(field);
                return record;
            } else if (c == QLatin1Char('"')) {
                if (field.isEmpty() && !wasQuoted) {
                    quoted = wasQuoted = true;
                } else if (record.problem.isEmpty()) {
                    record.problem = Text::tr("a double quote inside a field that is not quoted");
                }
            } else if (wasQuoted) {
                if (record.problem.isEmpty())
                    record.problem = Text::tr("text after the closing double quote of a field");
            } else {
                field += c;
            }
        }
        if (quoted)
            record.problem = Text::tr("a double quote that is never closed");
        record.fields.append(field);
        return record;
    }

private:
    const QString &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

bool isBlank(const CsvRecord &record)
{
    return record.problem.isEmpty() && record.fields.size() == 1 &&
           record.fields.first().trimmed().isEmpty();
}

QString lineProblem(int line, const QString &what)
{
    return Text::tr("line %1: %2").arg(line).arg(what);
}

VerificationInput rowFrom(const CsvRecord &record, const QHash<QString, int> &columns,
                          int headerFields)
{
    VerificationInput row;
    row.line = record.line;
    auto field = [&](const char *name) {
        const int index = columns.value(QLatin1String(name), -1);
        return index >= 0 && index < record.fields.size() ? record.fields.at(index).trimmed()
                                                          : QString();
    };
    row.pms = field("pms");
    row.pmsType = VerificationCsv::pmsTypeFor(row.pms);
    if (!row.pmsType.isEmpty())
        row.pms = row.pmsType;
    row.pmsId = field("pms_id");
    const QString guid = field("expected_guid");
    row.expectedGuid = normalisedGuid(guid);
    row.expectedName = field("expected_name");

    QString what = record.problem;
    if (what.isEmpty() && record.fields.size() > headerFields)
        what = Text::tr("%1 fields where the header has %2")
                   .arg(record.fields.size())
                   .arg(headerFields);
    else if (what.isEmpty() && row.pms.isEmpty())
        what = Text::tr("the PMS is empty (Best Practice, Zedmed or D4w)");
    else if (what.isEmpty() && row.pmsType.isEmpty())
        what = Text::tr("“%1” is not a PMS (Best Practice, Zedmed or D4w)").arg(row.pms);
    else if (what.isEmpty() && row.pmsId.isEmpty())
        what = Text::tr("the PMS ID is empty");
    else if (what.isEmpty() && !guid.isEmpty() && row.expectedGuid.isEmpty())
        what = Text::tr("“%1” is not a Halo GUID").arg(guid);
    if (!what.isEmpty()) {
        row.expectedGuid = row.expectedGuid.isEmpty() ? guid : row.expectedGuid;
        row.problem = lineProblem(record.line, what);
    }
    return row;
}

} // namespace

QString VerificationCsv::pmsTypeFor(const QString &pms)
{
    const QString key = pms.simplified().remove(QLatin1Char(' ')).toLower();
    if (key == QLatin1String("bestpractice"))
        return QStringLiteral("BestPractice");
    if (key == QLatin1String("zedmed"))
        return QStringLiteral("Zedmed");
    if (key == QLatin1String("d4w"))
        return QStringLiteral("D4w");
    return QString();
}

VerificationInputs VerificationCsv::parse(const QByteArray &csv)
{
    VerificationInputs inputs;
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    CsvSplitter splitter(text);
    CsvRecord header;
    while (!splitter.atEnd() && isBlank(header = splitter.next())) {
    }
    if (header.fields.isEmpty() || isBlank(header)) {
        inputs.usageError =
            Text::tr("the file is empty: it needs a header row with pms and pms_id");
        return inputs;
    }
    if (!header.problem.isEmpty()) {
        inputs.usageError =
            Text::tr("the header row: %1").arg(lineProblem(header.line, header.problem));
        return inputs;
    }
    QHash<QString, int> columns;
    for (int i = 0; i < header.fields.size(); ++i)
        columns.insert(header.fields.at(i).trimmed().toLower(), i);
    for (const char *required : {"pms", "pms_id"}) {
        if (!columns.contains(QLatin1String(required))) {
            inputs.usageError =
                Text::tr("the header row has no %1 column (it needs pms,pms_id and may "
                         "add expected_guid,expected_name)")
                    .arg(QLatin1String(required));
            return inputs;
        }
    }
    while (!splitter.atEnd()) {
        const CsvRecord record = splitter.next();
        if (!isBlank(record))
            inputs.rows.append(rowFrom(record, columns, header.fields.size()));
    }
    return inputs;
}

VerificationInputs VerificationCsv::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        VerificationInputs inputs;
        inputs.usageError = Text::tr("cannot read %1: %2").arg(path, file.errorString());
        return inputs;
    }
    return parse(file.readAll());
}

QList<VerificationInput> verificationInputsFrom(const QList<SiteRecord> &sites)
{
    QList<VerificationInput> rows;
    for (const SiteRecord &site : sites) {
        VerificationInput row;
        row.pmsType = site.pmsType;
        row.pms = site.pmsType;
        row.pmsId = site.pmsId.trimmed();
        row.expectedGuid = normalisedGuid(site.guid);
        row.expectedName = site.recorded.practiceName;
        row.recorded = site.recorded;
        if (VerificationCsv::pmsTypeFor(site.pmsType).isEmpty())
            row.problem = Text::tr("saved site %1: “%2” is not a PMS").arg(site.guid, site.pmsType);
        else if (row.pmsId.isEmpty())
            row.problem = Text::tr("saved site %1: no PMS ID was saved").arg(site.guid);
        rows.append(row);
    }
    return rows;
}

} // namespace Halo
