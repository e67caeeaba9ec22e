// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

#include "sites/SiteInfo.h"
#include "sites/SiteRecord.h"
#include "sql/SqlEditorSession.h"

class QTabWidget;
class QToolButton;
class SqlTab;
class HistoryPanel;
class SnippetsPanel;
class RecentAsyncPanel;
class RegisteredQueriesPanel;
class SchemaPanel;

namespace Halo {
class AsyncQueryJournal;
class HaloApiClient;
class QueryHistory;
class SnippetStore;
} // namespace Halo

// The SQL tab of the main window: the site's SQL editors as tabs ("Editor tabs"), each a SqlTab
// with its own results, with history, snippets, recent async queries and registered queries
// beside them, wired so that each feeds the current editor. The editors' texts are kept per
// site in a SqlEditorSession, so they come back when the site is chosen again or after a
// restart; results are never kept.
class SqlWorkspace : public QWidget
{
    Q_OBJECT
public:
    // `editors` may be null: then editors are not kept beyond the site being shown.
    SqlWorkspace(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                 Halo::SnippetStore *snippets, Halo::AsyncQueryJournal *journal,
                 Halo::SqlEditorSession *editors = nullptr, QWidget *parent = nullptr);
    ~SqlWorkspace() override;

    // A different site replaces the editors with that site's; the same site (its status came
    // in) only passes the news on.
    void setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live);
    // The shown site's status came in (its catalogues): the editors take it; nothing else
    // changes.
    void setLiveStatus(const Halo::SiteRecord &record, const Halo::SiteInfo *live);
    void setPrivacy(bool on);

    SqlTab *sqlTab() const; // the current editor
    QList<SqlTab *> sqlTabs() const;
    QTabWidget *editorTabs() const { return m_editors; }
    SchemaPanel *schemaPanel() const { return m_schema; }

    // Opens an editor holding `sql` after the others and makes it current.
    SqlTab *newEditor(const QString &sql = QString());
    // Closes an editor (its run stops; an async query carries on and stays in Async). The last
    // one closed leaves a new empty editor: there is always one.
    void closeEditor(int index);
    // Brings back the editor closed last on this site, with its text.
    bool reopenClosedEditor();

signals:
    // "Open FHIR Patient" in one of the editors' results.
    void openFhirPatientRequested(const QString &fhirId);

private:
    SqlTab *addEditor(const QString &title, const QString &sql);
    QString nextTitle() const;
    void keepEditors();
    void showEditorsOfSite();
    void currentEditorChanged();
    void updateTabLabel(SqlTab *tab);

    Halo::HaloApiClient *m_client;
    Halo::AsyncQueryJournal *m_journal;
    QPointer<Halo::SqlEditorSession> m_session;
    QTabWidget *m_editors;
    QToolButton *m_newEditor;
    QTabWidget *m_side;
    HistoryPanel *m_history;
    SnippetsPanel *m_snippets;
    RecentAsyncPanel *m_recent;
    RegisteredQueriesPanel *m_registered;
    SchemaPanel *m_schema = nullptr;

    Halo::SiteRecord m_record;
    std::optional<Halo::SiteInfo> m_live;
    bool m_privacy = false;
    QList<Halo::SqlEditorText> m_closed; // this site's, this session, last closed at the end
};
