// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlEditor.h"

#include "SqlCompletionApis.h"

#include "widgets/ThemeColours.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QString notFoundStyle(const QPalette &palette)
{
    return QStringLiteral("QLineEdit { background: %1; color: %2; }")
        .arg(ThemeColours::notFoundBackground(palette).name(),
             ThemeColours::readableOn(palette.color(QPalette::Text),
                                      ThemeColours::notFoundBackground(palette))
                 .name());
}

// Scintilla's SQL keywords plus the T-SQL and Firebird words Halo's PMS databases use.
class SqlLexer : public QsciLexerSQL
{
public:
    using QsciLexerSQL::QsciLexerSQL;

    const char *keywords(int set) const override
    {
        if (set != 1)
            return QsciLexerSQL::keywords(set);
        static const QByteArray words =
            QByteArray(QsciLexerSQL::keywords(1)) +
            " top nolock with waitfor delay getdate isnull coalesce nvarchar varchar datetime2"
            " datetimeoffset uniqueidentifier bit tinyint smallint bigint money output offset"
            " fetch next rows only first skip rdb$database merge exec execute";
        return words.constData();
    }

    // Firebird's RDB$ names and T-SQL's #temp and @variables are words too.
    const char *wordCharacters() const override
    {
        return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$#@";
    }
    // "alias." starts completion with that alias's columns.
    QStringList autoCompletionWordSeparators() const override { return {QStringLiteral(".")}; }
};

constexpr int kCompletionThreshold = 3; // letters typed before completion offers itself

bool isCompletionKey(const QKeyEvent *event)
{
    return event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
}

bool isRunKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
           (event->modifiers() & Qt::ControlModifier);
}

bool isLeaveKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) &&
           (event->modifiers() & Qt::ControlModifier);
}

QToolButton *findButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setAccessibleName(name);
    button->setToolTip(name);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

SqlEditor::SqlEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new QsciScintilla(this))
    , m_findBar(new QWidget(this))
    , m_findText(new QLineEdit(m_findBar))
    , m_findPrevious(findButton(QStringLiteral("▲"), tr("Find previous"), m_findBar))
    , m_findNext(findButton(QStringLiteral("▼"), tr("Find next"), m_findBar))
    , m_closeFind(findButton(QStringLiteral("✕"), tr("Close find bar"), m_findBar))
{
    setUpEditor();

    m_findText->setAccessibleName(tr("Find in SQL"));
    m_findText->setPlaceholderText(tr("Find (Enter: next, Shift+Enter: previous, Esc: close)"));
    m_findText->setClearButtonEnabled(true);
    m_findText->installEventFilter(this);
    auto *findLabel = new QLabel(tr("Fi&nd:"), m_findBar);
    findLabel->setBuddy(m_findText);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(findLabel);
    findLayout->addWidget(m_findText, 1);
    findLayout->addWidget(m_findPrevious);
    findLayout->addWidget(m_findNext);
    findLayout->addWidget(m_closeFind);
    m_findBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_editor);

    connect(m_findText, &QLineEdit::returnPressed, this, [this]() { findNext(); });
    connect(m_findNext, &QToolButton::clicked, this, [this]() { findNext(); });
    connect(m_findPrevious, &QToolButton::clicked, this, [this]() { findNext(true); });
    connect(m_closeFind, &QToolButton::clicked, this, &SqlEditor::hideFindBar);
    connect(m_findText, &QLineEdit::textChanged, this,
            [this]() { m_findText->setStyleSheet(QString()); });
}

// The keys that open, close and switch editor tabs work from inside the editor too: Scintilla
// gives up its own uses of them (line transpose and line copy).
void SqlEditor::releaseTabKeys()
{
    QsciCommandSet *commands = m_editor->standardCommands();
    for (const QKeyCombination keys :
         {Qt::CTRL | Qt::Key_T, Qt::CTRL | Qt::SHIFT | Qt::Key_T, Qt::CTRL | Qt::Key_W,
          Qt::CTRL | Qt::Key_PageUp, Qt::CTRL | Qt::Key_PageDown}) {
        const int key = keys.toCombined();
        while (QsciCommand *command = commands->boundTo(key)) {
            if (command->key() == key)
                command->setKey(0);
            else
                command->setAlternateKey(0);
        }
    }
}

