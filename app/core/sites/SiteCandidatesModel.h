// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include "sites/SiteInfo.h"

namespace Halo {

// The installs Halo returned for one practice, one row each with the secondary identifiers that
// tell them apart, so the user can confirm the right one before it is saved. The authoritative
// install comes first. When the user said which practice they expect, rows whose practice name
// does not match are flagged.
class SiteCandidatesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PracticeColumn,
        AuthoritativeColumn,
        PmsVersionColumn,
        HaloLinkVersionColumn,
        AvailabilityColumn,
        CreatedColumn,
        GuidColumn,
        ColumnCount
    };
    enum Role { AuthoritativeRole = Qt::UserRole + 1, NameMatchesRole, GuidRole };

    explicit SiteCandidatesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the rows; authoritative installs first, then those that did not say, then the
    // non-authoritative ones, each group in the order Halo sent them.
    void setCandidates(const QList<SiteInfo> &sites);
    void clear();
    const QList<SiteInfo> &candidates() const { return m_sites; }
    SiteInfo candidate(int row) const; // an empty SiteInfo when out of range

    // An empty name flags nothing.
    void setExpectedPracticeName(const QString &name);
    QString expectedPracticeName() const { return m_expectedName; }
    bool nameMatches(int row) const;
    int nonAuthoritativeCount() const;

    // Names are typed by people: case and spacing do not count, and a shorter form ("Harbourside"
    // for "Harbourside Family Medical") matches. An empty expectation matches everything.
    static bool practiceNameMatches(const QString &expected, const QString &actual);
    static bool isNonAuthoritative(const SiteInfo &site)
    {
        return site.authoritativeKnown && !site.authoritative;
    }

private:
    QString displayText(const SiteInfo &site, int row, int column) const;
    QString toolTip(const SiteInfo &site, int row) const;

    QList<SiteInfo> m_sites;
    QString m_expectedName;
};

} // namespace Halo
