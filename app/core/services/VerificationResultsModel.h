// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <optional>

#include "services/VerificationResult.h"

namespace Halo {

// The rows of a bulk verification as a table: one row per input from the start ("waiting"),
// filled in as each practice is checked. Every cell is plain text, so it can be read aloud and
// copied; the verdict column also carries the verdict's id (VerdictIdRole) for scripts and tests.
class VerificationResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PmsColumn,
        PmsIdColumn,
        VerdictColumn,
        GuidColumn,
        PracticeNameColumn,
        RecordedNameColumn,
        PmsVersionColumn,
        HaloLinkVersionColumn,
        AvailabilityColumn,
        LastHeardColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role { VerdictIdRole = Qt::UserRole + 1 };

    explicit VerificationResultsModel(QObject *parent = nullptr);

    void setInputs(const QList<VerificationInput> &inputs); // every row waiting
    void setResult(int row, const VerificationResult &result);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int checkedCount() const;
    int okCount() const;

private:
    QString text(int row, int column) const;

    QList<VerificationInput> m_inputs;
    QList<std::optional<VerificationResult>> m_results;
};

} // namespace Halo
