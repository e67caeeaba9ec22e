// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/PatientLinks.h"

#include <QRegularExpression>
#include <QSettings>

namespace Halo {

namespace {

const QLatin1String kSettingsKey("sql/patientIdColumns");

QString folded(const QString &name)
{
    QString key = name.trimmed().toLower();
    key.remove(QLatin1Char('_'));
    return key;
}

} // namespace

QStringList PatientLinks::defaultIdColumns()
{
    return {QStringLiteral("InternalID"), QStringLiteral("PatientID")};
}

QStringList PatientLinks::idColumns()
{
    const QStringList names = QSettings().value(kSettingsKey).toStringList();
    return names.isEmpty() ? defaultIdColumns() : names;
}

void PatientLinks::setIdColumns(const QStringList &names)
{
    QStringList kept;
    for (const QString &item : names) {
        for (const QString &name : item.split(QLatin1Char(','))) {
            if (!name.trimmed().isEmpty() && !kept.contains(name.trimmed(), Qt::CaseInsensitive))
                kept.append(name.trimmed());
        }
    }
    QSettings settings;
    if (kept.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, kept);
}

bool PatientLinks::linksPatients(const QString &pmsType)
{
    return pmsType == QLatin1String("BestPractice");
}

bool PatientLinks::isIdColumn(const QString &columnName, const QStringList &names)
{
    const QString key = folded(columnName);
    if (key.isEmpty())
        return false;
    for (const QString &name : names) {
        if (folded(name) == key)
            return true;
    }
    return false;
}

QString PatientLinks::fhirIdFromCell(const QString &cellText)
{
    static const QRegularExpression fhirId(QStringLiteral("^[A-Za-z0-9\\-.]{1,64}$"));
    const QString id = cellText.trimmed();
    return fhirId.match(id).hasMatch() ? id : QString();
}

QString PatientLinks::sqlForPatient(const QString &pmsType, const QString &fhirId)
{
    if (!linksPatients(pmsType))
        return {};
    // Best Practice's internal ids are integers: anything else cannot name a row, and nothing
    // that is not a number is ever put into the SQL.
    bool isNumber = false;
    const qlonglong id = fhirId.toLongLong(&isNumber);
    if (!isNumber || id < 0)
        return {};
    return QStringLiteral("SELECT * FROM BPS_Patients WHERE InternalID = %1").arg(id);
}

} // namespace Halo
