#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace Halo {
class SiteListModel;
struct SiteRecord;
} // namespace Halo

// The left side of the window: the saved sites grouped by environment, filtered as the user
// types a name, PMS ID or GUID.
class SiteListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SiteListPanel(Halo::SiteListModel *model, QWidget *parent = nullptr);

    void focusFilter();
    void selectSite(const QString &environment, const QString &guid);
    const Halo::SiteRecord *selectedRecord() const;
    QTreeView *view() const { return m_view; }

signals:
    void siteSelected(const Halo::SiteRecord &record);

private:
    void emitSelection();

    Halo::SiteListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
};
