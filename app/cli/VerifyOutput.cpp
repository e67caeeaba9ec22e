// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifyOutput.h"

#include "JsonText.h"
#include "OutputFormatter.h"
#include "net/ServerText.h"
#include "sites/SiteInfo.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::VerifyOutput)
};

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString jsonValue(const QJsonValue &value)
{
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return JsonText::quoted(value.toString());
}

QString pmsText(const Halo::VerificationInput &input)
{
    return input.pmsType.isEmpty() ? input.pms : Halo::pmsDisplayName(input.pmsType);
}

} // namespace

QString VerifyOutput::table(const QList<Halo::VerificationResult> &rows)
{
    TextTable table({Text::tr("PMS"), Text::tr("PMS ID"), Text::tr("Verdict"),
                     Text::tr("Halo GUID"), Text::tr("Practice"), Text::tr("Availability"),
                     Text::tr("Heartbeat age (s)"), Text::tr("Message")});
    table.setRightAligned(6);
    for (const Halo::VerificationResult &row : rows) {
        QStringList cells{pmsText(row.input),
                          row.input.pmsId,
                          Halo::verdictId(row.verdict),
                          row.guid,
                          row.practiceName,
                          row.availability,
                          row.heartbeatAgeSeconds < 0 ? QStringLiteral("-")
                                                      : QString::number(row.heartbeatAgeSeconds),
                          row.message};
        // The CSV's own text may hold line breaks or escapes too: one line per row.
        for (QString &cell : cells)
            cell = Halo::shownServerText(cell);
        table.addRow(cells);
    }
    return table.render();
}

QString VerifyOutput::csv(const QList<Halo::VerificationResult> &rows)
{
    const QStringList fields = Halo::VerificationResult::jsonFields();
    QString text = fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const Halo::VerificationResult &row : rows) {
        const QJsonObject json = row.toJson();
        QStringList cells;
        for (const QString &field : fields) {
            const QJsonValue value = json.value(field);
            cells.append(value.isDouble() ? QString::number(qint64(value.toDouble()))
                                          : csvField(value.toString()));
        }
        text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return text;
}

QString VerifyOutput::json(const QList<Halo::VerificationResult> &rows)
{
    // Keys in the documented order, which QJsonDocument would sort; one row a line.
    const QStringList fields = Halo::VerificationResult::jsonFields();
    QStringList objects;
    for (const Halo::VerificationResult &row : rows) {
        const QJsonObject json = row.toJson();
        QStringList members;
        for (const QString &field : fields)
            members.append(JsonText::quoted(field) + QStringLiteral(": ") +
                           jsonValue(json.value(field)));
        objects.append(QStringLiteral("  {") + members.join(QStringLiteral(", ")) +
                       QLatin1Char('}'));
    }
    if (objects.isEmpty())
        return QStringLiteral("[]\n");
    return QStringLiteral("[\n") + objects.join(QStringLiteral(",\n")) + QStringLiteral("\n]\n");
}

QString VerifyOutput::progressLine(int done, int total, const Halo::VerificationResult &row)
{
    QString line = Text::tr("[%1/%2] %3 (%4): %5")
                       .arg(done)
                       .arg(total)
                       .arg(row.input.pmsId.isEmpty() ? Text::tr("no PMS ID") : row.input.pmsId,
                            pmsText(row.input), Halo::verdictId(row.verdict));
    if (!row.isOk())
        line += QStringLiteral(" — ") + row.message;
    return Halo::shownServerText(line);
}

} // namespace Cli
