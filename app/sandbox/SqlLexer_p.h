// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sandbox's reading of SQL text for SqlRunner: tokens (SqlLexer.cpp), statements split at
// top-level semicolons, and the rewrite of T-SQL conveniences into SQLite (TsqlRewrite.cpp).
// Internal to the sandbox.
#include <QHash>
#include <QList>
#include <QString>

namespace Sandbox::detail {

enum class Kind { Space, Comment, String, Identifier, Word, Parameter, Symbol };

struct Token {
    Kind kind = Kind::Space;
    QString text;
    QString prefix; // emitted before text (for an inserted LIMIT)
};

QList<Token> lex(const QString &sql);
bool isWord(const Token &token, const char *word);
bool isSymbol(const Token &token, char symbol);
bool isBlank(const Token &token);
// Index of the next token after `i` that carries meaning, or tokens.size().
qsizetype nextSignificant(const QList<Token> &tokens, qsizetype i);

// Statements in order, each without its semicolon; blank statements are dropped.
QList<QList<Token>> splitStatements(const QList<Token> &tokens);

struct Statement {
    QString sql;
    QString firstWord;
};

// One statement as SQLite should run it; @names become the placeholders recorded in
// `placeholders` (bare lower-case name -> placeholder), shared by the statements of a batch.
Statement rewrite(QList<Token> tokens, QHash<QString, QString> *placeholders);

} // namespace Sandbox::detail
