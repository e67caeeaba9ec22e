// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Halo {

// The site list as the user narrows it: by text (name, label, tags, PMS ID, GUID) and, when
// asked, to the sites that need attention (any mark). A group shows while a site of it does.
class SiteListFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SiteListFilterModel(QObject *parent = nullptr);

    void setAttentionOnly(bool only);
    bool attentionOnly() const { return m_attentionOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_attentionOnly = false;
};

} // namespace Halo
