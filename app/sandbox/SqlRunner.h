// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Sandbox {

// A SQL command as the sandbox received it (already validated against the enums).
struct SqlParameter {
    QString name;      // e.g. "@id"
    QString direction; // input | output | inputOutput | returnValue
    QString type;      // SqlDbType name, e.g. Int, NVarChar
    QVariant value;    // null QVariant for JSON null
    int size = 0;
};

struct SqlCommand {
    QString text;
    QString executionMode = QStringLiteral("reader"); // reader | nonQuery | scalar
    QString type = QStringLiteral("text");            // text | storedProcedure
    QList<SqlParameter> parameters;
};

// What running a command produced. Values keep SQLite's types: qlonglong, double, QString,
// QByteArray (blob) or a null QVariant.
struct SqlOutcome {
    bool ok = false;
    int errorCode = 0;    // engine-style error number when !ok
    QString errorMessage; // engine-style message when !ok
    QStringList columns;  // reader/scalar: column names in select order
    QList<QVariantList> rows;
    qint64 rowsAffected = 0;              // nonQuery
    QList<SqlParameter> outputParameters; // output, inputOutput and returnValue parameters
    qint64 executionMs = 0;
};

// Runs commands against a sample database. Accepts a little T-SQL for convenience
// (SELECT TOP n, GETDATE(), square-bracket identifiers) by rewriting it to SQLite.
class SqlRunner
{
public:
    static SqlOutcome run(QSqlDatabase db, const SqlCommand &command);
};

} // namespace Sandbox
