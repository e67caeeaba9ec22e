// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueryOptions.h"

#include "sql/ParameterValue.h"
#include "sql/QueryTypes.h"

#include <QCoreApplication>

namespace Cli {

namespace {

// lupdate files these strings under the context that the run time looks up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Cli::QueryOptions)
};

// Maximum time in queue, in ms (REFERENCE.md §2.1): immediate up to 60 s, async up to 2 h.
constexpr qint64 kMaxImmediateQueueMs = 60000;
constexpr qint64 kMaxAsyncQueueMs = 7200000;

// The spec's SqlDbType name for `typed`, matched ignoring case; empty when there is none.
QString sqlDbType(const QString &typed)
{
    for (const QString &type : Halo::sqlParameterTypes()) {
        if (type.compare(typed.trimmed(), Qt::CaseInsensitive) == 0)
            return type;
    }
    return {};
}

QString unknownType(const QString &option, const QString &name, const QString &typed)
{
    return Text::tr("--%1 %2: '%3' is not a SqlDbType (one of %4)")
        .arg(option, name, typed, Halo::sqlParameterTypes().join(QStringLiteral(", ")));
}

} // namespace

QList<OptionSpec> QueryOptions::commandOptions()
{
    return {
        {QStringLiteral("mode"),
         QStringLiteral("MODE"),
         Text::tr("reader (rows; the default), nonQuery (rows affected) or scalar (one value)"),
         {QStringLiteral("reader"), QStringLiteral("nonQuery"), QStringLiteral("scalar")}},
        {QStringLiteral("type"),
         QStringLiteral("TYPE"),
         Text::tr("text (the default: SQL text) or storedProcedure (SQL is the procedure's name)"),
         {QStringLiteral("text"), QStringLiteral("storedProcedure")}},
        {QStringLiteral("param"),
         QStringLiteral("NAME:TYPE=VALUE"),
         Text::tr("an input parameter, e.g. --param @id:Int=66; TYPE is a SqlDbType name (Int, "
                  "NVarChar, Date, Bit, ...; any case) and VALUE must fit it. Repeat for more"),
         {},
         false,
         true},
        {QStringLiteral("out-param"),
         QStringLiteral("NAME:TYPE[:SIZE]"),
         Text::tr("an output parameter, e.g. --out-param @total:Int or @name:NVarChar:100 (SIZE in "
                  "bytes); its value is printed after the rows. Repeat for more"),
         {},
         false,
         true},
    };
}

OptionSpec QueryOptions::catalogueOption()
{
    return {QStringLiteral("catalogue"),
            QStringLiteral("NAME"),
            Text::tr("the database to run in (default: the site's default catalogue)"),
            {}};
}

OptionSpec QueryOptions::maxTimeInQueueOption()
{
    return {QStringLiteral("max-time-in-queue"),
            QStringLiteral("MS"),
            Text::tr("how long the query may wait at the site before it starts, in milliseconds: "
                     "0 to 60000 (default 30000), with --async 0 to 7200000 (default 3600000)"),
            {}};
}

OptionSpec QueryOptions::confirmProductionOption()
{
    return {QStringLiteral("confirm-production"),
            QString(),
            Text::tr("send to Production a command that may change data (anything but one plain "
                     "SELECT: nonQuery, a stored procedure, several statements, a write keyword). "
                     "Without it such a command is not sent; while Production is read-only (the "
                     "default; see 'halo-cli read-only') it is not sent even with it"),
            {}};
}

QString QueryOptions::parseParameter(const QString &text, Halo::QueryParameter *parameter)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype equals = text.indexOf(QLatin1Char('='), colon + 1);
    if (colon <= 0 || equals < 0)
        return Text::tr("--param '%1' is not NAME:TYPE=VALUE (e.g. @id:Int=66)").arg(text);
    const QString name = text.left(colon).trimmed();
    const QString typed = text.mid(colon + 1, equals - colon - 1);
    const QString type = sqlDbType(typed);
    if (type.isEmpty())
        return unknownType(QStringLiteral("param"), name, typed);
    const QString value = text.mid(equals + 1);
    if (!Halo::ParameterValue::isValidInput(value, type))
        return Text::tr("--param %1: '%2' is not a valid %3 value").arg(name, value, type);
    parameter->name = name;
    parameter->direction = QStringLiteral("input");
    parameter->type = type;
    parameter->value = value;
    return {};
}

QString QueryOptions::parseOutputParameter(const QString &text, Halo::QueryParameter *parameter)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3 || parts.first().trimmed().isEmpty())
        return Text::tr("--out-param '%1' is not NAME:TYPE[:SIZE] (e.g. @total:Int)").arg(text);
    const QString name = parts.first().trimmed();
    const QString type = sqlDbType(parts.at(1));
    if (type.isEmpty())
        return unknownType(QStringLiteral("out-param"), name, parts.at(1));
    int size = 0;
    if (parts.size() == 3) {
        bool ok = false;
        size = parts.at(2).trimmed().toInt(&ok);
        if (!ok || size <= 0)
            return Text::tr("--out-param %1: the size '%2' is not a positive number of bytes")
                .arg(name, parts.at(2));
    }
    parameter->name = name;
    parameter->direction = QStringLiteral("output");
    parameter->type = type;
    parameter->value = std::nullopt;
    parameter->size = size;
    return {};
}

QString QueryOptions::apply(const Invocation &invocation, Halo::QueryCommand *command)
{
    command->executionMode = invocation.value(QStringLiteral("mode"), QStringLiteral("reader"));
    command->type = invocation.value(QStringLiteral("type"), QStringLiteral("text"));
    command->catalogue = invocation.value(QStringLiteral("catalogue")).trimmed();
    command->parameters.clear();
    for (const QString &text : invocation.values(QStringLiteral("param"))) {
        Halo::QueryParameter parameter;
        if (const QString problem = parseParameter(text, &parameter); !problem.isEmpty())
            return problem;
        command->parameters.append(parameter);
    }
    for (const QString &text : invocation.values(QStringLiteral("out-param"))) {
        Halo::QueryParameter parameter;
        if (const QString problem = parseOutputParameter(text, &parameter); !problem.isEmpty())
            return problem;
        command->parameters.append(parameter);
    }
    command->maxTimeInQueueMs.reset();
    if (invocation.isSet(QStringLiteral("max-time-in-queue"))) {
        const QString given = invocation.value(QStringLiteral("max-time-in-queue"));
        const qint64 limit =
            invocation.isSet(QStringLiteral("async")) ? kMaxAsyncQueueMs : kMaxImmediateQueueMs;
        bool ok = false;
        const qint64 ms = given.trimmed().toLongLong(&ok);
        if (!ok || ms < 0 || ms > limit)
            return Text::tr(
                       "--max-time-in-queue: '%1' is not a number of milliseconds from 0 to %2%3")
                .arg(given)
                .arg(limit)
                .arg(invocation.isSet(QStringLiteral("async")) ? QString()
                                                               : Text::tr(" (more with --async)"));
        command->maxTimeInQueueMs = int(ms);
    }
    return {};
}

} // namespace Cli
