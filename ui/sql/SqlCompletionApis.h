// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qsci/qsciabstractapis.h>

#include <QStringList>

#include "schema/SchemaDialect.h"
#include "schema/SchemaSnapshot.h"

class QsciScintilla;

// QScintilla's completion source for the SQL editor: at the cursor, what SqlCompletion offers
// from the schema of the site's catalogue (tables after FROM and JOIN, an alias's columns after
// "alias.", the statement's columns and the engine's keywords elsewhere). The lexer owns it.
class SqlCompletionApis : public QsciAbstractAPIs
{
public:
    SqlCompletionApis(QsciLexer *lexer, QsciScintilla *editor);

    void setSchema(const Halo::SchemaSnapshot &schema, Halo::SchemaDialect::Engine engine);
    const Halo::SchemaSnapshot &schema() const { return m_schema; }
    // What was offered last, in order (for tests and the accessible description).
    QStringList lastCandidates() const { return m_last; }

    void updateAutoCompletionList(const QStringList &context, QStringList &list) override;
    QStringList callTips(const QStringList &context, int commas, QsciScintilla::CallTipsStyle style,
                         QList<int> &shifts) override;

private:
    QsciScintilla *m_editor;
    Halo::SchemaSnapshot m_schema;
    Halo::SchemaDialect::Engine m_engine = Halo::SchemaDialect::Engine::SqlServer;
    QStringList m_last;
};
