// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces of the Integrator API's JSON that more than one endpoint group of IntegratorApi
// writes or reads (IntegratorApi*.cpp). Internal to the sandbox.
#include "IntegratorApi.h"
#include "SqlRunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class QDateTime;
class QJsonValue;

namespace Sandbox::detail {

ApiReply jsonReply(int status, const QJsonObject &object);
QString isoMs(const QDateTime &time);
QString newId();
QJsonObject errorDetails(const QString &type, int code, const QString &message);

// Reads `command` as the Command schema describes it; returns an error message or empty.
QString parseCommand(const QJsonValue &value, SqlCommand *command);
QJsonArray parametersJson(const QList<SqlParameter> &parameters);

} // namespace Sandbox::detail
