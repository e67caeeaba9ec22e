// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntegratorApi_p.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonValue>
#include <QUuid>

namespace Sandbox::detail {

namespace {

const QStringList &sqlDbTypes()
{
    static const QStringList types = {QStringLiteral("BigInt"),
                                      QStringLiteral("Binary"),
                                      QStringLiteral("Bit"),
                                      QStringLiteral("Char"),
                                      QStringLiteral("String"),
                                      QStringLiteral("Date"),
                                      QStringLiteral("DateTime"),
                                      QStringLiteral("DateTime2"),
                                      QStringLiteral("DateTimeOffset"),
                                      QStringLiteral("Decimal"),
                                      QStringLiteral("Float"),
                                      QStringLiteral("Image"),
                                      QStringLiteral("Int"),
                                      QStringLiteral("Money"),
                                      QStringLiteral("NChar"),
                                      QStringLiteral("NText"),
                                      QStringLiteral("NVarChar"),
                                      QStringLiteral("Real"),
                                      QStringLiteral("SmallDateTime"),
                                      QStringLiteral("SmallInt"),
                                      QStringLiteral("SmallMoney"),
                                      QStringLiteral("Structured"),
                                      QStringLiteral("Text"),
                                      QStringLiteral("Time"),
                                      QStringLiteral("Timestamp"),
                                      QStringLiteral("TinyInt"),
                                      QStringLiteral("Udt"),
                                      QStringLiteral("UniqueIdentifier"),
                                      QStringLiteral("VarBinary"),
                                      QStringLiteral("VarChar"),
                                      QStringLiteral("Variant"),
                                      QStringLiteral("Xml")};
    return types;
}

} // namespace

QString isoMs(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

ApiReply jsonReply(int status, const QJsonObject &object)
{
    ApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Reads `command` as the Command schema describes it; returns an error message or empty.
QString parseCommand(const QJsonValue &value, SqlCommand *command)
{
    if (!value.isObject())
        return QStringLiteral("'command' is required and must be an object.");
    const QJsonObject json = value.toObject();
    const QJsonValue text = json.value(QStringLiteral("text"));
    if (!text.isString() || text.toString().trimmed().isEmpty())
        return QStringLiteral("'command.text' is required and must be a non-empty string.");
    command->text = text.toString();
    if (json.contains(QStringLiteral("executionMode"))) {
        const QString mode = json.value(QStringLiteral("executionMode")).toString();
        if (mode != QLatin1String("reader") && mode != QLatin1String("nonQuery") &&
            mode != QLatin1String("scalar"))
            return QStringLiteral(
                "'command.executionMode' must be one of reader, nonQuery, scalar.");
        command->executionMode = mode;
    }
    if (json.contains(QStringLiteral("type"))) {
        const QString type = json.value(QStringLiteral("type")).toString();
        if (type != QLatin1String("text") && type != QLatin1String("storedProcedure"))
            return QStringLiteral("'command.type' must be one of text, storedProcedure.");
        command->type = type;
    }
    const QJsonValue parameters = json.value(QStringLiteral("parameters"));
    if (parameters.isUndefined() || parameters.isNull())
        return {};
    if (!parameters.isArray())
        return QStringLiteral("'command.parameters' must be an array.");
    static const QStringList directions = {QStringLiteral("output"), QStringLiteral("input"),
                                           QStringLiteral("inputOutput"),
                                           QStringLiteral("returnValue")};
    const QJsonArray list = parameters.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject p = list.at(i).toObject();
        const QString where = QStringLiteral("'command.parameters[%1]").arg(i);
        SqlParameter parameter;
        parameter.name = p.value(QStringLiteral("name")).toString();
        if (parameter.name.isEmpty())
            return where + QStringLiteral(".name' is required.");
        parameter.direction =
            p.value(QStringLiteral("direction")).toString(QStringLiteral("input"));
        if (!directions.contains(parameter.direction))
            return where +
                   QStringLiteral(
                       ".direction' must be one of output, input, inputOutput, returnValue.");
        parameter.type = p.value(QStringLiteral("type")).toString(QStringLiteral("NVarChar"));
        if (!sqlDbTypes().contains(parameter.type))
            return where + QStringLiteral(".type' '%1' is not a known type.").arg(parameter.type);
        const QJsonValue v = p.value(QStringLiteral("value"));
        if (v.isString())
            parameter.value = v.toString();
        else if (!v.isNull() && !v.isUndefined())
            return where + QStringLiteral(".value' must be a string or null.");
        const QJsonValue size = p.value(QStringLiteral("size"));
        if (!size.isUndefined() && !size.isDouble())
            return where + QStringLiteral(".size' must be an integer.");
        parameter.size = size.toInt();
        command->parameters.append(parameter);
    }
    return {};
}

QJsonArray parametersJson(const QList<SqlParameter> &parameters)
{
    QJsonArray array;
    for (const SqlParameter &p : parameters) {
        QJsonObject object{{QStringLiteral("name"), p.name},
                           {QStringLiteral("direction"), p.direction},
                           {QStringLiteral("type"), p.type},
                           {QStringLiteral("size"), p.size}};
        object.insert(QStringLiteral("value"), p.value.isNull() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(p.value.toString()));
        array.append(object);
    }
    return array;
}

QJsonObject errorDetails(const QString &type, int code, const QString &message)
{
    return {{QStringLiteral("errorType"), type},
            {QStringLiteral("errorCode"), code},
            {QStringLiteral("errorMessage"), message}};
}

} // namespace Sandbox::detail
