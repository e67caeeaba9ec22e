// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueryOutput.h"

#include "Console.h"
#include "JsonText.h"
#include "sql/ParameterValue.h"

#include <QCoreApplication>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::QueryOutput)
};

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
        console.note(Text::tr("Note: %1").arg(outcome.result.note));
    if (format == ResultFormat::Json)
        printJson(console, outcome);
    else
        printText(console, outcome, format);
}

void QueryOutput::printJson(Console &console, const QueryOutcome &outcome)
{
    OutputBuffer out(console);
    bool first = true;
    const auto member = [&out, &first](const char *name) {
        out.append(first ? '{' : ',');
        out.append("\n  \"");
        first = false;
        out.append(name);
        out.append("\": ");
    };
    const auto quoted = [&out](const QString &text) { out.appendText(JsonText::quoted(text)); };
    member("id");
    quoted(outcome.id);
    member("status");
    quoted(outcome.status);
    member("mode");
    quoted(outcome.mode);
    member("executionMode");
    quoted(outcome.executionMode);
    const Halo::DecodedResult &result = outcome.result;
    const Halo::ResultTable &table = result.table;
    if (isNonQuery(outcome)) {
        member("rowsAffected");
        out.append(outcome.rowsAffected ? QByteArray::number(*outcome.rowsAffected)
                                        : QByteArrayLiteral("null"));
    } else if (result.shape == Halo::DecodedResult::RawText) {
        member("rawText");
        quoted(result.rawText);
    } else if (result.shape == Halo::DecodedResult::RawBinary) {
        member("rawBase64");
        out.append('"');
        out.append(result.rawBytes.toBase64());
        out.append('"');
    } else if (outcome.executionMode == QLatin1String("scalar")) {
        member("value");
        out.append(ResultFormatter::jsonCell(table.cell(0, 0)));
    } else {
        member("rowCount");
        out.append(QByteArray::number(table.rowCount()));
        member("columns");
        out.append(ResultFormatter::jsonColumns(table));
        member("rows");
        ResultFormatter::writeJsonRows(table, 2, out);
    }
    if (!outcome.parameters.isEmpty()) {
        member("parameters");
        out.appendText(parametersJson(outcome.parameters));
    }
    out.append("\n}\n");
}

void QueryOutput::printText(Console &console, const QueryOutcome &outcome, ResultFormat format)
{
    OutputBuffer out(console);
    const Halo::DecodedResult &result = outcome.result;
    const Halo::ResultTable &table = result.table;
    const bool csv = format == ResultFormat::Csv;
    if (isNonQuery(outcome)) {
        const qint64 affected = outcome.rowsAffected.value_or(0);
        if (csv)
            out.append("rowsAffected\r\n" + QByteArray::number(affected) + "\r\n");
        else
            out.appendText(Text::tr("Rows affected: %1").arg(affected) + QLatin1Char('\n'));
    } else if (result.shape == Halo::DecodedResult::RawText) {
        out.appendText(result.rawText);
        if (!result.rawText.endsWith(QLatin1Char('\n')))
            out.append('\n');
    } else if (result.shape == Halo::DecodedResult::RawBinary) {
        out.append(result.rawBytes.toBase64());
        out.append('\n');
    } else if (csv) {
        if (table.columnCount() > 0)
            ResultFormatter::writeCsv(table, out);
    } else if (outcome.executionMode == QLatin1String("scalar")) {
        // The value alone, so VALUE=$(halo-cli query ... --mode scalar ...) works.
        const Halo::ResultCell cell = table.cell(0, 0);
        out.appendText(cell.isNull() ? QStringLiteral("NULL") : cell.toDisplayString());
        out.append('\n');
    } else {
        if (table.columnCount() > 0)
            ResultFormatter::writeTable(table, out);
        out.appendText(Text::tr("Rows: %1").arg(table.rowCount()) + QLatin1Char('\n'));
    }
    if (outcome.parameters.isEmpty())
        return;
    QList<QPair<QString, QString>> rows;
    for (const Halo::OutputParameter &p : outcome.parameters)
        rows.append({p.name, p.value ? Halo::ParameterValue::displayValue(*p.value, p.type)
                                     : QStringLiteral("NULL")});
    const QString parameters =
        Text::tr("Output parameters:") + QLatin1Char('\n') + keyValueList(rows);
    // CSV holds one table; the parameters go beside it, not into it.
    if (csv)
        console.err() << parameters;
    else
        out.appendText(QLatin1Char('\n') + parameters);
}

} // namespace Cli