void SqlEditor::setUpEditor()
{
    m_editor->setAccessibleName(tr("SQL editor"));
    m_editor->setAccessibleDescription(
        tr("The SQL to run. Ctrl+Enter runs all of it, Ctrl+Shift+Enter the selection; Ctrl+F "
           "finds; Ctrl+Space completes names from the schema; Ctrl+Tab leaves the editor."));
    m_editor->setUtf8(true);

    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *lexer = new SqlLexer(m_editor);
    lexer->setDefaultFont(font);
    lexer->setFont(font, -1);
    lexer->setFoldComments(true);
    m_editor->setLexer(lexer);
    m_completion = new SqlCompletionApis(lexer, m_editor); // the lexer's from now on
    m_editor->setAutoCompletionSource(QsciScintilla::AcsAPIs);
    m_editor->setAutoCompletionCaseSensitivity(false);
    m_editor->setAutoCompletionThreshold(-1); // until there is a schema: Ctrl+Space and "."
    m_editor->SendScintilla(QsciScintillaBase::SCI_AUTOCSETORDER,
                            QsciScintillaBase::SC_ORDER_PERFORMSORT);

    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setMarginsFont(font);
    m_editor->setMarginWidth(0, QStringLiteral("00000"));
    m_editor->setFolding(QsciScintilla::BoxedTreeFoldStyle, 1);

    m_editor->setScrollWidth(1); // grows with the longest line, no scroll bar for short SQL
    m_editor->setScrollWidthTracking(true);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setAutoIndent(true);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setTabWidth(4);
    m_editor->setCaretLineVisible(true);
    releaseTabKeys();
    applyPalette();
    m_editor->installEventFilter(this);
}

void SqlEditor::applyPalette()
{
    // Follow the window's light or dark palette: paper, text, caret, margins and the SQL's
    // keywords, strings, comments and numbers in colours that read on that paper.
    const QPalette palette = this->palette(); // resolved before the editor's own on a change
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const ThemeColours::SqlColours colours = ThemeColours::sql(palette);
    auto *lexer = static_cast<QsciLexerSQL *>(m_editor->lexer());
    lexer->setDefaultPaper(paper);
    lexer->setPaper(paper, -1);
    lexer->setDefaultColor(text);
    for (int style = 0; style <= QsciLexerSQL::QuotedOperator; ++style)
        lexer->setColor(text, style);
    for (int style : {QsciLexerSQL::Keyword, QsciLexerSQL::KeywordSet5, QsciLexerSQL::KeywordSet6,
                      QsciLexerSQL::KeywordSet7, QsciLexerSQL::KeywordSet8,
                      QsciLexerSQL::PlusKeyword, QsciLexerSQL::PlusPrompt})
        lexer->setColor(colours.keyword, style);
    for (int style : {QsciLexerSQL::DoubleQuotedString, QsciLexerSQL::SingleQuotedString,
                      QsciLexerSQL::QuotedIdentifier})
        lexer->setColor(colours.string, style);
    for (int style : {QsciLexerSQL::Comment, QsciLexerSQL::CommentLine, QsciLexerSQL::CommentDoc,
                      QsciLexerSQL::CommentLineHash, QsciLexerSQL::CommentDocKeyword,
                      QsciLexerSQL::CommentDocKeywordError, QsciLexerSQL::PlusComment})
        lexer->setColor(colours.comment, style);
    lexer->setColor(colours.number, QsciLexerSQL::Number);

    m_editor->setMarginsBackgroundColor(palette.color(QPalette::Window));
    m_editor->setMarginsForegroundColor(ThemeColours::muted(palette, QPalette::Window));
    m_editor->setFoldMarginColors(palette.color(QPalette::Window), palette.color(QPalette::Window));
    m_editor->setCaretForegroundColor(text);
    m_editor->setCaretLineBackgroundColor(colours.caretLine);
    m_editor->setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    m_editor->setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    m_editor->setMatchedBraceBackgroundColor(colours.caretLine);
    m_editor->setMatchedBraceForegroundColor(colours.keyword);
    if (!m_findText->styleSheet().isEmpty())
        m_findText->setStyleSheet(notFoundStyle(palette));
}

void SqlEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
}

QString SqlEditor::text() const
{
    return m_editor->text();
}

void SqlEditor::setText(const QString &text)
{
    m_editor->setText(text);
}

void SqlEditor::insertAtCursor(const QString &text)
{
    m_editor->replaceSelectedText(text);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void SqlEditor::setCompletionSchema(const Halo::SchemaSnapshot &schema,
                                    Halo::SchemaDialect::Engine engine)
{
    m_completion->setSchema(schema, engine);
    m_editor->setAutoCompletionThreshold(schema.isEmpty() ? -1 : kCompletionThreshold);
}

QString SqlEditor::selectedText() const
{
    return m_editor->selectedText();
}

bool SqlEditor::hasSelectedText() const
{
    return m_editor->hasSelectedText();
}

QString SqlEditor::selectedOrAllText() const
{
    return hasSelectedText() ? selectedText() : text();
}

void SqlEditor::showFindBar()
{
    if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(QLatin1Char('\n')))
        m_findText->setText(m_editor->selectedText());
    m_findBar->show();
    m_findText->setFocus(Qt::ShortcutFocusReason);
    m_findText->selectAll();
}

void SqlEditor::hideFindBar()
{
    m_findBar->hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool SqlEditor::findNext(bool backwards)
{
    const QString expression = m_findText->text();
    if (expression.isEmpty())
        return false;
    if (backwards && m_editor->hasSelectedText()) {
        // Search backwards from where the current match starts, not from its end.
        int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
        m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        m_editor->setCursorPosition(lineFrom, indexFrom);
    }
    const bool found = m_editor->findFirst(expression, /*re*/ false, /*cs*/ false, /*wo*/ false,
                                           /*wrap*/ true, /*forward*/ !backwards);
    m_findText->setStyleSheet(found ? QString() : notFoundStyle(m_findText->palette()));
    m_findText->setAccessibleDescription(found ? QString()
                                               : tr("No match for “%1”").arg(expression));
    return found;
}

bool SqlEditor::eventFilter(QObject *watched, QEvent *event)
{
    const bool shortcutOverride = event->type() == QEvent::ShortcutOverride;
    if (!shortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);

    if (watched == m_findText) {
        const bool escape = key->key() == Qt::Key_Escape;
        const bool shiftEnter = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                                (key->modifiers() & Qt::ShiftModifier);
        if (!escape && !shiftEnter)
            return QWidget::eventFilter(watched, event);
        event->accept();
        if (!shortcutOverride) {
            if (escape)
                hideFindBar();
            else
                findNext(true);
        }
        return true;
    }
    if (watched != m_editor)
        return QWidget::eventFilter(watched, event);

    // These keys belong to the editor even where the window binds them (Ctrl+F filters sites).
    const bool find = key->matches(QKeySequence::Find);
    const bool run = isRunKey(key);
    const bool leave = isLeaveKey(key);
    const bool escape = key->key() == Qt::Key_Escape && m_findBar->isVisible();
    const bool complete = isCompletionKey(key);
    if (!find && !run && !leave && !escape && !complete)
        return QWidget::eventFilter(watched, event);
    event->accept();
    if (shortcutOverride)
        return true;
    if (complete)
        m_editor->autoCompleteFromAPIs();
    else if (find)
        showFindBar();
    else if (run && (key->modifiers() & Qt::ShiftModifier))
        emit runSelectionRequested();
    else if (run)
        emit runAllRequested();
    else if (leave)
        focusNextPrevChild(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier));
    else
        hideFindBar();
    return true;
}
