// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTabWidget;
class SqlTab;
class HistoryPanel;
class SnippetsPanel;
class RecentAsyncPanel;
class RegisteredQueriesPanel;

namespace Halo {
class AsyncQueryJournal;
class HaloApiClient;
class QueryHistory;
class SnippetStore;
struct SiteInfo;
struct SiteRecord;
} // namespace Halo

// The SQL tab of the main window: the editor and its results, with history, snippets, recent
// async queries and registered queries beside them, wired so that each feeds the editor.
class SqlWorkspace : public QWidget
{
    Q_OBJECT
public:
    SqlWorkspace(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                 Halo::SnippetStore *snippets, Halo::AsyncQueryJournal *journal,
                 QWidget *parent = nullptr);

    void setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live);
    SqlTab *sqlTab() const { return m_sql; }

private:
    SqlTab *m_sql;
    QTabWidget *m_side;
    HistoryPanel *m_history;
    SnippetsPanel *m_snippets;
    RecentAsyncPanel *m_recent;
    RegisteredQueriesPanel *m_registered;
};
