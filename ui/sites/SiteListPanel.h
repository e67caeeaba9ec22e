// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QAction;
class QCheckBox;
class QLineEdit;
class QTreeView;
class SiteDetailsEditor;
class SiteListNotice;

namespace Halo {
class SiteListFilterModel;
class SiteListModel;
class SiteStore;
struct SiteCsvDefaults;
struct SiteRecord;
} // namespace Halo

// The left side of the window: the saved sites grouped by environment, filtered as the user
// types a name, label, tag, PMS ID or GUID, or to the sites that need attention; removing
// (with undo), exporting and importing sites; the selected site's label, notes and tags.
class SiteListPanel : public QWidget
{
    Q_OBJECT
public:
    SiteListPanel(Halo::SiteListModel *model, Halo::SiteStore *store, QWidget *parent = nullptr);

    void focusFilter();
    void selectSite(const QString &environment, const QString &guid);
    const Halo::SiteRecord *selectedRecord() const;
    QList<Halo::SiteRecord> selectedRecords() const; // the selected sites, else the current one
    QTreeView *view() const { return m_view; }

    QAction *removeAction() const { return m_removeAction; }
    QAction *undoRemoveAction() const { return m_undoAction; }
    QAction *exportSelectedAction() const { return m_exportAction; }

    void removeSelected();
    void undoRemove();
    bool exportSelectedTo(const QString &path); // the result is said in the notice
    // Imports each file (CSV or JSON site list) and says what came of it in the notice.
    void importFiles(const QStringList &paths, const Halo::SiteCsvDefaults &defaults);
    QString noticeText() const;

signals:
    void siteSelected(const Halo::SiteRecord &record);
    void sitesImported(); // new sites are in the list: their status is worth reading

private:
    void createActions();
    void emitSelection();
    void updateActions();
    void followSelection();
    void rememberCurrent();
    void restoreCurrent();
    void showContextMenu(const QPoint &position);
    void exportSelected();
    void saveDetails(const QString &environment, const QString &guid, const QString &label,
                     const QString &notes, const QStringList &tags);

    Halo::SiteListModel *m_model;
    Halo::SiteStore *m_store;
    Halo::SiteListFilterModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_attentionOnly;
    SiteListNotice *m_notice;
    QTreeView *m_view;
    SiteDetailsEditor *m_details;
    QAction *m_removeAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_exportAction = nullptr;
    // Across a reset of the list (every store change): the site that was current, its place.
    QPair<QString, QString> m_current;      // environment, guid
    QPair<int, int> m_currentPlace{-1, -1}; // group row, site row in the proxy
    QPair<QString, QString> m_shown;        // the site last announced by siteSelected
};
