#include "QueryOutput.h"

#include "Console.h"
#include "JsonText.h"
#include "sql/ParameterValue.h"

#include <QCoreApplication>

namespace Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli::QueryOutput", text);
}

bool isNonQuery(const QueryOutcome &outcome)
{
    return outcome.executionMode == QLatin1String("nonQuery") || outcome.rowsAffected.has_value();
}

QString parametersJson(const QList<Halo::OutputParameter> &parameters)
{
    QStringList items;
    for (const Halo::OutputParameter &p : parameters) {
        items.append(
            QStringLiteral("{\"name\": %1, \"direction\": %2, \"type\": %3, \"value\": %4}")
                .arg(JsonText::quoted(p.name), JsonText::quoted(p.direction),
                     JsonText::quoted(p.type),
                     p.value
                         ? JsonText::quoted(Halo::ParameterValue::displayValue(*p.value, p.type))
                         : QStringLiteral("null")));
    }
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

Halo::DecodedResult decodeResultData(const QByteArray &base64)
{
    return base64.isEmpty() ? Halo::DecodedResult() : Halo::ResultDecoder::decode(base64);
}

void QueryOutput::print(Console &console, const QueryOutcome &outcome, ResultFormat format)
{
    if (!outcome.result.note.isEmpty())
        console.note(tr("Note: %1").arg(outcome.result.note));
    if (format == ResultFormat::Json)
        printJson(console, outcome);
    else
        printText(console, outcome, format);
}

void QueryOutput::printJson(Console &console, const QueryOutcome &outcome)
{
    QStringList members{
        QStringLiteral("\"id\": ") + JsonText::quoted(outcome.id),
        QStringLiteral("\"status\": ") + JsonText::quoted(outcome.status),
        QStringLiteral("\"mode\": ") + JsonText::quoted(outcome.mode),
        QStringLiteral("\"executionMode\": ") + JsonText::quoted(outcome.executionMode),
    };
    const Halo::DecodedResult &result = outcome.result;
    const Halo::ResultTable &table = result.table;
    if (isNonQuery(outcome)) {
        members.append(QStringLiteral("\"rowsAffected\": ") +
                       (outcome.rowsAffected ? QString::number(*outcome.rowsAffected)
                                             : QStringLiteral("null")));
    } else if (result.shape == Halo::DecodedResult::RawText) {
        members.append(QStringLiteral("\"rawText\": ") + JsonText::quoted(result.rawText));
    } else if (result.shape == Halo::DecodedResult::RawBinary) {
        members.append(QStringLiteral("\"rawBase64\": ") +
                       JsonText::quoted(QString::fromLatin1(result.rawBytes.toBase64())));
    } else if (outcome.executionMode == QLatin1String("scalar")) {
        members.append(QStringLiteral("\"value\": ") + ResultFormatter::jsonCell(table.cell(0, 0)));
    } else {
        members.append(QStringLiteral("\"rowCount\": ") + QString::number(table.rowCount()));
        members.append(QStringLiteral("\"columns\": ") + ResultFormatter::jsonColumns(table));
        members.append(QStringLiteral("\"rows\": ") + ResultFormatter::jsonRows(table, 2));
    }
    if (!outcome.parameters.isEmpty())
        members.append(QStringLiteral("\"parameters\": ") + parametersJson(outcome.parameters));
    console.out() << "{\n  " << members.join(QStringLiteral(",\n  ")) << "\n}\n";
}

void QueryOutput::printText(Console &console, const QueryOutcome &outcome, ResultFormat format)
{
    QTextStream &out = console.out();
    const Halo::DecodedResult &result = outcome.result;
    const Halo::ResultTable &table = result.table;
    const bool csv = format == ResultFormat::Csv;
    if (isNonQuery(outcome)) {
        const qint64 affected = outcome.rowsAffected.value_or(0);
        if (csv)
            out << "rowsAffected\r\n" << affected << "\r\n";
        else
            out << tr("Rows affected: %1").arg(affected) << '\n';
    } else if (result.shape == Halo::DecodedResult::RawText) {
        out << result.rawText << (result.rawText.endsWith(QLatin1Char('\n')) ? "" : "\n");
    } else if (result.shape == Halo::DecodedResult::RawBinary) {
        out << result.rawBytes.toBase64() << '\n';
    } else if (csv) {
        if (table.columnCount() > 0)
            out << ResultFormatter::csv(table);
    } else if (outcome.executionMode == QLatin1String("scalar")) {
        // The value alone, so VALUE=$(halo-cli query ... --mode scalar ...) works.
        const Halo::ResultCell cell = table.cell(0, 0);
        out << (cell.isNull() ? QStringLiteral("NULL") : cell.toDisplayString()) << '\n';
    } else {
        if (table.columnCount() > 0)
            out << ResultFormatter::table(table);
        out << tr("Rows: %1").arg(table.rowCount()) << '\n';
    }
    if (outcome.parameters.isEmpty())
        return;
    QList<QPair<QString, QString>> rows;
    for (const Halo::OutputParameter &p : outcome.parameters)
        rows.append({p.name, p.value ? Halo::ParameterValue::displayValue(*p.value, p.type)
                                     : QStringLiteral("NULL")});
    const QString parameters = tr("Output parameters:") + QLatin1Char('\n') + keyValueList(rows);
    // CSV holds one table; the parameters go beside it, not into it.
    if (csv)
        console.err() << parameters;
    else
        out << '\n' << parameters;
}

} // namespace Cli
