// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlWorkspace.h"

#include "HistoryPanel.h"
#include "RecentAsyncPanel.h"
#include "RegisteredQueriesPanel.h"
#include "SnippetsPanel.h"
#include "SqlTab.h"
#include "results/ResultDecoder.h"
#include "sites/SiteRecord.h"

#include <QHBoxLayout>
#include <QSplitter>
#include <QTabWidget>

SqlWorkspace::SqlWorkspace(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                           Halo::SnippetStore *snippets, Halo::AsyncQueryJournal *journal,
                           QWidget *parent)
    : QWidget(parent)
    , m_sql(new SqlTab(client, this))
    , m_side(new QTabWidget(this))
    , m_history(new HistoryPanel(history, this))
    , m_snippets(new SnippetsPanel(snippets, this))
    , m_recent(new RecentAsyncPanel(journal, this))
    , m_registered(new RegisteredQueriesPanel(client, this))
{
    setObjectName(QStringLiteral("sqlWorkspace"));
    m_sql->setJournal(journal);
    m_side->setObjectName(QStringLiteral("sqlSideTabs"));
    m_side->setAccessibleName(tr("SQL tools"));
    m_side->addTab(m_history, tr("History"));
    m_side->addTab(m_snippets, tr("Snippets"));
    m_side->addTab(m_recent, tr("Async"));
    m_side->addTab(m_registered, tr("Registered"));

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_sql);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({820, 280});
    m_side->setMinimumWidth(220);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_sql, &SqlTab::queryFinished, m_history, &HistoryPanel::recordFinished);
    connect(m_history, &HistoryPanel::rerunRequested, this,
            [this](const QString &sql, const QString &) {
                m_sql->setSqlText(sql);
                m_sql->runAll();
            });
    connect(m_snippets, &SnippetsPanel::insertRequested, m_sql, &SqlTab::setSqlText);
    connect(m_sql, &SqlTab::sqlTextChanged, this, [this]() {
        m_snippets->setCurrentSql(m_sql->sqlText());
        m_registered->setCommandText(m_sql->sqlText());
    });
    // The journal has no change signal: re-read it when an async query starts or ends.
    connect(m_sql, &SqlTab::asyncSubmitted, m_recent, &RecentAsyncPanel::refresh);
    connect(m_sql, &SqlTab::queryFinished, m_recent, &RecentAsyncPanel::refresh);
    connect(m_recent, &RecentAsyncPanel::reopenRequested, m_sql, &SqlTab::resumeAsync);
    connect(m_registered, &RegisteredQueriesPanel::resultsReady, this,
            [this](const Halo::DecodedResult &result) {
                m_sql->showExternalResult(result, tr("Latest results of the registered query."));
            });
}

void SqlWorkspace::setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live)
{
    m_sql->setSite(record, live);
    m_history->setSite(record);
    m_snippets->setPmsType(record.pmsType);
    m_recent->setSite(record.environment, record.guid);
    m_registered->setSite(record);
}
