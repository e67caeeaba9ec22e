// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlWorkspace.h"

#include "HistoryPanel.h"
#include "RecentAsyncPanel.h"
#include "RegisteredQueriesPanel.h"
#include "SchemaPanel.h"
#include "SnippetsPanel.h"
#include "SqlTab.h"
#include "results/ResultDecoder.h"

#include <QAction>
#include <QHBoxLayout>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>

namespace {

constexpr int kMaxClosedKept = 20;
constexpr int kMaxTooltipCharacters = 300;

} // namespace

SqlWorkspace::SqlWorkspace(Halo::HaloApiClient *client, Halo::QueryHistory *history,
                           Halo::SnippetStore *snippets, Halo::AsyncQueryJournal *journal,
                           Halo::SqlEditorSession *editors, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_journal(journal)
    , m_session(editors)
    , m_editors(new QTabWidget(this))
    , m_newEditor(new QToolButton(this))
    , m_side(new QTabWidget(this))
    , m_history(new HistoryPanel(history, this))
    , m_snippets(new SnippetsPanel(snippets, this))
    , m_recent(new RecentAsyncPanel(journal, this))
    , m_registered(new RegisteredQueriesPanel(client, this))
{
    setObjectName(QStringLiteral("sqlWorkspace"));
    m_editors->setObjectName(QStringLiteral("sqlEditorTabs"));
    m_editors->setAccessibleName(tr("Editor tabs"));
    m_editors->setTabsClosable(true);
    m_editors->setMovable(true);
    m_editors->setDocumentMode(true);
    m_editors->tabBar()->setUsesScrollButtons(true);
    m_editors->tabBar()->setElideMode(Qt::ElideRight);
    m_newEditor->setObjectName(QStringLiteral("newEditorButton"));
    m_newEditor->setAccessibleName(tr("New editor"));
    m_newEditor->setText(tr("New editor"));
    m_newEditor->setToolTip(tr("Open another SQL editor for this site (Ctrl+T)"));
    m_newEditor->setAutoRaise(true);
    m_newEditor->setFocusPolicy(Qt::StrongFocus);
    m_editors->setCornerWidget(m_newEditor, Qt::TopRightCorner);

    m_side->setObjectName(QStringLiteral("sqlSideTabs"));
    m_side->setAccessibleName(tr("SQL tools"));
    // Down the side, the tools' names read whole however narrow the panel is.
    m_side->setTabPosition(QTabWidget::West);
    m_side->addTab(m_history, tr("History"));
    m_side->addTab(m_snippets, tr("Snippets"));
    m_side->addTab(m_recent, tr("Async"));
    m_side->addTab(m_registered, tr("Registered"));
    m_schema = new SchemaPanel(client, Halo::SchemaCache::defaultDirectory(), this);
    m_side->addTab(m_schema, tr("Schema"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("sqlWorkspaceSplitter"));
    splitter->addWidget(m_editors);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({640, 300});
    m_side->setMinimumWidth(220);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_newEditor, &QToolButton::clicked, this, [this]() { newEditor(); });
    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QShortcut(keys, this, this, slot);
        action->setContext(Qt::WidgetWithChildrenShortcut);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), [this]() { newEditor(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_W),
             [this]() { closeEditor(m_editors->currentIndex()); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), [this]() { reopenClosedEditor(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this]() {
        m_editors->setCurrentIndex((m_editors->currentIndex() + 1) % m_editors->count());
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this]() {
        m_editors->setCurrentIndex((m_editors->currentIndex() + m_editors->count() - 1) %
                                   m_editors->count());
    });
    connect(m_editors, &QTabWidget::tabCloseRequested, this, &SqlWorkspace::closeEditor);
    connect(m_editors, &QTabWidget::currentChanged, this, &SqlWorkspace::currentEditorChanged);
    connect(m_editors->tabBar(), &QTabBar::tabMoved, this, &SqlWorkspace::keepEditors);

    connect(m_history, &HistoryPanel::rerunRequested, this,
            [this](const QString &sql, const QString &) {
                SqlTab *editor = sqlTab();
                editor->setSqlText(sql);
                editor->runAll();
            });
    connect(m_snippets, &SnippetsPanel::insertRequested, this,
            [this](const QString &sql) { sqlTab()->setSqlText(sql); });
    connect(m_recent, &RecentAsyncPanel::reopenRequested, this,
            [this](const QString &queryId) { sqlTab()->resumeAsync(queryId); });
    connect(m_registered, &RegisteredQueriesPanel::resultsReady, this,
            [this](const Halo::DecodedResult &result) {
                sqlTab()->showExternalResult(result, tr("Latest results of the registered query."));
            });

    // The schema feeds the current editor: names at its cursor, a first-rows query (in a new
    // editor when this one holds SQL), and completion in every editor.
    connect(m_schema, &SchemaPanel::insertRequested, this,
            [this](const QString &text) { sqlTab()->insertAtCursor(text); });
    connect(m_schema, &SchemaPanel::openQueryRequested, this, [this](const QString &sql) {
        if (sqlTab()->sqlText().trimmed().isEmpty())
            sqlTab()->setSqlText(sql);
        else
            newEditor(sql);
    });
    connect(m_schema, &SchemaPanel::schemaChanged, this, [this]() {
        for (SqlTab *editor : sqlTabs())
            editor->setCompletionSchema(m_schema->schema(), m_schema->engine());
    });

    addEditor(nextTitle(), QString());
}

SqlWorkspace::~SqlWorkspace()
{
    keepEditors();
}

SqlTab *SqlWorkspace::sqlTab() const
{
    return qobject_cast<SqlTab *>(m_editors->currentWidget());
}

QList<SqlTab *> SqlWorkspace::sqlTabs() const
{
    QList<SqlTab *> tabs;
    for (int i = 0; i < m_editors->count(); ++i)
        tabs.append(qobject_cast<SqlTab *>(m_editors->widget(i)));
    return tabs;
}

SqlTab *SqlWorkspace::addEditor(const QString &title, const QString &sql)
{
    auto *editor = new SqlTab(m_client, m_editors);
    editor->setObjectName(QStringLiteral("sqlEditor"));
    editor->setJournal(m_journal);
    editor->setPrivacy(m_privacy);
    editor->setSite(m_record, m_live ? &*m_live : nullptr);
    editor->setSqlText(sql);
    const int index = m_editors->addTab(editor, title);
    m_editors->setTabToolTip(index, title);

    editor->setCompletionSchema(m_schema->schema(), m_schema->engine());
    connect(editor, &SqlTab::catalogueChanged, this, [this, editor](const QString &catalogue) {
        if (editor == sqlTab())
            m_schema->setCatalogue(catalogue);
    });
    connect(editor, &SqlTab::queryFinished, m_history, &HistoryPanel::recordFinished);
    connect(editor, &SqlTab::openFhirPatientRequested, this,
            &SqlWorkspace::openFhirPatientRequested);
    // The journal has no change signal: re-read it when an async query starts or ends.
    connect(editor, &SqlTab::asyncSubmitted, m_recent, &RecentAsyncPanel::refresh);
    connect(editor, &SqlTab::queryFinished, m_recent, &RecentAsyncPanel::refresh);
    connect(editor, &SqlTab::sqlTextChanged, this, [this, editor]() {
        updateTabLabel(editor);
        if (editor == sqlTab()) {
            m_snippets->setCurrentSql(editor->sqlText());
            m_registered->setCommandText(editor->sqlText());
        }
        keepEditors();
    });
    updateTabLabel(editor);
    return editor;
}

QString SqlWorkspace::nextTitle() const
{
    // The lowest "Query N" not in use, so closing and opening does not count up for ever.
    QStringList used;
    for (int i = 0; i < m_editors->count(); ++i)
        used.append(m_editors->tabText(i));
    for (int n = 1;; ++n) {
        const QString title = tr("Query %1").arg(n);
        if (!used.contains(title))
            return title;
    }
}

void SqlWorkspace::updateTabLabel(SqlTab *tab)
{
    const int index = m_editors->indexOf(tab);
    if (index < 0)
        return;
    QString sql = tab->sqlText().trimmed();
    if (sql.size() > kMaxTooltipCharacters)
        sql = sql.left(kMaxTooltipCharacters) + QChar(0x2026);
    const QString title = m_editors->tabText(index);
    m_editors->setTabToolTip(index, sql.isEmpty() ? title : tr("%1: %2").arg(title, sql));
}

SqlTab *SqlWorkspace::newEditor(const QString &sql)
{
    SqlTab *editor = addEditor(nextTitle(), sql);
    m_editors->setCurrentWidget(editor);
    editor->setFocus();
    keepEditors();
    return editor;
}

void SqlWorkspace::closeEditor(int index)
{
    auto *editor = qobject_cast<SqlTab *>(m_editors->widget(index));
    if (!editor)
        return;
    if (!editor->sqlText().trimmed().isEmpty()) {
        m_closed.append({m_editors->tabText(index), editor->sqlText()});
        if (m_closed.size() > kMaxClosedKept)
            m_closed.removeFirst();
    }
    editor->stop();
    m_editors->removeTab(m_editors->indexOf(editor));
    delete editor;
    if (m_editors->count() == 0)
        m_editors->setCurrentWidget(addEditor(nextTitle(), QString())); // never without one
    keepEditors();
}

bool SqlWorkspace::reopenClosedEditor()
{
    if (m_closed.isEmpty())
        return false;
    const Halo::SqlEditorText closed = m_closed.takeLast();
    // An untouched empty editor (the one left when the last was closed) gives way to it.
    SqlTab *current = sqlTab();
    const bool replaceEmpty = m_editors->count() == 1 && current->sqlText().isEmpty();
    QString title = closed.title;
    for (int i = 0; i < m_editors->count(); ++i) {
        if (m_editors->tabText(i) == title && !(replaceEmpty && i == 0))
            title = nextTitle();
    }
    SqlTab *editor = addEditor(title, closed.sql);
    m_editors->setCurrentWidget(editor);
    if (replaceEmpty) {
        m_editors->removeTab(m_editors->indexOf(current));
        delete current;
    }
    keepEditors();
    return true;
}

void SqlWorkspace::currentEditorChanged()
{
    SqlTab *editor = sqlTab();
    if (!editor)
        return;
    m_snippets->setCurrentSql(editor->sqlText());
    m_registered->setCommandText(editor->sqlText());
    m_schema->setCatalogue(editor->currentCatalogue());
    keepEditors();
}

void SqlWorkspace::keepEditors()
{
    if (!m_session || m_record.guid.isEmpty())
        return;
    QList<Halo::SqlEditorText> texts;
    for (int i = 0; i < m_editors->count(); ++i) {
        if (auto *editor = qobject_cast<SqlTab *>(m_editors->widget(i)))
            texts.append({m_editors->tabText(i), editor->sqlText()});
    }
    m_session->setEditors(m_record.environment, m_record.guid, texts, m_editors->currentIndex());
}

void SqlWorkspace::setSite(const Halo::SiteRecord &record, const Halo::SiteInfo *live)
{
    if (!record.sameSite(m_record)) {
        keepEditors(); // the site being left, as it is now
        m_record = record;
        m_live = live ? std::optional<Halo::SiteInfo>(*live) : std::nullopt;
        showEditorsOfSite();
    } else {
        setLiveStatus(record, live);
    }
    m_history->setSite(record);
    m_snippets->setPmsType(record.pmsType);
    m_recent->setSite(record.environment, record.guid);
    m_registered->setSite(record);
    m_schema->setSite(record);
    currentEditorChanged();
}

void SqlWorkspace::setLiveStatus(const Halo::SiteRecord &record, const Halo::SiteInfo *live)
{
    if (!record.sameSite(m_record))
        return; // news of a site no longer shown
    m_record = record;
    m_live = live ? std::optional<Halo::SiteInfo>(*live) : std::nullopt;
    for (SqlTab *editor : sqlTabs())
        editor->setSite(record, live);
    m_schema->setSite(record);
}

void SqlWorkspace::showEditorsOfSite()
{
    // This site's editors replace the last one's, which are kept in the session; results go
    // with them. A run in progress stops (an async query carries on and stays in Async).
    m_closed.clear();
    const QList<SqlTab *> old = sqlTabs();
    QList<Halo::SqlEditorText> kept;
    int current = 0;
    if (m_session && !m_record.guid.isEmpty()) {
        kept = m_session->editors(m_record.environment, m_record.guid);
        current = m_session->currentIndex(m_record.environment, m_record.guid);
    }
    const QSignalBlocker blocker(m_editors); // no current-changed while rebuilding
    for (SqlTab *editor : old)
        editor->stop();
    m_editors->clear();
    qDeleteAll(old);
    if (kept.isEmpty())
        kept.append({nextTitle(), QString()});
    for (const Halo::SqlEditorText &editor : std::as_const(kept))
        addEditor(editor.title.isEmpty() ? nextTitle() : editor.title, editor.sql);
    m_editors->setCurrentIndex(qBound(0, current, m_editors->count() - 1));
}

void SqlWorkspace::setPrivacy(bool on)
{
    m_privacy = on;
    for (SqlTab *editor : sqlTabs())
        editor->setPrivacy(on);
}
