// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerificationResultsModel.h"

#include "sites/HeartbeatText.h"

namespace Halo {

VerificationResultsModel::VerificationResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void VerificationResultsModel::setInputs(const QList<VerificationInput> &inputs)
{
    beginResetModel();
    m_inputs = inputs;
    m_results = QList<std::optional<VerificationResult>>(inputs.size());
    endResetModel();
}

void VerificationResultsModel::setResult(int row, const VerificationResult &result)
{
    if (row < 0 || row >= m_results.size())
        return;
    m_results[row] = result;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void VerificationResultsModel::clear()
{
    setInputs({});
}

int VerificationResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_inputs.size());
}

int VerificationResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerificationResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_inputs.size())
        return {};
    const auto &result = m_results.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::AccessibleTextRole:
        return text(index.row(), index.column());
    case Qt::ToolTipRole:
        return index.column() == MessageColumn || index.column() == VerdictColumn
                   ? (result ? result->message : QString())
                   : QVariant();
    case VerdictIdRole:
        return result ? verdictId(result->verdict) : QString();
    default:
        return {};
    }
}

QString VerificationResultsModel::text(int row, int column) const
{
    const VerificationInput &input = m_inputs.at(row);
    const auto &result = m_results.at(row);
    switch (column) {
    case PmsColumn:
        return input.pms;
    case PmsIdColumn:
        return input.pmsId;
    case VerdictColumn:
        return result ? verdictId(result->verdict) : tr("waiting");
    default:
        break;
    }
    if (!result)
        return {};
    switch (column) {
    case GuidColumn:
        return result->guid;
    case PracticeNameColumn:
        return result->practiceName;
    case RecordedNameColumn:
        return result->recordedName;
    case PmsVersionColumn:
        return result->pmsVersion;
    case HaloLinkVersionColumn:
        return result->haloLinkVersion;
    case AvailabilityColumn:
        return result->availability;
    case LastHeardColumn:
        return result->heartbeatAt.isValid() ? lastHeardText(result->heartbeatAt, result->checkedAt)
                                             : QString();
    case MessageColumn:
        return result->message;
    default:
        return {};
    }
}

QVariant VerificationResultsModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PmsColumn:
        return tr("PMS");
    case PmsIdColumn:
        return tr("PMS ID");
    case VerdictColumn:
        return tr("Verdict");
    case GuidColumn:
        return tr("Halo GUID now");
    case PracticeNameColumn:
        return tr("Practice name now");
    case RecordedNameColumn:
        return tr("Expected or recorded name");
    case PmsVersionColumn:
        return tr("PMS version");
    case HaloLinkVersionColumn:
        return tr("Halo Link version");
    case AvailabilityColumn:
        return tr("Availability");
    case LastHeardColumn:
        return tr("Last heard");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

int VerificationResultsModel::checkedCount() const
{
    int n = 0;
    for (const auto &result : m_results)
        n += result ? 1 : 0;
    return n;
}

int VerificationResultsModel::okCount() const
{
    int n = 0;
    for (const auto &result : m_results)
        n += result && result->isOk() ? 1 : 0;
    return n;
}

} // namespace Halo
