// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlCompletionApis.h"

#include "schema/SqlCompletion.h"

#include <Qsci/qsciscintilla.h>

SqlCompletionApis::SqlCompletionApis(QsciLexer *lexer, QsciScintilla *editor)
    : QsciAbstractAPIs(lexer)
    , m_editor(editor)
{}

void SqlCompletionApis::setSchema(const Halo::SchemaSnapshot &schema,
                                  Halo::SchemaDialect::Engine engine)
{
    m_schema = schema;
    m_engine = engine;
}

void SqlCompletionApis::updateAutoCompletionList(const QStringList &, QStringList &list)
{
    // The whole text and the cursor as characters: the statement around it decides.
    const int caret = int(m_editor->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    const QByteArray before = m_editor->bytes(0, caret);
    const int position = int(
        QString::fromUtf8(before.constData(), qstrnlen(before.constData(), before.size())).size());
    m_last =
        Halo::SqlCompletion::complete(m_editor->text(), position, m_schema, m_engine).candidates;
    list = m_last;
}

QStringList SqlCompletionApis::callTips(const QStringList &, int, QsciScintilla::CallTipsStyle,
                                        QList<int> &)
{
    return {};
}
