// SPDX-License-Identifier: GPL-3.0-or-later
#include "sites/SiteCsv.h"

#include "sites/SiteInfo.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace Halo {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Halo::SiteCsv", text);
}

struct CsvRecord {
    int line = 0;
    QStringList fields;
    bool unterminated = false;
};

// RFC 4180: fields separated by commas, quoted with '"' (a quote inside doubled), quoted fields
// may span lines. Blank lines are skipped. Lines are counted so a problem can name its line.
QList<CsvRecord> parseCsv(const QString &text)
{
    QList<CsvRecord> records;
    CsvRecord current;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    current.line = 1;
    auto endField = [&]() {
        current.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&]() {
        const bool blank = current.fields.isEmpty() && field.isEmpty() && !fieldStarted;
        if (!blank) {
            endField();
            records.append(current);
        }
        current = CsvRecord();
        current.line = line;
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            quoted = true;
            fieldStarted = true;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            endField();
            fieldStarted = true; // a trailing comma still makes an (empty) field
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else if (c != QLatin1Char('\r')) {
            field.append(c);
        }
    }
    if (quoted)
        current.unterminated = true;
    endRecord();
    return records;
}

// The stored PMS type for what people write in a spreadsheet: "Best Practice", "bp", "zedmed".
QString pmsTypeFrom(const QString &text)
{
    const QString key = text.simplified().remove(QLatin1Char(' ')).toLower();
    if (key == QLatin1String("bestpractice") || key == QLatin1String("bp"))
        return QStringLiteral("BestPractice");
    if (key == QLatin1String("zedmed"))
        return QStringLiteral("Zedmed");
    if (key == QLatin1String("d4w"))
        return QStringLiteral("D4w");
    return text.trimmed(); // left for validation to name
}

// Column names as read (lower case, spaces and dashes as underscores) to the ones used here.
QString canonicalColumn(const QString &header)
{
    QString name = header.trimmed().toLower();
    name.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    static const QHash<QString, QString> aliases{
        {QStringLiteral("pms_type"), QStringLiteral("pms")},
        {QStringLiteral("pmstype"), QStringLiteral("pms")},
        {QStringLiteral("pmsid"), QStringLiteral("pms_id")},
        {QStringLiteral("halo_guid"), QStringLiteral("guid")},
        {QStringLiteral("expected_guid"), QStringLiteral("guid")},
        {QStringLiteral("expected_name"), QStringLiteral("practice_name")},
        {QStringLiteral("baseurl"), QStringLiteral("base_url")}};
    return aliases.value(name, name);
}

const QStringList &exportedColumns()
{
    static const QStringList columns{
        QStringLiteral("environment"),   QStringLiteral("base_url"), QStringLiteral("pms"),
        QStringLiteral("pms_id"),        QStringLiteral("guid"),     QStringLiteral("label"),
        QStringLiteral("practice_name"), QStringLiteral("notes"),    QStringLiteral("tags")};
    return columns;
}

QString csvField(const QString &value)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (const QChar c : value)
        quote = quote || special.contains(c);
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

bool readSiteCsv(const QByteArray &data, const SiteCsvDefaults &defaults, QList<SiteCsvRow> *rows,
                 QString *error)
{
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff))) // spreadsheets often write a byte order mark
        text.remove(0, 1);
    const QList<CsvRecord> records = parseCsv(text);
    if (records.isEmpty()) {
        if (error)
            *error = translated("The file is empty: a CSV site list needs a header row.");
        return false;
    }
    QHash<QString, int> columns;
    for (int i = 0; i < records.first().fields.size(); ++i)
        columns.insert(canonicalColumn(records.first().fields.at(i)), i);
    QStringList missing;
    for (const char *required : {"pms", "pms_id", "guid"}) {
        if (!columns.contains(QLatin1String(required)))
            missing.append(QLatin1String(required));
    }
    if (!missing.isEmpty()) {
        if (error)
            *error = translated("Line 1 is not a site list header: the columns %1 are missing "
                                "(expected for example pms,pms_id,guid,label).")
                         .arg(missing.join(QStringLiteral(", ")));
        return false;
    }
    rows->clear();
    for (int r = 1; r < records.size(); ++r) {
        const CsvRecord &record = records.at(r);
        auto value = [&](const char *column) {
            const int index = columns.value(QLatin1String(column), -1);
            return index >= 0 && index < record.fields.size() ? record.fields.at(index).trimmed()
                                                              : QString();
        };
        SiteCsvRow row;
        row.line = record.line;
        if (record.unterminated) {
            row.problem = translated("a quoted field is not closed.");
            rows->append(row);
            break; // the rest of the file is inside that field
        }
        SiteRecord &site = row.record;
        site.environment = value("environment");
        site.baseUrl = value("base_url");
        if (site.environment.isEmpty()) {
            site.environment = defaults.environment;
            if (site.baseUrl.isEmpty())
                site.baseUrl = defaults.baseUrl;
        }
        site.pmsType = pmsTypeFrom(value("pms"));
        site.pmsId = value("pms_id");
        site.guid = value("guid");
        site.label = value("label");
        site.recorded.practiceName = value("practice_name");
        site.notes = value("notes");
        site.tags = cleanedTags(value("tags").split(QLatin1Char(';')));
        if (site.environment.isEmpty())
            row.problem = translated("no environment: add an environment column "
                                     "(production, stage, sandbox or custom).");
        rows->append(row);
    }
    return true;
}

QByteArray siteCsv(const QList<SiteRecord> &sites)
{
    QStringList lines{exportedColumns().join(QLatin1Char(','))};
    for (const SiteRecord &site : sites) {
        const QStringList values{site.environment,
                                 site.baseUrl,
                                 site.pmsType,
                                 site.pmsId,
                                 site.guid,
                                 site.label,
                                 site.recorded.practiceName,
                                 site.notes,
                                 site.tags.join(QLatin1Char(';'))};
        QStringList fields;
        for (const QString &value : values)
            fields.append(csvField(value));
        lines.append(fields.join(QLatin1Char(',')));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

bool looksLikeCsv(const QString &path, const QByteArray &data)
{
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return true;
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return false;
    return !data.trimmed().startsWith('{');
}

} // namespace Halo
