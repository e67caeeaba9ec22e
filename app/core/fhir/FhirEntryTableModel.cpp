// SPDX-License-Identifier: GPL-3.0-or-later
#include "fhir/FhirEntryTableModel.h"

#include "privacy/PatientDataRules.h"

#include <QJsonArray>

namespace Halo {

namespace {

// Identifier systems from AU Base, with the v2-0203 type code as a fallback for servers that
// use another system URI (or none).
const QLatin1String kMedicareSystem("http://ns.electronichealth.net.au/id/medicare-number");
const QLatin1String kIhiSystem("http://ns.electronichealth.net.au/id/hi/ihi/1.0");
const QLatin1String
    kProviderNumberSystem("http://ns.electronichealth.net.au/id/medicare-provider-number");
// Spelling seen in older AU profiles.
const QLatin1String
    kProviderNumberSystemOld("http://ns.electronichealth.net.au/id/medicareprovidernumber");

const QLatin1String kPatient("Patient");
const QLatin1String kPractitioner("Practitioner");
const QLatin1String kAllergy("AllergyIntolerance");

// Longer cells get the whole text as a tooltip, since views elide them.
constexpr int kTooltipThreshold = 40;

// The first non-empty identifier value among `keys` (systems or type codes), in order.
QString identifierOf(const QJsonObject &resource, std::initializer_list<QLatin1String> keys)
{
    for (const QLatin1String key : keys) {
        const QString value = fhirIdentifierValue(resource, key);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString referenceText(const QJsonObject &reference)
{
    const QString display = reference.value(QLatin1String("display")).toString();
    return display.isEmpty() ? reference.value(QLatin1String("reference")).toString() : display;
}

} // namespace

FhirEntryTableModel::FhirEntryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    chooseColumns();
}

void FhirEntryTableModel::setEntries(const QList<FhirEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_commonType.clear();
    if (!entries.isEmpty()) {
        m_commonType = entries.first().resourceType;
        for (const FhirEntry &entry : entries) {
            if (entry.resourceType != m_commonType) {
                m_commonType.clear();
                break;
            }
        }
    }
    chooseColumns();
    endResetModel();
}

void FhirEntryTableModel::chooseColumns()
{
    if (m_commonType == kPatient) {
        m_columns = {Column::Id,     Column::Name,     Column::BirthDate,
                     Column::Gender, Column::Medicare, Column::Ihi};
    } else if (m_commonType == kPractitioner) {
        m_columns = {Column::Id, Column::Name, Column::ProviderNumber};
    } else if (m_commonType == kAllergy) {
        m_columns = {Column::Id, Column::Substance, Column::Criticality, Column::Patient};
    } else {
        m_columns = {Column::Type, Column::Id, Column::Summary};
    }
    m_headers.clear();
    for (const Column column : std::as_const(m_columns))
        m_headers.append(headerText(column));
}

const FhirEntry *FhirEntryTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int FhirEntryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FhirEntryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant FhirEntryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FhirEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cell(entry, index.column());
    case Qt::AccessibleTextRole: {
        // A screen reader says the column too, and says "empty" instead of nothing.
        const QString text = cell(entry, index.column());
        return m_headers.at(index.column()) + QStringLiteral(": ") +
               (text.isEmpty() ? tr("empty") : text);
    }
    case Qt::ToolTipRole: {
        const QString text = cell(entry, index.column());
        return text.size() > kTooltipThreshold ? QVariant(text) : QVariant();
    }
    case EntryRowRole:
        return index.row();
    case ResourceTypeRole:
        return entry.resourceType;
    case ReferenceRole:
        if (!entry.resourceType.isEmpty() && !entry.id.isEmpty())
            return QString(entry.resourceType + QLatin1Char('/') + entry.id);
        return entry.fullUrl;
    default:
        return {};
    }
}

QVariant FhirEntryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == PatientDataRules::PatientColumnRole && orientation == Qt::Horizontal)
        return section >= 0 && section < m_columns.size()
                   ? QVariant(isPatientData(m_columns.at(section)))
                   : QVariant();
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < m_entries.size() ? QVariant(section + 1) : QVariant();
    return section < m_headers.size() ? QVariant(m_headers.at(section)) : QVariant();
}

QString FhirEntryTableModel::headerText(Column column)
{
    switch (column) {
    case Column::Type:
        return tr("Type");
    case Column::Id:
        return tr("Id");
    case Column::Summary:
        return tr("Summary");
    case Column::Name:
        return tr("Name");
    case Column::BirthDate:
        return tr("Birth date");
    case Column::Gender:
        return tr("Gender");
    case Column::Medicare:
        return tr("Medicare");
    case Column::Ihi:
        return tr("IHI");
    case Column::ProviderNumber:
        return tr("Provider number");
    case Column::Substance:
        return tr("Substance");
    case Column::Criticality:
        return tr("Criticality");
    case Column::Patient:
        return tr("Patient");
    }
    return {};
}

// For privacy mode: a summary or a reference's text may name the patient too.
bool FhirEntryTableModel::isPatientData(Column column)
{
    switch (column) {
    case Column::Summary:
    case Column::Name:
    case Column::BirthDate:
    case Column::Medicare:
    case Column::Ihi:
    case Column::Patient:
        return true;
    default:
        return false;
    }
}

QString FhirEntryTableModel::cell(const FhirEntry &entry, int column) const
{
    if (column < 0 || column >= m_columns.size())
        return {};
    const QJsonObject &resource = entry.resource;
    switch (m_columns.at(column)) {
    case Column::Type:
        return entry.resourceType;
    case Column::Id:
        return entry.id;
    case Column::Summary:
        return fhirResourceSummary(resource);
    case Column::Name:
        return fhirHumanName(resource);
    case Column::BirthDate:
        return resource.value(QLatin1String("birthDate")).toString();
    case Column::Gender:
        return resource.value(QLatin1String("gender")).toString();
    case Column::Medicare:
        return identifierOf(resource, {kMedicareSystem, QLatin1String("MC")});
    case Column::Ihi:
        return identifierOf(resource, {kIhiSystem, QLatin1String("NI")});
    case Column::ProviderNumber:
        return identifierOf(
            resource, {kProviderNumberSystem, kProviderNumberSystemOld, QLatin1String("UPIN")});
    case Column::Substance:
        return fhirCodeableConceptText(resource.value(QLatin1String("code")).toObject());
    case Column::Criticality:
        return resource.value(QLatin1String("criticality")).toString();
    case Column::Patient:
        return referenceText(resource.value(QLatin1String("patient")).toObject());
    }
    return {};
}

} // namespace Halo
